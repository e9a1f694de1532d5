"""Note 003's numbers: finite differences in 1-D, the h sweep, x + h == x, and the numerical gradient on a grid."""

from __future__ import annotations

import numpy as np
import pytest

from model.gradcheck import numerical_gradient
from model.lab import derivatives as d
from model.lab import functions2d as f2


def test_the_textbook_central_differences_reproduce_to_the_last_digit():
    fn = d.FUNCTIONS_1D["textbook"]
    assert d.differences(fn, 5.0, 1e-4).central == 0.1999999999990898
    assert d.differences(fn, 10.0, 1e-4).central == 0.2999999999986347
    r = d.differences(fn, 5.0, 1e-4)
    assert r.exact == pytest.approx(0.2) and r.central_error < r.forward_error


def test_h_1e_minus_50_is_swallowed_by_x_and_gives_exactly_zero():
    fn = d.FUNCTIONS_1D["textbook"]
    fact = d.rounding_fact(fn, 5.0, 1e-50)
    assert fact.swallowed and fact.x_plus_h == 5.0 and fact.difference == 0.0
    assert fact.spacing == np.spacing(5.0) and fact.h < fact.spacing / 2
    assert d.differences(fn, 5.0, 1e-50).forward == 0.0
    assert not d.rounding_fact(fn, 5.0, 1e-4).swallowed


def test_sweep_shows_the_slopes_and_the_v():
    fn = d.FUNCTIONS_1D["sin"]
    s = d.h_sweep(fn, 1.0)
    assert s.h.shape == s.forward_error.shape == s.swallowed.shape == (21,)
    # truncation: forward error ~ h (slope 1), central ~ h² (slope 2) while h is large
    assert np.log10(s.forward_error[1] / s.forward_error[2]) == pytest.approx(1.0, abs=0.05)
    assert np.log10(s.central_error[1] / s.central_error[2]) == pytest.approx(2.0, abs=0.05)
    # the bottom of the V: rounding takes over below ~1e-8 (forward) and ~1e-5 (central)
    assert 1e-9 <= s.best_forward_h <= 1e-7 and 1e-6 <= s.best_central_h <= 1e-4
    assert s.swallowed[-1] and s.forward[-1] == 0.0 and s.central[-1] == 0.0


def test_float32_loses_digits_sooner():
    fn = d.FUNCTIONS_1D["textbook"]
    sin = d.FUNCTIONS_1D["sin"]
    s64, s32 = d.h_sweep(sin, 1.0, dtype="float64"), d.h_sweep(sin, 1.0, dtype="float32")
    assert s32.best_central_h > s64.best_central_h and s32.best_forward_h > s64.best_forward_h
    assert np.nanmin(s32.central_error) > 100 * np.nanmin(s64.central_error)
    assert d.rounding_fact(fn, 5.0, 1e-7, "float32").swallowed and not d.rounding_fact(fn, 5.0, 1e-7).swallowed
    with pytest.raises(ValueError):
        d.differences(fn, 5.0, 1e-4, "float16")


def test_typed_1d_function_and_its_exact_derivative():
    fn = d.typed_function("0.01*x^2 + 0.1*x")
    assert d.differences(fn, 5.0).central == 0.1999999999990898
    assert d.differences(fn, 5.0).exact == pytest.approx(0.2)


def test_numerical_gradient_at_the_note_points_and_its_two_wrong_comments():
    sphere = f2.FUNCTIONS_2D["sphere"]
    pts = np.array([[3.0, 0.0, 3.0], [4.0, 2.0, 0.0]])
    g = f2.numerical_gradient_grid(sphere.f, pts[0], pts[1])
    np.testing.assert_allclose(g, [[6, 0, 6], [8, 4, 0]], atol=1e-6)  # the note's comments say [0, 2] and [3, 0]


def test_grid_gradient_equals_the_per_point_loop_bit_for_bit():
    # f sees 1-element arrays in the loop too: numpy may round a scalar power differently from an array one
    for fn in f2.FUNCTIONS_2D.values():
        x0, x1 = np.meshgrid(np.linspace(*fn.domain[:2], 9), np.linspace(*fn.domain[2:], 7))
        g = f2.numerical_gradient_grid(fn.f, x0, x1)
        for idx in np.ndindex(x0.shape):
            ref = numerical_gradient(lambda p, fn=fn: float(fn.f(p[0:1], p[1:2])[0]), np.array([x0[idx], x1[idx]]))
            assert g[(slice(None), *idx)].tolist() == ref.tolist(), fn.key


def test_analytic_gradients_match_the_numerical_ones():
    for fn in f2.FUNCTIONS_2D.values():
        fld = f2.field(fn, *f2.grid_axes(fn.domain, 11))
        assert fld.analytic is not None and fld.numeric.shape == (2, 11, 11)
        scale = np.maximum(1.0, np.abs(fld.analytic))
        np.testing.assert_allclose(fld.numeric / scale, fld.analytic / scale, atol=1e-5, err_msg=fn.key)


def test_known_minima_have_zero_gradient():
    for fn in f2.FUNCTIONS_2D.values():
        for m in fn.minima:
            g = fn.gradient(*m)
            assert g is not None and np.hypot(*g) < 1e-4, fn.key


def test_the_note_quiver_grid_and_quadratics():
    assert f2.NOTE_GRID.shape == (18,) and f2.NOTE_GRID[0] == -2 and f2.NOTE_GRID[-1] == 2.25
    fld = f2.field(f2.FUNCTIONS_2D["sphere"])
    assert fld.values.shape == (18, 18) and fld.x0[0, 1] == -1.75 and fld.x1[1, 0] == -1.75
    assert f2.hessian_eigenvalues(f2.FUNCTIONS_2D["elliptic"]) == pytest.approx((0.1, 2.0))
    assert f2.hessian_eigenvalues(f2.FUNCTIONS_2D["rosenbrock"]) is None


def test_typed_2d_function_has_an_exact_gradient():
    fn = f2.typed_function("x0^2 + x1^2")
    assert fn.gradient(3, 4) == (6.0, 8.0) and fn.value(3, 4) == 25.0
    fld = f2.field(fn)
    np.testing.assert_allclose(fld.numeric, fld.analytic, atol=1e-6)
