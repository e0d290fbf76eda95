import torch


def kmeans(x: torch.Tensor, init: torch.Tensor, iters: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Lloyd's k-means for exactly `iters` rounds, starting from `init`.

    x: [N, D] float32 points, init: [K, D] float32 initial centers, iters: int >= 0.
    Returns (centers [K, D] float32, labels [N] int64), where labels assign every point to its
    nearest RETURNED center (ties to the lowest index); an empty cluster keeps its center.
    """
    # TODO: repeat iters times: assign (argmin of squared distances), move centers to the means.
    raise NotImplementedError
