# expect: failed
# failing-check: values
# mistake: np.argsort sorts ascending, so the lowest-scored box is visited first; visit boxes by decreasing score, e.g. np.argsort(-scores) or argsort()[::-1]
# mistake-zh: np.argsort 是升序，结果先访问了分数最低的框；应按分数从高到低访问，例如 np.argsort(-scores) 或 argsort()[::-1]
import numpy as np


def nms(boxes, scores, iou_threshold):
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    areas = (x2 - x1) * (y2 - y1)
    order = np.argsort(scores)  # ascending: lowest score first
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        rest = order[1:]
        w = np.clip(np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]), 0, None)
        h = np.clip(np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]), 0, None)
        inter = w * h
        iou = inter / (areas[i] + areas[rest] - inter)
        order = rest[iou <= iou_threshold]
    return np.array(keep, dtype=np.int64)
