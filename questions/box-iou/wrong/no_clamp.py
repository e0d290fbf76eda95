# expect: failed
# failing-check: values
# mistake: the intersection width and height (rb - lt) are not clamped at 0, so disjoint boxes get a negative intersection (or, separated on both axes, a spurious positive one); apply clamp(min=0) before multiplying.
# mistake-zh: 交集的宽高（rb - lt）没有 clamp 到 0，不相交的框得到负的交集（两个方向都分离时还会“负负得正”）；相乘前要 clamp(min=0)。
import torch


def box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = torch.max(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = rb - lt  # forgot .clamp(min=0): disjoint boxes get negative (or "negative x negative") area
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area1[:, None] + area2[None, :] - inter)
