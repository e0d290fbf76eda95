# expect: failed
# failing-check: values
# mistake: the weight is read as [C_out, C_in, k, k] like a Conv2d weight; F.conv_transpose2d's weight is [C_in, C_out, k, k], so weight[c, o] connects input channel c to output channel o.
# mistake-zh: 把权重当成 Conv2d 那样的 [C_out, C_in, k, k] 来读了；F.conv_transpose2d 的权重是 [C_in, C_out, k, k]，weight[c, o] 连接输入通道 c 和输出通道 o。
import torch


def conv_transpose2d(x, weight, stride, padding):
    n, c_in, h, w = x.shape
    c_out, _, k, _ = weight.shape  # wrong layout
    s, p = stride, padding
    full_h, full_w = (h - 1) * s + k, (w - 1) * s + k
    out = x.new_zeros(n, c_out, full_h, full_w)
    for i in range(k):
        for j in range(k):
            contrib = torch.einsum("nchw,oc->nohw", x, weight[:, :, i, j])
            out[:, :, i : i + (h - 1) * s + 1 : s, j : j + (w - 1) * s + 1 : s] += contrib
    return out[:, :, p : full_h - p, p : full_w - p]
