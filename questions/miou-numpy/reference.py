import numpy as np


def mean_iou(pred, target, num_classes, ignore_index):
    valid = target != ignore_index  # ignored pixels drop out of every count, pred side included
    t = target[valid].astype(np.int64)
    p = pred[valid].astype(np.int64)
    # confusion matrix: rows = target class, columns = predicted class
    cm = np.bincount(num_classes * t + p, minlength=num_classes**2).reshape(num_classes, num_classes)
    tp = np.diag(cm)
    union = cm.sum(axis=0) + cm.sum(axis=1) - tp  # TP + FP + FN
    with np.errstate(divide="ignore", invalid="ignore"):
        per_class_iou = tp / union  # 0 / 0 = nan: class absent from both pred and target
    present = ~np.isnan(per_class_iou)
    miou = per_class_iou[present].mean() if present.any() else np.nan
    return float(miou), per_class_iou
