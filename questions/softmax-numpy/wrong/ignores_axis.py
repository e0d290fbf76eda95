# expect: failed
# failing-check: values
# mistake: the softmax is always taken over the last axis; use the axis argument (which may be 0 or negative) in both the max and the sum
# mistake-zh: 总是沿最后一维做 softmax；max 和 sum 都要用传入的 axis 参数（可能是 0 或负数）
import numpy as np


def softmax(x, axis):
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)
