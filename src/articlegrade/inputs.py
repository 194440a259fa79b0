"""Expand what a user names on the command line into a list of files, one per input row."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

#: File endings a directory walk picks up.
PAGE_SUFFIXES = (
    ".html",
    ".htm",
    ".xhtml",
    ".shtml",
    ".txt",
    ".text",
    ".md",
    ".html.gz",
    ".htm.gz",
    ".txt.gz",
)
_GLOB_CHARS = frozenset("*?[")


def expand(names: Iterable[str], stdin: Iterable[str] | None = None) -> Iterator[Path]:
    """Yield each file named: files as given, directories walked recursively (pages only, sorted),
    globs expanded (sorted), ``-`` read as one path a line from ``stdin``. A name that matches
    nothing is yielded as given, so the batch reports it as a row instead of dropping it. A file
    reached twice is yielded once."""
    seen: set[str] = set()
    for name in names:
        for path in _expand_one(name, stdin):
            key = os.path.normpath(os.fspath(path))
            if key not in seen:
                seen.add(key)
                yield path


def _expand_one(name: str, stdin: Iterable[str] | None) -> Iterator[Path]:
    if name == "-":
        for line in stdin or ():
            line = line.strip()
            if line:
                yield Path(line)
        return
    path = Path(name)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and is_page_file(p))
    elif path.exists() or not (_GLOB_CHARS & set(name)):
        yield path
    else:
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield path
        for match in matches:
            yield from _expand_one(match, None) if Path(match).is_dir() else (Path(match),)


def is_page_file(path: Path) -> bool:
    """True for a file a directory walk should grade (by its ending)."""
    return path.name.lower().endswith(PAGE_SUFFIXES)
