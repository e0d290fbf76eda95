import torch


def label_smoothing_ce(logits: torch.Tensor, target: torch.Tensor, smoothing: float) -> torch.Tensor:
    """Mean cross-entropy with label smoothing, like
    F.cross_entropy(logits, target, label_smoothing=smoothing).

    logits: [N, C] float32, target: [N] int64 in [0, C), smoothing: float in [0, 1].
    Returns a 0-dim float32 tensor.
    """
    # TODO: stable log-softmax, smoothed target (1 - eps) * onehot + eps / C, then the mean.
    raise NotImplementedError
