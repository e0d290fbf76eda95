# expect: failed
# failing-check: values
# mistake: eps is added only to the denominator; with an empty mask the Dice is then 0 (loss 1) however small the predictions are. Add eps to both the numerator and the denominator.
# mistake-zh: eps 只加在了分母上；这样掩码为空的样本无论预测多小 Dice 都是 0（损失为 1）。分子和分母都要加 eps。
import torch


def dice_loss(logits, target, eps):
    p = torch.sigmoid(logits).flatten(1)
    t = target.flatten(1)
    inter = (p * t).sum(dim=1)
    denom = p.sum(dim=1) + t.sum(dim=1)
    return (1 - (2 * inter) / (denom + eps)).mean()  # no eps in the numerator
