import numpy as np


def _blobs(seed: int, n_per: int, means: list[list[float]], spread: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.concatenate([rng.normal(m, spread, (n_per, len(m))) for m in means])


def cases() -> list[dict]:
    blobs = _blobs(0, 10, [[0.0, 0.0], [6.0, 0.0], [3.0, 5.0]], 1.0)
    blobs4d = _blobs(1, 8, [[0, 0, 0, 0], [4, 4, 0, 0], [0, 4, 4, 0], [0, 0, 4, 4]], 0.8)
    rng = np.random.default_rng(2)
    return [
        {
            # all three initial centers inside one blob: two rounds are far from converged,
            # so the labels after the last update differ from the labels before it
            "name": "blobs-two-rounds",
            "args": {"x": blobs, "init": blobs[[0, 1, 2]].copy(), "iters": 2},
        },
        {
            # zero rounds: the centers are init and the labels are the assignment to init
            "name": "zero-iterations",
            "args": {"x": blobs, "init": blobs[[3, 15, 25]].copy(), "iters": 0},
        },
        {
            # point (1, 0) is at distance 1 from both (0, 0) and (2, 0): it goes to center 0
            "name": "tie-to-lowest-index",
            "args": {
                "x": np.array([[0.0, 0.0], [2.0, 0.0], [1.0, 0.0], [10.0, 0.0], [12.0, 0.0]]),
                "init": np.array([[0.0, 0.0], [2.0, 0.0], [11.0, 0.0]]),
                "iters": 1,
            },
        },
        {
            # the third center is far from every point: its cluster stays empty and it stays put
            "name": "empty-cluster-keeps-center",
            "args": {
                "x": blobs[:20],
                "init": np.array([[0.5, 0.5], [5.0, 1.0], [100.0, -100.0]]),
                "iters": 3,
            },
        },
        {
            # two identical initial centers: in the first round every point goes to the lower
            # index, so center 1 is empty, keeps its place and only gets points later
            "name": "duplicate-init-centers",
            "args": {"x": blobs, "init": blobs[[4, 4, 14]].copy(), "iters": 4},
        },
        {
            "name": "4d-converged",
            "args": {"x": blobs4d, "init": blobs4d[[0, 9, 17, 30]].copy(), "iters": 15},
        },
        {
            "name": "single-cluster",
            "args": {"x": rng.normal(2.0, 3.0, (9, 3)), "init": np.zeros((1, 3)), "iters": 2},
        },
    ]
