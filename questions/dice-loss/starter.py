import torch


def dice_loss(logits: torch.Tensor, target: torch.Tensor, eps: float) -> torch.Tensor:
    """Soft Dice loss for binary segmentation, per sample, averaged over the batch.

    logits: [N, 1, H, W] float32, target: [N, 1, H, W] float32 in {0, 1}, eps: float > 0.
    Returns a 0-dim tensor: mean_n (1 - (2 sum(p t) + eps) / (sum(p) + sum(t) + eps)), p = sigmoid.
    """
    # TODO: sigmoid, per-sample sums over the pixels, Dice per sample, then the mean of 1 - Dice.
    raise NotImplementedError
