# expect: failed
# failing-check: exception
# mistake: the distance matrix is [N, K] but argmin is taken over axis 0 (the points), giving K labels instead of N; take argmin over the centers axis (axis=1)
# mistake-zh: 距离矩阵是 [N, K]，argmin 却沿 axis 0（点）取，得到 K 个而不是 N 个标签；应沿中心那一维（axis=1）取 argmin
import numpy as np


def kmeans(x, init, iters):
    centers = init.copy()
    for _ in range(iters):
        d = ((x[:, None, :] - centers[None]) ** 2).sum(-1)  # [N, K]
        labels = np.argmin(d, axis=0)  # over points: shape [K]
        for k in range(len(centers)):
            members = x[labels == k]
            if len(members) > 0:
                centers[k] = members.mean(axis=0)
    d = ((x[:, None, :] - centers[None]) ** 2).sum(-1)
    return centers, np.argmin(d, axis=0).astype(np.int64)
