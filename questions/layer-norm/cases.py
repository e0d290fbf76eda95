import torch


def _case(seed, shape, normalized_shape, scale=1.0, shift=0.0, **extra):
    g = torch.Generator().manual_seed(seed)
    args = {
        "x": torch.randn(*shape, generator=g) * scale + shift,
        "normalized_shape": list(normalized_shape),
        "weight": torch.rand(*normalized_shape, generator=g) + 0.5,
        "bias": torch.randn(*normalized_shape, generator=g) * 0.1,
    }
    args.update(extra)
    return args


def cases() -> list[dict]:
    return [
        {"name": "tokens-last-dim", "args": _case(0, (2, 5, 8), (8,))},
        {"name": "last-two-dims", "args": _case(1, (2, 3, 4, 5), (4, 5), scale=2.0, shift=1.0)},
        {"name": "small-variance", "args": _case(2, (3, 6), (6,), scale=0.01)},
        {"name": "large-eps", "args": _case(3, (4, 10), (10,), eps=0.5)},
        {"name": "batch-1", "args": _case(4, (1, 7, 6), (6,))},
        {"name": "all-dims", "args": _case(5, (2, 3, 4), (2, 3, 4))},
    ]
