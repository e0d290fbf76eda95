"""A code card's grader block -> a frozen, validated CodeCard with its reference arrays loaded.

Everything the sandbox needs per submission (request header, input bytes) is built once here,
at card load, so grading only adds the source and sends. numpy only: the server never needs
torch to grade.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from safetensors import safe_open
from safetensors.numpy import save as save_arrays

from app.judge.harness import wire
from app.judge.messages import Text

REFERENCE_FILE = "reference.safetensors"
REFERENCE_FORMAT = "mianjing-reference-2"
METADATA_KEY = "mianjing"
Scalar = int | float | bool | str | None
Language = Literal["torch", "numpy", "python"]


class CardError(ValueError):
    """A card is invalid; the message reads `field: problem`."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tolerance(_Strict):
    """|got - want| <= atol + rtol * |want| elementwise (see compare.py for NaN/inf)."""

    atol: float = Field(1e-5, ge=0)
    rtol: float = Field(1e-4, ge=0)


@dataclass(frozen=True)
class Signature:
    """A card's declared interface, e.g. `kmeans(x, init, iters)`."""

    name: str
    params: tuple[str, ...]          # positional, in order
    defaults: dict[str, Any]         # literal defaults of trailing positional params
    keyword_only: tuple[str, ...]    # after `*`: passed by name

    @property
    def required(self) -> int:
        return sum(1 for p in self.params if p not in self.defaults)


def parse_signature(text: str) -> Signature:
    """`name(a, b=1, *, c)` -> Signature; CardError when it is not a plain call signature."""
    try:
        tree = ast.parse(f"def {text.strip()}: pass")
        fn = tree.body[0]
        assert isinstance(fn, ast.FunctionDef)
        args = fn.args
        positional = [a.arg for a in args.posonlyargs + args.args if a.arg != "self"]
        default_nodes = args.defaults[len(args.defaults) - len(positional):] if positional else []
        defaults = {name: ast.literal_eval(node) for name, node in
                    zip(positional[len(positional) - len(default_nodes):], default_nodes,
                        strict=True)}
    except (SyntaxError, AssertionError, ValueError, IndexError) as exc:
        raise CardError(f"signature: not a plain signature with literal defaults: {exc}") from None
    if args.vararg or args.kwarg:
        raise CardError("signature: *args and **kwargs cannot be graded by position")
    return Signature(fn.name, tuple(positional), defaults,
                     tuple(a.arg for a in args.kwonlyargs))


class ModuleCase(_Strict):
    name: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    init: dict[str, Scalar] = {}
    input: Annotated[list[int], Field(min_length=1, max_length=6)]
    # pass torchvision's conv1x1+BN projection as the `downsample` argument when there is one
    downsample: bool = False


class ModuleSpec(_Strict):
    type: Literal["module"]
    entry: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
    signature: str | None = None  # constructor order, e.g. "Bottleneck(inplanes, planes, stride=1)"
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
    any_name: bool = False  # the prompt names no class: grade the one defined, say nothing of it
    expansion: int | None = None  # output channels = planes * expansion (else class_attrs')

    @model_validator(mode="after")
    def _cases_are_buildable(self) -> ModuleSpec:
        names = [c.name for c in self.cases]
        if len(set(names)) != len(names):
            raise ValueError("case names must be unique")
        for case in self.cases:
            if case.downsample and not {"inplanes", "planes"} <= set(case.init):
                raise ValueError(f"case {case.name}: downsample needs init.inplanes and planes")
        if self.signature is not None:
            params = parse_signature(self.signature).params
            for case in self.cases:
                unknown = set(case.init) - set(params)
                if unknown:
                    raise ValueError(f"case {case.name}: {sorted(unknown)} not in the signature")
        return self

    def init_args(self, case: ModuleCase) -> list[Scalar]:
        """The case's constructor arguments by position (the signature's order when given)."""
        if self.signature is None:
            return list(case.init.values())
        sig = parse_signature(self.signature)
        args: list[Scalar] = []
        for name in sig.params:
            if name in case.init:
                args.append(case.init[name])
            elif name in sig.defaults and any(later in case.init for later in
                                              sig.params[sig.params.index(name) + 1:]):
                args.append(sig.defaults[name])
            else:
                break
        return args

    def downsample_args(self, case: ModuleCase) -> list[int] | None:
        """[inplanes, planes * expansion, stride] for torchvision's projection shortcut."""
        if not case.downsample:
            return None
        expansion = self.expansion or int(self.class_attrs.get("expansion") or 1)  # type: ignore[arg-type]
        init = case.init
        return [int(init["inplanes"]), int(init["planes"]) * expansion,  # type: ignore[arg-type]
                int(init.get("stride") or 1)]  # type: ignore[arg-type]


class FunctionSpec(_Strict):
    type: Literal["function"]
    entry: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
    signature: str
    outputs: list[Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]] | None = None
    language: Language = "torch"
    unordered: bool = False
    # aten operator names (fnmatch patterns) enforced at the dispatcher, or dotted names of
    # library functions that are pure Python over common operators
    forbid: list[Annotated[str, Field(pattern=r"^([a-z_][a-z0-9_]*\*?|[A-Za-z_][\w.]*\.\w+)$")]] = []
    tolerance: Tolerance = Tolerance(atol=1e-5, rtol=1e-4)
    grad: bool = False
    timeout_s: float = Field(2.0, gt=0, le=60)

    @model_validator(mode="after")
    def _signature_names_the_entry(self) -> FunctionSpec:
        if parse_signature(self.signature).name != self.entry:
            raise ValueError(f"signature names {parse_signature(self.signature).name}, "
                             f"not the entry {self.entry}")
        if self.language != "torch" and self.grad:
            raise ValueError("grad checks need language: torch")
        return self


GraderSpec = Annotated[ModuleSpec | FunctionSpec, Field(discriminator="type")]


class _GraderBlock(BaseModel):
    grader: GraderSpec


@dataclass(frozen=True)
class Mistake:
    """A known-wrong answer of the card: what it stands for, and what it outputs per case."""

    name: str
    text: Text
    outputs: dict[str, Any]      # case -> its output tree (function) or None (module)
    arrays: dict[str, np.ndarray] = field(repr=False)  # "<case>.<key>" -> array


@dataclass(frozen=True)
class CodeCard:
    """A code card ready to grade: spec, expected arrays and the precomputed request parts."""

    id: str
    directory: Path
    spec: ModuleSpec | FunctionSpec
    timeout_s: float
    expected: dict[str, np.ndarray] = field(repr=False)
    expected_outputs: dict[str, Any] = field(repr=False)  # function cards: case -> output tree
    inputs: dict[str, np.ndarray] = field(repr=False)
    layers: list[list[dict]] = field(repr=False)          # per module case: reference layers
    output_exprs: list[str] = field(repr=False)           # per module case: what forward returns
    request_header: dict[str, Any] = field(repr=False)    # all but the source
    input_bytes: bytes = field(repr=False)
    mistakes: tuple[Mistake, ...] = ()

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
    except CardError as exc:
        raise CardError(f"grader.{exc}") from None


def read_header(source: str) -> dict[str, list[str]]:
    """A known answer's `# key: value` header lines, up to the first line of code."""
    fields: dict[str, list[str]] = {}
    for line in source.splitlines():
        match = re.match(r"#\s*([a-z-]+):\s*(.*?)\s*$", line)
        if not match:
            if line.strip() and not line.startswith("#"):
                break
            continue
        fields.setdefault(match.group(1), []).append(match.group(2))
    return fields


def load_code_card(directory: Path, grader: dict) -> CodeCard:
    """Validate the grader block and load reference.safetensors; raise CardError on problems."""
    spec = validate_grader(grader)
    path = directory / REFERENCE_FILE
    if not path.is_file():
        raise CardError(f"{REFERENCE_FILE}: missing (run `mianjing questions build`)")
    try:
        arrays, meta = read_reference(path)
    except Exception as exc:  # a corrupt file must not stop the server with a traceback
        raise CardError(f"{REFERENCE_FILE}: unreadable ({exc})") from None
    if meta.get("format") != REFERENCE_FORMAT:
        raise CardError(f"{REFERENCE_FILE}: format is not {REFERENCE_FORMAT}; rebuild it")
    inputs = _prefixed(arrays, "input/")
    cases_meta = json.loads(meta.get("cases", "[]"))
    if [c["name"] for c in cases_meta] != _case_names(spec, cases_meta):
        raise CardError(f"{REFERENCE_FILE}: cases differ from question.yaml; rebuild it")
    header = request_header(spec, cases_meta, mode="grade")
    layers = [c.get("layers", []) for c in cases_meta]
    if isinstance(spec, ModuleSpec):
        header["layers"] = layers
    return CodeCard(
        id=directory.name, directory=directory, spec=spec, timeout_s=spec.timeout_s,
        expected=_prefixed(arrays, "expected/"),
        expected_outputs=json.loads(meta.get("outputs", "{}")),
        inputs=inputs, layers=layers,
        output_exprs=[c.get("output_expr", "") for c in cases_meta],
        request_header=header, input_bytes=save_arrays(inputs) if inputs else b"",
        mistakes=_mistakes(directory, arrays, json.loads(meta.get("mistakes", "{}"))),
    )


def _case_names(spec: ModuleSpec | FunctionSpec, cases_meta: list[dict]) -> list[str]:
    if isinstance(spec, ModuleSpec):
        return [c.name for c in spec.cases]
    return [c["name"] for c in cases_meta]  # function cases come from cases.py, stored at build


def _prefixed(arrays: dict[str, np.ndarray], prefix: str) -> dict[str, np.ndarray]:
    return {k.removeprefix(prefix): v for k, v in arrays.items() if k.startswith(prefix)}


def _mistakes(directory: Path, arrays: dict[str, np.ndarray],
              stored: dict[str, dict[str, Any]]) -> tuple[Mistake, ...]:
    """wrong/*.py's descriptions (read now, editable) with their outputs (stored at build)."""
    found = []
    for path in sorted((directory / "wrong").glob("*.py")):
        header = read_header(path.read_text())
        if path.stem not in stored or "mistake" not in header:
            continue
        text = Text(header["mistake"][0], (header.get("mistake-zh") or header["mistake"])[0])
        found.append(Mistake(path.stem, text, stored[path.stem],
                             _prefixed(arrays, f"mistake/{path.stem}/")))
    return tuple(found)


def read_reference(path: Path) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """Arrays and metadata ({format, cases, outputs, mistakes}) of a reference.safetensors."""
    with safe_open(str(path), framework="numpy") as handle:
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
            "v": wire.FORMAT_VERSION, "type": "module", "mode": mode, "entry": spec.entry,
            "language": "torch", "seed": spec.seed, "train": spec.train, "grad": spec.grad,
            "capture": spec.capture, "class_attrs": sorted(spec.class_attrs),
            "cases": [{"name": c.name, "init": spec.init_args(c),
                       "downsample": spec.downsample_args(c)} for c in spec.cases],
        }
    sig = parse_signature(spec.signature)
    return {
        "v": wire.FORMAT_VERSION, "type": "function", "mode": mode, "entry": spec.entry,
        "language": spec.language, "params": list(sig.params), "defaults": sig.defaults,
        "keyword_only": list(sig.keyword_only), "required": sig.required, "grad": spec.grad,
        "forbid": list(spec.forbid),
        "cases": [{"name": c["name"], "args": c["args"]} for c in cases_meta],
    }


def make_request(card: CodeCard, source: str) -> bytes:
    """The bytes the harness receives: precomputed header and inputs, plus the source."""
    return wire.encode_with_body({**card.request_header, "source": source}, card.input_bytes)
