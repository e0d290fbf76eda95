# expect: failed
# failing-check: values
# mistake: an epsilon in the denominator gives classes absent from both pred and target an IoU of 0, and they drag the mean down; their IoU is undefined (nan) and they are left out of the mean
# mistake-zh: 分母加了 eps，pred 和 target 中都不存在的类别 IoU 变成 0，拉低了均值；这些类别的 IoU 无定义（nan），不参与平均
import numpy as np


def mean_iou(pred, target, num_classes, ignore_index):
    valid = target != ignore_index
    t = target[valid].astype(np.int64)
    p = pred[valid].astype(np.int64)
    cm = np.bincount(num_classes * t + p, minlength=num_classes**2).reshape(num_classes, num_classes)
    tp = np.diag(cm)
    union = cm.sum(axis=0) + cm.sum(axis=1) - tp
    per_class_iou = tp / (union + 1e-10)  # absent classes become 0
    return float(per_class_iou.mean()), per_class_iou
