# expect: failed
# failing-check: values
# mistake: num_gt == 0 is not handled, so recall = TP / 0 gives nan and the AP is nan; the task defines the AP of a class without ground truth as 0.0
# mistake-zh: 没有处理 num_gt == 0，recall = TP / 0 得到 nan，AP 也成了 nan；本题规定没有真值的类别 AP 为 0.0
import numpy as np


def average_precision(scores, is_tp, num_gt):
    if scores.size == 0:
        return 0.0
    order = np.argsort(-scores, kind="stable")
    hits = is_tp[order].astype(np.float64)
    tp = np.cumsum(hits)
    fp = np.cumsum(1.0 - hits)
    recall = tp / num_gt  # 0 / 0 when there is no ground truth
    precision = tp / (tp + fp)
    mrec = np.concatenate(([0.0], recall, [1.0]))
    mpre = np.concatenate(([0.0], precision, [0.0]))
    mpre = np.maximum.accumulate(mpre[::-1])[::-1]
    i = np.flatnonzero(mrec[1:] != mrec[:-1])
    return float(np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1]))
