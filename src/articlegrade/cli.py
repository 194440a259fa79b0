"""The ``articlegrade`` command: a thin layer over the library.

Library errors (``ArticlegradeError``) become one-line messages and ``status``/``reason`` fields;
a batch never stops on one bad page.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from . import __version__

if TYPE_CHECKING:
    from .article import Article


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
    p_clean.add_argument(
        "--signals",
        action="store_true",
        help="add every signal (family.metric, null where undefined) and its evidence to each object",
    )
    p_clean.set_defaults(func=cmd_clean)

    p_score = sub.add_parser(
        "score",
        help="grade pages and write a scorecard (CSV or JSON lines)",
        description="Grade every page named and write one row per input, bad pages included (with "
        "status and reason). Directories are walked, globs expanded, '-' reads paths from stdin.",
    )
    p_score.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, glob or -")
    p_score.add_argument("-o", "--output", metavar="FILE", help="scorecard file (default: stdout)")
    p_score.add_argument(
        "--format",
        choices=("csv", "jsonl"),
        default=None,
        help="default: from -o's ending, else csv",
    )
    p_score.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )
    p_score.add_argument(
        "--no-bom", action="store_true", help="CSV without the UTF-8 byte-order mark"
    )
    p_score.add_argument(
        "--model", default="quality", help="shipped model name or model file (default: quality)"
    )
    p_score.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="time limit per page; a page over it is an error row (default 30; 0 = none)",
    )
    p_score.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted batch: keep the rows in OUT.partial (or OUT) and grade "
        "only the inputs they do not cover",
    )
    p_score.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    p_score.set_defaults(func=cmd_score)

    p_explain = sub.add_parser("explain", help="a readable report of one page's grade")
    p_explain.add_argument("path", metavar="PATH")
    p_explain.add_argument("--model", default="quality", help="shipped model name or model file")
    p_explain.set_defaults(func=cmd_explain)

    p_train = sub.add_parser(
        "train",
        help="train a quality model on your own labelled articles",
        description="JSON lines with 'text' or 'html', 'label' (good/bad or 1/0) and optional 'title' "
        "and 'group' (rows of one group never straddle a split).",
    )
    p_train.add_argument("data", nargs="+", metavar="DATA.jsonl")
    p_train.add_argument(
        "-o", "--output", required=True, metavar="models/NAME", help="model file to write"
    )
    p_train.add_argument("--seed", type=int, default=0)
    p_train.add_argument("--jobs", "-j", type=int, default=1, metavar="N")
    p_train.set_defaults(func=cmd_train)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .errors import ArticlegradeError

    try:
        return args.func(args)
    except ArticlegradeError as exc:
        print(f"articlegrade: {exc}", file=sys.stderr)
        return 1
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
                if args.signals:
                    row |= _signals_fields(article)
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


def _signals_fields(article: Article) -> dict:
    """The ``signals`` (NaN as null) and ``evidence`` of one article, for ``clean --signals``."""
    import math

    from .signals import analyze_all

    result = analyze_all(article)
    signals = {k: None if math.isnan(v) else round(v, 6) for k, v in result.values.items()}
    return {"signals": signals, "evidence": {k: v for k, v in result.evidence.items() if v}}


def cmd_score(args: argparse.Namespace) -> int:
    """Grade the inputs into one row each. With ``-o OUT`` rows go to ``OUT.partial`` as they are
    done (flushed each row), and the finished file is moved onto ``OUT`` in one step."""
    import os
    from collections import Counter

    from .grading import grade_many
    from .inputs import expand
    from .model.quality import cached_model
    from .output import ScorecardWriter, read_rows, row_key

    cached_model(args.model)  # a missing or tampered model fails here, before any page is read
    fmt = args.format or ("jsonl" if (args.output or "").endswith((".jsonl", ".json")) else "csv")
    if args.resume and not args.output:
        print("articlegrade: --resume needs -o FILE", file=sys.stderr)
        return 2
    paths = list(expand(args.paths, stdin=sys.stdin))
    if not paths:
        print("articlegrade: no input files found", file=sys.stderr)
        return 2
    encoding = "utf-8-sig" if fmt == "csv" and not args.no_bom else "utf-8"
    timeout = args.timeout if args.timeout > 0 else None
    partial = None
    kept: list[tuple[str, str]] = []
    if args.output:
        partial = args.output + ".partial"
        if args.resume:
            previous = next((f for f in (partial, args.output) if os.path.exists(f)), None)
            if previous is not None:
                try:
                    kept = read_rows(previous, fmt)
                except ValueError as exc:
                    print(f"articlegrade: cannot resume: {exc}", file=sys.stderr)
                    return 2
        elif os.path.exists(partial) and not args.quiet:
            print(
                f"articlegrade: starting over; {partial} (an interrupted run) is replaced "
                "(--resume would continue it)",
                file=sys.stderr,
            )
        wanted = {row_key(p, fmt) for p in paths}
        unique: dict[str, str] = {}
        for key, text in kept:  # rows of inputs still named, each once
            if key in wanted:
                unique.setdefault(key, text)
        kept = list(unique.items())
        # The partial file starts as the header and the rows kept, put in place in one step.
        try:
            with open(partial + ".tmp", "w", encoding=encoding, newline="") as fresh:
                ScorecardWriter(fresh, fmt).write_header()
                fresh.writelines(t for _, t in kept)
                fresh.flush()
                os.fsync(fresh.fileno())
            os.replace(partial + ".tmp", partial)
        except OSError as exc:
            print(f"articlegrade: cannot write {partial}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        stream: TextIO = open(partial, "a", encoding=encoding, newline="")  # noqa: SIM115
        writer = ScorecardWriter(stream, fmt, header=False)
    else:
        stream = sys.stdout
        writer = ScorecardWriter(stream, fmt)
    done = {k for k, _ in kept}
    todo = [p for p in paths if row_key(p, fmt) not in done]
    progress = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(total=len(todo), unit="page", file=sys.stderr)
    grades: Counter[str] = Counter()
    try:
        for card in grade_many(todo, workers=args.jobs, model=args.model, timeout=timeout):
            writer.write(card)
            grades[card.grade if card.ok else card.status] += 1
            if progress is not None:
                progress.update()
    except BaseException:
        if partial:
            stream.close()
            print(
                f"articlegrade: stopped; {len(kept) + sum(grades.values())} of {len(paths)} rows "
                f"are in {partial}: run the same command with --resume to finish",
                file=sys.stderr,
            )
        raise
    finally:
        if progress is not None:
            progress.close()
    if partial:
        stream.flush()
        os.fsync(stream.fileno())
        stream.close()
        os.replace(partial, args.output)
    if not args.quiet:
        summary = ", ".join(
            f"{g} {grades[g]}" for g in ("A", "B", "C", "D", "F", "skipped", "error") if grades[g]
        )
        again = f" ({len(kept)} already scored)" if kept else ""
        print(f"articlegrade: {sum(grades.values())} pages: {summary}{again}", file=sys.stderr)
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .grading import grade
    from .model.quality import cached_model
    from .report import explain

    model = cached_model(args.model)
    card = grade(Path(args.path), model=model)
    print(explain(card, model))
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    import shlex

    from .training.quality import train

    output = (
        args.output if args.output.endswith((".json", ".json.gz")) else args.output + ".json.gz"
    )
    command = (
        "articlegrade train " + " ".join(shlex.quote(d) for d in args.data) + f" -o {args.output}"
    )
    _, report = train(args.data, output, seed=args.seed, jobs=args.jobs, command=command)
    print(
        f"articlegrade: trained on {report.rows} rows ({report.skipped} skipped); "
        f"GroupKFold ROC-AUC {report.cv_auc[str(report.C)]:.3f} at C={report.C}; wrote {output}",
        file=sys.stderr,
    )
    return 0
