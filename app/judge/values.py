"""Compare what a function returned (a value tree from the harness) with the reference's.

Trees are the harness's encoding (app/judge/harness/values.py): tensors and arrays by key into
the decoded arrays, Python data inline. Rules: a torch card's tensors must be tensors of the same
shape and dtype; a numpy card's arrays may come back as arrays or nested lists, float widths are
not checked, integer vs float vs bool is; Python numbers compare by value (floats within the
tolerance, NaN equal to NaN), strings and None exactly; tuples and lists are the same; an
`unordered` card compares its top-level list as a multiset.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from app.judge.compare import Mismatch, compare
from app.judge.messages import Text, t
from app.judge.spec import Tolerance

SHOWN_ELEMENTS = 16  # small outputs are shown in full: expected vs got
RETURN = Text("return", "返回")
RETURN_VALUE = Text("the return value", "返回值")


@dataclass(frozen=True)
class Difference:
    check: str   # shape | dtype | values
    text: Text
    where: Text  # the output's name and index path


class _Trees:
    def __init__(self, got_arrays: dict[str, np.ndarray], want_arrays: dict[str, np.ndarray],
                 tol: Tolerance, language: str) -> None:
        self.got_arrays, self.want_arrays = got_arrays, want_arrays
        self.tol, self.language = tol, language

    def array(self, node: dict, side: str) -> np.ndarray | None:
        arrays = self.got_arrays if side == "got" else self.want_arrays
        for kind in ("t", "a"):
            if kind in node:
                value = arrays.get(node[kind])
                return value if isinstance(value, np.ndarray) else None
        return None


def describe(node: Any, arrays: dict[str, np.ndarray]) -> str:
    """A short rendering of a value: small arrays and lists in full, big ones by shape."""
    if not isinstance(node, dict):
        return "?"
    if "t" in node or "a" in node:
        array = arrays.get(str(node.get("t") or node.get("a")))
        if not isinstance(array, np.ndarray):
            return "?"
        kind = "tensor" if "t" in node else "array"
        if array.size <= SHOWN_ELEMENTS:
            body = np.array2string(array, precision=4, separator=", ", threshold=SHOWN_ELEMENTS)
            return f"{kind}({body.replace(chr(10), '')}, dtype={node.get('dtype')})"
        return f"{kind} of shape {list(array.shape)}, dtype {node.get('dtype')}"
    if "list" in node:
        items = node["list"]
        if len(items) <= SHOWN_ELEMENTS:
            text = "[" + ", ".join(describe(i, arrays) for i in items) + "]"
            return text if len(text) <= 400 else f"a list of {len(items)} items"
        return f"a list of {len(items)} items"
    if "dict" in node:
        return "{" + ", ".join(f"{k!r}: {describe(v, arrays)}" for k, v in node["dict"][:8]) + "}"
    for key in ("b", "i", "f", "n", "s"):
        if key in node:
            return repr(node[key])[:200]
    if "none" in node:
        return "None"
    return f"a {node.get('other', '?')}"


def _number(node: dict) -> float | int | bool | None:
    for key in ("b", "i", "f", "n"):
        if key in node and isinstance(node[key], bool | int | float):
            return node[key]  # type: ignore[no-any-return]
    return None


def _kind_of_number(value: Any) -> str:
    return "bool" if isinstance(value, bool) else "number"


def mismatch_text(mismatch: Mismatch) -> Text:
    where = ",".join(str(i) for i in mismatch.first_index)
    text = t("{bad} of {total} values differ (max abs error {abs:.3g}, max rel error {rel:.3g}; "
             "first at [{where}])",
             "{total} 个值中有 {bad} 个不一致（最大绝对误差 {abs:.3g}，最大相对误差 {rel:.3g}；"
             "第一个在 [{where}]）", bad=mismatch.bad, total=mismatch.total, abs=mismatch.max_abs,
             rel=mismatch.max_rel, where=where)
    if mismatch.nan_where_number:
        text += t("; {n} of yours are NaN where the reference has a number",
                  "；你的结果里有 {n} 个 NaN，参考答案在这些位置是数值", n=mismatch.nan_where_number)
    if mismatch.number_where_nan:
        text += t("; {n} of yours are numbers where the reference has NaN",
                  "；参考答案在 {n} 个位置是 NaN，你的结果却是数值", n=mismatch.number_where_nan)
    if mismatch.inf_mismatch:
        text += t("; {n} infinities differ", "；有 {n} 个无穷大不一致", n=mismatch.inf_mismatch)
    return text


def _shown(got: Any, want: Any, trees: _Trees) -> Text:
    g, w = describe(got, trees.got_arrays), describe(want, trees.want_arrays)
    if len(g) + len(w) > 700:
        return Text("", "")
    return t("\nexpected: {w}\ngot:      {g}", "\n期望：{w}\n实际：{g}", w=w, g=g)


def compare_tree(got: Any, want: Any, where: Text, trees: _Trees,
                 unordered: bool = False) -> Difference | None:
    """The first way `got` differs from `want`, None when they match."""
    if not isinstance(got, dict) or not isinstance(want, dict):
        return Difference("shape", t("{w} is malformed", "{w} 格式不对", w=where), where)
    if "t" in want or "a" in want:
        return _compare_array(got, want, where, trees)
    if "list" in want:
        return _compare_list(got, want, where, trees, unordered)
    if "dict" in want:
        if "dict" not in got:
            return _type_difference(got, want, where, trees)
        got_items, want_items = dict(got["dict"]), dict(want["dict"])
        if set(got_items) != set(want_items):
            return Difference("shape", t("{w} has keys {g}, expected {e}", "{w} 的键是 {g}，应为 {e}",
                                         w=where, g=sorted(got_items), e=sorted(want_items)), where)
        for key in sorted(want_items):
            found = compare_tree(got_items[key], want_items[key], where + f"[{key!r}]", trees)
            if found:
                return found
        return None
    want_number = _number(want)
    if want_number is not None:
        got_number = _number(got)
        if got_number is None and ("t" in got or "a" in got):
            array = trees.array(got, "got")
            if array is not None and array.size == 1:
                got_number = array.reshape(()).item()
        if got_number is None or _kind_of_number(got_number) != _kind_of_number(want_number):
            return _type_difference(got, want, where, trees)
        if not _numbers_close(got_number, want_number, trees.tol):
            return Difference("values", t("{w} is {g!r}, expected {e!r}", "{w} 是 {g!r}，应为 {e!r}",
                                          w=where, g=got_number, e=want_number), where)
        return None
    if "s" in want or "none" in want:
        if got != want:
            return _type_difference(got, want, where, trees)
        return None
    return Difference("values", t("{w}: the reference value cannot be compared",
                                  "{w}：参考值无法比较", w=where), where)


def _numbers_close(got: float | int | bool, want: float | int | bool, tol: Tolerance) -> bool:
    if isinstance(want, bool) or isinstance(got, bool):
        return got == want
    g, w = float(got), float(want)
    if math.isnan(w) or math.isnan(g):
        return math.isnan(w) and math.isnan(g)
    if math.isinf(w) or math.isinf(g):
        return g == w
    return abs(g - w) <= tol.atol + tol.rtol * abs(w)


def _type_difference(got: dict, want: dict, where: Text, trees: _Trees) -> Difference:
    return Difference("shape", t("{w} is {g}, expected {e}", "{w} 是 {g}，应为 {e}", w=where,
                                 g=describe(got, trees.got_arrays),
                                 e=describe(want, trees.want_arrays)), where)


def _list_as_array(got: dict, trees: _Trees) -> np.ndarray | None:
    """A numpy card's nested list of numbers, as an array (None if it is not one)."""
    def plain(node: Any) -> Any:
        if not isinstance(node, dict):
            raise ValueError
        if "list" in node:
            return [plain(item) for item in node["list"]]
        number = _number(node)
        if number is None:
            raise ValueError
        return number
    try:
        array = np.array(plain(got))
    except (ValueError, OverflowError):
        return None
    return array if array.dtype.kind in "biuf" else None


def _compare_array(got: dict, want: dict, where: Text, trees: _Trees) -> Difference | None:
    expected = trees.array(want, "want")
    if expected is None:
        return Difference("values", t("{w}: the reference array is missing", "{w}：缺少参考数组",
                                      w=where), where)
    torch_card = "t" in want
    if torch_card:
        if "t" not in got:
            return Difference("shape", t("{w} is {g}, expected a Tensor", "{w} 是 {g}，应为 Tensor",
                                         w=where, g=describe(got, trees.got_arrays)), where)
        actual = trees.array(got, "got")
    elif "a" in got or "t" in got:
        actual = trees.array(got, "got")
    elif "list" in got or _number(got) is not None:
        actual = _list_as_array(got, trees)
        if actual is not None and _number(got) is not None:
            actual = np.asarray(actual)
    else:
        actual = None
    if actual is None:
        return _type_difference(got, want, where, trees)
    if actual.shape != expected.shape:
        return Difference("shape", t("{w} has shape {g}, expected {e}", "{w} 的形状是 {g}，应为 {e}",
                                     w=where, g=list(actual.shape), e=list(expected.shape))
                          + _shown(got, want, trees), where)
    got_dtype, want_dtype = str(got.get("dtype", actual.dtype)), str(want.get("dtype"))
    if torch_card and got_dtype != want_dtype:
        return Difference("dtype", t("{w} has dtype {g}, expected {e}", "{w} 的 dtype 是 {g}，应为 {e}",
                                     w=where, g=got_dtype, e=want_dtype), where)
    if not torch_card and _kind(actual.dtype) != _kind(expected.dtype):
        return Difference("dtype", t("{w} holds {g} values, expected {e}",
                                     "{w} 的元素是 {g}，应为 {e}", w=where, g=_kind(actual.dtype),
                                     e=_kind(expected.dtype)), where)
    mismatch = compare(actual, expected, trees.tol)
    if mismatch is None:
        return None
    return Difference("values", t("{w} differs from the reference: ", "{w} 与参考答案不一致：", w=where)
                      + mismatch_text(mismatch) + _shown(got, want, trees), where)


def _kind(dtype: np.dtype) -> Text:
    if dtype.kind == "b":
        return Text("boolean", "布尔")
    if dtype.kind in "iu":
        return Text("integer", "整数")
    return Text("floating-point", "浮点")


def _canonical(node: Any, arrays: dict[str, np.ndarray]) -> str:
    return describe(node, arrays)


def _compare_list(got: dict, want: dict, where: Text, trees: _Trees,
                  unordered: bool) -> Difference | None:
    if "list" not in got:
        if "a" in got and trees.language == "numpy":  # an array where a list was asked: fine
            array = trees.array(got, "got")
            if array is not None:
                got = {"list": [{"n": v} for v in array.tolist()]} if array.ndim == 1 else got
        if "list" not in got:
            return _type_difference(got, want, where, trees)
    got_items, want_items = got["list"], want["list"]
    if len(got_items) != len(want_items):
        # A LeetCode answer with a triplet too many is a wrong value; a tensor list, a wrong shape.
        check = "values" if trees.language == "python" else "shape"
        return Difference(check, t("{w} has {g} items, expected {e}", "{w} 有 {g} 项，应为 {e} 项",
                                     w=where, g=len(got_items), e=len(want_items))
                          + _shown(got, want, trees), where)
    if unordered:
        got_items = sorted(got_items, key=lambda n: _canonical(n, trees.got_arrays))
        want_items = sorted(want_items, key=lambda n: _canonical(n, trees.want_arrays))
    for index, (g, w) in enumerate(zip(got_items, want_items, strict=True)):
        found = compare_tree(g, w, where + f"[{index}]", trees)
        if found:
            if len(want_items) <= SHOWN_ELEMENTS and "list" not in w:
                found = Difference(found.check, found.text + _shown(got, want, trees), found.where)
            return found
    return None


def compare_outputs(got: Any, want: Any, names: list[str] | None, trees: _Trees,
                    unordered: bool) -> Difference | None:
    """Compare a case's return value; several named outputs are compared one by one."""
    if names and len(names) > 1:
        if not isinstance(got, dict) or "list" not in got:
            return Difference("shape", t("returned {g}, expected a tuple ({n})",
                                         "返回了 {g}，应返回一个元组（{n}）",
                                         g=describe(got, trees.got_arrays), n=", ".join(names)),
                              RETURN)
        if len(got["list"]) != len(want["list"]):
            return Difference("shape", t("returned {g} values, expected {e} ({n})",
                                         "返回了 {g} 个值，应为 {e} 个（{n}）", g=len(got["list"]),
                                         e=len(want["list"]), n=", ".join(names)), RETURN)
        for name, g, w in zip(names, got["list"], want["list"], strict=False):
            found = compare_tree(g, w, Text.same(f"`{name}`"), trees)
            if found:
                return found
        return None
    label = Text.same(f"`{names[0]}`") if names else RETURN_VALUE
    return compare_tree(got, want, label, trees, unordered)


def make_trees(got_arrays: dict[str, np.ndarray], want_arrays: dict[str, np.ndarray],
               tol: Tolerance, language: str) -> _Trees:
    return _Trees(got_arrays, want_arrays, tol, language)


def trees_match(a: Any, b: Any, tol: Tolerance) -> bool:
    """Whether two JSON documents are equal, floats within the tolerance (stored metadata)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(trees_match(a[k], b[k], tol) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(trees_match(x, y, tol) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, int | float) and isinstance(b, int | float) and \
            _numbers_close(a, b, tol)
    return bool(a == b)
