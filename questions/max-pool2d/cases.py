import torch


def _x(shape: tuple[int, ...], seed: int) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g)


def cases() -> list[dict]:
    return [
        {
            "name": "k2-s2",
            "args": {"x": _x((1, 2, 4, 6), 0), "kernel_size": 2, "stride": 2, "padding": 0},
        },
        {
            # the ResNet stem pool (k3, s2, p1) on an all-negative input: zero padding would win
            "name": "negative-input-padded",
            "args": {"x": -_x((2, 2, 7, 7), 1).abs() - 0.1, "kernel_size": 3, "stride": 2,
                     "padding": 1},
        },
        {
            # 7 and 5 are not multiples of the stride: the last partial window is dropped (floor)
            "name": "floor-output-size",
            "args": {"x": _x((1, 3, 7, 5), 2), "kernel_size": 2, "stride": 2, "padding": 0},
        },
        {
            "name": "overlapping-same-size",
            "args": {"x": _x((1, 2, 5, 6), 3), "kernel_size": 3, "stride": 1, "padding": 1},
        },
        {
            # stride larger than the kernel: some pixels are never looked at
            "name": "stride-gt-kernel",
            "args": {"x": _x((2, 1, 8, 7), 4), "kernel_size": 2, "stride": 3, "padding": 0},
        },
        {
            # small integers: many equal values inside a window
            "name": "ties-and-padding",
            "args": {
                "x": torch.randint(-3, 1, (1, 2, 6, 5), generator=torch.Generator().manual_seed(5)).float(),
                "kernel_size": 4,
                "stride": 2,
                "padding": 2,
            },
        },
    ]
