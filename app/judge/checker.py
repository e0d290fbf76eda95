"""The verdict, decided in the trusted process from the child's raw bytes only.

Nothing the child says about passing counts: its JSON is validated (report.py), its arrays are
decoded with every size checked first (harness/wire.py) and compared here (compare.py,
values.py). A malformed or inconsistent result is the user's `error` verdict; a checker that
breaks is our fault (GraderFault), never a verdict.
"""

from __future__ import annotations

import logging

from pydantic import ValidationError

from app.judge import function_checks, module_checks
from app.judge.errors_text import Failed, Malformed, error_text
from app.judge.faults import GraderFault
from app.judge.harness import wire
from app.judge.messages import Text, t
from app.judge.report import Report
from app.judge.spec import CodeCard, FunctionSpec
from app.judge.verdict import Check, RunOutcome, Status, Verdict

log = logging.getLogger(__name__)
STDOUT_SHOWN = 4000  # characters of captured output shown with a verdict
PASSED = Text("all checks passed", "全部检查通过")


def judge(card: CodeCard, run: RunOutcome) -> Verdict:
    """The Verdict for one run of a submission."""
    stdout, ms = run.stdout[:STDOUT_SHOWN], run.duration_ms
    if run.outcome == "fault":
        raise GraderFault(run.detail)
    if run.outcome != "ok":
        status, name, text = _abnormal(card, run)
        return Verdict(status, [Check(name, False, text)], text, stdout, ms)
    try:
        header, arrays = wire.decode(run.payload)
        report = Report.model_validate(header)
    except (wire.WireError, ValidationError) as exc:
        reason = str(exc).splitlines()[0][:200]
        text = t("the grader could not read the result of your run (it was malformed: {r}); code "
                 "that writes to the grader's channel or ends the process early is not graded",
                 "评测器无法读取这次运行的结果（格式不对：{r}）；向评测通道写数据或提前结束进程的代码"
                 "不会被评分", r=reason)
        return Verdict("error", [Check("result", False, text)], text, stdout, ms)
    passed: list[Check] = []
    notes = _entry_note(card, report)
    try:
        if report.fatal:
            raise _fatal(report, passed)
        passed += [Check("syntax", True), Check("entry", True, notes)]
        if isinstance(card.spec, FunctionSpec):
            mistake = function_checks.check(card, card.spec, report, arrays, passed)
        else:
            mistake = module_checks.check(card, card.spec, report, arrays, passed)
    except Failed as failure:
        feedback = failure.check.detail + (Text("\n\n", "\n\n") + notes if notes.en else notes)
        return Verdict("failed", [*passed, failure.check], feedback, stdout, ms, failure.line,
                       failure.mistake)
    except Malformed as exc:
        text = t("the grader could not read the result of your run ({r}); code that writes to "
                 "the grader's channel or patches the harness is not graded",
                 "评测器无法读取这次运行的结果（{r}）；向评测通道写数据或篡改评测程序的代码不会被评分",
                 r=str(exc))
        return Verdict("error", [*passed, Check("result", False, text)], text, stdout, ms)
    except Exception as exc:  # the checker itself broke: our fault, logged loudly, never a verdict
        log.exception("checker failed on card %s", card.id)
        raise GraderFault(f"the checker failed on card {card.id}: {type(exc).__name__}") from exc
    feedback = PASSED + (Text("\n\n", "\n\n") + notes if notes.en else notes)
    return Verdict("passed", passed, feedback, stdout, ms, mistake=mistake)


def _entry_note(card: CodeCard, report: Report) -> Text:
    used = report.entry_used
    if not used or used == card.spec.entry or getattr(card.spec, "any_name", False):
        return Text.same("")
    return t("Graded your `{u}`: the question asks for `{e}`, which your code does not define.",
             "评测的是你的 `{u}`：题目要求的是 `{e}`，你的代码里没有定义它。", u=used,
             e=card.spec.entry)


def _fatal(report: Report, passed: list[Check]) -> Failed:
    error = report.fatal
    assert error is not None
    if error.check != "syntax":
        passed.append(Check("syntax", True))
    if error.check not in ("syntax", "entry"):
        passed.append(Check("entry", True))
    return Failed(error.check, error_text(error), error.line)


def _abnormal(card: CodeCard, run: RunOutcome) -> tuple[Status, str, Text]:
    if run.outcome == "timeout":
        return "timeout", "timeout", t(
            "your code did not finish within {s:g} s (an endless loop, or far too much work?)",
            "你的代码没有在 {s:g} 秒内结束（死循环，或者计算量太大？）", s=card.timeout_s)
    if run.outcome == "memory":
        return "failed", "memory", Text("your code ran out of memory (the limit is about 1 GB)",
                                        "你的代码超出了内存限制（约 1 GB）")
    if run.outcome == "output_limit":
        return "error", "result", Text("your run produced more output than the grader accepts",
                                       "这次运行产生的输出超过了评测器能接受的上限")
    return "error", "result", t(
        "the process running your code ended before reporting a result ({d}): calling "
        "sys.exit/os._exit or crashing the interpreter ends the run without a grade",
        "运行你代码的进程在回传结果前就结束了（{d}）：调用 sys.exit/os._exit 或让解释器崩溃都会"
        "导致这次运行没有成绩", d=run.detail or "crashed")
