"""The user's file inside the sandbox: compile and run it, find its entry, catch what it raises.

Errors carry a `code` and `params` that the trusted side turns into words in the user's
language; `message` is an English fallback and Python's own exception text.
"""

from __future__ import annotations

import builtins
import contextlib
import inspect
import linecache
import math
import traceback
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

FILENAME = "<submission>"
MAX_TRACEBACK_CHARS = 2000
TYPING_NAMES = ("Any", "Callable", "List", "Optional", "Tuple", "Type", "Union", "Dict", "Sequence")


class SubmissionError(Exception):
    """The submission failed at some check; carries what the checker needs to say why."""

    def __init__(self, check: str, code: str, message: str, line: int | None = None,
                 trace: str = "", layer: dict | None = None, **params: Any):
        super().__init__(message)
        self.info = {"check": check, "code": code, "params": params, "message": message,
                     "line": line, "traceback": trace[-MAX_TRACEBACK_CHARS:], "layer": layer}


class ForbiddenCall(Exception):
    """Raised inside the user's code when it runs an operator the card forbids."""

    def __init__(self, op: str, what: str) -> None:
        super().__init__(f"{what} is not allowed in this question (it runs aten::{op})")
        self.op, self.what = op, what


def prelude(language: str) -> dict[str, Any]:
    """Names a submission may use without importing (torchvision's code uses Tensor, Optional)."""
    names: dict[str, Any] = {"math": math, **{n: getattr(typing, n) for n in TYPING_NAMES}}
    if language == "torch":
        import torch
        import torch.nn.functional as F  # noqa: N812
        from torch import nn

        names |= {"torch": torch, "nn": nn, "F": F, "Tensor": torch.Tensor}
    elif language == "numpy":
        import numpy as np

        names |= {"np": np, "numpy": np}
    return names


def _guarded_import(blocked: tuple[str, ...]) -> Callable[..., Any]:
    real_import = builtins.__import__

    def guarded(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (),
                level: int = 0) -> Any:
        if level == 0 and name.split(".")[0] in blocked:
            raise SubmissionError("forbidden", "import_blocked",
                                  f"`import {name}` is not allowed in this question", module=name)
        return real_import(name, globals, locals, fromlist, level)
    return guarded


def exec_submission(source: str, language: str) -> dict[str, Any]:
    """Compile and run the user's file as module `submission`."""
    try:
        code = compile(source, FILENAME, "exec", dont_inherit=True)
    except SyntaxError as exc:
        raise SubmissionError("syntax", "syntax", f"{type(exc).__name__}: {exc.msg}", exc.lineno,
                              kind=type(exc).__name__, msg=exc.msg) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise SubmissionError("syntax", "cannot_compile", f"cannot compile: {exc}",
                              error=str(exc)[:300]) from None
    # Lets tracebacks quote the submitted lines without reading any file.
    linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
    own_builtins: Any = builtins
    if language == "numpy":  # the card's rule, checked again at the dispatcher (forbid.py)
        own_builtins = {**vars(builtins), "__import__": _guarded_import(("torch",))}
    namespace: dict[str, Any] = {"__name__": "submission", "__builtins__": own_builtins,
                                 **prelude(language)}
    with user_code("import"):
        exec(code, namespace)
    return namespace


@contextlib.contextmanager
def user_code(stage: str, layer_of: Callable[[], dict | None] | None = None) -> Iterator[None]:
    """Turn anything the user's code raises (even SystemExit) into a SubmissionError."""
    try:
        yield
    except SubmissionError:
        raise
    except ForbiddenCall as exc:
        line, trace = _user_frame(exc)
        raise SubmissionError("forbidden", "forbidden_op", str(exc), line, trace, op=exc.op,
                              what=exc.what) from None
    except BaseException as exc:  # noqa: BLE001  (sys.exit, KeyboardInterrupt-like tricks too)
        line, trace = _user_frame(exc)
        layer = layer_of() if layer_of is not None else None
        if isinstance(exc, SystemExit):
            raise SubmissionError("exception", "sys_exit",
                                  f"your code called sys.exit({exc.code!r}) while {stage}",
                                  line, trace, layer, exit_code=repr(exc.code)[:100],
                                  stage=stage) from None
        check = "memory" if _out_of_memory(exc) else "exception"
        raise SubmissionError(check, "raised", f"{type(exc).__name__}: {_first_line(exc)}", line,
                              trace, layer, kind=type(exc).__name__, text=_first_line(exc),
                              stage=stage) from None


def _out_of_memory(exc: BaseException) -> bool:
    """RLIMIT_DATA makes torch raise instead of dying: still a memory verdict, not a bug."""
    text = str(exc)
    return isinstance(exc, MemoryError) or any(
        marker in text for marker in ("can't allocate memory", "Cannot allocate memory",
                                      "std::bad_alloc"))


def _first_line(exc: BaseException) -> str:
    try:
        text = str(exc).strip().splitlines()
    except Exception:  # noqa: BLE001  (a hostile __str__)
        return type(exc).__name__
    return text[0][:500] if text else ""


def _user_frame(exc: BaseException) -> tuple[int | None, str]:
    """The last line of the submission in the traceback, and the traceback cut to its frames."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == FILENAME]
    line = frames[-1].lineno if frames else None
    lines = [f'  line {f.lineno}, in {f.name}\n    {(f.line or "").strip()}' for f in frames]
    lines.append(f"{type(exc).__name__}: {_first_line(exc)}")
    return line, "\n".join(lines)


# ---- finding the entry ------------------------------------------------------------------------

def defined_here(namespace: dict[str, Any]) -> dict[str, Any]:
    """Functions and classes the submission itself defined (not imported ones)."""
    found = {}
    for name, value in namespace.items():
        if name.startswith("__"):
            continue
        code = getattr(value, "__code__", None)
        own_function = isinstance(value, types.FunctionType) and code is not None \
            and code.co_filename == FILENAME
        own_class = isinstance(value, type) and getattr(value, "__module__", None) == "submission"
        if own_function or own_class:
            found[name] = value
    return found


def _plain_name(name: str) -> str:
    return name.replace("_", "").lower()


def _described(name: str, value: Any) -> str:
    """`corr2d(X, K)`: a definition and its parameters, for an entry that could not be found."""
    try:
        return f"{name}{inspect.signature(value)}"[:120]
    except (TypeError, ValueError):
        return name


def _names_used(value: Any) -> set[str]:
    """Global names a function or a class's methods refer to (to tell helpers from the top)."""
    codes = []
    if isinstance(value, types.FunctionType):
        codes.append(value.__code__)
    elif isinstance(value, type):
        codes += [m.__code__ for m in vars(value).values() if isinstance(m, types.FunctionType)]
    names: set[str] = set()
    while codes:
        code = codes.pop()
        names |= set(code.co_names)
        codes += [c for c in code.co_consts if isinstance(c, types.CodeType)]
    return names


def find_entry(namespace: dict[str, Any], entry: str,
               accepts: Callable[[str, Any], bool]) -> tuple[Any, str]:
    """The card's entry, or the one top-level definition that fits: (object, the name used).

    A top-level definition is one no other candidate refers to: a block's helpers (conv3x3,
    box_area) are called by it, so the block is what the user meant to hand in.
    """
    if entry in namespace:
        return namespace[entry], entry
    defined = defined_here(namespace)
    spelled = [n for n in defined if _plain_name(n) == _plain_name(entry) and callable(defined[n])]
    if len(spelled) == 1:  # torchvision's resnet50() where the card says ResNet50
        return defined[spelled[0]], spelled[0]
    candidates = {n: v for n, v in defined.items() if accepts(n, v)}
    public = {n: v for n, v in candidates.items() if not n.startswith("_")} or candidates
    used = set().union(*(_names_used(v) for v in public.values())) if public else set()
    top = [n for n in public if n not in used]
    if len(top) == 1:
        return public[top[0]], top[0]
    if not public:
        raise SubmissionError("entry", "entry_missing", f"`{entry}` is not defined", entry=entry,
                              defined=[_described(n, v) for n, v in defined.items()][:8])
    raise SubmissionError("entry", "entry_ambiguous",
                          f"`{entry}` is not defined and several definitions could be it: "
                          f"{', '.join(sorted(top or public))}", entry=entry,
                          candidates=sorted(top or public)[:8])


def positional_params(target: Any) -> list[inspect.Parameter] | None:
    """The parameters a call can fill by position (self excluded); None if not inspectable."""
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return None
    return [p for p in signature.parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


def takes_var_positional(target: Any) -> bool:
    try:
        return any(p.kind is p.VAR_POSITIONAL for p in inspect.signature(target).parameters.values())
    except (TypeError, ValueError):
        return False
