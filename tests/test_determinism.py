"""The same inputs give byte-identical output across runs and across ``--jobs`` values."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES

from articlegrade.cli import main


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_output_is_byte_identical_across_runs_and_jobs(tmp_path: Path, fmt: str) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for src in sorted(SAMPLES.glob("*.html")) + sorted(SAMPLES.glob("*.txt")):
        shutil.copy(src, pages / src.name)
    (pages / "empty.html").write_bytes(b"")
    (pages / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    outputs = []
    for run, jobs in enumerate(["1", "1", "2", "3"]):
        out = tmp_path / f"run{run}.{fmt}"
        assert main(["score", str(pages), "-o", str(out), "-q", "--jobs", jobs]) == 0
        outputs.append(out.read_bytes())
    assert len(outputs[0].splitlines()) == 8 + (fmt == "csv")  # one row per input (+ header)
    assert all(o == outputs[0] for o in outputs[1:])
