import torch


def _blobs(seed: int, centres: list[list[float]], per: int, spread: float) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    c = torch.tensor(centres)
    x = c.repeat_interleave(per, dim=0) + torch.randn(len(centres) * per, c.shape[1], generator=g) * spread
    return x[torch.randperm(x.shape[0], generator=g)]


def cases() -> list[dict]:
    blobs = _blobs(0, [[0.0, 0.0], [6.0, 1.0], [2.0, 7.0]], 8, 0.6)
    g = torch.Generator().manual_seed(1)
    cloud = torch.randn(30, 3, generator=g)
    # small integers: every squared distance is exact, whatever formula computes it
    tie_points = torch.tensor([[0.0, 0.0], [2.0, 0.0], [4.0, 0.0], [2.0, 2.0], [0.0, 2.0]])
    tie_init = torch.tensor([[1.0, 0.0], [3.0, 0.0]])
    return [
        {
            "name": "separated-blobs",
            "args": {"x": blobs, "init": blobs[[0, 1, 2]].clone(), "iters": 6},
        },
        {
            # one round from a poor start: the final assignment differs from the one before the update
            "name": "one-round-relabel",
            "args": {"x": blobs, "init": torch.tensor([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]]), "iters": 1},
        },
        {
            # the third center is far from every point: its cluster stays empty, it must not move
            "name": "empty-cluster",
            "args": {
                "x": blobs,
                "init": torch.tensor([[1.0, 1.0], [5.0, 5.0], [50.0, -50.0]]),
                "iters": 3,
            },
        },
        {
            # (2, 0) and (2, 2) are equidistant from both centers: they go to center 0
            "name": "tie-lowest-index",
            "args": {"x": tie_points, "init": tie_init, "iters": 1},
        },
        {
            "name": "zero-iterations",
            "args": {"x": tie_points, "init": tie_init, "iters": 0},
        },
        {
            "name": "random-cloud-3d",
            "args": {"x": cloud, "init": cloud[:4].clone(), "iters": 10},
        },
        {
            "name": "single-center",
            "args": {"x": cloud[:7], "init": torch.zeros(1, 3), "iters": 2},
        },
    ]
