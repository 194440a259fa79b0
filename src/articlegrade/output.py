"""Scorecards -> CSV (opens in Excel and LibreOffice, accents included) or JSON lines.

CSV columns, stable: ``path, url, title, status, reason, grade, quality, words,
boilerplate_removed, top_reasons``, then every signal by its ``family.metric`` name.
Text cells that a spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage
return) are prefixed with ``'`` as OWASP advises, so a scraped title opens as text.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
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
    """Write scorecards as they come, as CSV (UTF-8 with a byte-order mark by default) or JSONL;
    every row is flushed as it is written. ``header=False`` when the stream already has the CSV
    header (a resumed batch)."""

    def __init__(self, stream: IO[str], fmt: str = "csv", *, header: bool = True) -> None:
        if fmt not in ("csv", "jsonl"):
            raise ValueError(f"format must be csv or jsonl, not {fmt!r}")
        self.stream = stream
        self.fmt = fmt
        self.columns = csv_columns()
        self._csv = csv.writer(stream, lineterminator="\r\n") if fmt == "csv" else None
        self._header_done = not header

    def write_header(self) -> None:
        """Write the CSV header now (once; nothing for JSONL)."""
        if self._csv is not None and not self._header_done:
            self._csv.writerow(self.columns)
            self._header_done = True
            self.stream.flush()

    def write(self, card: Scorecard) -> None:
        if self._csv is not None:
            self.write_header()
            self._csv.writerow(csv_row(card, self.columns))
        else:
            self.stream.write(json.dumps(card.to_dict(), ensure_ascii=False) + "\n")
        self.stream.flush()


def row_key(path: str | os.PathLike, fmt: str) -> str:
    """How an input's path reads in the ``path`` field of an output row (CSV neutralises it)."""
    text = os.fspath(path)
    return spreadsheet_safe(text) if fmt == "csv" else text


def read_rows(path: str | os.PathLike, fmt: str) -> list[tuple[str, str]]:
    """The complete rows of a batch's output, possibly cut short by a killed run, as
    ``(path field, row text exactly as written)``; the CSV header is not a row.

    Reading stops at the first incomplete or damaged row: what a kill cut off, and anything
    after it. Raises ``ValueError`` when a CSV file's header is not this version's header.
    """
    with open(path, "rb") as fh:
        data = fh.read()
    data = data[: data.rfind(b"\n") + 1]  # a kill mid-row leaves a line without its end
    text = data.decode("utf-8-sig", errors="replace")
    rows: list[tuple[str, str]] = []
    if fmt == "jsonl":
        for line in text.splitlines(keepends=True):
            try:
                obj = json.loads(line)
            except ValueError:
                break
            if not isinstance(obj, dict) or not isinstance(obj.get("path"), str):
                break
            rows.append((obj["path"], line))
        return rows
    columns = csv_columns()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            return rows
        if header != columns:
            raise ValueError(f"{os.fspath(path)}: its CSV columns are not this version's")
        for cells in reader:
            if len(cells) != len(columns):
                break
            out = io.StringIO()
            csv.writer(out, lineterminator="\r\n").writerow(cells)
            rows.append((cells[0], out.getvalue()))
    except csv.Error:
        pass  # a row cut inside a quoted field: stop before it
    return rows
