# expect: failed
# failing-check: values
# mistake: the denominator uses squares, sum(p^2) + sum(t^2) (the V-Net variant); this question asks for the linear form sum(p) + sum(t).
# mistake-zh: 分母用了平方和 sum(p^2) + sum(t^2)（V-Net 的写法）；本题要求的是线性形式 sum(p) + sum(t)。
import torch


def dice_loss(logits, target, eps):
    p = torch.sigmoid(logits).flatten(1)
    t = target.flatten(1)
    inter = (p * t).sum(dim=1)
    denom = (p * p).sum(dim=1) + (t * t).sum(dim=1)  # squared
    return (1 - (2 * inter + eps) / (denom + eps)).mean()
