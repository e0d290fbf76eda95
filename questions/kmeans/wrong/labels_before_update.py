# expect: failed
# failing-check: values
# mistake: the returned labels come from the last assignment step, made before the last center update; assign the points once more to the centers you return.
# mistake-zh: 返回的 labels 来自最后一次分配，那是在最后一次更新中心之前做的；应当用最终返回的中心再分配一次。
import torch


def kmeans(x, init, iters):
    centers = init.clone()
    k = centers.shape[0]
    labels = ((x[:, None, :] - centers[None]) ** 2).sum(-1).argmin(1)
    for _ in range(iters):
        labels = ((x[:, None, :] - centers[None]) ** 2).sum(-1).argmin(1)
        sums = torch.zeros_like(centers).index_add_(0, labels, x)
        counts = torch.bincount(labels, minlength=k).to(x.dtype)
        means = sums / counts.clamp(min=1)[:, None]
        centers = torch.where(counts[:, None] > 0, means, centers)
    return centers, labels  # stale: computed before the last update
