# expect: failed
# failing-check: values
# mistake: the global max of the whole array is subtracted instead of the max along the axis, so a row far below it underflows to 0 / 0 = nan; use x.max(axis=axis, keepdims=True)
# mistake-zh: 减的是整个数组的全局最大值，而不是沿 axis 的最大值，远小于它的那一行下溢成 0 / 0 = nan；应当用 x.max(axis=axis, keepdims=True)
import numpy as np


def softmax(x, axis):
    e = np.exp(x - np.max(x))  # one max for the whole array
    return e / np.sum(e, axis=axis, keepdims=True)
