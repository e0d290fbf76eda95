import random


def cases() -> list[dict]:
    rng = random.Random(42)
    return [
        {"name": "classic-profile", "args": {"height": [0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1]}},
        {"name": "deep-basin", "args": {"height": [4, 2, 0, 3, 2, 5]}},
        {"name": "empty", "args": {"height": []}},
        {"name": "two-bars", "args": {"height": [5, 3]}},
        {
            # rising then falling: a single peak traps nothing; only-left-max would fill the right side
            "name": "single-peak",
            "args": {"height": [1, 2, 3, 4, 3, 2, 1]},
        },
        {"name": "only-rising", "args": {"height": [0, 1, 2, 3, 4]}},
        {"name": "equal-walls", "args": {"height": [3, 0, 0, 3]}},
        {"name": "plateaus", "args": {"height": [2, 2, 0, 2, 2, 1, 1, 3, 0, 0, 1]}},
        {"name": "random-seeded", "args": {"height": [rng.randint(0, 8) for _ in range(40)]}},
    ]
