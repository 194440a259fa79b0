"""Signals -> feature matrix: the named signals a quality model reads, and a scikit-learn featurizer.

``SignalFeaturizer`` is a scikit-learn transformer (``fit``/``transform``/``get_feature_names_out``)
that turns articles (or anything ``clean`` accepts) into a float matrix of named signals, NaN where a
signal is undefined, so a team can put articlegrade's signals in its own pipeline.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .article import Article

#: Signals never used as model features: raw counts and lengths, which grow with the text. The
#: quality data separates its labels by length alone (AUC 0.89 on news); a grade must not.
LENGTH_LIKE: frozenset[str] = frozenset()
_LENGTH_SUFFIXES = ("_count", ".count", ".words", ".sentences", ".paragraphs", ".n_words", ".pairs")

ArticleLike = Article | str | bytes | os.PathLike


def default_features() -> list[str]:
    """Every signal name except length-like counts, in scorecard order."""
    from .signals import all_names

    return [
        name
        for name in all_names()
        if name not in LENGTH_LIKE and not name.endswith(_LENGTH_SUFFIXES)
    ]


def as_article(item: ArticleLike) -> Article:
    """An Article as is; anything else through ``clean``."""
    if isinstance(item, Article):
        return item
    from .cleaning import clean

    return clean(item)


def vectorize(values: dict[str, float], features: Sequence[str]) -> np.ndarray:
    """One row of ``features`` from a ``family.metric`` dict (missing names become NaN)."""
    return np.array([values.get(name, np.nan) for name in features], dtype=float)


class SignalFeaturizer(TransformerMixin, BaseEstimator):
    """Articles -> matrix of named signals (NaN = undefined).

    ``features``: the signal names to emit, in order; None means ``default_features()``.
    """

    def __init__(self, features: Sequence[str] | None = None) -> None:
        self.features = features

    def fit(self, X: Iterable[ArticleLike] | None = None, y: object = None) -> SignalFeaturizer:
        from .signals import all_names

        chosen = list(self.features) if self.features is not None else default_features()
        unknown = sorted(set(chosen) - set(all_names()))
        if unknown:
            raise ValueError(f"unknown signal names: {unknown[:5]}")
        self.feature_names_out_ = np.array(chosen, dtype=object)
        self.n_features_out_ = len(chosen)
        return self

    def transform(self, X: Iterable[ArticleLike]) -> np.ndarray:
        from sklearn.utils.validation import check_is_fitted

        from .signals import measure_all

        check_is_fitted(self, "feature_names_out_")
        names = list(self.feature_names_out_)
        rows = [vectorize(measure_all(as_article(item)), names) for item in X]
        return np.vstack(rows) if rows else np.empty((0, len(names)))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()
