import torch


def _random(n: int, c: int, seed: int, scale: float = 3.0):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(n, c, generator=g) * scale
    target = torch.randint(0, c, (n,), generator=g)
    return logits, target


def cases() -> list[dict]:
    logits_a, target_a = _random(6, 5, 0)
    logits_b, target_b = _random(4, 7, 1, scale=2.0)
    logits_c, target_c = _random(5, 3, 2, scale=4.0)
    return [
        {
            "name": "random",
            "args": {"logits": logits_a, "target": target_a, "smoothing": 0.1},
        },
        {
            # smoothing 0: plain cross-entropy
            "name": "no-smoothing",
            "args": {"logits": logits_b, "target": target_b, "smoothing": 0.0},
        },
        {
            # smoothing 1: the target is the uniform distribution, the labels no longer matter
            "name": "full-smoothing",
            "args": {"logits": logits_c, "target": target_c, "smoothing": 1.0},
        },
        {
            # two classes: eps / C and eps / (C - 1) differ by a factor of 2
            "name": "binary",
            "args": {
                "logits": torch.tensor([[2.0, -1.0], [0.5, 0.5], [-3.0, 4.0]]),
                "target": torch.tensor([0, 1, 0]),
                "smoothing": 0.2,
            },
        },
        {
            # +-1e4: needs the max-subtracted log-sum-exp; the smoothing term is ~2e4 * eps / C
            "name": "huge-logits",
            "args": {
                "logits": torch.tensor(
                    [[1e4, -1e4, 0.0], [-1e4, 1e4, 1e4], [1e4, 1e4, -1e4]]
                ),
                "target": torch.tensor([0, 1, 2]),
                "smoothing": 0.1,
            },
        },
        {
            "name": "many-classes",
            "args": dict(
                zip(("logits", "target"), _random(3, 20, 3, scale=1.5)), smoothing=0.3
            ),
        },
    ]
