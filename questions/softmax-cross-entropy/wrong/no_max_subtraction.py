# expect: failed
# failing-check: values
# mistake: exp() is applied to the raw logits, so exp(100) or exp(1e4) overflows to inf and the loss becomes inf or nan; subtract the row maximum first (log-sum-exp trick).
# mistake-zh: 直接对原始 logits 取 exp，exp(100) 或 exp(1e4) 溢出成 inf，损失变成 inf 或 nan；应先减去每行最大值（log-sum-exp 技巧）。
import torch


def cross_entropy(logits, target):
    lse = logits.exp().sum(dim=1).log()  # overflows for large logits
    picked = logits.gather(1, target[:, None]).squeeze(1)
    return (lse - picked).mean()
