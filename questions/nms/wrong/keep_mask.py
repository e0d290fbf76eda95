# expect: failed
# failing-check: shape
# mistake: a boolean keep mask over all N boxes is returned; return a 1-D int64 tensor of the kept boxes' indices, in decreasing order of score.
# mistake-zh: 返回的是 N 个框的布尔 keep 掩码；应返回被保留框的下标，一维 int64 张量，按分数从高到低排列。
import torch


def _box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = torch.max(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area1[:, None] + area2[None, :] - inter)


def nms(boxes, scores, iou_threshold):
    order = torch.argsort(scores, descending=True)
    iou = _box_iou(boxes, boxes)
    suppressed = torch.zeros(boxes.shape[0], dtype=torch.bool)
    keep = torch.zeros(boxes.shape[0], dtype=torch.bool)
    for i in order.tolist():
        if suppressed[i]:
            continue
        keep[i] = True
        suppressed |= iou[i] > iou_threshold
    return keep  # a boolean mask over all N boxes instead of the kept indices
