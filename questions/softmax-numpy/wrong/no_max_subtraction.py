# expect: failed
# failing-check: values
# mistake: exp(x) is taken without subtracting the max, so exp(1e4) overflows to inf (inf / inf = nan) and exp(-1e4) underflows to 0 (0 / 0 = nan); subtract x.max(axis, keepdims=True) first
# mistake-zh: 没有先减最大值就取 exp，exp(1e4) 上溢成 inf（inf / inf = nan），exp(-1e4) 下溢成 0（0 / 0 = nan）；要先减去 x.max(axis, keepdims=True)
import numpy as np


def softmax(x, axis):
    e = np.exp(x)
    return e / np.sum(e, axis=axis, keepdims=True)
