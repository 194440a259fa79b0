"""The ``articlegrade`` command: a thin layer over the library.

Library errors (``ArticlegradeError``) become one-line messages and ``status``/``reason`` fields;
a batch never stops on one bad page.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlegrade",
        description="Grade scraped web articles for SEO content quality.",
    )
    parser.add_argument("--version", action="version", version=f"articlegrade {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p_clean = sub.add_parser(
        "clean",
        help="extract the article from pages or texts and list the boilerplate removed",
        description="Write one JSON object per input: path, status, title, text and the removed "
        "lines with their kinds. Directories are walked, globs expanded, '-' reads paths from stdin.",
    )
    p_clean.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, glob or -")
    p_clean.add_argument(
        "-o", "--output", metavar="FILE", help="write JSON lines here (default: stdout)"
    )
    p_clean.set_defaults(func=cmd_clean)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("articlegrade: interrupted", file=sys.stderr)
        return 130


def cmd_clean(args: argparse.Namespace) -> int:
    from .cleaning import clean
    from .errors import ArticlegradeError
    from .inputs import expand

    out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    done = failed = 0
    try:
        for path in expand(args.paths, stdin=sys.stdin):
            row: dict = {"path": str(path)}
            try:
                article = clean(path)
            except ArticlegradeError as exc:
                row |= {"status": "error", "reason": exc.code, "message": str(exc)}
                print(f"articlegrade: {path}: {exc}", file=sys.stderr)
                failed += 1
            else:
                row |= {"status": "ok", "reason": ""} | article.to_dict()
                done += 1
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if done + failed == 0:
        print("articlegrade: no input files found", file=sys.stderr)
        return 2
    print(f"articlegrade: {done} cleaned, {failed} failed", file=sys.stderr)
    return 0
