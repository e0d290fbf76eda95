"""A code card's grader block -> a frozen, validated CodeCard with its reference tensors loaded.

Everything the sandbox needs per submission (request header, input bytes) is built once here, at
card load, so grading only adds the source and sends.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import torch
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from safetensors import safe_open
from safetensors.torch import save as save_tensors

REFERENCE_FILE = "reference.safetensors"
REFERENCE_FORMAT = "mianjing-reference-1"
METADATA_KEY = "mianjing"
Scalar = int | float | bool | str | None


class CardError(ValueError):
    """A card is invalid; the message reads `field: problem`."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tolerance(_Strict):
    """|got - want| <= atol + rtol * |want| elementwise (see checker.compare for NaN/inf)."""

    atol: float = Field(1e-5, ge=0)
    rtol: float = Field(1e-4, ge=0)


class ModuleCase(_Strict):
    name: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    init: dict[str, Scalar] = {}
    input: Annotated[list[int], Field(min_length=1, max_length=6)]
    # pass torchvision's conv1x1+BN projection as `downsample=` when the constructor takes one
    downsample: bool = False


class ModuleSpec(_Strict):
    type: Literal["module"]
    entry: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
    cases: Annotated[list[ModuleCase], Field(min_length=1)]
    tolerance: Tolerance = Tolerance(atol=1e-5, rtol=1e-4)
    timeout_s: float = Field(2.0, gt=0, le=60)
    seed: int = 20160101
    train: bool = True            # compare train-mode output and updated running stats
    grad: bool = True             # compare d(out . dout)/d(input) and /d(each parameter)
    capture: bool = True          # keep every layer's input/output to localise a mismatch
    class_attrs: dict[str, Scalar] = {}   # e.g. {expansion: 4}
    param_count: int | None = None        # total parameters of the default-constructed module
    hint: dict[str, str] = {}             # {en, zh}: added to structure feedback

    @model_validator(mode="after")
    def _cases_are_buildable(self) -> ModuleSpec:
        names = [c.name for c in self.cases]
        if len(set(names)) != len(names):
            raise ValueError("case names must be unique")
        for case in self.cases:
            if case.downsample and not {"inplanes", "planes"} <= set(case.init):
                raise ValueError(f"case {case.name}: downsample needs init.inplanes and planes")
        return self

    def downsample_args(self, case: ModuleCase) -> list[int] | None:
        """[inplanes, planes * expansion, stride] for torchvision's projection shortcut."""
        if not case.downsample:
            return None
        expansion = int(self.class_attrs.get("expansion") or 1)  # type: ignore[arg-type]
        init = case.init
        return [int(init["inplanes"]), int(init["planes"]) * expansion,  # type: ignore[arg-type]
                int(init.get("stride") or 1)]  # type: ignore[arg-type]


class FunctionSpec(_Strict):
    type: Literal["function"]
    entry: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
    forbid: list[Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_.]*\.[A-Za-z_0-9]+$")]] = []
    tolerance: Tolerance = Tolerance(atol=1e-5, rtol=1e-4)
    grad: bool = False
    timeout_s: float = Field(2.0, gt=0, le=60)


GraderSpec = Annotated[ModuleSpec | FunctionSpec, Field(discriminator="type")]


class _GraderBlock(BaseModel):
    grader: GraderSpec


@dataclass(frozen=True)
class CodeCard:
    """A code card ready to grade: spec, expected tensors and the precomputed request parts."""

    id: str
    directory: Path
    spec: ModuleSpec | FunctionSpec
    timeout_s: float
    expected: dict[str, torch.Tensor] = field(repr=False)
    inputs: dict[str, torch.Tensor] = field(repr=False)
    layers: list[list[dict]] = field(repr=False)          # per module case: reference layers
    output_exprs: list[str] = field(repr=False)           # per module case: what forward returns
    request_header: dict[str, Any] = field(repr=False)    # all but the source
    input_bytes: bytes = field(repr=False)

    @property
    def starter(self) -> str:
        return (self.directory / "starter.py").read_text()


def validate_grader(grader: dict) -> ModuleSpec | FunctionSpec:
    try:
        return _GraderBlock.model_validate({"grader": grader}).grader
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CardError(f"{where}: {first['msg']}") from None


def load_code_card(directory: Path, grader: dict) -> CodeCard:
    """Validate the grader block and load reference.safetensors; raise CardError on problems."""
    spec = validate_grader(grader)
    path = directory / REFERENCE_FILE
    if not path.is_file():
        raise CardError(f"{REFERENCE_FILE}: missing (run `mianjing questions build`)")
    try:
        tensors, meta = read_reference(path)
    except Exception as exc:  # a corrupt file must not stop the server with a traceback
        raise CardError(f"{REFERENCE_FILE}: unreadable ({exc})") from None
    if meta.get("format") != REFERENCE_FORMAT:
        raise CardError(f"{REFERENCE_FILE}: format is not {REFERENCE_FORMAT}; rebuild it")
    inputs = {k.removeprefix("input/"): v for k, v in tensors.items() if k.startswith("input/")}
    expected = {k.removeprefix("expected/"): v for k, v in tensors.items()
                if k.startswith("expected/")}
    cases_meta = json.loads(meta.get("cases", "[]"))
    header = request_header(spec, cases_meta, mode="grade")
    layers = [c.get("layers", []) for c in cases_meta]
    if isinstance(spec, ModuleSpec):
        if [c["name"] for c in cases_meta] != [c.name for c in spec.cases]:
            raise CardError(f"{REFERENCE_FILE}: cases differ from question.yaml; rebuild it")
        header["layers"] = layers
    return CodeCard(
        id=directory.name, directory=directory, spec=spec, timeout_s=spec.timeout_s,
        expected=expected, inputs=inputs, layers=layers,
        output_exprs=[c.get("output_expr", "") for c in cases_meta],
        request_header=header, input_bytes=save_tensors(inputs) if inputs else b"",
    )


def read_reference(path: Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """Tensors and metadata ({format, cases}) of a reference.safetensors file."""
    with safe_open(str(path), framework="pt") as handle:
        meta = unpack_metadata(handle.metadata() or {})
        return {k: handle.get_tensor(k) for k in handle.keys()}, meta  # noqa: SIM118


def pack_metadata(meta: dict[str, str]) -> dict[str, str]:
    # One key only: safetensors writes a multi-key metadata map in hash order, which would make
    # rebuilt files differ byte-wise from one process to the next.
    return {METADATA_KEY: json.dumps(meta, sort_keys=True)}


def unpack_metadata(raw: dict[str, str]) -> dict[str, str]:
    return json.loads(raw[METADATA_KEY]) if METADATA_KEY in raw else raw


def request_header(spec: ModuleSpec | FunctionSpec, cases_meta: list[dict], mode: str) -> dict:
    """The request the harness gets, minus `source` (and minus `layers` when building)."""
    if isinstance(spec, ModuleSpec):
        return {
            "v": 1, "type": "module", "mode": mode, "entry": spec.entry, "seed": spec.seed,
            "train": spec.train, "grad": spec.grad, "capture": spec.capture,
            "class_attrs": sorted(spec.class_attrs),
            "cases": [{"name": c.name, "init": c.init, "downsample": spec.downsample_args(c)}
                      for c in spec.cases],
        }
    return {
        "v": 1, "type": "function", "mode": mode, "entry": spec.entry, "grad": spec.grad,
        "forbid": list(spec.forbid),
        "cases": [{"name": c["name"], "args": c["args"]} for c in cases_meta],
    }
