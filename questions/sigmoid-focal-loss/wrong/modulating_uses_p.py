# expect: failed
# failing-check: values
# mistake: the modulating factor is (1 - p)^gamma for every element; it uses p_t = p * t + (1 - p) * (1 - t), so for a negative it is p^gamma, which down-weights the easy negatives.
# mistake-zh: 调制因子对所有元素都用了 (1 - p)^gamma；应当用 p_t = p * t + (1 - p) * (1 - t)，负样本的调制因子是 p^gamma，这样才能压低容易的负样本的权重。
import torch
import torch.nn.functional as F


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    p = torch.sigmoid(inputs)
    ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    loss = ce * (1 - p) ** gamma  # should be (1 - p_t): wrong for negatives
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss
