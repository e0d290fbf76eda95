# expect: failed
# failing-check: shape
# mistake: F.pad(x, (p, p)) pads only the last dimension (the width); F.pad takes pairs from the last dimension backwards, so padding H and W needs (p, p, p, p).
# mistake-zh: F.pad(x, (p, p)) 只补了最后一维（宽度）；F.pad 的参数从最后一维往前成对给出，同时补 H 和 W 需要 (p, p, p, p)。
import torch
import torch.nn.functional as F


def max_pool2d(x, kernel_size, stride, padding):
    k, s, p = kernel_size, stride, padding
    xp = F.pad(x, (p, p), value=float("-inf"))  # only W is padded
    return xp.unfold(2, k, s).unfold(3, k, s).amax(dim=(-2, -1))
