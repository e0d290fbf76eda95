import torch


def generalized_box_iou(boxes1: torch.Tensor, boxes2: torch.Tensor) -> torch.Tensor:
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])  # [N]
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])  # [M]

    lt = torch.max(boxes1[:, None, :2], boxes2[None, :, :2])  # intersection top-left
    rb = torch.min(boxes1[:, None, 2:], boxes2[None, :, 2:])  # intersection bottom-right
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]  # [N, M]
    union = area1[:, None] + area2[None, :] - inter
    iou = inter / union

    lt_c = torch.min(boxes1[:, None, :2], boxes2[None, :, :2])  # enclosing box top-left
    rb_c = torch.max(boxes1[:, None, 2:], boxes2[None, :, 2:])  # enclosing box bottom-right
    wh_c = rb_c - lt_c  # never negative: no clamp needed
    area_c = wh_c[..., 0] * wh_c[..., 1]  # [N, M]

    return iou - (area_c - union) / area_c
