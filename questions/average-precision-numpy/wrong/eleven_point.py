# expect: failed
# failing-check: values
# mistake: this is the VOC2007 11-point interpolation (mean of the max precision at recall >= 0, 0.1, ..., 1); the task asks for the all-point area of VOC2010+, summing the envelope over every recall change
# mistake-zh: 这是 VOC2007 的 11 点插值（在 recall >= 0, 0.1, ..., 1 处取最大精度再平均）；本题要求 VOC2010 之后的全点插值面积，在每个 recall 变化处累加包络精度
import numpy as np


def average_precision(scores, is_tp, num_gt):
    if num_gt == 0 or scores.size == 0:
        return 0.0
    order = np.argsort(-scores, kind="stable")
    hits = is_tp[order].astype(np.float64)
    tp = np.cumsum(hits)
    fp = np.cumsum(1.0 - hits)
    recall = tp / num_gt
    precision = tp / (tp + fp)
    ap = 0.0
    for t in np.arange(0.0, 1.1, 0.1):
        p = precision[recall >= t].max() if np.any(recall >= t) else 0.0
        ap += p / 11.0
    return float(ap)
