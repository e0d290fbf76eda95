# expect: failed
# failing-check: values
# mistake: returns the GIoU loss 1 - GIoU instead of GIoU itself; the function returns the similarity in [-1, 1] (1 for identical boxes), the loss is built from it by the caller.
# mistake-zh: 返回的是 GIoU 损失 1 - GIoU，而不是 GIoU 本身；这个函数返回的是 [-1, 1] 之间的相似度（相同的框为 1），损失由调用方再构造。
import torch


def generalized_box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = torch.max(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    union = area1[:, None] + area2[None, :] - inter
    iou = inter / union
    lt_c = torch.min(boxes1[:, None, :2], boxes2[None, :, :2])
    rb_c = torch.max(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh_c = rb_c - lt_c
    area_c = wh_c[..., 0] * wh_c[..., 1]
    return 1 - (iou - (area_c - union) / area_c)  # the loss, not GIoU
