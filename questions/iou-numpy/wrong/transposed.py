# expect: failed
# failing-check: shape
# mistake: the broadcasting is the wrong way round, so the result is [M, N]; index boxes1[:, None] against boxes2[None, :] to get [N, M]
# mistake-zh: 广播方向反了，结果是 [M, N]；应该用 boxes1[:, None] 对 boxes2[None, :] 得到 [N, M]
import numpy as np


def box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = np.maximum(boxes2[:, None, :2], boxes1[None, :, :2])
    rb = np.minimum(boxes2[:, None, 2:], boxes1[None, :, 2:])
    wh = np.clip(rb - lt, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area2[:, None] + area1[None, :] - inter)
