"""Elementwise tensor comparison in the trusted process, with plain torch ops on decoded bytes.

Tolerance: an element matches when |got - want| <= atol + rtol * |want| (numpy's isclose rule).
NaN: a NaN matches only where the reference has a NaN at the same position (and nowhere else).
Infinity: must match exactly, sign included.
Shapes and dtypes are checked before values. The "max rel error" shown in feedback is taken over
elements with |want| >= 1e-3 only (ReLU zeros would make it meaningless); it does not decide.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from app.judge.spec import Tolerance


@dataclass(frozen=True)
class Mismatch:
    """How two same-shape tensors differ."""

    bad: int              # elements out of tolerance
    total: int
    max_abs: float        # over elements finite in both
    max_rel: float
    first_index: tuple[int, ...]

    def summary(self) -> str:
        where = ",".join(str(i) for i in self.first_index)
        return (f"{self.bad} of {self.total} values differ (max abs error {self.max_abs:.3g}, "
                f"max rel error {self.max_rel:.3g}; first at [{where}])")


def compare(got: torch.Tensor, want: torch.Tensor, tol: Tolerance) -> Mismatch | None:
    """None when `got` matches `want` (same shape required), else how they differ."""
    g = got.detach().to(torch.float64)
    w = want.detach().to(torch.float64)
    nan_g, nan_w = torch.isnan(g), torch.isnan(w)
    finite = torch.isfinite(g) & torch.isfinite(w)
    diff = torch.where(finite, (g - w).abs(), torch.zeros_like(g))
    close = finite & (diff <= tol.atol + tol.rtol * w.abs())
    close |= nan_g & nan_w                                             # NaN only where expected
    close |= torch.isinf(w) & torch.isinf(g) & (torch.sign(g) == torch.sign(w))
    bad = ~close
    count = int(bad.sum())
    if count == 0:
        return None
    # relative error only where the reference is not ~0 (ReLU zeros would make it meaningless)
    rel = torch.where(finite & (w.abs() >= 1e-3), diff / w.abs().clamp_min(1e-3),
                      torch.zeros_like(g))
    first = tuple(int(i) for i in torch.nonzero(bad)[0]) if bad.dim() else ()
    return Mismatch(count, bad.numel(), float(diff.max()) if diff.numel() else 0.0,
                    float(rel.max()) if rel.numel() else 0.0, first)


def same(got: torch.Tensor, want: torch.Tensor, tol: Tolerance) -> bool:
    return got.shape == want.shape and compare(got, want, tol) is None
