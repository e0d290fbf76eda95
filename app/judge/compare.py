"""Elementwise comparison in the trusted process, with numpy on decoded bytes (no torch).

Tolerance: an element matches when |got - want| <= atol + rtol * |want| (numpy's isclose rule),
computed in float64. NaN: a NaN matches only where the reference has a NaN at the same position
(and nowhere else). Infinity: must match exactly, sign included. Integers and booleans compare
exactly. Shapes and dtypes are checked before values by the callers. The "max rel error" shown
in feedback is taken over elements with |want| >= 1e-3 only (ReLU zeros would make it
meaningless); it does not decide.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.judge.spec import Tolerance


@dataclass(frozen=True)
class Mismatch:
    """How two same-shape arrays differ."""

    bad: int              # elements out of tolerance
    total: int
    max_abs: float        # over elements finite in both
    max_rel: float
    first_index: tuple[int, ...]
    nan_where_number: int  # the submission has NaN where the reference has a number
    number_where_nan: int  # ... a number where the reference has NaN
    inf_mismatch: int      # an infinity on either side that the other lacks (or of the other sign)


def _as_float(array: np.ndarray) -> np.ndarray:
    if array.dtype.kind == "c":
        return array.astype(np.complex128)
    return array.astype(np.float64)


def compare(got: np.ndarray, want: np.ndarray, tol: Tolerance) -> Mismatch | None:
    """None when `got` matches `want` (same shape required), else how they differ."""
    g, w = _as_float(np.asarray(got)), _as_float(np.asarray(want))
    with np.errstate(invalid="ignore", over="ignore"):
        nan_g, nan_w = np.isnan(g), np.isnan(w)
        inf_g, inf_w = np.isinf(g), np.isinf(w)
        finite = np.isfinite(g) & np.isfinite(w)
        diff = np.where(finite, np.abs(g - w), 0.0)
        close = finite & (diff <= tol.atol + tol.rtol * np.abs(w))
        close |= nan_g & nan_w                                      # NaN only where expected
        same_inf = inf_g & inf_w & (np.sign(g) == np.sign(w))
        close |= same_inf
    bad = ~close
    count = int(bad.sum())
    if count == 0:
        return None
    with np.errstate(invalid="ignore", divide="ignore"):
        big = finite & (np.abs(w) >= 1e-3)
        rel = np.where(big, diff / np.where(big, np.abs(w), 1.0), 0.0)
    first = tuple(int(i) for i in np.argwhere(bad)[0]) if bad.ndim else ()
    return Mismatch(
        count, int(bad.size), float(diff.max()) if diff.size else 0.0,
        float(rel.max()) if rel.size else 0.0, first,
        nan_where_number=int((nan_g & ~nan_w).sum()), number_where_nan=int((nan_w & ~nan_g).sum()),
        inf_mismatch=int(((inf_g | inf_w) & ~same_inf & ~nan_g & ~nan_w).sum()),
    )


def same(got: np.ndarray, want: np.ndarray, tol: Tolerance) -> bool:
    return got.shape == want.shape and compare(got, want, tol) is None
