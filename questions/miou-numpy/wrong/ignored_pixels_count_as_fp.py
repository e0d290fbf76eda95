# expect: failed
# failing-check: values
# mistake: the ignore mask is applied to the target side only, so predictions on ignored pixels still count as false positives; drop ignored pixels from pred and target alike
# mistake-zh: ignore 掩码只作用在 target 一侧，被忽略像素上的预测仍被算成误检（FP）；被忽略的像素要从 pred 和 target 两边同时去掉
import numpy as np


def mean_iou(pred, target, num_classes, ignore_index):
    per_class_iou = np.full(num_classes, np.nan)
    for c in range(num_classes):
        tp = np.sum((pred == c) & (target == c))
        fp = np.sum((pred == c) & (target != c))  # includes pixels whose target is ignore_index
        fn = np.sum((pred != c) & (target == c))
        if tp + fp + fn > 0:
            per_class_iou[c] = tp / (tp + fp + fn)
    present = ~np.isnan(per_class_iou)
    miou = per_class_iou[present].mean() if present.any() else np.nan
    return float(miou), per_class_iou
