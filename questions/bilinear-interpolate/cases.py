import torch


def _x(shape: tuple[int, ...], seed: int) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g)


def cases() -> list[dict]:
    return [
        {"name": "upsample", "args": {"x": _x((1, 2, 3, 4), 0), "out_h": 7, "out_w": 9}},
        {"name": "downsample", "args": {"x": _x((2, 3, 8, 8), 1), "out_h": 3, "out_w": 5}},
        {"name": "non-square-mixed", "args": {"x": _x((1, 1, 5, 3), 2), "out_h": 4, "out_w": 7}},
        {"name": "batch-same-size", "args": {"x": _x((3, 2, 6, 4), 3), "out_h": 6, "out_w": 4}},
        {"name": "to-1x1", "args": {"x": _x((1, 2, 4, 4), 4), "out_h": 1, "out_w": 1}},
        {"name": "from-1x1", "args": {"x": _x((2, 1, 1, 1), 5), "out_h": 3, "out_w": 2}},
        {"name": "upsample-x2", "args": {"x": _x((2, 2, 4, 6), 6), "out_h": 8, "out_w": 12}},
    ]
