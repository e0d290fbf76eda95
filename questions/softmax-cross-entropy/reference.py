import torch


def cross_entropy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    m = logits.max(dim=1, keepdim=True).values  # [N, 1] row maximum
    lse = m.squeeze(1) + (logits - m).exp().sum(dim=1).log()  # [N] log-sum-exp, no overflow
    picked = logits.gather(1, target[:, None]).squeeze(1)  # [N] logit of the target class
    return (lse - picked).mean()
