"""Article-extraction benchmark (Zyte / ScrapingHub, 181 pages): ``articlegrade.clean()`` against
readability-lxml alone and trafilatura (default and ``favor_precision=True``), in one run.

Metric exactly as the data README defines it: tokens are ``re.findall(r"\\w+")``, each text is a
multiset of overlapping 4-token shingles (a text of 1-3 tokens is one short shingle), per page
tp / fp / fn are divided by tp + fp + fn, page precision and recall use the benchmark's edge cases,
pages with tp + fp = 0 are left out of the precision mean and pages with tp + fn = 0 out of the
recall mean, F1 is the harmonic mean of the two means, accuracy is the share of pages whose token
list equals the gold one. ``±`` is the standard deviation over 1,000 seeded bootstrap resamples of
the pages.

Run from the repository root:

    python bench/extraction.py

Prints the table for all pages and for the two halves of the page ids in sorted order (rules are
tuned on the first half only; the second half is the held-out check), and writes
``bench/results/extraction.json``. trafilatura is a bench-only extra (``pip install .[bench]``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from articlegrade.cleaning.html import BLOCK_TAGS, CELL_TAGS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "extraction" / "zyte"
DEFAULT_OUT = ROOT / "bench" / "results" / "extraction.json"
N_BOOTSTRAP = 1000
SEED = 20191101
GOAL = {"f1": 0.970, "precision": 0.965}

_TOKEN = re.compile(r"\w+")

# Elements after which the baseline text conversion starts a new line (so words never glue): the
# same block elements articlegrade's own walker breaks lines at, plus cells and <br>.
_BLOCK = BLOCK_TAGS | CELL_TAGS | {"br"}


# -- the benchmark's metric ----------------------------------------------------------------------
def tokens(text: str) -> list[str]:
    """Word tokens as the benchmark counts them."""
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of overlapping ``n``-token shingles (one short shingle for a 1..n-1 token text)."""
    toks = tokens(text)
    out: Counter = Counter()
    for i in range(max(1, len(toks) - n + 1)):
        shingle = tuple(toks[i : i + n])
        if shingle:
            out[shingle] += 1
    return out


def page_counts(gold: str, pred: str) -> tuple[float, float, float]:
    """``(tp, fp, fn)`` of one page, each divided by ``tp + fp + fn`` (all 0 for two empty texts)."""
    g, p = shingles(gold), shingles(pred)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    if total > 0:
        return tp / total, fp / total, fn / total
    return tp, fp, fn


def page_precision(tp: float, fp: float, fn: float) -> float:
    """1 when nothing is wrong, 0 when nothing was extracted right, else tp / (tp + fp)."""
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    """1 when nothing is wrong, 0 when nothing of the gold was found, else tp / (tp + fn)."""
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def summarize(counts: Sequence[tuple[float, float, float]], exact: Sequence[bool]) -> dict:
    """Macro precision, recall, their harmonic mean F1, and exact-match accuracy."""
    precisions = [page_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [page_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return {"precision": p, "recall": r, "f1": f1, "accuracy": statistics.fmean(exact)}


def score(golds: Sequence[str], preds: Sequence[str], seed: int = SEED) -> dict:
    """The benchmark's metrics with bootstrap standard deviations (``<name>_sd``) over pages."""
    counts = [page_counts(g, p) for g, p in zip(golds, preds, strict=True)]
    exact = [tokens(g) == tokens(p) for g, p in zip(golds, preds, strict=True)]
    metrics = summarize(counts, exact)
    rng = random.Random(seed)
    n = len(counts)
    samples: dict[str, list[float]] = {k: [] for k in metrics}
    for _ in range(N_BOOTSTRAP):
        idx = [rng.randrange(n) for _ in range(n)]
        boot = summarize([counts[i] for i in idx], [exact[i] for i in idx])
        for key, value in boot.items():
            samples[key].append(value)
    for key, values in samples.items():
        metrics[f"{key}_sd"] = statistics.stdev(values)
    metrics["pages"] = n
    return metrics


# -- the systems -----------------------------------------------------------------------------------
def _html_to_text(html: str) -> str:
    """Text of an HTML fragment with a line break after every block element."""
    import lxml.html

    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    return root.text_content()


def run_readability(html: str, url: str) -> str:
    """readability-lxml alone: its summary converted to text with a separator."""
    from readability import Document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            summary = Document(html, url=url).summary(html_partial=True)
        except Exception:  # readability raises a few kinds on odd pages: score as empty
            return ""
    return _html_to_text(summary)


def run_trafilatura(html: str, url: str, favor_precision: bool = False) -> str:
    """trafilatura's main-text extraction (no comments, no tables dropped)."""
    import trafilatura

    out = trafilatura.extract(
        html, url=url, include_comments=False, favor_precision=favor_precision
    )
    return out or ""


def load(data: Path) -> tuple[list[str], dict[str, dict], dict[str, bytes]]:
    """Page ids in sorted order, the ground truth, and each page's raw (gunzipped) bytes."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    pages = {i: gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes()) for i in ids}
    return ids, truth, pages


def run_ours(
    ids: Sequence[str], truth: dict, pages: dict[str, bytes]
) -> tuple[list[str], Counter, Counter, float]:
    """``articlegrade.clean()`` on every page: texts, removals by kind and by rule, seconds."""
    import articlegrade

    texts: list[str] = []
    kinds: Counter = Counter()
    rules: Counter = Counter()
    start = time.perf_counter()
    for i in ids:
        try:
            article = articlegrade.clean(pages[i], url=truth[i].get("url"))
        except articlegrade.NoArticleError as exc:
            texts.append("")
            removed = exc.removed
        else:
            texts.append(article.text)
            removed = article.removed
        for r in removed:
            kinds[r.kind] += 1
            rules[r.rule] += 1
    return texts, kinds, rules, time.perf_counter() - start


def run_system(
    fn: Callable[[str, str], str], ids: Sequence[str], truth: dict, pages: dict[str, bytes]
) -> tuple[list[str], float]:
    """A baseline on every page (UTF-8 text in, as the data README states): texts and seconds."""
    htmls = [pages[i].decode("utf-8", errors="replace") for i in ids]
    start = time.perf_counter()
    texts = [fn(h, truth[i].get("url") or "") for h, i in zip(htmls, ids, strict=True)]
    return texts, time.perf_counter() - start


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def _row(name: str, m: dict, speed: float | None) -> str:
    pps = f"{speed:8.1f}" if speed else "        "
    return (
        f"{name:<32} {m['precision']:.3f}  {m['recall']:.3f}  {m['f1']:.3f} ± {m['f1_sd']:.3f}"
        f"  {m['accuracy']:.3f}  {pps}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT, help="results JSON")
    parser.add_argument(
        "--ours-only", action="store_true", help="skip the baselines (quick check; no JSON)"
    )
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"benchmark data not found at {args.data}", file=sys.stderr)
        return 2

    import articlegrade
    from articlegrade.model.storage import hash_files

    ids, truth, pages = load(args.data)
    golds = [truth[i].get("articleBody", "") for i in ids]
    half = len(ids) // 2 + len(ids) % 2
    subsets = {
        "all": range(len(ids)),
        "first_half": range(half),
        "second_half": range(half, len(ids)),
    }

    outputs: dict[str, tuple[list[str], float]] = {}
    texts, kinds, rules, secs = run_ours(ids, truth, pages)
    outputs["articlegrade.clean"] = (texts, secs)
    if not args.ours_only:
        outputs["readability-lxml"] = run_system(run_readability, ids, truth, pages)
        outputs["trafilatura"] = run_system(run_trafilatura, ids, truth, pages)
        outputs["trafilatura favor_precision"] = run_system(
            lambda h, u: run_trafilatura(h, u, favor_precision=True), ids, truth, pages
        )

    results: dict[str, dict] = {}
    for name, (preds, seconds) in outputs.items():
        per_subset = {}
        for sub, idx in subsets.items():
            per_subset[sub] = score([golds[k] for k in idx], [preds[k] for k in idx])
        results[name] = {"pages_per_second": len(ids) / seconds, **per_subset}

    header = f"{'system':<32} {'P':>5}  {'R':>5}  {'F1 ± sd':>13}  {'acc':>5}  {'pages/s':>8}"
    for sub in subsets:
        n = len(subsets[sub])
        print(
            f"\n{sub} ({n} pages; ids in sorted order; ± = bootstrap sd, {N_BOOTSTRAP} resamples)"
        )
        print(header)
        for name, res in results.items():
            speed = res["pages_per_second"] if sub == "all" else None
            print(_row(name, res[sub], speed))
    ours = results["articlegrade.clean"]["all"]
    met = ours["f1"] >= GOAL["f1"] and ours["precision"] >= GOAL["precision"]
    print(f"\ngoal F1 >= {GOAL['f1']} with P >= {GOAL['precision']}: {'met' if met else 'NOT met'}")
    print("removals by kind (ours):", dict(sorted(kinds.items(), key=lambda kv: -kv[1])))

    if args.ours_only:
        return 0
    files = [args.data / "ground-truth.json", *(args.data / "html" / f"{i}.html.gz" for i in ids)]
    report = {
        "benchmark": "zyte article-extraction (181 pages)",
        "command": "python bench/extraction.py",
        "data_sha256": hash_files(files),
        "metric": "4-token shingle multisets, macro P/R over pages, F1 = harmonic mean of the means",
        "bootstrap": {"resamples": N_BOOTSTRAP, "seed": SEED, "statistic": "sd over pages"},
        "split": {
            "first_half": f"ids[:{half}] (tuning)",
            "second_half": f"ids[{half}:] (held out)",
        },
        "goal": GOAL,
        "goal_met": met,
        "versions": {
            "articlegrade": articlegrade.__version__,
            "readability-lxml": _version("readability-lxml"),
            "trafilatura": _version("trafilatura"),
            "python": sys.version.split()[0],
        },
        "systems": {
            name: {
                k: ({m: round(v, 4) for m, v in res.items()} if isinstance(res, dict) else res)
                for k, res in r.items()
            }
            for name, r in results.items()
        },
        "ours_removals_by_kind": dict(sorted(kinds.items())),
        "ours_removals_by_rule": dict(sorted(rules.items())),
    }
    for res in report["systems"].values():
        res["pages_per_second"] = round(res["pages_per_second"], 1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"wrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
