import random


def _random_intervals(n: int, seed: int) -> list[list[int]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        start = rng.randint(-30, 60)
        out.append([start, start + rng.randint(0, 6)])
    return out


def cases() -> list[dict]:
    return [
        {
            # given out of order: merging without sorting first glues [1, 3] onto [8, 10]
            "name": "unsorted-overlapping",
            "args": {"intervals": [[8, 10], [1, 3], [15, 18], [2, 6]]},
        },
        {
            # closed intervals: [1, 2] and [2, 3] touch and must merge; [6, 6] touches [5, 6]
            "name": "touching",
            "args": {"intervals": [[1, 2], [2, 3], [5, 6], [6, 6], [8, 9]]},
        },
        {
            # small intervals inside a big one must not shrink it (max of the ends)
            "name": "contained",
            "args": {"intervals": [[1, 10], [2, 3], [4, 5], [11, 12]]},
        },
        {"name": "empty", "args": {"intervals": []}},
        {"name": "single", "args": {"intervals": [[4, 7]]}},
        {
            "name": "points-and-duplicates",
            "args": {"intervals": [[5, 5], [1, 4], [5, 5], [0, 0], [4, 4], [7, 9], [7, 9]]},
        },
        {
            "name": "negative",
            "args": {"intervals": [[-5, -3], [-4, -1], [-10, -8], [0, 2], [-1, 0]]},
        },
        {"name": "random-seeded", "args": {"intervals": _random_intervals(30, 56)}},
    ]
