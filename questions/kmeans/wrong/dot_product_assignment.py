# expect: failed
# failing-check: values
# mistake: points are assigned by the largest dot product x . c, which drops the |c|^2 term of |x - c|^2 = |x|^2 - 2 x . c + |c|^2; use the squared Euclidean distance (argmin).
# mistake-zh: 按最大点积 x . c 分配，丢掉了 |x - c|^2 = |x|^2 - 2 x . c + |c|^2 中的 |c|^2 项；应使用欧氏距离的平方取 argmin。
import torch


def kmeans(x, init, iters):
    centers = init.clone()
    k = centers.shape[0]
    for _ in range(iters):
        labels = (x @ centers.T).argmax(1)  # similarity, not distance
        sums = torch.zeros_like(centers).index_add_(0, labels, x)
        counts = torch.bincount(labels, minlength=k).to(x.dtype)
        means = sums / counts.clamp(min=1)[:, None]
        centers = torch.where(counts[:, None] > 0, means, centers)
    labels = (x @ centers.T).argmax(1)
    return centers, labels
