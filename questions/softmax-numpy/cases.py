import numpy as np


def cases() -> list[dict]:
    rng = np.random.default_rng(0)
    masked = rng.standard_normal((3, 5))
    masked[0, [1, 3]] = -np.inf  # masked-out logits, as in attention
    masked[2, 0] = -np.inf
    return [
        {"name": "rows-last-axis", "args": {"x": rng.standard_normal((4, 6)) * 3.0, "axis": -1}},
        {"name": "columns-axis-0", "args": {"x": rng.standard_normal((5, 3)) * 3.0, "axis": 0}},
        {
            "name": "3d-negative-axis",
            "args": {"x": rng.standard_normal((2, 4, 3)) * 3.0, "axis": -2},
        },
        {
            # one row near +1e4, one near -1e4: exp overflows / underflows without the max shift,
            # and subtracting the global max instead of the per-row max underflows the second row
            "name": "large-logits-1e4",
            "args": {
                "x": np.array(
                    [[1.0e4, 1.0e4 - 1.0, 1.0e4 - 3.0, 1.0e4 - 0.5],
                     [-1.0e4, -1.0e4 + 2.0, -1.0e4 + 1.0, -1.0e4 - 4.0]]
                ),
                "axis": 1,
            },
        },
        {"name": "masked-neg-inf", "args": {"x": masked, "axis": -1}},
        {
            "name": "float32-axis-1-of-3d",
            "args": {"x": (rng.standard_normal((2, 5, 3)) * 4.0).astype(np.float32), "axis": 1},
        },
        {"name": "single-class", "args": {"x": rng.standard_normal((3, 1)), "axis": 1}},
    ]
