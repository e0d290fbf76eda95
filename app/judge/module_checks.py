"""Module cards on the trusted side: structure, then per case eval output (localised layer by
layer), train mode and gradients. Eval values are judged before a later stage's error, so an
in-place autograd error in backward never hides which layer is wired wrong."""

from __future__ import annotations

from typing import Any

import numpy as np

from app.judge import diagnose, mistakes
from app.judge.compare import compare
from app.judge.errors_text import Failed, Malformed, error_text
from app.judge.messages import Text, t
from app.judge.report import CaseReport, Report
from app.judge.spec import CodeCard, ModuleSpec
from app.judge.values import mismatch_text
from app.judge.verdict import Check


def case_label(spec: ModuleSpec, index: int, entry: str | None = None) -> Text:
    case = spec.cases[index]
    args = ", ".join(f"{k}={v}" for k, v in case.init.items())
    ds = ", downsample=<conv1x1+BN>" if case.downsample else ""
    return t("case {n}: {e}({a}{d}) on input {i}", "用例 {n}：{e}({a}{d})，输入形状 {i}",
             n=case.name, e=entry or spec.entry, a=args, d=ds, i=case.input)


def _hint(spec: ModuleSpec) -> Text:
    if "en" not in spec.hint:
        return Text.same("")
    return Text("\n" + spec.hint["en"], "\n" + spec.hint.get("zh", spec.hint["en"]))


def check(card: CodeCard, spec: ModuleSpec, report: Report, arrays: dict[str, np.ndarray],
          passed: list[Check]) -> str | None:
    if len(report.cases) != len(spec.cases) or any(
            r.name != c.name for r, c in zip(report.cases, spec.cases, strict=False)):
        raise Malformed("case list does not match the card")
    _check_structure(card, spec, report)
    passed.append(Check("structure", True, Text("same layers as the reference",
                                                "与参考实现的层一致")))
    outputs: dict[str, np.ndarray] = {}
    failing: set[str] = set()
    for case in report.cases:
        have = arrays.get(f"{case.name}.eval.out")
        want = card.expected[f"{case.name}.eval.out"]
        if have is not None and have.shape == want.shape:
            outputs[case.name] = have
            if compare(have, want, spec.tolerance):
                failing.add(case.name)
    mistake = mistakes.find(card, outputs, failing, mistakes.module_matcher(card))
    for index, case in enumerate(report.cases):
        _check_case(card, spec, index, case, arrays, passed, mistake, report.entry_used)
    return None


def _check_structure(card: CodeCard, spec: ModuleSpec, report: Report) -> None:
    hint = _hint(spec)
    # A whole network's parameter count says more than a list of a hundred differing layers.
    if spec.param_count is not None:
        index = next((i for i, c in enumerate(spec.cases) if not c.init), 0)
        got_count = report.cases[index].param_count if report.cases else None
        if got_count is not None and got_count != spec.param_count:
            raise Failed("structure", t("{e}() has {g:,} parameters; it should have {w:,}.",
                                        "{e}() 有 {g:,} 个参数，应为 {w:,} 个。",
                                        e=report.entry_used or spec.entry, g=got_count,
                                        w=spec.param_count) + hint)
    for index, case in enumerate(report.cases):
        keys = [c.key for c in case.calls] if case.method is not None else \
            [i.key for i in case.inventory]
        if case.param_count is not None and diagnose.is_basic_block(keys, card.layers[index]):
            detail = diagnose.structure_diff(card.layers[index], keys) or Text.same("")
            raise Failed("structure", t("{e}: ", "{e}：", e=report.entry_used or spec.entry)
                         + diagnose.BASIC_BLOCK + t(".\nIn detail, your module ",
                                                    "。\n具体来说，你的模块") + detail + t(".", "。"))
    for index, case in enumerate(report.cases):
        label = case_label(spec, index, report.entry_used)
        if case.error is not None and case.error.check == "structure":
            raise Failed("structure", label + t(": ", "：") + error_text(case.error))
        if case.param_count is None:
            continue  # constructing failed: the exception check reports it
        traced = case.method is not None
        keys = [c.key for c in case.calls] if traced else [i.key for i in case.inventory]
        problem = diagnose.structure_diff(card.layers[index], keys)
        if problem:
            raise Failed("structure", label + t(": your module ", "：你的模块") + problem
                         + t(".", "。") + hint)
        if traced and case.method == "none":
            raise Failed("structure", label + t(
                ": your layers could not be matched to the reference's by kind and shape.",
                "：你的各层无法按类型和形状与参考实现对应起来。") + hint)
    for name, want in spec.class_attrs.items():
        got = report.class_attrs.get(name)
        if got != want:
            raise Failed("structure", t("{e}.{n} is {g!r}, expected {w!r}", "{e}.{n} 是 {g!r}，应为 {w!r}",
                                        e=report.entry_used or spec.entry, n=name, g=got, w=want)
                         + hint)



def _check_case(card: CodeCard, spec: ModuleSpec, index: int, case: CaseReport,
                arrays: dict[str, np.ndarray], passed: list[Check], mistake: Any,
                entry: str | None) -> None:
    name, tol = case.name, spec.tolerance
    label = case_label(spec, index, entry)
    want = card.expected[f"{name}.eval.out"]
    have = arrays.get(f"{name}.eval.out")
    eval_done = case.stage in ("train", "grad", "done") or (case.error is None and have is not None)
    if case.error is not None and not eval_done:
        raise Failed(case.error.check, error_text(case.error, label, card.layers[index]),
                     case.error.line)
    if have is None:
        raise Failed("shape", label + t(": forward returned no tensor", "：forward 没有返回张量"))
    if have.shape != want.shape:
        raise Failed("shape", label + t(": output shape is {g}, expected {w}",
                                        "：输出形状是 {g}，应为 {w}", g=list(have.shape),
                                        w=list(want.shape)))
    if have.dtype != want.dtype:
        raise Failed("dtype", label + t(": output dtype is {g}, expected {w}",
                                        "：输出 dtype 是 {g}，应为 {w}", g=have.dtype, w=want.dtype))
    passed.append(Check("shape", True, label))
    if compare(have, want, tol) is not None:
        alignment = case.alignment or []
        if len(alignment) != len(card.layers[index]) or any(
                a is not None and not 0 <= a < len(case.calls) for a in alignment):
            raise Malformed("alignment does not fit the calls")
        where = diagnose.localise(name, card.layers[index], [c.model_dump() for c in case.calls],
                                  alignment, card.expected, arrays, card.inputs[f"{name}.x"],
                                  tol, card.output_exprs[index], case.output_expr)
        raise Failed("values", label + t(" (eval mode): ", "（eval 模式）：") + where
                     + mistakes.named(mistake), mistake=mistake.name if mistake else None)
    passed.append(Check("values", True, label + t(", eval mode", "，eval 模式")))
    if case.error is not None:  # a later stage (train mode, backward) raised
        raise Failed(case.error.check, error_text(case.error, label, card.layers[index]),
                     case.error.line)
    if spec.train:
        _compare_keys(card, arrays, f"{name}.train.", "train", label, card.layers[index])
        passed.append(Check("train", True, label + t(", train mode", "，train 模式")))
    if spec.grad:
        _compare_keys(card, arrays, f"{name}.grad.", "grad", label, card.layers[index])
        passed.append(Check("grad", True, label + t(", gradients", "，梯度")))


def _compare_keys(card: CodeCard, arrays: dict[str, np.ndarray], prefix: str, check: str,
                  label: Text, ref: list[dict]) -> None:
    for key in sorted(k for k in card.expected if k.startswith(prefix)):
        want, have = card.expected[key], arrays.get(key)
        what = _name_key(key.removeprefix(prefix), ref)
        if have is None:
            raise Failed(check, label + t(": {w} is missing (detached, or never computed?)",
                                          "：缺少{w}（被 detach 了，还是根本没算？）", w=what))
        if have.shape != want.shape:
            raise Failed(check, label + t(": {w} has shape {g}, expected {e}",
                                          "：{w}的形状是 {g}，应为 {e}", w=what, g=list(have.shape),
                                          e=list(want.shape)))
        mismatch = compare(have, want, card.spec.tolerance)
        if mismatch is not None:
            raise Failed(check, label + t(": {w} differs from the reference: ",
                                          "：{w}与参考答案不一致：", w=what)
                         + mismatch_text(mismatch) + _key_hint(check, key))


def _name_key(key: str, ref: list[dict]) -> Text:
    """'out' -> 'the train-mode output'; '3.running_mean' -> 'bn2.running_mean'; 'x' -> ..."""
    if key == "out":
        return Text("the train-mode output (batch statistics)", "train 模式的输出（用 batch 统计量）")
    if key == "x":
        return Text("the gradient w.r.t. the input", "对输入的梯度")
    head, _, attr = key.partition(".")
    if head.isdigit() and int(head) < len(ref):
        name = f"{ref[int(head)]['name']}.{attr}"
        if "running" in attr:
            return Text.same(name)
        return t("the gradient of {n}", "{n} 的梯度", n=name)
    return t("the gradient w.r.t. {k}", "对 {k} 的梯度", k=key)


def _key_hint(check: str, key: str) -> Text:
    if ".running_" in key:
        return Text(" (BatchNorm momentum should be 0.1 and every BN must run in train mode)",
                    "（BatchNorm 的 momentum 应为 0.1，并且每个 BN 都要在 train 模式下运行）")
    if check == "train":
        return Text(" (in train mode BatchNorm normalises with the batch's statistics)",
                    "（train 模式下 BatchNorm 用当前 batch 的统计量做归一化）")
    return Text(" (is a gradient path cut by .detach(), .data or a non-differentiable op, or an "
                "in-place operation?)", "（是不是梯度路径被 .detach()、.data、不可导的运算或原地操作"
                "切断了？）")
