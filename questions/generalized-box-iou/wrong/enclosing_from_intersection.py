# expect: failed
# failing-check: values
# mistake: the enclosing box C is built like the intersection (max of top-left corners, min of bottom-right corners); C is the smallest box containing both, so take the min of the top-left corners and the max of the bottom-right corners.
# mistake-zh: 外接框 C 按交集的方式构造（左上角取 max、右下角取 min）；C 是同时包住两个框的最小框，应当左上角取 min、右下角取 max。
import torch


def generalized_box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = torch.max(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    union = area1[:, None] + area2[None, :] - inter
    iou = inter / union
    lt_c = torch.max(boxes1[:, None, :2], boxes2[None, :, :2])  # should be min
    rb_c = torch.min(boxes1[:, None, 2:], boxes2[None, :, 2:])  # should be max
    wh_c = (rb_c - lt_c).clamp(min=0)
    area_c = wh_c[..., 0] * wh_c[..., 1]
    return iou - (area_c - union) / area_c
