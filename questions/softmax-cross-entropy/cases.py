import torch


def _random(n: int, c: int, seed: int, scale: float = 3.0, shift: float = 0.0):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(n, c, generator=g) * scale + shift
    target = torch.randint(0, c, (n,), generator=g)
    return logits, target


def cases() -> list[dict]:
    logits_a, target_a = _random(6, 5, 0)
    logits_b, target_b = _random(5, 4, 1, scale=2.0, shift=100.0)
    return [
        {"name": "random", "args": {"logits": logits_a, "target": target_a}},
        {
            # every logit is equal: the loss is exactly log(C) = log(10)
            "name": "uniform-logits",
            "args": {"logits": torch.full((3, 10), 2.5), "target": torch.tensor([0, 4, 9])},
        },
        {
            # logits around 100: exp(100) overflows float32, log-softmax values stay moderate
            "name": "large-logits",
            "args": {"logits": logits_b, "target": target_b},
        },
        {
            # +-1e4: only a max-subtracted log-sum-exp stays finite; row 2 is 2e4 + log 2
            "name": "huge-logits",
            "args": {
                "logits": torch.tensor(
                    [[1e4, -1e4, 0.0], [-1e4, 1e4, 1e4], [1e4, 1e4, -1e4]]
                ),
                "target": torch.tensor([0, 1, 2]),
            },
        },
        {
            "name": "single-sample",
            "args": {"logits": torch.tensor([[0.5, -1.0, 2.0]]), "target": torch.tensor([1])},
        },
        {
            "name": "binary-many-rows",
            "args": dict(zip(("logits", "target"), _random(16, 2, 2, scale=5.0))),
        },
    ]
