"""Benchmark of the quality classifier (issue: the grade).

Prints a table and writes bench/results/classifier.json:
- GroupKFold(5) ROC-AUC by pair_id on the training data, overall and inside word-count bins, with
  word count alone as the length baseline;
- leave-one-domain-out (iu news, iu wiki, M4 wikipedia, M4 wikihow) and leave-one-generator-out
  (GPT-3.5 rows vs Llama-2 rows, each with its own human rows);
- the share of the 181 human-written Zyte news bodies graded D or worse by the shipped model (goal <= 5%);
- the grades and reasons of the two seed pages.

Run from the repository root: python bench/classifier.py [--jobs 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "bench" / "results" / "classifier.json"


def bootstrap_auc(
    y: np.ndarray, s: np.ndarray, n: int = 1000, seed: int = 0
) -> tuple[float, float]:
    """95% percentile interval of ROC-AUC over resampled rows."""
    rng = np.random.default_rng(seed)
    vals = []
    for _ in range(n):
        idx = rng.integers(0, len(y), len(y))
        if len(set(y[idx])) == 2:
            vals.append(roc_auc_score(y[idx], s[idx]))
    return float(np.percentile(vals, 2.5)), float(np.percentile(vals, 97.5))


def read_page(pid: str) -> bytes:
    with gzip.open(DATA / "extraction" / "zyte" / "html" / f"{pid}.html.gz") as fh:
        return fh.read()


def fit_predict(X, y, groups, train_idx, test_idx, names, C):
    from articlegrade.model.quality import QualityModel

    m = QualityModel.fit(X[train_idx], y[train_idx], names, C=C)
    return m.decision(X[test_idx])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    import articlegrade
    from articlegrade.model.quality import QualityModel
    from articlegrade.training.quality import cv_auc, featurize, shared_quality_rows

    if not (DATA / "quality").exists():
        print(f"reference data not found at {DATA}", file=sys.stderr)
        return 2
    model = QualityModel.load("quality")
    names = list(model.feature_names)
    C = float(model.meta.get("C", 0.1))
    rows = shared_quality_rows(DATA / "quality")
    t0 = time.perf_counter()
    X, ok = featurize(rows, names, jobs=args.jobs)
    featurize_s = time.perf_counter() - t0
    rows = [r for r, good in zip(rows, ok, strict=True) if good]
    y = np.array([r["label"] for r in rows])
    groups = np.array([r["group"] for r in rows])
    words = np.array([len(r["text"].split()) for r in rows], dtype=float)
    source = np.array([r["id"].split("-")[0] for r in rows])  # iu / m4
    domain = np.array([f"{s}-{r['domain']}" for s, r in zip(source, rows, strict=True)])

    results: dict = {
        "command": "python bench/classifier.py",
        "package_version": articlegrade.__version__,
        "model": model.version,
        "features": len(names),
        "rows": len(rows),
        "C": C,
    }
    auc, oof = cv_auc(X, y, groups, C)
    results["groupkfold_auc"] = {
        "auc": round(auc, 4),
        "ci95": [round(v, 4) for v in bootstrap_auc(y, oof)],
    }
    results["word_count_alone_auc"] = round(float(roc_auc_score(y, words)), 4)
    bins = {"<200": (0, 200), "200-400": (200, 400), "400-700": (400, 700), ">=700": (700, 1e9)}
    results["auc_by_word_bin"] = {}
    for label, (lo, hi) in bins.items():
        m = (words >= lo) & (words < hi)
        if len(set(y[m])) == 2:
            results["auc_by_word_bin"][label] = {
                "n": int(m.sum()),
                "good": int(y[m].sum()),
                "auc": round(float(roc_auc_score(y[m], oof[m])), 4),
                "word_count_alone": round(float(roc_auc_score(y[m], words[m])), 4),
            }

    def held_out(test_mask: np.ndarray) -> dict:
        """ROC-AUC on the rows of ``test_mask`` of a model fitted on all other rows."""
        test, train = np.where(test_mask)[0], np.where(~test_mask)[0]
        s = fit_predict(X, y, groups, train, test, names, C)
        return {"n": len(test), "auc": round(float(roc_auc_score(y[test], s)), 4)}

    results["leave_one_domain_out"] = {d: held_out(domain == d) for d in sorted(set(domain))}
    results["leave_one_generator_out"] = {
        "train Llama-2 (M4), test GPT-3.5 (iu)": held_out(source == "iu"),
        "train GPT-3.5 (iu), test Llama-2 (M4)": held_out(source == "m4"),
    }

    # Human news bodies from the extraction benchmark: graded as text, and as the page through clean().
    gt = json.loads(
        (DATA / "extraction" / "zyte" / "ground-truth.json").read_text(encoding="utf-8")
    )
    zyte: dict[str, dict] = {}
    for mode in ("gold_body", "html_page"):
        grades: dict[str, int] = {}
        errors = skipped = 0
        for pid, rec in sorted(gt.items()):
            src = rec["articleBody"] if mode == "gold_body" else read_page(pid)
            try:
                card = articlegrade.grade(src, url=rec.get("url"))
            except articlegrade.ArticlegradeError:
                errors += 1
                continue
            if not card.ok:
                skipped += 1
                continue
            grades[card.grade] = grades.get(card.grade, 0) + 1
        n = sum(grades.values())
        low = grades.get("D", 0) + grades.get("F", 0)
        zyte[mode] = {
            "graded": n,
            "errors": errors,
            "skipped_not_english": skipped,
            "grades": dict(sorted(grades.items())),
            "d_or_worse_share": round(low / n, 4) if n else None,
        }
    results["zyte_human_news"] = zyte

    seeds = {}
    for path in sorted((ROOT / "samples").glob("seed-*")):
        card = articlegrade.grade(path)
        seeds[path.name] = {
            "grade": card.grade,
            "quality": round(card.quality, 4),
            "reasons": [r.label for r in card.reasons],
        }
    results["seeds"] = seeds
    results["featurize_seconds"] = round(featurize_s, 1)

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    print(f"quality classifier ({model.version}, {len(names)} features, {len(rows)} rows, C={C})")
    print(f"{'measure':<52} {'value':>8}  goal")
    g = results["groupkfold_auc"]
    print(
        f"{'GroupKFold(5) ROC-AUC by pair_id':<52} {g['auc']:>8.4f}  >= 0.95   (95% CI {g['ci95'][0]:.3f}-{g['ci95'][1]:.3f})"
    )
    print(
        f"{'word count alone ROC-AUC (length baseline)':<52} {results['word_count_alone_auc']:>8.4f}"
    )
    for label, v in results["auc_by_word_bin"].items():
        print(
            f"{'  inside ' + label + ' words (n=' + str(v['n']) + ')':<52} {v['auc']:>8.4f}  (length alone {v['word_count_alone']:.3f})"
        )
    for d, v in results["leave_one_domain_out"].items():
        print(f"{'leave out domain ' + d:<52} {v['auc']:>8.4f}")
    for d, v in results["leave_one_generator_out"].items():
        print(f"{d:<52} {v['auc']:>8.4f}")
    for mode, v in zyte.items():
        print(
            f"{'Zyte human news graded D or worse (' + mode + ')':<52} {v['d_or_worse_share']:>8.1%}  <= 5%   {v['grades']}, skipped {v['skipped_not_english']}, errors {v['errors']}"
        )
    for name, v in seeds.items():
        print(f"{name:<52} {v['grade']:>8}  lowest band; {'; '.join(v['reasons'])}")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
