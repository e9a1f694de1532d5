"""Ready-made data: truth tables, generators, typed tables, CSV and Iris."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import datasets as D
from model.dataset import MAX_SAMPLES, Dataset
from model.datasets import DataError
from model.limits import MAX_VALUE

GATES = {
    "and": [0, 0, 0, 1],
    "or": [0, 1, 1, 1],
    "nand": [1, 1, 1, 0],
    "nor": [1, 0, 0, 0],
    "xor": [0, 1, 1, 0],
    "xnor": [1, 0, 0, 1],
}


# ------------------------------------------------------------- truth tables
@pytest.mark.parametrize("name", sorted(GATES))
def test_truth_table_values(name: str) -> None:
    ds = D.truth_table(name)
    np.testing.assert_array_equal(ds.X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(ds.Y.ravel(), GATES[name])
    assert ds.kind == "classification" and ds.Y.shape == (4, 1)
    assert ds.output_names == [name.upper()]


@pytest.mark.parametrize("name", sorted(GATES))
def test_signed_truth_table_maps_every_zero_to_minus_one(name: str) -> None:
    ds = D.truth_table(name, signed=True)
    np.testing.assert_array_equal(ds.X, [[-1, -1], [-1, 1], [1, -1], [1, 1]])
    np.testing.assert_array_equal(ds.Y.ravel(), 2 * np.array(GATES[name]) - 1)


def test_truth_tables_tuple_lists_every_gate_and_unknown_names_fail() -> None:
    assert set(D.TRUTH_TABLES) == set(GATES)
    with pytest.raises(DataError, match="xor"):
        D.truth_table("xand")


# --------------------------------------------------------------- generators
@pytest.mark.parametrize("name", D.CLASSIFICATION_GENERATORS)
def test_classification_generators_shape_labels_determinism(name: str) -> None:
    gen = D.GENERATORS[name]
    ds = gen()
    assert ds.X.shape == (200, 2) and ds.Y.shape == (200, 1)
    assert ds.kind == "classification" and set(np.unique(ds.Y)) == {0.0, 1.0}
    assert np.isfinite(ds.X).all() and np.abs(ds.X).max() < 2.0
    again = gen(n=200, noise=0.1, seed=0)
    np.testing.assert_array_equal(ds.X, again.X)
    np.testing.assert_array_equal(ds.Y, again.Y)
    other = gen(seed=1)
    assert not np.array_equal(ds.X, other.X)
    odd = gen(n=37, noise=0.0, seed=3)
    assert odd.X.shape == (37, 2) and odd.n == 37


@pytest.mark.parametrize("name", ["circle", "gaussians", "spiral", "moons"])
def test_two_class_generators_are_balanced(name: str) -> None:
    assert D.GENERATORS[name](n=200).Y.sum() == 100


def test_clean_circle_and_quadrant_xor_follow_their_rule() -> None:
    c = D.circle(n=300, noise=0.0)
    r = np.hypot(c.X[:, 0], c.X[:, 1])
    assert (r[c.Y[:, 0] == 1] <= 0.5).all() and (r[c.Y[:, 0] == 0] >= 0.7).all()
    q = D.quadrant_xor(n=300, noise=0.0)
    np.testing.assert_array_equal(q.Y[:, 0] == 1, (q.X[:, 0] > 0) != (q.X[:, 1] > 0))


def test_noise_moves_points_but_not_labels() -> None:
    clean, noisy = D.moons(noise=0.0), D.moons(noise=0.3)
    np.testing.assert_array_equal(clean.Y, noisy.Y)
    assert 0.25 < np.std(noisy.X - clean.X) < 0.35
    np.testing.assert_allclose(D.sine(noise=0.2).X, D.sine(noise=0.0).X)


@pytest.mark.parametrize("bad", [{"n": 0}, {"n": MAX_SAMPLES + 1}, {"noise": -0.1}, {"noise": float("nan")}])
def test_generators_refuse_bad_arguments(bad: dict) -> None:
    with pytest.raises(DataError):
        D.circle(**bad)


def test_regression_sets_follow_their_formula_without_noise() -> None:
    line = D.line(noise=0.0)
    assert line.kind == "regression"
    np.testing.assert_allclose(line.Y[:, 0], 2 * line.X[:, 0] + 1)
    sine = D.sine(noise=0.0)
    np.testing.assert_allclose(sine.Y[:, 0], np.sin(sine.X[:, 0]))
    house = D.house_price(noise=0.0)
    assert house.input_names == ["size", "rooms"] and house.kind == "regression"
    np.testing.assert_allclose(house.Y[:, 0], 90 * house.X[:, 0] + 150 * house.X[:, 1])
    assert set(np.unique(house.X[:, 1])) <= {1.0, 2.0, 3.0, 4.0}


@pytest.mark.parametrize("name", D.REGRESSION_GENERATORS)
def test_regression_generators_are_deterministic(name: str) -> None:
    a, b = D.GENERATORS[name](), D.GENERATORS[name](seed=0)
    assert a.kind == "regression"
    np.testing.assert_array_equal(a.Y, b.Y)
    assert not np.array_equal(a.Y, D.GENERATORS[name](seed=5).Y)


def test_generator_lists_cover_the_dict() -> None:
    assert set(D.CLASSIFICATION_GENERATORS) | set(D.REGRESSION_GENERATORS) == set(D.GENERATORS)


# -------------------------------------------------------------- typed tables
def test_from_table_splits_inputs_and_targets() -> None:
    ds = D.from_table([[30, 2, 3000]], n_inputs=2)
    np.testing.assert_array_equal(ds.X, [[30, 2]])
    np.testing.assert_array_equal(ds.Y, [[3000]])
    assert ds.kind == "regression"
    assert D.from_table([[0, 1, 1], [1, 1, 0]], 2).kind == "classification"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([[1, 2, 3], [1, 2]], "row 2 has 2 numbers"),
        ([[1, 2, 3], [1, "x", 3]], "row 2, column 2"),
        ([[1, 2, float("nan")]], "row 1, column 3"),
        ([[1, 2, True]], "row 1, column 3"),
        ([], "no rows"),
    ],
)
def test_from_table_names_the_bad_cell(rows: list, message: str) -> None:
    with pytest.raises(DataError, match=message):
        D.from_table(rows, 2)


def test_from_table_needs_an_input_and_an_output_column() -> None:
    with pytest.raises(DataError, match="at least one input"):
        D.from_table([[1, 2]], 2)


# ------------------------------------------------------------------------ CSV
def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / "data.csv"
    p.write_bytes(text.encode(encoding))
    return p


def test_csv_round_trip_keeps_values_and_names(tmp_path: Path) -> None:
    ds = D.house_price(n=20)
    p = tmp_path / "house.csv"
    D.write_csv(ds, p)
    back = D.read_csv(p)
    np.testing.assert_array_equal(back.X, ds.X)
    np.testing.assert_array_equal(back.Y, ds.Y)
    assert back.input_names == ["size", "rooms"] and back.output_names == ["price"]
    assert back.kind == "regression" and back.name == "house"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        # Every data value lies within model.limits.MAX_VALUE (beyond it a CSV is refused, see below).
        st.lists(st.floats(min_value=-MAX_VALUE, max_value=MAX_VALUE), min_size=3, max_size=3),
        min_size=1,
        max_size=10,
    )
)
def test_csv_round_trip_is_bit_exact(rows: list[list[float]]) -> None:
    ds = Dataset(np.array(rows)[:, :2], np.array(rows)[:, 2:], input_names=["a", "b"], output_names=["c"])
    back = D.parse_csv(D.csv_text(ds))
    assert back.X.tobytes() == ds.X.tobytes() and back.Y.tobytes() == ds.Y.tobytes()


@pytest.mark.parametrize("cell", ["1000001", "-1.79e308", "1e308"])
def test_csv_values_outside_the_range_are_refused_naming_the_cell(cell: str) -> None:
    with pytest.raises(D.DataError, match=r"row 3, column 'y' is .* outside the allowed range"):
        D.parse_csv(f"x1,x2,y\n0,0,0\n1,1,{cell}\n")


def test_csv_with_several_outputs_and_names_that_need_quotes(tmp_path: Path) -> None:
    ds = Dataset([[1.5, 2]], [[1, 0, 0]], input_names=["length, cm", 'say "hi"'], output_names=["a", "b", "c"])
    p = tmp_path / "q.csv"
    D.write_csv(ds, p)
    back = D.read_csv(p, n_outputs=3)
    assert back.input_names == ds.input_names and back.n_outputs == 3 and back.kind == "classification"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x1,x2,y\n1,2,3\n4,abc,6\n", "row 3, column 'x2': 'abc' is not a number"),
        ("x1,x2,y\n1,2,3\n4,,6\n", "row 3, column 'x2' is empty"),
        ("x1,x2,y\n1,2,nan\n", "row 2, column 'y' is nan"),
        ("x1,x2,y\n1,inf,3\n", "row 2, column 'x2' is inf"),
        ("x1,x2,y\n1,2,3\n\n4,5\n", "row 4 has 2 cells, expected 3"),
        ("1,2,3\n4,5,6\n", "row 1 must be a header"),
        ("x1,,y\n1,2,3\n", "column 2 of the header has no name"),
        ("", "empty"),
        ("x1,x2,y\n", "no data rows"),
        ("y\n1\n", "at least one input"),
    ],
)
def test_bad_csv_gives_a_data_error_naming_row_and_column(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DataError) as info:
        D.read_csv(write(tmp_path, text))
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)


def test_csv_reads_excel_bom_korean_cp949_and_semicolons(tmp_path: Path) -> None:
    bom = D.read_csv(write(tmp_path, "\ufeff크기,방,가격\n30,2,3000\n"))
    assert bom.input_names == ["크기", "방"] and bom.output_names == ["가격"]
    cp949 = D.read_csv(write(tmp_path, "크기,방,가격\n30,2,3000\n", "cp949"))
    assert cp949.input_names == ["크기", "방"]
    semi = D.read_csv(write(tmp_path, "a;b;y\n1;2;0\n3;4;1\n"))
    np.testing.assert_array_equal(semi.X, [[1, 2], [3, 4]])


def test_csv_over_the_sample_limit_is_refused(tmp_path: Path) -> None:
    text = "x,y\n" + "1,0\n" * (MAX_SAMPLES + 1)
    with pytest.raises(DataError, match=f"row {MAX_SAMPLES + 2}"):
        D.read_csv(write(tmp_path, text))


def test_huge_csv_is_refused_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.csv"
    with p.open("wb") as f:
        f.truncate(D.MAX_CSV_BYTES + 1)
    with pytest.raises(DataError, match="larger than 20 MB"):
        D.read_csv(p)


def test_failed_csv_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "keep.csv"
    p.write_text("old\n")

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OSError):
        D.write_csv(D.truth_table("and"), p)
    assert p.read_text() == "old\n"
    assert [q.name for q in tmp_path.iterdir()] == ["keep.csv"]


# ---------------------------------------------------------------------- Iris
def test_iris_has_150_flowers_in_three_one_hot_species() -> None:
    ds = D.iris()
    assert ds.X.shape == (150, 4) and ds.Y.shape == (150, 3)
    assert ds.output_names == ["setosa", "versicolor", "virginica"]
    assert ds.input_names == ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    np.testing.assert_array_equal(ds.Y.sum(axis=1), 1)
    np.testing.assert_array_equal(ds.Y.sum(axis=0), [50, 50, 50])
    np.testing.assert_array_equal(ds.X[0], [5.1, 3.5, 1.4, 0.2])
    # Fisher's published means, in cm.
    np.testing.assert_allclose(ds.X.mean(axis=0), [5.843, 3.057, 3.758, 1.199], atol=1e-3)
    assert ds.kind == "classification" and ds.name == "iris"
