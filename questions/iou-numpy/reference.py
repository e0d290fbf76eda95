import numpy as np


def box_iou(boxes1: np.ndarray, boxes2: np.ndarray) -> np.ndarray:
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])  # [N]
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])  # [M]

    lt = np.maximum(boxes1[:, None, :2], boxes2[None, :, :2])  # [N, M, 2] top-left
    rb = np.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])  # [N, M, 2] bottom-right
    wh = np.clip(rb - lt, 0, None)  # no overlap -> 0 width or height
    inter = wh[..., 0] * wh[..., 1]  # [N, M]

    union = area1[:, None] + area2[None, :] - inter
    with np.errstate(divide="ignore", invalid="ignore"):  # 0 / 0 -> nan, silently
        return inter / union
