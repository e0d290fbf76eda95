"""A run, watched from the zygote: collect its result, stop it at the deadline, say what
happened in plain words (timeout, memory, crash, or our own fault)."""

from __future__ import annotations

import contextlib
import mmap
import os
import select
import signal
import time

from app.judge.sandbox import protocol
from app.judge.sandbox.confine import HARNESS_FAULT_EXIT, SETUP_FAILED_EXIT
from app.judge.sandbox.policy import SandboxPolicy

MEMORY_MARKERS = (b"MemoryError", b"Cannot allocate memory", b"can't allocate memory",
                  b"std::bad_alloc")


def supervise(pid: int, read_fd: int, timeout_s: float,
               payload_cap: int) -> tuple[mmap.mmap, int, str | None]:
    """Collect the result pipe until the child exits; stop at the deadline or the byte cap.

    The result lands in a private anonymous mapping: untouched pages cost nothing, and
    closing it unmaps it, so no later fork inherits another user's result.
    """
    pidfd = os.pidfd_open(pid)
    os.set_blocking(read_fd, False)
    limit = payload_cap + protocol.LENGTH_SIZE
    buf = mmap.mmap(-1, limit + 1, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    got = 0
    deadline = time.monotonic() + timeout_s
    pipe_open = True
    failure: str | None = None
    try:
        with memoryview(buf) as view:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    failure = "timeout"
                    break
                watched = [pidfd, read_fd] if pipe_open else [pidfd]
                ready, _, _ = select.select(watched, [], [], remaining)
                exited = pidfd in ready
                while pipe_open and (read_fd in ready or exited) and got <= limit:
                    try:
                        n = os.readv(read_fd, [view[got:]])
                    except BlockingIOError:
                        break
                    pipe_open = n > 0
                    got += n
                    if not exited:
                        break
                if got > limit:
                    failure = "output_limit"
                    break
                if exited:
                    break
    finally:
        os.close(pidfd)
    return buf, got, failure


def kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)  # setsid made the child a group leader: take all of it


def reap_orphans() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def read_output(fd: int, cap: int) -> tuple[bytearray, int]:
    """The captured output, its head and tail when over `cap` (tracebacks end at the tail)."""
    size = os.fstat(fd).st_size
    if size <= cap:
        buf = bytearray(size)
        os.preadv(fd, [buf], 0)
        return buf, size
    marker = b"\n[truncated]\n"
    head, tail = cap * 3 // 4, cap // 4
    buf = bytearray(head + len(marker) + tail)
    with memoryview(buf) as view:
        os.preadv(fd, [view[:head]], 0)
        view[head:head + len(marker)] = marker
        os.preadv(fd, [view[head + len(marker):]], size - tail)
    return buf, size


def remove_tree(path: str) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def classify(policy: SandboxPolicy, raw: memoryview, failure: str | None, status: int, usage,
              timeout_s: float, oom_killed: bool, output: bytearray,
              output_size: int) -> tuple[dict, memoryview]:
    """Turn what was observed into an outcome and plain words for the user."""
    exit_code = os.waitstatus_to_exitcode(status)
    reply: dict = {"exit_code": exit_code if exit_code >= 0 else None,
                   "signal": -exit_code if exit_code < 0 else None}
    cpu_s = usage.ru_utime + usage.ru_stime
    gib = policy.memory_bytes / (1 << 30)

    def result(outcome: str, detail: str, payload: memoryview | None = None,
               ) -> tuple[dict, memoryview]:
        reply.update(outcome=outcome, detail=detail)
        return reply, payload if payload is not None else memoryview(b"")

    if failure == "timeout":
        return result("timeout", f"killed after {timeout_s:.1f} s wall clock")
    if failure == "output_limit":
        return result("output_limit", f"returned more than {policy.payload_cap} bytes")
    if exit_code < 0:
        sig = -exit_code
        if sig == signal.SIGXCPU or (sig == signal.SIGKILL and cpu_s >= policy.cpu_s):
            return result("timeout", f"exceeded the {policy.cpu_s} s CPU-time limit")
        if sig == signal.SIGKILL and oom_killed:
            return result("memory", f"exceeded the {gib:g} GiB memory limit")
        return result("crashed", f"killed by signal {sig} ({signal.Signals(sig).name})")
    if exit_code == 0:
        if len(raw) < protocol.LENGTH_SIZE:
            return result("crashed", "exited without returning a result")
        if protocol.decode_length(raw[:protocol.LENGTH_SIZE]) != len(raw) - protocol.LENGTH_SIZE:
            return result("crashed", "returned a malformed result")
        return result("ok", "", raw[protocol.LENGTH_SIZE:])
    if any(marker in output for marker in MEMORY_MARKERS):
        return result("memory", f"exceeded the {gib:g} GiB memory limit")
    if output_size >= policy.fsize_bytes:
        return result("output_limit", f"printed more than {policy.fsize_bytes // 1024} KiB")
    if exit_code == SETUP_FAILED_EXIT:
        return result("fault", "sandbox setup failed")
    if exit_code == HARNESS_FAULT_EXIT:
        return result("fault", "the grader's harness raised: " + _last_line(output))
    return result("crashed", f"exit code {exit_code}")


def _last_line(output: bytearray) -> str:
    lines = bytes(output).decode("utf-8", "replace").strip().splitlines()
    return lines[-1][:300] if lines else "no output"
