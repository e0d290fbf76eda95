"""The verdict, decided in the trusted process from the child's raw bytes only.

Nothing the child says about passing counts: its JSON is validated (report.py), its tensors are
decoded from safetensors into plain torch.Tensors and compared here (compare.py). Any malformed,
oversized or inconsistent result is an `error` verdict, never an exception.
"""

from __future__ import annotations

import logging

import torch
from pydantic import ValidationError

from app.judge import diagnose
from app.judge.compare import compare
from app.judge.faults import GraderFault
from app.judge.harness import wire
from app.judge.report import CaseReport, ErrorReport, Report
from app.judge.spec import CodeCard, FunctionSpec, ModuleSpec
from app.judge.verdict import Check, RunOutcome, Status, Verdict

log = logging.getLogger(__name__)
STDOUT_SHOWN = 4000  # characters of captured output shown with a verdict


class Malformed(Exception):
    """The child's report validates but contradicts the card: forged or broken by user code."""


class Failed(Exception):
    """A check failed: carries the Check and the line it refers to."""

    def __init__(self, name: str, detail: str, line: int | None = None):
        super().__init__(detail)
        self.check, self.line = Check(name, False, detail), line


def judge(card: CodeCard, run: RunOutcome) -> Verdict:
    """The Verdict for one run of a submission."""
    stdout, ms = run.stdout[:STDOUT_SHOWN], run.duration_ms
    if run.outcome == "fault":
        raise GraderFault(run.detail)
    if run.outcome != "ok":
        status, name, text = _abnormal(card, run)
        return Verdict(status, [Check(name, False, text)], text, stdout, ms)
    try:
        header, tensors = wire.decode(run.payload)
        report = Report.model_validate(header)
    except (wire.WireError, ValidationError) as exc:
        text = ("the grader could not read the result of your run (it was malformed: "
                f"{str(exc).splitlines()[0][:200]}); code that writes to the grader's channel or "
                "ends the process early is not graded")
        return Verdict("error", [Check("result", False, text)], text, stdout, ms)
    passed: list[Check] = []
    try:
        if isinstance(card.spec, ModuleSpec):
            _check_module(card, card.spec, report, tensors, passed)
        else:
            _check_function(card, card.spec, report, tensors, passed)
    except Failed as failure:
        feedback = failure.check.detail
        return Verdict("failed", [*passed, failure.check], feedback, stdout, ms, failure.line)
    except Malformed as exc:
        text = (f"the grader could not read the result of your run ({exc}); code that writes to "
                "the grader's channel or patches the harness is not graded")
        return Verdict("error", [*passed, Check("result", False, text)], text, stdout, ms)
    except Exception as exc:  # the checker itself broke: our fault, logged loudly, never a verdict
        log.exception("checker failed on card %s", card.id)
        raise GraderFault(f"the checker failed on card {card.id}: {type(exc).__name__}") from exc
    return Verdict("passed", passed, "all checks passed", stdout, ms)


def _abnormal(card: CodeCard, run: RunOutcome) -> tuple[Status, str, str]:
    if run.outcome == "timeout":
        return "timeout", "timeout", (f"your code did not finish within {card.timeout_s:g} s "
                                      "(an endless loop, or far too much work?)")
    if run.outcome == "memory":
        return "failed", "memory", "your code ran out of memory (the limit is about 1 GB)"
    if run.outcome == "output_limit":
        return "error", "result", "your run produced more output than the grader accepts"
    return "error", "result", ("the process running your code ended before reporting a result "
                               f"({run.detail or 'crashed'}): calling sys.exit/os._exit or "
                               "crashing the interpreter ends the run without a grade")


def _fatal(error: ErrorReport, passed: list[Check]) -> None:
    if error.check != "syntax":
        passed.append(Check("syntax", True, ""))
    if error.check not in ("syntax", "entry"):
        passed.append(Check("entry", True, ""))
    where = f" (line {error.line})" if error.line else ""
    detail = f"{error.message}{where}"
    if error.traceback and error.check in ("exception", "forbidden"):
        detail += "\n" + error.traceback
    raise Failed(error.check, detail, error.line)


def _error_detail(case_label: str, error: ErrorReport, ref_layers: list[dict]) -> str:
    where = f" (line {error.line})" if error.line else ""
    detail = f"{case_label}: {error.message}{where}"
    layer = error.layer
    if layer is not None:
        word = diagnose.KIND_WORDS.get(layer.kind, layer.kind)
        detail += (f"\nIt was raised in your {diagnose.ordinal(layer.nth)} {word} ({layer.name}),"
                   f" whose input is {diagnose.describe_expr(layer.expr)} with shape "
                   f"{layer.input_shape}.")
        same_kind = [r for r in ref_layers if r["kind"] == layer.kind]
        if layer.nth < len(same_kind) and same_kind[layer.nth]["expr"] != layer.expr:
            ref = same_kind[layer.nth]
            detail += (f" In the reference, the {diagnose.ordinal(layer.nth)} {word} takes "
                       f"{diagnose.describe_expr(ref['expr'])}.")
    if error.traceback:
        detail += "\n" + error.traceback
    return detail


def _case_label(spec: ModuleSpec, index: int) -> str:
    case = spec.cases[index]
    args = ", ".join(f"{k}={v}" for k, v in case.init.items())
    ds = ", downsample=<conv1x1+BN>" if case.downsample else ""
    return f"case {case.name}: {spec.entry}({args}{ds}) on input {case.input}"


def _check_module(card: CodeCard, spec: ModuleSpec, report: Report, tensors: dict,
                  passed: list[Check]) -> None:
    if report.fatal:
        _fatal(report.fatal, passed)
    passed += [Check("syntax", True, ""), Check("entry", True, "")]
    if len(report.cases) != len(spec.cases) or any(
            r.name != c.name for r, c in zip(report.cases, spec.cases, strict=False)):
        raise Malformed("case list does not match the card")
    _check_structure(card, spec, report)
    passed.append(Check("structure", True, "same layers as the reference"))
    for index, case in enumerate(report.cases):
        label = _case_label(spec, index)
        ref_layers = card.layers[index]
        if case.error is not None:
            check = "exception" if case.error.check == "exception" else case.error.check
            raise Failed(check, _error_detail(label, case.error, ref_layers), case.error.line)
        _check_module_case(card, spec, index, label, case, tensors, passed)


def _check_structure(card: CodeCard, spec: ModuleSpec, report: Report) -> None:
    hint = ("\n" + spec.hint["en"]) if "en" in spec.hint else ""
    for name, want in spec.class_attrs.items():
        got = report.class_attrs.get(name)
        if got != want:
            raise Failed("structure", f"{spec.entry}.{name} is {got!r}, expected {want!r}{hint}")
    if spec.param_count is not None:
        index = next((i for i, c in enumerate(spec.cases) if not c.init), 0)
        got = report.cases[index].param_count if report.cases else None
        if got is not None and got != spec.param_count:
            raise Failed("structure", f"{spec.entry}() has {got:,} parameters; it should have "
                         f"{spec.param_count:,}.{hint}")
    for index, case in enumerate(report.cases):
        label = _case_label(spec, index)
        if case.error is not None and case.error.check == "structure":
            raise Failed("structure", f"{label}: {case.error.message}")
        if case.param_count is None:
            continue  # constructing failed: the exception check reports it
        traced = case.method is not None
        keys = [c.key for c in case.calls] if traced else [i.key for i in case.inventory]
        problem = diagnose.structure_diff(card.layers[index], keys)
        if problem:
            raise Failed("structure", f"{label}: your module is {problem}.{hint}")
        if traced and case.method == "none":
            raise Failed("structure", f"{label}: your layers could not be matched to the "
                         f"reference's by kind and shape.{hint}")


def _tensor(tensors: dict, key: str) -> torch.Tensor | None:
    value = tensors.get(key)
    return value if isinstance(value, torch.Tensor) else None


def _check_module_case(card: CodeCard, spec: ModuleSpec, index: int, label: str,
                       case: CaseReport, tensors: dict, passed: list[Check]) -> None:
    name, tol = case.name, spec.tolerance
    want = card.expected[f"{name}.eval.out"]
    have = _tensor(tensors, f"{name}.eval.out")
    if have is None:
        raise Failed("shape", f"{label}: forward returned no tensor")
    if have.shape != want.shape:
        raise Failed("shape", f"{label}: output shape is {list(have.shape)}, expected "
                     f"{list(want.shape)}")
    if have.dtype != want.dtype:
        raise Failed("dtype", f"{label}: output dtype is {have.dtype}, expected {want.dtype}")
    passed.append(Check("shape", True, label))
    if compare(have, want, tol) is not None:
        alignment = case.alignment or []
        if len(alignment) != len(card.layers[index]) or any(
                a is not None and not 0 <= a < len(case.calls) for a in alignment):
            raise Malformed("alignment does not fit the calls")
        where = diagnose.localise(name, card.layers[index], [c.model_dump() for c in case.calls],
                                  alignment, card.expected, tensors, card.inputs[f"{name}.x"],
                                  tol, card.output_exprs[index])
        raise Failed("values", f"{label} (eval mode): {where}")
    passed.append(Check("values", True, f"{label}, eval mode"))
    if spec.train:
        _compare_keys(card, tensors, f"{name}.train.", "train", label, tol, ref=card.layers[index])
        passed.append(Check("train", True, f"{label}, train mode"))
    if spec.grad:
        _compare_keys(card, tensors, f"{name}.grad.", "grad", label, tol, ref=card.layers[index])
        passed.append(Check("grad", True, f"{label}, gradients"))


def _compare_keys(card: CodeCard, tensors: dict, prefix: str, check: str, label: str, tol,
                  ref: list[dict] | None = None) -> None:
    for key in sorted(k for k in card.expected if k.startswith(prefix)):
        want, have = card.expected[key], _tensor(tensors, key)
        what = _name_key(key.removeprefix(prefix), ref or [])
        if have is None:
            raise Failed(check, f"{label}: {what} is missing (detached, or never computed?)")
        if have.shape != want.shape:
            raise Failed(check, f"{label}: {what} has shape {list(have.shape)}, expected "
                         f"{list(want.shape)}")
        mismatch = compare(have, want, tol)
        if mismatch is not None:
            raise Failed(check, f"{label}: {what} differs from the reference: "
                         f"{mismatch.summary()}{_hint(check, key)}")


def _name_key(key: str, ref: list[dict]) -> str:
    """'out' -> 'the train-mode output'; '3.running_mean' -> 'bn2.running_mean'; 'x' -> ..."""
    if key == "out":
        return "the train-mode output (batch statistics)"
    if key == "x":
        return "the gradient w.r.t. the input"
    head, _, attr = key.partition(".")
    if head.isdigit() and int(head) < len(ref):
        return f"{ref[int(head)]['name']}.{attr}" + (" gradient" if "running" not in attr else "")
    return f"the gradient w.r.t. {key}"


def _hint(check: str, key: str) -> str:
    if ".running_" in key:
        return " (BatchNorm momentum should be 0.1 and every BN must run in train mode)"
    if check == "train":
        return " (in train mode BatchNorm normalises with the batch's statistics)"
    # Both directions happen: a path cut by .detach()/.data, or an extra path through an output that
    # should carry none (returned running statistics still attached to the graph).
    return (" (is a gradient path cut by .detach(), .data or a non-differentiable op, or does an"
            " output that should carry no gradient, such as updated running statistics, stay"
            " attached to the graph?)")


def _check_function(card: CodeCard, spec: FunctionSpec, report: Report, tensors: dict,
                    passed: list[Check]) -> None:
    if report.fatal:
        _fatal(report.fatal, passed)
    passed += [Check("syntax", True, ""), Check("entry", True, "")]
    if report.forbidden_called:
        raise Failed("forbidden", f"{report.forbidden_called[0]} is not allowed in this question")
    if spec.forbid:
        passed.append(Check("forbidden", True, "no forbidden calls"))
    names = [c["name"] for c in card.request_header["cases"]]
    if [c.name for c in report.cases] != names:
        raise Malformed("case list does not match the card")
    tol = spec.tolerance
    for case in report.cases:
        label = f"case {case.name}"
        if case.error is not None:
            raise Failed(case.error.check, _error_detail(label, case.error, []), case.error.line)
        outputs = sorted(k for k in card.expected if k.startswith(f"{case.name}.out."))
        returned = [k for k in tensors if k.startswith(f"{case.name}.out.")]
        if len(returned) != len(outputs):
            raise Failed("shape", f"{label}: returned {len(returned)} tensor(s), expected "
                         f"{len(outputs)}")
        for key in outputs:
            want, have = card.expected[key], _tensor(tensors, key)
            if have is None or have.shape != want.shape:
                got = list(have.shape) if have is not None else None
                raise Failed("shape", f"{label}: output {key.rsplit('.', 1)[1]} has shape {got}, "
                             f"expected {list(want.shape)}")
            if have.dtype != want.dtype:
                raise Failed("dtype", f"{label}: output dtype is {have.dtype}, expected "
                             f"{want.dtype}")
        passed.append(Check("shape", True, label))
        for key in outputs:
            mismatch = compare(tensors[key], card.expected[key], tol)
            if mismatch is not None:
                raise Failed("values", f"{label}: output {key.rsplit('.', 1)[1]} differs from the "
                             f"reference: {mismatch.summary()}")
        passed.append(Check("values", True, label))
        if spec.grad:
            _compare_keys(card, tensors, f"{case.name}.grad.", "grad", label, tol)
            passed.append(Check("grad", True, label))
