"""The end of a grade: a row of features from the signal values, and the removal counts."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import numpy as np

from articlegrade.features import vectorize
from articlegrade.scorecard import removed_summary


def test_vectorize_converts_as_numpy_does() -> None:
    names = ["a.x", "a.y", "b.z", "c.missing", "d.int", "e.bool", "f.np", "g.dec", "h.none"]
    values = {"a.x": 1.5, "a.y": float("nan"), "b.z": -0.0, "d.int": 3, "e.bool": True}
    values |= {"f.np": np.float32(0.1), "g.dec": Decimal("2.5"), "h.none": None}
    row = vectorize(values, names)
    want = np.array([values.get(name, np.nan) for name in names], dtype=float)
    assert row.dtype == np.float64 and row.shape == (len(names),)
    assert np.array_equal(row.view(np.int64), want.view(np.int64))
    assert row[0] == 1.5 and np.isnan(row[3]) and np.isnan(row[8]) and row[6] == np.float32(0.1)
    assert np.signbit(row[2])
    assert vectorize({"x": "2.25"}, ["x"])[0] == 2.25  # a string of a number, as np.array reads it


def test_removed_summary_counts_by_kind_most_frequent_first() -> None:
    assert removed_summary([]) == {}
    kinds = ["navigation", "stray_symbol", "stray_symbol", "advertisement", "navigation"]
    kinds += ["stray_symbol"]
    assert list(removed_summary(kinds).items()) == [
        ("stray_symbol", 3),
        ("navigation", 2),
        ("advertisement", 1),
    ]
    assert removed_summary(kinds) == dict(Counter(kinds).most_common())
