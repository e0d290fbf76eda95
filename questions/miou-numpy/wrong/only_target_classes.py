# expect: failed
# failing-check: values
# mistake: only classes present in the target are scored, so a class that is only predicted (all false positives) is skipped; it has IoU 0 and counts in the mean, only classes absent from both are nan
# mistake-zh: 只统计 target 中出现的类别，只被预测出来的类别（全是误检）被跳过了；它的 IoU 是 0 且要计入均值，只有两边都不出现的类别才是 nan
import numpy as np


def mean_iou(pred, target, num_classes, ignore_index):
    valid = target != ignore_index
    t = target[valid].astype(np.int64)
    p = pred[valid].astype(np.int64)
    cm = np.bincount(num_classes * t + p, minlength=num_classes**2).reshape(num_classes, num_classes)
    tp = np.diag(cm)
    union = cm.sum(axis=0) + cm.sum(axis=1) - tp
    per_class_iou = np.full(num_classes, np.nan)
    in_target = cm.sum(axis=1) > 0  # should be union > 0
    per_class_iou[in_target] = tp[in_target] / union[in_target]
    present = ~np.isnan(per_class_iou)
    miou = per_class_iou[present].mean() if present.any() else np.nan
    return float(miou), per_class_iou
