import torch


def _case(seed, n, c, h, w, training, stats, **extra):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, c, h, w, generator=g) * 2.0 + 0.5
    if stats:
        running_mean = torch.randn(c, generator=g) * 0.5
        running_var = torch.rand(c, generator=g) + 0.5
    else:
        running_mean = torch.zeros(c)
        running_var = torch.ones(c)
    args = {
        "x": x,
        "running_mean": running_mean,
        "running_var": running_var,
        "weight": torch.rand(c, generator=g) + 0.5,
        "bias": torch.randn(c, generator=g) * 0.1,
        "training": training,
    }
    args.update(extra)
    return args


def cases() -> list[dict]:
    return [
        {"name": "train-fresh-stats", "args": _case(0, 4, 3, 4, 4, True, False)},
        {"name": "eval-running-stats", "args": _case(1, 3, 2, 3, 3, False, True)},
        {"name": "train-stats-momentum-03",
         "args": _case(2, 5, 4, 2, 3, True, True, momentum=0.3)},
        {"name": "train-n2-1x1", "args": _case(3, 2, 3, 1, 1, True, True)},
        {"name": "eval-eps-1e-3", "args": _case(4, 2, 5, 2, 2, False, True, eps=1e-3)},
    ]
