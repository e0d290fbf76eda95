# expect: failed
# failing-check: forbidden
# feedback-contains: interpolate
# mistake: F.interpolate is called, which is disabled in this question; compute the source coordinate of every output row and column yourself and blend the two neighbouring pixels along each axis with index gathers.
# mistake-zh: 调用了 F.interpolate，本题禁止使用；应自己算出每个输出行、列对应的源坐标，再用索引 gather 沿每个轴对相邻的两个像素加权。
import torch.nn.functional as F


def bilinear_resize(x, out_h, out_w):
    return F.interpolate(x, size=(out_h, out_w), mode="bilinear", align_corners=False)
