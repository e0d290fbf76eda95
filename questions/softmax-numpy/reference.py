import numpy as np


def softmax(x, axis):
    z = x - np.max(x, axis=axis, keepdims=True)  # largest entry becomes 0: exp never overflows
    e = np.exp(z)
    return e / np.sum(e, axis=axis, keepdims=True)
