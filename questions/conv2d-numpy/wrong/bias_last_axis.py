# expect: failed
# failing-check: exception
# mistake: out + bias broadcasts the [O] bias against the last (width) axis of [N, O, H, W]; reshape it to bias[None, :, None, None] so it is added per output channel
# mistake-zh: out + bias 会把 [O] 的 bias 广播到 [N, O, H, W] 的最后一维（宽度）上；要写成 bias[None, :, None, None]，按输出通道相加
import numpy as np


def conv2d(x, weight, bias, stride, padding):
    n, c, h, w = x.shape
    o, _, k, _ = weight.shape
    h_out = (h + 2 * padding - k) // stride + 1
    w_out = (w + 2 * padding - k) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    cols = np.empty((n, c, k, k, h_out, w_out), dtype=x.dtype)
    for u in range(k):
        for v in range(k):
            cols[:, :, u, v] = xp[:, :, u : u + stride * h_out : stride, v : v + stride * w_out : stride]
    out = weight.reshape(o, c * k * k) @ cols.reshape(n, c * k * k, h_out * w_out)
    out = out.reshape(n, o, h_out, w_out)
    if bias is not None:
        out = out + bias  # broadcasts along W, not along O
    return out
