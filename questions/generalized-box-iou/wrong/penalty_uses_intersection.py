# expect: failed
# failing-check: values
# mistake: the penalty is (|C| - |A n B|) / |C| with the intersection; GIoU subtracts (|C| - |A u B|) / |C|, the fraction of C covered by neither box, so use the union.
# mistake-zh: 惩罚项写成了 (|C| - |A n B|) / |C|，用的是交集；GIoU 减去的是 (|C| - |A u B|) / |C|，即 C 中两个框都没覆盖的比例，应当用并集。
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
    lt_c = torch.min(boxes1[:, None, :2], boxes2[None, :, :2])
    rb_c = torch.max(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh_c = rb_c - lt_c
    area_c = wh_c[..., 0] * wh_c[..., 1]
    return iou - (area_c - inter) / area_c  # should be (area_c - union)
