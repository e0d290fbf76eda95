import torch


def generalized_box_iou(boxes1: torch.Tensor, boxes2: torch.Tensor) -> torch.Tensor:
    """Pairwise GIoU of two sets of (x1, y1, x2, y2) boxes, like torchvision.ops.generalized_box_iou.

    boxes1: [N, 4], boxes2: [M, 4] float32 with x1 < x2 and y1 < y2.
    Returns [N, M]: IoU - (|C| - |A u B|) / |C|, C the smallest box enclosing both.
    """
    # TODO: intersection and union as for IoU, then the enclosing box and the penalty term.
    raise NotImplementedError
