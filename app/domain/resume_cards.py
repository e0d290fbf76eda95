"""Your resume deck as pure logic: follow-up templates -> per-user project and paper cards.

A resume item (title, summary, role, key numbers) becomes one open card per template of its
kind, with the id `resume-<item id>-<template>`. The cards are built on the fly, never stored;
the bank's own cards stay untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.domain.cards import CardSpec, Prose, Question, QuestionBank, Text
from app.domain.markdown import render_markdown
from app.domain.vocabulary import Kind, Stage

KINDS: tuple[str, ...] = ("project", "paper")
CARD_PREFIX = "resume-"
CARD_ID = re.compile(r"^resume-(\d+)-([a-z0-9-]+)$")
TAG = "my-resume"  # the bank already uses `resume` for generic resume cards
TIME_LIMIT_S = 180  # a spoken follow-up answer: about two minutes, with room to think


@dataclass(frozen=True)
class Template:
    slug: str
    title: Text  # `{title}` is replaced by the item's title
    rubric: tuple[Text, ...]


def _t(en: str, zh: str) -> Text:
    # model_construct: the user's title may be Chinese, which Text refuses in `en`.
    return Text.model_construct(en=en, zh=zh)


_CONCRETE = _t("Names one concrete problem, not a category", "说出一个具体问题，而不是泛泛而谈")
_NUMBERS = _t("Backs the answer with a number (metric, size, latency)",
              "用数字支撑（指标、数据量、延迟）")
_TRADE_OFF = _t("States the trade-off and what was given up", "讲清取舍以及放弃了什么")

_ROLE = _t("Separates your work from the team's", "区分自己和团队的工作")
_METRIC = _t("Names the metric and the baseline", "说出指标和基线")
_SPLIT = _t("Explains the validation split and leakage risks", "说明验证集划分与数据泄漏风险")
_LOSS = _t("Names the loss and what it optimises", "说出损失函数及其优化目标")
_ALTERNATIVE = _t("Compares with one alternative you considered", "与考虑过的另一种方案对比")
_FIRST_TRY = _t("Says what you tried first and why it failed", "说明先尝试了什么、为什么失败")
_VIT_COST = _t("Mentions patch size, resolution and compute", "提到 patch 大小、分辨率与算力")
_VIT_DATA = _t("Mentions data needs and inductive bias", "提到数据需求与归纳偏置")
_BOTTLENECK = _t("Finds the first bottleneck", "找到第一个瓶颈")
_PROBLEM_FIRST = _t("States the problem before the method", "先讲问题，再讲方法")
_WHY = _t("One sentence on why it works", "一句话说明为什么有效")
_ABLATED = _t("Names the removed component and the drop", "说出去掉的模块和性能下降")
_NOT_PROVEN = _t("Says what the ablation does not prove", "说明该消融无法证明什么")
_NEXT_STEP = _t("Proposes a testable next step", "提出可验证的下一步")
_VIT_TITLE = _t(
    "What would you change in {title} with a ViT backbone?",
    "如果 {title} 换成 ViT 骨干网络，你会改什么？",
)
_LOSS_TITLE = _t("Why that loss in {title}?", "{title} 为什么用那个损失函数？")

TEMPLATES: dict[str, tuple[Template, ...]] = {
    "project": (
        Template("hardest", _t(
            "What was the hardest part of {title}?", "{title} 里最难的部分是什么？"
        ), (_CONCRETE, _FIRST_TRY, _NUMBERS)),
        Template("loss", _LOSS_TITLE, (_LOSS, _ALTERNATIVE, _NUMBERS)),
        Template("vit", _VIT_TITLE, (_VIT_COST, _VIT_DATA, _TRADE_OFF)),
        Template("metrics", _t(
            "How did you measure success in {title}?", "{title} 怎么衡量效果？"
        ), (_METRIC, _SPLIT, _NUMBERS)),
        Template("role", _t(
            "What exactly was your part in {title}?", "在 {title} 中你具体负责什么？"
        ), (_ROLE, _CONCRETE, _NUMBERS)),
        Template("scale", _t(
            "How would {title} cope with 10x the data or traffic?",
            "数据量或流量扩大 10 倍，{title} 怎么应对？",
        ), (_BOTTLENECK, _TRADE_OFF, _NUMBERS)),
    ),
    "paper": (
        Template("idea", _t(
            "Explain the core idea of {title} in two minutes.", "用两分钟讲清 {title} 的核心思想。"
        ), (_PROBLEM_FIRST, _WHY, _NUMBERS)),
        Template("loss", _LOSS_TITLE, (_LOSS, _ALTERNATIVE, _TRADE_OFF)),
        Template("ablation", _t(
            "Which ablation in {title} convinced you most?", "{title} 中哪个消融实验最有说服力？"
        ), (_ABLATED, _NUMBERS, _NOT_PROVEN)),
        Template("vit", _VIT_TITLE, (_VIT_COST, _VIT_DATA, _TRADE_OFF)),
        Template("limits", _t(
            "Where does {title} fail, and what would you do next?",
            "{title} 在哪些情况下失效？下一步你会做什么？",
        ), (_CONCRETE, _NEXT_STEP, _TRADE_OFF)),
    ),
}


@dataclass(frozen=True)
class ResumeEntry:
    """The fields of a resume item that its cards show (a hashable copy of the row)."""

    id: int
    kind: str
    title: str
    summary: str
    role: str
    key_numbers: str


def card_id(item_id: int, slug: str) -> str:
    return f"{CARD_PREFIX}{item_id}-{slug}"


def _context(entry: ResumeEntry, lang: str) -> str:
    labels = {
        "en": ("Summary", "Your role", "Key numbers"), "zh": ("简介", "你的角色", "关键数字")
    }[lang]
    rows = zip(labels, (entry.summary, entry.role, entry.key_numbers), strict=True)
    return "\n".join(f"- **{label}**: {_escape(value)}" for label, value in rows if value.strip())


def _escape(text: str) -> str:
    # The user's words are shown as text: neutralise markdown and HTML they may contain.
    return re.sub(r"([\\`*_{}\[\]()#+!<>|~$-])", r"\\\1", " ".join(text.split()))


def _prose(markdown: str) -> Prose:
    return Prose(markdown, render_markdown(markdown))


@lru_cache(maxsize=512)
def build_card(entry: ResumeEntry, slug: str) -> Question:
    """One card of one resume item (cached: items are immutable once saved)."""
    template = next(t for t in TEMPLATES[entry.kind] if t.slug == slug)
    title = _t(template.title.en.format(title=entry.title),
               template.title.zh.format(title=entry.title))
    spec = CardSpec(
        id=card_id(entry.id, slug),
        stage=Stage(entry.kind),
        kind=Kind.OPEN,
        title=title,
        tags=(TAG, entry.kind),
        difficulty="medium",
        order=0,
        time_limit_s=TIME_LIMIT_S,
        target_s=(60, 150),
        rubric=template.rubric,
        sources=("your resume",),
    )
    prompt = {
        lang: _prose(f"{_escape(title.get(lang))}\n\n{_context(entry, lang)}\n")
        for lang in ("en", "zh")
    }
    answer = {
        "en": _prose("This is your own work: there is no reference answer. Tick the rubric "
                     "points you covered, and say the numbers out loud."),
        "zh": _prose("这是你自己的工作，没有参考答案。勾选你讲到的要点，并把数字说出来。"),
    }
    return Question(spec, Path("."), prompt, answer)


def build_cards(entries: Iterable[ResumeEntry]) -> list[Question]:
    return [build_card(entry, t.slug) for entry in entries for t in TEMPLATES[entry.kind]]


def with_resume_cards(bank: QuestionBank, entries: Iterable[ResumeEntry]) -> QuestionBank:
    """The bank plus this user's resume cards, as a new bank (the shared one is not changed)."""
    cards = build_cards(entries)
    if not cards:
        return bank
    return QuestionBank({**bank.by_id, **{q.id: q for q in cards}})
