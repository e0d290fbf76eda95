import torch


def _random_boxes(n: int, seed: int, size: float = 60.0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    xy = torch.rand(n, 2, generator=g) * size
    wh = torch.rand(n, 2, generator=g) * (size / 2) + size / 60
    return torch.cat([xy, xy + wh], dim=1)


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
                "boxes1": torch.tensor([[0.0, 0.0, 10.0, 10.0], [2.0, 3.0, 6.0, 8.0]]),
                "boxes2": torch.tensor(
                    [[0.0, 0.0, 10.0, 10.0], [2.0, 3.0, 6.0, 8.0], [5.0, 5.0, 15.0, 12.0]]
                ),
            },
        },
        {
            # overlap in x but not in y, disjoint in both, and boxes that only touch at an edge
            "name": "disjoint-and-touching",
            "args": {
                "boxes1": torch.tensor([[0.0, 0.0, 4.0, 4.0], [10.0, 10.0, 12.0, 13.0]]),
                "boxes2": torch.tensor(
                    [
                        [1.0, 6.0, 3.0, 9.0],
                        [20.0, 20.0, 25.0, 26.0],
                        [4.0, 0.0, 8.0, 4.0],
                        [0.0, 4.0, 4.0, 7.0],
                    ]
                ),
            },
        },
        {
            # zero-area boxes: degenerate vs degenerate is 0 / 0 = nan (torchvision semantics)
            "name": "degenerate",
            "args": {
                "boxes1": torch.tensor([[2.0, 2.0, 2.0, 2.0], [0.0, 0.0, 4.0, 4.0]]),
                "boxes2": torch.tensor(
                    [[2.0, 2.0, 2.0, 2.0], [5.0, 5.0, 5.0, 5.0], [1.0, 1.0, 3.0, 3.0]]
                ),
            },
        },
        {
            "name": "empty-boxes1",
            "args": {"boxes1": torch.zeros(0, 4), "boxes2": _random_boxes(3, 2)},
        },
        {
            "name": "fractional-coordinates",
            "args": {"boxes1": _random_boxes(4, 3, 1.0), "boxes2": _random_boxes(6, 4, 1.0)},
        },
    ]
