# expect: failed
# failing-check: values
# feedback-contains: degenerate
# mistake: an epsilon (1e-9) is added to the union, which turns the 0 / 0 of two zero-area boxes into 0; torchvision.ops.box_iou adds no epsilon and returns nan there.
# mistake-zh: 在并集上加了 epsilon（1e-9），两个零面积框的 0 / 0 变成了 0；torchvision.ops.box_iou 不加 epsilon，这时返回 nan。
import torch


def box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = torch.max(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    # "safe" division: turns the 0 / 0 of two zero-area boxes into 0 instead of nan
    return inter / (area1[:, None] + area2[None, :] - inter + 1e-9)
