import torch


def nms(boxes: torch.Tensor, scores: torch.Tensor, iou_threshold: float) -> torch.Tensor:
    """Greedy non-maximum suppression (torchvision.ops.nms semantics).

    boxes: [N, 4] float tensor (x1, y1, x2, y2); scores: [N] float tensor (all distinct).
    Returns an int64 tensor with the indices of the kept boxes, in decreasing order of score.
    A box is discarded if its IoU with an already kept box is strictly greater than iou_threshold.
    """
    # TODO: sort by score, then keep / suppress greedily.
    raise NotImplementedError
