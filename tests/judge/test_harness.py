"""The harness in-process: request/result framing, dataflow tracing, user-code failures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from app.judge.build import load_card_dir, make_request
from app.judge.harness import dataflow, wire
from app.judge.harness import runner as harness

torch.set_num_threads(1)

ROOT = Path(__file__).resolve().parents[2]
BASIC = ROOT / "questions/resnet-basic-block"
SUBMISSIONS = ROOT / "tests/judge/submissions"


@pytest.fixture(scope="module")
def card():
    return load_card_dir(BASIC)


def run(card, source: str) -> tuple[dict, dict]:
    return wire.decode(harness.run_in_child(make_request(card, source)))


def test_request_carries_no_expected_outputs(card):
    header, tensors = wire.decode(make_request(card, "x = 1"))
    assert set(tensors) == {"identity.x", "downsample.x"}  # inputs only
    assert "expected" not in json.dumps(header)
    assert {"source", "layers", "cases", "seed", "entry"} <= set(header)


def test_result_is_json_plus_plain_tensors(card):
    result, tensors = run(card, (BASIC / "reference.py").read_text())
    assert result["fatal"] is None and [c["error"] for c in result["cases"]] == [None, None]
    assert result["cases"][0]["method"] == "dataflow"
    assert "identity.eval.out" in tensors and "downsample.grad.x" in tensors
    assert all(type(t) is np.ndarray for t in tensors.values())  # plain arrays, never objects


@pytest.mark.parametrize("name", ["right_torchvision_verbatim", "right_functional_relu",
                                  "right_sequential_shortcut_first", "right_own_projection"])
def test_every_style_aligns_by_dataflow(card, name):
    result, _ = run(card, (SUBMISSIONS / "resnet-basic-block" / f"{name}.py").read_text())
    assert [c["method"] for c in result["cases"]] == ["dataflow", "dataflow"]


def test_seed_bug_is_visible_in_the_trace(card):
    source = (SUBMISSIONS / "resnet-basic-block/wrong_seed_pseudocode_as_class.py").read_text()
    result, _ = run(card, source)
    calls = result["cases"][0]["calls"]
    assert [c["expr"] for c in calls if c["name"] == "conv2"] == ["x"]
    assert result["cases"][0]["method"] == "order"  # shapes fit, the wiring does not


def test_signatures_ignore_style_but_not_wiring():
    block = torch.nn.Sequential(torch.nn.Conv2d(2, 2, 3, padding=1), torch.nn.BatchNorm2d(2))
    x = torch.randn(1, 2, 4, 4, requires_grad=True).clone()
    tracer = dataflow.Tracer(block, x)
    with tracer:
        block(x)
    conv, norm = tracer.calls
    assert conv.expr == "x" and norm.expr == "0"
    assert conv.sig != norm.sig


def test_syntax_error_reports_line(card):
    result, _ = run(card, "class BasicBlock(nn.Module):\n    def f(self:\n        pass\n")
    assert result["fatal"]["check"] == "syntax" and result["fatal"]["line"] == 2


def test_sys_exit_is_caught(card):
    result, _ = run(card, "import sys\nsys.exit(0)\n")
    assert result["fatal"]["check"] == "exception"
    assert "sys.exit(0)" in result["fatal"]["message"]


def test_traceback_keeps_only_submission_frames(card):
    source = ("class BasicBlock(nn.Module):\n    def __init__(self, inplanes, planes, stride=1):\n"
              "        super().__init__()\n        self.c = nn.Conv2d(inplanes, planes, 3)\n"
              "    def forward(self, x):\n        return self.c(x.view(-1))\n")
    result, _ = run(card, source)
    error = result["cases"][0]["error"]
    assert error["line"] == 6 and "site-packages" not in error["traceback"]
    assert error["layer"]["name"] == "c"


def test_harness_imports_nothing_at_run_time():
    """After isolation nothing can be imported: a run must only use what the zygote loaded."""
    script = f"""
import sys, torch
torch.set_num_threads(1)
import app.judge.harness.runner as h
from pathlib import Path
from app.judge.build import load_card_dir, make_request
card = load_card_dir(Path({str(BASIC)!r}))
source = Path({str(BASIC / "reference.py")!r}).read_text()
before = set(sys.modules)
h.run_in_child(make_request(card, source))
print(sorted(set(sys.modules) - before))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
