import random


def cases() -> list[dict]:
    rng = random.Random(3)
    random_s = "".join(rng.choice("abcdefg xyz") for _ in range(80))
    return [
        {"name": "repeat-every-three", "args": {"s": "abcabcbb"}},
        {"name": "all-same", "args": {"s": "bbbbb"}},
        {"name": "substring-not-subsequence", "args": {"s": "pwwkew"}},
        {
            # the second 'a' was last seen before the window start: left must not move back
            "name": "stale-last-index",
            "args": {"s": "abba"},
        },
        {
            # on the repeated 'd' the window restarts after the first 'd', keeping "vd"
            "name": "restart-after-repeat",
            "args": {"s": "dvdf"},
        },
        {"name": "empty", "args": {"s": ""}},
        {"name": "single-char", "args": {"s": "x"}},
        {"name": "spaces-symbols-case", "args": {"s": "aA b!a B?!"}},
        {"name": "random-seeded", "args": {"s": random_s}},
    ]
