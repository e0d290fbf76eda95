"""The `mianjing` command: the bank check that authors and CI run, and its error format."""

import shutil
from pathlib import Path

import pytest

from app import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_questions_check_passes_on_the_whole_bank(capsys: pytest.CaptureFixture[str]) -> None:
    """Every card: schema, both languages, refs; every code card: solution passes, starter and each
    wrong/*.py fail as declared, reference tensors up to date."""
    assert cli.main(["questions", "check"]) == 0
    out = capsys.readouterr().out
    assert "cards OK" in out
    open_cards, code_cards = (int(n) for n in out.split("(")[1].replace(" open,", "").split()[:2])
    assert open_cards >= 24 and code_cards >= 14


def test_questions_check_reports_file_field_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "questions"
    shutil.copytree(ROOT / "questions" / "transformer-basics", bank / "transformer-basics")
    shutil.copytree(ROOT / "questions" / "vit-vs-cnn", bank / "broken")
    spec = bank / "broken" / "question.yaml"
    spec.write_text(spec.read_text().replace("stage: paper", "stage: lunch"))
    (bank / "broken" / "answer.zh.md").unlink()

    assert cli.main(["questions", "check", "--quick", "--dir", str(bank)]) == 1
    err = capsys.readouterr().err
    assert f"{spec}: stage: " in err
    assert f"{bank / 'broken' / 'answer.zh.md'}: file: missing" not in err  # spec failed first
    spec.write_text(spec.read_text().replace("stage: lunch", "stage: paper"))
    assert cli.main(["questions", "check", "--quick", "--dir", str(bank)]) == 1
    err = capsys.readouterr().err
    assert "broken/question.yaml: id: 'vit-vs-cnn' differs from the folder name" in err
    assert f"{bank / 'broken' / 'answer.zh.md'}: file: missing" in err
