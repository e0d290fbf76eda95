# expect: failed
# failing-check: values
# mistake: the patches are flattened in (kh, kw, C) order but the weight in (C, kh, kw) order, so the wrong products are summed; flatten both in the same order
# mistake-zh: patch 按 (kh, kw, C) 顺序展平，而权重按 (C, kh, kw) 展平，乘到了错位的元素上；两者必须按同一顺序展平
import numpy as np


def conv2d(x, weight, bias, stride, padding):
    n, c, h, w = x.shape
    o, _, k, _ = weight.shape
    h_out = (h + 2 * padding - k) // stride + 1
    w_out = (w + 2 * padding - k) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    cols = np.empty((n, k, k, c, h_out, w_out), dtype=x.dtype)  # (u, v, c) order
    for u in range(k):
        for v in range(k):
            cols[:, u, v] = xp[:, :, u : u + stride * h_out : stride, v : v + stride * w_out : stride]
    out = weight.reshape(o, c * k * k) @ cols.reshape(n, c * k * k, h_out * w_out)
    out = out.reshape(n, o, h_out, w_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out
