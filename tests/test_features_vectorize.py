"""``vectorize``: a signal dict as one row of named features, NaN where a name is missing."""

from __future__ import annotations

import numpy as np

from articlegrade.features import vectorize


def test_vectorize_is_numpys_conversion_of_each_value() -> None:
    names = ["a.x", "a.y", "a.z", "a.w", "a.v", "a.missing"]
    values = {"a.x": 0.1, "a.y": 3, "a.z": np.float64(2.5), "a.w": True, "a.v": float("nan")}
    row = vectorize(values, names)
    expected = np.array([values.get(n, np.nan) for n in names], dtype=float)
    assert row.dtype == np.float64 and row.tobytes() == expected.tobytes()
    assert row[:4].tolist() == [0.1, 3.0, 2.5, 1.0] and np.isnan(row[4:]).all()


def test_vectorize_falls_back_to_numpys_rules_for_odd_values() -> None:
    # None is NaN and a numeric string its number under ``np.array``; the fast path refuses both
    row = vectorize({"a.x": None, "a.y": "1.5"}, ["a.x", "a.y", "a.z"])
    assert np.isnan(row[0]) and row[1] == 1.5 and np.isnan(row[2])
