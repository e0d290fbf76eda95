# expect: failed
# failing-check: values
# mistake: np.argsort(scores)[::-1] reverses an ascending sort, which also reverses the order of tied scores; sort with np.argsort(-scores, kind="stable") so ties keep the input order
# mistake-zh: np.argsort(scores)[::-1] 是把升序结果倒过来，分数并列的检测顺序也被倒过来了；应当用 np.argsort(-scores, kind="stable")，并列时保持输入顺序
import numpy as np


def average_precision(scores, is_tp, num_gt):
    if num_gt == 0 or scores.size == 0:
        return 0.0
    order = np.argsort(scores, kind="stable")[::-1]  # ties come out in reverse input order
    hits = is_tp[order].astype(np.float64)
    tp = np.cumsum(hits)
    fp = np.cumsum(1.0 - hits)
    recall = tp / num_gt
    precision = tp / (tp + fp)
    mrec = np.concatenate(([0.0], recall, [1.0]))
    mpre = np.concatenate(([0.0], precision, [0.0]))
    mpre = np.maximum.accumulate(mpre[::-1])[::-1]
    i = np.flatnonzero(mrec[1:] != mrec[:-1])
    return float(np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1]))
