import numpy as np


def box_iou(boxes1: np.ndarray, boxes2: np.ndarray) -> np.ndarray:
    """Pairwise IoU of two sets of boxes in (x1, y1, x2, y2) format.

    boxes1: [N, 4] float array, boxes2: [M, 4] float array, with x1 <= x2 and y1 <= y2.
    Returns an [N, M] float array where out[i, j] = IoU(boxes1[i], boxes2[j]).
    """
    # TODO: intersection (clamped at 0), areas, union, then intersection / union.
    raise NotImplementedError
