# expect: failed
# failing-check: exception
# mistake: max and sum are taken without keepdims=True, so the reduced array no longer broadcasts against x; keep the reduced axis with keepdims=True
# mistake-zh: max 和 sum 没加 keepdims=True，归约后的数组无法再和 x 正确广播；要用 keepdims=True 保留被归约的维度
import numpy as np


def softmax(x, axis):
    e = np.exp(x - np.max(x, axis=axis))
    return e / np.sum(e, axis=axis)
