"""The trusted side: comparison rules, and hostile or malformed results never escaping as errors."""

from __future__ import annotations

import random
import struct
from pathlib import Path

import numpy as np
import pytest
import torch

from app.judge.build import load_card_dir, make_request
from app.judge.checker import judge
from app.judge.compare import compare
from app.judge.harness import runner as harness
from app.judge.harness import wire
from app.judge.spec import Tolerance
from app.judge.verdict import RunOutcome

torch.set_num_threads(1)

ROOT = Path(__file__).resolve().parents[2]
TOL = Tolerance(atol=1e-5, rtol=1e-4)
NAN, INF = float("nan"), float("inf")


@pytest.fixture(scope="module")
def card():
    return load_card_dir(ROOT / "questions/resnet-basic-block")


@pytest.fixture(scope="module")
def good_payload(card):
    return harness.run_in_child(make_request(card, (card.directory / "reference.py").read_text()))


def outcome(payload: bytes, kind: str = "ok", detail: str = "") -> RunOutcome:
    return RunOutcome(kind, payload, "", 1.0, detail)


# ---- compare --------------------------------------------------------------------------------

def test_tolerance_is_atol_plus_rtol_times_reference():
    want = np.array([1.0, 100.0])
    assert compare(want + np.array([9e-6, 9e-3]), want, TOL) is None
    mismatch = compare(want + np.array([2e-4, 0.0]), want, TOL)  # limit at 1.0: 1.1e-4
    assert mismatch is not None and mismatch.bad == 1 and mismatch.first_index == (0,)


def test_nan_matches_only_where_the_reference_has_nan():
    assert compare(np.array([NAN, 1.0]), np.array([NAN, 1.0]), TOL) is None
    assert compare(np.array([NAN, 1.0]), np.array([0.0, 1.0]), TOL).bad == 1
    assert compare(np.array([0.0, 1.0]), np.array([NAN, 1.0]), TOL).bad == 1


def test_infinity_must_match_exactly():
    assert compare(np.array([INF, -INF]), np.array([INF, -INF]), TOL) is None
    assert compare(np.array([-INF]), np.array([INF]), TOL).bad == 1
    assert compare(np.array([1e30]), np.array([INF]), TOL).bad == 1


# ---- verdicts from bytes ----------------------------------------------------------------------

def test_reference_payload_passes(card, good_payload):
    verdict = judge(card, outcome(good_payload))
    assert verdict.status == "passed"
    assert [c.name for c in verdict.checks][:3] == ["syntax", "entry", "structure"]


@pytest.mark.parametrize("payload", [
    b"", b"\x00", b"PASSED", struct.pack("<I", 2**31) + b"{}",
    struct.pack("<I", 2) + b"[]", struct.pack("<I", 4) + b"null",
    wire.encode({"status": "passed"}),
    wire.encode({"v": 1, "fatal": None, "cases": "all"}),
    wire.encode({"v": 1, "fatal": None, "cases": []}),
    wire.encode({"v": 1, "fatal": {"check": "passed", "message": "ok"}}),
    wire.encode({"v": 1}) + b"not safetensors",
], ids=range(11))
def test_malformed_payloads_are_errors(card, payload):
    verdict = judge(card, outcome(payload))
    assert verdict.status in ("error", "failed")
    assert verdict.status != "passed"


def test_lying_header_with_real_tensors_is_not_passed(card, good_payload):
    header, tensors = wire.decode(good_payload)
    header["cases"][0]["alignment"] = [99] * 4
    tensors["identity.eval.out"] = np.zeros_like(tensors["identity.eval.out"])
    verdict = judge(card, outcome(wire.encode(header, tensors)))
    assert verdict.status == "error"


def test_wrong_dtype_and_shape_tensors(card, good_payload):
    header, tensors = wire.decode(good_payload)
    tensors["identity.eval.out"] = tensors["identity.eval.out"].astype(np.float64)
    assert judge(card, outcome(wire.encode(header, tensors))).failing_check == "dtype"
    tensors["identity.eval.out"] = np.zeros(1, np.float32)
    assert judge(card, outcome(wire.encode(header, tensors))).failing_check == "shape"


def test_random_corruption_never_raises(card, good_payload):
    rng = random.Random(7)
    for _ in range(200):
        data = bytearray(good_payload)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        cut = rng.choice([len(data), rng.randrange(len(data))])
        verdict = judge(card, outcome(bytes(data[:cut])))
        assert verdict.status in ("passed", "failed", "error")


def test_header_claiming_success_does_not_matter(card, good_payload):
    header, tensors = wire.decode(good_payload)
    header["status"], header["passed"] = "passed", True
    tensors = {k: v for k, v in tensors.items() if not k.startswith("identity.grad")}
    assert judge(card, outcome(wire.encode(header, tensors))).failing_check == "grad"


@pytest.mark.parametrize("kind,status,check", [
    ("timeout", "timeout", "timeout"), ("memory", "failed", "memory"),
    ("crashed", "error", "result"), ("output_limit", "error", "result"),
])
def test_abnormal_runs_are_said_plainly(card, kind, status, check):
    verdict = judge(card, outcome(b"", kind, "killed by SIGKILL"))
    assert (verdict.status, verdict.failing_check) == (status, check)
    assert verdict.feedback.en and verdict.feedback.zh


def test_report_json_is_size_bounded(card):
    huge = {"v": 2, "fatal": {"check": "syntax", "message": "x" * 50_000}}
    assert judge(card, outcome(wire.encode(huge))).status == "error"
    deep = struct.pack("<I", 200_000) + (b"[" * 100_000 + b"]" * 100_000)
    assert judge(card, outcome(deep)).status == "error"
