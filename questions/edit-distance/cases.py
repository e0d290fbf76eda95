import random


def cases() -> list[dict]:
    rng = random.Random(72)
    a = "".join(rng.choice("abc") for _ in range(10))
    b = "".join(rng.choice("abc") for _ in range(12))
    return [
        {"name": "horse-ros", "args": {"word1": "horse", "word2": "ros"}},
        {"name": "intention-execution", "args": {"word1": "intention", "word2": "execution"}},
        {"name": "both-empty", "args": {"word1": "", "word2": ""}},
        {"name": "first-empty", "args": {"word1": "", "word2": "abc"}},
        {"name": "second-empty", "args": {"word1": "abcd", "word2": ""}},
        {"name": "identical", "args": {"word1": "kitten", "word2": "kitten"}},
        {
            # a shift by one character: position-by-position comparison says 6, the answer is 2
            "name": "shifted",
            "args": {"word1": "abcdef", "word2": "bcdefg"},
        },
        {"name": "single-replace", "args": {"word1": "a", "word2": "b"}},
        {"name": "random-seeded", "args": {"word1": a, "word2": b}},
    ]
