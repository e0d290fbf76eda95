"""Fetch the registry packages that ship the corpus's cited files (see tests/judge/corpus/README.md).

    python tests/judge/corpus_fetch.py        # what tests/judge/test_corpus.py does on its own

Every corpus header that is not `# offline:` names, per cited range, a pinned distribution and a
file in it (`# package: timm==1.0.29 timm/models/resnet.py#L34-L151`). This downloads each of those
distributions once with `pip download --no-deps` into `.cache/corpus/dist/` (gitignored), checks the
archive's sha256 against DISTS below, and extracts only the cited `.py` files into
`.cache/corpus/src/<name>==<version>/<path>`. Nothing is installed or imported from them.
Idempotent, and offline once cached. `torch==2.13.0` is not downloaded: it is the project's own
pinned dependency, read from where it is installed.

Standard library only (it runs before anything else is known to work).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/judge/corpus"
CACHE = ROOT / ".cache/corpus"

# pip's own platform flags for the one binary wheel, so every machine fetches the same file.
CP311_LINUX = ("--platform", "manylinux_2_28_x86_64", "--python-version", "3.11",
               "--implementation", "cp", "--abi", "cp311")


@dataclass(frozen=True)
class Dist:
    filename: str  # the archive pip must bring
    sha256: str  # of that archive, as PyPI serves it
    pip_args: tuple[str, ...] = ("--only-binary=:all:",)
    top: str = ""  # an sdist's top folder, stripped from the paths the headers cite


DISTS: dict[str, Dist] = {
    "torchvision==0.29.1": Dist(
        "torchvision-0.29.1-cp311-cp311-manylinux_2_28_x86_64.whl",
        "2cb678029a5dd45afbbfa662fce49736827d52be33242b5a8a731e0db02ccdf5",
        ("--only-binary=:all:", *CP311_LINUX)),
    "timm==1.0.29": Dist(
        "timm-1.0.29-py3-none-any.whl",
        "4266486e355c9beb9432e689de580d09e2efe7fa92a9a79e76c03e7763eac724"),
    "timm==0.4.12": Dist(
        "timm-0.4.12-py3-none-any.whl",
        "dba6b1702b7d24bf9f0f1c2fc394b4ee28f93cde5404f1dc732d63ccd00533b6"),
    "d2l==1.0.3": Dist(
        "d2l-1.0.3-py3-none-any.whl",
        "c625a01e66eb5d793a7e0a6f8582b1e1e35dfad02b5e77f3d2ab299d07177ba6"),
    "diffusers==0.42.1": Dist(
        "diffusers-0.42.1-py3-none-any.whl",
        "9154faa704ce00e0b77f568e0d64786064368528aab5fc14eeea92f87d788014"),
    # No wheel on PyPI: the sdist (pip reads its metadata by running its setup.py).
    "fvcore==0.1.5.post20221221": Dist(
        "fvcore-0.1.5.post20221221.tar.gz",
        "f2fb0bb90572ae651c11c78e20493ed19b2240550a7e4bbb2d6de87bdd037860",
        ("--no-binary=fvcore",), top="fvcore-0.1.5.post20221221/"),
    "denoising-diffusion-pytorch==2.3.4": Dist(
        "denoising_diffusion_pytorch-2.3.4-py3-none-any.whl",
        "1f779c01c9b77e45a63f2e6cd54c0e8e8bd6725f564a44fe3ee15795ef5bded2"),
    "torch-fidelity==0.4.0": Dist(
        "torch_fidelity-0.4.0-py3-none-any.whl",
        "99f4c610ea16972628eceb26afb0008e528da2d44123db947b408750efbd35d4"),
    # The `yolov5` package is ultralytics/yolov5 repackaged (files under yolov5/).
    "yolov5==5.0.0": Dist(
        "yolov5-5.0.0-py36.py37.py38-none-any.whl",
        "e935721670846d82f74fca87bbccb876da218683b877137fe20b22e18017f4c4"),
    "yolov5==7.0.0": Dist(
        "yolov5-7.0.0-py36.py37.py38-none-any.whl",
        "a7e791d5189d6ad0119b49afa18636320623373564e948ebb1cf3a6eb47350b6"),
}
INSTALLED = {"torch==2.13.0"}  # read from the environment, never downloaded

PACKAGE_LINE = re.compile(r"#\s*package:\s*(\S+==\S+)\s+([^#\s]+)#L(\d+)(?:-L(\d+))?")


# What pip prints when it cannot reach the registry (as opposed to the registry saying no).
NETWORK_TROUBLE = ("Retrying (", "NewConnectionError", "ConnectionError", "Max retries exceeded",
                   "name resolution", "Network is unreachable", "timed out", "ProxyError")


class FetchError(Exception):
    """A distribution could not be had (no network, registry down): the corpus test skips."""


class IntegrityError(Exception):
    """The registry answered but not with what the pins say, or the installed torch is not the
    pinned one: the corpus test fails."""


def cited_files(corpus: Path = CORPUS) -> dict[str, set[str]]:
    """{dist: {path in dist}} over every header's `# package:` lines."""
    files: dict[str, set[str]] = {}
    for header in sorted(corpus.glob("*/*.header")):
        for line in header.read_text().splitlines():
            match = PACKAGE_LINE.match(line)
            if match:
                files.setdefault(match.group(1), set()).add(match.group(2))
    return files


def installed_root(dist: str) -> Path:
    """Where an INSTALLED distribution's files are, once its version is the pinned one."""
    name, version = dist.split("==")
    try:
        found = importlib.metadata.version(name).split("+")[0]
    except importlib.metadata.PackageNotFoundError:
        raise IntegrityError(f"{dist}: not installed") from None
    if found != version:
        raise IntegrityError(f"{dist}: the installed {name} is {found}")
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise IntegrityError(f"{dist}: cannot locate the installed package")
    return Path(spec.origin).parent.parent


def source_root(dist: str, cache: Path = CACHE) -> Path:
    """The folder a cited `path` of `dist` is read from (after fetch())."""
    if dist in INSTALLED:
        return installed_root(dist)
    return cache / "src" / dist


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _safe(path: str) -> str:
    parts = Path(path).parts
    if Path(path).is_absolute() or ".." in parts or not path.endswith(".py"):
        raise IntegrityError(f"refusing to extract {path!r}: a relative .py path is expected")
    return path


def download(dist: str, cache: Path = CACHE) -> Path:
    """The verified archive of `dist` in the cache, downloading it if missing."""
    pin = DISTS[dist]
    archive = cache / "dist" / pin.filename
    if not archive.is_file():
        archive.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=archive.parent) as tmp:
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
                   "--retries", "2", "--timeout", "60", *pin.pip_args, dist, "-d", tmp]
            run = subprocess.run(cmd, capture_output=True, text=True,
                                 env={**os.environ, "PIP_NO_INPUT": "1"})
            got = sorted(os.listdir(tmp))
            if run.returncode != 0:
                said = run.stderr + run.stdout
                tail = ((run.stderr.strip() or run.stdout.strip()).splitlines() or ["?"])[-1]
                if any(sign in said for sign in NETWORK_TROUBLE):
                    raise FetchError(f"pip download {dist} could not reach the registry: {tail}")
                raise IntegrityError(f"pip download {dist} failed: {tail}")
            if got != [pin.filename]:
                raise IntegrityError(f"pip download {dist} brought {got}, pinned {pin.filename}")
            os.replace(Path(tmp) / pin.filename, archive)
    digest = _sha256(archive)
    if digest != pin.sha256:
        archive.unlink()
        raise IntegrityError(f"{pin.filename}: sha256 {digest}, pinned {pin.sha256}")
    return archive


def extract(dist: str, paths: set[str], cache: Path = CACHE) -> Path:
    """Extract the cited files of `dist` (only those) into cache/src/<dist>/."""
    out = cache / "src" / dist
    missing = sorted(p for p in paths if not (out / _safe(p)).is_file())
    if not missing:
        return out
    pin = DISTS[dist]
    archive = download(dist, cache)
    for path in missing:
        member = pin.top + path
        if archive.name.endswith(".whl"):
            with zipfile.ZipFile(archive) as zf:
                data = zf.read(member)
        else:
            with tarfile.open(archive) as tf:
                handle = tf.extractfile(member)
                if handle is None:
                    raise IntegrityError(f"{archive.name}: {member} is not a file")
                data = handle.read()
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".py.partial")
        partial.write_bytes(data)
        os.replace(partial, target)
    return out


def fetch(corpus: Path = CORPUS, cache: Path = CACHE) -> dict[str, Path]:
    """Make every cited file readable; {dist: folder its cited paths are under}."""
    roots = {}
    for dist, paths in sorted(cited_files(corpus).items()):
        if dist in INSTALLED:
            roots[dist] = installed_root(dist)
        elif dist in DISTS:
            roots[dist] = extract(dist, paths, cache)
        else:
            raise IntegrityError(f"a header cites {dist}, which DISTS does not pin")
    return roots


if __name__ == "__main__":
    for name, folder in fetch().items():
        print(f"{name:40} {folder}")
