import torch


def _qkv(seed, b, h, lq, lk, d, dv):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(b, h, lq, d, generator=g)
    k = torch.randn(b, h, lk, d, generator=g)
    v = torch.randn(b, h, lk, dv, generator=g)
    return q, k, v


def cases() -> list[dict]:
    out = []

    q, k, v = _qkv(0, 2, 2, 4, 4, 8, 8)
    out.append({"name": "no-mask", "args": {"q": q, "k": k, "v": v}})

    q, k, v = _qkv(1, 2, 3, 5, 5, 4, 4)
    causal = torch.ones(5, 5, dtype=torch.bool).tril()  # [Lq, Lk], broadcast over B, H
    out.append({"name": "causal-mask", "args": {"q": q, "k": k, "v": v, "mask": causal}})

    q, k, v = _qkv(2, 2, 2, 3, 6, 8, 5)
    pad = torch.tensor(
        [[True, True, True, True, True, True],
         [True, True, True, False, False, False]]
    ).view(2, 1, 1, 6)  # [B, 1, 1, Lk] key-padding mask
    out.append({"name": "padding-mask-lq-ne-lk",
                "args": {"q": q, "k": k, "v": v, "mask": pad}})

    q, k, v = _qkv(3, 1, 1, 1, 1, 16, 3)
    out.append({"name": "single-query-key", "args": {"q": q, "k": k, "v": v}})

    g = torch.Generator().manual_seed(4)
    q, k, v = _qkv(4, 1, 2, 4, 7, 32, 6)
    q = q * 3.0
    rand = torch.rand(1, 2, 4, 7, generator=g) > 0.5
    rand[..., 0] = True  # every query row keeps at least one key
    out.append({"name": "large-d-random-mask", "args": {"q": q, "k": k, "v": v, "mask": rand}})
    return out
