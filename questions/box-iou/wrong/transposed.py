# expect: failed
# failing-check: shape
# mistake: the broadcasting is the wrong way round (boxes2[:, None] against boxes1[None]), giving an [M, N] matrix; out[i, j] pairs boxes1[i] with boxes2[j], so the result is [N, M].
# mistake-zh: 广播方向反了（boxes2[:, None] 对 boxes1[None]），得到的是 [M, N] 矩阵；out[i, j] 对应 boxes1[i] 和 boxes2[j]，结果应为 [N, M]。
import torch


def box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    # broadcasts the wrong way round: result is [M, N]
    lt = torch.max(boxes2[:, None, :2], boxes1[None, :, :2])
    rb = torch.min(boxes2[:, None, 2:], boxes1[None, :, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area2[:, None] + area1[None, :] - inter)
