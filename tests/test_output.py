"""Scorecard CSV: stable columns, UTF-8 with BOM, formula injection neutralised (OWASP), JSONL."""

from __future__ import annotations

import csv
import io
import json
import math

from articlegrade.output import FIXED_COLUMNS, ScorecardWriter, csv_columns, spreadsheet_safe
from articlegrade.scorecard import Reason, Scorecard


def _card(title: str) -> Scorecard:
    return Scorecard(
        path="pages/a.html",
        url=None,
        status="ok",
        title=title,
        quality=0.12345,
        grade="F",
        words=812,
        signals={"style.top_word_share": 0.056, "style.punct_quote": math.nan},
        reasons=(
            Reason("style.top_word_share", "keyword stuffing", 0.056, 0.02, -1.2, ("japan ×73",)),
        ),
        removed={"scroll_to_top": 1, "title_echo": 2},
    )


def test_formula_like_cells_are_neutralised() -> None:
    for cell in ('=HYPERLINK("http://x","click")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert spreadsheet_safe(cell) == "'" + cell
    assert spreadsheet_safe("Café ‘quoted’") == "Café ‘quoted’"


def test_csv_row_columns_and_values() -> None:
    stream = io.StringIO()
    writer = ScorecardWriter(stream, "csv")
    writer.write(_card('=HYPERLINK("http://x","click")'))
    writer.write(Scorecard.failed("pages/b.pdf", None, "not_text", "the input is a PDF document"))
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert rows[0] == csv_columns() and tuple(rows[0][: len(FIXED_COLUMNS)]) == FIXED_COLUMNS
    ok = dict(zip(rows[0], rows[1], strict=True))
    assert ok["title"] == '\'=HYPERLINK("http://x","click")'
    assert (ok["grade"], ok["quality"], ok["words"], ok["boilerplate_removed"]) == (
        "F",
        "0.1235",
        "812",
        "3",
    )
    assert ok["top_reasons"] == "keyword stuffing (more than typical)"
    assert ok["style.top_word_share"] == "0.056" and ok["style.punct_quote"] == ""
    bad = dict(zip(rows[0], rows[2], strict=True))
    assert (bad["status"], bad["reason"], bad["grade"], bad["words"]) == (
        "error",
        "not_text: the input is a PDF document",
        "",
        "",
    )


def test_bom_file_opens_with_accents(tmp_path) -> None:
    path = tmp_path / "s.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        ScorecardWriter(fh, "csv").write(_card("José Müller’s café"))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "José Müller’s café" in raw.decode("utf-8-sig")


def test_jsonl_row() -> None:
    stream = io.StringIO()
    ScorecardWriter(stream, "jsonl").write(_card("Title"))
    row = json.loads(stream.getvalue())
    assert row["grade"] == "F" and row["removed"] == {"scroll_to_top": 1, "title_echo": 2}
    assert row["signals"]["style.punct_quote"] is None
    assert row["reasons"][0]["evidence"] == ["japan ×73"]
