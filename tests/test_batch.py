"""Batches: a per-page time limit (soft in-process, hard by killing the worker), a dead worker
replaced, rows written as they are done, a batch killed with SIGKILL and resumed."""

from __future__ import annotations

import contextlib
import csv
import math
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLES

import articlegrade
from articlegrade import grading
from articlegrade.cli import main
from articlegrade.grading import DocumentTimeout, grade_many
from articlegrade.output import csv_columns, read_rows

GOOD = sorted(SAMPLES.glob("good-*.html"))
SEED = SAMPLES / "seed-why-is-japan-not-in-nato.html"


def test_grade_timeout_raises_a_typed_error() -> None:
    with pytest.raises(DocumentTimeout, match=r"longer than 0\.0001 s") as info:
        articlegrade.grade(SEED, timeout=0.0001)
    assert info.value.code == "timeout"
    assert articlegrade.grade(SEED, timeout=60).status == "ok"  # the alarm is gone after


@pytest.fixture
def stubborn(monkeypatch: pytest.MonkeyPatch):
    """Pages named hang-* ignore the soft limit (like a call stuck in C); die-* kill their
    worker. Workers are forked, so they inherit the patch."""
    real = grading._prepare

    def fake(source, url, qm):
        name = Path(source).name if isinstance(source, Path) else ""
        if name.startswith("hang"):
            while True:
                with contextlib.suppress(DocumentTimeout):
                    time.sleep(10)
        if name.startswith("die"):
            os._exit(3)
        return real(source, url, qm)

    monkeypatch.setattr(grading, "_prepare", fake)
    monkeypatch.setattr(grading, "KILL_GRACE", 0.3)


@pytest.mark.parametrize("workers", [1, 2])
def test_stuck_and_dying_pages_become_rows_and_the_batch_goes_on(
    stubborn, tmp_path: Path, workers: int
) -> None:
    hang, die = tmp_path / "hang.txt", tmp_path / "die.txt"
    hang.write_text("x")
    die.write_text("x")
    sources = [GOOD[0], hang, SEED, die, GOOD[1]]
    start = time.monotonic()
    cards = list(grade_many(sources, workers=workers, timeout=2.5))
    assert time.monotonic() - start < 20
    assert [c.path for c in cards] == [os.fspath(s) for s in sources]
    assert [c.status for c in cards] == ["ok", "error", "ok", "error", "ok"]
    assert cards[1].reason == (
        "timeout: grading took longer than 2.5 s; the worker was stopped and the page abandoned"
    )
    assert cards[3].reason == ("crashed: the worker process died (exit code 3) grading this page")


def test_soft_timeout_in_a_worker_keeps_the_worker(tmp_path: Path) -> None:
    cards = list(grade_many([SEED, SEED], workers=1, timeout=0.0001))
    assert [c.reason for c in cards] == [
        "timeout: grading took longer than 0.0001 s; the page was abandoned"
    ] * 2


def test_jobs_1_and_jobs_n_give_the_same_rows_in_process_and_in_workers() -> None:
    german = (
        "Der Fluss stieg über Nacht um drei Fuß, und der Stadtrat traf sich im Morgengrauen, um "
        "zu entscheiden, ob die alte Brücke geschlossen werden sollte. Die Ingenieure sagten, "
        "die Pfeiler seien solide, aber der Bürgermeister wollte eine zweite Meinung hören."
    )
    sources = [*GOOD, SEED, b"", german]
    in_process = [c.to_dict() for c in grade_many(sources, workers=0)]
    one = [c.to_dict() for c in grade_many(sources, workers=1)]
    three = [c.to_dict() for c in grade_many(sources, workers=3)]
    assert in_process == one == three
    assert [c["status"] for c in one] == ["ok", "ok", "ok", "error", "skipped"]


def _mixed_sources() -> list:
    """20 inputs (two batches in process): pages, texts, an empty input, a German text, a PDF."""
    texts = [SAMPLES / "seed-is-japan-and-korea-part-of-nato.txt", SEED.with_suffix(".txt")]
    german = "Der Fluss stieg über Nacht um drei Fuß, und der Stadtrat traf sich im Morgengrauen."
    base = [*GOOD, SEED, *texts, b"", german * 3, b"%PDF-1.4 not a page"]
    return [base[i % len(base)] for i in range(20)]


def test_batches_give_the_rows_of_grading_page_by_page(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _mixed_sources()
    alone = [grading.grade_safely(s).to_dict() for s in sources]
    sizes: list[int] = []
    real = grading._grade_batch

    def spy(batch, qm):
        sizes.append(len(batch))
        return real(batch, qm)

    monkeypatch.setattr(grading, "_grade_batch", spy)
    assert [c.to_dict() for c in grade_many(sources, workers=0)] == alone
    assert sizes == [8, 12]  # in process: a batch of BATCH (8), then twice as many (16)
    assert [c.to_dict() for c in grade_many(sources, workers=2)] == alone
    statuses = {c["status"] for c in alone}
    assert statuses == {"ok", "skipped", "error"}


def test_a_page_that_fails_in_a_family_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [*GOOD, SEED, GOOD[0]]
    module = grading._family_modules()[2]
    real = module.analyze

    def analyze(article):
        if article.title == "Why is japan not in nato?":
            raise ValueError("boom")
        return real(article)

    monkeypatch.setattr(module, "analyze", analyze)
    cards = list(grade_many(sources, workers=0))
    assert [c.status for c in cards] == ["ok", "ok", "error", "ok"]
    assert cards[2].reason == "internal_error: ValueError: boom"
    assert cards[2].to_dict() == grading.grade_safely(SEED).to_dict()
    assert cards[3].to_dict() == cards[0].to_dict()


@pytest.mark.parametrize("workers", [0, 1])
def test_a_batch_over_its_limit_is_graded_again_page_by_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workers: int
) -> None:
    """One slow page (it honours the soft limit) makes its batch run over; only it gets the
    timeout row, the pages around it are graded."""
    real = grading._prepare

    def slow(source, url, qm):
        if isinstance(source, Path) and source.name.startswith("slow"):
            time.sleep(3)
        return real(source, url, qm)

    monkeypatch.setattr(grading, "_prepare", slow)
    page = tmp_path / "slow.txt"
    page.write_text(SEED.with_suffix(".txt").read_text(encoding="utf-8"), encoding="utf-8")
    cards = list(grade_many([GOOD[0], page, SEED], workers=workers, timeout=1.0))
    assert [c.status for c in cards] == ["ok", "error", "ok"]
    assert cards[1].reason == "timeout: grading took longer than 1 s; the page was abandoned"
    assert cards[0].to_dict() == grading.grade_safely(GOOD[0]).to_dict()


def _texts(n: int) -> list[str]:
    return [
        f"The council met on Tuesday {i} to discuss the bridge. Engineers said the old pillars "
        "were sound, but the mayor asked for a second survey before lorries could cross it."
        for i in range(n)
    ]


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_pages_read_before_the_sources_fail_get_their_rows(workers: int) -> None:
    def sources():
        yield from _texts(10)
        raise OSError("disk gone")

    cards = []
    with pytest.raises(OSError, match="disk gone"):
        for card in grade_many(sources(), workers=workers):
            cards.append(card)
    assert [c.status for c in cards] == ["ok"] * 10
    assert [c.to_dict() for c in cards] == [grading.grade_safely(t).to_dict() for t in _texts(10)]


@pytest.mark.parametrize("workers", [0, 1])
def test_an_endless_time_limit_means_none(workers: int) -> None:
    cards = list(grade_many(_texts(3), workers=workers, timeout=math.inf))
    assert [c.status for c in cards] == ["ok"] * 3
    assert articlegrade.grade(_texts(1)[0], timeout=1e12).status == "ok"


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_cli_timeout_rows(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert (
        main(["score", str(SEED), *map(str, GOOD), "-o", str(out), "-q", "--timeout", "0.0001"])
        == 0
    )
    rows = _rows(out)
    assert [r["status"] for r in rows] == ["error"] * 3
    assert all(r["reason"].startswith("timeout: grading took longer than 0.0001 s") for r in rows)


def test_read_rows_stops_at_a_row_cut_by_a_kill(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert main(["score", str(SEED), *map(str, GOOD), "-o", str(out), "-q"]) == 0
    data = out.read_bytes()
    full = read_rows(out, "csv")
    assert [k for k, _ in full] == [str(SEED), *map(str, GOOD)]
    ends = [i + 1 for i in range(len(data)) if data[i : i + 1] == b"\n"]
    cut = tmp_path / "cut.csv"
    for size in range(0, len(data) + 1, 97):
        cut.write_bytes(data[:size])
        rows = read_rows(cut, "csv")
        complete = sum(1 for e in ends[1:] if e <= size)  # ends[0] is the header's
        assert rows == full[:complete], size
    cut.write_bytes(data.replace(b"path,url", b"path,link", 1))
    with pytest.raises(ValueError, match="columns"):
        read_rows(cut, "csv")


def _batch(tmp_path: Path, n: int) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    sources = [SEED, *GOOD, SAMPLES / "seed-is-japan-and-korea-part-of-nato.txt"]
    for i in range(n):
        src = sources[i % len(sources)]
        shutil.copy(src, pages / f"{i:03d}-{src.name}")
    (pages / "050-broken.html").write_bytes(b"%PDF-1.4 not a page")
    return pages


def _score(pages: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "articlegrade", "score", str(pages), "-o", str(out), "-q", *extra]


def test_sigkill_half_way_then_resume_gives_one_row_per_input_in_order(tmp_path: Path) -> None:
    fmt = "csv"
    pages = _batch(tmp_path, 24)
    n_inputs = 25
    reference = tmp_path / f"reference.{fmt}"
    subprocess.run(_score(pages, reference), check=True, timeout=300)

    out = tmp_path / f"out.{fmt}"
    partial = Path(f"{out}.partial")
    proc = subprocess.Popen(_score(pages, out, "--jobs", "2"), start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if partial.exists() and len(read_rows(partial, fmt)) >= n_inputs // 3:
            break
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)  # the batch and its workers, with no chance to clean up
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists()
    done = len(read_rows(partial, fmt))
    assert n_inputs // 3 <= done < n_inputs

    subprocess.run(_score(pages, out, "--resume"), check=True, timeout=300)
    assert not partial.exists()
    rows = read_rows(out, fmt)
    assert len(rows) == n_inputs
    assert [k for k, _ in rows] == sorted(str(p) for p in pages.iterdir())
    # the resumed file is the file an uninterrupted run writes, byte for byte
    assert out.read_bytes() == reference.read_bytes()
    if fmt == "csv":
        assert out.read_bytes().count(",".join(csv_columns()[:4]).encode()) == 1  # one header


def test_resume_of_a_killed_jsonl_batch(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["score", str(SEED), *map(str, GOOD), "-o", str(out), "-q"]) == 0
    whole = out.read_bytes()
    lines = whole.splitlines(keepends=True)
    # as a kill leaves it: one row complete, the next cut half-way
    Path(f"{out}.partial").write_bytes(lines[0] + lines[1][:40])
    out.unlink()
    assert main(["score", str(SEED), *map(str, GOOD), "-o", str(out), "-q", "--resume"]) == 0
    assert out.read_bytes() == whole


def test_resume_of_a_finished_file_grades_only_new_inputs(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.csv"
    assert main(["score", str(SEED), "-o", str(out), "-q"]) == 0
    first = out.read_bytes()
    assert main(["score", str(SEED), str(GOOD[0]), "-o", str(out), "--resume"]) == 0
    assert "1 pages: A 1 (1 already scored)" in capsys.readouterr().err
    rows = _rows(out)
    assert [r["path"] for r in rows] == [str(SEED), str(GOOD[0])]
    assert out.read_bytes().startswith(first)


def test_resume_needs_an_output_file(capsys) -> None:
    assert main(["score", str(SEED), "--resume"]) == 2
    assert "--resume needs -o FILE" in capsys.readouterr().err
