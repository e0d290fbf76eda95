import torch


def _t(shape: tuple[int, ...], g: torch.Generator) -> torch.Tensor:
    return torch.randn(*shape, generator=g)


def cases() -> list[dict]:
    out = []
    specs = [
        # name, x shape, weight shape, with bias, stride, padding
        ("basic-3x3", (2, 3, 6, 6), (4, 3, 3, 3), True, 1, 0),
        ("stride-2-padding-1", (1, 2, 7, 7), (3, 2, 3, 3), True, 2, 1),
        ("no-bias", (2, 3, 5, 5), (2, 3, 3, 3), False, 1, 1),
        ("non-square", (1, 2, 5, 8), (3, 2, 2, 3), True, 1, 0),
        ("kernel-1x1", (2, 4, 4, 3), (5, 4, 1, 1), True, 1, 0),
        ("stride-2-odd-size", (1, 1, 6, 5), (2, 1, 3, 2), True, 2, 0),
        ("padding-2-stride-3", (1, 2, 7, 6), (2, 2, 3, 3), True, 3, 2),
    ]
    for k, (name, xs, ws, with_bias, stride, padding) in enumerate(specs):
        g = torch.Generator().manual_seed(k)
        args = {"x": _t(xs, g), "weight": _t(ws, g), "stride": stride, "padding": padding}
        if with_bias:
            args["bias"] = _t((ws[0],), g)
        out.append({"name": name, "args": args})
    return out
