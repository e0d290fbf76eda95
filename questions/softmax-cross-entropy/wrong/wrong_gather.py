# expect: failed
# failing-check: values
# mistake: logits[:, target] selects whole columns (an [N, N] matrix) instead of one logit per row; use logits.gather(1, target[:, None]) or logits[torch.arange(N), target].
# mistake-zh: logits[:, target] 取出的是整列（[N, N] 矩阵），而不是每行一个目标 logit；应使用 logits.gather(1, target[:, None]) 或 logits[torch.arange(N), target]。
import torch


def cross_entropy(logits, target):
    m = logits.max(dim=1, keepdim=True).values
    lse = m.squeeze(1) + (logits - m).exp().sum(dim=1).log()
    picked = logits[:, target]  # [N, N], not [N]
    return (lse[:, None] - picked).mean()
