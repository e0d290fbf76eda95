# expect: failed
# failing-check: values
# mistake: the kept indices are returned sorted by index (np.sort or a boolean mask with np.nonzero); they must come in decreasing order of score
# mistake-zh: 返回的保留下标按下标大小排序（np.sort 或布尔 mask 再 np.nonzero）；应当按分数从高到低排列
import numpy as np


def nms(boxes, scores, iou_threshold):
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    areas = (x2 - x1) * (y2 - y1)
    order = np.argsort(-scores, kind="stable")
    kept = np.zeros(len(boxes), dtype=bool)
    while order.size > 0:
        i = order[0]
        kept[i] = True
        rest = order[1:]
        w = np.clip(np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]), 0, None)
        h = np.clip(np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]), 0, None)
        inter = w * h
        iou = inter / (areas[i] + areas[rest] - inter)
        order = rest[iou <= iou_threshold]
    return np.nonzero(kept)[0].astype(np.int64)  # index order, not score order
