import random


def cases() -> list[dict]:
    rng = random.Random(15)
    return [
        {"name": "repeated-anchor", "args": {"nums": [-1, 0, 1, 2, -1, -4]}},
        {"name": "all-zeros", "args": {"nums": [0, 0, 0, 0]}},
        {
            # one anchor, several equal middle/right values: [-2, 0, 2] must appear once
            "name": "repeated-pair-values",
            "args": {"nums": [-2, 0, 0, 2, 2]},
        },
        {
            # several triplets share the anchor -4; the input is not sorted
            "name": "unsorted-many-per-anchor",
            "args": {"nums": [2, -3, 1, 0, -1, 3, -4, 4, 1]},
        },
        {"name": "no-solution", "args": {"nums": [1, 2, -2, -1]}},
        {"name": "empty", "args": {"nums": []}},
        {"name": "two-elements", "args": {"nums": [0, 0]}},
        {"name": "random-seeded", "args": {"nums": [rng.randint(-6, 6) for _ in range(30)]}},
    ]
