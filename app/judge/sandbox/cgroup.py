"""Optional cgroup v1 memory + pids limits for one zygote slot (children inherit them)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_ROOT = Path("/sys/fs/cgroup")


def _own_v1_path(controller: str) -> str | None:
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if controller in controllers.split(","):
            return path
    return None


def sweep_stale() -> None:
    """Delete empty slot cgroups of dead zygotes (SIGKILLed ones cannot clean up after
    themselves); safe to call any time: rmdir refuses a cgroup that still has processes."""
    for controller in ("memory", "pids"):
        own = _own_v1_path(controller)
        if own is not None:
            _sweep_stale(_ROOT / controller / own.lstrip("/"))


def _sweep_stale(parent: Path) -> None:
    """Delete slot cgroups a killed zygote left behind (rmdir refuses non-empty ones)."""
    if not parent.is_dir():
        return
    for stale in parent.glob("mianjing-*"):
        with contextlib.suppress(OSError):
            stale.rmdir()


class SlotCgroup:
    """A memory and a pids cgroup, nested under the zygote's own, that the zygote joins once."""

    def __init__(self, name: str, memory_bytes: int, pids_max: int) -> None:
        self.dirs: list[Path] = []
        try:
            for controller, settings in (
                # memory.limit_in_bytes: the kernel OOM-kills the run, not the machine
                ("memory", {"memory.limit_in_bytes": memory_bytes,
                            "memory.memsw.limit_in_bytes": memory_bytes}),
                # pids.max: a second fence against fork bombs and thread floods
                ("pids", {"pids.max": pids_max}),
            ):
                own = _own_v1_path(controller)
                if own is None or not (_ROOT / controller).is_dir():
                    raise OSError(f"no cgroup v1 {controller} controller")
                parent = _ROOT / controller / own.lstrip("/")
                _sweep_stale(parent)
                path = parent / name
                path.mkdir(exist_ok=True)
                self.dirs.append(path)
                for key, value in settings.items():
                    if (path / key).exists():  # memsw exists only with swap accounting
                        (path / key).write_text(str(value))
            for path in self.dirs:
                (path / "cgroup.procs").write_text(str(os.getpid()))
        except BaseException:
            self.remove()
            raise

    def oom_kills(self) -> int:
        """How many processes the memory limit has killed so far."""
        for line in (self.dirs[0] / "memory.oom_control").read_text().splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
        return int((self.dirs[0] / "memory.failcnt").read_text())

    def kill_strays(self) -> None:
        """SIGKILL every process left in the slot but the zygote itself."""
        own = os.getpid()
        for pid in (self.dirs[-1] / "cgroup.procs").read_text().split():
            if int(pid) != own:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(pid), 9)

    def remove(self) -> None:
        """Leave the slot's cgroups and delete them (they must be empty)."""
        for path in self.dirs:
            try:
                (path.parent / "cgroup.procs").write_text(str(os.getpid()))
                path.rmdir()
            except OSError:
                pass
        self.dirs = []
