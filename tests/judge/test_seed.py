"""The seed interview's own slips, named in both languages: where it all started."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.judge.build import grade_in_process, load_card_dir

ROOT = Path(__file__).resolve().parents[2]
SEED_BASIC_BLOCK = (ROOT / "questions/resnet50-unit/wrong/seed_basic_block.py").read_text()


@pytest.mark.parametrize("card_id", ["resnet50-unit", "resnet-bottleneck"])
def test_torchvision_basic_block_for_resnet50s_unit_is_named(card_id: str) -> None:
    verdict = grade_in_process(load_card_dir(ROOT / "questions" / card_id), SEED_BASIC_BLOCK)
    assert (verdict.status, verdict.failing_check) == ("failed", "structure")
    en, zh = verdict.feedback.en, verdict.feedback.zh
    assert "this is a BasicBlock" in en and "the unit of ResNet-18/34" in en
    assert "ResNet-50 uses the Bottleneck" in en and "planes * 4" in en
    assert "这是 BasicBlock" in zh and "ResNet-18/34 的基本单元" in zh
    assert "ResNet-50 用的是 Bottleneck" in zh


def test_the_unit_card_accepts_any_class_name_and_says_nothing_of_it() -> None:
    card = load_card_dir(ROOT / "questions/resnet50-unit")
    source = (ROOT / "questions/resnet50-unit/reference.py").read_text()
    renamed = source.replace("class Bottleneck(", "class ResUnit(")
    assert renamed != source
    verdict = grade_in_process(card, renamed)
    assert verdict.status == "passed", verdict.feedback.en
    assert "asks for" not in verdict.feedback.en


def test_the_second_conv_taking_x_is_named_in_both_languages() -> None:
    card = load_card_dir(ROOT / "questions/resnet-basic-block")
    source = (ROOT / "tests/judge/submissions/resnet-basic-block/wrong_seed_pseudocode_as_class.py")
    verdict = grade_in_process(card, source.read_text())
    assert verdict.status == "failed"
    assert "your second conv (conv2)" in verdict.feedback.en
    assert "block input x" in verdict.feedback.en
    assert "第二个卷积（conv2）" in verdict.feedback.zh and "块的输入 x" in verdict.feedback.zh
