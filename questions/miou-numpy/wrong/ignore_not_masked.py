# expect: failed
# failing-check: exception
# mistake: ignore_index is never masked out, so np.bincount gets indices like num_classes * 255 + p (or negative ones for -1) and the confusion matrix cannot be built; select target != ignore_index first
# mistake-zh: 没有先去掉 ignore_index，np.bincount 拿到 num_classes * 255 + p 这样的下标（-1 时是负数），混淆矩阵无法构造；要先选出 target != ignore_index 的像素
import numpy as np


def mean_iou(pred, target, num_classes, ignore_index):
    t = target.ravel().astype(np.int64)
    p = pred.ravel().astype(np.int64)
    cm = np.bincount(num_classes * t + p, minlength=num_classes**2).reshape(num_classes, num_classes)
    tp = np.diag(cm)
    union = cm.sum(axis=0) + cm.sum(axis=1) - tp
    with np.errstate(divide="ignore", invalid="ignore"):
        per_class_iou = tp / union
    present = ~np.isnan(per_class_iou)
    miou = per_class_iou[present].mean() if present.any() else np.nan
    return float(miou), per_class_iou
