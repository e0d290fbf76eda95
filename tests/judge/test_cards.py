"""The three ResNet coding cards: files, metadata, reference/starter/wrong answers, rebuilds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import torch
import yaml

from app.judge.build import check_card, load_card_dir, reference_problems
from app.judge.spec import CardError, load_code_card, read_reference

pytestmark = pytest.mark.slow  # starts real sandboxes, servers or whole-bank checks

torch.set_num_threads(1)

ROOT = Path(__file__).resolve().parents[2]
CARDS = ["resnet-basic-block", "resnet-bottleneck", "resnet50"]
FILES = ["question.yaml", "prompt.en.md", "prompt.zh.md", "answer.en.md", "answer.zh.md",
         "starter.py", "reference.py", "reference.safetensors"]
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def question(card_id: str) -> dict:
    return yaml.safe_load((ROOT / "questions" / card_id / "question.yaml").read_text())


@pytest.mark.parametrize("card_id", CARDS)
def test_card_files_and_metadata(card_id):
    directory = ROOT / "questions" / card_id
    assert all((directory / name).is_file() for name in FILES)
    spec = question(card_id)
    assert spec["id"] == card_id and spec["stage"] == "coding" and spec["kind"] == "code"
    assert 3 <= len(spec["rubric"]) <= 6
    assert all(point["en"] and point["zh"] for point in spec["rubric"] + spec["follow_ups"])
    assert any("arXiv:1512.03385" in s for s in spec["sources"])
    assert any("torchvision" in s for s in spec["sources"])
    for name in ("prompt.en.md", "answer.en.md"):
        assert not CJK.search((directory / name).read_text()), name
    assert "seed" not in spec["tags"]  # the seed interview asks resnet50-unit instead
    assert len(list((directory / "wrong").glob("*.py"))) >= 3


@pytest.mark.parametrize("card_id", CARDS)
def test_check_card_finds_no_problems(card_id):
    """Reference passes, starter fails, each wrong/*.py fails as declared, file is up to date."""
    assert check_card(load_card_dir(ROOT / "questions" / card_id)) == []


def test_a_stale_reference_is_found_by_content_not_by_bytes(tmp_path):
    """Rebuilt outputs may differ in the last bits between CPUs; a changed card may not."""
    directory = tmp_path / "resnet-basic-block"
    shutil.copytree(ROOT / "questions" / "resnet-basic-block", directory)
    tol = load_card_dir(directory).spec.tolerance
    assert reference_problems(directory, tol) == []
    # the reference now adds the shortcut after the final ReLU: the stored outputs are stale
    source = (directory / "reference.py").read_text()
    early_relu = source.replace("out += identity\n        out = self.relu(out)",
                                "out = self.relu(out)\n        out = out + identity")
    (directory / "reference.py").write_text(early_relu)
    assert (directory / "reference.py").read_text() != source
    assert any("differs beyond the tolerance" in p for p in reference_problems(directory, tol))


def test_resnet50_reference_has_torchvision_parameter_count():
    namespace: dict = {}
    exec((ROOT / "questions/resnet50/reference.py").read_text(), namespace)
    model = namespace["ResNet50"]()
    assert sum(p.numel() for p in model.parameters()) == 25_557_032


def test_reference_file_holds_inputs_expected_and_layer_metadata():
    tensors, meta = read_reference(ROOT / "questions/resnet-basic-block/reference.safetensors")
    assert {"input/identity.x", "expected/identity.eval.out", "expected/downsample.grad.x"} <= set(
        tensors)
    assert "layers" in meta["cases"] and meta["format"] == "mianjing-reference-2"


@pytest.mark.parametrize("grader,message", [
    ({"type": "module", "entry": "B", "cases": []}, "grader.module.cases"),
    ({"type": "module", "entry": "B", "cases": [{"name": "a", "input": [1]}], "bogus": 1},
     "grader.module.bogus"),
    ({"type": "function", "entry": "f", "signature": "f(x)", "forbid": ["F.conv 2d"]},
     "grader.function.forbid.0"),
    ({"type": "function", "entry": "f", "signature": "g(x)"}, "grader.function"),
    ({"type": "nope"}, "grader"),
])
def test_invalid_grader_blocks_say_which_field(grader, message, tmp_path):
    with pytest.raises(CardError, match=re.escape(message)):
        load_code_card(tmp_path, grader)


def test_missing_reference_file_is_a_card_error(tmp_path):
    grader = {"type": "module", "entry": "B", "cases": [{"name": "a", "input": [1, 2]}]}
    with pytest.raises(CardError, match="reference.safetensors: missing"):
        load_code_card(tmp_path, grader)
