# expect: failed
# failing-check: shape
# feedback-contains: iou-equals-threshold
# mistake: boxes are suppressed when IoU >= iou_threshold; torchvision suppresses only an IoU strictly greater than the threshold, so a box whose IoU equals it exactly is kept.
# mistake-zh: IoU >= iou_threshold 时就抑制了；torchvision 只抑制 IoU 严格大于阈值的框，IoU 恰好等于阈值的框要保留。
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
        suppressed |= iou[i] >= iou_threshold  # '>=' also drops boxes with IoU == threshold
    return torch.tensor(keep, dtype=torch.int64)
