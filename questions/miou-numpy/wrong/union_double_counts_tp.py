# expect: failed
# failing-check: values
# mistake: the union is taken as |pred| + |target| without subtracting the intersection, so TP is counted twice; union = TP + FP + FN = |pred| + |target| - TP
# mistake-zh: 并集直接取 |pred| + |target|，没有减去交集，TP 被算了两次；并集 = TP + FP + FN = |pred| + |target| - TP
import numpy as np


def mean_iou(pred, target, num_classes, ignore_index):
    valid = target != ignore_index
    t = target[valid].astype(np.int64)
    p = pred[valid].astype(np.int64)
    cm = np.bincount(num_classes * t + p, minlength=num_classes**2).reshape(num_classes, num_classes)
    tp = np.diag(cm)
    union = cm.sum(axis=0) + cm.sum(axis=1)  # forgot "- tp"
    with np.errstate(divide="ignore", invalid="ignore"):
        per_class_iou = tp / union
    present = ~np.isnan(per_class_iou)
    miou = per_class_iou[present].mean() if present.any() else np.nan
    return float(miou), per_class_iou
