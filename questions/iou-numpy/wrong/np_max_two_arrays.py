# expect: failed
# failing-check: exception
# mistake: np.max(a, b) is a reduction whose second argument is the axis, not a second array; the element-wise maximum of two arrays is np.maximum(a, b) (and np.minimum for the minimum)
# mistake-zh: np.max(a, b) 是归约，第二个参数是 axis 而不是另一个数组；两个数组逐元素取最大值要用 np.maximum(a, b)（最小值用 np.minimum）
import numpy as np


def box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = np.max(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = np.min(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = np.clip(rb - lt, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area1[:, None] + area2[None, :] - inter)
