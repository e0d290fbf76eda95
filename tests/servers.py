"""Throwaway PostgreSQL and Redis servers for the tests: real servers from Debian's packages,
on free loopback ports, in temporary directories, stopped at the end.

PostgreSQL refuses to run as root, so as root its processes run as the `postgres` user the
Debian package creates (or `nobody`).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_owner(user: str | None) -> list[str]:
    if user is None:
        return []
    return ["setpriv", f"--reuid={user}", f"--regid={user}", "--init-groups"]


def _wait_port(port: int, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    """A fresh PostgreSQL cluster; yields the admin URL (database `postgres`)."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL binaries (Debian package `postgresql`) not installed")
    user = None
    if os.geteuid() == 0:
        names = [p.pw_name for p in pwd.getpwall()]
        user = "postgres" if "postgres" in names else "nobody"
    root = Path(tempfile.mkdtemp(prefix="mianjing-pg-"))
    data, run = root / "data", root / "run"
    data.mkdir()
    run.mkdir()
    if user is not None:
        uid = pwd.getpwnam(user).pw_uid
        for path in (root, data, run):
            os.chown(path, uid, -1)
    port = free_port()
    subprocess.run([*_as_owner(user), str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--no-sync"], check=True,
                   capture_output=True)
    server = subprocess.Popen(
        [*_as_owner(user), str(bin_dir / "postgres"), "-D", str(data), "-p", str(port),
         "-k", str(run), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
         "-c", "max_connections=200"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_port(port)
        url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        _wait_ready(url)
        yield url
    finally:
        server.send_signal(signal.SIGINT)  # "fast" shutdown: it does not wait for clients to leave
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(20)
        if server.poll() is None:
            server.kill()
        shutil.rmtree(root, ignore_errors=True)


def _wait_ready(url: str, timeout_s: float = 30.0) -> None:
    import sqlalchemy

    deadline = time.monotonic() + timeout_s
    while True:
        engine = sqlalchemy.create_engine(url)
        try:
            with engine.connect():
                return
        except sqlalchemy.exc.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
        finally:
            engine.dispose()


def create_database(admin_url: str, name: str) -> str:
    """A new empty database on the cluster; returns its URL."""
    import sqlalchemy

    engine = sqlalchemy.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


@contextlib.contextmanager
def redis() -> Iterator[str]:
    """A fresh Redis (no persistence); yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise FileNotFoundError("redis-server (Debian package `redis-server`) not installed")
    root = Path(tempfile.mkdtemp(prefix="mianjing-redis-"))
    port = free_port()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(root)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(10)
        shutil.rmtree(root, ignore_errors=True)
