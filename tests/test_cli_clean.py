"""``articlegrade clean``: one JSON object per input, bad inputs included, directories and globs expanded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from articlegrade.cli import main

SEED = "Why is japan not in nato?\n\nThe primary aim of NATO is to promote stability.\n\nWhy is japan not in nato?\nScroll to top"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_directory_glob_and_bad_inputs_each_get_one_row(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "a.txt").write_text(SEED, encoding="utf-8")
    (pages / "sub" / "b.html").write_text(
        "<html><body><article><h1>Title</h1><p>Real text of the article here.</p></article></body></html>",
        encoding="utf-8",
    )
    (pages / "sub" / "empty.txt").write_text("   \n", encoding="utf-8")
    (pages / "notes.csv").write_text("a,b", encoding="utf-8")  # not a page ending: not walked
    out = tmp_path / "out.jsonl"
    code = main(
        ["clean", str(pages), str(tmp_path / "missing.html"), str(pages / "*.txt"), "-o", str(out)]
    )
    assert code == 0
    rows = _rows(out)
    assert [Path(r["path"]).name for r in rows] == ["a.txt", "b.html", "empty.txt", "missing.html"]
    by_name = {Path(r["path"]).name: r for r in rows}
    assert by_name["a.txt"]["status"] == "ok"
    assert by_name["a.txt"]["title"] == "Why is japan not in nato?"
    assert by_name["a.txt"]["text"] == "The primary aim of NATO is to promote stability."
    assert [(r["kind"], r["text"]) for r in by_name["a.txt"]["removed"]] == [
        ("title_echo", "Why is japan not in nato?"),
        ("scroll_to_top", "Scroll to top"),
    ]
    assert by_name["b.html"]["text"] == "Real text of the article here."
    assert (by_name["empty.txt"]["status"], by_name["empty.txt"]["reason"]) == (
        "error",
        "no_article",
    )
    assert (by_name["missing.html"]["status"], by_name["missing.html"]["reason"]) == (
        "error",
        "unreadable",
    )


def test_module_entry_point_and_paths_from_stdin(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(SEED, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "articlegrade", "clean", "-"],
        input=f"{page}\n",
        capture_output=True,
        text=True,
        check=True,
    )
    row = json.loads(result.stdout)
    assert row["path"] == str(page) and row["status"] == "ok"
    assert "1 cleaned, 0 failed" in result.stderr


def test_no_inputs_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["clean", str(tmp_path / "empty")]) == 2


def test_signals_option_adds_every_signal_and_evidence(tmp_path: Path) -> None:
    from articlegrade.signals import all_names

    out = tmp_path / "out.jsonl"
    seed = (
        Path(__file__).resolve().parents[1] / "samples" / "seed-is-japan-and-korea-part-of-nato.txt"
    )
    assert main(["clean", str(seed), "--signals", "-o", str(out)]) == 0
    row = _rows(out)[0]
    assert list(row["signals"]) == list(all_names())
    assert row["signals"]["repetition.conclusion_count"] == 2
    assert len(row["evidence"]["repetition.conclusion_count"]) == 2
    plain = tmp_path / "plain.jsonl"
    assert main(["clean", str(seed), "-o", str(plain)]) == 0
    assert "signals" not in _rows(plain)[0]
