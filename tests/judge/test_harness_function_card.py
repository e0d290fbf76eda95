"""A function card end to end (tmp card): forbidden calls, outputs, gradients."""

from __future__ import annotations

import pytest
import torch
import yaml

from app.judge.build import grade_in_process, load_card_dir, write_reference

torch.set_num_threads(1)

CASES = """
import torch

def cases():
    g = torch.Generator().manual_seed(0)
    return [
        {"name": "small", "args": {"x": torch.randn(3, 4, generator=g), "cap": 6.0}},
        {"name": "nan", "args": {"x": torch.tensor([float("nan"), -1.0, 7.0]), "cap": 6.0}},
    ]
"""
REFERENCE = "import torch\n\ndef relu6(x, cap):\n    return torch.clamp(x, 0.0, cap)\n"


@pytest.fixture(scope="module")
def card(tmp_path_factory):
    directory = tmp_path_factory.mktemp("cards") / "relu6"
    directory.mkdir()
    grader = {"type": "function", "entry": "relu6", "signature": "relu6(x, cap)",
              "forbid": ["hardtanh*"], "grad": True, "tolerance": {"atol": 1e-6, "rtol": 1e-5}}
    (directory / "question.yaml").write_text(yaml.safe_dump({"grader": grader}))
    (directory / "cases.py").write_text(CASES)
    (directory / "reference.py").write_text(REFERENCE)
    write_reference(directory)
    return load_card_dir(directory)


def test_reference_passes_with_nan_in_the_same_place(card):
    verdict = grade_in_process(card, REFERENCE)
    assert verdict.status == "passed", verdict.feedback


def test_forbidden_call_fails_even_if_caught(card):
    source = ("def relu6(x, cap):\n    try:\n        return torch.nn.functional.relu6(x)\n"
              "    except Exception:\n        return torch.clamp(x, 0.0, cap)\n")
    verdict = grade_in_process(card, source)
    assert verdict.failing_check == "forbidden"
    assert "aten::hardtanh" in verdict.feedback.en and "aten::hardtanh" in verdict.feedback.zh
    assert torch.nn.functional.relu6(torch.tensor([7.0])).item() == 6.0  # untouched after a run


def test_every_spelling_of_a_forbidden_op_is_caught(card):
    for call in ("torch.ops.aten.hardtanh(x, 0.0, cap)", "torch.nn.ReLU6()(x)",
                 "torch._C._nn.hardtanh(x, 0.0, cap)", "F.hardtanh(x, 0.0, cap)"):
        source = f"def relu6(x, cap):\n    return {call}\n"
        assert grade_in_process(card, source).failing_check == "forbidden", call


def test_wrong_values_and_extra_nan(card):
    verdict = grade_in_process(card, "def relu6(x, cap):\n    return torch.clamp(x, 0.0, 5.0)\n")
    assert verdict.failing_check == "values"
    nan_everywhere = "def relu6(x, cap):\n    return x.clamp(0, cap) * float('nan')\n"
    verdict = grade_in_process(card, nan_everywhere)
    assert verdict.failing_check == "values"


def test_detached_output_fails_grad(card):
    verdict = grade_in_process(card, "def relu6(x, cap):\n    return x.detach().clamp(0, cap)\n")
    assert verdict.failing_check == "grad"


def test_missing_entry_and_dtype(card):
    assert grade_in_process(card, "def relu(x):\n    return x\n").failing_check == "entry"
    verdict = grade_in_process(card, "def relu6(x, cap):\n    return x.clamp(0, cap).double()\n")
    assert verdict.failing_check == "dtype"
