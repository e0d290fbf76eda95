"""Oracle tests for the torch function cards of the code-torch batch.

For every card: (a) reference.py agrees with an independent oracle (the real PyTorch op where one
exists, otherwise a deliberately naive brute force in Python floats) on every case of cases.py and
on 20+ seeded random inputs; (b) starter.py fails or raises; (c) every wrong/*.py differs from the
reference on at least one case, fails with the check its header declares (simulated: forbidden,
exception, shape, dtype, values, in the grader's order), and no two wrong answers agree on all
cases. The reference and the answer code blocks must not run a forbidden aten operator.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import itertools
import math
import re
import time
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
import yaml
from torch.utils._python_dispatch import TorchDispatchMode

from app.judge.spec import read_header

ROOT = Path(__file__).resolve().parents[2] / "questions"
CARDS = [
    "softmax-cross-entropy",
    "kmeans",
    "generalized-box-iou",
    "roi-align",
    "conv-transpose2d",
    "max-pool2d",
    "dice-loss",
    "label-smoothing-cross-entropy",
]

_counter = itertools.count()


# ---------------------------------------------------------------- loading and running


def _load_module(path: Path):
    spec = importlib.util.spec_from_file_location(f"_oracle_{path.stem}_{next(_counter)}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _load_source(source: str, name: str):
    module = type(importlib)(f"_oracle_src_{name}_{next(_counter)}")
    exec(compile(source, name, "exec"), module.__dict__)
    return module


def _spec(card: str) -> dict:
    return yaml.safe_load((ROOT / card / "question.yaml").read_text(encoding="utf-8"))


def _params(grader: dict) -> list[str]:
    sig = grader["signature"]
    inner = sig[sig.index("(") + 1 : sig.rindex(")")]
    return [p.split("=")[0].strip() for p in inner.split(",") if p.strip() and p.strip() != "*"]


def _cases(card: str) -> list[dict]:
    return _load_module(ROOT / card / "cases.py").cases()


def _entry(card: str, filename: str):
    grader = _spec(card)["grader"]
    return getattr(_load_module(ROOT / card / filename), grader["entry"])


def _call(fn, grader: dict, args: dict):
    """Call by position in signature order, on deep copies (no case is mutated)."""
    names = _params(grader)
    assert set(args) <= set(names), (set(args), names)
    positional = [copy.deepcopy(args[n]) for n in names if n in args]
    return fn(*positional)


def _as_tuple(out, grader: dict) -> tuple:
    if len(grader["outputs"]) == 1:
        return (out,)
    assert isinstance(out, tuple), type(out)
    return out


class _Recorder(TorchDispatchMode):
    def __init__(self):
        super().__init__()
        self.ops: set[str] = set()

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        self.ops.add(func.__name__.split(".")[0])
        return func(*args, **(kwargs or {}))


def _matches(op: str, pattern: str) -> bool:
    return op.startswith(pattern[:-1]) if pattern.endswith("*") else op == pattern


def _forbidden_ops(fn, grader: dict, cases: list[dict]) -> set[str]:
    hits: set[str] = set()
    for case in cases:
        with _Recorder() as rec, contextlib.suppress(Exception):
            _call(fn, grader, case["args"])
        hits |= {op for op in rec.ops for p in grader.get("forbid", []) if _matches(op, p)}
    return hits


def _close(got: torch.Tensor, want: torch.Tensor, atol: float, rtol: float) -> bool:
    """The grader's rule: |g - w| <= atol + rtol |w|; NaN only where NaN; inf exactly."""
    g, w = got.detach().double(), want.detach().double()
    finite = torch.isfinite(g) & torch.isfinite(w)
    ok = finite & ((g - w).abs() <= atol + rtol * w.abs())
    ok |= torch.isnan(g) & torch.isnan(w)
    ok |= torch.isinf(g) & torch.isinf(w) & (torch.sign(g) == torch.sign(w))
    return bool(ok.all())


def _first_failure(got: tuple, want: tuple, tol: dict) -> str | None:
    """'shape' / 'dtype' / 'values' as the grader orders them, or None when all match."""
    if len(got) != len(want):
        return "shape"
    for g, w in zip(got, want, strict=False):
        if not isinstance(g, torch.Tensor) or g.shape != w.shape:
            return "shape"
        if g.dtype != w.dtype:
            return "dtype"
    for g, w in zip(got, want, strict=False):
        if not _close(g, w, tol["atol"], tol["rtol"]):
            return "values"
    return None


def _simulate(card: str, fn) -> tuple[str | None, list]:
    """(first failing check or None, per-case outputs or the exception)."""
    grader = _spec(card)["grader"]
    tol = grader["tolerance"]
    cases = _cases(card)
    ref = _entry(card, "reference.py")
    first = "forbidden" if _forbidden_ops(fn, grader, cases) else None
    outputs = []
    for case in cases:
        want = _as_tuple(_call(ref, grader, case["args"]), grader)
        try:
            got = _as_tuple(_call(fn, grader, case["args"]), grader)
        except Exception as exc:  # noqa: BLE001
            outputs.append(exc)
            first = first or "exception"
            continue
        outputs.append(got)
        failure = _first_failure(got, want, tol)
        first = first or failure
    return first, outputs


def _same_outputs(a: list, b: list, tol: dict) -> bool:
    for x, y in zip(a, b, strict=False):
        if isinstance(x, Exception) or isinstance(y, Exception):
            if not (isinstance(x, Exception) and isinstance(y, Exception)):
                return False
            continue
        if _first_failure(x, y, tol) is not None:
            return False
    return True


def _answer_code(card: str, lang: str) -> str:
    text = (ROOT / card / f"answer.{lang}.md").read_text(encoding="utf-8")
    return re.search(r"```python\n(.*?)```", text, re.S).group(1)


# ---------------------------------------------------------------- generic card checks


@pytest.mark.parametrize("card", CARDS)
def test_card_files(card):
    d = ROOT / card
    spec = _spec(card)
    g = spec["grader"]
    assert spec["id"] == card and spec["stage"] == "coding" and spec["kind"] == "code"
    assert g["type"] == "function" and g["language"] == "torch" and g["timeout_s"] == 2
    assert g["signature"].startswith(g["entry"] + "(")
    assert spec["order"] >= 100 and 600 <= spec["time_limit_s"] <= 1500
    assert 3 <= len(spec["rubric"]) <= 5 and 2 <= len(spec["follow_ups"]) <= 3
    cases = _cases(card)
    assert 4 <= len(cases) <= 8
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", n) for n in names)
    assert len(list((d / "wrong").glob("*.py"))) >= 3
    # cases are deterministic (fixed seeds)
    again = _cases(card)
    for a, b in zip(cases, again, strict=False):
        for k, v in a["args"].items():
            if isinstance(v, torch.Tensor):
                assert torch.equal(v, b["args"][k])
            else:
                assert v == b["args"][k]


@pytest.mark.parametrize("card", CARDS)
def test_reference_passes_and_is_fast(card):
    grader = _spec(card)["grader"]
    ref = _entry(card, "reference.py")
    assert not _forbidden_ops(ref, grader, _cases(card))
    best = math.inf
    for _ in range(3):  # best of three: a loaded machine adds noise, not work
        start = time.perf_counter()
        for case in _cases(card):
            out = _as_tuple(_call(ref, grader, case["args"]), grader)
            assert len(out) == len(grader["outputs"])
        best = min(best, time.perf_counter() - start)
    assert best < 0.5  # 0.1-2 ms per card with one thread; generous for slow CI


@pytest.mark.parametrize("card", CARDS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_answer_code_passes(card, lang):
    grader = _spec(card)["grader"]
    fn = getattr(_load_source(_answer_code(card, lang), f"{card}-{lang}"), grader["entry"])
    first, _ = _simulate(card, fn)
    assert first is None


@pytest.mark.parametrize("card", CARDS)
def test_starter_fails(card):
    first, _ = _simulate(card, _entry(card, "starter.py"))
    assert first is not None


@pytest.mark.parametrize("card", CARDS)
def test_wrong_answers(card):
    tol = _spec(card)["grader"]["tolerance"]
    results = {}
    for path in sorted((ROOT / card / "wrong").glob("*.py")):
        head = read_header(path.read_text(encoding="utf-8"))
        assert head.get("expect") == ["failed"], path
        assert head.get("mistake") and head.get("mistake-zh"), path
        assert not re.search(r"[\u3400-\u9fff]", head["mistake"][0]), path
        fn = getattr(_load_module(path), _spec(card)["grader"]["entry"])
        first, outputs = _simulate(card, fn)
        assert [first] == head["failing-check"], (path.name, first)
        results[path.name] = outputs
    for (a, out_a), (b, out_b) in itertools.combinations(results.items(), 2):
        assert not _same_outputs(out_a, out_b, tol), (a, b)


# ---------------------------------------------------------------- oracles


def _check_against(card: str, oracle, random_args: list[dict], atol: float, rtol: float):
    grader = _spec(card)["grader"]
    ref = _entry(card, "reference.py")
    all_args = [c["args"] for c in _cases(card)] + random_args
    assert len(random_args) >= 20
    for args in all_args:
        got = _as_tuple(_call(ref, grader, args), grader)
        want = _as_tuple(_call(oracle, grader, args), grader)
        assert len(got) == len(want)
        for g, w in zip(got, want, strict=False):
            w = torch.as_tensor(w)
            assert g.shape == w.shape, (g.shape, w.shape)
            assert _close(g, w.to(g.dtype) if g.dtype.is_floating_point else w, atol, rtol), (
                args, g, w)


# softmax-cross-entropy -------------------------------------------------------


def test_softmax_cross_entropy_oracle():
    g = torch.Generator().manual_seed(100)
    random_args = []
    for i in range(24):
        n, c = int(torch.randint(1, 9, (1,), generator=g)), int(torch.randint(2, 12, (1,), generator=g))
        scale = [1.0, 10.0, 1e3, 1e4][i % 4]
        logits = torch.randn(n, c, generator=g) * scale
        random_args.append({"logits": logits, "target": torch.randint(0, c, (n,), generator=g)})
    _check_against("softmax-cross-entropy", F.cross_entropy, random_args, 1e-5, 1e-5)


def test_softmax_cross_entropy_huge_case_is_finite():
    case = {c["name"]: c for c in _cases("softmax-cross-entropy")}["huge-logits"]
    loss = _entry("softmax-cross-entropy", "reference.py")(**case["args"])
    assert loss.shape == () and loss.dtype == torch.float32 and torch.isfinite(loss)
    assert abs(float(loss) - (0 + math.log(2) + 2e4 + math.log(2)) / 3) < 1e-2


def test_forbid_names_are_what_the_library_runs():
    """The aten names in the CE cards' forbid lists are what F.cross_entropy & co. dispatch."""
    x, t = torch.randn(3, 5), torch.tensor([0, 2, 4])
    calls = {
        "cross_entropy": lambda: F.cross_entropy(x, t),
        "label_smoothing": lambda: F.cross_entropy(x, t, label_smoothing=0.1),
        "log_softmax": lambda: F.log_softmax(x, 1),
        "softmax": lambda: torch.softmax(x, 1),
        "nll_loss": lambda: F.nll_loss(x, t),
        "logsumexp": lambda: torch.logsumexp(x, 1),
        "logcumsumexp": lambda: x.logcumsumexp(1),
        "logaddexp": lambda: torch.logaddexp(x, x),
        "logaddexp2": lambda: torch.logaddexp2(x, x),
        "safe_softmax": lambda: torch._safe_softmax(x, 1),
        "nn.CrossEntropyLoss": lambda: torch.nn.CrossEntropyLoss()(x, t),
        "nll_loss2d": lambda: F.nll_loss(x[:, :, None, None], t[:, None, None]),
    }
    forbid = _spec("softmax-cross-entropy")["grader"]["forbid"]
    assert forbid == _spec("label-smoothing-cross-entropy")["grader"]["forbid"]
    for name, call in calls.items():
        with _Recorder() as rec:
            call()
        assert any(_matches(op, p) for op in rec.ops for p in forbid), (name, rec.ops)


# label-smoothing-cross-entropy -----------------------------------------------


def test_label_smoothing_ce_oracle():
    def oracle(logits, target, smoothing):
        return F.cross_entropy(logits, target, label_smoothing=smoothing)

    g = torch.Generator().manual_seed(800)
    random_args = []
    for i in range(24):
        n, c = int(torch.randint(1, 9, (1,), generator=g)), int(torch.randint(2, 12, (1,), generator=g))
        scale = [1.0, 10.0, 1e3, 1e4][i % 4]
        random_args.append({
            "logits": torch.randn(n, c, generator=g) * scale,
            "target": torch.randint(0, c, (n,), generator=g),
            "smoothing": [0.0, 0.05, 0.1, 0.3, 0.5, 1.0][i % 6],
        })
    _check_against("label-smoothing-cross-entropy", oracle, random_args, 1e-5, 1e-5)


def test_label_smoothing_ce_brute_force():
    """The mixture definition itself, per element in Python floats (fsum of exps in float64)."""
    ref = _entry("label-smoothing-cross-entropy", "reference.py")
    for case in _cases("label-smoothing-cross-entropy"):
        z, y, eps = (case["args"][k] for k in ("logits", "target", "smoothing"))
        total = 0.0
        for n in range(z.shape[0]):
            row = [float(v) for v in z[n]]
            m = max(row)
            lse = m + math.log(math.fsum(math.exp(v - m) for v in row))
            c = len(row)
            total += sum(((1 - eps) * (k == int(y[n])) + eps / c) * (lse - row[k]) for k in range(c))
        want = total / z.shape[0]
        assert abs(float(ref(z, y, eps)) - want) <= 1e-5 + 1e-5 * abs(want), case["name"]


# kmeans -----------------------------------------------------------------------


def _kmeans_brute(x, init, iters):
    """Lloyd in Python floats: explicit loops, strict '<' keeps the lowest index on ties."""
    pts = [[float(v) for v in row] for row in x]
    cen = [[float(v) for v in row] for row in init]

    def assign():
        labels = []
        for p in pts:
            best, best_d = 0, math.inf
            for k, c in enumerate(cen):
                d = sum((a - b) ** 2 for a, b in zip(p, c, strict=False))
                if d < best_d:
                    best, best_d = k, d
            labels.append(best)
        return labels

    for _ in range(iters):
        labels = assign()
        for k in range(len(cen)):
            members = [p for p, lab in zip(pts, labels, strict=False) if lab == k]
            if members:
                cen[k] = [math.fsum(col) / len(members) for col in zip(*members, strict=False)]
    return torch.tensor(cen, dtype=torch.float64).reshape(init.shape), torch.tensor(
        assign(), dtype=torch.int64)


def test_kmeans_oracle():
    g = torch.Generator().manual_seed(200)
    random_args = []
    for i in range(24):
        n, d, k = int(torch.randint(3, 25, (1,), generator=g)), 1 + i % 3, 1 + i % 5
        x = torch.randn(n, d, generator=g) * 2.0
        if i % 4 == 0:  # small integers: exact distances and plenty of ties
            x = torch.randint(-3, 4, (n, d), generator=g).float()
        init = x[torch.randperm(n, generator=g)[: min(k, n)]].clone()
        if i % 3 == 0:  # one far-away center that stays empty
            init = torch.cat([init, torch.full((1, d), 40.0)])
        random_args.append({"x": x, "init": init, "iters": i % 7})
    _check_against("kmeans", _kmeans_brute, random_args, 1e-5, 1e-5)


def test_kmeans_does_not_modify_init():
    ref = _entry("kmeans", "reference.py")
    for case in _cases("kmeans"):
        init = case["args"]["init"].clone()
        before = init.clone()
        ref(case["args"]["x"], init, case["args"]["iters"])
        assert torch.equal(init, before)


# generalized-box-iou ----------------------------------------------------------


def _giou_brute(boxes1, boxes2):
    """Per pair in Python floats, straight from the definition IoU - (|C| - |A u B|) / |C|."""
    out = torch.zeros(boxes1.shape[0], boxes2.shape[0], dtype=torch.float64)
    for i, a in enumerate(boxes1.tolist()):
        for j, b in enumerate(boxes2.tolist()):
            iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
            ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
            inter = iw * ih
            union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
            hull = (max(a[2], b[2]) - min(a[0], b[0])) * (max(a[3], b[3]) - min(a[1], b[1]))
            out[i, j] = inter / union - (hull - union) / hull
    return out


def test_generalized_box_iou_oracle():
    g = torch.Generator().manual_seed(300)
    random_args = []
    for i in range(24):
        n, m = int(torch.randint(0, 7, (1,), generator=g)), int(torch.randint(1, 7, (1,), generator=g))
        size = [1.0, 20.0, 500.0][i % 3]

        def boxes(k, size=size):
            xy = torch.rand(k, 2, generator=g) * size
            wh = torch.rand(k, 2, generator=g) * size / 2 + size / 100
            return torch.cat([xy, xy + wh], 1)

        random_args.append({"boxes1": boxes(n), "boxes2": boxes(m)})
    _check_against("generalized-box-iou", _giou_brute, random_args, 1e-5, 1e-5)


def test_generalized_box_iou_known_values():
    ref = _entry("generalized-box-iou", "reference.py")
    out = ref(torch.tensor([[0.0, 0.0, 2.0, 2.0]]),
              torch.tensor([[0.0, 0.0, 2.0, 2.0], [2.0, 0.0, 4.0, 2.0], [3.0, 0.0, 5.0, 2.0]]))
    # identical: 1; touching: IoU 0 and C = A u B, so 0; gap of 1: -(10 - 8) / 10
    assert torch.allclose(out, torch.tensor([[1.0, 0.0, -0.2]]))


# roi-align --------------------------------------------------------------------


def _roi_align_brute(features, boxes, output_size, spatial_scale, sampling_ratio):
    """Transcribed from torchvision/csrc/ops/cpu/roi_align_kernel.cpp (roi_align_forward_kernel_impl)
    and roi_align_common.h (pre_calc_for_bilinear_interpolate), aligned=True, sampling_ratio > 0,
    one sample at a time in Python floats."""
    c_, height, width = features.shape
    ph_, pw_ = output_size
    f = features.tolist()
    out = torch.zeros(boxes.shape[0], c_, ph_, pw_, dtype=torch.float64)
    for n, (bx1, by1, bx2, by2) in enumerate(boxes.tolist()):
        offset = 0.5
        roi_start_w, roi_start_h = bx1 * spatial_scale - offset, by1 * spatial_scale - offset
        roi_end_w, roi_end_h = bx2 * spatial_scale - offset, by2 * spatial_scale - offset
        roi_width, roi_height = roi_end_w - roi_start_w, roi_end_h - roi_start_h
        bin_size_h, bin_size_w = roi_height / ph_, roi_width / pw_
        grid_h = grid_w = sampling_ratio
        count = max(grid_h * grid_w, 1)
        for c in range(c_):
            for ph in range(ph_):
                for pw in range(pw_):
                    val = 0.0
                    for iy in range(grid_h):
                        yy = roi_start_h + ph * bin_size_h + (iy + 0.5) * bin_size_h / grid_h
                        for ix in range(grid_w):
                            xx = roi_start_w + pw * bin_size_w + (ix + 0.5) * bin_size_w / grid_w
                            y, x = yy, xx
                            if not (-1.0 <= y <= height and -1.0 <= x <= width):
                                continue  # empty sample: weights 0
                            y, x = max(y, 0.0), max(x, 0.0)
                            y_low, x_low = int(y), int(x)
                            if y_low >= height - 1:
                                y_high = y_low = height - 1
                                y = float(y_low)
                            else:
                                y_high = y_low + 1
                            if x_low >= width - 1:
                                x_high = x_low = width - 1
                                x = float(x_low)
                            else:
                                x_high = x_low + 1
                            ly, lx = y - y_low, x - x_low
                            hy, hx = 1.0 - ly, 1.0 - lx
                            val += (hy * hx * f[c][y_low][x_low] + hy * lx * f[c][y_low][x_high]
                                    + ly * hx * f[c][y_high][x_low] + ly * lx * f[c][y_high][x_high])
                    out[n, c, ph, pw] = val / count
    return out


def test_roi_align_oracle():
    g = torch.Generator().manual_seed(400)
    random_args = []
    for i in range(24):
        c = 1 + i % 3
        h, w = int(torch.randint(3, 9, (1,), generator=g)), int(torch.randint(3, 9, (1,), generator=g))
        scale = [1.0, 0.5, 0.25][i % 3]
        k = i % 4
        xy = torch.rand(k, 2, generator=g) * torch.tensor([w, h]) / scale * 1.2 - 1.5 / scale
        wh = torch.rand(k, 2, generator=g) * torch.tensor([w, h]) / scale * 0.8
        random_args.append({
            "features": torch.randn(c, h, w, generator=g),
            "boxes": torch.cat([xy, xy + wh], 1),
            "output_size": [1 + i % 3, 1 + (i // 3) % 3],
            "spatial_scale": scale,
            "sampling_ratio": 1 + i % 4,
        })
    _check_against("roi-align", _roi_align_brute, random_args, 1e-5, 1e-4)


def test_roi_align_cases_avoid_the_validity_edges():
    """No sample of a case lies within 1e-3 of -1 or H (W), where the kernel's 0/valid switch is."""
    for case in _cases("roi-align"):
        a = case["args"]
        _, h, w = a["features"].shape
        oh, ow = a["output_size"]
        s = a["sampling_ratio"]
        for x1, y1, x2, y2 in (a["boxes"] * a["spatial_scale"] - 0.5).tolist():
            ys = [y1 + (p + (j + 0.5) / s) * (y2 - y1) / oh for p in range(oh) for j in range(s)]
            xs = [x1 + (p + (j + 0.5) / s) * (x2 - x1) / ow for p in range(ow) for j in range(s)]
            assert all(abs(v + 1) > 1e-3 and abs(v - h) > 1e-3 for v in ys), case["name"]
            assert all(abs(v + 1) > 1e-3 and abs(v - w) > 1e-3 for v in xs), case["name"]


# conv-transpose2d -------------------------------------------------------------


def _conv_t_random_args(seed: int, count: int) -> list[dict]:
    g = torch.Generator().manual_seed(seed)
    out = []
    while len(out) < count:
        k, s = int(torch.randint(1, 6, (1,), generator=g)), int(torch.randint(1, 4, (1,), generator=g))
        p = int(torch.randint(0, k, (1,), generator=g))
        h, w = int(torch.randint(1, 6, (1,), generator=g)), int(torch.randint(1, 6, (1,), generator=g))
        if (h - 1) * s - 2 * p + k < 1 or (w - 1) * s - 2 * p + k < 1:
            continue
        n, c_in, c_out = 1 + len(out) % 2, 1 + len(out) % 3, 1 + (len(out) // 3) % 3
        out.append({"x": torch.randn(n, c_in, h, w, generator=g),
                    "weight": torch.randn(c_in, c_out, k, k, generator=g),
                    "stride": s, "padding": p})
    return out


def test_conv_transpose2d_oracle():
    def oracle(x, weight, stride, padding):
        return F.conv_transpose2d(x, weight, stride=stride, padding=padding)

    _check_against("conv-transpose2d", oracle, _conv_t_random_args(500, 30), 1e-5, 1e-4)


def test_conv_transpose2d_answer_fold_form():
    """The second code block of the answer (matmul + F.fold) is also correct and conv-free."""
    for lang in ("en", "zh"):
        text = (ROOT / "conv-transpose2d" / f"answer.{lang}.md").read_text(encoding="utf-8")
        blocks = re.findall(r"```python\n(.*?)```", text, re.S)
        assert len(blocks) == 2
        fn = _load_source(blocks[1], f"convT-fold-{lang}").conv_transpose2d
        grader = _spec("conv-transpose2d")["grader"]
        assert not _forbidden_ops(fn, grader, _cases("conv-transpose2d"))
        for args in [c["args"] for c in _cases("conv-transpose2d")] + _conv_t_random_args(501, 20):
            want = F.conv_transpose2d(args["x"], args["weight"], stride=args["stride"],
                                      padding=args["padding"])
            assert _close(_call(fn, grader, args), want, 1e-5, 1e-4)


def test_conv_transpose2d_is_zero_insertion_with_flipped_kernel():
    """The equivalence the answer states: dilate by stride, pad k - 1 - p, correlate with the
    180-degree-rotated kernel (channels swapped)."""
    ref = _entry("conv-transpose2d", "reference.py")
    for a in _conv_t_random_args(502, 20):
        x, wt, s, p = a["x"], a["weight"], a["stride"], a["padding"]
        n, c_in, h, w = x.shape
        k = wt.shape[2]
        up = x.new_zeros(n, c_in, (h - 1) * s + 1, (w - 1) * s + 1)
        up[:, :, ::s, ::s] = x
        up = F.pad(up, (k - 1 - p,) * 4)
        want = F.conv2d(up, wt.flip(2, 3).transpose(0, 1))
        assert _close(ref(x, wt, s, p), want, 1e-5, 1e-4)


# max-pool2d -------------------------------------------------------------------


def test_max_pool2d_oracle():
    def oracle(x, kernel_size, stride, padding):
        return F.max_pool2d(x, kernel_size, stride, padding)

    g = torch.Generator().manual_seed(600)
    random_args = []
    while len(random_args) < 30:
        k, s = int(torch.randint(1, 5, (1,), generator=g)), int(torch.randint(1, 5, (1,), generator=g))
        p = int(torch.randint(0, k // 2 + 1, (1,), generator=g))
        h, w = int(torch.randint(1, 10, (1,), generator=g)), int(torch.randint(1, 10, (1,), generator=g))
        if h + 2 * p < k or w + 2 * p < k:
            continue
        x = torch.randn(1 + len(random_args) % 2, 1 + len(random_args) % 3, h, w, generator=g)
        if len(random_args) % 3 == 0:
            x = -x.abs()  # all negative: padding must not win
        random_args.append({"x": x, "kernel_size": k, "stride": s, "padding": p})
    _check_against("max-pool2d", oracle, random_args, 0.0, 0.0)


def test_max_pool2d_brute_force():
    """Window by window in Python, padding skipped (equivalent to -inf)."""
    ref = _entry("max-pool2d", "reference.py")
    for case in _cases("max-pool2d"):
        a = case["args"]
        x, k, s, p = a["x"], a["kernel_size"], a["stride"], a["padding"]
        n, c, h, w = x.shape
        ho, wo = (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1
        want = torch.empty(n, c, ho, wo)
        for b, ch, i, j in itertools.product(range(n), range(c), range(ho), range(wo)):
            vals = [float(x[b, ch, y, z]) for y in range(i * s - p, i * s - p + k)
                    for z in range(j * s - p, j * s - p + k) if 0 <= y < h and 0 <= z < w]
            want[b, ch, i, j] = max(vals)
        assert torch.equal(ref(x, k, s, p), want), case["name"]


# dice-loss --------------------------------------------------------------------


def _dice_brute(logits, target, eps):
    """Sample by sample, pixel by pixel, in Python floats."""
    total = 0.0
    n = logits.shape[0]
    for b in range(n):
        ps = [1.0 / (1.0 + math.exp(-v)) for v in logits[b].flatten().tolist()]
        ts = target[b].flatten().tolist()
        inter = math.fsum(p * t for p, t in zip(ps, ts, strict=False))
        dice = (2 * inter + eps) / (math.fsum(ps) + math.fsum(ts) + eps)
        total += 1.0 - dice
    return torch.tensor(total / n, dtype=torch.float64)


def test_dice_loss_oracle():
    g = torch.Generator().manual_seed(700)
    random_args = []
    for i in range(24):
        n = 1 + i % 4
        h, w = int(torch.randint(1, 9, (1,), generator=g)), int(torch.randint(1, 9, (1,), generator=g))
        logits = torch.randn(n, 1, h, w, generator=g) * [0.5, 3.0, 15.0][i % 3]
        target = (torch.rand(n, 1, h, w, generator=g) < [0.05, 0.5, 0.9][i % 3]).float()
        if i % 5 == 0:
            target[0] = 0.0
        random_args.append({"logits": logits, "target": target, "eps": [1.0, 1e-6, 1e-2][i % 3]})
    _check_against("dice-loss", _dice_brute, random_args, 1e-5, 1e-4)
