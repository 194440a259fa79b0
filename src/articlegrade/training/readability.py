"""Train the ``readability.ease`` model: ``python -m articlegrade.training.readability``.

Data: OneStopEnglish (``../shared/data/readability/onestopenglish.jsonl``): 189 Guardian articles,
each rewritten by teachers at three levels (``level`` ele / int / adv, ``level_num`` 0 / 1 / 2),
``fold`` 0..4 keeping the three versions of an article together. Each text's lines are its
paragraphs.

Objective: which of two versions of the *same* article is easier. The features (``FEATURES`` of
``articlegrade.signals.readability``) are standardised over the training texts; a logistic
regression without intercept is fitted on within-article differences ``z_easier - z_harder``
(label 1) and their negatives (label 0), so ``z @ coef`` is higher for easier text. That raw score
is put on the level scale ``t = 2 - level_num`` (0 = advanced, 1 = intermediate, 2 = elementary)
by fitting ``raw = a + b * t`` by least squares and inverting it, so the mean ease of each level
of the training texts lands near its number: ``ease = (raw - a) / b``.

``EXCLUDED`` articles are left out of training (not out of the benchmark): in "WNL shark" the
``ele`` file holds the original, hardest text and the ``adv`` file the easiest one, so its three
pairs would teach the model the opposite of the truth.

C is chosen by cross-validation over the ``fold`` column (mean share of within-article pairs
ordered correctly; ties count as wrong). Deterministic: no randomness, no timestamps.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..article import Article, Paragraph

if TYPE_CHECKING:
    from ..signals.readability import EaseModel

REPO = Path(__file__).resolve().parents[3]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "readability" / "onestopenglish.jsonl"
DEFAULT_OUTPUT = REPO / "models" / "readability.json.gz"
COMMAND = "python -m articlegrade.training.readability"
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
#: Articles left out of training, with the reason.
EXCLUDED: dict[str, str] = {
    "WNL shark": "levels swapped in the source: the 'ele' text is the original, 'adv' the simplest",
}


@dataclass(frozen=True)
class Corpus:
    """Feature rows of the corpus: ``X`` (texts x FEATURES), ``level`` (0 ele .. 2 adv),
    ``article`` (an id shared by the three versions), ``fold`` (0..4), ``excluded`` (the row's
    article is in ``EXCLUDED``), ``names`` (article names by id)."""

    X: np.ndarray
    level: np.ndarray
    article: np.ndarray
    fold: np.ndarray
    excluded: np.ndarray
    names: tuple[str, ...] = ()


def text_article(text: str) -> Article:
    """An Article whose paragraphs are the non-empty lines of ``text``."""
    return Article(
        title="",
        paragraphs=tuple(Paragraph(line.strip()) for line in text.split("\n") if line.strip()),
    )


def load_corpus(path: str | os.PathLike = DEFAULT_DATA) -> Corpus:
    """Read the JSONL file and compute the model's features for every text."""
    from ..signals.readability import FEATURES, surface

    rows = [
        json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line
    ]
    rows.sort(key=lambda r: (r["article"], r["level_num"]))
    X = np.array(
        [[surface(text_article(r["text"])).values[f] for f in FEATURES] for r in rows], dtype=float
    )
    names = tuple(sorted({r["article"] for r in rows}))
    ids = {name: i for i, name in enumerate(names)}
    return Corpus(
        X=X,
        level=np.array([int(r["level_num"]) for r in rows]),
        article=np.array([ids[r["article"]] for r in rows]),
        fold=np.array([int(r["fold"]) for r in rows]),
        excluded=np.array([r["article"] in EXCLUDED for r in rows]),
        names=names,
    )


def pairs(level: np.ndarray, article: np.ndarray) -> np.ndarray:
    """Index pairs ``(easier, harder)`` of versions of the same article, in a fixed order."""
    groups = [np.flatnonzero(article == a) for a in np.unique(article)]
    out = [(i, j) for idx in groups for i in idx for j in idx if level[i] < level[j]]
    return np.array(out, dtype=int).reshape(-1, 2)


def pair_accuracy(ease: np.ndarray, level: np.ndarray, article: np.ndarray) -> float:
    """Share of within-article pairs where the easier version has the strictly higher ease."""
    p = pairs(level, article)
    return float(np.mean(ease[p[:, 0]] > ease[p[:, 1]]))


def level_accuracy(ease: np.ndarray, level: np.ndarray) -> float:
    """Share of texts whose ease, rounded to 0 / 1 / 2 and clipped, names their level (2 - ease)."""
    predicted = 2 - np.clip(np.rint(ease), 0, 2)
    return float(np.mean(predicted == level))


def fit(X: np.ndarray, level: np.ndarray, article: np.ndarray, C: float) -> EaseModel:
    """Fit an ``EaseModel`` (see module doc) on the given texts."""
    from sklearn.linear_model import LogisticRegression

    from ..signals.readability import FEATURES, EaseModel

    means = X.mean(axis=0)
    scales = X.std(axis=0)
    scales[scales == 0] = 1.0
    Z = (X - means) / scales
    p = pairs(level, article)
    D = Z[p[:, 0]] - Z[p[:, 1]]
    lr = LogisticRegression(C=C, fit_intercept=False, max_iter=10_000)
    lr.fit(np.vstack([D, -D]), np.r_[np.ones(len(D)), np.zeros(len(D))])
    coef = lr.coef_[0]
    b, a = np.polyfit(2.0 - level, Z @ coef, 1)
    return EaseModel(tuple(FEATURES), means, scales, coef, float(1.0 / b), float(-a / b))


def cross_validate(corpus: Corpus, C: float) -> np.ndarray:
    """Out-of-fold ease of every text, folds from ``corpus.fold``; excluded articles are scored
    but never trained on."""
    ease = np.full(len(corpus.level), np.nan)
    for f in np.unique(corpus.fold):
        train, test = (corpus.fold != f) & ~corpus.excluded, corpus.fold == f
        model = fit(corpus.X[train], corpus.level[train], corpus.article[train], C)
        ease[test] = model.ease(corpus.X[test])
    return ease


def choose_C(corpus: Corpus) -> tuple[float, dict[str, float]]:
    """The C of ``C_GRID`` with the best cross-validated pair accuracy over the articles not
    excluded (ties: the smaller C), and the accuracy of every C."""
    keep = subset(corpus, ~corpus.excluded)
    scores = {
        str(C): pair_accuracy(cross_validate(keep, C), keep.level, keep.article) for C in C_GRID
    }
    best = max(C_GRID, key=lambda C: (round(scores[str(C)], 6), -C))
    return float(best), scores


def subset(corpus: Corpus, mask: np.ndarray) -> Corpus:
    """The rows of ``corpus`` where ``mask`` holds."""
    return Corpus(
        corpus.X[mask],
        corpus.level[mask],
        corpus.article[mask],
        corpus.fold[mask],
        corpus.excluded[mask],
        corpus.names,
    )


def train(
    data: str | os.PathLike = DEFAULT_DATA, output: str | os.PathLike | None = DEFAULT_OUTPUT
) -> tuple[EaseModel, dict[str, Any]]:
    """Choose C by 5-fold CV, fit on every text not excluded, save to ``output`` (when given);
    the model and the meta stamped into its file."""
    from ..model.storage import hash_files, save_model
    from ..signals.readability import KIND, MODEL_NAME

    corpus = load_corpus(data)
    C, scores = choose_C(corpus)
    oof = cross_validate(corpus, C)
    keep = ~corpus.excluded
    model = fit(corpus.X[keep], corpus.level[keep], corpus.article[keep], C)
    in_sample = model.ease(corpus.X)
    meta = {
        "data_files": [os.path.basename(str(data))],
        "data_sha256": hash_files([data]),
        "rows": int(keep.sum()),
        "articles": len(np.unique(corpus.article[keep])),
        "excluded_articles": EXCLUDED,
        "command": COMMAND,
        "objective": "logistic regression on within-article feature differences (easier - harder), "
        "no intercept; raw score r put on t = 2 - level_num by inverting r = a + b*t (least squares)",
        "scale": "0 = advanced, 1 = intermediate, 2 = elementary (OneStopEnglish); higher = easier",
        "C": C,
        "cv": "5 folds by the data's fold column",
        "cv_pair_accuracy_by_C": {k: round(v, 4) for k, v in scores.items()},
        "cv_pair_accuracy_all_articles": round(pair_accuracy(oof, corpus.level, corpus.article), 4),
        "cv_level_accuracy_all_articles": round(level_accuracy(oof, corpus.level), 4),
        "train_pair_accuracy": round(
            pair_accuracy(in_sample[keep], corpus.level[keep], corpus.article[keep]), 4
        ),
        "train_level_means": [
            round(float(in_sample[keep & (corpus.level == lv)].mean()), 4) for lv in (0, 1, 2)
        ],
    }
    if output is not None:
        save_model(
            output,
            name=MODEL_NAME,
            kind=KIND,
            feature_names=model.feature_names,
            params=model.params(),
            meta=meta,
        )
    return model, meta


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=COMMAND, description="Train the readability.ease model on OneStopEnglish."
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="onestopenglish.jsonl")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    _, meta = train(args.data, args.output)
    print(
        f"C {meta['C']}; CV over all articles: pair accuracy "
        f"{meta['cv_pair_accuracy_all_articles']:.4f}, level accuracy "
        f"{meta['cv_level_accuracy_all_articles']:.4f}; mean ease ele/int/adv (train) "
        f"{meta['train_level_means']}",
        file=sys.stderr,
    )
    for C, acc in meta["cv_pair_accuracy_by_C"].items():
        print(
            f"  C={C:<5} CV pair accuracy (excluded articles left out) {acc:.4f}", file=sys.stderr
        )
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
