# expect: failed
# failing-check: values
# mistake: the per-sample losses are summed over the batch; F.cross_entropy's default reduction is the mean over the N samples.
# mistake-zh: 把每个样本的损失对 batch 求和了；F.cross_entropy 默认的 reduction 是对 N 个样本取平均。
import torch


def cross_entropy(logits, target):
    m = logits.max(dim=1, keepdim=True).values
    lse = m.squeeze(1) + (logits - m).exp().sum(dim=1).log()
    picked = logits.gather(1, target[:, None]).squeeze(1)
    return (lse - picked).sum()  # should be .mean()
