# expect: failed
# failing-check: shape
# mistake: the output size leaves out the padding; it is H_out = (H + 2 * padding - k) // stride + 1 (and the same for W)
# mistake-zh: 输出尺寸漏掉了 padding；正确公式是 H_out = (H + 2 * padding - k) // stride + 1（W 同理）
import numpy as np


def conv2d(x, weight, bias, stride, padding):
    n, c, h, w = x.shape
    o, _, k, _ = weight.shape
    h_out = (h - k) // stride + 1
    w_out = (w - k) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    cols = np.empty((n, c, k, k, h_out, w_out), dtype=x.dtype)
    for u in range(k):
        for v in range(k):
            cols[:, :, u, v] = xp[:, :, u : u + stride * h_out : stride, v : v + stride * w_out : stride]
    out = weight.reshape(o, c * k * k) @ cols.reshape(n, c * k * k, h_out * w_out)
    out = out.reshape(n, o, h_out, w_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out
