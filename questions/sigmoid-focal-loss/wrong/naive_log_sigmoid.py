# expect: failed
# failing-check: values
# feedback-contains: extreme-logits
# mistake: the cross-entropy is computed from p = sigmoid(x) as log(p) and log(1 - p); for a logit of 30 sigmoid rounds to exactly 1, log(1 - p) = -inf and the loss becomes inf or nan, so compute it from the logits with F.binary_cross_entropy_with_logits.
# mistake-zh: 交叉熵是用 p = sigmoid(x) 算 log(p) 和 log(1 - p) 得到的；logit 为 30 时 sigmoid 舍入为 1，log(1 - p) = -inf，损失变成 inf 或 nan；应直接从 logits 计算，用 F.binary_cross_entropy_with_logits。
import torch


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    p = torch.sigmoid(inputs)
    # textbook BCE on probabilities: log(1 - p) is log(0) = -inf once sigmoid saturates to 1.0
    ce = -(targets * torch.log(p) + (1 - targets) * torch.log(1 - p))
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss
