import torch
import torch.nn.functional as F  # noqa: F401


def sigmoid_focal_loss(
    inputs: torch.Tensor,
    targets: torch.Tensor,
    alpha: float = 0.25,
    gamma: float = 2.0,
    reduction: str = "none",
) -> torch.Tensor:
    """Sigmoid focal loss (torchvision.ops.sigmoid_focal_loss semantics).

    inputs: logits, any shape; targets: same shape, in [0, 1].
    alpha < 0 disables the alpha weighting; reduction is "none", "mean" or "sum".
    """
    # TODO: stable BCE from logits, p_t, (1 - p_t) ** gamma, alpha_t, reduction.
    raise NotImplementedError
