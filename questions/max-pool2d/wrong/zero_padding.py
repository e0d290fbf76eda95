# expect: failed
# failing-check: values
# mistake: the border is padded with zeros (F.unfold's padding, or F.pad's default value), so a window over negative values returns 0; max pooling pads with -inf so that padding can never be the maximum.
# mistake-zh: 边界补的是 0（F.unfold 的 padding 或 F.pad 的默认值），窗口里全是负数时结果变成 0；max pooling 应补 -inf，让 padding 永远不会成为最大值。
import torch
import torch.nn.functional as F


def max_pool2d(x, kernel_size, stride, padding):
    n, c, h, w = x.shape
    k, s, p = kernel_size, stride, padding
    h_out, w_out = (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1
    cols = F.unfold(x, k, padding=p, stride=s)  # zero padding
    return cols.view(n, c, k * k, h_out * w_out).amax(dim=2).view(n, c, h_out, w_out)
