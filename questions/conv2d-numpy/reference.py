import numpy as np


def conv2d(x, weight, bias, stride, padding):
    n, c, h, w = x.shape
    o, _, k, _ = weight.shape
    h_out = (h + 2 * padding - k) // stride + 1
    w_out = (w + 2 * padding - k) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))  # zeros

    # im2col: cols[n, c, u, v, i, j] = xp[n, c, i * stride + u, j * stride + v]
    cols = np.empty((n, c, k, k, h_out, w_out), dtype=x.dtype)
    for u in range(k):
        for v in range(k):
            cols[:, :, u, v] = xp[:, :, u : u + stride * h_out : stride, v : v + stride * w_out : stride]

    # [O, C*k*k] @ [N, C*k*k, H_out*W_out] -> [N, O, H_out*W_out]; both flattened in (c, u, v) order
    out = weight.reshape(o, c * k * k) @ cols.reshape(n, c * k * k, h_out * w_out)
    out = out.reshape(n, o, h_out, w_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out
