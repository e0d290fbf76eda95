# expect: failed
# failing-check: values
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
