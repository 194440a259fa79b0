"""articlegrade: grade scraped web articles for SEO content quality.

HTML or text -> ``clean()`` -> ``Article`` -> signals -> features -> model -> Scorecard -> CSV.
Heavy modules load on first use, not at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .article import Article, Paragraph, Removal
from .errors import ArticlegradeError, InputError, NoArticleError, NotTextError

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticlegradeError",
    "InputError",
    "NoArticleError",
    "NotTextError",
    "Paragraph",
    "Removal",
    "__version__",
    "clean",
]

if TYPE_CHECKING:
    from .cleaning import clean

_LAZY = {"clean": ("articlegrade.cleaning", "clean")}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'articlegrade' has no attribute {name!r}")
