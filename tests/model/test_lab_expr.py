"""The typed-function parser: what it accepts, what it refuses (with a code and a position), its gradient."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.lab.expr import ERROR_CODES, MAX_DEPTH, MAX_LENGTH, ExprError, parse


@pytest.mark.parametrize(
    ("text", "x0", "x1", "expected"),
    [
        ("x0^2 + x1^2", 3.0, 4.0, 25.0),
        ("x0**2 + x1**2", 3.0, 4.0, 25.0),
        ("x0 × x1 ÷ 2 − 1", 3.0, 4.0, 5.0),
        ("-x0^2", 3.0, 0.0, -9.0),  # ^ binds tighter than unary minus, as in maths
        ("2^3^2", 0.0, 0.0, 512.0),  # right associative
        ("x0 - x1 - 1", 5.0, 1.0, 3.0),  # left associative
        ("x0 / x1 / 2", 8.0, 2.0, 2.0),
        ("(1.5 - x0 + x0*x1)^2", 3.0, 0.5, 0.0),
        ("sin(pi/2) + cos(0) + exp(0) + log(e) + sqrt(4) + abs(-1) + tanh(0)", 0, 0, 7.0),
        ("sigmoid(0) + min(x0, x1) + max(x0, x1) + relu(-3)", 1.0, 2.0, 3.5),
        ("1e-1 * x0 + .5", 10.0, 0.0, 1.5),
        ("+x0", 2.0, 0.0, 2.0),
    ],
)
def test_values(text, x0, x1, expected):
    assert parse(text)(x0, x1) == pytest.approx(expected, abs=1e-12)


def test_evaluates_a_whole_grid_in_one_call():
    X0, X1 = np.meshgrid(np.linspace(-2, 2, 7), np.linspace(-1, 1, 5))
    out = parse("x0^2/20 + x1^2")(X0, X1)
    assert out.shape == (5, 7) and out.dtype == np.float64
    np.testing.assert_array_equal(out, X0**2 / 20 + X1**2)
    assert parse("3")(X0, X1).shape == (5, 7)  # a constant is broadcast to the grid


@pytest.mark.parametrize(
    ("text", "code", "position", "bad"),
    [
        ("x0.real", "attribute", 2, "."),
        ("sin.__class__", "attribute", 3, "."),
        ("__import__('os')", "bad_character", 0, "_"),
        ("x0; x1", "bad_character", 2, ";"),
        ("y + 1", "unknown_name", 0, "y"),
        ("x0 + open", "unknown_name", 5, "open"),
        ("x2", "unknown_name", 0, "x2"),
        ("eval(x0)", "unknown_name", 0, "eval"),
        ("sin x0", "needs_parentheses", 0, "sin"),
        ("x0(2)", "not_a_function", 0, "x0"),
        ("max(x0)", "wrong_arguments", 0, "max"),
        ("sin(x0, x1)", "wrong_arguments", 0, "sin"),
        ("2 x0", "missing_operator", 2, "x0"),
        ("x0 + ", "missing_operand", 5, ""),
        ("* x0", "missing_operand", 0, "*"),
        ("()", "missing_operand", 1, ")"),
        ("(x0 + 1", "unclosed_parenthesis", 0, "("),
        ("x0 + 1)", "unmatched_parenthesis", 6, ")"),
        ("1.2.3", "bad_number", 0, "1.2.3"),
        ("1e999", "bad_number", 0, "1e999"),
        ("   ", "empty", 0, ""),
    ],
)
def test_refusals_carry_a_code_and_the_position(text, code, position, bad):
    with pytest.raises(ExprError) as info:
        parse(text)
    err = info.value
    assert (err.code, err.position, err.text) == (code, position, bad)
    assert err.code in ERROR_CODES


def test_over_long_and_deeply_nested_input_is_refused():
    with pytest.raises(ExprError) as info:
        parse("x0+" * 100 + "1")
    assert info.value.code == "too_long" and info.value.expected == MAX_LENGTH
    deep = "(" * (MAX_DEPTH + 1) + "x0" + ")" * (MAX_DEPTH + 1)
    with pytest.raises(ExprError) as info:
        parse(deep)
    assert info.value.code == "too_deep"
    assert parse("(" * (MAX_DEPTH - 1) + "x0" + ")" * (MAX_DEPTH - 1))(2.0, 0.0) == 2.0
    with pytest.raises(ExprError) as info:
        parse("-" * 60 + "x0")
    assert info.value.code == "too_deep"


def test_only_the_named_variables_exist():
    f = parse("x * 2", ("x",))
    assert f(3.0) == 6.0
    with pytest.raises(ExprError):
        parse("x0", ("x",))


def test_bad_values_come_back_as_nan_or_inf_without_warnings():
    f = parse("log(x0) + 1/x1")
    out = f(np.array([-1.0, 1.0]), np.array([1.0, 0.0]))
    assert math.isnan(out[0]) and math.isinf(out[1])


def test_exact_gradient_of_the_note_function():
    g = parse("x0^2 + x1^2").gradient(np.array([3.0, 0.0, 3.0]), np.array([4.0, 2.0, 0.0]))
    np.testing.assert_array_equal(g, [[6, 0, 6], [8, 4, 0]])


BUILTIN_GRADIENT_CASES = [
    "sin(x0) * cos(x1)",
    "exp(-x0^2) / (1 + x1^2)",
    "tan(x0) - log(x1)",
    "sqrt(x1) * tanh(x0)",
    "sigmoid(x0 * x1)",
    "x1^x0",
    "abs(x0 - 0.3) + max(x0, x1)",
    "(1.5 - x0 + x0*x1)^2 + 2^x1",
]


@settings(max_examples=40, deadline=None)
@given(st.floats(0.2, 1.2), st.floats(0.5, 2.0), st.sampled_from(BUILTIN_GRADIENT_CASES))
def test_exact_gradient_matches_central_differences(x0, x1, text):
    f = parse(text)
    g = f.gradient(x0, x1)
    h = 1e-6
    num = [(f(x0 + h, x1) - f(x0 - h, x1)) / (2 * h), (f(x0, x1 + h) - f(x0, x1 - h)) / (2 * h)]
    if text.startswith("abs") and (abs(x0 - 0.3) < 1e-5 or abs(x0 - x1) < 1e-5):
        return  # at a kink the one-sided choice may differ from the chord
    np.testing.assert_allclose(g, num, rtol=1e-5, atol=1e-6)
