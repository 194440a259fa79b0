"""Snapshot of every signal value and its evidence, the cleaned text, the removals and the grade,
for checking that a speed-only change changes no output.

    python bench/equivalence.py /tmp/before.json          # on the old tree
    python bench/equivalence.py /tmp/after.json           # on the new tree
    python bench/equivalence.py --compare /tmp/before.json /tmp/after.json

Inputs: the 1,400 English quality texts and the 181 Zyte pages (raw bytes) of ``../shared/data``
(the loaders of ``bench/throughput.py``), and every sample. Snapshots hold data-derived text: keep
them outside the repository. ``--compare`` prints the differing fields and exits 1 if any.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import throughput  # bench/throughput.py: the data loaders (this folder is on sys.path)

ROOT = Path(__file__).resolve().parents[1]


def _plain(value: Any) -> Any:
    return "nan" if isinstance(value, float) and math.isnan(value) else value


def inputs(limit: int | None) -> list[tuple[str, str | bytes]]:
    items: list[tuple[str, str | bytes]] = []
    items += [(f"text{i}", t) for i, t in enumerate(throughput.load_texts()[:limit])]
    items += [(f"page{i}", p[0]) for i, p in enumerate(throughput.load_pages()[:limit])]
    for path in sorted((ROOT / "samples").glob("*.*")):
        if path.suffix in (".txt", ".html"):
            items.append((path.name, path.read_bytes()))
    return items


def snapshot(out: Path, limit: int | None) -> None:
    import articlegrade
    from articlegrade.errors import ArticlegradeError
    from articlegrade.signals import FAMILIES, family

    result: dict[str, Any] = {}
    for key, source in inputs(limit):
        try:
            article = articlegrade.clean(source)
        except ArticlegradeError as exc:
            result[key] = {"error": type(exc).__name__}
            continue
        row: dict[str, Any] = {
            "title": article.title,
            "text": article.text,
            "removed": [[r.text, r.kind, r.rule] for r in article.removed],
        }
        for name in FAMILIES:
            signals = family(name).analyze(article)
            row[name] = {k: _plain(v) for k, v in signals.values.items()}
            row[f"{name}.evidence"] = signals.evidence
        card = articlegrade.grade(source)
        row["grade"] = [
            card.status,
            card.grade,
            None if card.quality is None else repr(card.quality),
        ]
        result[key] = row
    out.write_text(json.dumps(result, sort_keys=True, default=str), encoding="utf-8")
    print(f"{len(result)} inputs -> {out}")


def compare(a: Path, b: Path, show: int = 30) -> int:
    """Number of differing (input, field) pairs; the first ``show`` are printed."""
    left = json.loads(a.read_text(encoding="utf-8"))
    right = json.loads(b.read_text(encoding="utf-8"))
    diffs = 0
    for key in sorted(set(left) | set(right)):
        x_row, y_row = left.get(key) or {}, right.get(key) or {}
        for field in sorted(set(x_row) | set(y_row)):
            x, y = x_row.get(field), y_row.get(field)
            if x == y:
                continue
            diffs += 1
            if diffs <= show:
                if isinstance(x, dict) and isinstance(y, dict):
                    changed = {
                        n: (x.get(n), y.get(n)) for n in set(x) | set(y) if x.get(n) != y.get(n)
                    }
                    print(key, field, str(changed)[:300])
                else:
                    print(key, field, str(x)[:150], "|", str(y)[:150])
    print("identical" if not diffs else f"{diffs} differing fields")
    return diffs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, help="snapshot file to write")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--limit", type=int, default=None, help="first N texts and N pages only")
    args = parser.parse_args(argv)
    if args.compare:
        return 1 if compare(*args.compare) else 0
    if args.out is None:
        parser.error("give a snapshot file to write, or --compare A B")
    snapshot(args.out, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
