"""The quality model: a standardised logistic regression over named signals, Platt-calibrated.

Evaluated with numpy from the arrays of its JSON file. ``quality`` is the calibrated probability
that an article is a real, human-quality article (classes weighted equally, so it does not carry
the training set's share of machine texts). ``contributions`` explain a score: per feature,
coefficient × (standardised value − the typical good article's standardised value), so the most
negative ones are the signals pulling the grade down.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from .storage import ModelError, load_model, save_model

KIND = "quality-logistic"
#: Standardised values are clipped to this many standard deviations: one absurd page cannot swing
#: the grade through a single signal.
CLIP = 5.0
GRADES = ("A", "B", "C", "D", "F")


@dataclass(frozen=True)
class QualityModel:
    """Fitted arrays of a quality model. Fitted values only; build with ``fit`` or ``load``."""

    feature_names: tuple[str, ...]
    medians: np.ndarray
    means: np.ndarray
    scales: np.ndarray
    coef: np.ndarray
    intercept: float
    calib_a: float
    calib_b: float
    reference: np.ndarray
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    # -- evaluation -------------------------------------------------------------------------
    def standardize(self, X: np.ndarray) -> np.ndarray:
        """Impute NaN with the training median, standardise, clip to ±CLIP."""
        X = np.atleast_2d(np.asarray(X, dtype=float))
        X = np.where(np.isnan(X), self.medians, X)
        return np.clip((X - self.means) / self.scales, -CLIP, CLIP)

    def decision(self, X: np.ndarray) -> np.ndarray:
        """Raw logit of 'good' for each row."""
        return self.standardize(X) @ self.coef + self.intercept

    def quality(self, X: np.ndarray) -> np.ndarray:
        """Calibrated probability that each row is a real, human-quality article; 0..1."""
        z = self.calib_a * self.decision(X) + self.calib_b
        return 1.0 / (1.0 + np.exp(-z))

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Per feature, its push on the logit against a typical good article (negative = down)."""
        return self.coef * (self.standardize(x)[0] - self.reference)

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
            "coef": self.coef.tolist(),
            "intercept": float(self.intercept),
            "calib_a": float(self.calib_a),
            "calib_b": float(self.calib_b),
            "reference": self.reference.tolist(),
            "threshold": float(self.threshold),
        }
        meta = {
            k: v
            for k, v in self.meta.items()
            if k not in ("package_version", "sklearn_version", "name")
        }
        save_model(
            path, name=name, kind=KIND, feature_names=self.feature_names, params=params, meta=meta
        )

    @classmethod
    def load(cls, name_or_path: str | os.PathLike = "quality") -> QualityModel:
        """Load a shipped model by name or a model file by path; verify it fits this version."""
        mf = load_model(name_or_path, kind=KIND)
        p = mf.params
        k = len(mf.feature_names)
        arrays = {
            key: np.asarray(p[key], dtype=float)
            for key in ("medians", "means", "scales", "coef", "reference")
        }
        if any(a.shape != (k,) for a in arrays.values()):
            raise ModelError(f"model {mf.name!r}: arrays do not match its {k} feature names")
        from ..signals import all_names

        unknown = [n for n in mf.feature_names if n not in all_names()]
        if unknown:
            raise ModelError(
                f"model {mf.name!r} uses signals this version does not compute ({unknown[:5]}); "
                "retrain it with `articlegrade train`"
            )
        return cls(
            feature_names=mf.feature_names,
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
        calib_X: np.ndarray,
        calib_y: np.ndarray,
        C: float = 1.0,
        false_alarm_rate: float = 0.05,
        seed: int = 0,
        meta: dict[str, Any] | None = None,
    ) -> QualityModel:
        """Fit on (X, y) (y: 1 = good, 0 = machine-made filler); calibrate and choose the threshold
        on the held-out (calib_X, calib_y): the threshold puts at most ``false_alarm_rate`` of the
        held-out good articles below it."""
        from sklearn.linear_model import LogisticRegression

        X = np.asarray(X, dtype=float)
        medians = np.nanmedian(X, axis=0)
        medians = np.where(np.isnan(medians), 0.0, medians)
        Xi = np.where(np.isnan(X), medians, X)
        means = Xi.mean(axis=0)
        scales = Xi.std(axis=0)
        scales = np.where(scales > 1e-12, scales, 1.0)
        Z = np.clip((Xi - means) / scales, -CLIP, CLIP)
        lr = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, random_state=seed)
        lr.fit(Z, y)
        reference = Z[np.asarray(y) == 1].mean(axis=0)
        draft = cls(
            feature_names=tuple(feature_names),
            medians=medians,
            means=means,
            scales=scales,
            coef=lr.coef_[0].copy(),
            intercept=float(lr.intercept_[0]),
            calib_a=1.0,
            calib_b=0.0,
            reference=reference,
            threshold=0.5,
            meta=dict(meta or {}),
        )
        raw = draft.decision(calib_X)
        platt = LogisticRegression(C=1e6, class_weight="balanced", max_iter=5000, random_state=seed)
        platt.fit(raw.reshape(-1, 1), calib_y)
        a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
        calibrated = 1.0 / (1.0 + np.exp(-(a * raw + b)))
        good = np.sort(calibrated[np.asarray(calib_y) == 1])
        threshold = float(np.quantile(good, false_alarm_rate)) if len(good) else 0.5
        threshold = min(max(threshold, 0.05), 0.6)
        return cls(**{**draft.__dict__, "calib_a": a, "calib_b": b, "threshold": threshold})


@lru_cache(maxsize=8)
def cached_model(ref: str = "quality") -> QualityModel:
    """A model by shipped name or file path, loaded once per process."""
    return QualityModel.load(ref)
