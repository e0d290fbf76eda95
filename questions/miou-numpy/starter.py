import numpy as np


def mean_iou(pred, target, num_classes, ignore_index):
    """Mean IoU of two integer label maps of the same shape (semantic segmentation).

    Pixels with target == ignore_index are ignored. Returns (miou, per_class_iou): per_class_iou is a
    [num_classes] float array with nan for classes absent from both pred and target, and miou is the
    mean over the other classes (nan if there are none).
    """
    # TODO: mask, confusion matrix with np.bincount, TP / (TP + FP + FN), nan-aware mean.
    raise NotImplementedError
