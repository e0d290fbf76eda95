# expect: failed
# failing-check: values
# mistake: recall is divided by the number of true positives among the detections instead of num_gt, so missed objects are ignored; recall = cumulative TP / num_gt
# mistake-zh: recall 除以的是检测结果里的 TP 总数而不是 num_gt，漏检的目标被忽略了；recall = 累计 TP / num_gt
import numpy as np


def average_precision(scores, is_tp, num_gt):
    if num_gt == 0 or scores.size == 0:
        return 0.0
    order = np.argsort(-scores, kind="stable")
    hits = is_tp[order].astype(np.float64)
    tp = np.cumsum(hits)
    fp = np.cumsum(1.0 - hits)
    recall = tp / max(tp[-1], 1.0)  # should be num_gt
    precision = tp / (tp + fp)
    mrec = np.concatenate(([0.0], recall, [1.0]))
    mpre = np.concatenate(([0.0], precision, [0.0]))
    mpre = np.maximum.accumulate(mpre[::-1])[::-1]
    i = np.flatnonzero(mrec[1:] != mrec[:-1])
    return float(np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1]))
