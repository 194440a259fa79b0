"""Readability benchmark (OneStopEnglish, 189 articles x 3 levels): does ``readability.ease`` order
the three teacher-written versions of an article correctly?

Metric: within each article the pairs ele > int, ele > adv, int > adv (3 pairs per article, 567 in
all); a pair is right when the easier version has the strictly easier score (ties are wrong).
``readability.ease`` is scored by nested cross-validation: for each value of the data's ``fold``
column, the model is trained (C chosen by an inner CV over the other four folds) on the other folds
with ``articlegrade.training.readability.fit`` and scores the held-out fold; training leaves out
``EXCLUDED`` articles ("WNL shark", whose ele and adv texts are swapped in the source), the scores
cover every article. Accuracy is given over all 189 articles and over the 188 others.

Beside it: Flesch-Kincaid grade and Flesch reading ease alone, each as textstat 0.7.8 computes
them on the whole text with its own sentence count (the data README's baseline: FK 96.8%) and as
``readability.*`` computes them with our sentences. Level accuracy: ease rounded to 0/1/2
(adv/int/ele); FK alone classifies with 0.545 per the README.

Speed: ms of ``readability.analyze`` per 1,000 words over the 567 texts (sentences split
beforehand, as they are shared by every family), with the syllable memo empty at the start (each
text's new words cold) and again warm, beside textstat's five formulas called directly.

Run from the repository root:

    python bench/readability_levels.py

Prints the table and writes ``bench/results/readability.json``. (The script is not called
readability.py: a script's folder comes first on sys.path, and bench/readability.py would shadow the
readability-lxml package for every other benchmark in this folder.)
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "readability" / "onestopenglish.jsonl"
DEFAULT_OUT = ROOT / "bench" / "results" / "readability.json"
GOAL = {"pair_accuracy": 0.98}
README_BASELINE = {
    "fk_pair_accuracy": 0.968,
    "fk_level_accuracy": 0.545,
    "lr10_level_accuracy": 0.780,
}
SEEDS = sorted((ROOT / "samples").glob("seed-*.txt"))


def _speed(rows: list[dict]) -> dict[str, float]:
    from textstat.backend import metrics

    from articlegrade.signals import readability as R
    from articlegrade.training.readability import text_article

    t0 = time.perf_counter()
    R._backend().utils.get_cmudict(R.LANG)
    R._backend().utils.get_lang_easy_words(R.LANG)
    R.ease_model()
    load_s = time.perf_counter() - t0
    articles = [text_article(r["text"]) for r in rows]
    words = sum(a.words for a in articles)
    t0 = time.perf_counter()
    for a in articles:
        a.sentences  # noqa: B018  (split once, shared by every family)
    split_ms = (time.perf_counter() - t0) * 1000
    R.syllables.cache_clear()
    timings = {}
    for label in ("cold", "warm"):
        t0 = time.perf_counter()
        for a in articles:
            R.analyze(a)
        timings[label] = (time.perf_counter() - t0) * 1000
    lang = "en_US"
    t0 = time.perf_counter()
    for a in articles:
        for f in (
            lambda t: metrics.flesch_reading_ease(t, lang),
            lambda t: metrics.flesch_kincaid_grade(t, lang),
            lambda t: metrics.smog_index(t, lang),
            metrics.coleman_liau_index,
            lambda t: metrics.dale_chall_readability_score(t, lang),
        ):
            f(a.text)
    textstat_ms = (time.perf_counter() - t0) * 1000
    per_k = 1000.0 / words
    return {
        "texts": len(articles),
        "words": words,
        "first_use_load_s": round(load_s, 3),
        "sentence_split_ms_per_1000_words": round(split_ms * per_k, 3),
        "analyze_ms_per_1000_words_cold_memo": round(timings["cold"] * per_k, 3),
        "analyze_ms_per_1000_words_warm_memo": round(timings["warm"] * per_k, 3),
        "textstat_5_formulas_ms_per_1000_words": round(textstat_ms * per_k, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    import textstat
    from textstat.backend import metrics

    import articlegrade
    from articlegrade.model.storage import hash_files
    from articlegrade.signals import readability as R
    from articlegrade.training import readability as T

    rows = [json.loads(x) for x in args.data.read_text(encoding="utf-8").splitlines() if x]
    rows.sort(key=lambda r: (r["article"], r["level_num"]))
    speed = _speed(rows)

    corpus = T.load_corpus(args.data)
    assert [r["level_num"] for r in rows] == corpus.level.tolist()
    ease = np.full(len(rows), np.nan)
    chosen = {}
    for f in range(5):
        train = T.subset(corpus, corpus.fold != f)
        C, _ = T.choose_C(train)
        keep = ~train.excluded
        model = T.fit(train.X[keep], train.level[keep], train.article[keep], C)
        test = corpus.fold == f
        ease[test] = model.ease(corpus.X[test])
        chosen[str(f)] = C

    col = {name: i for i, name in enumerate(R.FEATURES)}
    systems = {
        "readability.ease (nested 5-fold CV)": ease,
        "Flesch-Kincaid grade, textstat's sentences": -np.array(
            [metrics.flesch_kincaid_grade(r["text"], "en_US") for r in rows]
        ),
        "Flesch reading ease, textstat's sentences": np.array(
            [metrics.flesch_reading_ease(r["text"], "en_US") for r in rows]
        ),
        "Flesch-Kincaid grade, our sentences": -corpus.X[
            :, col["readability.flesch_kincaid_grade"]
        ],
        "Flesch reading ease, our sentences": corpus.X[:, col["readability.flesch_reading_ease"]],
    }
    keep = ~corpus.excluded
    all_pairs = T.pairs(corpus.level, corpus.article)
    n_pairs_all = len(all_pairs)
    n_pairs_keep = len(T.pairs(corpus.level[keep], corpus.article[keep]))
    results = {}
    for name, score in systems.items():
        results[name] = {
            "pair_accuracy_all": round(T.pair_accuracy(score, corpus.level, corpus.article), 4),
            "pair_accuracy_without_excluded": round(
                T.pair_accuracy(score[keep], corpus.level[keep], corpus.article[keep]), 4
            ),
            "pairs_wrong_all": int(np.sum(~(score[all_pairs[:, 0]] > score[all_pairs[:, 1]]))),
        }
    results["readability.ease (nested 5-fold CV)"]["level_accuracy_all"] = round(
        T.level_accuracy(ease, corpus.level), 4
    )
    results["readability.ease (nested 5-fold CV)"]["mean_ease_ele_int_adv"] = [
        round(float(ease[corpus.level == lv].mean()), 3) for lv in (0, 1, 2)
    ]

    seeds = {}
    for path in SEEDS:
        article = articlegrade.clean(path.read_text(encoding="utf-8"))
        values = R.measure(article)
        seeds[path.name] = {
            k.split(".", 1)[1]: round(values[k], 3)
            for k in (
                "readability.ease",
                "readability.flesch_kincaid_grade",
                "readability.flesch_reading_ease",
                "readability.sentence_length_mean",
            )
        }
        seeds[path.name]["words"] = article.words

    ours = results["readability.ease (nested 5-fold CV)"]["pair_accuracy_all"]
    print(
        f"OneStopEnglish: {len(rows)} texts, {n_pairs_all} within-article pairs "
        f"({n_pairs_keep} without {', '.join(T.EXCLUDED)})"
    )
    print(f"{'system':48s} {'pairs all':>9s} {'w/o excl':>9s} {'wrong':>6s}")
    for name, r in results.items():
        print(
            f"{name:48s} {r['pair_accuracy_all']:9.2%} {r['pair_accuracy_without_excluded']:9.2%} "
            f"{r['pairs_wrong_all']:6d}"
        )
    print(
        f"goal: ease >= {GOAL['pair_accuracy']:.0%} of pairs -> "
        f"{'met' if ours >= GOAL['pair_accuracy'] else 'NOT met'} ({ours:.2%}); README FK "
        f"baseline {README_BASELINE['fk_pair_accuracy']:.1%}"
    )
    r = results["readability.ease (nested 5-fold CV)"]
    print(
        f"level accuracy (ease rounded to 0/1/2): {r['level_accuracy_all']:.3f} (README: FK "
        f"{README_BASELINE['fk_level_accuracy']}, LR on 10 features "
        f"{README_BASELINE['lr10_level_accuracy']}); mean ease ele/int/adv "
        f"{r['mean_ease_ele_int_adv']}; C per fold {chosen}"
    )
    print(f"speed: {speed}")
    for name, v in seeds.items():
        print(f"seed {name}: {v}")

    out = {
        "benchmark": "readability: within-article ordering of OneStopEnglish versions",
        "command": "python bench/readability_levels.py",
        "data_files": [args.data.name],
        "data_sha256": hash_files([args.data]),
        "metric": "share of within-article pairs (ele>int, ele>adv, int>adv) with strictly higher "
        "ease for the easier version; ties wrong",
        "goal": GOAL,
        "goal_met": ours >= GOAL["pair_accuracy"],
        "readme_baseline": README_BASELINE,
        "excluded_from_training": T.EXCLUDED,
        "pairs_all": n_pairs_all,
        "pairs_without_excluded": n_pairs_keep,
        "C_per_fold": chosen,
        "systems": results,
        "speed": speed,
        "seeds": seeds,
        "versions": {
            "articlegrade": articlegrade.__version__,
            "textstat": ".".join(map(str, textstat.__version__)),
            "numpy": np.__version__,
            "python": platform.python_version(),
        },
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
