# expect: failed
# failing-check: values
# mistake: the intersection width and height are not clamped at 0, so disjoint boxes get a negative (or, separated on both axes, a spurious positive) intersection; clamp(min=0) before multiplying.
# mistake-zh: 交集的宽高没有 clamp 到 0，不相交的框得到负的交集（两个方向都分离时还会“负负得正”）；相乘前要 clamp(min=0)。
import torch


def generalized_box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = torch.max(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = rb - lt  # forgot .clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    union = area1[:, None] + area2[None, :] - inter
    iou = inter / union
    lt_c = torch.min(boxes1[:, None, :2], boxes2[None, :, :2])
    rb_c = torch.max(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh_c = rb_c - lt_c
    area_c = wh_c[..., 0] * wh_c[..., 1]
    return iou - (area_c - union) / area_c
