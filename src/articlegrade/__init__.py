"""articlegrade: grade scraped web articles for SEO content quality.

HTML or text -> ``clean()`` -> ``Article`` -> signals -> features -> model -> Scorecard -> CSV.
Heavy modules load on first use, not at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .article import Article, Paragraph, Removal
from .errors import (
    ArticlegradeError,
    DocumentTimeout,
    InputError,
    ModelError,
    NoArticleError,
    NotTextError,
    TooLongError,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticlegradeError",
    "DocumentTimeout",
    "InputError",
    "ModelError",
    "NoArticleError",
    "NotTextError",
    "Paragraph",
    "Removal",
    "Scorecard",
    "SignalFeaturizer",
    "TooLongError",
    "__version__",
    "clean",
    "grade",
    "grade_many",
    "to_frame",
    "train",
]

if TYPE_CHECKING:
    from .cleaning import clean
    from .features import SignalFeaturizer
    from .grading import grade, grade_many, to_frame
    from .scorecard import Scorecard
    from .training.quality import train

_LAZY = {
    "clean": ("articlegrade.cleaning", "clean"),
    "grade": ("articlegrade.grading", "grade"),
    "grade_many": ("articlegrade.grading", "grade_many"),
    "to_frame": ("articlegrade.grading", "to_frame"),
    "Scorecard": ("articlegrade.scorecard", "Scorecard"),
    "SignalFeaturizer": ("articlegrade.features", "SignalFeaturizer"),
    "train": ("articlegrade.training.quality", "train"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'articlegrade' has no attribute {name!r}")
