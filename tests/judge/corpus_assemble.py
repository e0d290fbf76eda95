"""Read a corpus header (tests/judge/corpus/<card>/<name>.header) and assemble its submission.

The header pins the original lines (`# source:` on GitHub, `# package:` in a registry package) and
the glue; the lines themselves come from a reader (the fetched package files, see corpus_fetch.py).

Assembling (what README.md describes):
1. cut every cited range, in the order listed (`# cut: dedent` dedents the joined text);
2. with a `glue-template`, the template is the whole file and each `<<N>>` line becomes range N;
   otherwise the ranges (less those "read for the glue, not copied") are joined with blank lines,
   the `glue-pre` lines go first, each `glue-edit` replaces its `-` lines by its `+` lines
   (`+ (nothing)` deletes them) and the `glue-post` lines go last.
The sha256 is over every cited range, each its lines joined by "\\n", ranges joined by "\\n\\n".
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SOURCE = re.compile(r"#\s*source:\s*(https://github\.com/([^/]+/[^/]+)/blob/\S+?)#L(\d+)(?:-L(\d+))?(.*)$")
PACKAGE = re.compile(r"#\s*package:\s*(\S+==\S+)\s+([^#\s]+)#L(\d+)(?:-L(\d+))?(.*)$")
FIELD = re.compile(r"#\s*([a-z0-9-]+):\s*(.*?)\s*$")
GLUE_ONLY = "read for the glue"
PLACEHOLDER = re.compile(r"^\s*<<(\d+)>>\s*$")


@dataclass(frozen=True)
class Cited:
    where: str  # a dist ("timm==1.0.29") or a repository URL up to the path
    path: str
    start: int
    end: int
    glue_only: bool  # read to write the glue, not part of the submission


@dataclass
class Entry:
    card: str
    name: str
    sources: list[Cited]
    packages: list[Cited]
    fields: dict[str, list[str]]
    pre: list[str] = field(default_factory=list)
    post: list[str] = field(default_factory=list)
    edits: list[tuple[list[str], list[str]]] = field(default_factory=list)
    template: list[str] | None = None

    @property
    def id(self) -> str:
        return f"{self.card}/{self.name}"

    @property
    def offline(self) -> str | None:
        return self.fields["offline"][0] if "offline" in self.fields else None

    @property
    def files(self) -> list[str]:
        """The cited GitHub files, as owner/repo/path."""
        return list(dict.fromkeys(
            f"{c.where.split('/blob/')[0].removeprefix('https://github.com/')}/{c.path}"
            for c in self.sources))

    def one(self, key: str) -> str | None:
        values = self.fields.get(key)
        return values[0] if values else None


def _cited(match: re.Match[str], where: str, path: str) -> Cited:
    start = int(match.group(3))
    end = int(match.group(4) or start)
    return Cited(where, path, start, end, GLUE_ONLY in match.group(5))


def parse(path: Path) -> Entry:
    entry = Entry(path.parent.name, path.stem, [], [], {})
    block: list[str] | None = None
    minus: list[str] = []
    for line in path.read_text().splitlines():
        if (m := SOURCE.match(line)):
            url, repo_path = m.group(1), m.group(1).split("/blob/", 1)[1].split("/", 1)[1]
            entry.sources.append(_cited(m, url[: -len(repo_path) - 1], repo_path))
        elif (m := PACKAGE.match(line)):
            entry.packages.append(_cited(m, m.group(1), m.group(2)))
        elif line.startswith("# glue-pre"):
            block = entry.pre
        elif line.startswith("# glue-post"):
            block = entry.post
        elif line.startswith("# glue-template"):
            entry.template = block = []
        elif line.startswith("# glue-edit"):
            minus, plus = [], []
            entry.edits.append((minus, plus))
            block = None
        elif line == "# |" or line.startswith("# | "):
            if block is None:
                raise ValueError(f"{path}: a `# |` line outside a glue block")
            block.append(line[4:])
        elif line.startswith("# - "):
            entry.edits[-1][0].append(line[4:])
        elif line.startswith("# + "):
            entry.edits[-1][1].append(line[4:])
        elif (m := FIELD.match(line)):
            entry.fields.setdefault(m.group(1), []).append(m.group(2))
    if entry.packages and len(entry.packages) != len(entry.sources):
        raise ValueError(f"{path}: {len(entry.sources)} `source:` lines but "
                         f"{len(entry.packages)} `package:` lines")
    if bool(entry.packages) == bool(entry.offline):
        raise ValueError(f"{path}: needs either `package:` lines or an `offline:` line")
    return entry


Reader = Callable[[Cited], list[str]]


def cut(entry: Entry, read: Reader) -> list[str]:
    """Each cited range's text (the `package:` ranges; the `source:` ones for an offline entry)."""
    texts = []
    for cited in entry.packages or entry.sources:
        lines = read(cited)
        if cited.end > len(lines):
            raise ValueError(f"{entry.id}: {cited.path} has {len(lines)} lines, "
                             f"the header cites L{cited.start}-L{cited.end}")
        texts.append("\n".join(lines[cited.start - 1:cited.end]))
    return texts


def digest(texts: list[str]) -> str:
    return hashlib.sha256("\n\n".join(texts).encode()).hexdigest()


def assemble(entry: Entry, texts: list[str]) -> str:
    """The submission: the cited ranges' texts put together with the header's glue."""
    cited = entry.packages or entry.sources
    if entry.template is not None:
        out = []
        for line in entry.template:
            m = PLACEHOLDER.match(line)
            out.append(texts[int(m.group(1)) - 1] if m else line)
        return "\n".join(out) + "\n"
    body = "\n\n".join(t for t, c in zip(texts, cited, strict=True) if not c.glue_only)
    if entry.one("cut") == "dedent":
        body = textwrap.dedent(body)
    for minus, plus in entry.edits:
        old, new = "\n".join(minus), "\n".join(plus)
        if new == "(nothing)":
            new = ""
            if old + "\n" in body:
                old += "\n"
        if old not in body:
            raise ValueError(f"{entry.id}: glue-edit target not found: {old!r}")
        body = body.replace(old, new)
    parts = ["\n".join(entry.pre), body, "\n".join(entry.post)]
    return "\n\n".join(p for p in parts if p) + "\n"
