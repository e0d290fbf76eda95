import numpy as np


def average_precision(scores, is_tp, num_gt):
    if num_gt == 0 or scores.size == 0:
        return 0.0
    order = np.argsort(-scores, kind="stable")  # decreasing score; ties keep the input order
    hits = is_tp[order].astype(np.float64)
    tp = np.cumsum(hits)
    fp = np.cumsum(1.0 - hits)
    recall = tp / num_gt
    precision = tp / (tp + fp)

    # sentinels, then the precision envelope: the max precision at any recall >= r
    mrec = np.concatenate(([0.0], recall, [1.0]))
    mpre = np.concatenate(([0.0], precision, [0.0]))
    mpre = np.maximum.accumulate(mpre[::-1])[::-1]

    # area under the step curve: sum over the points where recall changes
    i = np.flatnonzero(mrec[1:] != mrec[:-1])
    return float(np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1]))
