# expect: failed
# failing-check: values
# mistake: sums / counts.clamp(min=1) is used for every cluster, which moves an empty cluster's center to the origin; keep the old center where the count is 0 (torch.where).
# mistake-zh: 对所有簇都用 sums / counts.clamp(min=1)，空簇的中心被移到了原点；计数为 0 的簇应保留原来的中心（用 torch.where）。
import torch


def kmeans(x, init, iters):
    centers = init.clone()
    k = centers.shape[0]
    for _ in range(iters):
        labels = ((x[:, None, :] - centers[None]) ** 2).sum(-1).argmin(1)
        sums = torch.zeros_like(centers).index_add_(0, labels, x)
        counts = torch.bincount(labels, minlength=k).to(x.dtype)
        centers = sums / counts.clamp(min=1)[:, None]  # empty cluster -> (0, ..., 0)
    labels = ((x[:, None, :] - centers[None]) ** 2).sum(-1).argmin(1)
    return centers, labels
