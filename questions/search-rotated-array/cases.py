import random


def _rotated(n: int, seed: int) -> tuple[list[int], int]:
    rng = random.Random(seed)
    values = sorted(rng.sample(range(-100, 101), n))
    r = rng.randrange(1, n)
    nums = values[r:] + values[:r]
    return nums, nums[rng.randrange(n)]


def cases() -> list[dict]:
    rotated = [4, 5, 6, 7, 0, 1, 2]
    big, big_target = _rotated(25, 33)
    return [
        {"name": "not-rotated", "args": {"nums": [1, 3, 5, 7, 9, 11], "target": 9}},
        {"name": "target-in-right-part", "args": {"nums": rotated, "target": 0}},
        {
            # target equals nums[lo] of the sorted left half: the range check must include it
            "name": "target-at-left-end",
            "args": {"nums": rotated, "target": 4},
        },
        {"name": "absent", "args": {"nums": rotated, "target": 3}},
        {
            # lo == mid at the first step: 'nums[lo] < nums[mid]' wrongly says the left half is unsorted
            "name": "two-elements-rotated",
            "args": {"nums": [3, 1], "target": 1},
        },
        {"name": "single-found", "args": {"nums": [1], "target": 1}},
        {"name": "single-absent", "args": {"nums": [1], "target": 0}},
        {"name": "empty", "args": {"nums": [], "target": 5}},
        {"name": "random-rotated-negatives", "args": {"nums": big, "target": big_target}},
    ]
