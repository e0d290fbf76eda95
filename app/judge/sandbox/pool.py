"""Server side of the sandbox: a bounded queue in front of long-lived zygote subprocesses.

The server never forks itself. Each worker slot is one `python -m app.judge.sandbox.zygote` process that
imports torch once and forks an isolated child per run (see zygote.py, confine.py, SANDBOX.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import shutil
import sys
import tempfile
from dataclasses import dataclass
from typing import Literal

from app.judge.sandbox import cgroup, protocol
from app.judge.sandbox.confine import LAYERS
from app.judge.sandbox.policy import PROJECT_ROOT, SandboxPolicy
from app.judge.sandbox.protocol import MAX_REQUEST

logger = logging.getLogger(__name__)

Outcome = Literal["ok", "timeout", "memory", "crashed", "output_limit", "fault"]
WORKER_RESTARTED = "grader worker restarted"
_REPLY_GRACE_S = 10.0  # the zygote's own work after a run: killing, reaping, removing the dir
_STARTUP_TIMEOUT_S = 120.0  # importing torch on a loaded machine
_MAX_HEADER = 1 << 16
MAX_FAULTS_IN_A_ROW = 3


@dataclass(frozen=True)
class RunResult:
    outcome: Outcome  # "ok": the child exited 0 after writing its payload; "fault": ours
    payload: bytes  # raw bytes the entry function returned; b"" unless outcome == "ok"
    stdout: str  # captured stdout+stderr, bounded, utf-8 with 'replace'
    duration_ms: float
    detail: str  # plain words for the user


class GraderBusy(Exception):
    """Too many runs already waiting; the caller should retry later."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"the grader is busy; retry after {retry_after_s} s")
        self.retry_after_s = retry_after_s


class _WorkerFailed(Exception):
    def __init__(self, reason: str, *, request_sent: bool = True) -> None:
        super().__init__(reason)
        self.request_sent = request_sent  # False: the zygote was gone before this run reached it


class _Worker:
    """One zygote subprocess; runs one request at a time."""

    def __init__(self, slot: int, process: asyncio.subprocess.Process, work_root: str) -> None:
        self.slot = slot
        self.process = process
        self.work_root = work_root
        self.layers: dict[str, str] = {}
        self.dead = False
        self.faults_in_a_row = 0  # runs that failed on our side (set-up, harness) back to back

    @classmethod
    async def spawn(cls, slot: int, policy: SandboxPolicy, entry: str,
                    preload: tuple[str, ...]) -> _Worker:
        work_root = tempfile.mkdtemp(prefix=f"mianjing-slot{slot}-")  # private (0700) cwd
        env = {  # scrubbed: no server secrets or settings reach the zygote or user code
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": work_root,
            "PYTHONPATH": str(PROJECT_ROOT),
            "OMP_NUM_THREADS": "1",  # one compute thread per run: 2 cores serve 2 slots
            "MKL_NUM_THREADS": "1",
            # malloc on transparent huge pages: far fewer page-table entries to copy per fork
            "GLIBC_TUNABLES": "glibc.malloc.hugetlb=1",
        }
        process = await asyncio.create_subprocess_exec(
            # -s: no user site-packages; -B: no .pyc writes
            sys.executable, "-s", "-B", "-m", "app.judge.sandbox.zygote",
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            cwd=work_root, env=env, close_fds=True)
        worker = cls(slot, process, work_root)
        try:
            config = {"policy": policy.to_json(), "slot": slot, "entry": entry,
                      "preload": list(preload)}
            await worker._send(json.dumps(config).encode())
            ready = json.loads(await asyncio.wait_for(worker._read_frame(_MAX_HEADER),
                                                      _STARTUP_TIMEOUT_S))
            if not ready.get("ready"):
                raise _WorkerFailed(f"zygote failed to start: {ready.get('error')}")
            worker.layers = ready["layers"]
        except BaseException:
            await worker.kill()
            raise
        return worker

    async def _send(self, *bodies: bytes) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(b"".join(protocol.encode(b) for b in bodies))
        await stdin.drain()

    async def _read_frame(self, limit: int) -> bytes:
        stdout = self.process.stdout
        assert stdout is not None
        try:
            size = protocol.decode_length(await stdout.readexactly(protocol.LENGTH_SIZE))
            if size > limit:
                raise _WorkerFailed(f"frame of {size} bytes exceeds {limit}")
            return await stdout.readexactly(size)
        except asyncio.IncompleteReadError as exc:
            raise _WorkerFailed("zygote closed its pipe") from exc

    async def run(self, request: bytes, timeout_s: float, policy: SandboxPolicy) -> RunResult:
        try:
            await self._send(json.dumps({"timeout_s": timeout_s}).encode(), request)
        except OSError as exc:
            raise _WorkerFailed(f"{type(exc).__name__}: {exc}", request_sent=False) from exc
        try:
            async with asyncio.timeout(timeout_s + _REPLY_GRACE_S):
                reply = json.loads(await self._read_frame(_MAX_HEADER))
                payload = await self._read_frame(policy.payload_cap)
                output = await self._read_frame(policy.output_cap * 2)
        except (OSError, TimeoutError, ValueError, KeyError) as exc:
            raise _WorkerFailed(f"{type(exc).__name__}: {exc}") from exc
        return RunResult(outcome=reply["outcome"], payload=payload,
                         stdout=output.decode("utf-8", "replace"),
                         duration_ms=float(reply["duration_ms"]), detail=reply["detail"])

    async def kill(self) -> None:
        self.dead = True
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.process.wait(), 5)
        shutil.rmtree(self.work_root, ignore_errors=True)
        with contextlib.suppress(OSError):
            cgroup.sweep_stale()  # a killed zygote leaves its (now empty) slot cgroups behind

    async def stop(self) -> None:
        """Ask politely (EOF lets the zygote remove its cgroups), then kill."""
        self.dead = True
        if self.process.stdin is not None:
            self.process.stdin.close()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.process.wait(), 5)
        await self.kill()


class SandboxPool:
    """Runs requests in sandboxed children of `workers` zygotes, at most `queue_limit` waiting."""

    def __init__(self, policy: SandboxPolicy, *, workers: int = 2, queue_limit: int = 16,
                 entry: str = "app.judge.harness.runner:run_in_child",
                 preload: tuple[str, ...] = ("torch", "torch.nn", "torch.nn.functional")) -> None:
        self.policy = policy
        self.workers = workers
        self.queue_limit = queue_limit
        self.entry = entry
        self.preload = preload
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._live: dict[int, _Worker] = {}
        self._tasks: set[asyncio.Task] = set()
        self._ready = asyncio.Event()
        self._waiting = 0
        self._layers: dict[str, str] = {name: "unknown: starting" for name in LAYERS}
        self._layers_logged = False
        self._error: str | None = None
        self._closed = False
        self._mean_run_s = 1.0

    # lifecycle

    def start(self) -> None:
        """Spawn the zygotes in the background (needs a running event loop)."""
        asyncio.get_running_loop()
        for slot in range(self.workers):
            self._spawn_in_background(slot)

    async def wait_ready(self, timeout: float | None = None) -> None:
        """Return once at least one worker is ready; TimeoutError otherwise."""
        await asyncio.wait_for(self._ready.wait(), timeout)

    async def close(self) -> None:
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await asyncio.gather(*(w.stop() for w in list(self._live.values())),
                             return_exceptions=True)
        self._live.clear()

    def status(self) -> dict:
        ready = sum(1 for w in self._live.values() if not w.dead)
        if self._closed:
            state = "closed"
        elif ready == 0:
            state = "failed" if self._error else "starting"
        else:
            state = "ready" if ready == self.workers else "degraded"
        status = {"state": state, "workers": self.workers, "ready_workers": ready,
                  "queued": self._waiting, "layers": dict(self._layers)}
        if self._error:
            status["error"] = self._error
        return status

    # running

    async def run(self, request: bytes, *, timeout_s: float) -> RunResult:
        """Run one request in a fresh sandboxed child. Raises GraderBusy when the queue is full."""
        if self._closed:
            raise RuntimeError("the sandbox pool is closed")
        if len(request) > MAX_REQUEST:
            raise ValueError(f"request of {len(request)} bytes exceeds {MAX_REQUEST}")
        if self._waiting >= self.queue_limit:
            raise GraderBusy(self._retry_after_s())
        self._waiting += 1
        try:
            worker = await self._take_worker()
        finally:
            self._waiting -= 1
        # Shielded: a cancelled caller must not leave a zygote half-way through the protocol.
        return await asyncio.shield(self._track(self._run_on(worker, request, timeout_s)))

    async def _take_worker(self) -> _Worker:
        while True:
            worker = await self._idle.get()
            if not worker.dead and worker.process.returncode is None:
                return worker

    async def _run_on(self, worker: _Worker, request: bytes, timeout_s: float,
                      retry: bool = True) -> RunResult:
        try:
            result = await worker.run(request, timeout_s, self.policy)
        except _WorkerFailed as exc:
            logger.error("sandbox worker %d failed (%s); restarting it", worker.slot, exc)
            await self._replace(worker)
            if retry and not exc.request_sent:  # it died idle: this run never started
                return await self._run_on(await self._take_worker(), request, timeout_s, False)
            return RunResult("fault", b"", "", 0.0, WORKER_RESTARTED)
        self._mean_run_s = 0.8 * self._mean_run_s + 0.2 * result.duration_ms / 1000
        worker.faults_in_a_row = worker.faults_in_a_row + 1 if result.outcome == "fault" else 0
        if worker.faults_in_a_row >= MAX_FAULTS_IN_A_ROW:  # it cannot make a working child
            logger.error("sandbox worker %d failed %d runs in a row (%s); replacing it",
                         worker.slot, worker.faults_in_a_row, result.detail)
            await self._replace(worker)
            return result
        self._idle.put_nowait(worker)
        return result

    def _retry_after_s(self) -> int:
        estimate = self._mean_run_s * (self._waiting + 1) / self.workers
        return max(1, min(60, math.ceil(estimate)))

    # worker management

    def _track(self, coro) -> asyncio.Task:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def _spawn_in_background(self, slot: int) -> None:
        if not self._closed:
            self._track(self._keep_slot(slot))

    async def _keep_slot(self, slot: int) -> None:
        delay = 1.0
        while not self._closed:
            try:
                worker = await _Worker.spawn(slot, self.policy, self.entry, self.preload)
            except Exception as exc:  # a broken judge is logged loudly, never raised at users
                self._error = f"worker {slot} failed to start: {exc}"
                logger.error("sandbox %s; retrying in %.0f s", self._error, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 60.0)
                continue
            self._error = None
            self._live[slot] = worker
            self._note_layers(worker.layers)
            self._track(self._watch(worker))
            self._idle.put_nowait(worker)
            self._ready.set()
            return

    async def _watch(self, worker: _Worker) -> None:
        """Replace a zygote that dies on its own (killed, crashed) even while idle."""
        await worker.process.wait()
        if not worker.dead and not self._closed:
            logger.error("sandbox worker %d exited with %s; restarting it",
                         worker.slot, worker.process.returncode)
            await self._replace(worker)

    async def _replace(self, worker: _Worker) -> None:
        if worker.dead:  # already replaced (the watcher and a failed run can both notice)
            return
        worker.dead = True
        if self._live.get(worker.slot) is worker:
            del self._live[worker.slot]
        await worker.kill()
        self._spawn_in_background(worker.slot)

    def _note_layers(self, layers: dict[str, str]) -> None:
        if layers == self._layers and self._layers_logged:
            return
        self._layers = dict(layers)
        self._layers_logged = True
        for name, state in layers.items():
            if not state.startswith("on"):
                logger.warning("SANDBOX LAYER OFF: %s (%s); untrusted code runs with weaker "
                               "isolation", name, state)
