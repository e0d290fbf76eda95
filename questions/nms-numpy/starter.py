import numpy as np


def nms(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float) -> np.ndarray:
    """Greedy non-maximum suppression (torchvision.ops.nms semantics), in NumPy.

    boxes: [N, 4] float array (x1, y1, x2, y2); scores: [N] float array (all distinct).
    Returns an int64 array with the indices of the kept boxes, in decreasing order of score.
    A box is discarded if its IoU with an already kept box is strictly greater than iou_threshold.
    """
    # TODO: sort by score, then keep / suppress greedily.
    raise NotImplementedError
