"""Benchmark the claim detector on ClaimBuster's held-out test file (binary ``is_factual``).

    python bench/claims.py              # shipped model vs the README baseline
    python bench/claims.py --variants   # also every variant tried (about 6 minutes)

"Ours" is the shipped ``models/claims.json.gz`` evaluated through ``sentence_scores`` at the threshold
stored in it (chosen by cross-validation on the training file; the test file is never used to choose
anything). The baseline is the README's TF-IDF + logistic regression, refit here in the same run:
word 1-2-grams, min_df 2, sublinear tf, C=1, class-balanced, threshold 0.5 (README: F1 0.729, AP 0.802;
its exact settings are not given, this is the closest we found). Each variant is cross-validated on the
training file (5-fold, seed 0; the threshold maximises out-of-fold F1), refit on all training data and
scored once on the test file. Also measures the per-sentence and per-article cost on the two seeds.
Writes ``bench/results/claims.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, average_precision_score, f1_score

import articlegrade
from articlegrade.model import load_model, model_path
from articlegrade.model.storage import hash_files
from articlegrade.signals import claims
from articlegrade.training import claims as training

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "claims"
OUT = ROOT / "bench" / "results" / "claims.json"
SEEDS = sorted((ROOT / "samples").glob("seed-*.txt"))

VARIANTS: list[tuple[str, training.Config]] = [
    ("words 1-2 only", training.Config(chars=None, features=False, extra="none")),
    ("named features only", training.Config(words=False, chars=None, extra="none")),
    ("words + features", training.Config(chars=None, extra="none")),
    ("words + chars 2-5", training.Config(features=False, extra="none")),
    ("words + chars + features", training.Config(extra="none")),
    ("words + chars + features, C=1", training.Config(extra="none", C=1.0)),
    ("words + chars + features, C=10", training.Config(extra="none", C=10.0)),
    ("words + chars 1-4 + features", training.Config(extra="none", chars=(1, 4))),
    (
        "words + chars + features, no caps",
        training.Config(extra="none", max_words=None, max_chars=None),
    ),
    ("+ 2.5xNCS all (non-CFS as negatives)", training.Config(extra="all")),
    ("+ 2.5xNCS CFS as positives (shipped config)", training.Config(extra="cfs")),
]


def scores(y: np.ndarray, p: np.ndarray, threshold: float) -> dict[str, float]:
    pred = p >= threshold
    return {
        "f1_factual": round(float(f1_score(y, pred)), 4),
        "accuracy": round(float(accuracy_score(y, pred)), 4),
        "average_precision": round(float(average_precision_score(y, p)), 4),
        "threshold": round(float(threshold), 2),
    }


def baseline(train: list[dict], test: list[dict]) -> dict[str, float]:
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    X = vec.fit_transform([r["text"] for r in train])
    y = np.array([r["is_factual"] for r in train])
    clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(X, y)
    p = clf.predict_proba(vec.transform([r["text"] for r in test]))[:, 1]
    return scores(np.array([r["is_factual"] for r in test]), p, 0.5)


def variant(config: training.Config, train: list[dict], test: list[dict]) -> dict:
    texts = [r["text"] for r in train]
    y = np.array([r["is_factual"] for r in train])
    extra, extra_y, _ = training.extra_sentences(DATA, config.extra)
    oof = training.cross_validate(texts, y, config, extra=extra, extra_y=extra_y)
    threshold, cv_f1 = training.choose_threshold(y, [oof])
    params = training.fit(
        texts + extra, np.concatenate([y, np.asarray(extra_y, dtype=int)]), config
    )
    p = training.predict(params, [r["text"] for r in test])
    out = scores(np.array([r["is_factual"] for r in test]), p, threshold)
    return {
        "cv_f1_factual": round(cv_f1, 4),
        "cv_average_precision": round(float(average_precision_score(y, oof)), 4),
        **{f"test_{k}": v for k, v in out.items()},
    }


def cost() -> dict:
    model = claims.load_claim_model()
    out: dict = {}
    for path in SEEDS:
        article = articlegrade.clean(path.read_text(encoding="utf-8"))
        _ = article.sentences
        claims.analyze(article)
        runs = []
        for _ in range(20):
            start = time.perf_counter()
            claims.analyze(article)
            runs.append(time.perf_counter() - start)
        out[path.name] = {
            "words": article.words,
            "sentences": len(article.sentences),
            "analyze_ms_median": round(1000 * float(np.median(runs)), 2),
            "values": {
                k: (None if v != v else round(v, 4)) for k, v in claims.measure(article).items()
            },
        }
    sentences = [s for path in SEEDS for s in articlegrade.clean(path.read_text()).sentences]
    start = time.perf_counter()
    for _ in range(5):
        model.probabilities(sentences)
    out["per_sentence_ms"] = round(1000 * (time.perf_counter() - start) / (5 * len(sentences)), 3)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", action="store_true", help="also cross-validate every variant")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"reference data not found at {DATA}", file=sys.stderr)
        return 2
    train = training.read_jsonl(DATA / training.TRAIN_FILE)
    test = training.read_jsonl(DATA / training.TEST_FILE)
    y_test = np.array([r["is_factual"] for r in test])
    shipped = load_model("claims", kind=claims.MODEL_KIND)
    p = np.asarray(claims.sentence_scores([r["text"] for r in test]))
    ours = scores(y_test, p, claims.claim_threshold())
    labels = np.array([r["label"] for r in test])
    ours["recall_by_label"] = {
        lab: round(float(np.mean(p[labels == lab] >= claims.claim_threshold())), 4)
        for lab in ("NFS", "UFS", "CFS")
    }
    base = baseline(train, test)
    model_file = model_path("claims")
    result: dict = {
        "command": "python bench/claims.py" + (" --variants" if args.variants else ""),
        "package_version": articlegrade.__version__,
        "data_sha256": hash_files(
            [DATA / training.TRAIN_FILE, DATA / training.TEST_FILE, DATA / training.EXTRA_FILE]
        ),
        "goal": {"f1_factual": 0.82},
        "readme_baseline": {"f1_factual": 0.729, "accuracy": 0.784, "average_precision": 0.802},
        "baseline": base,
        "ours": ours,
        "model": {
            "path": str(model_file.relative_to(ROOT)),
            "bytes": model_file.stat().st_size,
            "cv": shipped.meta.get("metrics"),
            "extra_data": shipped.meta.get("extra_data"),
            "vocabulary": shipped.meta.get("vocabulary"),
        },
    }
    print(f"{'system':46s} {'F1':>6s} {'acc':>6s} {'AP':>6s} {'thr':>5s}")
    print(f"{'README baseline (reported)':46s} {0.729:6.3f} {0.784:6.3f} {0.802:6.3f} {'':>5s}")
    for name, r in (("TF-IDF + LR baseline (this run)", base), ("ours (shipped model)", ours)):
        print(
            f"{name:46s} {r['f1_factual']:6.3f} {r['accuracy']:6.3f} "
            f"{r['average_precision']:6.3f} {r['threshold']:5.2f}"
        )
    print(f"goal F1 >= 0.82; ours recall by label: {ours['recall_by_label']}")
    if args.variants:
        rows = []
        print(
            f"\n{'variant (CV on train -> test)':46s} {'cvF1':>6s} {'cvAP':>6s} {'F1':>6s} {'AP':>6s}"
        )
        for name, config in VARIANTS:
            r = variant(config, train, test)
            cfg = {k: v for k, v in asdict(config).items() if k != "feature_names"}
            rows.append({"variant": name, "config": cfg, **r})
            print(
                f"{name:46s} {r['cv_f1_factual']:6.3f} {r['cv_average_precision']:6.3f} "
                f"{r['test_f1_factual']:6.3f} {r['test_average_precision']:6.3f}",
                flush=True,
            )
        result["variants"] = rows
    elif OUT.is_file():
        previous = json.loads(OUT.read_text())
        if "variants" in previous:
            result["variants"] = previous["variants"]
    result["cost"] = cost()
    print(f"\ncost: {json.dumps(result['cost'], indent=1)}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
