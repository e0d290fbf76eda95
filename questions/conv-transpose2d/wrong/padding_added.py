# expect: failed
# failing-check: shape
# mistake: padding is added around the output as in a convolution; in a transposed convolution padding removes padding rows and columns from each border, so H_out = (H - 1) * stride - 2 * padding + k.
# mistake-zh: 像普通卷积那样在输出四周补了 padding；转置卷积的 padding 是从每条边上裁掉 padding 行 / 列，所以 H_out = (H - 1) * stride - 2 * padding + k。
import torch
import torch.nn.functional as F


def conv_transpose2d(x, weight, stride, padding):
    n, c_in, h, w = x.shape
    _, c_out, k, _ = weight.shape
    s, p = stride, padding
    full_h, full_w = (h - 1) * s + k, (w - 1) * s + k
    out = x.new_zeros(n, c_out, full_h, full_w)
    for i in range(k):
        for j in range(k):
            contrib = torch.einsum("nchw,co->nohw", x, weight[:, :, i, j])
            out[:, :, i : i + (h - 1) * s + 1 : s, j : j + (w - 1) * s + 1 : s] += contrib
    return F.pad(out, (p, p, p, p))  # should crop p from each side instead
