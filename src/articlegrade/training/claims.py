"""Train the sentence-level claim detector shipped as ``models/claims.json.gz``.

``python -m articlegrade.training.claims [--data DIR] [-o PATH] [--no-extra]``

Data: ClaimBuster (``../shared/data/claims``): ``claimbuster_3class_train.jsonl``, target ``is_factual``
(UFS or CFS vs NFS). By default the check-worthy sentences (CFS) of ``claimbuster_2.5xNCS.jsonl`` that are
in neither 3-class file (compared by lower-cased letters and digits, and by sentence id) are added as
extra positives: repeated cross-validation on the training file chose this (see ``bench/claims.py``).
The test file is never read here except to keep its sentences out of the extra data.

Model: logistic regression (class-balanced, C=3) over word 1-2-gram TF-IDF (15,000 terms), character
2-5-gram TF-IDF (20,000 terms) and the standardised named features of
``articlegrade.signals.claims.FEATURE_NAMES``. The decision threshold is the one that maximises the mean
out-of-fold F1 over 3 repetitions of stratified 5-fold cross-validation on the training file (extra
data only ever in the training folds). Everything is seeded; two runs write byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from ..model import save_model
from ..model.storage import hash_files
from ..signals.claims import (
    FEATURE_NAMES,
    MODEL_KIND,
    MODEL_NAME,
    ClaimModel,
    char_terms,
    sentence_features,
    word_terms,
)

REPO = Path(__file__).resolve().parents[3]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "claims"
DEFAULT_OUTPUT = REPO / "models" / f"{MODEL_NAME}.json.gz"
TRAIN_FILE = "claimbuster_3class_train.jsonl"
TEST_FILE = "claimbuster_3class_test.jsonl"
EXTRA_FILE = "claimbuster_2.5xNCS.jsonl"
SEED = 0
CV_FOLDS = 5
CV_REPEATS = 3
_SIGNIFICANT = 6


@dataclass(frozen=True)
class Config:
    """One model variant: which blocks, their sizes, the regularisation, the extra data."""

    words: bool = True
    chars: tuple[int, int] | None = (2, 5)
    features: bool = True
    C: float = 3.0
    max_words: int | None = 15_000
    max_chars: int | None = 20_000
    min_df_words: int = 2
    min_df_chars: int = 3
    feature_weight: float = 0.3
    balanced: bool = True
    #: 2.5xNCS sentences in neither 3-class file: "cfs" adds its CFS as positives, "all" also adds
    #: its other sentences as negatives (they mix NFS with some UFS), "none" adds nothing.
    extra: str = "cfs"
    feature_names: tuple[str, ...] = field(default=FEATURE_NAMES)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a JSON-lines file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def extra_sentences(data: Path, mode: str = "cfs") -> tuple[list[str], list[int], dict[str, int]]:
    """2.5xNCS sentences in neither 3-class file (by text and id), deduplicated, with labels
    (CFS = 1, others = 0; ``mode`` "cfs" keeps the CFS only, "none" returns nothing) and counts."""
    if mode == "none":
        return [], [], {}
    train = read_jsonl(data / TRAIN_FILE)
    test = read_jsonl(data / TEST_FILE)
    rows = read_jsonl(data / EXTRA_FILE)
    train_keys = {_key(r["text"]) for r in train}
    test_keys = {_key(r["text"]) for r in test}
    ids = {r["sentence_id"] for r in train} | {r["sentence_id"] for r in test}
    seen: set[str] = set()
    out: list[str] = []
    labels: list[int] = []
    for r in rows:
        k = _key(r["text"])
        if k in train_keys or k in test_keys or r["sentence_id"] in ids or k in seen:
            continue
        if mode == "cfs" and r["is_checkworthy"] != 1:
            continue
        seen.add(k)
        out.append(r["text"])
        labels.append(int(r["is_checkworthy"]))
    stats = {
        "rows": len(rows),
        "overlap_test_text": sum(_key(r["text"]) in test_keys for r in rows),
        "overlap_train_text": sum(_key(r["text"]) in train_keys for r in rows),
        "extra_used": len(out),
        "extra_positive": sum(labels),
    }
    return out, labels, stats


def _round(values: Sequence[float] | np.ndarray) -> list[float]:
    return [float(f"{float(v):.{_SIGNIFICANT}g}") for v in values]


def _tfidf_block(vectorizer: Any, texts: Sequence[str]) -> tuple[Any, list[str]]:
    matrix = vectorizer.fit_transform(texts)
    vocab = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    return matrix, vocab


def fit(texts: Sequence[str], y: Sequence[int], config: Config, threshold: float = 0.5) -> dict:
    """Train one variant; return the model ``params`` (JSON-ready arrays, read by ``ClaimModel``)."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    y = np.asarray(y, dtype=np.int64)
    blocks: list[Any] = []
    vocabs: dict[str, list[str]] = {"word": [], "char": []}
    idfs: dict[str, np.ndarray] = {"word": np.zeros(0), "char": np.zeros(0)}
    if config.words:
        vec = TfidfVectorizer(
            analyzer=word_terms,
            sublinear_tf=True,
            min_df=config.min_df_words,
            max_features=config.max_words,
        )
        matrix, vocabs["word"] = _tfidf_block(vec, texts)
        idfs["word"] = vec.idf_
        blocks.append(matrix)
    if config.chars:
        low, high = config.chars
        vec = TfidfVectorizer(
            analyzer=partial(char_terms, low=low, high=high),
            sublinear_tf=True,
            min_df=config.min_df_chars,
            max_features=config.max_chars,
        )
        matrix, vocabs["char"] = _tfidf_block(vec, texts)
        idfs["char"] = vec.idf_
        blocks.append(matrix)
    n_feat = len(config.feature_names)
    mean, scale = np.zeros(n_feat), np.ones(n_feat)
    if config.features:
        raw = np.array([sentence_features(t) for t in texts], dtype=np.float64)
        mean = raw.mean(axis=0)
        scale = raw.std(axis=0)
        scale[scale == 0] = 1.0
        blocks.append(sp.csr_matrix((raw - mean) / scale * config.feature_weight))
    X = sp.hstack(blocks).tocsr()
    clf = LogisticRegression(
        C=config.C,
        class_weight="balanced" if config.balanced else None,
        max_iter=5000,
        random_state=SEED,
    ).fit(X, y)
    coef = clf.coef_.ravel()
    n_words, n_chars = len(vocabs["word"]), len(vocabs["char"])
    feature_coef = (
        coef[n_words + n_chars :] * config.feature_weight if config.features else np.zeros(n_feat)
    )
    params: dict[str, Any] = {"char_range": list(config.chars or (2, 5))}
    offset = 0
    for prefix, n in (("word", n_words), ("char", n_chars)):
        order = sorted(range(n), key=lambda i, v=vocabs[prefix]: v[i])
        params[f"{prefix}_vocab"] = [vocabs[prefix][i] for i in order]
        params[f"{prefix}_idf"] = _round(idfs[prefix][order]) if n else []
        params[f"{prefix}_coef"] = _round(coef[offset : offset + n][order]) if n else []
        offset += n
    params["feature_mean"] = _round(mean)
    params["feature_scale"] = _round(scale)
    params["feature_coef"] = _round(feature_coef)
    params["intercept"] = _round([clf.intercept_[0]])[0]
    params["threshold"] = float(threshold)
    return params


def predict(params: dict, texts: Sequence[str]) -> np.ndarray:
    """Fact probabilities from ``params`` through the run-time evaluator."""
    return np.asarray(ClaimModel.from_params(params).probabilities(texts))


def cross_validate(
    texts: Sequence[str],
    y: Sequence[int],
    config: Config,
    *,
    extra: Sequence[str] = (),
    extra_y: Sequence[int] = (),
    seed: int = SEED,
    folds: int = CV_FOLDS,
) -> np.ndarray:
    """Out-of-fold probabilities (stratified k-fold); ``extra`` sentences (labels ``extra_y``) join
    every training fold and are never scored."""
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(y)
    oof = np.zeros(len(y))
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for train_idx, test_idx in splitter.split(np.zeros(len(y)), y):
        fold_texts = [texts[i] for i in train_idx] + list(extra)
        fold_y = np.concatenate([y[train_idx], np.asarray(extra_y, dtype=y.dtype)])
        params = fit(fold_texts, fold_y, config)
        oof[test_idx] = predict(params, [texts[i] for i in test_idx])
    return oof


def f1_at(y: np.ndarray, p: np.ndarray, threshold: float) -> float:
    """F1 of the positive class when ``p >= threshold`` is predicted positive."""
    pred = p >= threshold
    tp = float(np.sum(pred & (y == 1)))
    denom = float(np.sum(pred) + np.sum(y == 1))
    return 2 * tp / denom if denom else 0.0


def choose_threshold(y: Sequence[int], oofs: Sequence[np.ndarray]) -> tuple[float, float]:
    """The threshold (grid 0.20..0.80, step 0.01) maximising mean out-of-fold F1; and that F1."""
    y = np.asarray(y)
    grid = np.round(np.arange(0.20, 0.8001, 0.01), 2)
    scores = [float(np.mean([f1_at(y, p, t) for p in oofs])) for t in grid]
    best = int(np.argmax(scores))
    return float(grid[best]), scores[best]


def train(data: Path, config: Config, repeats: int = CV_REPEATS) -> tuple[dict, dict]:
    """Cross-validate (threshold, metrics), then fit on all training data; return (params, meta)."""
    from sklearn.metrics import average_precision_score

    rows = read_jsonl(data / TRAIN_FILE)
    texts = [r["text"] for r in rows]
    y = np.array([int(r["is_factual"]) for r in rows])
    extra, extra_y, extra_stats = extra_sentences(data, config.extra)
    oofs = [
        cross_validate(texts, y, config, extra=extra, extra_y=extra_y, seed=SEED + rep)
        for rep in range(repeats)
    ]
    threshold, cv_f1 = choose_threshold(y, oofs)
    cv_ap = float(np.mean([average_precision_score(y, p) for p in oofs]))
    params = fit(texts + extra, np.concatenate([y, np.asarray(extra_y, dtype=y.dtype)]), config)
    params["threshold"] = threshold
    files = [data / TRAIN_FILE] + ([data / EXTRA_FILE, data / TEST_FILE] if extra_stats else [])
    meta = {
        "data_files": [f.name for f in files],
        "data_sha256": hash_files(files),
        "config": {k: v for k, v in asdict(config).items() if k != "feature_names"},
        "extra_data": extra_stats,
        "train_sentences": len(texts),
        "metrics": {
            "cv": f"{repeats}x stratified {CV_FOLDS}-fold on {TRAIN_FILE}, seeds {SEED}..{SEED + repeats - 1}",
            "cv_f1_factual": round(cv_f1, 4),
            "cv_average_precision": round(cv_ap, 4),
            "threshold": threshold,
        },
        "vocabulary": {"words": len(params["word_vocab"]), "chars": len(params["char_vocab"])},
    }
    return params, meta


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m articlegrade.training.claims", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ClaimBuster folder")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, help="model file")
    parser.add_argument(
        "--no-extra", action="store_true", help="train on the 3-class file only (no 2.5xNCS CFS)"
    )
    parser.add_argument("--repeats", type=int, default=CV_REPEATS, help="CV repetitions")
    args = parser.parse_args(argv)
    if not (args.data / TRAIN_FILE).is_file():
        print(f"error: {args.data / TRAIN_FILE} not found", file=sys.stderr)
        return 2
    config = Config(extra="none" if args.no_extra else "cfs")
    params, meta = train(args.data, config, repeats=args.repeats)
    command = ["python", "-m", "articlegrade.training.claims"]
    if args.no_extra:
        command.append("--no-extra")
    if args.repeats != CV_REPEATS:
        command += ["--repeats", str(args.repeats)]
    meta["command"] = " ".join(command)
    path = save_model(
        args.output,
        name=MODEL_NAME,
        kind=MODEL_KIND,
        feature_names=config.feature_names,
        params=params,
        meta=meta,
    )
    m = meta["metrics"]
    print(
        f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB): CV F1 {m['cv_f1_factual']:.3f}, "
        f"AP {m['cv_average_precision']:.3f}, threshold {m['threshold']:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
