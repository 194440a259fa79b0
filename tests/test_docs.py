"""Every signal and every model feature is documented."""

from __future__ import annotations

from conftest import ROOT

from articlegrade.features import default_features
from articlegrade.labels import LABELS
from articlegrade.signals import all_names


def test_every_signal_is_in_docs_signals_md() -> None:
    doc = (ROOT / "docs" / "signals.md").read_text(encoding="utf-8")
    names = list(all_names())
    missing = [n for n in names if n not in doc and n.split(".", 1)[1] not in doc]
    assert not missing


def test_every_signal_has_a_readable_label_and_doc() -> None:
    names = all_names()
    assert set(LABELS) == set(names)
    assert all(len(doc.split(";")) >= 3 for doc in names.values())
    assert set(default_features()) <= set(names)
