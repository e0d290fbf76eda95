"""Oracle tests for the plain-Python (LeetCode-style) coding cards.

For every card: the reference agrees with a deliberately naive, independently written oracle on
every case of cases.py and on 60 seeded random inputs; the starter fails; every known-wrong answer
fails as its header declares, and no two of them give the same outputs on all cases; the code
blocks of the model answers give the reference outputs.
"""

from __future__ import annotations

import copy
import importlib.util
import itertools
import random
import re
from collections import deque
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from app.judge.spec import read_header

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"
N_RANDOM = 60
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


# ---------------------------------------------------------------- oracles (naive, on purpose)


def oracle_merge(intervals: list[list[int]]) -> list[list[int]]:
    """Connected components of the 'overlaps or touches' graph, by repeated union over all pairs."""
    n = len(intervals)
    parent = list(range(n))

    def find(a: int) -> int:
        while parent[a] != a:
            a = parent[a]
        return a

    for a in range(n):
        for b in range(n):
            (s1, e1), (s2, e2) = intervals[a], intervals[b]
            if s1 <= e2 and s2 <= e1:  # closed intervals share at least one point
                parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for a in range(n):
        groups.setdefault(find(a), []).append(a)
    merged = [
        [min(intervals[a][0] for a in members), max(intervals[a][1] for a in members)]
        for members in groups.values()
    ]
    return sorted(merged)


def oracle_kth_largest(nums: list[int], k: int) -> int:
    """The value x with fewer than k elements strictly above it and at least k at or above it."""
    for x in nums:
        above = sum(1 for y in nums if y > x)
        at_or_above = sum(1 for y in nums if y >= x)
        if above < k <= at_or_above:
            return x
    raise AssertionError("no k-th largest")


def oracle_islands(grid: list[list[str]]) -> int:
    """Union-find over land cells, joining every pair of land cells at Manhattan distance 1."""
    cells = [(r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if v == "1"]
    parent = {cell: cell for cell in cells}

    def find(a):  # type: ignore[no-untyped-def]
        while parent[a] != a:
            a = parent[a]
        return a

    for a in cells:
        for b in cells:
            if abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1:
                parent[find(a)] = find(b)
    return len({find(cell) for cell in cells})


def oracle_search(nums: list[int], target: int) -> int:
    for i, x in enumerate(nums):
        if x == target:
            return i
    return -1


def oracle_longest_substring(s: str) -> int:
    best = 0
    for i in range(len(s)):
        for j in range(i + 1, len(s) + 1):
            if len(set(s[i:j])) == j - i:
                best = max(best, j - i)
    return best


def oracle_trap(height: list[int]) -> int:
    """Count water cells level by level: cell (i, y) is water if h[i] < y and walls >= y on both sides."""
    water = 0
    for y in range(1, max(height, default=0) + 1):
        for i, h in enumerate(height):
            if h < y and any(b >= y for b in height[:i]) and any(b >= y for b in height[i + 1:]):
                water += 1
    return water


def oracle_histogram(heights: list[int]) -> int:
    best = 0
    for i in range(len(heights)):
        for j in range(i, len(heights)):
            best = max(best, (j - i + 1) * min(heights[i:j + 1]))
    return best


def oracle_three_sum(nums: list[int]) -> list[list[int]]:
    found = {tuple(sorted(t)) for t in itertools.combinations(nums, 3) if sum(t) == 0}
    return [list(t) for t in sorted(found)]


def oracle_edit_distance(word1: str, word2: str) -> int:
    """Top-down recursion over suffixes (the reference goes bottom-up over prefixes)."""

    @cache
    def go(i: int, j: int) -> int:
        if i == len(word1):
            return len(word2) - j
        if j == len(word2):
            return len(word1) - i
        if word1[i] == word2[j]:
            return go(i + 1, j + 1)
        return 1 + min(go(i + 1, j + 1), go(i + 1, j), go(i, j + 1))

    return go(0, 0)


def edit_distance_bfs(word1: str, word2: str) -> int:
    """Breadth-first search over strings, one edit per step (tiny inputs only)."""
    alphabet = sorted(set(word1 + word2)) or ["a"]
    limit = max(len(word1), len(word2)) + 1
    seen = {word1}
    queue = deque([(word1, 0)])
    while queue:
        s, d = queue.popleft()
        if s == word2:
            return d
        nxt = set()
        for p in range(len(s) + 1):
            for ch in alphabet:
                nxt.add(s[:p] + ch + s[p:])  # insert
        for p in range(len(s)):
            nxt.add(s[:p] + s[p + 1:])  # delete
            for ch in alphabet:
                nxt.add(s[:p] + ch + s[p + 1:])  # replace
        for t in nxt:
            if t not in seen and len(t) <= limit:
                seen.add(t)
                queue.append((t, d + 1))
    raise AssertionError("unreachable")


def oracle_lis(nums: list[int]) -> int:
    n = len(nums)
    if n <= 16:  # every subsequence, longest first
        for size in range(n, 0, -1):
            for idx in itertools.combinations(range(n), size):
                if all(nums[a] < nums[b] for a, b in itertools.pairwise(idx)):
                    return size
        return 0

    @cache
    def go(i: int, prev: int) -> int:  # exhaustive take / skip search
        if i == n:
            return 0
        skip = go(i + 1, prev)
        if prev < 0 or nums[prev] < nums[i]:
            return max(skip, 1 + go(i + 1, i))
        return skip

    return go(0, -1)


# ---------------------------------------------------------------- random inputs


def rand_merge(rng: random.Random) -> dict:
    out = []
    for _ in range(rng.randint(0, 8)):
        s = rng.randint(-10, 10)
        out.append([s, s + rng.randint(0, 4)])
    return {"intervals": out}


def rand_kth(rng: random.Random) -> dict:
    nums = [rng.randint(-5, 5) for _ in range(rng.randint(1, 10))]
    return {"nums": nums, "k": rng.randint(1, len(nums))}


def rand_islands(rng: random.Random) -> dict:
    rows = rng.randint(0, 5)
    cols = rng.randint(1, 6)
    p = rng.random()
    return {"grid": [["1" if rng.random() < p else "0" for _ in range(cols)] for _ in range(rows)]}


def rand_search(rng: random.Random) -> dict:
    n = rng.randint(0, 10)
    values = sorted(rng.sample(range(-20, 21), n))
    r = rng.randrange(n) if n else 0
    nums = values[r:] + values[:r]
    target = rng.choice(nums) if nums and rng.random() < 0.6 else rng.randint(-22, 22)
    return {"nums": nums, "target": target}


def rand_substring(rng: random.Random) -> dict:
    return {"s": "".join(rng.choice("abcd ") for _ in range(rng.randint(0, 12)))}


def rand_trap(rng: random.Random) -> dict:
    return {"height": [rng.randint(0, 5) for _ in range(rng.randint(0, 10))]}


def rand_histogram(rng: random.Random) -> dict:
    return {"heights": [rng.randint(0, 6) for _ in range(rng.randint(0, 9))]}


def rand_three_sum(rng: random.Random) -> dict:
    return {"nums": [rng.randint(-4, 4) for _ in range(rng.randint(0, 10))]}


def rand_edit(rng: random.Random) -> dict:
    alphabet = rng.choice(["ab", "abc"])
    return {
        "word1": "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5))),
        "word2": "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5))),
    }


def rand_lis(rng: random.Random) -> dict:
    return {"nums": [rng.randint(-5, 5) for _ in range(rng.randint(0, 12))]}


CARDS: dict[str, tuple[Callable[..., Any], Callable[[random.Random], dict]]] = {
    "merge-intervals": (oracle_merge, rand_merge),
    "kth-largest": (oracle_kth_largest, rand_kth),
    "number-of-islands": (oracle_islands, rand_islands),
    "search-rotated-array": (oracle_search, rand_search),
    "longest-substring-without-repeating": (oracle_longest_substring, rand_substring),
    "trapping-rain-water": (oracle_trap, rand_trap),
    "largest-rectangle-histogram": (oracle_histogram, rand_histogram),
    "three-sum": (oracle_three_sum, rand_three_sum),
    "edit-distance": (oracle_edit_distance, rand_edit),
    "longest-increasing-subsequence": (oracle_lis, rand_lis),
}
IDS = sorted(CARDS)


# ---------------------------------------------------------------- helpers


def load_module(path: Path) -> ModuleType:
    name = "oracle_python_" + re.sub(r"\W", "_", str(path.relative_to(QUESTIONS)))
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def grader(card: str) -> dict:
    return yaml.safe_load((QUESTIONS / card / "question.yaml").read_text(encoding="utf-8"))["grader"]


@cache
def param_names(card: str) -> tuple[str, ...]:
    signature = grader(card)["signature"]
    inside = signature[signature.index("(") + 1: signature.rindex(")")]
    return tuple(p.strip() for p in inside.split(",") if p.strip())


def card_cases(card: str) -> list[dict]:
    return load_module(QUESTIONS / card / "cases.py").cases()


def call(fn: Callable[..., Any], card: str, args: dict) -> Any:
    """Call by position in signature order, on a deep copy (solutions may modify their input)."""
    args = copy.deepcopy(args)
    return fn(*[args[name] for name in param_names(card)])


def normalise(value: Any, unordered: bool) -> Any:
    """Tuples and lists are the same; with `unordered`, the top-level list is a multiset."""
    if isinstance(value, (list, tuple)):
        items = [normalise(v, False) for v in value]
        if unordered:
            return sorted(items, key=repr)
        return items
    return value


def outcome(fn: Callable[..., Any], card: str, args: dict) -> tuple[str, Any]:
    try:
        return ("ok", normalise(call(fn, card, args), bool(grader(card).get("unordered"))))
    except Exception as exc:  # noqa: BLE001 - a raising solution is an outcome too
        return ("raised", type(exc).__name__)


def entry(card: str, path: Path) -> Callable[..., Any]:
    return getattr(load_module(path), grader(card)["entry"])


def wrong_files(card: str) -> list[Path]:
    return sorted((QUESTIONS / card / "wrong").glob("*.py"))


# ---------------------------------------------------------------- tests


@pytest.mark.parametrize("card", IDS)
def test_grader_block(card: str) -> None:
    g = grader(card)
    assert g["type"] == "function"
    assert g["language"] == "python"
    assert g["timeout_s"] == 2
    assert g["tolerance"] == {"atol": 0.0, "rtol": 0.0}
    assert g["signature"].startswith(g["entry"] + "(")
    assert len(g["outputs"]) == 1
    assert bool(g.get("unordered")) == (card == "three-sum")
    spec = yaml.safe_load((QUESTIONS / card / "question.yaml").read_text(encoding="utf-8"))
    assert spec["id"] == card and "algorithm" in spec["tags"]
    assert any("leetcode.com/problems/" in s for s in spec["sources"])


@pytest.mark.parametrize("card", IDS)
def test_cases_shape(card: str) -> None:
    cases = card_cases(card)
    assert 6 <= len(cases) <= 10
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", n) for n in names)
    assert all(set(c["args"]) == set(param_names(card)) for c in cases)
    assert cases == card_cases(card)  # fixed seeds: rebuilding gives the same inputs


@pytest.mark.parametrize("card", IDS)
def test_reference_matches_oracle_on_cases(card: str) -> None:
    oracle, _ = CARDS[card]
    reference = entry(card, QUESTIONS / card / "reference.py")
    for case in card_cases(card):
        got = outcome(reference, card, case["args"])
        want = outcome(oracle, card, case["args"])
        assert got[0] == "ok", (case["name"], got)
        assert got == want, case["name"]


@pytest.mark.parametrize("card", IDS)
def test_reference_matches_oracle_on_random_inputs(card: str) -> None:
    oracle, generate = CARDS[card]
    reference = entry(card, QUESTIONS / card / "reference.py")
    rng = random.Random(f"oracle-{card}")
    for _ in range(N_RANDOM):
        args = generate(rng)
        assert outcome(reference, card, args) == outcome(oracle, card, args), args


def test_edit_distance_oracle_agrees_with_bfs() -> None:
    """The recursive oracle itself, checked against a search over edit sequences on tiny words."""
    rng = random.Random("edit-bfs")
    for _ in range(N_RANDOM):
        w1 = "".join(rng.choice("ab") for _ in range(rng.randint(0, 4)))
        w2 = "".join(rng.choice("abc") for _ in range(rng.randint(0, 4)))
        assert oracle_edit_distance(w1, w2) == edit_distance_bfs(w1, w2), (w1, w2)


@pytest.mark.parametrize("card", IDS)
def test_reference_does_not_modify_inputs_and_is_fast(card: str) -> None:
    import time

    reference = entry(card, QUESTIONS / card / "reference.py")
    names = param_names(card)
    cases = card_cases(card)
    for case in cases:
        before = copy.deepcopy(case["args"])
        reference(*[case["args"][name] for name in names])
        assert case["args"] == before, case["name"]
    positional = [[case["args"][name] for name in names] for case in cases]
    runs = []  # grading must be fast: all cases well under 50 ms (best of 3, to ignore a busy CPU)
    for _ in range(3):
        start = time.perf_counter()
        for args in positional:
            reference(*args)
        runs.append(time.perf_counter() - start)
    assert min(runs) < 0.05


@pytest.mark.parametrize("card", IDS)
def test_starter_fails(card: str) -> None:
    starter = entry(card, QUESTIONS / card / "starter.py")
    reference = entry(card, QUESTIONS / card / "reference.py")
    assert any(
        outcome(starter, card, c["args"]) != outcome(reference, card, c["args"]) for c in card_cases(card)
    )


@pytest.mark.parametrize("card", IDS)
def test_wrong_answers_fail_as_declared(card: str) -> None:
    reference = entry(card, QUESTIONS / card / "reference.py")
    cases = card_cases(card)
    wrongs = wrong_files(card)
    assert len(wrongs) >= 3
    for path in wrongs:
        h = {key: values[0] for key, values in read_header(path.read_text(encoding="utf-8")).items()}
        assert h.get("expect") == "failed", path.name
        assert h.get("failing-check") in {"values", "exception"}, path.name
        assert h.get("mistake") and not CJK.search(h["mistake"]), path.name
        assert h.get("mistake-zh") and CJK.search(h["mistake-zh"]), path.name
        assert '"' not in re.sub(r"`[^`]*`", "", h["mistake-zh"]), path.name
        fn = entry(card, path)
        results = [(c["name"], outcome(fn, card, c["args"]), outcome(reference, card, c["args"]))
                   for c in cases]
        differing = [(name, got) for name, got, want in results if got != want]
        assert differing, f"{path.name} passes every case"
        # the checker stops at the first failing case: its kind is the declared failing check
        first = differing[0][1]
        if h["failing-check"] == "values":
            assert first[0] == "ok", f"{path.name}: first failing case raises: {differing[0]}"
        else:
            assert first[0] == "raised", f"{path.name}: first failing case does not raise"


@pytest.mark.parametrize("card", IDS)
def test_wrong_answers_are_distinct(card: str) -> None:
    cases = card_cases(card)
    signatures = {
        path.name: tuple(outcome(entry(card, path), card, c["args"]) for c in cases)
        for path in wrong_files(card)
    }
    for (a, sa), (b, sb) in itertools.combinations(signatures.items(), 2):
        assert sa != sb, f"{a} and {b} give the same outputs on every case"


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, flags=re.S)


@pytest.mark.parametrize("card", IDS)
def test_answer_code_blocks_pass(card: str) -> None:
    name = grader(card)["entry"]
    reference = entry(card, QUESTIONS / card / "reference.py")
    checked = 0
    for lang in ("en", "zh"):
        for block in python_blocks((QUESTIONS / card / f"answer.{lang}.md").read_text(encoding="utf-8")):
            if f"def {name}(" not in block:
                continue
            namespace: dict[str, Any] = {}
            exec(compile(block, f"answer.{lang}.md", "exec"), namespace)  # noqa: S102 - our own card
            for case in card_cases(card):
                assert outcome(namespace[name], card, case["args"]) == outcome(
                    reference, card, case["args"]
                ), (lang, case["name"])
            checked += 1
    assert checked >= 2


def prompt_examples(block: str, name: str) -> list[tuple[str, str]]:
    """(call source, expected value source) for each `name(...)  # value ...` example in a block."""
    examples = []
    pending = ""
    for line in block.splitlines():
        if not pending and not line.startswith(name + "("):
            continue
        code, _, comment = line.partition("#")
        pending += code
        if pending.count("(") == pending.count(")"):
            m = re.match(r"\s*(-?\d+|\[.*\])", comment)
            assert m, line
            examples.append((pending.strip()[len(name) + 1: -1], m.group(1)))
            pending = ""
    return examples


@pytest.mark.parametrize("card", IDS)
def test_prompt_examples_match_reference(card: str) -> None:
    """Every `entry(...)  # value` example in the prompts is what the reference returns."""
    name = grader(card)["entry"]
    unordered = bool(grader(card).get("unordered"))
    reference = entry(card, QUESTIONS / card / "reference.py")
    checked = 0
    for lang in ("en", "zh"):
        text = (QUESTIONS / card / f"prompt.{lang}.md").read_text(encoding="utf-8")
        for block in python_blocks(text):
            for call_src, expected_src in prompt_examples(block, name):
                args = eval(f"[{call_src}]")  # noqa: S307 - literal arguments from our own card
                got = normalise(reference(*args), unordered)
                assert got == normalise(eval(expected_src), unordered), (lang, call_src)  # noqa: S307
                checked += 1
    assert checked >= 4


@pytest.mark.parametrize("card", IDS)
def test_prose_languages(card: str) -> None:
    for stem in ("prompt", "answer"):
        en = (QUESTIONS / card / f"{stem}.en.md").read_text(encoding="utf-8")
        zh = (QUESTIONS / card / f"{stem}.zh.md").read_text(encoding="utf-8")
        assert not CJK.search(en), f"{stem}.en.md"
        prose = re.sub(r"```.*?```", "", zh, flags=re.S)
        prose = re.sub(r"`[^`]*`", "", prose)
        assert '"' not in prose, f"{stem}.zh.md has ASCII quotes in prose"
