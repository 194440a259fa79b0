"""Scorecard: the grade of one page, with the reasons behind it."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

#: Status of a scorecard: graded; not graded because it is not English prose; could not be read.
OK = "ok"
SKIPPED = "skipped"
ERROR = "error"


@dataclass(frozen=True)
class Reason:
    """One signal pulling the grade down.

    ``signal`` is its ``family.metric`` name and ``label`` the readable words for it; ``value`` is
    this page's value and ``typical`` the mean of good training articles; ``contribution`` its push
    on the model's logit against a typical good article (negative = lowers the grade);
    ``evidence`` the text that produced it (sentences, lines or phrases).
    """

    signal: str
    label: str
    value: float
    typical: float
    contribution: float
    evidence: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """The label with its direction: "conclusion sections (more than typical)"."""
        if self.value > self.typical:
            return f"{self.label} (more than typical)"
        if self.value < self.typical:
            return f"{self.label} (less than typical)"
        return self.label

    def to_dict(self) -> dict[str, Any]:
        return {
            "signal": self.signal,
            "label": self.label,
            "value": _num(self.value),
            "typical": _num(self.typical),
            "contribution": round(self.contribution, 4),
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class Scorecard:
    """The grade of one page.

    ``status`` is ``ok``, ``skipped`` (not English prose: cleaned but not graded) or ``error``
    (then ``reason`` holds the code and message and the grade fields are empty); ``quality`` is the calibrated probability (0..1) that the page is a
    real, human-quality article; ``grade`` is A-F (bands in the model card); ``reasons`` are the top
    signals pulling the grade down; ``removed`` counts the boilerplate lines cleaning removed, by kind.
    """

    path: str | None
    url: str | None
    status: str
    reason: str = ""
    title: str = ""
    quality: float = math.nan
    grade: str = ""
    words: int = 0
    signals: dict[str, float] = field(default_factory=dict)
    reasons: tuple[Reason, ...] = ()
    removed: dict[str, int] = field(default_factory=dict)
    removed_lines: tuple[tuple[str, str], ...] = ()
    model_version: str = ""

    @property
    def ok(self) -> bool:
        return self.status == OK

    @property
    def boilerplate_removed(self) -> int:
        """Number of lines cleaning removed."""
        return sum(self.removed.values())

    @property
    def top_reasons(self) -> str:
        """The reasons as readable words, most important first, ``;``-separated, each saying
        whether the page has more or less of it than a typical good article."""
        return "; ".join(r.summary for r in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready view (NaN as null)."""
        return {
            "path": self.path,
            "url": self.url,
            "title": self.title,
            "status": self.status,
            "reason": self.reason,
            "grade": self.grade,
            "quality": _num(self.quality),
            "words": self.words,
            "boilerplate_removed": self.boilerplate_removed,
            "top_reasons": self.top_reasons,
            "model_version": self.model_version,
            "reasons": [r.to_dict() for r in self.reasons],
            "removed": dict(self.removed),
            "removed_lines": [{"kind": k, "text": t} for k, t in self.removed_lines],
            "signals": {k: _num(v) for k, v in self.signals.items()},
        }

    @classmethod
    def failed(cls, path: str | None, url: str | None, code: str, message: str) -> Scorecard:
        """A row for a page that could not be graded."""
        return cls(path=path, url=url, status=ERROR, reason=f"{code}: {message}")


def removed_summary(kinds: list[str]) -> dict[str, int]:
    """Count of removed lines per kind, most frequent first."""
    if not kinds:  # most texts: nothing removed
        return {}
    return dict(Counter(kinds).most_common())


def _num(value: float) -> float | None:
    return (
        None
        if value is None or (isinstance(value, float) and math.isnan(value))
        else round(float(value), 6)
    )
