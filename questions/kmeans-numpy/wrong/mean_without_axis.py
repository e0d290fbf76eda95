# expect: failed
# failing-check: values
# mistake: members.mean() without axis=0 averages all coordinates into one number; the new center is the per-dimension mean, members.mean(axis=0)
# mistake-zh: members.mean() 没写 axis=0，把所有坐标平均成了一个数；新中心是按维度求均值，即 members.mean(axis=0)
import numpy as np


def kmeans(x, init, iters):
    centers = init.copy()
    for _ in range(iters):
        labels = np.argmin(((x[:, None, :] - centers[None]) ** 2).sum(-1), axis=1)
        for k in range(len(centers)):
            members = x[labels == k]
            if len(members) > 0:
                centers[k] = members.mean()  # a scalar, broadcast to every dimension
    labels = np.argmin(((x[:, None, :] - centers[None]) ** 2).sum(-1), axis=1)
    return centers, labels.astype(np.int64)
