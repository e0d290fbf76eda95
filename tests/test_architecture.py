"""The house's rules, read from the imports with `ast`: arrows run one way, the sandbox apart.

web -> services -> (domain, judge, store); store may use the domain's clock and vocabulary;
queue (grading through Redis) -> judge. The judge and the queue import no web framework and
no ORM, and the judge no other app layer; the harness (what runs inside
the sandbox) imports only the standard library, torch, safetensors, numpy and itself; the server
side takes nothing from the harness but its wire format.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
WEB_FRAMEWORKS = ("fastapi", "starlette", "jinja2", "uvicorn", "multipart")
ORM = ("sqlalchemy", "alembic")
LAYERS = ("web", "services", "domain", "judge", "store", "queue")
# Which app layers each layer may import (itself always).
MAY_IMPORT = {
    "web": {"services", "domain", "judge", "store"},
    "services": {"domain", "judge", "store"},
    "store": {"domain"},
    "domain": set(),
    "judge": set(),
    "queue": {"judge"},
}
HARNESS = "app.judge.harness"
HARNESS_THIRD_PARTY = ("torch", "safetensors", "numpy")
# Trusted authoring code that runs the harness in this process (card builds, tests, `questions check`).
MAY_RUN_HARNESS_IN_PROCESS = {"app.judge.build"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, source: str) -> list[str]:
    """Every module an `import` / `from ... import` in the file names (relative ones resolved)."""
    tree = ast.parse(source, str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.append(base)
            # `from app.judge.harness import wire` names the module app.judge.harness.wire
            found += [f"{base}.{alias.name}" for alias in node.names]
    return found


def app_modules() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py") if "migrations" not in p.parts)


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "app" and parts[1] in LAYERS else None


def is_module(name: str) -> bool:
    """Whether an imported dotted name is a module of the app (not a class imported from one)."""
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def violations(added: dict[str, str] | None = None) -> list[str]:
    """Every broken rule; `added` appends a line to a file (path under app/) for the self-test."""
    added = added or {}
    found = []
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    for path in app_modules():
        me = module_name(path)
        mine = layer_of(me)
        source = path.read_text() + "\n" + added.get(str(path.relative_to(APP)), "")
        for name in imports(path, source):
            top = name.split(".")[0]
            if me.startswith(HARNESS):
                if top not in stdlib and top not in HARNESS_THIRD_PARTY and not (
                        name.startswith(HARNESS) or name in ("app", "app.judge")):
                    found.append(f"{me} (runs in the sandbox) imports {name}")
                continue
            if name.startswith(HARNESS + ".") and is_module(name) and name != f"{HARNESS}.wire" \
                    and me not in MAY_RUN_HARNESS_IN_PROCESS:
                found.append(f"{me} imports {name}: the server may only use the wire format")
            if mine in ("judge", "domain", "queue") and top in WEB_FRAMEWORKS + ORM:
                found.append(f"{me} ({mine}) imports {top}")
            if mine in ("services", "store") and top in WEB_FRAMEWORKS:
                found.append(f"{me} ({mine}) imports {top}")
            target = layer_of(name)
            if mine and target and target != mine and target not in MAY_IMPORT[mine]:
                found.append(f"{me} ({mine}) imports {name} ({target})")
    return found


def test_arrows_run_one_way_and_the_sandbox_stays_apart() -> None:
    assert violations() == []


@pytest.mark.parametrize(("layer", "line", "why"), [
    ("judge/checker.py", "import fastapi", "(judge) imports fastapi"),
    ("judge/harness/runner.py", "from app.services import review", "runs in the sandbox"),
    ("judge/harness/dataflow.py", "import yaml", "runs in the sandbox"),
    ("domain/cards.py", "from sqlalchemy import select", "domain) imports sqlalchemy"),
    ("domain/interview.py", "import app.judge.grader", "(domain) imports app.judge.grader"),
    ("services/attempts.py", "from app.web import errors", "(services) imports app.web"),
    ("judge/grader.py", "from app.judge.harness import dataflow", "may only use the wire format"),
    ("queue/worker.py", "from app.store import models", "(queue) imports app.store"),
    ("judge/checker.py", "from app.queue import protocol", "(judge) imports app.queue"),
])
def test_the_rules_catch_a_wrong_import(layer: str, line: str, why: str) -> None:
    assert violations() == []
    assert any(why in v for v in violations({layer: line})), violations({layer: line})


def test_app_shows_its_layers_at_a_glance() -> None:
    loose = sorted(p.name for p in APP.glob("*.py"))
    assert len(loose) <= 8, loose
    assert {p.name for p in APP.iterdir() if p.is_dir() and not p.name.startswith("__")} >= set(LAYERS)


def test_no_module_over_400_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in app_modules()
            if (n := len(p.read_text().splitlines())) > 400}
    assert long == {}
