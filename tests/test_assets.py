"""The committed browser bundle (static/dist/) is exactly what static/build.mjs builds.

Rebuilds into a temporary directory from static/src + static/node_modules (installed by
`cd static && npm ci`, which `make assets` runs) and compares file lists and bytes.
If this fails after changing static/src or static/package*.json: run `make assets` and
commit static/dist/.
"""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[1] / "static"
DIST = STATIC / "dist"
NODE_MODULES = STATIC / "node_modules"

# Budgets (bytes) so the bundle does not silently balloon; raise them deliberately.
MAX_APP_JS = 1_000_000
MAX_APP_CSS = 60_000
MAX_FONTS_TOTAL = 320_000


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _need_toolchain() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is missing: cannot rebuild static/dist (apt-get install nodejs npm)")
    if not (NODE_MODULES / "esbuild").is_dir():
        pytest.skip("static/node_modules is missing: run `cd static && npm ci` (or `make assets`)")
    return node


def test_dist_is_reproducible_from_sources(tmp_path: Path) -> None:
    node = _need_toolchain()
    out = tmp_path / "dist"
    result = subprocess.run(
        [node, "build.mjs", "--outdir", str(out)],
        cwd=STATIC,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"build.mjs failed:\n{result.stdout}\n{result.stderr}"

    committed, rebuilt = _files(DIST), _files(out)
    assert committed == rebuilt, (
        "static/dist file list differs from a fresh build (run `make assets`): "
        f"only committed: {sorted(committed - rebuilt)}, "
        f"only rebuilt: {sorted(rebuilt - committed)}"
    )
    different = [f for f in sorted(committed) if not filecmp.cmp(DIST / f, out / f, shallow=False)]
    assert not different, f"static/dist is stale (run `make assets` and commit): {different}"


def test_dist_is_self_contained_and_small() -> None:
    app_js, app_css = DIST / "app.js", DIST / "app.css"
    assert app_js.is_file() and app_css.is_file(), "commit static/dist/app.js and app.css"
    js, css = app_js.read_bytes(), app_css.read_bytes()
    assert len(js) <= MAX_APP_JS, f"app.js is {len(js)} bytes (budget {MAX_APP_JS})"
    assert len(css) <= MAX_APP_CSS, f"app.css is {len(css)} bytes (budget {MAX_APP_CSS})"
    fonts = sorted((DIST / "fonts").glob("*.woff2"))
    assert fonts, "KaTeX fonts missing from static/dist/fonts"
    assert sum(f.stat().st_size for f in fonts) <= MAX_FONTS_TOTAL
    text = js.decode("utf-8") + css.decode("utf-8")
    forbidden = ("/work/", "/home/", "/tmp/", "node_modules", "googleapis", "jsdelivr", "unpkg.com")
    for needle in forbidden:
        assert needle not in text, f"dist mentions {needle!r}: it must be offline and path-free"
    # Every font the CSS points at is shipped, relative to app.css.
    referenced = set(re.findall(r"url\((fonts/[^)\"']+)\)", css.decode("utf-8")))
    assert referenced, "app.css references no KaTeX fonts"
    missing = [r for r in referenced if not (DIST / r).is_file()]
    assert not missing, f"app.css references fonts not in dist: {missing}"
