"""Runs tests/judge/submissions/<card>/*.py: each file's `# expect:` header is its verdict.

Trusted files run in-process (fast); every file, hostile ones included, also runs through the
real sandbox when it can start here. `# hostile: yes` files never run in-process.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import torch

from app.judge.build import (
    expectation_problems,
    grade_in_process,
    load_card_dir,
    read_expectation,
)

torch.set_num_threads(1)  # the in-process runner mirrors the zygote's single-threaded torch

ROOT = Path(__file__).resolve().parents[2]
# The seed interview's own answer also runs through the sandbox: from the bank, not a copy.
SEED_ANSWER = ROOT / "questions/resnet50-unit/wrong/seed_basic_block.py"
SUBMISSIONS = [*sorted((ROOT / "tests/judge/submissions").glob("*/*.py")), SEED_ANSWER]
_cards: dict = {}


def card_id(path: Path) -> str:
    """submissions/<card>/x.py, or questions/<card>/wrong/x.py."""
    return path.parent.parent.name if path.parent.name == "wrong" else path.parent.name


IDS = [f"{card_id(p)}/{p.stem}" for p in SUBMISSIONS]


def card_for(path: Path):
    if card_id(path) not in _cards:
        _cards[card_id(path)] = load_card_dir(ROOT / "questions" / card_id(path))
    return _cards[card_id(path)]


def is_hostile(source: str) -> bool:
    return "# hostile: yes" in source


def test_folder_has_every_kind():
    sources = [p.read_text() for p in SUBMISSIONS]
    statuses = {read_expectation(s).status for s in sources}
    assert {"passed", "failed", "error", "timeout"} <= statuses
    assert sum(is_hostile(s) for s in sources) >= 6


@pytest.mark.parametrize("path", [p for p in SUBMISSIONS if not is_hostile(p.read_text())],
                         ids=[i for i, p in zip(IDS, SUBMISSIONS, strict=True)
                              if not is_hostile(p.read_text())])
def test_in_process(path: Path):
    source = path.read_text()
    verdict = grade_in_process(card_for(path), source)
    assert expectation_problems(verdict, read_expectation(source)) == []


@pytest.fixture(scope="module")
def sandbox():
    """A real Grader (2 workers) on its own event loop; skipped if the sandbox cannot start."""
    try:
        from app.judge.grader import Grader
    except ImportError as exc:
        pytest.skip(f"app.judge.sandbox.pool not importable: {exc}")
    loop = asyncio.new_event_loop()
    grader = Grader(workers=2)

    async def start() -> None:
        grader.start()  # needs a running loop
        await grader.wait_ready(120)

    try:
        loop.run_until_complete(start())
    except Exception as exc:  # no namespaces/landlock here: the unit tests still cover the logic
        loop.run_until_complete(grader.close())
        loop.close()
        pytest.skip(f"sandbox unavailable: {exc}")
    yield loop, grader
    loop.run_until_complete(grader.close())
    loop.close()


@pytest.mark.slow
@pytest.mark.parametrize("path", SUBMISSIONS, ids=IDS)
def test_in_sandbox(sandbox, path: Path):
    loop, grader = sandbox
    source = path.read_text()
    verdict = loop.run_until_complete(grader.grade(card_for(path), source))
    assert expectation_problems(verdict, read_expectation(source)) == []


def test_printed_passed_is_only_stdout(sandbox):
    loop, grader = sandbox
    path = ROOT / "tests/judge/submissions/resnet-basic-block/hostile_print_passed.py"
    verdict = loop.run_until_complete(grader.grade(card_for(path), path.read_text()))
    assert verdict.status == "failed"
    assert "PASSED" in verdict.stdout
