# expect: failed
# failing-check: shape
# mistake: boxes are suppressed when IoU >= threshold; the rule is strictly greater (IoU > threshold), so a box whose IoU equals the threshold is kept
# mistake-zh: IoU >= 阈值就抑制了；规则是严格大于（IoU > 阈值），IoU 恰好等于阈值的框应当保留
import numpy as np


def nms(boxes, scores, iou_threshold):
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    areas = (x2 - x1) * (y2 - y1)
    order = np.argsort(-scores, kind="stable")
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        rest = order[1:]
        w = np.clip(np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]), 0, None)
        h = np.clip(np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]), 0, None)
        inter = w * h
        iou = inter / (areas[i] + areas[rest] - inter)
        order = rest[iou < iou_threshold]  # drops boxes with IoU == threshold too
    return np.array(keep, dtype=np.int64)
