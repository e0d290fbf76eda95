# expect: failed
# failing-check: values
# mistake: the bias is never added; when bias is given, add bias[o] to every output position of channel o (out + bias[:, None] on the [N, C_out, L] result).
# mistake-zh: 没有加 bias；给了 bias 时，要把 bias[o] 加到通道 o 的每个输出位置上（对 [N, C_out, L] 的结果做 out + bias[:, None]）。
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    n, _, h, w = x.shape
    c_out, c_in, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    out = weight.reshape(c_out, -1) @ cols  # bias never added
    return out.reshape(n, c_out, h_out, w_out)
