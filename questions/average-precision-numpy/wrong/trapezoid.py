# expect: failed
# failing-check: values
# mistake: the area is taken with the trapezoidal rule on the raw precision/recall points; VOC AP is the area under the step curve of the precision envelope, sum of (delta recall) x interpolated precision
# mistake-zh: 用梯形法则在原始的 precision/recall 点上求面积；VOC 的 AP 是精度包络阶梯曲线下的面积，即 sum(recall 增量 x 插值精度)
import numpy as np


def average_precision(scores, is_tp, num_gt):
    if num_gt == 0 or scores.size == 0:
        return 0.0
    order = np.argsort(-scores, kind="stable")
    hits = is_tp[order].astype(np.float64)
    tp = np.cumsum(hits)
    fp = np.cumsum(1.0 - hits)
    recall = np.concatenate(([0.0], tp / num_gt))
    precision = np.concatenate(([1.0], tp / (tp + fp)))
    return float(np.sum((recall[1:] - recall[:-1]) * (precision[1:] + precision[:-1]) / 2))
