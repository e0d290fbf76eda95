# expect: failed
# failing-check: shape
# mistake: the windows are taken kernel_size apart (non-overlapping tiles), ignoring the stride argument; windows start every stride pixels.
# mistake-zh: 窗口按 kernel_size 的间隔取（互不重叠的块），忽略了 stride 参数；窗口应每隔 stride 个像素开始一个。
import torch
import torch.nn.functional as F


def max_pool2d(x, kernel_size, stride, padding):
    k, p = kernel_size, padding
    xp = F.pad(x, (p, p, p, p), value=float("-inf"))
    return xp.unfold(2, k, k).unfold(3, k, k).amax(dim=(-2, -1))  # step k instead of stride
