"""Every word the grader says, in English and Chinese: a Text is both, formatted together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Text:
    en: str
    zh: str

    def __add__(self, other: Text | str) -> Text:
        if isinstance(other, str):
            return Text(self.en + other, self.zh + other)
        return Text(self.en + other.en, self.zh + other.zh)

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @classmethod
    def same(cls, text: str) -> Text:
        """Words that read the same in both (code, numbers, Python's own error text)."""
        return cls(text, text)

    @staticmethod
    def join(parts: list[Text], sep: Text | str = "") -> Text:
        sep_text = sep if isinstance(sep, Text) else Text.same(sep)
        en = sep_text.en.join(p.en for p in parts)
        zh = sep_text.zh.join(p.zh for p in parts)
        return Text(en, zh)


def t(en: str, zh: str, **params: Any) -> Text:
    """Both languages, formatted with the same params (a Text param picks its own language)."""
    return Text(en.format(**{k: _pick(v, "en") for k, v in params.items()}),
                zh.format(**{k: _pick(v, "zh") for k, v in params.items()}))


def _pick(value: Any, lang: str) -> Any:
    return value.get(lang) if isinstance(value, Text) else value


EMPTY = Text("", "")

CHECK_LABELS: dict[str, Text] = {
    "syntax": Text("Syntax", "语法"),
    "entry": Text("Entry point", "入口"),
    "forbidden": Text("Allowed operations only", "未使用禁用的运算"),
    "exception": Text("Runs without an exception", "运行无异常"),
    "structure": Text("Structure", "结构"),
    "shape": Text("Output shape", "输出形状"),
    "dtype": Text("Output dtype", "输出类型"),
    "values": Text("Values", "数值"),
    "train": Text("Train mode", "训练模式"),
    "grad": Text("Gradients", "梯度"),
    "timeout": Text("Time limit", "时间限制"),
    "memory": Text("Memory limit", "内存限制"),
    "result": Text("Result received", "结果回传"),
}

ORDINALS_EN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
               "ninth", "tenth")
ORDINALS_ZH = ("第一个", "第二个", "第三个", "第四个", "第五个", "第六个", "第七个", "第八个",
               "第九个", "第十个")
KIND_WORDS: dict[str, Text] = {
    "Conv2d": Text("conv", "卷积"),
    "BatchNorm2d": Text("BatchNorm", "BatchNorm"),
    "Linear": Text("linear layer", "全连接层"),
    "LayerNorm": Text("LayerNorm", "LayerNorm"),
}


def ordinal(n: int) -> Text:
    if n < len(ORDINALS_EN):
        return Text(ORDINALS_EN[n], ORDINALS_ZH[n])
    return Text(f"#{n + 1}", f"第 {n + 1} 个")


def kind_word(kind: str) -> Text:
    return KIND_WORDS.get(kind, Text.same(kind))
