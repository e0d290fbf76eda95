# expect: failed
# failing-check: values
# mistake: the mean of an empty cluster is taken anyway, which gives nan; an empty cluster must keep its previous center
# mistake-zh: 空簇也直接求均值，得到 nan；空簇应当保留原来的中心
import numpy as np


def kmeans(x, init, iters):
    centers = init.copy()
    for _ in range(iters):
        labels = np.argmin(((x[:, None, :] - centers[None]) ** 2).sum(-1), axis=1)
        for k in range(len(centers)):
            centers[k] = x[labels == k].mean(axis=0)  # nan for an empty cluster
    labels = np.argmin(((x[:, None, :] - centers[None]) ** 2).sum(-1), axis=1)
    return centers, labels.astype(np.int64)
