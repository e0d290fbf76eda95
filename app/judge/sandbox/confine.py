"""Isolation a freshly forked child applies to itself, in SANDBOX.md's order, before user code.

Runs inside the zygote's child only. Every layer reports "on" or "off: why"; a layer listed in
`required` (the ones the zygote's start-up probe found working) must not fail: the child exits.
"""

from __future__ import annotations

import errno
import os
import resource
import select
import signal
import sys
from dataclasses import dataclass

from app.judge.sandbox import landlock, namespaces
from app.judge.sandbox import linux as _linux
from app.judge.sandbox.policy import SandboxPolicy

try:
    import pyseccomp
except ImportError:  # reported as a missing layer, never silently
    pyseccomp = None  # type: ignore[assignment]

LAYERS = ("namespaces", "uid_drop", "landlock", "seccomp", "rlimits", "cgroup")
RESULT_FD = 3  # the only fd besides stdio the child keeps: its result pipe
LIBRARY_FD_BASE = 10  # then read-only directory fds of the Python libraries (policy.readable_paths)
SETUP_FAILED_EXIT = 121  # exit code of a child whose required isolation layer failed
HARNESS_FAULT_EXIT = 122  # exit code of a child whose harness (our code, not the user's) raised


class SandboxSetupError(Exception):
    pass


@dataclass(frozen=True)
class ChildSetup:
    policy: SandboxPolicy
    slot: int
    work_dir: str
    output_fd: int  # stdout+stderr file, opened by the zygote (it reads it back by fd, not path)
    result_fd: int
    devnull_fd: int
    zygote_pid: int
    data_bytes: int  # the zygote's VmData: the memory limit is on top of it
    address_space_bytes: int  # the zygote's VmSize, likewise
    landlock_abi: int
    required: frozenset[str]
    # the read end of a pipe only the zygote writes to: EOF means the zygote is gone
    zygote_alive_fd: int = -1
    zygote_alive_write_fd: int = -1
    pid_namespace_ready: bool = False  # root: the zygote forked this run as PID 1 already


def confine(setup: ChildSetup) -> dict[str, str]:
    """Apply every layer to the calling (just forked) process; returns the layer report."""
    layers: dict[str, str] = {}
    is_root = os.geteuid() == 0
    policy = setup.policy

    # 1. own session: the supervisor kills the whole group with one kill(-pgid)
    os.setsid()
    _linux.prctl(_linux.PR_SET_PDEATHSIG, signal.SIGKILL)  # die with the zygote
    if setup.pid_namespace_ready:  # getppid() is 0 from inside: ask the zygote's pipe instead
        os.close(setup.zygote_alive_write_fd)
        readable, _, _ = select.select([setup.zygote_alive_fd], [], [], 0)
        if readable and os.read(setup.zygote_alive_fd, 1) == b"":
            os._exit(SETUP_FAILED_EXIT)  # the zygote died before PDEATHSIG was armed
    elif os.getppid() != setup.zygote_pid:  # the zygote died before PDEATHSIG was armed
        os._exit(SETUP_FAILED_EXIT)
    with open("/proc/self/oom_score_adj", "w") as f:
        f.write("1000")  # the OOM killer picks this run first, never the server

    # 2. fd hygiene: nothing inherited but stdio (to a file) and the result pipe
    os.dup2(setup.devnull_fd, 0)
    os.dup2(setup.output_fd, 1)
    os.dup2(setup.output_fd, 2)
    os.dup2(setup.result_fd, RESULT_FD)
    os.closerange(RESULT_FD + 1, 1 << 16)

    # 2b. read-only library dirs stay reachable after the uid drop: sys.path already points at
    # these fd numbers (the zygote routed it once, see route_imports); the child opens its own
    # descriptions so no offset or lock is shared with the zygote or the next run
    library_fds(policy.readable_paths)

    # 3. namespaces: no network (loopback TCP -> ENETUNREACH), no SysV IPC, own hostname/mounts
    # and a PID namespace: from here on this process is the run's PID 1 (namespaces.py)
    owner = policy.uid_base + setup.slot if is_root else policy.userns_uid
    _layer(layers, setup, "namespaces",
           lambda: namespaces.enter(is_root, policy, owner, setup.work_dir,
                                    pid_namespace_ready=setup.pid_namespace_ready))

    # 4. rlimits
    _layer(layers, setup, "rlimits", lambda: _set_rlimits(setup))

    # 5. work dir as cwd; Landlock's O_PATH fds are opened now, while /root etc. are still open
    os.chdir(setup.work_dir)
    ruleset = None
    if setup.landlock_abi <= 0:
        _layer(layers, setup, "landlock", _fail("kernel has no Landlock"))
    else:
        def build() -> str:
            nonlocal ruleset
            ruleset = landlock.Ruleset(setup.landlock_abi, [setup.work_dir],
                                       list(policy.readable_paths))
            return f"on (ABI {setup.landlock_abi})"
        _layer(layers, setup, "landlock", build)

    # 6. uid drop
    _layer(layers, setup, "uid_drop", lambda: _drop_uid(is_root, setup))

    # 7. no setuid gains from here on (also lets an unprivileged process load Landlock/seccomp)
    _linux.prctl(_linux.PR_SET_NO_NEW_PRIVS, 1)
    if ruleset is not None:
        built = ruleset

        def enforce() -> str:
            built.enforce()
            return layers["landlock"]
        _layer(layers, setup, "landlock", enforce)

    # 8. seccomp, last: it also denies what the steps above needed
    _layer(layers, setup, "seccomp", lambda: _load_seccomp(policy))
    return layers


def library_fds(paths: tuple[str, ...], *, claim: bool = False) -> dict[str, int]:
    """Directory fds for the readable library roots, at fixed numbers from LIBRARY_FD_BASE, opened
    while the parents are still searchable (a stdlib under /root, 0700, is not once the uid is
    dropped). `claim`: the zygote's first call, which must find those numbers free."""
    roots = [p for p in paths if not any(p != q and p.startswith(q.rstrip("/") + "/")
                                         for q in paths)]
    fds = {}
    for offset, path in enumerate(sorted(roots)):
        target = LIBRARY_FD_BASE + offset
        if claim and _is_open(target):
            raise SandboxSetupError(f"fd {target} is taken: the library fds need it")
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        os.dup2(fd, target, inheritable=False)
        os.close(fd)
        fds[path] = LIBRARY_FD_BASE + offset
    return fds


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def route_imports(fds: dict[str, int]) -> None:
    """Point sys.path below each root at /proc/self/fd/N: a lazy import (torch pulls in sympy
    on some paths) then resolves from the open directory, and Landlock still allows only it.

    The zygote does this once: every child has the same fd numbers, and rewriting thousands of
    modules' __path__ in each child copied their pages (12 ms of CPU per run)."""
    def routed(entry: str) -> str:
        for path, fd in fds.items():
            if entry == path or entry.startswith(path.rstrip("/") + "/"):
                return f"/proc/self/fd/{fd}{entry[len(path):]}"
        return entry

    sys.path[:] = [routed(entry) if isinstance(entry, str) else entry for entry in sys.path]
    for module in list(sys.modules.values()):  # submodules of imported packages (ctypes.wintypes)
        paths = getattr(module, "__path__", None)
        if isinstance(paths, list):
            paths[:] = [routed(entry) for entry in paths]
    sys.path_importer_cache.clear()


def _layer(layers: dict[str, str], setup: ChildSetup, name: str, apply) -> None:
    try:
        layers[name] = apply() or "on"
    except Exception as exc:  # noqa: BLE001 - every failure is reported or fatal
        if name in setup.required:
            raise SandboxSetupError(f"{name}: {exc}") from exc
        layers[name] = f"off: {exc}"


def _fail(reason: str):
    def apply() -> str:
        raise SandboxSetupError(reason)
    return apply


def _set_rlimits(setup: ChildSetup) -> str:
    policy = setup.policy
    limits = {
        resource.RLIMIT_CORE: 0,  # no core dumps: slow, and they copy memory to disk
        resource.RLIMIT_FSIZE: policy.fsize_bytes,  # caps every file, stdout included
        resource.RLIMIT_NOFILE: policy.nofile,  # no fd exhaustion
        resource.RLIMIT_DATA: setup.data_bytes + policy.memory_bytes,  # big tensors fail cleanly
        # relative, never fixed (a fixed AS breaks torch): also catches shared mappings, which
        # RLIMIT_DATA ignores, when there is no memory cgroup; slack for thread stacks/arenas
        resource.RLIMIT_AS: setup.address_space_bytes + policy.memory_bytes + (1 << 30),
    }
    for which, value in limits.items():
        resource.setrlimit(which, (value, value))
    # SIGXCPU at cpu_s (reported as a timeout), SIGKILL one second later if it is caught
    resource.setrlimit(resource.RLIMIT_CPU, (policy.cpu_s, policy.cpu_s + 1))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails with EFBIG instead
    return "on"


def _drop_uid(is_root: bool, setup: ChildSetup) -> str:
    if not is_root:
        _linux.drop_capabilities()  # the user namespace gave us all of them
        return "off: not root (one shared uid; capabilities dropped, RLIMIT_NPROC not set)"
    uid = setup.policy.uid_base + setup.slot  # distinct per slot: slots cannot signal each other
    os.setgroups([])  # no supplementary groups (root's could open group-readable files)
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    # counted per real uid, ignored for root: only meaningful after the drop
    resource.setrlimit(resource.RLIMIT_NPROC, (setup.policy.nproc, setup.policy.nproc))
    return f"on (one uid per slot from {setup.policy.uid_base})"


def _load_seccomp(policy: SandboxPolicy) -> str:
    if pyseccomp is None:
        raise SandboxSetupError("pyseccomp/libseccomp not installed")
    filt = pyseccomp.SyscallFilter(pyseccomp.ALLOW)  # default allow: torch's needs are broad
    unknown = []
    for rule in policy.denied_syscalls:
        action = pyseccomp.ERRNO(getattr(errno, rule.errno))
        # the conditions under which the call is DENIED (everything else passes)
        if rule.allow_if == "thread":
            conditions = [pyseccomp.Arg(0, pyseccomp.MASKED_EQ, _linux.CLONE_THREAD, 0)]
        elif rule.allow_if == "self":
            conditions = [pyseccomp.Arg(0, pyseccomp.NE, os.getpid())]
        elif rule.allow_if == "arg0_zero":
            conditions = [pyseccomp.Arg(0, pyseccomp.NE, 0)]
        elif rule.allow_if == "arg1_zero":
            conditions = [pyseccomp.Arg(1, pyseccomp.NE, 0)]
        elif rule.allow_if == "not_pdeathsig":
            conditions = [pyseccomp.Arg(0, pyseccomp.EQ, _linux.PR_SET_PDEATHSIG)]
        else:
            conditions = []
        try:
            filt.add_rule(action, rule.name, *conditions)
        except (ValueError, OSError):  # not a syscall on this architecture / libseccomp
            unknown.append(rule.name)
    filt.load()
    return "on" if not unknown else f"on (not on this platform: {', '.join(unknown)})"
