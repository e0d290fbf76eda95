import torch


def _case(seed, b, c, h, w, p, e):
    g = torch.Generator().manual_seed(seed)
    return {
        "x": torch.randn(b, c, h, w, generator=g),
        "weight": torch.randn(e, c, p, p, generator=g) * (c * p * p) ** -0.5,
        "bias": torch.randn(e, generator=g) * 0.1,
        "patch_size": p,
    }


def cases() -> list[dict]:
    return [
        {"name": "square-8x8-p4", "args": _case(0, 2, 3, 8, 8, 4, 5)},
        {"name": "nonsquare-8x12-p4", "args": _case(1, 2, 2, 8, 12, 4, 7)},
        {"name": "p2-6x4-batch1", "args": _case(2, 1, 3, 6, 4, 2, 10)},
        {"name": "p1-pixel-tokens", "args": _case(3, 1, 3, 2, 3, 1, 4)},
        {"name": "single-patch", "args": _case(4, 3, 2, 4, 4, 4, 6)},
    ]
