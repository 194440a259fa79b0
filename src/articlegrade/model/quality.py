"""The quality model: an additive logistic model over named signals (one smooth curve per signal),
Platt-calibrated, evaluated with numpy/scipy from the arrays of its JSON file.

Each signal is imputed (training median), standardised, clipped to ±CLIP standard deviations and
passed through a quadratic B-spline with knots at its training quantiles; a logistic regression on
those basis values makes the logit a sum of one curve per signal. A curve, unlike one straight
coefficient, can say "too few quotes is bad, more is not better forever", and the sum keeps every
grade explainable: the contribution of a signal is its curve's value on this page minus its mean
value over the good training articles, and the contributions add up to the logit's distance from a
typical good article.

``quality`` is the calibrated probability that an article is a real, human-quality article
(classes weighted equally, so it does not carry the training set's share of machine texts).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

from .storage import ModelError, load_model, save_model

KIND = "quality-additive-logistic"
#: Standardised values are clipped to this many standard deviations: one absurd page cannot swing
#: the grade through a single signal.
CLIP = 5.0
#: Knots per signal curve (at the training quantiles 0, 0.5, 1) and the curves' degree.
N_KNOTS = 3
DEGREE = 2


@dataclass(frozen=True)
class QualityModel:
    """Fitted arrays of a quality model; build with ``fit`` or ``load``.

    Per feature: ``medians`` (imputation), ``means``/``scales`` (standardisation), ``knots`` and
    ``spline_coef`` (its curve), ``reference`` (mean curve value over good training articles) and
    ``typical`` (mean raw value over good training articles, for reports).
    """

    feature_names: tuple[str, ...]
    medians: np.ndarray
    means: np.ndarray
    scales: np.ndarray
    knots: tuple[np.ndarray, ...]
    spline_coef: tuple[np.ndarray, ...]
    intercept: float
    calib_a: float
    calib_b: float
    reference: np.ndarray
    typical: np.ndarray
    threshold: float
    degree: int = DEGREE
    meta: dict[str, Any] = field(default_factory=dict)

    # -- evaluation -------------------------------------------------------------------------
    def standardize(self, X: np.ndarray) -> np.ndarray:
        """Impute NaN with the training median, standardise, clip to ±CLIP."""
        X = np.atleast_2d(np.asarray(X, dtype=float))
        X = np.where(np.isnan(X), self.medians, X)
        return np.clip((X - self.means) / self.scales, -CLIP, CLIP)

    def partials(self, X: np.ndarray) -> np.ndarray:
        """Each feature's curve value for each row: shape (rows, features)."""
        Z = self.standardize(X)
        table = self._spline_table
        if table is not None:
            return table(Z)
        stacked = self._stacked_splines
        if stacked is not None:
            return bspline_values(Z, *stacked, self.degree)
        from scipy.interpolate import BSpline  # curves of unequal knot counts: one call each

        k = self.degree
        out = np.empty_like(Z)
        for j, (t, c) in enumerate(zip(self.knots, self.spline_coef, strict=True)):
            z = np.clip(Z[:, j], t[k], t[-k - 1])  # constant beyond the outer knots
            out[:, j] = BSpline.design_matrix(z, t, k) @ c
        return out

    @cached_property
    def _stacked_splines(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Knots and coefficients as (features, n) arrays when every curve has as many."""
        if len({len(t) for t in self.knots}) != 1:
            return None
        return np.stack(self.knots), np.stack(self.spline_coef)

    @cached_property
    def _spline_table(self) -> SplineTable | None:
        """``bspline_values`` of the stacked curves with what it reads precomputed (None when the
        curves have unequal knot counts or unsorted knots: ``bspline_values`` or scipy then)."""
        stacked = self._stacked_splines
        if stacked is None or not SplineTable.fits(stacked[0], self.degree):
            return None
        return SplineTable(*stacked, self.degree)

    def decision(self, X: np.ndarray) -> np.ndarray:
        """Raw logit of 'good' for each row."""
        return self.partials(X).sum(axis=1) + self.intercept

    def quality(self, X: np.ndarray) -> np.ndarray:
        """Calibrated probability that each row is a real, human-quality article; 0..1."""
        z = self.calib_a * self.decision(X) + self.calib_b
        return 1.0 / (1.0 + np.exp(-z))

    def explain(self, x: np.ndarray) -> tuple[float, np.ndarray]:
        """``(quality, contributions)`` of one row, with the curves evaluated once."""
        parts = self.partials(x)[0]
        z = self.calib_a * (parts.sum() + self.intercept) + self.calib_b
        return float(1.0 / (1.0 + np.exp(-z))), parts - self.reference

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Per feature, its push on the logit against a typical good article (negative = down)."""
        return self.partials(x)[0] - self.reference

    def grade(self, quality: float) -> str:
        """Letter grade of a quality value (bands in ``bands``)."""
        for letter, lower in self.bands.items():
            if quality >= lower:
                return letter
        return "F"

    @property
    def bands(self) -> dict[str, float]:
        """Lower bound of each grade: C/D is the decision threshold; A-C split the range above it
        in thirds and D/F the range below it in halves."""
        t = self.threshold
        return {"A": t + 2 * (1 - t) / 3, "B": t + (1 - t) / 3, "C": t, "D": t / 2, "F": 0.0}

    @property
    def version(self) -> str:
        """Model name and data hash prefix, e.g. ``quality@3f2a9c1b``."""
        return f"{self.meta.get('name', 'quality')}@{str(self.meta.get('data_sha256', ''))[:8]}"

    # -- persistence ------------------------------------------------------------------------
    def save(self, path: str | os.PathLike, name: str = "quality") -> None:
        """Write the model as a JSON model file (no pickle)."""
        params = {
            "medians": self.medians.tolist(),
            "means": self.means.tolist(),
            "scales": self.scales.tolist(),
            "knots": [t.tolist() for t in self.knots],
            "spline_coef": [c.tolist() for c in self.spline_coef],
            "degree": self.degree,
            "intercept": float(self.intercept),
            "calib_a": float(self.calib_a),
            "calib_b": float(self.calib_b),
            "reference": self.reference.tolist(),
            "typical": self.typical.tolist(),
            "threshold": float(self.threshold),
        }
        stamp = ("package_version", "sklearn_version", "name")
        meta = {k: v for k, v in self.meta.items() if k not in stamp}
        save_model(
            path, name=name, kind=KIND, feature_names=self.feature_names, params=params, meta=meta
        )

    @classmethod
    def load(cls, name_or_path: str | os.PathLike = "quality") -> QualityModel:
        """Load a shipped model by name or a model file by path; verify it fits this version."""
        mf = load_model(name_or_path, kind=KIND)
        p = mf.params
        k = len(mf.feature_names)
        try:
            arrays = {
                key: np.asarray(p[key], dtype=float)
                for key in ("medians", "means", "scales", "reference", "typical")
            }
            knots = tuple(np.asarray(t, dtype=float) for t in p["knots"])
            coef = tuple(np.asarray(c, dtype=float) for c in p["spline_coef"])
            degree = int(p["degree"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"model {mf.name!r}: damaged parameters ({exc})") from None
        if any(a.shape != (k,) for a in arrays.values()) or len(knots) != k or len(coef) != k:
            raise ModelError(f"model {mf.name!r}: arrays do not match its {k} feature names")
        if any(len(t) != len(c) + degree + 1 for t, c in zip(knots, coef, strict=True)):
            raise ModelError(f"model {mf.name!r}: spline knots do not match their coefficients")
        from ..signals import all_names

        unknown = [n for n in mf.feature_names if n not in all_names()]
        if unknown:
            raise ModelError(
                f"model {mf.name!r} uses signals this version does not compute ({unknown[:5]}); "
                "retrain it with `articlegrade train`"
            )
        return cls(
            feature_names=mf.feature_names,
            knots=knots,
            spline_coef=coef,
            degree=degree,
            intercept=float(p["intercept"]),
            calib_a=float(p["calib_a"]),
            calib_b=float(p["calib_b"]),
            threshold=float(p["threshold"]),
            meta={**mf.meta, "name": mf.name},
            **arrays,
        )

    # -- fitting ----------------------------------------------------------------------------
    @classmethod
    def fit(
        cls,
        X: np.ndarray,
        y: np.ndarray,
        feature_names: Sequence[str],
        *,
        C: float = 0.1,
        seed: int = 0,
        meta: dict[str, Any] | None = None,
    ) -> QualityModel:
        """Fit on (X, y) (y: 1 = good, 0 = machine-made filler). Uncalibrated: see ``calibrate``."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import SplineTransformer

        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        medians = np.nanmedian(X, axis=0) if len(X) else np.zeros(X.shape[1])
        medians = np.where(np.isnan(medians), 0.0, medians)
        filled = np.where(np.isnan(X), medians, X)
        means = filled.mean(axis=0)
        scales = filled.std(axis=0)
        scales = np.where(scales > 1e-12, scales, 1.0)
        Z = np.clip((filled - means) / scales, -CLIP, CLIP)
        splines = SplineTransformer(
            n_knots=N_KNOTS, degree=DEGREE, knots="quantile", extrapolation="constant"
        ).fit(Z)
        basis = splines.transform(Z)
        lr = LogisticRegression(C=C, class_weight="balanced", max_iter=10000, random_state=seed)
        lr.fit(basis, y)
        n_splines = basis.shape[1] // X.shape[1]
        coef = lr.coef_[0].reshape(X.shape[1], n_splines)
        model = cls(
            feature_names=tuple(feature_names),
            medians=medians,
            means=means,
            scales=scales,
            knots=tuple(np.asarray(b.t, dtype=float) for b in splines.bsplines_),
            spline_coef=tuple(row.copy() for row in coef),
            intercept=float(lr.intercept_[0]),
            calib_a=1.0,
            calib_b=0.0,
            reference=np.zeros(X.shape[1]),
            typical=filled[y == 1].mean(axis=0) if (y == 1).any() else medians,
            threshold=0.5,
            meta=dict(meta or {}),
        )
        parts = model.partials(X)
        reference = parts[y == 1].mean(axis=0) if (y == 1).any() else np.zeros(X.shape[1])
        return replace(model, reference=reference)

    def calibrate(
        self, raw: np.ndarray, y: np.ndarray, false_alarm_rate: float = 0.05, seed: int = 0
    ) -> QualityModel:
        """Platt-scale held-out logits ``raw`` (with their labels ``y``) into ``quality``, and set
        the threshold so that at most ``false_alarm_rate`` of the held-out good articles fall
        below it (kept within 0.05..0.6)."""
        from sklearn.linear_model import LogisticRegression

        raw = np.asarray(raw, dtype=float)
        y = np.asarray(y)
        platt = LogisticRegression(C=1e6, class_weight="balanced", max_iter=5000, random_state=seed)
        platt.fit(raw.reshape(-1, 1), y)
        a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
        calibrated = 1.0 / (1.0 + np.exp(-(a * raw + b)))
        good = calibrated[y == 1]
        threshold = float(np.quantile(good, false_alarm_rate)) if len(good) else 0.5
        return replace(self, calib_a=a, calib_b=b, threshold=min(max(threshold, 0.05), 0.6))


def bspline_values(Z: np.ndarray, knots: np.ndarray, coef: np.ndarray, degree: int) -> np.ndarray:
    """Value of curve ``j`` at ``Z[:, j]`` for every column at once: shape of ``Z``.

    ``knots`` is (features, n + degree + 1) and ``coef`` (features, n). Values beyond the outer
    knots are those at the outer knots. This is de Boor's recursion exactly as scipy's
    ``BSpline.design_matrix`` computes it (same operations, same order), vectorised over rows and
    features, so the values are bit-identical to one ``design_matrix(z, t, k) @ c`` per feature,
    at a fraction of the cost for a single row.
    """
    k = degree
    n_basis = coef.shape[1]
    z = np.clip(Z, knots[:, k], knots[:, n_basis])
    # the knot interval [t[ell], t[ell + 1]) of each value, within the base interval
    ell = np.clip((knots[None, :, :] <= z[:, :, None]).sum(axis=2) - 1, k, n_basis - 1)
    col = np.arange(knots.shape[0])[None, :]
    h = [np.ones_like(z)] + [np.zeros_like(z) for _ in range(k)]
    for j in range(1, k + 1):
        prev = h[:j]
        h[0] = np.zeros_like(z)
        for m in range(1, j + 1):
            right = knots[col, ell + m]
            left = knots[col, ell + m - j]
            width = right - left
            with np.errstate(divide="ignore", invalid="ignore"):
                w = np.where(width == 0, 0.0, prev[m - 1] / width)
            h[m - 1] = h[m - 1] + w * (right - z)
            h[m] = w * (z - left)
    out = np.zeros_like(z)
    for r in range(k + 1):
        out = out + h[r] * coef[col, ell - k + r]
    return out


class SplineTable:
    """``bspline_values(Z, knots, coef, degree)`` for fixed curves, in fewer numpy calls:
    bit-identical (tests/test_quality_model.py holds it to ``bspline_values``), at about half
    the cost for one row.

    Each value ``z`` falls in one knot interval ``ell`` (``degree <= ell < n``), and everything
    de Boor's recursion reads besides ``z`` depends on the feature and ``ell`` alone: the knots
    ``right``/``left`` of each step, their ``width = right - left`` (the same subtraction of the
    same two floats), the first step's weight ``1.0 / width`` (``prev`` is all ones there) and the
    coefficients. They are computed once, as the columns of a table with one row per (feature,
    interval), and gathered with one ``take``; the steps then run as ``bspline_values`` runs them,
    element by element the same operations in the same order. A zero width gives weight 0.0, as
    ``np.where(width == 0, 0.0, ...)`` does there (dividing by 1.0 instead: no warning to
    silence).
    """

    def __init__(self, knots: np.ndarray, coef: np.ndarray, degree: int) -> None:
        k = degree
        n_features, n_basis = coef.shape
        ell = np.arange(k, n_basis)  # the knot intervals a (clipped) value can fall in
        steps = [(j, m) for j in range(1, k + 1) for m in range(1, j + 1)]  # recursion order
        right = np.stack([knots[:, ell + m] for j, m in steps])  # (step, feature, interval)
        left = np.stack([knots[:, ell + m - j] for j, m in steps])
        width = right - left
        zero = width == 0
        safe = np.where(zero, 1.0, width)
        first = np.where(zero[0], 0.0, 1.0 / safe[0])
        coefs = np.stack([coef[:, ell - k + r] for r in range(k + 1)])
        table = np.concatenate([right, left, safe, zero.astype(float), first[None], coefs])
        self.degree, self.n_steps = k, len(steps)
        self.low, self.high = knots[:, k].copy(), knots[:, n_basis].copy()
        self.inner = knots[:, k + 1 : n_basis].copy()
        self.columns = np.ascontiguousarray(table.reshape(len(table), n_features * len(ell)))
        self.first_row = np.arange(n_features) * len(ell)

    @staticmethod
    def fits(knots: np.ndarray, degree: int) -> bool:
        """True for curves of degree 1 or more with sorted knots (every row non-decreasing),
        which the interval count below needs."""
        return degree >= 1 and bool(np.all(knots[:, 1:] >= knots[:, :-1]))

    def __call__(self, Z: np.ndarray) -> np.ndarray:
        """Value of curve ``j`` at ``Z[..., j]``: ``bspline_values(Z, knots, coef, degree)``."""
        k, s_all = self.degree, self.n_steps
        z = np.clip(Z, self.low, self.high)
        # ``bspline_values``' ``ell`` is clip(#{knots <= z} - 1, k, n - 1): with sorted knots and
        # z >= t[k] (or z NaN: no knot <= z, ell = k) that is k + #{t[k+1 .. n-1] <= z}.
        interval = (self.inner <= z[..., None]).sum(axis=-1)
        got = self.columns.take(self.first_row + interval, axis=1)  # (column, *Z.shape)
        right_z = tuple(got[:s_all] - z)  # right - z of each step
        z_left = tuple(z - got[s_all : 2 * s_all])  # z - left of each step
        safe = tuple(got[2 * s_all : 3 * s_all])
        zero = tuple(got[3 * s_all : 4 * s_all])
        w = got[4 * s_all]
        h: list = [0.0 + w * right_z[0], w * z_left[0]] + [None] * (k - 1)
        step = 1
        for j in range(2, k + 1):
            prev = h[:j]
            h[0] = 0.0
            for m in range(1, j + 1):
                w = np.where(zero[step], 0.0, prev[m - 1] / safe[step])
                h[m - 1] = h[m - 1] + w * right_z[step]
                h[m] = w * z_left[step]
                step += 1
        out = 0.0
        for r, c in enumerate(got[4 * s_all + 1 :]):
            out = out + h[r] * c
        return out


@lru_cache(maxsize=8)
def cached_model(ref: str = "quality") -> QualityModel:
    """A model by shipped name or file path, loaded once per process."""
    return QualityModel.load(ref)
