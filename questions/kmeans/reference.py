import torch


def _assign(x: torch.Tensor, centers: torch.Tensor) -> torch.Tensor:
    d2 = ((x[:, None, :] - centers[None, :, :]) ** 2).sum(dim=-1)  # [N, K] squared distances
    return d2.argmin(dim=1)  # argmin returns the first minimum: ties go to the lowest index


def kmeans(x: torch.Tensor, init: torch.Tensor, iters: int) -> tuple[torch.Tensor, torch.Tensor]:
    centers = init.clone()
    k = centers.shape[0]
    for _ in range(iters):
        labels = _assign(x, centers)
        sums = torch.zeros_like(centers).index_add_(0, labels, x)  # [K, D] per-cluster sums
        counts = torch.bincount(labels, minlength=k).to(x.dtype)  # [K]
        means = sums / counts.clamp(min=1)[:, None]
        centers = torch.where(counts[:, None] > 0, means, centers)  # empty cluster: stay put
    return centers, _assign(x, centers)  # labels for the returned centers
