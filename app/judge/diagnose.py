"""Turn a mismatch into a sentence a person can act on: which layer, which input, what is missing.

All inputs are the reference's layer records (trusted, from reference.safetensors) and the
child's reports (untrusted, already type-checked by the checker).
"""

from __future__ import annotations

import re
from collections import Counter

import torch

from app.judge.compare import compare, same
from app.judge.spec import Tolerance

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth")
KIND_WORDS = {"Conv2d": "conv", "BatchNorm2d": "BatchNorm", "Linear": "linear layer"}


def ordinal(n: int) -> str:
    return ORDINALS[n] if n < len(ORDINALS) else f"#{n + 1}"


def layer_labels(layers: list[dict]) -> list[str]:
    """'the second conv (conv2)' for each reference layer, counted in forward order."""
    seen: Counter[str] = Counter()
    labels = []
    for layer in layers:
        word = KIND_WORDS.get(layer["kind"], layer["kind"])
        labels.append(f"the {ordinal(seen[word])} {word} ({layer['name']})")
        seen[word] += 1
    return labels


def describe_expr(expr: str) -> str:
    """Render a dataflow expression ('relu(bn1)', 'x') in words."""
    if expr == "x":
        return "the block input x"
    match = re.fullmatch(r"relu\(([\w.]+)\)", expr)
    if match:
        return f"the ReLU of {match.group(1)}'s output (`{expr}`)"
    if re.fullmatch(r"[\w.]+", expr):
        return f"the output of {expr}"
    return f"`{expr}`"


def describe_key(key: str) -> str:
    """'Conv2d(weight[16, 8, 1, 1])' -> 'a 1x1 conv 8->16'."""
    shapes = {name: [int(n) for n in dims.split(",") if n.strip()]
              for name, dims in re.findall(r"(\w+)\[([\d, ]*)\]", key)}
    kind = key.split("(", 1)[0]
    weight = shapes.get("weight", [])
    bias = " with a bias" if "bias" in shapes and kind == "Conv2d" else ""
    if kind == "Conv2d" and len(weight) == 4:
        return f"a {weight[2]}x{weight[3]} conv {weight[1]}->{weight[0]}{bias}"
    if kind.startswith("BatchNorm") and weight:
        return f"a {kind}({weight[0]})"
    if kind == "Linear" and len(weight) == 2:
        return f"a Linear({weight[1]}->{weight[0]})"
    return f"a {key}"


def structure_diff(ref_layers: list[dict], user_keys: list[str]) -> str | None:
    """What the reference has that the submission lacks, and vice versa; None when they agree."""
    want, got = Counter(layer["key"] for layer in ref_layers), Counter(user_keys)
    missing, extra = want - got, got - want
    if not missing and not extra:
        return None
    parts = []
    if missing:
        names = {key: [layer["name"] for layer in ref_layers if layer["key"] == key]
                 for key in missing}
        parts.append("missing " + _listing(missing, names))
    if extra:
        parts.append("has extra layers: " + _listing(extra, {}))
    convs = [describe_key(k).split(" conv")[0].removeprefix("a ")
             for k in (layer["key"] for layer in ref_layers) if k.startswith("Conv2d")]
    mine = [describe_key(k).split(" conv")[0].removeprefix("a ")
            for k in user_keys if k.startswith("Conv2d")]
    norms = sum(1 for layer in ref_layers if "Norm" in layer["kind"])
    return (f"{', and '.join(parts)}. The reference uses {len(convs)} convs "
            f"({', '.join(convs)}) and {norms} BatchNorms; yours uses "
            f"{len(mine)} convs ({', '.join(mine) or 'none'}) and "
            f"{sum(1 for k in user_keys if 'Norm' in k)} BatchNorms")


def _listing(counter: Counter[str], names: dict[str, list[str]]) -> str:
    items = []
    for key, count in sorted(counter.items()):
        where = names.get(key, [])
        note = f" (reference: {', '.join(where[:3])})" if where and len(where) <= 3 else ""
        items.append(describe_key(key) + (f" x{count}" if count > 1 else "") + note)
    if len(items) > 6:
        items = items[:6] + [f"and {len(items) - 6} more"]
    return ", ".join(items)


def identify(tensor: torch.Tensor, candidates: list[tuple[str, torch.Tensor]],
             tol: Tolerance) -> str | None:
    """The label of the first reference tensor `tensor` equals, if any."""
    for label, candidate in candidates:
        if same(tensor, candidate, tol):
            return label
    return None


def candidates_for(case: str, ref_layers: list[dict], expected: dict, block_input: torch.Tensor,
                   labels: list[str]) -> list[tuple[str, torch.Tensor]]:
    """Reference tensors a wrongly wired input/output might be: x, layer outputs, their ReLUs."""
    found = [("the block input x", block_input)]
    for i, label in enumerate(labels):
        out = expected.get(f"{case}.eval.out.{i}")
        if out is not None:
            found.append((f"the output of {label}", out))
            found.append((f"relu of {label}'s output", torch.relu(out)))
    for i, layer in enumerate(ref_layers):
        inp = expected.get(f"{case}.eval.in.{i}")
        if inp is not None:
            found.append((describe_expr(layer["expr"]), inp))
    return found


def localise(case: str, ref_layers: list[dict], calls: list[dict], alignment: list[int | None],
             expected: dict, got: dict, block_input: torch.Tensor, tol: Tolerance,
             output_expr: str) -> str:
    """Name the first layer (in the reference's order) whose input or output diverges."""
    labels = layer_labels(ref_layers)
    candidates = candidates_for(case, ref_layers, expected, block_input, labels)
    for i, layer in enumerate(ref_layers):
        index = alignment[i]
        mine = calls[index]["name"] if index is not None else "?"
        who = f"{labels[i].split(' (')[0]} ({mine})".replace("the ", "your ", 1)
        for part in ("in", "out"):
            want = expected.get(f"{case}.eval.{part}.{i}")
            have = got.get(f"{case}.eval.{part}.{i}")
            if want is None:
                continue
            if have is None:
                return f"{who} was not called in eval mode"
            if have.shape != want.shape:
                hint = " (check stride/padding)" if part == "out" else ""
                return (f"{who}'s {part}put has shape {list(have.shape)}, expected "
                        f"{list(want.shape)}{hint}")
            mismatch = compare(have, want, tol)
            if mismatch is None:
                continue
            if part == "in":
                what = identify(have, candidates, tol)
                took = f"takes {what}" if what else "takes a different tensor"
                return (f"{who} {took}, but it should take {describe_expr(layer['expr'])} "
                        f"({mismatch.summary()})")
            return (f"{who} gets the right input but its output differs: check its "
                    f"stride, padding, eps or momentum ({mismatch.summary()})")
    have, want = got.get(f"{case}.eval.out"), expected.get(f"{case}.eval.out")
    if not any(f"{case}.eval.out.{i}" in expected for i in range(len(ref_layers))):
        summary = compare(have, want, tol) if have is not None and want is not None else None
        how = f": {summary.summary()}" if summary else ""
        return (f"the output differs from the reference{how}; your layers have the right shapes, "
                "so check the order of operations (ReLUs, pooling, the residual additions) "
                "and each conv's stride and padding")
    detail = ""
    if have is not None and want is not None and have.shape == want.shape:
        what = identify(have, candidates, tol)
        mismatch = compare(have, want, tol)
        detail = (f": you return {what}" if what else "") + (
            f" ({mismatch.summary()})" if mismatch else "")
        if float(want.min()) >= 0 > float(have.min()):
            detail += "; your output has negative values, but the reference ends with a ReLU"
    return (f"every layer matches the reference, but the output differs{detail}; the reference "
            f"returns `{output_expr}` (check the residual addition and the final ReLU)")
