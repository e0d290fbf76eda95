import random


def cases() -> list[dict]:
    rng = random.Random(300)
    return [
        {"name": "classic", "args": {"nums": [10, 9, 2, 5, 3, 7, 101, 18]}},
        {"name": "dips-and-repeats", "args": {"nums": [0, 1, 0, 3, 2, 3]}},
        {
            # strictly increasing: equal values do not chain
            "name": "all-equal",
            "args": {"nums": [7, 7, 7, 7]},
        },
        {"name": "strictly-decreasing", "args": {"nums": [5, 4, 3, 2, 1]}},
        {"name": "empty", "args": {"nums": []}},
        {"name": "single", "args": {"nums": [-3]}},
        {
            # the best subsequence does not end at the last element, and is not contiguous
            "name": "negatives-ends-early",
            "args": {"nums": [-5, -2, -2, 3, -1, 0, 1, 2, -9]},
        },
        {"name": "random-seeded", "args": {"nums": [rng.randint(-20, 20) for _ in range(40)]}},
    ]
