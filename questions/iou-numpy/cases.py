import numpy as np


def _random_boxes(n: int, seed: int, size: float = 60.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    xy = rng.random((n, 2)) * size
    wh = rng.random((n, 2)) * (size / 2) + size / 60
    return np.concatenate([xy, xy + wh], axis=1).astype(np.float32)


def _boxes(rows: list[list[float]]) -> np.ndarray:
    return np.array(rows, dtype=np.float32).reshape(-1, 4)


def cases() -> list[dict]:
    return [
        {
            "name": "random",
            "args": {"boxes1": _random_boxes(5, 0), "boxes2": _random_boxes(7, 1)},
        },
        {
            # identical boxes (IoU 1), a box inside another, a partial overlap
            "name": "identical-and-contained",
            "args": {
                "boxes1": _boxes([[0, 0, 10, 10], [2, 3, 6, 8]]),
                "boxes2": _boxes([[0, 0, 10, 10], [2, 3, 6, 8], [5, 5, 15, 12]]),
            },
        },
        {
            # overlap in x but not in y, disjoint in both, and boxes that only touch at an edge
            "name": "disjoint-and-touching",
            "args": {
                "boxes1": _boxes([[0, 0, 4, 4], [10, 10, 12, 13]]),
                "boxes2": _boxes([[1, 6, 3, 9], [20, 20, 25, 26], [4, 0, 8, 4], [0, 4, 4, 7]]),
            },
        },
        {
            # zero-area boxes: degenerate vs degenerate is 0 / 0 = nan (torchvision semantics)
            "name": "degenerate",
            "args": {
                "boxes1": _boxes([[2, 2, 2, 2], [0, 0, 4, 4]]),
                "boxes2": _boxes([[2, 2, 2, 2], [5, 5, 5, 5], [1, 1, 3, 3]]),
            },
        },
        {
            "name": "empty-boxes1",
            "args": {"boxes1": _boxes([]), "boxes2": _random_boxes(3, 2)},
        },
        {
            # boxes smaller than one unit: the "+ 1" pixel convention changes everything here
            "name": "fractional-coordinates",
            "args": {"boxes1": _random_boxes(4, 3, 1.0), "boxes2": _random_boxes(6, 4, 1.0)},
        },
    ]
