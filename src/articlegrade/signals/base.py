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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

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


def window_types(ids: np.ndarray, window: int) -> int:
    """The sum, over every run of ``window`` consecutive items of ``ids`` (numbers, equal for equal
    items; ``len(ids) >= window >= 1``), of the distinct items in it: MATTR's numerator, exact.

    Counted without sliding a window: item i adds one to each window that holds it but not its
    previous copy p (-1 for none), the starts s with max(p + 1, i - window + 1) <= s <=
    min(i, len(ids) - window). The items are visited in sorted order (copies together, positions
    ascending); the sum does not depend on the order of its terms."""
    import numpy as np

    n = len(ids)
    order = np.argsort(ids, kind="stable")
    ordered = ids[order]
    previous = np.empty(n, dtype=np.intp)
    previous[0] = -1
    previous[1:] = np.where(ordered[1:] == ordered[:-1], order[:-1], -1)
    first = np.maximum(previous + 1, order - (window - 1))
    last = np.minimum(order, n - window)
    return int(np.maximum(last - first + 1, 0).sum())
