# expect: failed
# failing-check: values
# mistake: the kernel is flipped (true convolution); a deep-learning conv2d is cross-correlation: out[i, j] uses weight[u, v] * x_pad[i*s + u, j*s + v] with no flip
# mistake-zh: 把卷积核翻转了（数学上的卷积）；深度学习里的 conv2d 是互相关：out[i, j] 用 weight[u, v] * x_pad[i*s + u, j*s + v]，不翻转
import numpy as np


def conv2d(x, weight, bias, stride, padding):
    n, c, h, w = x.shape
    o, _, k, _ = weight.shape
    weight = weight[:, :, ::-1, ::-1]  # "convolution flips the kernel"
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
        out = out + bias[None, :, None, None]
    return out
