# expect: failed
# failing-check: values
# mistake: the mean of an empty cluster is taken anyway (0 / 0 = nan), so that center becomes nan; a center with no points must keep its previous position.
# mistake-zh: 对空簇也直接求均值（0 / 0 = nan），这个中心变成了 nan；没有分到点的中心应保持原位置不动。
import torch


def kmeans(x, init, iters):
    centers = init.clone()
    for _ in range(iters):
        labels = ((x[:, None, :] - centers[None]) ** 2).sum(-1).argmin(1)
        centers = torch.stack([x[labels == j].mean(dim=0) for j in range(centers.shape[0])])
    labels = ((x[:, None, :] - centers[None]) ** 2).sum(-1).argmin(1)
    return centers, labels
