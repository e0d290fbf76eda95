"""Authoring side: build reference tensors, run submissions in-process, check a card end to end.

`grade_in_process` runs the harness in THIS process (no sandbox): only for trusted code (cards'
own reference/starter/wrong answers, tests). It uses the same harness and checker as the server.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import torch
import yaml
from safetensors.torch import load as load_tensors
from safetensors.torch import save as save_tensors

from app.judge import checker
from app.judge.harness import runner as harness
from app.judge.harness import wire
from app.judge.spec import (
    REFERENCE_FILE,
    REFERENCE_FORMAT,
    CardError,
    CodeCard,
    ModuleSpec,
    load_code_card,
    pack_metadata,
    read_reference,
    request_header,
    unpack_metadata,
    validate_grader,
)
from app.judge.verdict import Outcome, RunOutcome, Verdict

STDOUT_CAP = 8 * 1024


@contextlib.contextmanager
def single_threaded():
    """Run torch on one thread, like the sandbox's zygote: the same kernels, the same bits."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def make_request(card: CodeCard, source: str) -> bytes:
    """The bytes the harness receives: precomputed header and inputs, plus the source."""
    return wire.encode_with_body({**card.request_header, "source": source}, card.input_bytes)


def grade_in_process(card: CodeCard, source: str) -> Verdict:
    """Grade trusted code without a sandbox (tests, authoring checks): same harness and checker."""
    request = make_request(card, source)
    buffer = io.StringIO()
    started = time.perf_counter()
    outcome: Outcome = "ok"
    payload, detail = b"", ""
    try:
        with single_threaded(), contextlib.redirect_stdout(buffer), \
                contextlib.redirect_stderr(buffer):
            payload = harness.run_in_child(request)
    except BaseException as exc:  # noqa: BLE001  (the harness itself broke: a fault, not a verdict)
        outcome, detail = "fault", f"the grader's harness raised {type(exc).__name__}: {exc}"
    ms = (time.perf_counter() - started) * 1000
    return checker.judge(card, RunOutcome(outcome, payload, buffer.getvalue()[:STDOUT_CAP], ms,
                                          detail))


def load_card_dir(directory: Path) -> CodeCard:
    question = yaml.safe_load((directory / "question.yaml").read_text())
    return load_code_card(directory, question["grader"])


def build_reference(directory: Path) -> bytes:
    """Rebuild reference.safetensors' bytes from reference.py (+ cases.py); deterministic."""
    question = yaml.safe_load((directory / "question.yaml").read_text())
    spec = validate_grader(question["grader"])
    inputs, cases_meta = _inputs(directory, spec)
    header = request_header(spec, cases_meta, mode="build")
    header["source"] = (directory / "reference.py").read_text()
    with single_threaded(), contextlib.redirect_stdout(io.StringIO()):
        payload = harness.run_in_child(wire.encode(header, inputs))
    result, outputs = wire.decode(payload)
    problems: list = [result["fatal"], *(c["error"] for c in result["cases"])]
    if any(problems):
        raise CardError(f"reference.py: fails when building: {next(p for p in problems if p)}")
    if isinstance(spec, ModuleSpec):
        for meta, case in zip(cases_meta, result["cases"], strict=True):
            if case["method"] != "dataflow":
                raise CardError(f"reference.py: case {case['name']} did not align to itself")
            meta["layers"] = [{k: c[k] for k in ("name", "kind", "key", "sig", "expr")}
                              for c in case["calls"]]
            meta["output_expr"] = case.get("output_expr", "")
    tensors = {f"input/{k}": v for k, v in inputs.items()}
    tensors |= {f"expected/{k}": v for k, v in outputs.items()}
    metadata = {"format": REFERENCE_FORMAT, "cases": json.dumps(cases_meta, sort_keys=True)}
    return save_tensors(tensors, metadata=pack_metadata(metadata))


def write_reference(directory: Path) -> Path:
    path = directory / REFERENCE_FILE
    path.write_bytes(build_reference(directory))
    return path


def _inputs(directory: Path, spec) -> tuple[dict[str, torch.Tensor], list[dict]]:
    if isinstance(spec, ModuleSpec):
        inputs = {}
        for index, case in enumerate(spec.cases):
            gen = torch.Generator().manual_seed(spec.seed + 100 + index)
            inputs[f"{case.name}.x"] = torch.randn(case.input, generator=gen)
        return inputs, [{"name": c.name} for c in spec.cases]
    namespace: dict = {}
    source = (directory / "cases.py").read_text()
    exec(compile(source, str(directory / "cases.py"), "exec"), namespace)  # trusted card code
    inputs, meta = {}, []
    for case in namespace["cases"]():
        args = {}
        for arg, value in case["args"].items():
            if isinstance(value, torch.Tensor):
                key = f"{case['name']}.{arg}"
                inputs[key] = value.detach().contiguous().clone()
                args[arg] = {"tensor": key}
            else:
                args[arg] = {"value": value}
        meta.append({"name": case["name"], "args": args})
    return inputs, meta


@dataclass(frozen=True)
class Expectation:
    """A known answer's header: `# expect:`, `# failing-check:`, `# feedback-contains:`."""

    status: str
    failing_check: str | None
    contains: tuple[str, ...]


def read_expectation(source: str) -> Expectation:
    fields: dict[str, list[str]] = {}
    for line in source.splitlines():
        match = re.match(r"#\s*([a-z-]+):\s*(.*?)\s*$", line)
        if not match:
            if line.strip() and not line.startswith("#"):
                break
            continue
        fields.setdefault(match.group(1), []).append(match.group(2))
    if "expect" not in fields:
        raise CardError("header: missing `# expect:` line")
    failing = fields.get("failing-check")
    return Expectation(fields["expect"][0], failing[0] if failing else None,
                       tuple(fields.get("feedback-contains", [])))


def expectation_problems(verdict: Verdict, want: Expectation) -> list[str]:
    """How a verdict differs from what a known answer's header declares."""
    problems = []
    if verdict.status != want.status:
        problems.append(f"status {verdict.status}, expected {want.status}")
    if want.failing_check and verdict.failing_check != want.failing_check:
        problems.append(f"failing check {verdict.failing_check}, expected {want.failing_check}")
    for text in want.contains:
        if text.lower() not in verdict.feedback.lower():
            problems.append(f"feedback lacks {text!r}")
    if problems:
        problems.append(f"feedback was: {verdict.feedback[:600]}")
    return problems


def check_card(card: CodeCard, *, rebuild: bool = True) -> list[str]:
    """Problems with a code card: reference passes, starter fails, wrong/*.py fail as declared."""
    problems = []
    directory = card.directory
    verdict = grade_in_process(card, (directory / "reference.py").read_text())
    if verdict.status != "passed":
        problems.append(f"reference.py: {verdict.status}: {verdict.feedback[:400]}")
    if grade_in_process(card, card.starter).status == "passed":
        problems.append("starter.py: passes, but must not")
    wrong = sorted((directory / "wrong").glob("*.py"))
    if len(wrong) < 3:
        problems.append(f"wrong/: {len(wrong)} known-wrong answers, need at least 3")
    for path in wrong:
        source = path.read_text()
        try:
            want = read_expectation(source)
        except CardError as exc:
            problems.append(f"wrong/{path.name}: {exc}")
            continue
        for problem in expectation_problems(grade_in_process(card, source), want):
            problems.append(f"wrong/{path.name}: {problem}")
    if rebuild and not reference_is_current(directory):
        problems.append(f"{REFERENCE_FILE}: out of date (run `mianjing questions build`)")
    return problems


def reference_is_current(directory: Path) -> bool:
    """Rebuilding gives the same tensors (NaN equal to NaN, bit for bit) and the same metadata."""
    stored, stored_meta = read_reference(directory / REFERENCE_FILE)
    fresh = build_reference(directory)
    rebuilt = load_tensors(fresh)
    if _metadata(fresh) != stored_meta or stored.keys() != rebuilt.keys():
        return False
    return all(_identical(stored[k], rebuilt[k]) for k in stored)


def _identical(a: torch.Tensor, b: torch.Tensor) -> bool:
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.is_floating_point():
        return bool(torch.isclose(a, b, rtol=0.0, atol=0.0, equal_nan=True).all())
    return torch.equal(a, b)


def _metadata(data: bytes) -> dict:
    """The metadata of a safetensors blob (u64 header length, JSON header), without a file."""
    size = int.from_bytes(data[:8], "little")
    return unpack_metadata(json.loads(data[8:8 + size]).get("__metadata__", {}))
