# expect: failed
# failing-check: values
# mistake: the exponentials are divided by the sum over the whole array instead of the sum along the axis; each slice along the axis must sum to 1
# mistake-zh: exp 之后除以的是整个数组的和，而不是沿 axis 的和；沿 axis 的每一个切片都应当和为 1
import numpy as np


def softmax(x, axis):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e)
