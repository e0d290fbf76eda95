"""Function cards on the trusted side: each case's returned value against the reference's,
gradients when the card asks, and the known mistake a failing submission made."""

from __future__ import annotations

from typing import Any

import numpy as np

from app.judge import mistakes
from app.judge.compare import compare
from app.judge.errors_text import Failed, Malformed, error_text
from app.judge.messages import Text, t
from app.judge.report import Report
from app.judge.spec import CodeCard, FunctionSpec, Mistake
from app.judge.values import Difference, compare_outputs, make_trees, mismatch_text
from app.judge.verdict import Check

HOSTILE_TREE = (TypeError, KeyError, ValueError, AttributeError, IndexError, RecursionError)


def check(card: CodeCard, spec: FunctionSpec, report: Report, arrays: dict[str, np.ndarray],
          passed: list[Check]) -> str | None:
    if spec.forbid or spec.language == "numpy":
        passed.append(Check("forbidden", True, Text("no forbidden operations", "没有用禁用的运算")))
    names = [c["name"] for c in card.request_header["cases"]]
    if [c.name for c in report.cases] != names:
        raise Malformed("case list does not match the card")
    trees = make_trees(arrays, card.expected, spec.tolerance, spec.language)
    differences: dict[str, Difference] = {}
    for case in report.cases:
        if case.error is None:
            found = _difference(case.out, card.expected_outputs.get(case.name), spec, trees)
            if found:
                differences[case.name] = found
    for case in report.cases:
        label = t("case {n}", "用例 {n}", n=case.name)
        if case.error is not None:
            raise Failed(case.error.check, error_text(case.error, label), case.error.line)
        found = differences.get(case.name)
        if found:
            mistake = _mistake(card, spec, report, arrays, differences)
            if found.check == "values":
                passed.append(Check("shape", True, label))
            raise Failed(found.check, label + t(": ", "：") + found.text + mistakes.named(mistake),
                         mistake=mistake.name if mistake else None)
        passed += [Check("shape", True, label), Check("values", True, label)]
        if spec.grad:
            _check_grads(card, spec, case.name, case.grads, arrays, label)
            passed.append(Check("grad", True, label))
    return None


def _difference(got: Any, want: Any, spec: FunctionSpec, trees: Any) -> Difference | None:
    try:
        return compare_outputs(got, want, spec.outputs, trees, spec.unordered)
    except HOSTILE_TREE as exc:  # a tree only a tampered harness could send
        raise Malformed(f"unreadable return value ({type(exc).__name__})") from None


def _mistake(card: CodeCard, spec: FunctionSpec, report: Report, arrays: dict[str, np.ndarray],
             differences: dict[str, Difference]) -> Mistake | None:
    outputs = {c.name: c.out for c in report.cases if c.error is None}

    def matches(mistake: Mistake, case: str, output: Any) -> bool:
        theirs = make_trees(arrays, mistake.arrays, spec.tolerance, spec.language)
        return _difference(output, mistake.outputs[case], spec, theirs) is None
    return mistakes.find(card, outputs, set(differences), matches)


def _check_grads(card: CodeCard, spec: FunctionSpec, case: str, grads: dict[str, str],
                 arrays: dict[str, np.ndarray], label: Text) -> None:
    prefix = f"{case}.grad."
    for key in sorted(k for k in card.expected if k.startswith(prefix)):
        arg = key.removeprefix(prefix)
        want, have = card.expected[key], arrays.get(grads.get(arg, ""))
        if have is None:
            raise Failed("grad", label + t(
                ": no gradient reaches `{a}` (is the path cut by .detach(), .data or a "
                "non-differentiable op?)", "：梯度没有传到 `{a}`（是不是被 .detach()、.data 或不可导的"
                "运算切断了？）", a=arg))
        if have.shape != want.shape:
            raise Failed("grad", label + t(": the gradient of `{a}` has shape {g}, expected {e}",
                                           "：`{a}` 的梯度形状是 {g}，应为 {e}", a=arg,
                                           g=list(have.shape), e=list(want.shape)))
        mismatch = compare(have, want, spec.tolerance)
        if mismatch is not None:
            raise Failed("grad", label + t(": the gradient of `{a}` differs from the reference: ",
                                           "：`{a}` 的梯度与参考答案不一致：", a=arg)
                         + mismatch_text(mismatch) + t(
                " (is a gradient path cut by .detach() or .data, or does an output that should "
                "carry no gradient, such as updated running statistics, stay attached to the "
                "graph?)", "（是不是梯度路径被 .detach() 或 .data 切断了，或者本不该带梯度的输出"
                "（比如更新后的 running 统计量）还连在计算图上？）"))
