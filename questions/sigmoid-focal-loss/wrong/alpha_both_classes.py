# expect: failed
# failing-check: values
# mistake: every element is multiplied by the same alpha, which is only a global scale; alpha weights the positives and 1 - alpha the negatives: alpha_t = alpha * t + (1 - alpha) * (1 - t).
# mistake-zh: 所有元素都乘了同一个 alpha，这只是整体缩放；正样本应乘 alpha，负样本乘 1 - alpha：alpha_t = alpha * t + (1 - alpha) * (1 - t)。
import torch
import torch.nn.functional as F


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    p = torch.sigmoid(inputs)
    ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss = alpha * loss  # the same alpha for positives and negatives: just a global scale
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss
