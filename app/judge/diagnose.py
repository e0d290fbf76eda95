"""Turn a module mismatch into a sentence a person can act on: which layer, which input, what is
missing, and the seed interview's own slip (a BasicBlock where ResNet-50's unit is asked).

Inputs are the reference's layer records (trusted, from reference.safetensors) and the child's
reports (untrusted, already type-checked by the checker). Every text is a bilingual Text.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from app.judge.compare import compare, same
from app.judge.messages import Text, kind_word, ordinal, t
from app.judge.spec import Tolerance
from app.judge.values import mismatch_text

BASIC_BLOCK = t(
    "this is a BasicBlock (two 3x3 convs), the unit of ResNet-18/34. ResNet-50 uses "
    "the Bottleneck: a 1x1 conv that reduces to `planes` channels, a 3x3 conv (with the stride), "
    "and a 1x1 conv that expands to `planes * 4` (expansion = 4), each followed by BatchNorm, "
    "then the shortcut is added and a final ReLU applied",
    "这是 BasicBlock（两个 3x3 卷积），是 ResNet-18/34 的基本单元。ResNet-50 用的是 "
    "Bottleneck：先用 1x1 卷积降到 `planes` 个通道，再接 3x3 卷积（stride 放在这里），最后用 1x1 "
    "卷积升到 `planes * 4` 个通道（expansion = 4），每个卷积后接 BatchNorm，然后加上 shortcut，"
    "最后再 ReLU")


def layer_labels(layers: list[dict]) -> list[Text]:
    """'the second conv (conv2)' for each reference layer, counted in forward order."""
    seen: Counter[str] = Counter()
    labels = []
    for layer in layers:
        word = kind_word(layer["kind"])
        labels.append(t("the {n} {w} ({name})", "{n}{w}（{name}）", n=ordinal(seen[word.en]),
                        w=word, name=layer["name"]))
        seen[word.en] += 1
    return labels


def your_label(layers: list[dict], index: int, mine: str) -> Text:
    kind = layers[index]["kind"]
    nth = sum(1 for layer in layers[:index] if layer["kind"] == kind)
    return t("your {n} {w} ({mine})", "你的{n}{w}（{mine}）", n=ordinal(nth), w=kind_word(kind),
             mine=mine)


def describe_expr(expr: str) -> Text:
    """Render a dataflow expression ('relu(bn1)', 'x') in words."""
    if expr == "x":
        return Text("the block input x", "块的输入 x")
    match = re.fullmatch(r"relu\(([\w.]+)\)", expr)
    if match:
        return t("the ReLU of {m}'s output (`{e}`)", "{m} 输出经过 ReLU 的结果（`{e}`）",
                 m=match.group(1), e=expr)
    if re.fullmatch(r"[\w.]+", expr):
        return t("the output of {e}", "{e} 的输出", e=expr)
    return Text.same(f"`{expr}`")


def describe_key(key: str) -> Text:
    """'Conv2d(weight[16, 8, 1, 1])' -> 'a 1x1 conv 8->16'."""
    shapes = {name: [int(n) for n in dims.split(",") if n.strip()]
              for name, dims in re.findall(r"(\w+)\[([\d, ]*)\]", key)}
    kind = key.split("(", 1)[0]
    weight = shapes.get("weight", [])
    if kind == "Conv2d" and len(weight) == 4:
        bias = t(" with a bias", "（带 bias）") if "bias" in shapes else Text.same("")
        return t("a {k}x{l} conv {i}->{o}", "一个 {k}x{l} 卷积 {i}->{o}", k=weight[2], l=weight[3],
                 i=weight[1], o=weight[0]) + bias
    if kind.startswith("BatchNorm") and weight:
        return t("a {k}({c})", "一个 {k}({c})", k=kind, c=weight[0])
    if kind == "Linear" and len(weight) == 2:
        return t("a Linear({i}->{o})", "一个 Linear({i}->{o})", i=weight[1], o=weight[0])
    return Text.same(key)


def _conv_size(key: str) -> str | None:
    match = re.search(r"weight\[\d+, \d+, (\d+), (\d+)\]", key)
    return f"{match.group(1)}x{match.group(2)}" if key.startswith("Conv2d") and match else None


def is_basic_block(user_keys: list[str], ref_layers: list[dict]) -> bool:
    """The user's block has two 3x3 convs and no 1x1 ones beyond a possible shortcut, where the
    reference is a Bottleneck (1x1 -> 3x3 -> 1x1)."""
    ref_sizes = [_conv_size(layer["key"]) for layer in ref_layers]
    mine = [_conv_size(k) for k in user_keys]
    if ref_sizes.count("3x3") != 1 or ref_sizes.count("1x1") < 2:
        return False
    return mine.count("3x3") == 2 and mine.count("1x1") <= 1 and not any(
        s not in (None, "3x3", "1x1") for s in mine)


def structure_diff(ref_layers: list[dict], user_keys: list[str]) -> Text | None:
    """What the reference has that the submission lacks, and vice versa; None when they agree."""
    want, got = Counter(layer["key"] for layer in ref_layers), Counter(user_keys)
    missing, extra = want - got, got - want
    if not missing and not extra:
        return None
    parts = []
    if missing:
        names = {key: [layer["name"] for layer in ref_layers if layer["key"] == key]
                 for key in missing}
        parts.append(t("is missing ", "缺少") + _listing(missing, names))
    if extra:
        parts.append(t("has extra layers: ", "多出了这些层：") + _listing(extra, {}))
    convs = [_conv_size(k) or "?" for k in (layer["key"] for layer in ref_layers)
             if k.startswith("Conv2d")]
    mine = [_conv_size(k) or "?" for k in user_keys if k.startswith("Conv2d")]
    norms = sum(1 for layer in ref_layers if "Norm" in layer["kind"])
    return Text.join(parts, t(", and ", "，并且")) + t(
        ". The reference uses {n} convs ({c}) and {b} BatchNorms; yours uses {m} convs ({d}) and "
        "{u} BatchNorms",
        "。参考实现有 {n} 个卷积（{c}）和 {b} 个 BatchNorm；你的实现有 {m} 个卷积（{d}）和 "
        "{u} 个 BatchNorm",
        n=len(convs), c=", ".join(convs), b=norms, m=len(mine), d=", ".join(mine) or "-",
        u=sum(1 for k in user_keys if "Norm" in k))


def _listing(counter: Counter[str], names: dict[str, list[str]]) -> Text:
    items = []
    for key, count in sorted(counter.items()):
        where = names.get(key, [])
        item = describe_key(key) + (f" x{count}" if count > 1 else "")
        if where and len(where) <= 3:
            item += t(" (reference: {n})", "（参考实现中的 {n}）", n=", ".join(where))
        items.append(item)
    if len(items) > 6:
        items = items[:6] + [t("and {n} more", "等另外 {n} 个", n=len(items) - 6)]
    return Text.join(items, Text(", ", "、"))


def identify(array: np.ndarray, candidates: list[tuple[Text, np.ndarray]],
             tol: Tolerance) -> Text | None:
    """The label of the first reference array `array` equals, if any."""
    for label, candidate in candidates:
        if same(array, candidate, tol):
            return label
    return None


def candidates_for(case: str, ref_layers: list[dict], expected: dict, block_input: np.ndarray,
                   labels: list[Text]) -> list[tuple[Text, np.ndarray]]:
    """Reference arrays a wrongly wired input/output might be: x, layer outputs, their ReLUs."""
    found = [(Text("the block input x", "块的输入 x"), block_input)]
    for i, label in enumerate(labels):
        out = expected.get(f"{case}.eval.out.{i}")
        if out is not None:
            found.append((t("the output of {l}", "{l}的输出", l=label), out))
            found.append((t("the ReLU of {l}'s output", "{l}的输出经过 ReLU", l=label),
                          np.maximum(out, 0)))
    for i, layer in enumerate(ref_layers):
        inp = expected.get(f"{case}.eval.in.{i}")
        if inp is not None:
            found.append((describe_expr(layer["expr"]), inp))
    return found


def localise(case: str, ref_layers: list[dict], calls: list[dict], alignment: list[int | None],
             expected: dict, got: dict, block_input: np.ndarray, tol: Tolerance,
             output_expr: str, user_output_expr: str) -> Text:
    """Name the first layer (in the reference's order) whose input or output diverges."""
    labels = layer_labels(ref_layers)
    candidates = candidates_for(case, ref_layers, expected, block_input, labels)
    for i, layer in enumerate(ref_layers):
        index = alignment[i]
        who = your_label(ref_layers, i, calls[index]["name"] if index is not None else "?")
        for part in ("in", "out"):
            want = expected.get(f"{case}.eval.{part}.{i}")
            have = got.get(f"{case}.eval.{part}.{i}")
            if want is None:
                continue
            if have is None:
                return t("{who} was not called in eval mode", "{who}在 eval 模式下没有被调用", who=who)
            if have.shape != want.shape:
                hint = t(" (check stride/padding)", "（检查 stride/padding）") if part == "out" \
                    else Text.same("")
                what = Text("input", "输入") if part == "in" else Text("output", "输出")
                return t("{who}'s {p} has shape {g}, expected {e}", "{who}的{p}形状是 {g}，应为 {e}",
                         who=who, p=what, g=list(have.shape), e=list(want.shape)) + hint
            mismatch = compare(have, want, tol)
            if mismatch is None:
                continue
            if part == "in":
                source = identify(have, candidates, tol)
                took = t("takes {w}", "接收的是{w}", w=source) if source else \
                    Text("takes a different tensor", "接收的是另一个张量")
                return t("{who} {took}, but it should take {e} (", "{who}{took}，但应该接收{e}（",
                         who=who, took=took, e=describe_expr(layer["expr"])) \
                    + mismatch_text(mismatch) + t(")", "）")
            return t("{who} gets the right input but its output differs: check its stride, "
                     "padding, eps or momentum (", "{who}的输入正确但输出不一致：检查它的 stride、"
                     "padding、eps 或 momentum（", who=who) + mismatch_text(mismatch) + t(")", "）")
    return _output_differs(case, ref_layers, expected, got, candidates, tol, output_expr,
                           user_output_expr)


def _output_differs(case: str, ref_layers: list[dict], expected: dict, got: dict,
                    candidates: list[tuple[Text, np.ndarray]], tol: Tolerance, output_expr: str,
                    user_output_expr: str) -> Text:
    have, want = got.get(f"{case}.eval.out"), expected.get(f"{case}.eval.out")
    mismatch = compare(have, want, tol) if have is not None and want is not None and \
        have.shape == want.shape else None
    how = t(": ", "：") + mismatch_text(mismatch) if mismatch else Text.same("")
    if not any(f"{case}.eval.out.{i}" in expected for i in range(len(ref_layers))):
        return t("the output differs from the reference", "输出与参考答案不一致") + how + t(
            "; your layers have the right shapes, so check the order of operations (ReLUs, "
            "pooling, the residual additions) and each conv's stride and padding",
            "；你的各层形状都对，请检查运算顺序（ReLU、池化、残差相加）以及每个卷积的 stride 和 padding")
    detail = Text.same("")
    if have is not None and want is not None and have.shape == want.shape:
        what = identify(have, candidates, tol)
        if what:
            detail += t(": you return {w}", "：你返回的是{w}", w=what)
        if float(np.min(want)) >= 0 > float(np.min(have)):
            detail += t("; your output has negative values, but the reference ends with a ReLU",
                        "；你的输出有负数，但参考实现最后是 ReLU")
    yours = t(", yours returns `{u}`", "，你的返回 `{u}`", u=user_output_expr) \
        if user_output_expr and user_output_expr != output_expr else Text.same("")
    return t("every layer matches the reference, but the output differs", "每一层都与参考实现一致，"
             "但输出不同") + detail + how + t(
        ". The reference returns `{r}`{y}: check the residual addition and the final ReLU",
        "。参考实现返回 `{r}`{y}：检查残差相加和最后的 ReLU", r=output_expr, y=yours)
