# expect: failed
# failing-check: values
# mistake: widths and heights use the old "+1 pixel" convention (x2 - x1 + 1); with continuous coordinates the width is x2 - x1
# mistake-zh: 宽高用了旧的“+1 像素”约定（x2 - x1 + 1）；连续坐标下宽度就是 x2 - x1，不加 1
import numpy as np


def box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0] + 1) * (boxes1[:, 3] - boxes1[:, 1] + 1)
    area2 = (boxes2[:, 2] - boxes2[:, 0] + 1) * (boxes2[:, 3] - boxes2[:, 1] + 1)
    lt = np.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = np.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = np.clip(rb - lt + 1, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area1[:, None] + area2[None, :] - inter)
