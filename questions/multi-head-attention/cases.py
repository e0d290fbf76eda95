import torch


def _case(seed, b, length, e, h):
    g = torch.Generator().manual_seed(seed)
    s = e ** -0.5
    args = {"x": torch.randn(b, length, e, generator=g)}
    for name in ("w_q", "w_k", "w_v", "w_o"):
        args[name] = torch.randn(e, e, generator=g) * s
    for name in ("b_q", "b_k", "b_v", "b_o"):
        args[name] = torch.randn(e, generator=g) * 0.1
    args["num_heads"] = h
    return args


def cases() -> list[dict]:
    return [
        {"name": "h2-e8", "args": _case(0, 2, 5, 8, 2)},
        {"name": "h4-e16", "args": _case(1, 1, 7, 16, 4)},
        {"name": "single-head", "args": _case(2, 2, 4, 6, 1)},
        {"name": "head-dim-1", "args": _case(3, 2, 3, 4, 4)},
        {"name": "single-token", "args": _case(4, 3, 1, 12, 3)},
    ]
