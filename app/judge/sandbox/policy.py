"""The sandbox policy as data: limits, what stays readable, which syscalls are denied.

Read this file to know what untrusted code may do; `sandbox.py` and `confine.py` only enforce it.
"""

from __future__ import annotations

import json
import sysconfig
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

PROJECT_ROOT = Path(__file__).resolve().parents[3]

# Never readable from inside the sandbox: answers, expected outputs, the DB and the grader itself.
DEFAULT_PROTECTED_PATHS: tuple[str, ...] = (
    str(PROJECT_ROOT / "app"),
    str(PROJECT_ROOT / "questions"),
    str(PROJECT_ROOT / "data"),
    str(PROJECT_ROOT / "tests"),
)


@dataclass(frozen=True)
class DeniedSyscall:
    """One syscall the child may not make; `allow_if` names the one harmless use still allowed:
    thread (clone with CLONE_THREAD), self (signals to its own pid), arg0_zero / arg1_zero (the
    pid or `who` argument 0: the calling process), not_pdeathsig (any prctl but clearing it)."""

    name: str
    why: str
    errno: str = "EPERM"
    allow_if: Literal["thread", "self", "arg0_zero", "arg1_zero", "not_pdeathsig"] | None = None


def _deny(name: str, why: str, errno: str = "EPERM", allow_if=None) -> DeniedSyscall:
    return DeniedSyscall(name, why, errno, allow_if)


DENIED_SYSCALLS: tuple[DeniedSyscall, ...] = (
    # network: no exfiltration, no reaching the server's loopback or filesystem UNIX sockets
    _deny("socket", "no new sockets of any family (UNIX sockets bypass the net namespace)"),
    _deny("socketpair", "no local socket pairs to smuggle fds"),
    _deny("connect", "no connecting an inherited or new socket"),
    _deny("bind", "no listening servers"),
    _deny("listen", "no listening servers"),
    _deny("accept", "no listening servers"),
    _deny("accept4", "no listening servers"),
    # new programs and processes
    _deny("execve", "no running other programs (shells, compilers, setuid binaries)"),
    _deny("execveat", "same as execve, by fd"),
    _deny("fork", "no fork bombs; the run is one process"),
    _deny("vfork", "no fork bombs; the run is one process"),
    _deny("clone", "only threads may be created (clone with CLONE_THREAD)", allow_if="thread"),
    _deny("clone3", "flags are in memory, not filterable: ENOSYS makes glibc fall back to clone",
          errno="ENOSYS"),
    # touching other processes
    _deny("ptrace", "no debugging or reading the supervisor"),
    _deny("process_vm_readv", "no reading another process's memory"),
    _deny("process_vm_writev", "no writing another process's memory"),
    _deny("kill", "signals only to itself (Python/glibc raise() uses them)", allow_if="self"),
    _deny("tkill", "legacy per-thread signal; never needed"),
    _deny("tgkill", "signals only to its own threads (glibc raise/abort)", allow_if="self"),
    _deny("rt_sigqueueinfo", "signals only to itself", allow_if="self"),
    _deny("rt_tgsigqueueinfo", "signals only to itself", allow_if="self"),
    _deny("pidfd_open", "no handles on other processes"),
    _deny("pidfd_send_signal", "no signalling other processes by pidfd"),
    _deny("pidfd_getfd", "no stealing another process's fds"),
    # other processes' limits and scheduling: out of sight in the run's PID namespace anyway,
    # and closed here too (a laptop's server shares the run's uid: it could set the server's
    # RLIMIT_CPU to 1 s, or the zygote's RLIMIT_NOFILE, without these)
    _deny("prlimit64", "its own limits only (pid 0)", allow_if="arg0_zero"),
    _deny("setpriority", "its own priority only (who 0)", allow_if="arg1_zero"),
    _deny("ioprio_set", "its own I/O priority only (who 0)", allow_if="arg1_zero"),
    _deny("sched_setaffinity", "its own CPU affinity only (pid 0)", allow_if="arg0_zero"),
    _deny("sched_setscheduler", "its own scheduling only (pid 0)", allow_if="arg0_zero"),
    _deny("sched_setparam", "its own scheduling only (pid 0)", allow_if="arg0_zero"),
    _deny("sched_setattr", "its own scheduling only (pid 0)", allow_if="arg0_zero"),
    _deny("prctl", "no clearing PR_SET_PDEATHSIG: the run dies with its keeper",
          allow_if="not_pdeathsig"),
    # file metadata: Landlock covers opening files, not changing what the server's uid owns
    *(_deny(name, "no changing permissions, owners, times or attributes of any file")
      for name in ("chmod", "fchmod", "fchmodat", "fchmodat2", "chown", "fchown", "lchown",
                   "fchownat", "utime", "utimes", "utimensat", "futimesat", "setxattr",
                   "lsetxattr", "fsetxattr", "removexattr", "lremovexattr", "fremovexattr")),
    # watching files: inotify on the data dir would reveal other users' activity
    *(_deny(name, "no watching files for other users' activity")
      for name in ("inotify_init", "inotify_init1", "inotify_add_watch", "fanotify_init",
                   "fanotify_mark")),
    # namespaces and mounts: the kernel attack surface behind most container escapes
    _deny("unshare", "no new namespaces (user namespaces expose root-only kernel code)"),
    _deny("setns", "no joining other namespaces"),
    _deny("mount", "no mounts"),
    _deny("umount2", "no unmounts"),
    _deny("pivot_root", "no changing the root"),
    _deny("chroot", "no changing the root"),
    _deny("open_tree", "new mount API"),
    _deny("move_mount", "new mount API"),
    _deny("fsopen", "new mount API"),
    _deny("fsconfig", "new mount API"),
    _deny("fsmount", "new mount API"),
    _deny("fspick", "new mount API"),
    _deny("mount_setattr", "new mount API"),
    # risky kernel interfaces with a history of privilege-escalation bugs
    _deny("bpf", "no eBPF programs"),
    _deny("perf_event_open", "no perf counters (side channels, kernel bugs)"),
    _deny("io_uring_setup", "io_uring bypasses seccomp for the operations it performs"),
    _deny("io_uring_enter", "io_uring bypasses seccomp for the operations it performs"),
    _deny("io_uring_register", "io_uring bypasses seccomp for the operations it performs"),
    _deny("userfaultfd", "a classic kernel-race exploitation primitive"),
    _deny("keyctl", "no kernel keyrings (shared per uid, exploit history)"),
    _deny("add_key", "no kernel keyrings"),
    _deny("request_key", "no kernel keyrings"),
    _deny("memfd_create", "no anonymous executable files (fileless payloads)"),
    _deny("memfd_secret", "no secret memory areas hidden from the supervisor"),
    _deny("modify_ldt", "x86 segment tables: a long record of kernel bugs, unused by Python"),
    _deny("iopl", "no raw I/O port access"),
    _deny("ioperm", "no raw I/O port access"),
    _deny("kcmp", "no probing other processes' kernel objects"),
    _deny("move_pages", "no moving another process's memory between NUMA nodes"),
    _deny("migrate_pages", "no moving another process's memory between NUMA nodes"),
    _deny("syslog", "no reading the kernel log (addresses, other users' activity)"),
    _deny("vmsplice", "page-splicing into pipes: exploit history, never needed here"),
    _deny("name_to_handle_at", "file handles bypass path checks (the 'shocker' escape)"),
    _deny("open_by_handle_at", "file handles bypass path checks (the 'shocker' escape)"),
    # identity: the uid drop must be final
    _deny("setuid", "the uid drop is final"),
    _deny("setgid", "the uid drop is final"),
    _deny("setreuid", "the uid drop is final"),
    _deny("setregid", "the uid drop is final"),
    _deny("setresuid", "the uid drop is final"),
    _deny("setresgid", "the uid drop is final"),
    _deny("setfsuid", "the uid drop is final"),
    _deny("setfsgid", "the uid drop is final"),
    _deny("setgroups", "the uid drop is final"),
    # whole-machine controls (also need root; denied twice for defence in depth)
    _deny("reboot", "whole-machine control"),
    _deny("kexec_load", "whole-machine control"),
    _deny("kexec_file_load", "whole-machine control"),
    _deny("init_module", "no kernel modules"),
    _deny("finit_module", "no kernel modules"),
    _deny("delete_module", "no kernel modules"),
    _deny("swapon", "whole-machine control"),
    _deny("swapoff", "whole-machine control"),
    _deny("acct", "whole-machine control"),
    _deny("settimeofday", "no changing the clock the supervisor times runs with"),
    _deny("clock_settime", "no changing the clock the supervisor times runs with"),
    _deny("clock_adjtime", "no changing the clock the supervisor times runs with"),
    _deny("adjtimex", "no changing the clock the supervisor times runs with"),
)


@dataclass(frozen=True)
class SandboxPolicy:
    """What one run of untrusted code may use; every limit says why it exists."""

    # CPU seconds (RLIMIT_CPU): stops busy loops even when the wall clock is generous.
    cpu_s: int = 5
    # default wall clock per run: catches sleeping and blocked code that uses no CPU.
    wall_s: float = 10.0
    # address space above the zygote's own (RLIMIT_DATA, and the memory cgroup): a 20 GB tensor
    # fails cleanly. RLIMIT_AS is not used: a fixed AS below ~650 MB breaks torch.
    memory_bytes: int = 1 << 30
    # largest file the child may write (RLIMIT_FSIZE, SIGXFSZ ignored): bounds its stdout too.
    fsize_bytes: int = 1 << 20
    # the work dir is a private tmpfs of this size: bounds the disk (and RAM) one run can fill.
    workdir_bytes: int = 64 << 20
    # open fds (RLIMIT_NOFILE): torch needs a few, nobody needs thousands.
    nofile: int = 64
    # processes+threads of the slot uid (RLIMIT_NPROC, pids cgroup): stops thread floods.
    nproc: int = 32
    # captured stdout+stderr returned to the user, in bytes.
    output_cap: int = 8 * 1024
    # raw result bytes the child may return; more is "output_limit", never buffered unbounded.
    payload_cap: int = 16 * 1024 * 1024
    # slot i runs as uid/gid uid_base + i: distinct per slot so one slot cannot signal another.
    uid_base: int = 64000
    # uid/gid used inside a user namespace when the server is not root.
    userns_uid: int = 65533
    # directories the child may read after isolation: the Python libraries (read-only), so a
    # lazy import inside torch works; never the app, the bank, the data dir or the tests.
    readable_paths: tuple[str, ...] = field(default_factory=lambda: python_library_paths())
    # directories that must never become readable (checked when the policy is built).
    protected_paths: tuple[str, ...] = DEFAULT_PROTECTED_PATHS
    denied_syscalls: tuple[DeniedSyscall, ...] = field(default=DENIED_SYSCALLS)
    # layers that must be on, or the grader refuses to start (it never grades with less than
    # the operator asked for); uid_drop and cgroup are possible only as root.
    required_layers: tuple[str, ...] = ("namespaces", "landlock", "seccomp", "rlimits")

    def __post_init__(self) -> None:
        for name in ("cpu_s", "wall_s", "memory_bytes", "fsize_bytes", "workdir_bytes", "nofile",
                     "nproc", "output_cap", "payload_cap"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if not self.nofile >= 8:
            raise ValueError("nofile must leave room for stdio, the result pipe and torch")
        for readable in self.readable_paths:
            for protected in self.protected_paths:
                if _overlaps(Path(readable), Path(protected)):
                    raise ValueError(f"{readable} overlaps protected {protected}")

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> SandboxPolicy:
        raw = json.loads(text)
        raw["denied_syscalls"] = tuple(DeniedSyscall(**d) for d in raw["denied_syscalls"])
        for key in ("readable_paths", "protected_paths", "required_layers"):
            raw[key] = tuple(raw[key])
        return cls(**raw)


def _overlaps(a: Path, b: Path) -> bool:
    a, b = a.resolve(), b.resolve()
    return a == b or a.is_relative_to(b) or b.is_relative_to(a)


def python_library_paths() -> tuple[str, ...]:
    """The stdlib and site-packages dirs: grant these read-only only if lazy imports must work."""
    keys = ("stdlib", "platstdlib", "purelib", "platlib")
    return tuple(sorted({str(Path(sysconfig.get_path(k)).resolve()) for k in keys}))
