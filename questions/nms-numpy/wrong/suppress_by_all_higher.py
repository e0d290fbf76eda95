# expect: failed
# failing-check: shape
# mistake: a box is dropped when it overlaps any higher-scored box, even one that was itself suppressed; only kept boxes may suppress others
# mistake-zh: 只要与任何一个分数更高的框重叠就丢弃，哪怕那个框自己已被抑制；只有保留下来的框才能抑制别的框
import numpy as np


def _iou_matrix(boxes):
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    lt = np.maximum(boxes[:, None, :2], boxes[None, :, :2])
    rb = np.minimum(boxes[:, None, 2:], boxes[None, :, 2:])
    wh = np.clip(rb - lt, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area[:, None] + area[None, :] - inter)


def nms(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    iou = _iou_matrix(boxes)
    keep = []
    for rank, i in enumerate(order):
        higher = order[:rank]
        if np.any(iou[i, higher] > iou_threshold):  # compares with suppressed boxes too
            continue
        keep.append(i)
    return np.array(keep, dtype=np.int64)
