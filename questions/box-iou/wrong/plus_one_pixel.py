# expect: failed
# failing-check: values
# mistake: widths and heights use the old VOC / Detectron +1 pixel convention (x2 - x1 + 1); the coordinates here are continuous, as in torchvision, so the width is x2 - x1 and the area (x2 - x1) * (y2 - y1).
# mistake-zh: 宽高用了旧的 VOC / Detectron “+1 像素”约定（x2 - x1 + 1）；这里和 torchvision 一样是连续坐标，宽度是 x2 - x1，面积是 (x2 - x1) * (y2 - y1)。
import torch


def box_iou(boxes1, boxes2):
    # old VOC / Detectron "+1 pixel" convention: width = x2 - x1 + 1
    area1 = (boxes1[:, 2] - boxes1[:, 0] + 1) * (boxes1[:, 3] - boxes1[:, 1] + 1)
    area2 = (boxes2[:, 2] - boxes2[:, 0] + 1) * (boxes2[:, 3] - boxes2[:, 1] + 1)
    lt = torch.max(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (rb - lt + 1).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area1[:, None] + area2[None, :] - inter)
