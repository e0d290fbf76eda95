# expect: failed
# failing-check: shape
# mistake: the output size is rounded up (ceil_mode=True), keeping a last partial window; with the default ceil_mode=False it is floor((H + 2 * padding - k) / stride) + 1.
# mistake-zh: 输出尺寸向上取整了（ceil_mode=True），保留了最后一个不完整的窗口；默认 ceil_mode=False 时是 floor((H + 2 * padding - k) / stride) + 1。
import math

import torch
import torch.nn.functional as F


def max_pool2d(x, kernel_size, stride, padding):
    n, c, h, w = x.shape
    k, s, p = kernel_size, stride, padding
    h_out = math.ceil((h + 2 * p - k) / s) + 1  # should be floor
    w_out = math.ceil((w + 2 * p - k) / s) + 1
    need_h, need_w = (h_out - 1) * s + k, (w_out - 1) * s + k
    xp = F.pad(x, (p, need_w - w - p, p, need_h - h - p), value=float("-inf"))
    return xp.unfold(2, k, s).unfold(3, k, s).amax(dim=(-2, -1))
