"""The quality model's vectorised curve evaluation against scipy's reference B-splines."""

import numpy as np
import pytest
from scipy.interpolate import BSpline

from articlegrade.model.quality import QualityModel, bspline_values


def scipy_values(Z: np.ndarray, knots, coefs, k: int) -> np.ndarray:
    return np.column_stack(
        [
            BSpline.design_matrix(np.clip(Z[:, j], t[k], t[-k - 1]), t, k) @ c
            for j, (t, c) in enumerate(zip(knots, coefs, strict=True))
        ]
    )


def test_shipped_model_curves_are_bit_identical_to_scipy():
    model = QualityModel.load("quality")
    rng = np.random.default_rng(7)
    Z = rng.normal(scale=3.0, size=(2000, len(model.feature_names)))
    Z[:50] = np.round(Z[:50])  # whole numbers, often on a knot
    for j, t in enumerate(model.knots):  # every knot itself, and beyond both ends
        Z[50 : 50 + len(t), j] = t
        Z[60, j], Z[61, j] = t[0] - 1.0, t[-1] + 1.0
    got = bspline_values(Z, np.stack(model.knots), np.stack(model.spline_coef), model.degree)
    want = scipy_values(Z, model.knots, model.spline_coef, model.degree)
    assert np.array_equal(got, want)


@pytest.mark.parametrize("degree", [1, 2, 3])
def test_repeated_knots_and_degrees_match_scipy(degree):
    # a feature whose lower quantiles coincide gives repeated knots, as in the shipped model
    base = [np.array([-2.0, -2.0, -2.0, 0.5, 3.0]), np.array([-1.0, 0.0, 1.0, 2.0, 4.0])]
    knots = [np.r_[[t[0]] * degree, t, [t[-1]] * degree] for t in base]
    rng = np.random.default_rng(degree)
    coefs = [rng.normal(size=len(t) - degree - 1) for t in knots]
    Z = np.column_stack([np.linspace(-4, 5, 301), np.linspace(5, -4, 301)])
    got = bspline_values(Z, np.stack(knots), np.stack(coefs), degree)
    assert np.array_equal(got, scipy_values(Z, knots, coefs, degree))


def test_explain_adds_up_to_quality():
    model = QualityModel.load("quality")
    x = np.where(np.isnan(model.typical), 0.0, model.typical)[None, :]
    quality, contributions = model.explain(x)
    assert quality == pytest.approx(float(model.quality(x)[0]), abs=1e-12)
    logit = contributions.sum() + model.reference.sum() + model.intercept
    assert quality == pytest.approx(1 / (1 + np.exp(-(model.calib_a * logit + model.calib_b))))
