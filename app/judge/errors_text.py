"""What the harness reported going wrong, in words: each error code in English and Chinese."""

from __future__ import annotations

from app.judge.diagnose import describe_expr
from app.judge.messages import Text, kind_word, ordinal, t
from app.judge.report import ErrorReport
from app.judge.verdict import Check


class Malformed(Exception):
    """The child's report validates but contradicts the card: forged or broken by user code."""


class Failed(Exception):
    """A check failed: carries the Check, the line it refers to, and a matched known mistake."""

    def __init__(self, name: str, detail: Text, line: int | None = None,
                 mistake: str | None = None):
        super().__init__(detail.en)
        self.check, self.line, self.mistake = Check(name, False, detail), line, mistake


STAGES = {  # the harness's `user_code(stage)` words, by their first word
    "import": Text("while running your file", "运行你的文件时"),
    "calling": Text("while calling {x}", "调用 {x} 时"),
    "reading": Text("while reading what {x} returned", "读取 {x} 的返回值时"),
    "constructing": Text("while constructing {x}", "构造 {x} 时"),
    "running": Text("while running {x}", "运行{x}时"),
}
RUNNING = {
    "forward": Text("forward", "前向传播"),
    "forward in eval mode": Text("forward in eval mode", "eval 模式的前向传播"),
    "forward in train mode": Text("forward in train mode", "train 模式的前向传播"),
    "backward": Text("backward", "反向传播"),
    "a first forward to set up lazy layers": Text("a first forward to set up lazy layers",
                                                  "用于初始化 Lazy 层的第一次前向传播"),
}


def stage_text(stage: str) -> Text:
    head, _, rest = stage.partition(" ")
    template = STAGES.get(head)
    if template is None:
        return Text.same(stage)
    if head == "running":
        what = RUNNING.get(rest, Text.same(rest))
        return Text(template.en.format(x=what.en), template.zh.format(x=what.zh))
    subject = rest.split(" ")[-1] if head == "reading" else rest
    return Text(template.en.format(x=f"`{subject}`"), template.zh.format(x=f"`{subject}`"))


def _line(error: ErrorReport) -> Text:
    return t(" (line {n})", "（第 {n} 行）", n=error.line) if error.line else Text.same("")


def error_text(error: ErrorReport, case_label: Text | None = None,
               ref_layers: list[dict] | None = None) -> Text:
    """The error in words, with its line, the layer it came from and the user's traceback."""
    p = error.params
    code = error.code
    if code == "syntax":
        text = t("{k}: {m}", "{k}（语法错误）：{m}", k=p.get("kind", "SyntaxError"),
                 m=p.get("msg", error.message))
    elif code == "cannot_compile":
        text = t("your code cannot be compiled: {e}", "你的代码无法编译：{e}", e=p.get("error", ""))
    elif code == "entry_missing":
        text = t("`{e}` is not defined, and no definition in your code could be it",
                 "没有定义 `{e}`，代码里也找不到可以当作它的定义", e=p.get("entry", "?"))
        defined = [str(d) for d in p.get("defined") or []]  # type: ignore[union-attr]
        if defined:
            text += t(" (your code defines {d}: it must take the question's arguments, in the "
                      "question's order)", "（你的代码定义了 {d}：它必须按题目的顺序接收题目给的参数）",
                      d=", ".join(f"`{d}`" for d in defined))
    elif code == "entry_ambiguous":
        text = t("`{e}` is not defined, and several of your definitions could be it ({c}): name "
                 "the one to grade `{e}`", "没有定义 `{e}`，而你的代码里有好几个定义都可能是它（{c}）："
                 "请把要评测的那个命名为 `{e}`", e=p.get("entry", "?"),
                 c=", ".join(str(c) for c in p.get("candidates") or []))  # type: ignore[union-attr]
    elif code == "not_a_function":
        text = t("`{n}` must be a function", "`{n}` 必须是一个函数", n=p.get("name", "?"))
    elif code in ("not_a_module", "not_a_module_instance"):
        text = t("`{n}` must be an nn.Module class (or return an nn.Module)",
                 "`{n}` 必须是一个 nn.Module 类（或返回 nn.Module）", n=p.get("name", "?"))
    elif code == "sys_exit":
        text = t("your code called sys.exit({c}) {s}", "你的代码{s}调用了 sys.exit({c})",
                 c=p.get("exit_code", ""), s=stage_text(str(p.get("stage", ""))))
    elif code == "forbidden_op":
        what = str(p.get("what", ""))
        if what == "torch":
            text = Text("this is a numpy question: your code runs torch operations; write it "
                        "with numpy", "这是一道 numpy 题：你的代码用了 torch 的运算，请用 numpy 实现")
        else:
            text = t("your code runs `{w}`, which this question forbids (every spelling of it: "
                     "the functional form, the module, `torch.ops.aten`...)",
                     "你的代码用到了 `{w}`，这道题禁止使用它（任何写法都算：函数式、模块、"
                     "`torch.ops.aten` 等）", w=what)
    elif code == "import_blocked":
        text = t("`import {m}` is not allowed in this question: write it with numpy",
                 "这道题不允许 `import {m}`：请用 numpy 实现", m=p.get("module", "?"))
    elif code == "forbid_tampered":
        text = Text("your code switched off the grader's operator check",
                    "你的代码关闭了评测器的运算检查")
    elif code == "shared_layer":
        text = Text("one layer module is used in two places; each conv/BatchNorm needs its own "
                    "weights", "同一个层模块被用在了两个地方；每个卷积/BatchNorm 都需要自己的权重")
    elif code == "not_a_tensor":
        text = t("forward returned a {g}, expected a Tensor", "forward 返回的是 {g}，应为 Tensor",
                 g=p.get("got", "?"))
    elif code == "too_big":
        text = Text("the returned value is too large or too deeply nested to check",
                    "返回值太大或嵌套太深，无法检查")
    elif error.check == "memory":
        text = t("your code ran out of memory {s}: {m}", "你的代码{s}超出了内存限制：{m}",
                 s=stage_text(str(p.get("stage", ""))), m=error.message)
    else:  # "raised": Python's own words, which read the same in both languages
        text = t("{m}{n} {s}", "{s}出错：{m}{n}", m=error.message, n=_line(error),
                 s=stage_text(str(p.get("stage", ""))))
    if code not in ("raised",):
        text = text + _line(error)
    if case_label is not None:
        text = case_label + t(": ", "：") + text
    text += _layer_text(error, ref_layers or [])
    if error.traceback and error.check in ("exception", "forbidden", "memory"):
        text += "\n" + error.traceback
    return text


def _layer_text(error: ErrorReport, ref_layers: list[dict]) -> Text:
    layer = error.layer
    if layer is None:
        return Text.same("")
    word = kind_word(layer.kind)
    text = t("\nIt was raised in your {n} {w} ({name}), whose input is {e} with shape {s}.",
             "\n出错的是你的{n}{w}（{name}），它的输入是{e}，形状为 {s}。", n=ordinal(layer.nth),
             w=word, name=layer.name, e=describe_expr(layer.expr), s=layer.input_shape)
    same_kind = [r for r in ref_layers if r["kind"] == layer.kind]
    if layer.nth < len(same_kind) and same_kind[layer.nth]["expr"] != layer.expr:
        ref = same_kind[layer.nth]
        text += t(" In the reference, the {n} {w} takes {e}.", " 参考实现中，{n}{w}接收的是{e}。",
                  n=ordinal(layer.nth), w=word, e=describe_expr(ref["expr"]))
    return text
