"""One worker slot's fork server: imports torch once, then forks one isolated child per request.

Started by `SandboxPool` as `python -m app.judge.sandbox.zygote` with a scrubbed environment. Protocol on
its stdin/stdout (frames, see protocol.py): config -> ready report; then per run
header + request -> reply header + payload + captured output. It is trusted but holds no secrets.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import mmap
import os
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable

from app.judge.sandbox import landlock, namespaces, protocol
from app.judge.sandbox import linux as _linux
from app.judge.sandbox.confine import (
    HARNESS_FAULT_EXIT,
    LAYERS,
    RESULT_FD,
    SETUP_FAILED_EXIT,
    ChildSetup,
    confine,
    library_fds,
    route_imports,
)
from app.judge.sandbox.policy import SandboxPolicy
from app.judge.sandbox.supervise import (
    classify,
    kill_group,
    read_output,
    reap_orphans,
    remove_tree,
    supervise,
)

# Modules the user code commonly imports: after Landlock nothing new can be read from disk.
BASE_PRELOAD = ("math", "random", "collections", "itertools", "functools", "typing",
                "dataclasses", "json", "traceback", "ctypes", "numpy")
CGROUP_MEMORY_SLACK = 256 << 20  # RLIMIT_DATA should trip first; the cgroup is the backstop
TAMPERED_EXIT = 3
RUN_MMAP_THRESHOLD = 32 << 20  # a run's heap keeps and reuses what it frees below this size
RUN_TRIM_THRESHOLD = 1 << 30  # ...and never hands it back: the process is gone in a moment


class Zygote:
    def __init__(self, config: dict) -> None:
        self.policy = SandboxPolicy.from_json(config["policy"])
        self.slot: int = config["slot"]
        self.entry = _import_all(config["preload"], config["entry"])
        route_imports(library_fds(self.policy.readable_paths, claim=True))
        _linux.prctl(_linux.PR_SET_CHILD_SUBREAPER, 1)  # orphans of a run come back to us
        _linux.prctl(_linux.PR_SET_PDEATHSIG, signal.SIGKILL)  # never outlive the server
        self.work_root = os.getcwd()  # private 0700 dir the server made for this slot
        self.devnull = os.open("/dev/null", os.O_RDONLY | os.O_CLOEXEC)
        self.landlock_abi = landlock.abi_version()
        # a pipe only the zygote writes to: a child reads EOF on it once the zygote is gone
        self.alive_r, self.alive_w = os.pipe()
        self.pid_namespace = _pid_namespace_for_children()
        self.cgroup, cgroup_state = _make_cgroup(self.policy, self.slot)
        self.required: frozenset[str] = frozenset()
        self._buffers: list[bytearray | mmap.mmap] = []
        self._views: list[memoryview] = []
        self.layers = self._probe()
        self.layers["cgroup"] = cgroup_state
        missing = [name for name in self.policy.required_layers
                   if not self.layers.get(name, "off").startswith("on")]
        if missing:  # never grade with less isolation than the operator asked for
            raise RuntimeError("required sandbox layer unavailable: " + "; ".join(
                f"{name} ({self.layers.get(name, 'unknown')})" for name in missing))
        # Every layer that worked in the probe is mandatory from now on: fail closed.
        self.required = frozenset(k for k, v in self.layers.items() if v.startswith("on"))
        self.limits = _own_limits()  # re-checked before every fork

    def _probe(self) -> dict[str, str]:
        reply, payload, output = self.run(bytearray(), timeout_s=10.0, probe=True)
        if reply["outcome"] != "ok":
            raise RuntimeError(f"isolation probe failed: {reply['detail']}: {bytes(output)!r}")
        layers = json.loads(bytes(payload))
        self.wipe()
        return {name: layers.get(name, "off: not applied") for name in LAYERS}

    def run(self, request: bytearray, *, timeout_s: float,
            probe: bool = False) -> tuple[dict, memoryview, bytearray]:
        """Fork, confine and supervise one child; the buffers stay valid until `wipe()`."""
        if not probe and _own_limits() != self.limits:
            # something changed this zygote's limits: it cannot vouch for its children any more
            raise ZygoteTampered(f"limits changed: {_own_limits()} != {self.limits}")
        work_dir = tempfile.mkdtemp(dir=self.work_root, prefix="run-")
        uid = self.policy.uid_base + self.slot
        if os.geteuid() == 0:
            os.chown(work_dir, uid, uid)  # the dropped child owns its work dir, nothing else
        out_fd = os.open(os.path.join(work_dir, "output.txt"),
                         os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        read_fd, write_fd = os.pipe2(os.O_CLOEXEC)
        data_bytes, address_space_bytes = _data_and_address_space()
        setup = ChildSetup(self.policy, self.slot, work_dir, out_fd, write_fd, self.devnull,
                           os.getpid(), data_bytes, address_space_bytes,
                           self.landlock_abi, self.required, self.alive_r, self.alive_w,
                           pid_namespace_ready=self.pid_namespace is not None)
        oom_before = self.cgroup.oom_kills() if self.cgroup else 0
        sys.stdout.flush()
        sys.stderr.flush()
        started = time.monotonic()
        pid = -1
        if self.pid_namespace is not None:
            self.pid_namespace.begin()
        try:
            pid = os.fork()
        finally:
            if pid != 0 and self.pid_namespace is not None:
                self.pid_namespace.end()
        if pid == 0:
            _child(setup, request, self.entry, probe)
        os.close(write_fd)
        try:
            raw, raw_size, failure = supervise(pid, read_fd, timeout_s,
                                                self.policy.payload_cap)
            self._buffers = [request, raw]
            kill_group(pid)
            _, status, usage = os.wait4(pid, 0)
            duration_ms = (time.monotonic() - started) * 1000
            if self.cgroup:
                self.cgroup.kill_strays()
            reap_orphans()
            oom_killed = bool(self.cgroup) and self.cgroup.oom_kills() > oom_before
            output, output_size = read_output(out_fd, self.policy.output_cap)
            self._buffers.append(output)
        finally:
            os.close(read_fd)
            os.close(out_fd)
            remove_tree(work_dir)
        received = memoryview(raw)[:raw_size]
        reply, payload = classify(self.policy, received, failure, status, usage, timeout_s,
                                   oom_killed, output, output_size)
        self._views = [payload, received]  # released by wipe() before it unmaps `raw`
        reply.update(duration_ms=round(duration_ms, 3), maxrss_kb=usage.ru_maxrss,
                     cpu_s=round(usage.ru_utime + usage.ru_stime, 3))
        return reply, payload, output

    def wipe(self) -> None:
        """Zero or unmap the last run's request, result and output: see protocol.wipe."""
        for view in self._views:
            view.release()
        self._views = []
        for buf in self._buffers:
            if isinstance(buf, mmap.mmap):
                buf.close()
            else:
                protocol.wipe(buf)
        self._buffers = []

    def close(self) -> None:
        if self.cgroup:
            self.cgroup.remove()


class ZygoteTampered(Exception):
    """The zygote's own state changed under it; it exits and the pool starts a fresh one."""


LIMITS_WATCHED = ("RLIMIT_NOFILE", "RLIMIT_CPU", "RLIMIT_DATA", "RLIMIT_AS", "RLIMIT_FSIZE",
                  "RLIMIT_NPROC", "RLIMIT_CORE", "RLIMIT_STACK")


def _own_limits() -> dict[str, tuple[int, int]]:
    return {name: resource.getrlimit(getattr(resource, name)) for name in LIMITS_WATCHED}


def _import_all(preload: list[str], entry: str) -> Callable[[bytes], bytes]:
    if any(name == "torch" or name.startswith("torch.") for name in preload):
        import torch

        torch.set_num_threads(1)  # before any torch op: a used OpenMP pool hangs forked children
        torch.set_num_interop_threads(1)
        # Warm lazy initialisers (cpuinfo reads /proc/cpuinfo, NNPACK) while files are readable.
        weight = torch.zeros(2, 2, 3, 3)
        torch.nn.functional.conv2d(torch.zeros(1, 2, 8, 8), weight, padding=1).sum().item()
        torch.nn.functional.linear(torch.zeros(2, 4), torch.zeros(3, 4)).relu()
    for name in (*BASE_PRELOAD, *preload):
        try:
            importlib.import_module(name)
        except ImportError:
            if name in preload:
                raise
    module_name, _, function_name = entry.partition(":")
    return getattr(importlib.import_module(module_name), function_name)


def _pid_namespace_for_children() -> namespaces.PidNamespaceForChildren | None:
    """As root the zygote forks each run straight into a new PID namespace (no keeper fork)."""
    if os.geteuid() != 0:
        return None
    try:
        return namespaces.PidNamespaceForChildren()
    except OSError:
        return None


def _make_cgroup(policy: SandboxPolicy, slot: int):
    if os.geteuid() != 0:
        return None, "off: not root"
    from app.judge.sandbox.cgroup import SlotCgroup

    try:
        group = SlotCgroup(f"mianjing-slot{slot}-{os.getpid()}",
                           policy.memory_bytes + CGROUP_MEMORY_SLACK, policy.nproc + 8)
    except OSError as exc:
        return None, f"off: {exc}"
    return group, "on (memory + pids, cgroup v1)"


def _data_and_address_space() -> tuple[int, int]:
    """This process's VmData and VmSize in bytes, from one read of /proc/self/status."""
    found: dict[bytes, int] = {}
    with open("/proc/self/status", "rb") as f:
        for line in f:
            name, _, rest = line.partition(b":")
            if name in (b"VmData", b"VmSize"):
                found[name] = int(rest.split()[0]) * 1024
    if len(found) != 2:
        raise RuntimeError(f"VmData or VmSize missing from /proc/self/status: {found}")
    return found[b"VmData"], found[b"VmSize"]


def _child(setup: ChildSetup, request: bytearray, entry: Callable[[bytes], bytes],
           probe: bool) -> None:
    """Runs in the forked child; never returns."""
    code = SETUP_FAILED_EXIT
    try:
        # The zygote's fixed 128 KiB mmap threshold guards its own heap; in a run it made every
        # activation a fresh mmap and every free a munmap (ResNet-50: 44k page faults, 3.8k now).
        _linux.mallopt(_linux.M_MMAP_THRESHOLD, RUN_MMAP_THRESHOLD)
        _linux.mallopt(_linux.M_TRIM_THRESHOLD, RUN_TRIM_THRESHOLD)
        layers = confine(setup)
        code = HARNESS_FAULT_EXIT  # from here on, an exception escaping is the harness's fault
        payload = json.dumps(layers).encode() if probe else entry(bytes(request))
        if not isinstance(payload, bytes):
            raise TypeError(f"entry returned {type(payload).__name__}, not bytes")
        protocol.write_frames(RESULT_FD, payload)
        code = 0
    except BaseException:
        with contextlib.suppress(BaseException):
            traceback.print_exc()
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _take_protocol_fds() -> tuple[int, int]:
    """Move the protocol pipes off fds 0/1 so a stray print cannot corrupt the stream."""
    proto_in, proto_out = os.dup(0), os.dup(1)  # dup'ed fds are close-on-exec
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(2, 1)
    return proto_in, proto_out


def main() -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops us by closing stdin
    # Fixed mmap threshold: big buffers (requests, results) are unmapped when freed instead of
    # lingering in the heap, where every later fork (another user's run) would inherit them.
    _linux.mallopt(_linux.M_MMAP_THRESHOLD, 128 * 1024)
    proto_in, proto_out = _take_protocol_fds()
    config_frame = protocol.read_frame(proto_in, 1 << 20)
    if config_frame is None:
        return 1
    try:
        zygote = Zygote(json.loads(config_frame))
    except BaseException as exc:
        traceback.print_exc()
        protocol.write_frames(proto_out, json.dumps({"ready": False, "error": repr(exc)}).encode())
        return 1
    # Everything imported so far never needs collecting: moved out of the GC's sight, a run's
    # collections no longer touch (and copy-on-write) every object the zygote holds.
    gc.freeze()
    # Last, once the heap is settled: fewer page-table entries make every fork and exit cheaper.
    _linux.collapse_anonymous_memory()
    ready = {"ready": True, "pid": os.getpid(), "layers": zygote.layers}
    protocol.write_frames(proto_out, json.dumps(ready).encode())
    try:
        while True:
            header = protocol.read_frame(proto_in, 1 << 16)
            if header is None:
                return 0
            request = protocol.read_frame(proto_in, protocol.MAX_REQUEST) or bytearray()
            timeout_s = float(json.loads(header)["timeout_s"])
            try:
                reply, payload, output = zygote.run(request, timeout_s=timeout_s)
            except ZygoteTampered as exc:
                print(f"zygote exits: {exc}", file=sys.stderr)
                return TAMPERED_EXIT  # the pool reports this run as a fault and replaces us
            protocol.write_frames(proto_out, json.dumps(reply).encode(), payload, output)
            zygote.wipe()
    finally:
        zygote.close()


if __name__ == "__main__":
    sys.exit(main())
