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


def _bits(a: np.ndarray) -> np.ndarray:
    return np.asarray(a, dtype=float).view(np.int64)


def test_spline_table_is_bspline_values_bit_for_bit():
    from articlegrade.model.quality import SplineTable

    model = QualityModel.load("quality")
    knots, coefs = np.stack(model.knots), np.stack(model.spline_coef)
    table = model._spline_table
    assert isinstance(table, SplineTable)  # the shipped model takes the fast path
    rng = np.random.default_rng(11)
    Z = rng.normal(scale=3.0, size=(3000, len(model.feature_names)))
    Z[:50] = np.round(Z[:50])
    special = np.concatenate([knots.ravel(), [0.0, -0.0, 5.0, -5.0, np.inf, -np.inf, np.nan]])
    Z[50:1050] = rng.choice(special, size=(1000, Z.shape[1]))
    for j, t in enumerate(model.knots):
        Z[1050 : 1050 + len(t), j] = t
        Z[1060, j], Z[1061, j] = np.nextafter(t[2], -np.inf), np.nextafter(t[3], np.inf)
    want = bspline_values(Z, knots, coefs, model.degree)
    assert np.array_equal(_bits(table(Z)), _bits(want))
    for i in range(0, len(Z), 97):  # one row at a time, as ``explain`` asks
        assert np.array_equal(_bits(table(Z[i : i + 1])), _bits(want[i : i + 1]))
    x = np.where(np.isnan(model.typical), 0.0, model.typical)[None, :]
    want_parts = bspline_values(model.standardize(x), knots, coefs, model.degree)
    assert np.array_equal(_bits(model.partials(x)), _bits(want_parts))


@pytest.mark.parametrize("degree", [1, 2, 3])
def test_spline_table_on_repeated_knots_and_degrees(degree):
    from articlegrade.model.quality import SplineTable

    base = [np.array([-2.0, -2.0, -2.0, 0.5, 3.0]), np.array([-1.0, 0.0, 1.0, 2.0, 4.0])]
    knots = np.stack([np.r_[[t[0]] * degree, t, [t[-1]] * degree] for t in base])
    rng = np.random.default_rng(degree)
    coefs = rng.normal(size=(2, knots.shape[1] - degree - 1))
    Z = np.column_stack([np.linspace(-4, 5, 301), np.linspace(5, -4, 301)])
    Z[::7] = np.round(Z[::7] * 2) / 2  # on the knots
    assert SplineTable.fits(knots, degree)
    got = SplineTable(knots, coefs, degree)(Z)
    assert np.array_equal(_bits(got), _bits(bspline_values(Z, knots, coefs, degree)))


def test_spline_table_needs_sorted_knots():
    from articlegrade.model.quality import SplineTable

    assert not SplineTable.fits(np.array([[0.0, 1.0, 0.5, 2.0]]), 1)
    assert not SplineTable.fits(np.array([[0.0, 1.0, 2.0]]), 0)
