# expect: failed
# failing-check: values
# mistake: an epsilon in the denominator turns the 0 / 0 of two zero-area boxes into 0; the required semantics (torchvision's) has no epsilon and gives nan there
# mistake-zh: 分母加了 eps，把两个零面积框的 0 / 0 变成了 0；要求的语义（与 torchvision 一致）不加 eps，此处应为 nan
import numpy as np


def box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = np.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = np.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = np.clip(rb - lt, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area1[:, None] + area2[None, :] - inter + 1e-9)
