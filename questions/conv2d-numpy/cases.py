import numpy as np


def _conv_args(seed: int, n: int, c: int, h: int, w: int, o: int, k: int, stride: int,
               padding: int, bias: bool = True) -> dict:
    rng = np.random.default_rng(seed)
    return {
        "x": rng.standard_normal((n, c, h, w)).astype(np.float32),
        "weight": (rng.standard_normal((o, c, k, k)) / np.sqrt(c * k * k)).astype(np.float32),
        "bias": rng.standard_normal(o).astype(np.float32) if bias else None,
        "stride": stride,
        "padding": padding,
    }


def cases() -> list[dict]:
    return [
        # 3x3, stride 1, padding 1: "same" output size
        {"name": "same-padding-3x3", "args": _conv_args(0, 2, 3, 7, 7, 4, 3, 1, 1)},
        # H + 2p - k not divisible by the stride: the output size is floored
        {"name": "stride2-odd-size", "args": _conv_args(1, 1, 2, 8, 9, 3, 3, 2, 1)},
        # H != W: catches swapped spatial axes
        {"name": "non-square-input", "args": _conv_args(2, 2, 2, 5, 9, 3, 3, 1, 0)},
        {"name": "no-bias", "args": _conv_args(3, 1, 3, 6, 6, 2, 3, 1, 1, bias=False)},
        {"name": "pointwise-1x1", "args": _conv_args(4, 2, 4, 4, 5, 3, 1, 1, 0)},
        {"name": "kernel5-stride2-pad2", "args": _conv_args(5, 1, 2, 9, 7, 2, 5, 2, 2)},
        # kernel as large as the padded input: a 1x1 output
        {"name": "kernel-covers-input", "args": _conv_args(6, 2, 1, 3, 3, 2, 5, 1, 1)},
    ]
