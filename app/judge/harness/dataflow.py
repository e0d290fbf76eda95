"""Which layer feeds which: trace a module's forward through the autograd graph.

A *layer* is a module that owns parameters directly (Conv2d, BatchNorm2d, Linear...). Each call
of a layer gets a signature: its kind, its parameter shapes and the signatures of the layers its
input came from. Activations, views and additions are transparent, so `F.relu` vs `nn.ReLU`,
`out += identity` vs `identity + out`, or computing the shortcut first all give the same
signatures, while a conv fed the wrong tensor does not. Runs in the sandbox: stdlib + torch only.
"""

from __future__ import annotations

import hashlib
import math
import zlib
from dataclasses import dataclass, field

import torch
from torch import nn

INPUT = "x"


@dataclass
class LayerCall:
    """One call of a parameter-owning module during a forward pass."""

    name: str                      # qualified attribute name in the submitted module
    kind: str                      # the torch.nn class it is (or subclasses)
    params: dict[str, list[int]]   # parameter name -> shape
    input_shape: list[int]
    expr: str = "?"                # where its input came from, e.g. "relu(bn1)"
    sig: str = ""                  # dataflow signature (hash), see module docstring
    done: bool = False             # False if the call raised
    module: nn.Module | None = field(default=None, repr=False)

    @property
    def key(self) -> str:
        """Kind and parameter shapes: what must match for weights to be loadable."""
        shapes = ",".join(f"{k}{v}" for k, v in sorted(self.params.items()))
        return f"{self.kind}({shapes})"

    def record(self) -> dict:
        return {"name": self.name, "kind": self.kind, "params": self.params, "key": self.key,
                "input_shape": self.input_shape, "expr": self.expr, "sig": self.sig,
                "done": self.done}


def torch_kind(module: nn.Module) -> str:
    """The first torch.nn class in the MRO: a user's `class MyConv(nn.Conv2d)` is a Conv2d."""
    for cls in type(module).__mro__:
        if cls.__module__.startswith("torch.nn"):
            return cls.__name__
    return type(module).__name__


def param_layers(root: nn.Module) -> dict[nn.Module, str]:
    """Every submodule owning parameters itself, with its qualified name (first name wins)."""
    found: dict[nn.Module, str] = {}
    for name, module in root.named_modules(remove_duplicate=False):
        if module not in found and any(True for _ in module.parameters(recurse=False)):
            found[module] = name or "(the module itself)"
    return found


def inventory(root: nn.Module) -> list[dict]:
    """The layers present in the module tree, used or not (for structure feedback)."""
    return [{"name": name, "kind": torch_kind(m), "key": _key_of(m)}
            for m, name in param_layers(root).items()]


def _key_of(module: nn.Module) -> str:
    call = LayerCall("", torch_kind(module), _param_shapes(module), [])
    return call.key


def _param_shapes(module: nn.Module) -> dict[str, list[int]]:
    return {n: list(p.shape) for n, p in module.named_parameters(recurse=False)}


def _hash(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


class Tracer:
    """Hooks every layer of `root`; while active, records calls in the order forward makes them."""

    def __init__(self, root: nn.Module, x: torch.Tensor):
        self.layers = param_layers(root)
        self.calls: list[LayerCall] = []
        self._x_node = x.grad_fn
        self._node_of_call: dict[object, int] = {}   # grad_fn of a call's output -> call index
        self._memo: dict[object, tuple[str, str]] = {}
        self._handles: list = []
        self.capture_inputs: dict[int, torch.Tensor] = {}
        self.capture_outputs: dict[int, torch.Tensor] = {}
        self.capture = False

    def __enter__(self) -> Tracer:
        for module, name in self.layers.items():
            self._handles.append(module.register_forward_pre_hook(self._pre(module, name)))
            self._handles.append(module.register_forward_hook(self._post()))
        return self

    def __exit__(self, *exc: object) -> None:
        for handle in self._handles:
            handle.remove()

    def _pre(self, module: nn.Module, name: str):
        def hook(_mod, args):
            x = args[0] if args and isinstance(args[0], torch.Tensor) else None
            shape = list(x.shape) if x is not None else []
            sig, expr = self.describe(x.grad_fn) if x is not None else ("none", "?")
            call = LayerCall(name, torch_kind(module), _param_shapes(module), shape, expr,
                             module=module)
            call.sig = _hash(call.key, sig)
            self.calls.append(call)
            if self.capture and x is not None:
                self.capture_inputs[len(self.calls) - 1] = x.detach().clone()
        return hook

    def _post(self):
        def hook(_mod, _args, output):
            index = self._last_open()
            if index is None:
                return
            self.calls[index].done = True
            if isinstance(output, torch.Tensor):
                if output.grad_fn is not None:
                    self._node_of_call[output.grad_fn] = index
                if self.capture:
                    self.capture_outputs[index] = output.detach().clone()
        return hook

    def open_layer(self) -> dict | None:
        """The layer call still running (the one an exception came from), for the report."""
        index = self._last_open()
        if index is None:
            return None
        call = self.calls[index]
        same_kind = sum(1 for c in self.calls[:index] if c.kind == call.kind)
        return {**call.record(), "nth": same_kind}

    def _last_open(self) -> int | None:
        for index in range(len(self.calls) - 1, -1, -1):
            if not self.calls[index].done:
                return index
        return None

    def describe(self, node) -> tuple[str, str]:
        """(signature, expression) of the tensor whose grad_fn is `node`."""
        if node is None:
            return ("const", "const")
        if node is self._x_node:
            return (INPUT, INPUT)
        if node in self._node_of_call:
            call = self.calls[self._node_of_call[node]]
            return (call.sig, call.name)
        if node in self._memo:
            return self._memo[node]
        self._memo[node] = ("cycle", "...")   # guards a pathological graph
        parts = [self.describe(child) for child, _ in node.next_functions
                 if child is not None and type(child).__name__ != "AccumulateGrad"]
        parts = [p for p in parts if p[0] != "const"] or [("const", "const")]
        unique = sorted(set(parts))
        # One source: activations and views are transparent. Several sources meeting (a residual
        # add): hashed as a set, so the order of the operands does not matter.
        sig = unique[0][0] if len(unique) == 1 else _hash("join", *sorted({p[0] for p in unique}))
        op = node.name().removesuffix("Backward0").removesuffix("Backward1").lower()
        exprs = ", ".join(dict.fromkeys(p[1] for p in parts))
        result = (sig, f"{op}({exprs})")
        self._memo[node] = result
        return result


def align(ref_layers: list[dict], calls: list[LayerCall]) -> tuple[str, list[int | None]]:
    """Map each reference layer to one of the user's calls: by dataflow, else by kind+shape order.

    Returns the method ("dataflow", "order" or "none") and, per reference layer, a call index.
    """
    by_sig = _match(ref_layers, calls, "sig")
    if by_sig is not None:
        return "dataflow", by_sig
    by_key = _match(ref_layers, calls, "key")
    if by_key is not None:
        return "order", by_key
    return "none", [None] * len(ref_layers)


def _match(ref_layers: list[dict], calls: list[LayerCall],
           field_name: str) -> list[int | None] | None:
    if len(ref_layers) != len(calls):
        return None
    pools: dict[str, list[int]] = {}
    for index, call in enumerate(calls):
        pools.setdefault(getattr(call, field_name), []).append(index)
    result: list[int | None] = []
    for layer in ref_layers:
        pool = pools.get(layer[field_name])
        if not pool:
            return None
        result.append(pool.pop(0))
    return result


POOL_SIZE = 1 << 22  # 4M standard normals, made once per process (the zygote shares them)
POOLED_FROM = 1 << 14  # tensors at least this big take a slice of the pool instead of randn
_pool: torch.Tensor | None = None


def _normal_pool() -> torch.Tensor:
    """Fixed standard-normal numbers: a ResNet-50 takes 25.6M of them per run, and drawing them
    fresh (randn) cost ~90 ms a verdict; a slice of these costs a copy."""
    global _pool
    if _pool is None:
        _pool = torch.randn(POOL_SIZE, generator=torch.Generator().manual_seed(20_160_101))
    return _pool


def _normal(shape: torch.Size, gen: torch.Generator, seed: int, name: str) -> torch.Tensor:
    numel = math.prod(shape)
    if numel < POOLED_FROM:
        return torch.randn(shape, generator=gen)
    pool = _normal_pool()
    if numel > POOL_SIZE:
        pool = pool.repeat(numel // POOL_SIZE + 1)
    # a different window of the pool for each (seed, tensor): layers do not share weights
    start = (seed * 2_654_435_761 + zlib.crc32(name.encode())) % (len(pool) - numel + 1)
    return pool[start:start + numel].view(shape)


def fill_layer(module: nn.Module, kind: str, seed: int) -> None:
    """Overwrite a layer's parameters and buffers with seeded, non-trivial values.

    Same values in the sandbox and at reference build: the weights travel as a seed, not bytes
    (ResNet-50's 25.6M parameters would be 100 MB per request).
    """
    gen = torch.Generator().manual_seed(seed)
    is_norm = "Norm" in kind
    with torch.no_grad():
        for name, tensor in list(module.named_parameters(recurse=False)) + list(
                module.named_buffers(recurse=False)):
            if not tensor.is_floating_point():
                tensor.zero_()   # num_batches_tracked
                continue
            shape = tensor.shape
            if is_norm and name == "weight":
                value = 0.5 + 0.5 * torch.rand(shape, generator=gen)
            elif is_norm and name == "running_var":
                value = 0.5 + torch.rand(shape, generator=gen)   # away from 1: eval != train
            elif tensor.dim() >= 2:
                fan_in = max(1, math.prod(shape[1:]))
                # He init: activations stay O(1)
                value = _normal(shape, gen, seed, name) * math.sqrt(2.0 / fan_in)
            else:
                value = 0.1 * torch.randn(shape, generator=gen)   # biases, running_mean
            tensor.copy_(value.to(tensor.dtype))


def layer_seed(base: int, case_index: int, layer_index: int) -> int:
    """One seed per (case, reference layer): independent of the user's module layout."""
    return base + 1000 * case_index + layer_index
