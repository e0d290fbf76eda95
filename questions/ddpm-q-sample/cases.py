import torch


def cases() -> list[dict]:
    out = []

    g = torch.Generator().manual_seed(0)
    x0 = torch.randn(4, 3, 5, 5, generator=g)
    noise = torch.randn(4, 3, 5, 5, generator=g)
    t = torch.tensor([0, 10, 500, 999], dtype=torch.int64)
    out.append({"name": "mixed-t", "args": {"x0": x0, "t": t, "noise": noise}})

    g = torch.Generator().manual_seed(1)
    x0 = torch.randn(3, 2, 4, 6, generator=g)
    noise = torch.randn(3, 2, 4, 6, generator=g)
    t = torch.randint(0, 1000, (3,), generator=g, dtype=torch.int64)
    out.append({"name": "random-t", "args": {"x0": x0, "t": t, "noise": noise}})

    g = torch.Generator().manual_seed(2)
    x0 = torch.randn(2, 1, 3, 3, generator=g)
    noise = torch.randn(2, 1, 3, 3, generator=g)
    t = torch.tensor([0, 0], dtype=torch.int64)
    out.append({"name": "t-zero", "args": {"x0": x0, "t": t, "noise": noise}})

    g = torch.Generator().manual_seed(3)
    x0 = torch.randn(5, 2, 2, 3, generator=g)
    noise = torch.randn(5, 2, 2, 3, generator=g)
    t = torch.tensor([0, 1, 2, 8, 9], dtype=torch.int64)
    out.append({"name": "short-schedule-t10",
                "args": {"x0": x0, "t": t, "noise": noise,
                         "timesteps": 10, "beta_start": 0.05, "beta_end": 0.3}})

    g = torch.Generator().manual_seed(4)
    x0 = torch.randn(1, 3, 4, 4, generator=g)
    noise = torch.randn(1, 3, 4, 4, generator=g)
    t = torch.tensor([999], dtype=torch.int64)
    out.append({"name": "batch1-last-step", "args": {"x0": x0, "t": t, "noise": noise}})
    return out
