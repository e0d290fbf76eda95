"""The attack battery against a grader started as an ordinary user (a laptop, or the
Dockerfile's `USER mianjing`): no uid drop and no cgroups there, and the run shares the server's
uid, so the PID namespace and the seccomp rules must hold on their own.

CI runs as root, so the test drops privileges itself: in a private mount namespace it makes the
directories above Python and the checkout traversable (a tmpfs over e.g. /root, 0700, with the
needed children bind-mounted back; nothing outside the test changes), then runs
tests/judge/battery.py with setpriv as uid/gid 65534.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534


def _closed_ancestors(path: Path) -> list[Path]:
    """Ancestors of `path` that others cannot traverse (no o+x)."""
    return [p for p in reversed(path.resolve().parents)
            if p != Path("/") and not stat.S_IMODE(p.stat().st_mode) & stat.S_IXOTH]


def _open_up(needed: list[Path]) -> str:
    """Shell lines that make each closed ancestor traversable in this mount namespace only."""
    lines = []
    for index, ancestor in enumerate(sorted({a for p in needed for a in _closed_ancestors(p)})):
        keep = f"/tmp/mianjing-keep-{os.getpid()}-{index}"
        children = sorted({p.resolve().relative_to(ancestor).parts[0] for p in needed
                           if ancestor in p.resolve().parents})
        lines += [f"mkdir -p {keep}", f"mount --bind {shlex.quote(str(ancestor))} {keep}",
                  f"mount -t tmpfs -o mode=755 tmpfs {shlex.quote(str(ancestor))}"]
        for child in children:
            target = shlex.quote(str(ancestor / child))
            lines += [f"mkdir -p {target}", f"mount --bind {keep}/{shlex.quote(child)} {target}"]
    return "\n".join(lines)


def _battery_command() -> list[str]:
    battery = [sys.executable, "-m", "tests.judge.battery"]
    if os.geteuid() != 0:
        return battery  # already an ordinary user
    if not (shutil.which("unshare") and shutil.which("setpriv")):
        pytest.skip("needs util-linux's unshare and setpriv to drop to an unprivileged uid")
    needed = [Path(sys.base_prefix), Path(sys.prefix), ROOT]
    drop = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
            "--inh-caps=-all", "--bounding-set=-all", "env", "HOME=/tmp",
            f"PATH={os.environ.get('PATH', '/usr/bin:/bin')}", *battery]
    script = _open_up(needed) + "\nexec " + shlex.join(drop)
    return ["unshare", "--mount", "--propagation", "private", "sh", "-ec", script]


@pytest.fixture(scope="module")
def battery() -> dict:
    done = subprocess.run(_battery_command(), cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_it_really_ran_unprivileged(battery: dict) -> None:
    assert battery["uid"] != 0
    layers = battery["layers"]
    assert layers["uid_drop"].startswith("off") and layers["cgroup"].startswith("off")
    for layer in ("namespaces", "landlock", "seccomp", "rlimits"):
        assert layers[layer].startswith("on"), layers
    assert "pid" in layers["namespaces"]


def test_every_attack_is_contained_without_root(battery: dict) -> None:
    failed = {name: r["problems"] for name, r in battery["attacks"].items() if r["problems"]}
    assert failed == {}
    assert len(battery["attacks"]) == len(list((ROOT / "tests/judge/attacks").glob("*.py")))


def test_the_server_and_the_users_files_are_untouched(battery: dict) -> None:
    assert not battery["escaped_file"]
    assert battery["secret_mode"] == "0o644"  # chmod from the run was refused
    assert battery["still_serving"] == ["ok", "45"]  # nobody re-limited or killed the zygote
