import numpy as np


def _assign(x, centers):
    # squared Euclidean distance of every point to every center: [N, K]
    d = ((x[:, None, :] - centers[None, :, :]) ** 2).sum(axis=-1)
    return np.argmin(d, axis=1)  # argmin returns the first minimum: ties go to the lowest index


def kmeans(x, init, iters):
    centers = init.copy()  # never modify the caller's array
    for _ in range(iters):
        labels = _assign(x, centers)
        for k in range(len(centers)):
            members = x[labels == k]
            if len(members) > 0:  # an empty cluster keeps its center
                centers[k] = members.mean(axis=0)
    # the labels must describe the centers that are returned: assign once more
    return centers, _assign(x, centers).astype(np.int64)
