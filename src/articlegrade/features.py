"""Signals -> feature matrix: the named signals a quality model reads, and a scikit-learn featurizer.

``SignalFeaturizer`` is a scikit-learn transformer (``fit``/``transform``/``get_feature_names_out``)
that turns articles (or anything ``clean`` accepts) into a float matrix of named signals, NaN where a
signal is undefined, so a team can put articlegrade's signals in its own pipeline.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from itertools import repeat

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .article import Article

#: Signals the grade does not read, each for a stated reason (they are still measured and shown):
#: - maxima and raw counts that grow with the length of the text: the quality data separates its
#:   labels by length alone (ROC-AUC 0.89 on news), and a grade must not be a length detector;
#: - paragraph structure: the human news texts of the training data are stored as one paragraph
#:   each (median 454 words a paragraph, against 33 in real news pages), so paragraph lengths and
#:   line/paragraph duplicates there say how the corpus was saved, not how the text was written
#:   (with them, 14.5% of real human news bodies graded D or worse; without, 3%);
#: - near-duplicates of other signals (``style.digit_tokens_per_100_words`` ~
#:   ``claims.numbers_per_100_words``, ``readability.type_token_mattr`` = ``repetition.mattr``);
#: - ``contradiction.score``: at ROC-AUC 0.58 on ContraDoc (bench/contradiction.py) it is too weak
#:   to pull a grade, and on templated text it fires on repeated negations, not contradictions.
NOT_FEATURES: frozenset[str] = frozenset(
    {
        "readability.sentence_length_max",
        "readability.paragraph_length_max",
        "contradiction.pairs",
        "readability.paragraph_length_mean",
        "readability.paragraph_length_cv",
        "readability.sentences_per_paragraph",
        "repetition.near_duplicate_paragraph_share",
        "repetition.gopher_dup_para_frac",
        "repetition.gopher_dup_para_char_frac",
        "repetition.gopher_dup_line_frac",
        "repetition.gopher_dup_line_char_frac",
        "style.digit_tokens_per_100_words",
        "readability.type_token_mattr",
        "contradiction.score",
    }
)

ArticleLike = Article | str | bytes | os.PathLike


def default_features() -> list[str]:
    """Every signal name but ``NOT_FEATURES``, in scorecard order."""
    from .signals import all_names

    return [name for name in all_names() if name not in NOT_FEATURES]


def as_article(item: ArticleLike) -> Article:
    """An Article as is; anything else through ``clean``."""
    if isinstance(item, Article):
        return item
    from .cleaning import clean

    return clean(item)


def vectorize(values: dict[str, float], features: Sequence[str]) -> np.ndarray:
    """One row of ``features`` from a ``family.metric`` dict (missing names become NaN).

    Each value is converted by ``np.array``'s rules for ``dtype=float`` (None becomes NaN, a
    string of a number its number), in one call over the list of values."""
    return np.array(list(map(values.get, features, repeat(np.nan))), dtype=float)


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
