"""Namespaces for one run: no network, own IPC/hostname/mounts, and its own PID namespace.

The PID namespace is what keeps a run away from other processes even when it shares the
server's uid (a laptop, or a container without root): the server, the zygote and other runs
have no PID it can name, so it cannot signal, trace or re-limit them. Entering one takes a fork:
the first process (the *keeper*) stays outside, runs no user code, waits for the run (PID 1
inside) and exits the way it did; the run dies with its keeper (PDEATHSIG, which seccomp then
forbids changing), and everything the run started dies with it (the kernel kills a namespace's
processes when its PID 1 exits).
"""

from __future__ import annotations

import os
import resource
import select
import signal

from app.judge.sandbox import linux as _linux
from app.judge.sandbox.policy import SandboxPolicy

SIGNALS_KEPT = (signal.SIGKILL, signal.SIGSTOP)


def enter(is_root: bool, policy: SandboxPolicy, owner: int, work_dir: str, *,
          pid_namespace_ready: bool = False) -> str:
    """Unshare every namespace and fork into the new PID namespace; returns only in the run.

    As root the zygote can make the run PID 1 of a fresh namespace itself (`begin_pid_namespace`
    before its fork): then no keeper is needed, which saves a fork per run.
    """
    flags = (_linux.CLONE_NEWNET | _linux.CLONE_NEWIPC | _linux.CLONE_NEWUTS | _linux.CLONE_NEWNS
             | (0 if pid_namespace_ready else _linux.CLONE_NEWPID))
    if is_root:
        _linux.unshare(flags)
        how = "on"
    else:
        # Without root a user namespace (created first, in the same call) grants the others.
        uid, gid = os.getuid(), os.getgid()
        _linux.unshare(_linux.CLONE_NEWUSER | flags)
        _write("/proc/self/setgroups", "deny")  # required before an unprivileged gid_map
        _write("/proc/self/uid_map", f"{policy.userns_uid} {uid} 1")
        _write("/proc/self/gid_map", f"{policy.userns_uid} {gid} 1")
        how = "on, in a user namespace (not root)"
    # private propagation first, so the mounts below never show up in the host's namespace
    _linux.mount(None, "/", None, _linux.MS_REC | _linux.MS_PRIVATE)
    # the work dir becomes a small tmpfs: a run cannot fill the disk, or run or map files from it
    _linux.mount("tmpfs", work_dir, "tmpfs", _linux.MS_NOSUID | _linux.MS_NODEV | _linux.MS_NOEXEC,
                 f"size={policy.workdir_bytes},mode=0700,uid={owner},gid={owner}")
    if not pid_namespace_ready:
        _fork_into_pid_namespace()
    # a /proc of this namespace: the run sees itself as PID 1 and nothing outside
    _linux.mount("proc", "/proc", "proc",
                 _linux.MS_NOSUID | _linux.MS_NODEV | _linux.MS_NOEXEC)
    return (f"{how}: net, ipc, uts, mount, pid; work dir on a "
            f"{policy.workdir_bytes >> 20} MiB tmpfs")


class PidNamespaceForChildren:
    """Root only: the zygote's next child becomes PID 1 of a new namespace (no keeper)."""

    def __init__(self) -> None:
        self.own = os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC)

    def begin(self) -> None:
        _linux.unshare(_linux.CLONE_NEWPID)  # applies to the next fork only...

    def end(self) -> None:
        _linux.setns(self.own, _linux.CLONE_NEWPID)  # ...and is reset for the one after


def _fork_into_pid_namespace() -> None:
    keeper_alive_r, keeper_alive_w = os.pipe()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # the keeper mirrors fatal signals: no cores
    pid = os.fork()
    if pid:
        os.close(keeper_alive_r)
        _keep(pid, keeper_alive_w)  # never returns
    os.close(keeper_alive_w)
    _linux.prctl(_linux.PR_SET_PDEATHSIG, signal.SIGKILL)  # the run dies with its keeper
    # The keeper holds the pipe's write end: EOF now means it died before PDEATHSIG was armed.
    readable, _, _ = select.select([keeper_alive_r], [], [], 0)
    if readable and os.read(keeper_alive_r, 1) == b"":
        os._exit(1)
    os.close(keeper_alive_r)


def _keep(pid: int, alive_fd: int) -> None:
    """The keeper: hold no fd of the run's (only its own pipe), wait for it, exit as it did."""
    os.closerange(0, alive_fd)
    os.closerange(alive_fd + 1, 1 << 16)
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            break
        except InterruptedError:
            continue
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig not in SIGNALS_KEPT:
            signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)  # SIGXCPU stays SIGXCPU: the zygote reads it as a timeout
    os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1)


def _write(path: str, text: str) -> None:
    with open(path, "w") as f:
        f.write(text)
