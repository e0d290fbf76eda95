# expect: failed
# failing-check: exception
# mistake: np.pad(x, padding) pads every axis, batch and channel included; pad only the two spatial axes: np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
# mistake-zh: np.pad(x, padding) 会在所有维度上补零，连 batch 和通道维也补了；只应补两个空间维：np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
import numpy as np


def conv2d(x, weight, bias, stride, padding):
    n, c, h, w = x.shape
    o, _, k, _ = weight.shape
    h_out = (h + 2 * padding - k) // stride + 1
    w_out = (w + 2 * padding - k) // stride + 1
    xp = np.pad(x, padding)  # also pads N and C
    cols = np.empty((n, c, k, k, h_out, w_out), dtype=x.dtype)
    for u in range(k):
        for v in range(k):
            cols[:, :, u, v] = xp[:, :, u : u + stride * h_out : stride, v : v + stride * w_out : stride]
    out = weight.reshape(o, c * k * k) @ cols.reshape(n, c * k * k, h_out * w_out)
    out = out.reshape(n, o, h_out, w_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out
