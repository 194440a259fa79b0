"""Scorecards -> CSV (opens in Excel and LibreOffice, accents included) or JSON lines.

CSV columns, stable: ``path, url, title, status, reason, grade, quality, words,
boilerplate_removed, top_reasons``, then every signal by its ``family.metric`` name.
Text cells that a spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage
return) are prefixed with ``'`` as OWASP advises, so a scraped title opens as text.
"""

from __future__ import annotations

import csv
import json
import math
from typing import IO, Any

from .scorecard import Scorecard

FIXED_COLUMNS = (
    "path",
    "url",
    "title",
    "status",
    "reason",
    "grade",
    "quality",
    "words",
    "boilerplate_removed",
    "top_reasons",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_columns() -> list[str]:
    """The CSV header: the fixed columns, then every signal name."""
    from .signals import all_names

    return [*FIXED_COLUMNS, *all_names()]


def spreadsheet_safe(value: str) -> str:
    """A text cell neutralised against formula injection (OWASP): leading ``'`` when needed."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_row(card: Scorecard, columns: list[str], *, safe: bool = True) -> list[Any]:
    """One CSV row of ``columns``; ``safe`` neutralises formula-like text cells."""
    fixed = {
        "path": card.path or "",
        "url": card.url or "",
        "title": card.title,
        "status": card.status,
        "reason": card.reason,
        "grade": card.grade,
        "quality": "" if math.isnan(card.quality) else round(card.quality, 4),
        "words": card.words if card.status != "error" else "",
        "boilerplate_removed": card.boilerplate_removed if card.status != "error" else "",
        "top_reasons": card.top_reasons,
    }
    row: list[Any] = []
    for col in columns:
        if col in fixed:
            value = fixed[col]
        else:
            v = card.signals.get(col, math.nan)
            value = "" if v is None or math.isnan(v) else round(float(v), 6)
        if safe and isinstance(value, str):
            value = spreadsheet_safe(value)
        row.append(value)
    return row


class ScorecardWriter:
    """Write scorecards as they come, as CSV (UTF-8 with a byte-order mark by default) or JSONL."""

    def __init__(self, stream: IO[str], fmt: str = "csv") -> None:
        if fmt not in ("csv", "jsonl"):
            raise ValueError(f"format must be csv or jsonl, not {fmt!r}")
        self.stream = stream
        self.fmt = fmt
        self.columns = csv_columns()
        self._csv = csv.writer(stream, lineterminator="\r\n") if fmt == "csv" else None
        self._header_done = False

    def write(self, card: Scorecard) -> None:
        if self._csv is not None:
            if not self._header_done:
                self._csv.writerow(self.columns)
                self._header_done = True
            self._csv.writerow(csv_row(card, self.columns))
        else:
            self.stream.write(json.dumps(card.to_dict(), ensure_ascii=False) + "\n")
        self.stream.flush()
