"""Validate what the child reported (untrusted JSON) before the checker reads a single field."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Text = Annotated[str, Field(max_length=20_000)]
Name = Annotated[str, Field(max_length=500)]
Shape = Annotated[list[Annotated[int, Field(ge=0)]], Field(max_length=8)]
CHECK_NAMES = ("syntax", "entry", "forbidden", "exception", "structure", "shape", "dtype",
               "memory")
Scalar = int | float | bool | str | None


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class CallReport(_Loose):
    name: Name
    kind: Name
    key: Name
    expr: Text = "?"
    input_shape: Shape = []
    done: bool = False
    nth: int = 0


class InventoryItem(_Loose):
    name: Name
    kind: Name
    key: Name


class ErrorReport(_Loose):
    check: Literal[CHECK_NAMES]  # type: ignore[valid-type]
    code: Name = "raised"
    params: dict[Name, Scalar | list[Scalar]] = {}
    message: Text
    line: Annotated[int, Field(ge=0)] | None = None
    traceback: Text = ""
    layer: CallReport | None = None


class CaseReport(_Loose):
    name: Name
    error: ErrorReport | None = None
    stage: Literal["eval", "train", "grad", "done"] | None = None  # module cards: how far it got
    inventory: Annotated[list[InventoryItem], Field(max_length=10_000)] = []
    calls: Annotated[list[CallReport], Field(max_length=10_000)] = []
    method: Literal["dataflow", "order", "none"] | None = None
    alignment: Annotated[list[int | None], Field(max_length=10_000)] | None = None
    param_count: Annotated[int, Field(ge=0)] | None = None
    output_expr: Text = ""
    out: Any = None               # function cards: the returned value's tree (values.py)
    grads: dict[Name, Name] = {}  # function cards: argument -> gradient array key


class Report(_Loose):
    v: Literal[2]
    fatal: ErrorReport | None = None
    entry_used: Name | None = None
    cases: Annotated[list[CaseReport], Field(max_length=100)] = []
    class_attrs: dict[Name, Scalar] = {}
