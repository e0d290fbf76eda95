import torch


def _logits_and_labels(shape: tuple[int, ...], seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(*shape, generator=g) * 2.0
    labels = (torch.rand(*shape, generator=g) < 0.3).float()
    return logits, labels


def cases() -> list[dict]:
    x0, t0 = _logits_and_labels((4, 5), 0)
    x1, t1 = _logits_and_labels((2, 3, 4), 1)
    x2, t2 = _logits_and_labels((16,), 2)
    x3, t3 = _logits_and_labels((3, 6), 3)
    x4, t4 = _logits_and_labels((5, 4), 4)
    g = torch.Generator().manual_seed(5)
    x5 = torch.randn(4, 4, generator=g)
    t5 = torch.rand(4, 4, generator=g)  # soft targets in [0, 1]
    extreme = torch.tensor([[30.0, -30.0, 30.0, -30.0], [25.0, -25.0, 0.5, -0.5]])
    extreme_t = torch.tensor([[0.0, 1.0, 1.0, 0.0], [0.0, 1.0, 1.0, 0.0]])
    return [
        {"name": "reduction-none", "args": {"inputs": x0, "targets": t0}},
        {"name": "reduction-mean", "args": {"inputs": x1, "targets": t1, "reduction": "mean"}},
        {
            "name": "reduction-sum",
            "args": {"inputs": x2, "targets": t2, "alpha": 0.5, "gamma": 1.0, "reduction": "sum"},
        },
        {"name": "alpha-disabled", "args": {"inputs": x3, "targets": t3, "alpha": -1.0}},
        {
            # gamma = 0 and no alpha: plain binary cross-entropy with logits
            "name": "gamma-zero-is-bce",
            "args": {
                "inputs": x4, "targets": t4, "alpha": -1.0, "gamma": 0.0, "reduction": "mean",
            },
        },
        {
            "name": "soft-targets",
            "args": {"inputs": x5, "targets": t5, "alpha": 0.4, "gamma": 1.5, "reduction": "sum"},
        },
        {"name": "extreme-logits", "args": {"inputs": extreme, "targets": extreme_t}},
    ]
