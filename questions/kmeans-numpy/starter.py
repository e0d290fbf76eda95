import numpy as np


def kmeans(x, init, iters):
    """Lloyd's k-means for exactly `iters` rounds.

    x: [N, D] float array, init: [K, D] float array (initial centers), iters: int >= 0.
    Returns (centers [K, D] float, labels [N] int64), where labels assign each point to its nearest
    returned center (squared Euclidean distance, ties to the lowest index).
    """
    # TODO: repeat iters times: assign, then move each non-empty cluster's center to its mean.
    raise NotImplementedError
