# expect: failed
# failing-check: values
# mistake: the kernel is flipped (weight.flip(2, 3)) as in the textbook convolution; F.conv2d computes cross-correlation, so the weights are used as they are.
# mistake-zh: 把卷积核翻转了（weight.flip(2, 3)），这是教科书里的卷积；F.conv2d 计算的是互相关，权重应原样使用。
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    n, _, h, w = x.shape
    c_out, c_in, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    # "true" convolution: flips the kernel, but F.conv2d is cross-correlation
    wflip = weight.flip(2, 3)
    out = wflip.reshape(c_out, -1) @ cols
    if bias is not None:
        out = out + bias[:, None]
    return out.reshape(n, c_out, h_out, w_out)
