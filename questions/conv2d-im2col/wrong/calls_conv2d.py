# expect: failed
# failing-check: forbidden
# feedback-contains: conv2d
# mistake: F.conv2d is called, which is disabled in this question; build the patch matrix with F.unfold (or slicing) and multiply it by weight.reshape(C_out, C_in * kH * kW).
# mistake-zh: 调用了 F.conv2d，本题禁止使用；应该用 F.unfold（或切片）构造 patch 矩阵，再与 weight.reshape(C_out, C_in * kH * kW) 做矩阵乘法。
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    return F.conv2d(x, weight, bias, stride=stride, padding=padding)
