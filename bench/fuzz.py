"""Fuzzing run: at least 10,000 generated and mutated inputs through ``articlegrade.grade``.

Inputs (seeded; input ``i`` is rebuilt from ``(seed, i)`` alone, see ``--show``):

- ``mutated_page``: a real page (the 181 Zyte benchmark pages in ../shared and the repository's
  samples) with 1-6 mutations: a slice deleted, duplicated or moved, random bytes or markup
  fragments inserted (``<div>``, ``</p>``, ``<script>``, ``<!--``, ``<![CDATA[``, NUL bytes,
  entities, a BOM), bytes flipped;
- ``truncated_page``: a real page (raw or gzip-compressed) cut at a random byte;
- ``reencoded_page``: a real page encoded as UTF-16 / cp1252 / Shift-JIS / UTF-8, with a true,
  lying or no charset declaration;
- ``random_bytes``: random bytes, sometimes behind a magic number or a byte-order mark;
- ``tag_soup``: random tags, attributes, entities, comments and text, nested up to 3,000 deep;
- ``text``: random words, punctuation runs, quotes and Unicode, as ``str``.

Every input goes through ``grade_many`` (worker processes, the per-page time limit), so the row
tells what happened. A **crash** is a row whose reason is ``internal_error`` (an exception that is
not an ``ArticlegradeError``) or ``crashed`` (the worker process died); a **hang** is a
``timeout`` row. The goal is 0 of both.

Run from the repository root:

    python bench/fuzz.py                 # 10,000 inputs, seed 0, 2 workers, 30 s limit
    python bench/fuzz.py --show 1234     # write input 1234 to fuzz-1234.bin to reproduce it

Writes ``bench/results/fuzz.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZYTE = ROOT.parent / "shared" / "data" / "extraction" / "zyte" / "html"
SAMPLES = ROOT / "samples"
DEFAULT_OUT = ROOT / "bench" / "results" / "fuzz.json"

KINDS = (
    ("mutated_page", 35),
    ("truncated_page", 10),
    ("reencoded_page", 10),
    ("random_bytes", 15),
    ("tag_soup", 15),
    ("text", 15),
)
FRAGMENTS = (
    b"<div>",
    b"</div>",
    b"</p>",
    b"<p>",
    b"<script>",
    b"</script>",
    b"<style>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"\x00",
    b"&#0;",
    b"&#x110000;",
    b"&amp",
    b"<br/>",
    b"<table><tr><td>",
    b"<h1>",
    b"<a href='",
    b'"',
    b"'",
    b"<",
    b">",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"<?xml version='1.0' encoding='utf-16'?>",
    b"<meta charset='shift_jis'>",
    b"<html>",
    b"</body>",
    b"<noscript>",
    b"<template>",
    b"\r",
    b"\t" * 50,
    b" " * 500,
)
MAGIC = (
    b"",
    b"",
    b"%PDF-",
    b"\x89PNG\r\n\x1a\n",
    b"\x1f\x8b",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"PK\x03\x04",
)
TAGS = (
    "div",
    "p",
    "span",
    "a",
    "h1",
    "h2",
    "li",
    "ul",
    "table",
    "td",
    "tr",
    "script",
    "style",
    "figure",
    "figcaption",
    "br",
    "img",
    "section",
    "article",
    "noscript",
    "svg",
    "b",
    "i",
)
ATTR_VALUES = ("x", "share", "caption", "byline related", '"a b"', "", "'", "<p>")
WORDS = (
    "the",
    "council",
    "bridge",
    "river",
    "said",
    "—",
    "“quoted”",
    "café",
    "naïve",
    "Read more",
    "Subscribe",
    "By Jane Doe",
    "©",
    "2024",
    "http://x.com",
    "...",
    "!!!",
    "???",
    "日本語",
    "Привет",
    "مرحبا",
    "\u200b",
    "\ufffd",
    "e\u0301",
    "😀",
)


def load_pages() -> list[bytes]:
    """The real pages mutated: the Zyte pages (if ../shared is there) and the samples."""
    pages = [gzip.decompress(p.read_bytes()) for p in sorted(ZYTE.glob("*.html.gz"))]
    pages += [
        p.read_bytes() for p in sorted(SAMPLES.glob("*.html")) + sorted(SAMPLES.glob("*.txt"))
    ]
    return pages


def make_input(seed: int, index: int, pages: Sequence[bytes]) -> tuple[str, str | bytes]:
    """Input ``index`` of the run with ``seed``: ``(kind, source)``."""
    rng = random.Random(seed * 1_000_003 + index)
    kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
    page = pages[rng.randrange(len(pages))]
    if kind == "mutated_page":
        data = bytearray(page)
        for _ in range(rng.randint(1, 6)):
            n = len(data)
            a, b = sorted(rng.randrange(n + 1) for _ in range(2)) if n else (0, 0)
            op = rng.randrange(6)
            if op == 0:
                del data[a:b]
            elif op == 1:
                data[a:a] = data[a:b][:200_000]
            elif op == 2:
                data[a:a] = rng.randbytes(rng.randint(1, 64))
            elif op == 3:
                data[a:a] = b"".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 20)))
            elif op == 4:
                chunk = data[a:b]
                del data[a:b]
                at = rng.randrange(len(data) + 1)
                data[at:at] = chunk
            else:
                for _ in range(rng.randint(1, 50)):
                    if data:
                        data[rng.randrange(len(data))] = rng.randrange(256)
        return kind, bytes(data)
    if kind == "truncated_page":
        data = gzip.compress(page, mtime=0) if rng.random() < 0.2 else page
        return kind, data[: rng.randrange(len(data) + 1)]
    if kind == "reencoded_page":
        text = page.decode("utf-8", errors="replace")
        encoding = rng.choice(["utf-16", "cp1252", "shift_jis", "utf-8", "latin-1"])
        declared = rng.choice(["", "utf-8", "shift_jis", "iso-8859-1", "utf-16", "x-unknown"])
        if declared:
            text = f"<meta charset='{declared}'>" + text
        return kind, text.encode(encoding, errors="replace")
    if kind == "random_bytes":
        return kind, rng.choice(MAGIC) + rng.randbytes(rng.randint(0, 5000))
    if kind == "tag_soup":
        return kind, _tag_soup(rng).encode("utf-8", errors="surrogatepass")
    return kind, _text(rng)


def _tag_soup(rng: random.Random) -> str:
    out: list[str] = []
    depth = rng.choice([3, 10, 50, 300, 3000])
    for _ in range(rng.randint(1, 400)):
        r = rng.random()
        if r < 0.3:
            tag = rng.choice(TAGS)
            attrs = "".join(
                f" {rng.choice(['class', 'id', 'href', 'style', 'itemprop'])}="
                f"{rng.choice(ATTR_VALUES)}"
                for _ in range(rng.randint(0, 3))
            )
            out.append(f"<{tag}{attrs}>" * rng.randint(1, depth))
        elif r < 0.45:
            out.append(f"</{rng.choice(TAGS)}>" * rng.randint(1, 20))
        elif r < 0.5:
            out.append(
                rng.choice(
                    ["<!--", "-->", "&nbsp;", "&#", "&#x1F600;", "<!DOCTYPE html>", "<", ">"]
                )
            )
        else:
            out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 60))))
    return "".join(out)


def _text(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(0, 300)):
        r = rng.random()
        if r < 0.7:
            parts.append(rng.choice(WORDS))
        elif r < 0.85:
            parts.append(rng.choice(".!?,;:-\"'“”«»()[] \n\t") * rng.randint(1, 2000))
        else:
            parts.append(
                "".join(chr(rng.randrange(0x20, 0x2FFFF)) for _ in range(rng.randint(1, 50)))
            )
    return " ".join(parts)


def sources(seed: int, n: int, pages: Sequence[bytes], kinds: list[str]) -> Iterator[str | bytes]:
    for i in range(n):
        kind, source = make_input(seed, i, pages)
        kinds.append(kind)
        yield source


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="inputs (default 10,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", "-j", type=int, default=2, help="worker processes")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per input")
    parser.add_argument("--show", type=int, metavar="INDEX", help="write one input and stop")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    import articlegrade
    from articlegrade.grading import grade_many
    from articlegrade.model.storage import hash_files

    pages = load_pages()
    if args.show is not None:
        kind, source = make_input(args.seed, args.show, pages)
        data = source.encode("utf-8", errors="surrogatepass") if isinstance(source, str) else source
        Path(f"fuzz-{args.show}.bin").write_bytes(data)
        print(f"input {args.show}: {kind}, {len(data):,} bytes -> fuzz-{args.show}.bin")
        return 0

    kinds: list[str] = []
    by_kind: dict[str, Counter[str]] = {}
    crashes: list[dict] = []
    start = time.perf_counter()
    for i, card in enumerate(
        grade_many(
            sources(args.seed, args.n, pages, kinds), workers=args.jobs, timeout=args.timeout
        )
    ):
        code = card.status if card.status != "error" else card.reason.split(":", 1)[0]
        by_kind.setdefault(kinds[i], Counter())[code] += 1
        if code in ("internal_error", "crashed", "timeout"):
            crashes.append({"index": i, "kind": kinds[i], "reason": card.reason[:500]})
        now = time.perf_counter()
        if (i + 1) % 1000 == 0:
            print(
                f"{i + 1:,} inputs, {len(crashes)} crashes/hangs, {now - start:.0f} s",
                file=sys.stderr,
            )
    seconds = time.perf_counter() - start
    totals: Counter[str] = Counter()
    for counts in by_kind.values():
        totals.update(counts)
    n_crash = sum(1 for c in crashes if not c["reason"].startswith("timeout"))
    n_hang = len(crashes) - n_crash

    print(f"\n{'kind':<16} {'inputs':>7}  outcomes")
    for kind, _ in KINDS:
        counts = by_kind.get(kind, Counter())
        print(f"{kind:<16} {sum(counts.values()):>7}  {dict(counts.most_common())}")
    print(f"{'all':<16} {sum(totals.values()):>7}  {dict(totals.most_common())}")
    print(
        f"\ncrashes: {n_crash} (goal 0); hangs past {args.timeout:g} s: {n_hang} (goal 0); "
        f"{seconds:.0f} s, {args.n / seconds:.1f} inputs/s with {args.jobs} workers"
    )
    for crash in crashes[:20]:
        print(f"  #{crash['index']} {crash['kind']}: {crash['reason'][:200]}")

    files = (
        sorted(ZYTE.glob("*.html.gz"))
        + sorted(SAMPLES.glob("*.html"))
        + sorted(SAMPLES.glob("*.txt"))
    )
    report = {
        "benchmark": "fuzzing: generated and mutated inputs through articlegrade.grade",
        "command": "python bench/fuzz.py"
        + (f" -n {args.n}" if args.n != 10_000 else "")
        + (f" --seed {args.seed}" if args.seed else ""),
        "seed": args.seed,
        "inputs": args.n,
        "workers": args.jobs,
        "timeout_seconds": args.timeout,
        "pages_mutated": len(pages),
        "data_sha256": hash_files(files),
        "package_version": articlegrade.__version__,
        "crashes": n_crash,
        "hangs": n_hang,
        "goal": {"crashes": 0, "hangs": 0},
        "outcomes": dict(totals.most_common()),
        "outcomes_by_kind": {k: dict(by_kind.get(k, Counter()).most_common()) for k, _ in KINDS},
        "failures": crashes[:100],
        "seconds": round(seconds, 1),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0 if not crashes else 1


if __name__ == "__main__":
    sys.exit(main())
