"""Oracle tests for the numpy function cards (language: numpy).

For every card: (a) reference.py agrees with an independent oracle (a library op or a deliberately
naive brute force written differently) on every case of cases.py and on random inputs from a seeded
generator; (b) starter.py fails; (c) every wrong/*.py produces outputs that differ from the
reference on at least one case, fails at the check its header declares, and no two wrong answers
give identical outputs on all cases.

The grader support for `language: numpy` is not on this branch yet, so `grade()` below emulates
the documented rules (docs/cards.md): arguments by position in the order of `signature`, per case
the checks exception -> shape -> dtype (bool / integer / float, widths ignored) -> values (numpy's
isclose rule; NaN matches only NaN, infinities must match exactly).
"""

from __future__ import annotations

import copy
import functools
import importlib.util
import itertools
import math
import re
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
import torch
import torch.nn.functional as F
import yaml

from app.judge.spec import read_header

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"
CARDS = (
    "iou-numpy",
    "nms-numpy",
    "conv2d-numpy",
    "softmax-numpy",
    "kmeans-numpy",
    "sobel-edges-numpy",
    "miou-numpy",
    "average-precision-numpy",
)
RANDOM_TRIALS = 25


# --------------------------------------------------------------------------- loading and grading

def _load(path: Path) -> ModuleType:
    name = "card_" + re.sub(r"\W", "_", str(path.relative_to(QUESTIONS)))
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _card(card: str) -> dict:
    return yaml.safe_load((QUESTIONS / card / "question.yaml").read_text(encoding="utf-8"))


def _grader(card: str) -> dict:
    return _card(card)["grader"]


def _params(card: str) -> list[str]:
    """Positional parameter names of the card's `signature` ("f(a, b=1)" -> ["a", "b"])."""
    inside = re.fullmatch(r"\s*\w+\((.*)\)\s*", _grader(card)["signature"])
    assert inside, _grader(card)["signature"]
    names = [p.split("=")[0].strip() for p in inside.group(1).split(",") if p.strip()]
    assert "*" not in names, "keyword-only parameters are not used by these cards"
    return names


def _entry(card: str, module: ModuleType) -> Callable[..., Any]:
    return getattr(module, _grader(card)["entry"])


def _cases(card: str) -> list[dict]:
    return _load(QUESTIONS / card / "cases.py").cases()


def _call(card: str, fn: Callable[..., Any], args: dict) -> Any:
    args = copy.deepcopy(args)  # the user's code may modify its inputs in place
    return fn(*[args[name] for name in _params(card) if name in args])


def _outputs(card: str, result: Any) -> list[np.ndarray]:
    names = _grader(card)["outputs"]
    values = list(result) if len(names) > 1 else [result]
    assert len(values) == len(names), f"{len(values)} outputs, expected {names}"
    return [np.asarray(v) for v in values]


def _kind(a: np.ndarray) -> str:
    if a.dtype == np.bool_:
        return "bool"
    if np.issubdtype(a.dtype, np.integer):
        return "integer"
    if np.issubdtype(a.dtype, np.floating):
        return "float"
    return str(a.dtype)


def _mismatch(got: np.ndarray, want: np.ndarray, tol: dict) -> str | None:
    """The first failing check between one returned value and the expected one, or None."""
    if got.shape != want.shape:
        return "shape"
    if _kind(got) != _kind(want):
        return "dtype"
    g, w = got.astype(np.float64), want.astype(np.float64)
    finite = np.isfinite(g) & np.isfinite(w)
    close = finite & (np.abs(np.where(finite, g - w, 0.0)) <= tol["atol"] + tol["rtol"] * np.abs(w))
    close |= np.isnan(g) & np.isnan(w)
    close |= np.isinf(g) & np.isinf(w) & (np.sign(g) == np.sign(w))
    return None if bool(close.all()) else "values"


def _case_failure(card: str, got: list[np.ndarray], want: list[np.ndarray]) -> str | None:
    tol = _grader(card)["tolerance"]
    for check in ("shape", "dtype", "values"):  # each check over all outputs before the next
        if any(_mismatch(g, w, tol) == check for g, w in zip(got, want, strict=True)):
            return check
    return None


def _run(card: str, module: ModuleType, args: dict) -> list[np.ndarray] | Exception:
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # e.g. the mean of an empty slice
            return _outputs(card, _call(card, _entry(card, module), args))
    except Exception as exc:  # noqa: BLE001 - a failing submission is data here
        return exc


def grade(card: str, module: ModuleType) -> tuple[str, str] | None:
    """(failing check, case name) of the first failing case, or None when every case passes."""
    reference = _load(QUESTIONS / card / "reference.py")
    for case in _cases(card):
        want = _run(card, reference, case["args"])
        assert not isinstance(want, Exception), f"reference raised on {case['name']}: {want!r}"
        got = _run(card, module, case["args"])
        if isinstance(got, Exception):
            return "exception", case["name"]
        failure = _case_failure(card, got, want)
        if failure:
            return failure, case["name"]
    return None


def _same(card: str, a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return _case_failure(card, a, b) is None


def _wrong_files(card: str) -> list[Path]:
    return sorted((QUESTIONS / card / "wrong").glob("*.py"))


# --------------------------------------------------------------------------- oracles

def _oracle_iou(boxes1: np.ndarray, boxes2: np.ndarray) -> tuple:
    """Pair by pair in Python floats."""
    out = np.zeros((len(boxes1), len(boxes2)))
    for i, a in enumerate(boxes1.tolist()):
        for j, b in enumerate(boxes2.tolist()):
            iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
            ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
            inter = iw * ih
            union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
            out[i, j] = inter / union if union > 0 else math.nan
    return (out,)


def _random_iou(rng: np.random.Generator) -> dict:
    def boxes(n: int) -> np.ndarray:
        xy = rng.uniform(-5, 20, (n, 2))
        wh = rng.uniform(0, 10, (n, 2)) * (rng.random((n, 1)) > 0.1)  # some zero-area boxes
        return np.concatenate([xy, xy + wh], axis=1).astype(np.float32)

    return {"boxes1": boxes(int(rng.integers(0, 7))), "boxes2": boxes(int(rng.integers(0, 7)))}


def _iou_py(a: list[float], b: list[float]) -> float:
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def _oracle_nms(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float) -> tuple:
    """Greedy NMS as the definition reads: a box is kept if no kept box overlaps it too much."""
    b, s = boxes.tolist(), scores.tolist()
    kept: list[int] = []
    for i in sorted(range(len(b)), key=lambda i: -s[i]):
        if all(_iou_py(b[i], b[j]) <= iou_threshold for j in kept):
            kept.append(i)
    return (np.array(kept, dtype=np.int64),)


def _random_nms(rng: np.random.Generator) -> dict:
    n = int(rng.integers(0, 16))
    centres = rng.uniform(0, 30, (3, 2))[rng.integers(0, 3, n)] + rng.normal(0, 3, (n, 2))
    half = rng.uniform(2, 8, (n, 2))
    boxes = np.concatenate([centres - half, centres + half], axis=1).astype(np.float32)
    scores = ((rng.permutation(n) + 1.0) / (n + 1.0)).astype(np.float32)
    return {"boxes": boxes, "scores": scores, "iou_threshold": float(rng.uniform(0.1, 0.8))}


def _oracle_conv2d(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None, stride: int,
                   padding: int) -> tuple:
    """The library op: torch.nn.functional.conv2d, in float64."""
    out = F.conv2d(torch.from_numpy(x).double(), torch.from_numpy(weight).double(),
                   None if bias is None else torch.from_numpy(bias).double(),
                   stride=stride, padding=padding)
    return (out.numpy(),)


def _random_conv2d(rng: np.random.Generator) -> dict:
    n, c, o = (int(v) for v in rng.integers(1, 4, 3))
    k, stride, padding = int(rng.integers(1, 6)), int(rng.integers(1, 4)), int(rng.integers(0, 3))
    h = int(rng.integers(max(1, k - 2 * padding), 11))
    w = int(rng.integers(max(1, k - 2 * padding), 11))
    return {
        "x": rng.standard_normal((n, c, h, w)).astype(np.float32),
        "weight": rng.standard_normal((o, c, k, k)).astype(np.float32),
        "bias": rng.standard_normal(o).astype(np.float32) if rng.random() < 0.7 else None,
        "stride": stride,
        "padding": padding,
    }


def _oracle_softmax(x: np.ndarray, axis: int) -> tuple:
    """The library op: torch.softmax in float64 (scipy is not installed here)."""
    return (torch.softmax(torch.from_numpy(np.asarray(x, dtype=np.float64)), dim=axis).numpy(),)


def _random_softmax(rng: np.random.Generator) -> dict:
    shape = tuple(int(v) for v in rng.integers(1, 6, int(rng.integers(1, 4))))
    scale = float(rng.choice([1.0, 30.0, 1.0e4]))
    x = rng.standard_normal(shape) * scale + float(rng.choice([0.0, 1.0e4, -1.0e4]))
    return {"x": x, "axis": int(rng.integers(-len(shape), len(shape)))}


def _oracle_kmeans(x: np.ndarray, init: np.ndarray, iters: int) -> tuple:
    """Lloyd's algorithm with plain Python lists: strict '<' keeps the lowest index on ties."""
    points, centers = x.tolist(), init.tolist()

    def assign() -> list[int]:
        labels = []
        for p in points:
            best, best_d = 0, math.inf
            for k, c in enumerate(centers):
                d = sum((pi - ci) ** 2 for pi, ci in zip(p, c, strict=True))
                if d < best_d:
                    best, best_d = k, d
            labels.append(best)
        return labels

    for _ in range(iters):
        labels = assign()
        for k in range(len(centers)):
            members = [p for p, lab in zip(points, labels, strict=True) if lab == k]
            if members:
                centers[k] = [math.fsum(col) / len(members) for col in zip(*members, strict=True)]
    return np.array(centers, dtype=np.float64).reshape(init.shape), np.array(assign(), dtype=np.int64)


def _random_kmeans(rng: np.random.Generator) -> dict:
    n, d, k = int(rng.integers(1, 30)), int(rng.integers(1, 5)), int(rng.integers(1, 6))
    x = rng.normal(0, 1, (n, d)) + rng.uniform(-6, 6, (3, d))[rng.integers(0, 3, n)]
    # points of x (a point may repeat: duplicate centers) or anywhere (clusters may stay empty)
    picked = x[rng.integers(0, n, k)].copy()
    init = picked if rng.random() < 0.5 else rng.uniform(-8, 8, (k, d))
    return {"x": x, "init": init, "iters": int(rng.integers(0, 7))}


def _sobel_py(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Gx and Gy pixel by pixel, reading outside the image as 0."""
    kx = [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]
    h, w = image.shape
    img = image.tolist()
    gx, gy = np.zeros((h, w)), np.zeros((h, w))
    for i, j in itertools.product(range(h), range(w)):
        sx = sy = 0.0
        for du, dv in itertools.product((-1, 0, 1), repeat=2):
            r, c = i + du, j + dv
            value = img[r][c] if 0 <= r < h and 0 <= c < w else 0.0
            sx += kx[du + 1][dv + 1] * value  # Gx[u][v]
            sy += kx[dv + 1][du + 1] * value  # Gy = Gx transposed
        gx[i, j], gy[i, j] = sx, sy
    return gx, gy


def _oracle_sobel(image: np.ndarray) -> tuple:
    gx, gy = _sobel_py(image)
    magnitude = np.array([[math.hypot(a, b) for a, b in zip(r1, r2, strict=True)]
                          for r1, r2 in zip(gx.tolist(), gy.tolist(), strict=True)])
    direction = np.array([[math.atan2(b, a) for a, b in zip(r1, r2, strict=True)]
                          for r1, r2 in zip(gx.tolist(), gy.tolist(), strict=True)])
    return magnitude.reshape(image.shape), direction.reshape(image.shape)


def _random_sobel(rng: np.random.Generator) -> dict:
    h, w = (int(v) for v in rng.integers(2, 9, 2))
    return {"image": rng.random((h, w)) * float(rng.choice([1.0, 255.0]))}


def _oracle_miou(pred: np.ndarray, target: np.ndarray, num_classes: int,
                 ignore_index: int) -> tuple:
    """Per class, the sets of pixel positions predicted and labelled as that class."""
    cells = [(p, t) for p, t in zip(pred.ravel().tolist(), target.ravel().tolist(), strict=True)]
    valid = [i for i, (_, t) in enumerate(cells) if t != ignore_index]
    ious = []
    for c in range(num_classes):
        predicted = {i for i in valid if cells[i][0] == c}
        labelled = {i for i in valid if cells[i][1] == c}
        union = predicted | labelled
        ious.append(len(predicted & labelled) / len(union) if union else math.nan)
    present = [v for v in ious if not math.isnan(v)]
    return (math.fsum(present) / len(present) if present else math.nan), np.array(ious)


def _random_miou(rng: np.random.Generator) -> dict:
    k = int(rng.integers(1, 6))
    shape = tuple(int(v) for v in rng.integers(1, 7, int(rng.integers(1, 4))))
    ignore_index = int(rng.choice([255, -1]))
    target = rng.integers(0, k, shape)
    pred = np.where(rng.random(shape) < 0.6, target, rng.integers(0, k, shape))
    target[rng.random(shape) < float(rng.choice([0.0, 0.3, 1.0]))] = ignore_index
    return {"pred": pred, "target": target, "num_classes": k, "ignore_index": ignore_index}


def _oracle_ap(scores: np.ndarray, is_tp: np.ndarray, num_gt: int) -> tuple:
    """For each true positive at rank k: (1 / num_gt) * max precision over ranks >= k."""
    if num_gt == 0 or len(scores) == 0:
        return (0.0,)
    s, hits = scores.tolist(), is_tp.tolist()
    ranked = [hits[i] for i in sorted(range(len(s)), key=lambda i: -s[i])]  # Python sort is stable
    precision = [sum(ranked[: k + 1]) / (k + 1) for k in range(len(ranked))]
    ap = math.fsum(max(precision[k:]) / num_gt for k in range(len(ranked)) if ranked[k])
    return (ap,)


def _random_ap(rng: np.random.Generator) -> dict:
    d = int(rng.integers(0, 21))
    scores = np.round(rng.random(d), 1)  # one decimal: plenty of ties
    is_tp = rng.random(d) < rng.random()
    num_gt = int(is_tp.sum()) + int(rng.integers(0, 4))
    return {"scores": scores, "is_tp": is_tp, "num_gt": num_gt}


ORACLES: dict[str, Callable[..., tuple]] = {
    "iou-numpy": _oracle_iou,
    "nms-numpy": _oracle_nms,
    "conv2d-numpy": _oracle_conv2d,
    "softmax-numpy": _oracle_softmax,
    "kmeans-numpy": _oracle_kmeans,
    "sobel-edges-numpy": _oracle_sobel,
    "miou-numpy": _oracle_miou,
    "average-precision-numpy": _oracle_ap,
}
RANDOM_INPUTS: dict[str, Callable[[np.random.Generator], dict]] = {
    "iou-numpy": _random_iou,
    "nms-numpy": _random_nms,
    "conv2d-numpy": _random_conv2d,
    "softmax-numpy": _random_softmax,
    "kmeans-numpy": _random_kmeans,
    "sobel-edges-numpy": _random_sobel,
    "miou-numpy": _random_miou,
    "average-precision-numpy": _random_ap,
}


# --------------------------------------------------------------------------- tests

def _check_against_oracle(card: str, args: dict, label: str) -> None:
    reference = _load(QUESTIONS / card / "reference.py")
    got = _run(card, reference, args)
    assert not isinstance(got, Exception), f"{card} {label}: reference raised {got!r}"
    with np.errstate(all="ignore"):
        want = [np.asarray(v) for v in ORACLES[card](**copy.deepcopy(args))]
    failure = _case_failure(card, got, want)
    assert failure is None, f"{card} {label}: reference differs from the oracle ({failure})"


@pytest.mark.parametrize("card", CARDS)
def test_reference_matches_oracle_on_cases(card: str) -> None:
    for case in _cases(card):
        _check_against_oracle(card, case["args"], case["name"])


@pytest.mark.parametrize("card", CARDS)
def test_reference_matches_oracle_on_random_inputs(card: str) -> None:
    rng = np.random.default_rng(sum(map(ord, card)))
    for trial in range(RANDOM_TRIALS):
        _check_against_oracle(card, RANDOM_INPUTS[card](rng), f"random trial {trial}")


@pytest.mark.parametrize("card", CARDS)
def test_reference_passes_and_starter_fails(card: str) -> None:
    assert grade(card, _load(QUESTIONS / card / "reference.py")) is None
    assert grade(card, _load(QUESTIONS / card / "starter.py")) is not None


@pytest.mark.parametrize(
    ("card", "wrong"),
    [(card, path.name) for card in CARDS for path in _wrong_files(card)],
)
def test_wrong_answer_fails_as_declared(card: str, wrong: str) -> None:
    path = QUESTIONS / card / "wrong" / wrong
    header = read_header(path.read_text(encoding="utf-8"))
    assert header.get("expect") == ["failed"]
    assert header.get("mistake") and header.get("mistake-zh")
    assert not re.search(r"[\u3400-\u9fff]", header["mistake"][0]), "English mistake line has Chinese"
    result = grade(card, _load(path))
    assert result is not None, f"{wrong} passes every case"
    assert [result[0]] == header.get("failing-check"), f"{wrong}: fails with {result}"


@pytest.mark.parametrize("card", CARDS)
def test_wrong_answers_are_distinct(card: str) -> None:
    wrongs = _wrong_files(card)
    assert len(wrongs) >= 3
    outputs = {}
    for path in wrongs:
        module = _load(path)
        outputs[path.name] = [_run(card, module, case["args"]) for case in _cases(card)]
    for a, b in itertools.combinations(outputs, 2):
        identical = all(
            (isinstance(x, Exception) and isinstance(y, Exception))
            or (not isinstance(x, Exception) and not isinstance(y, Exception) and _same(card, x, y))
            for x, y in zip(outputs[a], outputs[b], strict=True)
        )
        assert not identical, f"{card}: {a} and {b} give the same outputs on every case"


@pytest.mark.parametrize("card", CARDS)
def test_card_shape(card: str) -> None:
    """Numpy-card conventions: no torch in user-facing code, signature matches the cases, fast."""
    spec = _card(card)
    grader = spec["grader"]
    assert grader["language"] == "numpy" and "numpy" in spec["tags"]
    assert grader["type"] == "function" and grader["timeout_s"] == 2
    names = _params(card)
    cases = _cases(card)
    assert 4 <= len(cases) <= 8
    assert len({c["name"] for c in cases}) == len(cases)
    for case in cases:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", case["name"])
        assert set(case["args"]) <= set(names), case["name"]
    for path in [QUESTIONS / card / "reference.py", QUESTIONS / card / "starter.py",
                 *_wrong_files(card)]:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+torch", source, re.M), f"{path.name} uses torch"
    reference = _load(QUESTIONS / card / "reference.py")
    start = time.perf_counter()
    for case in cases:
        _run(card, reference, case["args"])
    assert time.perf_counter() - start < 0.25, "cases are too slow for the grader (budget 50 ms)"


@pytest.mark.parametrize("card", CARDS)
def test_oracle_rejects_every_wrong_answer(card: str) -> None:
    """The oracle is not a copy of the reference: it also tells every known-wrong answer apart."""
    for path in _wrong_files(card):
        module = _load(path)
        for case in _cases(card):
            got = _run(card, module, case["args"])
            if isinstance(got, Exception):
                break
            with np.errstate(all="ignore"):
                want = [np.asarray(v) for v in ORACLES[card](**copy.deepcopy(case["args"]))]
            if _case_failure(card, got, want):
                break
        else:
            pytest.fail(f"{card}: the oracle accepts {path.name} on every case")


def test_sobel_cases_avoid_the_arctan2_seam() -> None:
    """No gradient component is exactly 0 in the Sobel cases, so the direction never depends on
    the sign of a zero (arctan2(+0, -1) = pi but arctan2(-0, -1) = -pi)."""
    for case in _cases("sobel-edges-numpy"):
        gx, gy = _sobel_py(case["args"]["image"])
        assert np.all(np.abs(gx) > 1e-9) and np.all(np.abs(gy) > 1e-9), case["name"]


@pytest.mark.parametrize(("card", "lang"), [(card, lang) for card in CARDS for lang in ("en", "zh")])
def test_model_answer_code_passes(card: str, lang: str, tmp_path: Path) -> None:
    """The first Python block of answer.{en,zh}.md is a complete solution that passes every case."""
    text = (QUESTIONS / card / f"answer.{lang}.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, re.S)
    assert block, f"{card}: no code block in answer.{lang}.md"
    path = tmp_path / f"{card}_{lang}.py"
    path.write_text(block.group(1), encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"answer_{lang}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert grade(card, module) is None
