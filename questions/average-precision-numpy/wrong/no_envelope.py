# expect: failed
# failing-check: values
# mistake: the raw precision is summed over the recall steps without the envelope; interpolate first, p(r) = max precision at any recall >= r (a running max from the right)
# mistake-zh: 直接用原始精度在 recall 台阶上求和，没有做包络；要先插值：p(r) = 所有 recall >= r 处的最大精度（从右往左取累计最大值）
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
    mrec = np.concatenate(([0.0], recall, [1.0]))
    mpre = np.concatenate(([0.0], precision, [0.0]))  # no running max
    i = np.flatnonzero(mrec[1:] != mrec[:-1])
    return float(np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1]))
