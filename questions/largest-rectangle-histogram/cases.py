import random


def cases() -> list[dict]:
    rng = random.Random(84)
    return [
        {"name": "classic", "args": {"heights": [2, 1, 5, 6, 2, 3]}},
        {
            # never pops during the scan: the stack must be flushed at the end
            "name": "increasing",
            "args": {"heights": [1, 2, 3, 4, 5]},
        },
        {"name": "decreasing", "args": {"heights": [5, 4, 3, 2, 1]}},
        {"name": "all-equal", "args": {"heights": [3, 3, 3, 3]}},
        {
            # the lowest bar spans the whole width, which needs the left boundary -1
            "name": "valley",
            "args": {"heights": [2, 1, 2]},
        },
        {"name": "empty", "args": {"heights": []}},
        {"name": "single", "args": {"heights": [7]}},
        {"name": "zero-splits", "args": {"heights": [4, 0, 4, 4, 0, 3]}},
        {"name": "random-seeded", "args": {"heights": [rng.randint(0, 10) for _ in range(30)]}},
    ]
