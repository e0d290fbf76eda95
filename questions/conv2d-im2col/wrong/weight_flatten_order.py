# expect: failed
# failing-check: values
# mistake: the weight is flattened channels-last, in (kH, kW, C_in) order, but each F.unfold column is ordered (C_in, kH, kW); flatten it with weight.reshape(C_out, C_in * kH * kW) so that the two orders match.
# mistake-zh: 权重按 channels-last 的 (kH, kW, C_in) 顺序展平了，而 F.unfold 每一列的顺序是 (C_in, kH, kW)；应该用 weight.reshape(C_out, C_in * kH * kW) 展平，让两者顺序一致。
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    n, _, h, w = x.shape
    c_out, c_in, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)  # rows ordered (C_in, kH, kW)
    # flattened channels-last (kH, kW, C_in): does not match the order of the unfold rows
    wmat = weight.permute(0, 2, 3, 1).reshape(c_out, -1)
    out = wmat @ cols
    if bias is not None:
        out = out + bias[:, None]
    return out.reshape(n, c_out, h_out, w_out)
