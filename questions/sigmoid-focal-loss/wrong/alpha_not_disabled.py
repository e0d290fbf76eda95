# expect: failed
# failing-check: values
# feedback-contains: alpha-disabled
# mistake: the alpha weighting is applied even when alpha < 0 (alpha = -1 gives weights -1 and 2); torchvision leaves alpha_t out entirely when alpha < 0.
# mistake-zh: alpha < 0 时仍然做了 alpha 加权（alpha = -1 得到权重 -1 和 2）；torchvision 在 alpha < 0 时完全不乘 alpha_t。
import torch
import torch.nn.functional as F


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    p = torch.sigmoid(inputs)
    ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * (1 - p_t) ** gamma
    # ignores the "alpha < 0 disables weighting" rule: alpha = -1 gives weights -1 and 2
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    loss = alpha_t * loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss
