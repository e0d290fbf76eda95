"""The sandbox against the attack battery of SANDBOX.md, plus pool behaviour (restart, busy)."""

from __future__ import annotations

import asyncio
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from app.judge.sandbox.confine import LAYERS
from app.judge.sandbox.policy import PROJECT_ROOT, SandboxPolicy
from app.judge.sandbox.pool import WORKER_RESTARTED, GraderBusy, SandboxPool
from tests.judge import battery
from tests.judge.battery import ENTRY, POLICY, TIMEOUT_S, problems

pytestmark = pytest.mark.slow  # starts real sandboxes, servers or whole-bank checks

ATTACKS = sorted(battery.ATTACKS.glob("*.py"))


class Harness:
    """One pool on a private event loop, shared by the module's tests."""

    def __init__(self, pool: SandboxPool, loop: asyncio.AbstractEventLoop, context: dict) -> None:
        self.pool, self.loop, self.context = pool, loop, context

    def call(self, coro):
        return self.loop.run_until_complete(coro)

    def run(self, code: str, timeout_s: float = TIMEOUT_S):
        prelude = f"CONTEXT = {json.dumps(self.context)}\n"
        return self.call(self.pool.run((prelude + code).encode(), timeout_s=timeout_s))


@pytest.fixture(scope="module")
def listeners():
    """A TCP and a UNIX listener the sandbox must not reach; yields their addresses."""
    tcp = socket.create_server(("127.0.0.1", 0))
    tcp.setblocking(False)
    sock_dir = tempfile.mkdtemp()
    os.chmod(sock_dir, 0o755)
    unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    unix.bind(os.path.join(sock_dir, "server.sock"))
    os.chmod(os.path.join(sock_dir, "server.sock"), 0o777)  # only the sandbox may stop it
    unix.listen()
    unix.setblocking(False)
    yield tcp, unix
    tcp.close()
    unix.close()
    shutil.rmtree(sock_dir)


@pytest.fixture(scope="module")
def sandbox(listeners):
    tcp, unix = listeners
    data_dir = Path(tempfile.mkdtemp(prefix="mianjing-data-"))
    data_dir.chmod(0o755)
    secret = data_dir / "expected_outputs.txt"
    secret.write_text("the answers")
    secret.chmod(0o644)  # world-readable on purpose: the sandbox must still not read it
    context = {
        "secret_file": str(secret),
        "app_source": str(PROJECT_ROOT / "app" / "judge" / "sandbox" / "policy.py"),
        "data_dir": str(data_dir),
        "server_pid": os.getpid(),
        "tmp_target": f"/tmp/mianjing-pwned-{os.getpid()}",
        "tcp_port": tcp.getsockname()[1],
        "unix_socket": unix.getsockname(),
        "payload_cap": POLICY.payload_cap,
    }
    os.environ["MIANJING_SECRET_KEY"] = "server-only"  # must not reach the zygote
    loop = asyncio.new_event_loop()
    pool = SandboxPool(POLICY, workers=2, entry=ENTRY)
    try:
        loop.run_until_complete(_start(pool))
    finally:
        del os.environ["MIANJING_SECRET_KEY"]
    assert Path(context["app_source"]).is_file()  # an attack on a missing file proves nothing
    context["zygote_pids"] = [w.process.pid for w in pool._live.values()]
    yield Harness(pool, loop, context)
    loop.run_until_complete(pool.close())
    loop.close()
    shutil.rmtree(data_dir)


async def _start(pool: SandboxPool) -> None:
    pool.start()
    assert pool.status()["state"] == "starting"
    await pool.wait_ready(timeout=60)


def test_every_layer_is_on_as_root(sandbox):
    layers = sandbox.pool.status()["layers"]
    assert set(layers) == set(LAYERS)
    if os.geteuid() != 0:
        pytest.skip("uid drop and cgroups need root")
    assert all(state.startswith("on") for state in layers.values()), layers


@pytest.mark.parametrize("attack", ATTACKS, ids=[p.stem for p in ATTACKS])
def test_attack_is_contained(sandbox, listeners, attack):
    started = time.monotonic()
    result = sandbox.run(attack.read_text())

    # the attack's header (expected outcome, result, check, detail), as the battery reads it
    assert problems(attack, result.outcome, result.payload, result.detail) == [], \
        result.stdout[-2000:]
    if result.outcome != "ok":
        assert result.payload == b""
    assert len(result.stdout) <= POLICY.output_cap + 64
    assert time.monotonic() - started < TIMEOUT_S + 3
    # nothing escaped: no connection reached a listener, no file appeared outside the work dir
    for listener in listeners:
        with pytest.raises(BlockingIOError):
            listener.accept()
    assert not os.path.exists(sandbox.context["tmp_target"])


def test_a_run_cannot_read_an_earlier_runs_source(sandbox):
    secret = "PREVIOUS-USER-SOLUTION-7f3a9c"  # split in the scanner, so only this run has it whole
    earlier = f"SECRET = {secret!r} * 100\nprint(SECRET)\nresult = SECRET\n" + "# pad\n" * 300
    scanner = (Path(__file__).parent / "attacks" / "read_previous_run.py").read_text()

    async def both_workers(code: str):  # concurrent runs land on both zygotes
        return await asyncio.gather(*(sandbox.pool.run(code.encode(), timeout_s=10)
                                      for _ in range(sandbox.pool.workers)))

    assert all(r.outcome == "ok" for r in sandbox.call(both_workers(earlier)))
    for result in sandbox.call(both_workers(scanner)):
        assert result.outcome == "ok", result.stdout
        scan = json.loads(result.payload)
        assert scan["found"] == [] and scan["scanned_pages"] > 100, scan


LOCK_LIBRARY_FD = """
import fcntl, os
fcntl.flock(10, fcntl.LOCK_EX)  # on the run's own description of its first library fd
result = {"locked": os.path.isdir("/proc/self/fd/10")}
"""
SEE_LOCK = """
import fcntl, os
import xml.dom.minidom  # not preloaded: resolved through sys.path routed to the library fds


def can_lock():
    fd = os.open("/proc/self/fd/10", os.O_RDONLY)  # a new description of the same directory
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(fd)
    return True


free = can_lock()  # an earlier run's lock, were it still held, would show here
held = os.open("/proc/self/fd/10", os.O_RDONLY)
fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
control = can_lock()  # a conflict is detectable in the sandbox
result = {"free": free, "control": control, "imported": xml.dom.minidom.__name__}
"""


def test_library_fds_are_each_runs_own(sandbox):
    """The zygote routes sys.path to fixed library fd numbers once; each run opens its own
    descriptions at those numbers, so nothing set on one (a lock, an offset) reaches the next.
    One run at a time (locks are per directory, so concurrent runs would see each other's), as
    many as there are workers: idle workers are taken in turn, so each slot runs both."""
    for code, expected in ((LOCK_LIBRARY_FD, {"locked": True}),
                           (SEE_LOCK, {"free": True, "control": False,
                                       "imported": "xml.dom.minidom"})):
        for _ in range(sandbox.pool.workers):
            result = sandbox.run(code, timeout_s=10)
            assert result.outcome == "ok", result.stdout
            assert json.loads(result.payload) == expected


def test_normal_run_after_the_battery(sandbox):
    result = sandbox.run("result = sum(range(10))")
    assert (result.outcome, result.payload) == ("ok", b"45")
    assert sandbox.pool.status()["state"] == "ready"


def test_torch_conv_forward_in_full_sandbox(sandbox):
    code = (
        "import torch\n"
        "torch.manual_seed(0)\n"
        "conv = torch.nn.Conv2d(3, 8, 3, padding=1)\n"
        "block = torch.nn.Sequential(conv, torch.nn.BatchNorm2d(8), torch.nn.ReLU())\n"
        "y = block(torch.randn(2, 3, 16, 16))\n"
        "result = {'shape': list(y.shape), 'threads': torch.get_num_threads(),\n"
        "          'finite': bool(torch.isfinite(y).all())}\n"
    )
    result = sandbox.run(code)
    assert result.outcome == "ok", result.stdout
    assert json.loads(result.payload) == {"shape": [2, 8, 16, 16], "threads": 1, "finite": True}


def test_torch_with_two_threads_under_seccomp(sandbox):
    code = (
        "import torch\n"
        "torch.set_num_threads(2)\n"
        "y = torch.nn.functional.conv2d(torch.ones(4, 16, 32, 32), torch.ones(16, 16, 3, 3))\n"
        "result = float(y.sum())\n"
    )
    result = sandbox.run(code)
    assert result.outcome == "ok", result.stdout


def test_entry_exception_is_our_fault_with_traceback(sandbox):
    # The entry is the harness (trusted code): an exception escaping it is the grader's fault,
    # never the user's verdict. User code inside it is wrapped and reported separately.
    result = sandbox.run("raise ValueError('boom')")
    assert result.outcome == "fault"
    assert "harness raised" in result.detail and "ValueError: boom" in result.detail
    assert "ValueError: boom" in result.stdout


def test_exit_code_of_the_code_itself_is_a_crash(sandbox):
    result = sandbox.run("import os\nos._exit(3)")
    assert (result.outcome, result.detail) == ("crashed", "exit code 3")


async def until(condition, timeout_s: float = 30.0) -> None:
    """Wait for an observable state of the pool (instead of sleeping a guessed time)."""
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)
    await asyncio.wait_for(poll(), timeout_s)


def _wait_for_new_zygotes(sandbox, old_pids: set[int]) -> None:
    pool = sandbox.pool

    async def replaced() -> None:
        while not (len(pool._live) == pool.workers
                   and not {w.process.pid for w in pool._live.values()} & old_pids):
            await asyncio.sleep(0.05)

    sandbox.call(asyncio.wait_for(replaced(), 60))


def test_killed_zygote_is_replaced(sandbox):
    victim = next(iter(sandbox.pool._live.values()))
    os.kill(victim.process.pid, signal.SIGKILL)
    _wait_for_new_zygotes(sandbox, {victim.process.pid})

    for _ in range(4):  # both slots, the new one included
        result = sandbox.run("result = 'alive'")
        assert (result.outcome, result.payload) == ("ok", b'"alive"')
    assert sandbox.pool.status()["state"] == "ready"


def test_zygote_dying_mid_run_restarts_it(sandbox):
    pool = sandbox.pool
    pids = {w.process.pid for w in pool._live.values()}

    async def run_and_kill():
        task = asyncio.ensure_future(pool.run(b"import time\ntime.sleep(5)", timeout_s=5))
        await until(lambda: pool._idle.qsize() == pool.workers - 1)  # a zygote took the run
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        return await task

    result = sandbox.call(run_and_kill())
    assert (result.outcome, result.detail) == ("fault", WORKER_RESTARTED)
    _wait_for_new_zygotes(sandbox, pids)
    assert sandbox.run("result = 2").payload == b"2"


def test_grader_busy_when_the_queue_is_full():
    async def scenario() -> None:
        pool = SandboxPool(POLICY, workers=1, queue_limit=1, entry=ENTRY, preload=())
        pool.start()
        await pool.wait_ready(timeout=60)
        try:
            slow = b"import time\ntime.sleep(1)\nresult = 'slow'"
            running = asyncio.ensure_future(pool.run(slow, timeout_s=5))
            await until(lambda: pool._idle.qsize() == 0)  # the only worker is busy
            queued = asyncio.ensure_future(pool.run(slow, timeout_s=5))
            await until(lambda: pool.status()["queued"] == 1)
            with pytest.raises(GraderBusy) as busy:
                await pool.run(slow, timeout_s=5)
            assert busy.value.retry_after_s >= 1
            assert [r.outcome for r in await asyncio.gather(running, queued)] == ["ok", "ok"]
        finally:
            await pool.close()

    asyncio.run(scenario())


def test_a_zygote_whose_limits_changed_is_replaced(sandbox):
    """Something (not a run: runs cannot reach it) lowered a zygote's limits: it refuses to fork
    children it cannot vouch for, the run is our fault, and a fresh zygote takes over."""
    pool = sandbox.pool
    pids = {w.process.pid for w in pool._live.values()}
    for pid in pids:
        soft, hard = resource.prlimit(pid, resource.RLIMIT_NOFILE)
        resource.prlimit(pid, resource.RLIMIT_NOFILE, (63, hard))
    results = [sandbox.run("result = 1") for _ in range(len(pids))]
    assert {(r.outcome, r.detail) for r in results} == {("fault", WORKER_RESTARTED)}
    _wait_for_new_zygotes(sandbox, pids)
    assert sandbox.run("result = 2").payload == b"2"
    assert pool.status()["state"] == "ready"


def test_a_required_layer_that_cannot_be_had_stops_grading():
    """Asked for a layer this machine cannot give, the grader refuses to start rather than
    grade with less; its status says why (the server then answers 503 with it)."""
    policy = SandboxPolicy(cpu_s=2, required_layers=("namespaces", "no_such_layer"))

    async def scenario() -> dict:
        pool = SandboxPool(policy, workers=1, entry=ENTRY, preload=())
        pool.start()
        try:
            async def failed() -> None:
                while pool.status()["state"] != "failed":
                    await asyncio.sleep(0.05)
            await asyncio.wait_for(failed(), 60)
            return pool.status()
        finally:
            await pool.close()

    status = asyncio.run(scenario())
    assert "required sandbox layer unavailable: no_such_layer" in status["error"]


COLLAPSE = """
import mmap
from app.judge.sandbox import linux

def huge_kib():
    with open("/proc/self/smaps_rollup") as f:
        return int(next(line for line in f if line.startswith("AnonHugePages")).split()[1])

buf = mmap.mmap(-1, 64 << 20, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
buf.write(b"x" * (64 << 20))  # 64 MiB of anonymous memory in ordinary pages, like Python's arenas
before = huge_kib()
collapsed = linux.collapse_anonymous_memory()
print(before, huge_kib(), collapsed)
"""


def test_the_zygotes_memory_can_be_backed_by_huge_pages():
    """What makes a fork cheap (docs/sandbox.md): anonymous memory collapsed into 2 MiB pages."""
    done = subprocess.run([sys.executable, "-c", COLLAPSE], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, check=True, timeout=60)
    before_kib, after_kib, collapsed_mib = map(int, done.stdout.split())
    if collapsed_mib == 0:
        pytest.skip("this kernel collapses nothing (no MADV_COLLAPSE, or THP disabled)")
    assert after_kib - before_kib >= 32 << 10  # at least half of the 64 MiB
    assert collapsed_mib >= 32
