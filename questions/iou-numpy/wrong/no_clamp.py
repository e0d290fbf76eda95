# expect: failed
# failing-check: values
# mistake: the intersection width and height are not clipped at 0, so disjoint boxes get a negative (or a spurious positive) intersection; use np.clip(rb - lt, 0, None) before multiplying
# mistake-zh: 交集的宽高没有先截断到 0，不相交的框得到负的（或“负负得正”的）交集面积；相乘前要 np.clip(rb - lt, 0, None)
import numpy as np


def box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = np.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = np.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = rb - lt  # forgot to clip at 0
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area1[:, None] + area2[None, :] - inter)
