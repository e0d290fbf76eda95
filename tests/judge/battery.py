"""The attack battery as one program: start a sandbox pool, run every tests/judge/attacks/*.py,
print what each did as JSON. test_unprivileged.py runs it as an unprivileged uid (a laptop or
a container without root), where the run shares the server's uid.

Usage: python -m tests.judge.battery [ATTACK ...]
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from app.judge.sandbox.policy import PROJECT_ROOT, SandboxPolicy
from app.judge.sandbox.pool import SandboxPool
from app.judge.spec import read_header

ATTACKS = Path(__file__).parent / "attacks"
ENTRY = "tests.judge.sandbox_entries:run_code"
# Tight limits keep the battery fast: 2 s of CPU, 512 MiB above the zygote, a 1 MiB result.
POLICY = SandboxPolicy(cpu_s=2, memory_bytes=512 << 20, payload_cap=1 << 20)
TIMEOUT_S = 3.0


def problems(path: Path, outcome: str, payload: bytes, detail: str) -> list[str]:
    """How one attack's result differs from what its header expects."""
    expect = {key: values[0] for key, values in read_header(path.read_text()).items()}
    found = []
    if outcome != expect["expect"]:
        found.append(f"outcome {outcome} ({detail}), expected {expect['expect']}")
        return found
    if "result" in expect and json.loads(payload) != json.loads(expect["result"]):
        found.append(f"result {payload[:300]!r}, expected {expect['result']}")
    if "check" in expect and not eval(expect["check"], {"result": json.loads(payload)}):
        found.append(f"check failed: {expect['check']} on {payload[:300]!r}")
    if "detail" in expect and expect["detail"] not in detail:
        found.append(f"detail {detail!r} lacks {expect['detail']!r}")
    return found


async def run(names: list[str]) -> dict:
    tcp = socket.create_server(("127.0.0.1", 0))
    sock_dir = tempfile.mkdtemp()
    os.chmod(sock_dir, 0o755)
    unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    unix.bind(os.path.join(sock_dir, "server.sock"))
    unix.listen()
    data_dir = Path(tempfile.mkdtemp(prefix="mianjing-data-"))
    secret = data_dir / "expected_outputs.txt"
    secret.write_text("the answers")
    secret.chmod(0o644)
    pool = SandboxPool(POLICY, workers=2, entry=ENTRY)
    pool.start()
    await pool.wait_ready(timeout=120)
    context = {
        "secret_file": str(secret), "data_dir": str(data_dir),
        "app_source": str(PROJECT_ROOT / "app" / "judge" / "sandbox" / "policy.py"),
        "tmp_target": f"/tmp/mianjing-pwned-{os.getpid()}", "tcp_port": tcp.getsockname()[1],
        "unix_socket": unix.getsockname(), "payload_cap": POLICY.payload_cap,
        "server_pid": os.getpid(), "zygote_pids": [w.process.pid for w in pool._live.values()],
    }
    results = {}
    try:
        for path in sorted(ATTACKS.glob("*.py")):
            if names and path.stem not in names:
                continue
            code = f"CONTEXT = {json.dumps(context)}\n" + path.read_text()
            result = await pool.run(code.encode(), timeout_s=TIMEOUT_S)
            results[path.stem] = {
                "problems": problems(path, result.outcome, result.payload, result.detail),
                "outcome": result.outcome, "detail": result.detail,
            }
        after = await pool.run(b"result = sum(range(10))", timeout_s=TIMEOUT_S)
        return {"uid": os.getuid(), "layers": pool.status()["layers"], "attacks": results,
                "escaped_file": os.path.exists(context["tmp_target"]),
                "secret_mode": oct(secret.stat().st_mode & 0o777),
                "still_serving": (after.outcome, after.payload.decode())}
    finally:
        await pool.close()
        tcp.close()
        unix.close()
        shutil.rmtree(sock_dir, ignore_errors=True)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    print(json.dumps(asyncio.run(run(sys.argv[1:]))))
