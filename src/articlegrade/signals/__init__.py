"""Signals: the families measured on an Article (repetition, readability, claims, contradiction, plus
filler phrases, style and discourse), each a module with ``NAMES`` and ``measure``.

``measure_all(article)`` returns one flat dict of ``family.metric`` -> float over every family;
``analyze_all(article)`` also returns the evidence. Families load on first use.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..article import Article
from .base import SignalResult

#: The families, in the order their values appear in a scorecard.
FAMILIES: tuple[str, ...] = (
    "repetition",
    "readability",
    "claims",
    "contradiction",
    "filler",
    "style",
    "discourse",
)


def family(name: str) -> ModuleType:
    """The module of one family (``repetition``, ``readability``, ...)."""
    if name not in FAMILIES:
        raise KeyError(f"unknown signal family {name!r}; known: {', '.join(FAMILIES)}")
    return importlib.import_module(f"{__name__}.{name}")


def all_names() -> dict[str, str]:
    """Every signal name with its documentation, in scorecard order."""
    names: dict[str, str] = {}
    for name in FAMILIES:
        names |= family(name).NAMES
    return names


def analyze_all(article: Article) -> SignalResult:
    """Every family's values and evidence for one article."""
    result = SignalResult({}, {})
    for name in FAMILIES:
        result = result.merge(family(name).analyze(article))
    return result


def measure_all(article: Article) -> dict[str, float]:
    """Every signal of one article as a flat ``family.metric`` -> float dict (NaN = undefined)."""
    return analyze_all(article).values


__all__ = ["FAMILIES", "SignalResult", "all_names", "analyze_all", "family", "measure_all"]
