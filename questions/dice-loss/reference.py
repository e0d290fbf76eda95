import torch


def dice_loss(logits: torch.Tensor, target: torch.Tensor, eps: float) -> torch.Tensor:
    p = torch.sigmoid(logits).flatten(1)  # [N, H*W] probabilities, one row per sample
    t = target.flatten(1)
    inter = (p * t).sum(dim=1)  # [N]
    denom = p.sum(dim=1) + t.sum(dim=1)  # [N], not squared
    dice = (2 * inter + eps) / (denom + eps)  # per-sample soft Dice
    return (1 - dice).mean()
