import random


def cases() -> list[dict]:
    rng = random.Random(215)
    big = [rng.randint(-50, 50) for _ in range(200)]
    return [
        {"name": "basic", "args": {"nums": [3, 2, 1, 5, 6, 4], "k": 2}},
        {
            # duplicates count: decreasing order is 6, 5, 5, 4, ... so the answer is 4, not 3
            "name": "duplicates-count",
            "args": {"nums": [3, 2, 3, 1, 2, 4, 5, 5, 6], "k": 4},
        },
        {"name": "k-is-1-maximum", "args": {"nums": [-1, 2, 0], "k": 1}},
        {"name": "k-is-n-minimum", "args": {"nums": [5, -2, 9, 0, 3], "k": 5}},
        {"name": "single", "args": {"nums": [42], "k": 1}},
        {"name": "negatives-with-repeats", "args": {"nums": [-7, -3, -10, -3, -1], "k": 3}},
        {"name": "random-seeded", "args": {"nums": big, "k": 37}},
    ]
