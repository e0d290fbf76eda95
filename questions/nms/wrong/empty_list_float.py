# expect: failed
# failing-check: dtype
# feedback-contains: empty
# mistake: torch.tensor(keep) of an empty list is float32, so N = 0 returns the wrong dtype; build the result with dtype=torch.int64.
# mistake-zh: 空列表的 torch.tensor(keep) 是 float32，N = 0 时返回的 dtype 不对；构造结果时要指定 dtype=torch.int64。
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
    # torch.tensor([]) is float32: the empty result has the wrong dtype
    return torch.tensor(keep)
