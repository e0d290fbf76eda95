# expect: failed
# failing-check: shape
# feedback-contains: chain
# mistake: a box is dropped if it overlaps any higher-scoring box, even one that was itself suppressed; only kept boxes suppress others, so in a chain where A suppresses B, a box C that overlaps only B survives.
# mistake-zh: 只要和任何一个分数更高的框重叠就丢掉，哪怕那个框自己已经被抑制了；只有被保留的框才能抑制别的框，所以在 A 抑制 B 的链条里，只与 B 重叠的框 C 应当保留。
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
    keep = []
    for rank, i in enumerate(order.tolist()):
        higher = order[:rank]
        # a box is dropped if it overlaps ANY higher-scored box, even one that was itself dropped
        if rank > 0 and bool((iou[i, higher] > iou_threshold).any()):
            continue
        keep.append(i)
    return torch.tensor(keep, dtype=torch.int64)
