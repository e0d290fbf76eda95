import torch


def label_smoothing_ce(logits: torch.Tensor, target: torch.Tensor, smoothing: float) -> torch.Tensor:
    m = logits.max(dim=1, keepdim=True).values
    log_p = logits - m - (logits - m).exp().sum(dim=1, keepdim=True).log()  # [N, C] log-softmax
    nll = -log_p.gather(1, target[:, None]).squeeze(1)  # [N] -log p of the true class
    uniform = -log_p.mean(dim=1)  # [N] cross-entropy against the uniform distribution 1/C
    return ((1.0 - smoothing) * nll + smoothing * uniform).mean()
