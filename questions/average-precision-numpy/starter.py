import numpy as np


def average_precision(scores, is_tp, num_gt):
    """All-point interpolated average precision of one class (PASCAL VOC 2010+ style).

    scores: [D] float array of detection confidences; is_tp: [D] bool array (True = the detection
    matched a ground-truth object); num_gt: int, the number of ground-truth objects.
    Returns a float. Sort by decreasing score (stable: ties keep the input order).
    """
    # TODO: sort, cumulative TP / FP, precision and recall, precision envelope, area.
    raise NotImplementedError
