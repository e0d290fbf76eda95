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
            # identical boxes give 1; a box inside another gives plain IoU (C is the outer box)
            "name": "identical-and-contained",
            "args": {
                "boxes1": torch.tensor([[0.0, 0.0, 10.0, 10.0], [2.0, 3.0, 6.0, 8.0]]),
                "boxes2": torch.tensor(
                    [[0.0, 0.0, 10.0, 10.0], [2.0, 3.0, 6.0, 8.0], [5.0, 5.0, 15.0, 12.0]]
                ),
            },
        },
        {
            # IoU 0 everywhere; GIoU still ranks them: touching 0, near negative, far close to -1
            "name": "disjoint-near-and-far",
            "args": {
                "boxes1": torch.tensor([[0.0, 0.0, 2.0, 2.0]]),
                "boxes2": torch.tensor(
                    [
                        [2.0, 0.0, 4.0, 2.0],
                        [3.0, 0.0, 5.0, 2.0],
                        [0.0, 5.0, 2.0, 7.0],
                        [98.0, 98.0, 100.0, 100.0],
                    ]
                ),
            },
        },
        {
            # overlap in x only, and a diagonal partial overlap
            "name": "partial-overlaps",
            "args": {
                "boxes1": torch.tensor([[0.0, 0.0, 4.0, 4.0], [1.0, 1.0, 5.0, 3.0]]),
                "boxes2": torch.tensor([[2.0, 6.0, 6.0, 9.0], [2.0, 2.0, 6.0, 6.0]]),
            },
        },
        {
            "name": "empty-boxes2",
            "args": {"boxes1": _random_boxes(3, 2), "boxes2": torch.zeros(0, 4)},
        },
        {
            "name": "fractional-coordinates",
            "args": {"boxes1": _random_boxes(4, 3, 1.0), "boxes2": _random_boxes(6, 4, 1.0)},
        },
    ]
