"""Throughput of articlegrade against its peers, in one run, one process, best of several rounds.

- HTML: the 181 pages of ``../shared/data/extraction/zyte/``: articlegrade HTML -> Scorecard (raw
  bytes in, decoding included) through ``grade_many(workers=0)`` (batches of ``grading.BATCH``
  pages, the goal's row) and through ``grade()`` page by page; readability-lxml alone
  (``Document(html).summary()``); trafilatura alone (``extract``); lxml parse +
  ``text_content()`` alone (the floor). The peers get the page already decoded to ``str`` and
  the page's url from the ground truth; ``grade_many`` takes no url (``clean`` only stores it).
- Each path (its rows and its stage times) runs in a fresh process of its own, so neither times
  against the memos and caches the other left behind (the per-word memos are bounded, and the
  pages and the texts together hold more distinct words than some of them keep).
- Memos: articlegrade keeps per-word memos (claims' character columns, readability's syllables,
  contradiction's stems) across documents, so best-of-rounds timing on the same documents sees
  them full. The "first pass" rows time one ``grade_many(workers=0)`` pass in a fresh process
  whose memos hold only a warm-up sentence: what ``articlegrade score`` sees on new documents.
- Text: the English texts of ``../shared/data/quality/`` (``text`` of the iu file, ``text_clean`` of
  M4): articlegrade text -> Scorecard (``grade_many(workers=0)``, the goal's row, and ``grade()``
  text by text); datatrove's ``GopherRepetitionFilter`` +
  ``GopherQualityFilter`` + ``FineWebQualityFilter``, each run on every text (``filter(doc)``; the
  English word split is spaCy's blank tokenizer, no model download, no NLTK data); textstat's
  Flesch reading ease + Flesch-Kincaid grade + SMOG alone. Words are ``\\w+`` runs of the input.
- Where the time goes: ``clean()``, sentence/token units, each signal family and the model, timed
  apart on the same inputs.
- Cost against length: 1k / 10k / 100k-word texts (human paragraphs of the quality data in file
  order, cut at the word count), per stage, in microseconds per word.
- ``grade_many`` with 2 worker processes against 1 on the texts; peak memory (RSS) while 10,000
  texts stream through ``grade_many`` in a fresh process; ``articlegrade --help`` wall time
  (subprocess, best of 5).

Until the shipped quality model and the ``claims`` family exist ``grade`` cannot run; the
articlegrade rows then time ``clean()`` + the English gate + every family that runs, marked
``partial`` in the table and the JSON. Peers are bench-only extras (``pip install .[bench]``:
trafilatura, datatrove, spacy), never runtime dependencies.

Run from the repository root:

    python bench/throughput.py            # full run, writes bench/results/throughput.json
    python bench/throughput.py --quick    # a short run (fewer rounds and documents), no JSON
    python bench/throughput.py --profile text   # pyinstrument call tree of the text path (or html)
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
ZYTE = DATA / "extraction" / "zyte"
QUALITY = DATA / "quality"
RESULT = ROOT / "bench" / "results" / "throughput.json"
FAMILIES = ("repetition", "readability", "claims", "contradiction", "filler", "style")
LENGTHS = (1_000, 10_000, 100_000)
_WORD = re.compile(r"\w+")

# -- data ------------------------------------------------------------------------------------------


def load_pages() -> list[tuple[bytes, str, str | None]]:
    """(raw gunzipped bytes, decoded text for the peers, url) of every Zyte page, ids sorted."""
    from articlegrade.source import read_source

    truth = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid in sorted(truth):
        raw = gzip.decompress((ZYTE / "html" / f"{pid}.html.gz").read_bytes())
        pages.append((raw, read_source(raw).text, truth[pid].get("url")))
    return pages


def load_texts() -> list[str]:
    """English texts of the quality data: ``text`` of the iu file, ``text_clean`` of M4."""
    texts = []
    with open(QUALITY / "iu_human_ai_corpus.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("language") == "en":
                texts.append(row["text"])
    with open(QUALITY / "m4_llama2_wikipedia_wikihow.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("language", "en") == "en":
                texts.append(row["text_clean"])
    return texts


def long_text(n_words: int) -> str:
    """Paragraphs of the human quality texts in file order, cut at exactly ``n_words`` words."""
    out: list[str] = []
    total = 0
    humans = []
    for name in ("iu_human_ai_corpus.jsonl", "m4_llama2_wikipedia_wikihow.jsonl"):
        with open(QUALITY / name, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("language", "en") == "en" and row["label"] == "human":
                    humans.append(row.get("text_clean") or row["text"])
    for text in humans:
        for para in re.split(r"\n\s*\n|\n", text):
            para = para.strip()
            n = len(_WORD.findall(para))
            if not n:
                continue
            if total + n >= n_words:
                cut = list(_WORD.finditer(para))[n_words - total - 1].end()
                out.append(para[:cut] + ".")
                return "\n\n".join(out)
            out.append(para)
            total += n
    raise ValueError(f"not enough text for {n_words} words")


def data_files() -> list[Path]:
    return [
        ZYTE / "ground-truth.json",
        *sorted((ZYTE / "html").iterdir()),
        QUALITY / "iu_human_ai_corpus.jsonl",
        QUALITY / "m4_llama2_wikipedia_wikihow.jsonl",
    ]


# -- timing ----------------------------------------------------------------------------------------


def timed(fn: Callable[[], Any], rounds: int) -> tuple[float, list[float]]:
    """Best wall time of ``rounds`` calls of ``fn`` (and every round's time), seconds."""
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), times


def rss_kb(field: str = "VmRSS") -> int:
    """This process's resident memory (``VmRSS``) or peak (``VmHWM``), kB, from /proc."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


# -- the articlegrade pipeline ---------------------------------------------------------------------


def pipeline_status() -> tuple[bool, list[str], str]:
    """(full pipeline available, families that run, why not full)."""
    import articlegrade
    from articlegrade.signals import family

    probe = articlegrade.clean(
        "The bridge opened in 1932. It carried 4,000 cars a day by 1950, the city said.\n\n"
        "Repairs began in 2019 and cost $12 million."
    )
    runnable, missing = [], []
    for name in FAMILIES:
        try:
            family(name).analyze(probe)
            runnable.append(name)
        except Exception as exc:
            missing.append(f"family {name}: {type(exc).__name__}: {exc}")
    try:
        from articlegrade.model.quality import cached_model

        cached_model("quality")
    except Exception as exc:
        missing.append(f"quality model: {type(exc).__name__}: {exc}")
    return not missing, runnable, "; ".join(missing)


def make_partial(families: Sequence[str]) -> Callable[..., Any]:
    """clean + English gate + the runnable families: the grade path minus what is missing."""

    def partial_grade(source: Any, url: str | None = None) -> Any:
        import articlegrade
        from articlegrade.language import is_english
        from articlegrade.signals import SignalResult, family

        try:
            article = articlegrade.clean(source, url=url)
        except articlegrade.ArticlegradeError as exc:
            return exc.code
        if not is_english(article.tokens):
            return "skipped"
        result = SignalResult({}, {})
        for name in families:
            result = result.merge(family(name).analyze(article))
        return result

    return partial_grade


def grade_fn(full: bool, families: Sequence[str]) -> Callable[..., Any]:
    if full:
        from articlegrade.grading import grade_safely

        return grade_safely
    return make_partial(families)


def batch_fn(full: bool, families: Sequence[str]) -> Callable[[Sequence[Any]], list[Any]]:
    """Sources -> results through ``grade_many(workers=0)`` (the partial pipeline: page by page)."""
    if full:
        from articlegrade.grading import grade_many

        return lambda sources: list(grade_many(sources, workers=0))
    partial = make_partial(families)
    return lambda sources: [partial(s) for s in sources]


def statuses(results: Iterable[Any]) -> dict[str, int]:
    """How the graded documents came out (ok / skipped / error codes)."""
    counts: Counter[str] = Counter()
    for r in results:
        status = getattr(r, "status", None)
        if status is None:
            status = r if isinstance(r, str) else "ok (partial)"
        elif status == "error":
            status = f"error: {(r.reason or '').split(':', 1)[0]}"
        counts[status] += 1
    return dict(counts)


def stream(fn: Callable[..., Any], sources: Iterable[Any], workers: int) -> Iterator[Any]:
    """``grade_many``'s scheme for the partial pipeline: a window of 4 x workers in flight."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    if workers <= 1:
        for s in sources:
            yield fn(s)
        return
    window: deque = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for s in sources:
            window.append(pool.submit(fn, s))
            if len(window) >= 4 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def many(full: bool, families: Sequence[str], sources: Iterable[Any], workers: int) -> Iterator:
    if full:
        from articlegrade.grading import grade_many

        return grade_many(sources, workers=workers)
    return stream(make_partial(families), sources, workers)


def stage_times(
    sources: Sequence[tuple[Any, str | None]], families: Sequence[str], full: bool, rounds: int
) -> dict[str, float]:
    """Seconds per stage over all sources (best of rounds): clean, units, each family, model."""
    import articlegrade
    from articlegrade.article import Article
    from articlegrade.signals import family

    out: dict[str, float] = {}
    articles: list[Article] = []

    def do_clean() -> None:
        articles.clear()
        for src, url in sources:
            with contextlib.suppress(articlegrade.ArticlegradeError):
                articles.append(articlegrade.clean(src, url=url))

    out["clean"], _ = timed(do_clean, rounds)
    fresh: list[Article] = []

    def renew() -> None:
        fresh[:] = [
            Article(a.title, a.paragraphs, a.removed, a.url, a.source_format) for a in articles
        ]

    def units() -> None:
        for a in fresh:
            a.sentences  # noqa: B018 - computing the cached units is the point
            a.tokens  # noqa: B018

    best = float("inf")
    for _ in range(rounds):
        renew()
        t, _ = timed(units, 1)
        best = min(best, t)
    out["units (sentences, tokens)"] = best
    results: dict[int, dict] = {i: {} for i in range(len(fresh))}
    for name in families:
        module = family(name)

        def run(module: Any = module) -> None:
            for i, a in enumerate(fresh):
                results[i] |= module.analyze(a).values

        out[f"family {name}"], _ = timed(run, rounds)
    if full:
        from articlegrade.features import vectorize
        from articlegrade.model.quality import cached_model

        qm = cached_model("quality")

        def model() -> None:
            for values in results.values():
                x = vectorize(values, qm.feature_names)
                qm.quality(x)
                qm.contributions(x)

        out["features + model"], _ = timed(model, rounds)
    return out


# -- peers -----------------------------------------------------------------------------------------


def run_readability(pages: Sequence[tuple[bytes, str, str | None]]) -> None:
    from readability import Document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _, html, url in pages:
            with contextlib.suppress(Exception):  # odd pages raise a few kinds: skip them
                Document(html, url=url).summary(html_partial=True)


def run_trafilatura(pages: Sequence[tuple[bytes, str, str | None]]) -> None:
    import trafilatura

    for _, html, url in pages:
        trafilatura.extract(html, url=url, include_comments=False)


def run_lxml(pages: Sequence[tuple[bytes, str, str | None]]) -> None:
    import lxml.html

    for _, html, _ in pages:
        lxml.html.document_fromstring(html).text_content()


def datatrove_filters() -> tuple[Any, ...]:
    from datatrove.pipeline.filters import (
        FineWebQualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
    )

    return GopherRepetitionFilter(), GopherQualityFilter(), FineWebQualityFilter()


def run_datatrove(texts: Sequence[str], filters: Sequence[Any], chained: bool = False) -> None:
    from datatrove.data import Document

    for i, text in enumerate(texts):
        doc = Document(text=text, id=str(i))
        for f in filters:
            kept = f.filter(doc)
            if chained and kept is not True:
                break


def run_textstat(texts: Sequence[str]) -> None:
    import textstat

    for text in texts:
        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.smog_index(text)


def version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as v

    try:
        return v(dist)
    except PackageNotFoundError:
        return None


# -- sections --------------------------------------------------------------------------------------


def html_section(
    pages: list, fn: Callable, batch: Callable, partial: bool, rounds: int
) -> dict[str, Any]:
    n = len(pages)
    rows: dict[str, dict[str, Any]] = {}
    results: list[Any] = []
    raws = [raw for raw, _, _ in pages]

    def ours() -> None:
        results.clear()
        results.extend(batch(raws))

    tag = " (partial)" if partial else ""
    systems: list[tuple[str, Callable[[], None]]] = [
        ("articlegrade HTML -> Scorecard, grade_many" + tag, ours),
        (
            "articlegrade HTML -> Scorecard, grade() page by page" + tag,
            lambda: [fn(raw, url) for raw, _, url in pages],
        ),
        ("readability-lxml alone", lambda: run_readability(pages)),
        ("trafilatura alone", lambda: run_trafilatura(pages)),
        ("lxml parse + text_content (floor)", lambda: run_lxml(pages)),
    ]
    for name, run in systems:
        best, times = timed(run, rounds)
        rows[name] = {"pages_per_s": n / best, "ms_per_page": 1e3 * best / n, "rounds_s": times}
    ours_name, readability_name = systems[0][0], systems[2][0]
    for row in rows.values():
        row["ratio_to_readability"] = row["pages_per_s"] / rows[readability_name]["pages_per_s"]
    rows[ours_name]["statuses"] = statuses(results)
    return {"pages": n, "systems": rows}


def text_section(
    texts: list[str], fn: Callable, batch: Callable, partial: bool, rounds: int
) -> dict[str, Any]:
    n = len(texts)
    words = sum(len(_WORD.findall(t)) for t in texts)
    filters = datatrove_filters()
    results: list[Any] = []

    def ours() -> None:
        results.clear()
        results.extend(batch(texts))

    dt = "datatrove GopherRepetition + GopherQuality + FineWebQuality"
    tag = " (partial)" if partial else ""
    systems: list[tuple[str, Callable[[], None]]] = [
        ("articlegrade text -> Scorecard, grade_many" + tag, ours),
        (
            "articlegrade text -> Scorecard, grade() text by text" + tag,
            lambda: [fn(t) for t in texts],
        ),
        (dt, lambda: run_datatrove(texts, filters)),
        (dt + ", chained (stop at first reject)", lambda: run_datatrove(texts, filters, True)),
        ("textstat FRE + FKGL + SMOG alone", lambda: run_textstat(texts)),
    ]
    rows: dict[str, dict[str, Any]] = {}
    for name, run in systems:
        best, times = timed(run, rounds)
        rows[name] = {
            "docs_per_s": n / best,
            "words_per_s": words / best,
            "ms_per_doc": 1e3 * best / n,
            "rounds_s": times,
        }
    for row in rows.values():
        row["ratio_to_datatrove"] = row["docs_per_s"] / rows[dt]["docs_per_s"]
    rows[systems[0][0]]["statuses"] = statuses(results)
    return {"docs": n, "words": words, "mean_words": words / n, "systems": rows}


def length_section(
    families: Sequence[str], full: bool, fn: Callable, lengths: Sequence[int], rounds: int
) -> dict[str, Any]:
    """Per-word cost of each stage and of the whole grade at each length. When ``grade`` refuses
    a text (over ``grading.MAX_WORDS``) the total is the sum of the stages, marked as such."""
    out: dict[str, Any] = {}
    for n_words in lengths:
        text = long_text(n_words)
        stages = stage_times([(text, None)], families, full, rounds)
        total, _ = timed(lambda text=text: fn(text), rounds)
        status = statuses([fn(text)])
        row: dict[str, Any] = {"words": n_words, "grade_status": status}
        if any(k.startswith("error") for k in status):
            total = sum(stages.values())
            row["total_is"] = "sum of the stages (grade refused the text)"
        else:
            row["total_is"] = "grade"
        row["total_ms"] = 1e3 * total
        row["us_per_word"] = 1e6 * total / n_words
        row["stages_us_per_word"] = {k: 1e6 * v / n_words for k, v in stages.items()}
        out[str(n_words)] = row
    return out


def jobs_section(full: bool, families: Sequence[str], texts: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"docs": len(texts), "cpus": os.cpu_count()}
    for workers in (1, 2):
        start = time.perf_counter()
        count = sum(1 for _ in many(full, families, texts, workers))
        secs = time.perf_counter() - start
        out[f"jobs_{workers}"] = {"seconds": secs, "docs_per_s": count / secs}
    out["speedup"] = out["jobs_1"]["seconds"] / out["jobs_2"]["seconds"]
    return out


def warm_up(full: bool) -> None:
    """What a forked ``grade_many`` worker gets before its first page: the model and the families
    loaded, one short text graded."""
    if full:
        from articlegrade.grading import _WARM_UP, grade_safely

        grade_safely(_WARM_UP)


def section_child(kind: str, quick: bool, rounds: int) -> None:
    """The HTML or the text section and its stage times, in this fresh process (so that no
    section runs with the memos and caches another one left behind); prints them as JSON."""
    full, families, _ = pipeline_status()
    fn, batched = grade_fn(full, families), batch_fn(full, families)
    # what every system loads on first use (models, dictionaries, spaCy) is loaded before timing
    warm_up(full)
    if kind == "html":
        pages = load_pages()[:: 3 if quick else 1]
        run_readability(pages[:2])
        run_trafilatura(pages[:2])
        out = {
            "html": html_section(pages, fn, batched, not full, rounds),
            "html_stages": stage_times(
                [(raw, url) for raw, _, url in pages], families, full, rounds
            ),
        }
    else:
        texts = load_texts()[:: 4 if quick else 1]
        run_datatrove(texts[:2], datatrove_filters())
        run_textstat(texts[:2])
        out = {
            "text": text_section(texts, fn, batched, not full, rounds),
            "text_stages": stage_times([(t, None) for t in texts], families, full, rounds),
        }
    print(json.dumps(out))


def child_json(*args: str) -> dict[str, Any]:
    """Run this script in a fresh process with ``args``; its last line of output, as JSON."""
    proc = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def first_pass_child(kind: str, quick: bool) -> None:
    """One ``grade_many(workers=0)`` pass over the pages or texts in this fresh process, after
    the warm-up a forked worker gets (model loaded, one short text graded); prints seconds."""
    full, families, _ = pipeline_status()
    batch = batch_fn(full, families)
    warm_up(full)
    if kind == "html":
        sources: list[Any] = [raw for raw, _, _ in load_pages()]
    else:
        sources = load_texts()
    if quick:
        sources = sources[:: 3 if kind == "html" else 4]
    gc.collect()
    start = time.perf_counter()
    batch(sources)
    print(json.dumps({"seconds": time.perf_counter() - start, "docs": len(sources)}))


def first_pass(r: dict[str, Any], quick: bool) -> None:
    """Add the first-pass rows (see the module docstring) to ``r["html"]`` and ``r["text"]``,
    with their ratios to the peers timed in this run."""
    for kind, peer, unit in (
        ("html", "readability-lxml alone", "pages"),
        ("text", "datatrove GopherRepetition + GopherQuality + FineWebQuality", "docs"),
    ):
        got = child_json("--first-pass-child", kind, *(["--quick"] if quick else []))
        systems = r[kind]["systems"]
        rate = got["docs"] / got["seconds"]
        ratio_key = "ratio_to_readability" if kind == "html" else "ratio_to_datatrove"
        row: dict[str, Any] = {f"{unit}_per_s": rate, f"ms_per_{unit[:-1]}": 1e3 / rate}
        if kind == "text":
            row["words_per_s"] = r["text"]["words"] / got["seconds"]
        row[ratio_key] = rate / systems[peer][f"{unit}_per_s"]
        row["rounds_s"] = [got["seconds"]]
        label = "HTML" if kind == "html" else "text"
        systems[f"articlegrade {label} -> Scorecard, grade_many, first pass, fresh process"] = row


def memory_child(n_docs: int) -> None:
    """Stream ``n_docs`` texts (the quality texts, cycled) through grade_many; print RSS in kB."""
    import itertools

    full, families, _ = pipeline_status()
    texts = load_texts()
    marks = {n_docs * k // 10 for k in range(1, 11)}
    sources = itertools.islice(itertools.cycle(texts), n_docs)
    trace = []
    for i, _ in enumerate(many(full, families, sources, 1), 1):
        if i in marks:
            trace.append((i, rss_kb()))
    print(json.dumps({"trace": trace, "peak_kb": rss_kb("VmHWM")}))


def memory_section(n_docs: int) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(n_docs)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    trace = got["trace"]
    first, last = trace[0][1], trace[-1][1]
    return {
        "docs": n_docs,
        "rss_mb_by_docs": {str(i): kb / 1024 for i, kb in trace},
        "peak_mb": got["peak_kb"] / 1024,
        "growth_mb_first_tenth_to_end": (last - first) / 1024,
    }


def help_section(runs: int = 5) -> dict[str, Any]:
    exe = Path(sys.executable).parent / "articlegrade"
    cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "articlegrade", "--help"]
    if not exe.exists() and shutil.which("articlegrade"):
        cmd = ["articlegrade", "--help"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return {
        "command": " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd)),
        "best_s": min(times),
        "runs_s": times,
    }


# -- report ----------------------------------------------------------------------------------------


def print_table(r: dict[str, Any]) -> None:
    print(
        f"\narticlegrade pipeline: {'full' if r['full_pipeline'] else 'PARTIAL'}"
        + ("" if r["full_pipeline"] else f" — missing: {r['missing']}")
    )
    h = r["html"]
    print(f"\nHTML ({h['pages']} Zyte pages)" + " " * 54 + "pages/s   ms/page  vs readability")
    for name, row in h["systems"].items():
        print(
            f"  {name:72s} {row['pages_per_s']:7.1f} {row['ms_per_page']:8.2f} "
            f"{row['ratio_to_readability']:8.2f}x"
        )
    t = r["text"]
    print(
        f"\nText ({t['docs']} English quality texts, mean {t['mean_words']:.0f} words)"
        "                      docs/s   words/s   ms/doc  vs datatrove"
    )
    for name, row in t["systems"].items():
        print(
            f"  {name:72s} {row['docs_per_s']:7.1f} {row['words_per_s']:9.0f} "
            f"{row['ms_per_doc']:7.2f} {row['ratio_to_datatrove']:8.2f}x"
        )
    for key, label in (("html_stages", "HTML"), ("text_stages", "text")):
        n = h["pages"] if key == "html_stages" else t["docs"]
        print(f"\nWhere the time goes, {label} (ms per document, best of rounds)")
        for stage, secs in r[key].items():
            print(f"  {stage:40s} {1e3 * secs / n:7.2f}")
    print("\nCost against length (µs per word)")
    stages = list(next(iter(r["length"].values()))["stages_us_per_word"])
    short = [s.replace("family ", "").split(" (")[0].replace("features + ", "")[:8] for s in stages]
    print(f"  {'words':>8s} {'total':>8s} " + " ".join(f"{s:>8s}" for s in short))
    for row in r["length"].values():
        print(
            f"  {row['words']:8d} {row['us_per_word']:8.2f} "
            + " ".join(f"{row['stages_us_per_word'][s]:8.2f}" for s in stages)
            + (
                ""
                if row["total_is"] == "grade"
                else f"  (total = stages; grade: {row['grade_status']})"
            )
        )
    j = r["jobs"]
    print(
        f"\ngrade_many on {j['docs']} texts ({j['cpus']} CPUs): jobs 1 {j['jobs_1']['seconds']:.2f} s, "
        f"jobs 2 {j['jobs_2']['seconds']:.2f} s, speed-up {j['speedup']:.2f}x"
    )
    m = r["memory"]
    trace = ", ".join(f"{k}: {v:.0f}" for k, v in m["rss_mb_by_docs"].items())
    print(
        f"RSS (MB) streaming {m['docs']} texts through grade_many: {trace}; peak "
        f"{m['peak_mb']:.0f} MB; growth after the first tenth {m['growth_mb_first_tenth_to_end']:+.1f} MB"
    )
    print(f"{r['help']['command']}: best of 5 {1e3 * r['help']['best_s']:.0f} ms")
    print("\nGoals:")
    for goal, (value, ok) in r["goals"].items():
        print(f"  {goal:50s} {value:>10s}  {'met' if ok else 'NOT met'}")


def goals(r: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    h = next(iter(r["html"]["systems"].values()))["ratio_to_readability"]
    t = next(iter(r["text"]["systems"].values()))["ratio_to_datatrove"]
    per_word = [row["us_per_word"] for row in r["length"].values()]
    linear = max(per_word) / min(per_word)
    growth = r["memory"]["growth_mb_first_tenth_to_end"]
    return {
        "HTML -> Scorecard >= 1.0x readability-lxml": (f"{h:.2f}x", h >= 1.0),
        "text -> Scorecard >= 2x datatrove's three filters": (f"{t:.2f}x", t >= 2.0),
        "linear in length (max/min µs per word <= 1.5)": (f"{linear:.2f}", linear <= 1.5),
        "--jobs 2 >= 1.8x --jobs 1": (f"{r['jobs']['speedup']:.2f}x", r["jobs"]["speedup"] >= 1.8),
        "memory flat (< 50 MB growth over the batch)": (f"{growth:+.0f} MB", growth < 50),
        "articlegrade --help < 0.5 s": (f"{r['help']['best_s']:.2f} s", r["help"]["best_s"] < 0.5),
    }


def profile(kind: str) -> None:
    """pyinstrument's call tree of the grade path over the HTML pages or the texts (bench-only:
    ``pip install pyinstrument``)."""
    from pyinstrument import Profiler

    full, families, _ = pipeline_status()
    fn = grade_fn(full, families)
    if kind == "html":
        sources = [(raw, url) for raw, _, url in load_pages()]
    else:
        sources = [(text, None) for text in load_texts()]
    for src, url in sources[:20]:  # warm: models loaded, memos filled
        fn(src, url)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for src, url in sources:
        fn(src, url)
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="short run: 1 round, fewer documents")
    parser.add_argument("--rounds", type=int, default=None, help="timing rounds (default 3)")
    parser.add_argument("--batch", type=int, default=None, help="memory batch (default 10000)")
    parser.add_argument("-o", "--output", type=Path, default=None, help=f"default {RESULT}")
    parser.add_argument(
        "--profile",
        choices=("html", "text"),
        help="print pyinstrument's profile of one path, no timing",
    )
    parser.add_argument("--memory-child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--first-pass-child", choices=("html", "text"), help=argparse.SUPPRESS)
    parser.add_argument("--section-child", choices=("html", "text"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.profile)
        return 0
    if args.memory_child:
        memory_child(args.memory_child)
        return 0
    if args.first_pass_child:
        first_pass_child(args.first_pass_child, args.quick)
        return 0
    if args.section_child:
        section_child(args.section_child, args.quick, args.rounds or (1 if args.quick else 3))
        return 0
    rounds = args.rounds or (1 if args.quick else 3)
    batch = args.batch or (1_000 if args.quick else 10_000)

    import articlegrade
    from articlegrade.model.storage import hash_files

    full, families, missing = pipeline_status()
    fn = grade_fn(full, families)
    texts = load_texts()
    if args.quick:
        texts = texts[::4]
    extra = [*(["--quick"] if args.quick else []), "--rounds", str(rounds)]
    print(f"pipeline {'full' if full else 'partial: ' + missing}", flush=True)
    r: dict[str, Any] = {"full_pipeline": full, "families_run": families, "missing": missing}
    for kind in ("html", "text"):
        print(f"{kind} (fresh process) ...", flush=True)
        r.update(child_json("--section-child", kind, *extra))
    print("first pass ...", flush=True)
    first_pass(r, args.quick)
    r["text_stages"] = stage_times([(t, None) for t in texts], families, full, rounds)
    print("length ...", flush=True)
    r["length"] = length_section(families, full, fn, LENGTHS, rounds)
    print("jobs ...", flush=True)
    r["jobs"] = jobs_section(full, families, texts if args.quick else texts + texts)
    print("memory ...", flush=True)
    r["memory"] = memory_section(batch)
    r["help"] = help_section()
    r["goals"] = goals(r)
    print_table(r)
    r["goals"] = {k: {"value": v, "met": ok} for k, (v, ok) in r["goals"].items()}
    r["command"] = "python bench/throughput.py" + (" --quick" if args.quick else "")
    r["rounds"] = rounds
    r["data_sha256"] = hash_files(data_files())
    r["versions"] = {
        "articlegrade": articlegrade.__version__,
        "python": sys.version.split()[0],
        **{
            d: version(d)
            for d in (
                "readability-lxml",
                "trafilatura",
                "datatrove",
                "spacy",
                "textstat",
                "lxml",
                "blingfire",
            )
        },
    }
    r["cpus"] = os.cpu_count()
    r["load_average_at_end"] = os.getloadavg()
    out = args.output or (None if args.quick else RESULT)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(r, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
