"""Authoring side: build reference arrays, run submissions in-process, check a card end to end.

`grade_in_process` runs the harness in THIS process (no sandbox): only for trusted code (cards'
own reference/starter/wrong answers, tests). It uses the same harness and checker as the server.
"""

from __future__ import annotations

import contextlib
import io
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
import yaml
from safetensors.numpy import save as save_arrays

from app.judge import checker
from app.judge.harness import runner as harness
from app.judge.harness import wire
from app.judge.spec import (
    REFERENCE_FILE,
    REFERENCE_FORMAT,
    CardError,
    CodeCard,
    ModuleSpec,
    Tolerance,
    load_code_card,
    make_request,
    pack_metadata,
    read_header,
    read_reference,
    request_header,
    validate_grader,
)
from app.judge.values import trees_match
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


def _run(header: dict[str, Any], source: str,
         inputs: dict[str, np.ndarray]) -> tuple[dict, dict[str, np.ndarray]]:
    with single_threaded(), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()):
        payload = harness.run_in_child(wire.encode({**header, "source": source}, inputs))
    return wire.decode(payload, wire.Limits(header_bytes=64 << 20, arrays=1 << 16))


def build_reference(directory: Path) -> bytes:
    """Rebuild reference.safetensors' bytes from reference.py, cases.py and wrong/*.py."""
    question = yaml.safe_load((directory / "question.yaml").read_text())
    spec = validate_grader(question["grader"])
    inputs, cases_meta = _inputs(directory, spec)
    header = request_header(spec, cases_meta, mode="build")
    result, outputs = _run(header, (directory / "reference.py").read_text(), inputs)
    problems: list = [result["fatal"], *(c["error"] for c in result["cases"])]
    if any(problems):
        raise CardError(f"reference.py: fails when building: {next(p for p in problems if p)}")
    expected_outputs = {}
    if isinstance(spec, ModuleSpec):
        for meta, case in zip(cases_meta, result["cases"], strict=True):
            if case["method"] != "dataflow":
                raise CardError(f"reference.py: case {case['name']} did not align to itself")
            meta["layers"] = [{k: c[k] for k in ("name", "kind", "key", "sig", "expr")}
                              for c in case["calls"]]
            meta["output_expr"] = case.get("output_expr", "")
        header["layers"] = [m["layers"] for m in cases_meta]
        header["mode"] = "grade"
    else:
        expected_outputs = {c["name"]: c["out"] for c in result["cases"]}
    arrays = {f"input/{k}": v for k, v in inputs.items()}
    arrays |= {f"expected/{k}": v for k, v in outputs.items()}
    mistakes = {}
    for path in sorted((directory / "wrong").glob("*.py")):
        stored, mistake_arrays = _mistake_outputs(header, path.read_text(), inputs, spec)
        if stored:
            mistakes[path.stem] = stored
            arrays |= {f"mistake/{path.stem}/{k}": v for k, v in mistake_arrays.items()}
    metadata = {"format": REFERENCE_FORMAT, "cases": json.dumps(cases_meta, sort_keys=True),
                "outputs": json.dumps(expected_outputs, sort_keys=True),
                "mistakes": json.dumps(mistakes, sort_keys=True)}
    return save_arrays(arrays, metadata=pack_metadata(metadata))


def _mistake_outputs(header: dict[str, Any], source: str, inputs: dict[str, np.ndarray],
                     spec: Any) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """What a known-wrong answer outputs per case (only cases it completes)."""
    if "mistake" not in read_header(source):
        return {}, {}
    result, outputs = _run(header, source, inputs)
    if result["fatal"]:
        return {}, {}
    stored: dict[str, Any] = {}
    arrays: dict[str, np.ndarray] = {}
    for case in result["cases"]:
        name = case["name"]
        if isinstance(spec, ModuleSpec):
            key = f"{name}.eval.out"
            if key in outputs:
                stored[name] = None
                arrays[key] = outputs[key]
        elif case["error"] is None:
            stored[name] = case["out"]
            arrays |= {k: v for k, v in outputs.items() if k.startswith(f"{name}.out.")}
    return stored, arrays


def write_reference(directory: Path) -> Path:
    path = directory / REFERENCE_FILE
    path.write_bytes(build_reference(directory))
    return path


def _array_of(value: Any) -> np.ndarray | None:
    if isinstance(value, torch.Tensor):
        return value.detach().contiguous().clone().numpy()
    if isinstance(value, np.ndarray):
        return np.ascontiguousarray(value)
    return None


def _inputs(directory: Path, spec: Any) -> tuple[dict[str, np.ndarray], list[dict]]:
    if isinstance(spec, ModuleSpec):
        inputs = {}
        for index, case in enumerate(spec.cases):
            gen = torch.Generator().manual_seed(spec.seed + 100 + index)
            inputs[f"{case.name}.x"] = torch.randn(case.input, generator=gen).numpy()
        return inputs, [{"name": c.name} for c in spec.cases]
    namespace: dict = {}
    source = (directory / "cases.py").read_text()
    exec(compile(source, str(directory / "cases.py"), "exec"), namespace)  # trusted card code
    inputs, meta = {}, []
    for case in namespace["cases"]():
        args = {}
        for arg, value in case["args"].items():
            array = _array_of(value)
            if array is not None:
                key = f"{case['name']}.{arg}"
                inputs[key] = array
                args[arg] = {"t": key}
            else:
                args[arg] = {"v": value}
        meta.append({"name": case["name"], "args": args})
    return inputs, meta


@dataclass(frozen=True)
class Expectation:
    """A known answer's header: `# expect:`, `# failing-check:`, `# feedback-contains:`."""

    status: str
    failing_check: str | None
    contains: tuple[str, ...]
    mistake: str | None = None


def read_expectation(source: str) -> Expectation:
    fields = read_header(source)
    if "expect" not in fields:
        raise CardError("header: missing `# expect:` line")
    failing = fields.get("failing-check")
    mistake = fields.get("mistake")
    return Expectation(fields["expect"][0], failing[0] if failing else None,
                       tuple(fields.get("feedback-contains", [])), mistake[0] if mistake else None)


def expectation_problems(verdict: Verdict, want: Expectation, *,
                         named: bool = False) -> list[str]:
    """How a verdict differs from what a known answer's header declares.

    `named`: the answer is one of the card's own wrong answers, so a values failure must name
    its mistake (the mistake library recognises it).
    """
    problems = []
    feedback = verdict.feedback.en
    if verdict.status != want.status:
        problems.append(f"status {verdict.status}, expected {want.status}")
    if want.failing_check and verdict.failing_check != want.failing_check:
        problems.append(f"failing check {verdict.failing_check}, expected {want.failing_check}")
    for text in want.contains:
        if text.lower() not in feedback.lower():
            problems.append(f"feedback lacks {text!r}")
    if named and want.mistake and verdict.failing_check == "values" \
            and want.mistake not in feedback:
        problems.append("the mistake library did not name this answer's mistake")
    if problems:
        problems.append(f"feedback was: {feedback[:600]}")
    return problems


def check_card(card: CodeCard, *, rebuild: bool = True) -> list[str]:
    """Problems with a code card: reference passes, starter fails, wrong/*.py fail as declared."""
    problems = []
    directory = card.directory
    verdict = grade_in_process(card, (directory / "reference.py").read_text())
    if verdict.status != "passed":
        problems.append(f"reference.py: {verdict.status}: {verdict.feedback.en[:400]}")
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
        if want.mistake is None:
            problems.append(f"wrong/{path.name}: header: missing `# mistake:` line")
        found = expectation_problems(grade_in_process(card, source), want, named=True)
        problems += [f"wrong/{path.name}: {problem}" for problem in found]
    if rebuild:
        problems += [f"{REFERENCE_FILE}: {p}" for p in reference_problems(directory, card.spec.tolerance)]
    return problems


def reference_problems(directory: Path, tol: Tolerance) -> list[str]:
    """How a rebuild differs from the stored file, by content that does not depend on the CPU.

    Inputs must be identical bit for bit (they come from seeded generators); outputs must agree
    within the card's tolerance (float kernels differ between CPUs, e.g. with or without
    AVX-512); the metadata (cases, layer signatures, output trees) must agree the same way.
    """
    stored, stored_meta = read_reference(directory / REFERENCE_FILE)
    fresh_bytes = build_reference(directory)
    rebuilt, fresh_meta = wire_reference(fresh_bytes)
    if stored.keys() != rebuilt.keys():
        return ["out of date: the arrays differ (run `mianjing questions build`)"]
    for key in sorted(stored):
        a, b = stored[key], rebuilt[key]
        if a.dtype != b.dtype or a.shape != b.shape:
            return [f"out of date: {key} changed shape or dtype (run `mianjing questions build`)"]
        if key.startswith("input/"):
            if a.tobytes() != b.tobytes():
                return [f"out of date: input {key} changed (run `mianjing questions build`)"]
        elif not _close(a, b, tol):
            return [f"out of date: {key} differs beyond the tolerance (run `mianjing questions "
                    "build`)"]
    for field_name in ("format", "cases"):
        if stored_meta.get(field_name) != fresh_meta.get(field_name):
            return [f"out of date: {field_name} changed (run `mianjing questions build`)"]
    for field_name in ("outputs", "mistakes"):
        if not trees_match(json.loads(stored_meta.get(field_name, "{}")),
                           json.loads(fresh_meta.get(field_name, "{}")), tol):
            return [f"out of date: {field_name} changed (run `mianjing questions build`)"]
    return []


def wire_reference(data: bytes) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """Arrays and metadata of reference bytes not yet written to a file."""
    from safetensors.numpy import load

    from app.judge.spec import unpack_metadata

    size = int.from_bytes(data[:8], "little")
    meta = unpack_metadata(json.loads(data[8:8 + size]).get("__metadata__", {}))
    return load(data), meta


def _close(a: np.ndarray, b: np.ndarray, tol: Tolerance) -> bool:
    if a.dtype.kind in "fc":
        return bool(np.allclose(a, b, rtol=tol.rtol, atol=tol.atol, equal_nan=True))
    return bool(np.array_equal(a, b))
