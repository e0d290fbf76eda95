# expect: failed
# failing-check: values
# mistake: the labels returned are the assignment computed before the last center update; assign the points once more to the returned centers
# mistake-zh: 返回的 labels 是最后一次更新中心之前算的分配；要用返回的中心再分配一次
import numpy as np


def kmeans(x, init, iters):
    centers = init.copy()
    labels = np.argmin(((x[:, None, :] - centers[None]) ** 2).sum(-1), axis=1)
    for _ in range(iters):
        labels = np.argmin(((x[:, None, :] - centers[None]) ** 2).sum(-1), axis=1)
        for k in range(len(centers)):
            members = x[labels == k]
            if len(members) > 0:
                centers[k] = members.mean(axis=0)
    return centers, labels.astype(np.int64)  # stale: from before the last update
