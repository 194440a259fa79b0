"""What every signal family returns.

A family is one module in ``articlegrade.signals`` exposing:

- ``NAMES``: ``{"family.metric": "meaning; formula; range; direction"}``, every value it returns;
- ``analyze(article) -> SignalResult``: the values and the evidence behind them;
- ``measure(article) -> dict[str, float]``: the values only (``analyze(article).values``).

Values are floats; a value that is undefined for this article (a ratio over zero sentences, say) is
``NaN``, never a silent 0. Evidence maps a signal name to the pieces of text that produced it (a
repeated sentence, a claim, a contradicting pair, a filler phrase), so a report can show them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

NAN = math.nan


@dataclass(frozen=True)
class SignalResult:
    """``values``: ``family.metric`` -> float (NaN when undefined); ``evidence``: name -> texts."""

    values: dict[str, float]
    evidence: dict[str, list[str]] = field(default_factory=dict)

    def merge(self, other: SignalResult) -> SignalResult:
        return SignalResult({**self.values, **other.values}, {**self.evidence, **other.evidence})


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, NaN when the denominator is 0."""
    return numerator / denominator if denominator else NAN


def per_100_words(count: float, n_words: int) -> float:
    """A count per 100 words of body text, NaN for an empty body."""
    return 100.0 * count / n_words if n_words else NAN
