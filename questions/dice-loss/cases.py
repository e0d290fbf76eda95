import torch


def _pair(n: int, h: int, w: int, seed: int, scale: float = 2.0, fg: float = 0.4):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(n, 1, h, w, generator=g) * scale
    target = (torch.rand(n, 1, h, w, generator=g) < fg).float()
    return logits, target


def cases() -> list[dict]:
    logits_a, target_a = _pair(3, 6, 6, 0)
    logits_b, target_b = _pair(2, 5, 7, 1)
    target_b[1] = 0.0  # the second sample has an empty mask
    logits_c, target_c = _pair(4, 4, 4, 2, fg=0.2)
    target_c[0] = 0.0
    target_c[3] = 1.0  # very different foreground sizes: per-sample and batch Dice differ
    t_perfect = _pair(2, 4, 5, 3)[1]
    return [
        {"name": "random", "args": {"logits": logits_a, "target": target_a, "eps": 1.0}},
        {
            "name": "empty-mask-sample",
            "args": {"logits": logits_b, "target": target_b, "eps": 1.0},
        },
        {
            # a tiny eps: the empty mask's Dice is eps / (sum p + eps), close to 0
            "name": "small-eps",
            "args": {"logits": logits_b, "target": target_b, "eps": 1e-6},
        },
        {
            "name": "unequal-foreground",
            "args": {"logits": logits_c, "target": target_c, "eps": 1.0},
        },
        {
            # logits +-12 matching the mask: loss close to 0
            "name": "near-perfect",
            "args": {"logits": (t_perfect * 2 - 1) * 12.0, "target": t_perfect, "eps": 1.0},
        },
        {
            "name": "single-sample",
            "args": dict(zip(("logits", "target"), _pair(1, 3, 8, 4)), eps=0.5),
        },
    ]
