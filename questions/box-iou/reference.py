import torch


def box_iou(boxes1: torch.Tensor, boxes2: torch.Tensor) -> torch.Tensor:
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])  # [N]
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])  # [M]

    lt = torch.max(boxes1[:, None, :2], boxes2[None, :, :2])  # [N, M, 2] top-left
    rb = torch.min(boxes1[:, None, 2:], boxes2[None, :, 2:])  # [N, M, 2] bottom-right
    wh = (rb - lt).clamp(min=0)  # no overlap -> 0 width or height
    inter = wh[..., 0] * wh[..., 1]  # [N, M]

    union = area1[:, None] + area2[None, :] - inter
    return inter / union
