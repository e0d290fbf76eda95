import random


def _grid(rows: list[str]) -> list[list[str]]:
    return [list(row) for row in rows]


def _random_grid(rows: int, cols: int, p: float, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    return [["1" if rng.random() < p else "0" for _ in range(cols)] for _ in range(rows)]


def cases() -> list[dict]:
    return [
        {
            "name": "three-islands",
            "args": {"grid": _grid(["11000", "11000", "00100", "00011"])},
        },
        {
            # a checkerboard: every land cell touches the others only at corners -> 5 islands
            "name": "diagonal-only",
            "args": {"grid": _grid(["101", "010", "101"])},
        },
        {
            # one snake-shaped island that turns up and left: a fill that only looks right/down splits it
            "name": "snake",
            "args": {"grid": _grid(["11111", "00001", "11101", "10001", "11111"])},
        },
        {
            # land in all four corners: row -1 / column -1 must not wrap to the other side
            "name": "corners-no-wrap",
            "args": {"grid": _grid(["1001", "0000", "1001"])},
        },
        {"name": "empty-grid", "args": {"grid": []}},
        {"name": "single-land-cell", "args": {"grid": [["1"]]}},
        {"name": "all-water", "args": {"grid": _grid(["000", "000"])}},
        {"name": "ring-with-lake", "args": {"grid": _grid(["1111", "1001", "1111", "0000", "0110"])}},
        {"name": "random-seeded", "args": {"grid": _random_grid(10, 12, 0.45, 200)}},
    ]
