# expect: failed
# failing-check: shape
# mistake: the kept boxes' coordinates ([K, 4]) are returned instead of their indices; return the 1-D int64 tensor of kept indices into the original boxes.
# mistake-zh: 返回的是保留框的坐标（[K, 4]），而不是它们的下标；应返回指向原始 boxes 的一维 int64 下标张量。
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
    keep = []
    for i in order.tolist():
        if suppressed[i]:
            continue
        keep.append(i)
        suppressed |= iou[i] > iou_threshold
    return boxes[torch.tensor(keep, dtype=torch.int64)]  # the kept boxes, not their indices
