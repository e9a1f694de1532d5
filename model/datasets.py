"""Ready-made data: truth tables, 2-D toy problems, regression sets, Iris, CSV.

Every generator takes ``(n, noise, seed)`` and is deterministic by seed, so a
lesson that says "circle, seed 0" gives every student the same points.

* Classification generators return X (n, 2) in about [-1, 1]² and Y (n, 1)
  with 0/1 targets; ``noise`` is the standard deviation of Gaussian jitter
  added to each coordinate.  The same seed gives the same points and labels
  at every noise level, so a noise slider only jitters them.
* Regression generators return Y (n, 1) real targets; ``noise`` is the
  standard deviation of the jitter added to Y, as a fraction of Y's own
  spread (0.1 = 10 %).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .dataset import MAX_FEATURES, MAX_SAMPLES, Dataset
from .limits import MAX_VALUE, in_range

Array = np.ndarray

from .resources import RESOURCES  # noqa: E402

IRIS_PATH = RESOURCES / "data" / "iris.csv"

KINDS = ("classification", "regression")
MAX_CSV_BYTES = 20 * 1024 * 1024


class DataError(ValueError):
    """Data that cannot become a dataset; the message names the row and column."""


# ------------------------------------------------------------------ truth tables
_GATES: dict[str, Callable[[int, int], int]] = {
    "and": lambda a, b: a & b,
    "or": lambda a, b: a | b,
    "nand": lambda a, b: 1 - (a & b),
    "nor": lambda a, b: 1 - (a | b),
    "xor": lambda a, b: a ^ b,
    "xnor": lambda a, b: 1 - (a ^ b),
}

#: The gates :func:`truth_table` knows, in the order the GUI lists them.
TRUTH_TABLES: tuple[str, ...] = tuple(_GATES)


def truth_table(name: str, signed: bool = False) -> Dataset:
    """The four rows (0,0), (0,1), (1,0), (1,1) of a two-input gate.

    Targets are 0/1; with ``signed`` every 0 (inputs and targets) becomes −1,
    the encoding tanh outputs and the classic perceptron use.
    """
    key = name.lower()
    if key not in _GATES:
        raise DataError(f"unknown truth table {name!r}; choose one of {', '.join(TRUTH_TABLES)}")
    rows = [(a, b) for a in (0, 1) for b in (0, 1)]
    X = np.array(rows, dtype=np.float64)
    Y = np.array([[_GATES[key](a, b)] for a, b in rows], dtype=np.float64)
    if signed:
        X, Y = 2.0 * X - 1.0, 2.0 * Y - 1.0
    return Dataset(X, Y, kind="classification", name=key, input_names=["x1", "x2"], output_names=[key.upper()])


# ------------------------------------------------------------- 2-D generators
def _check(n: int, noise: float) -> None:
    if not 1 <= n <= MAX_SAMPLES:
        raise DataError(f"the number of samples must be 1 to {MAX_SAMPLES}, got {n}")
    if not (math.isfinite(noise) and noise >= 0):
        raise DataError(f"noise must be a finite number ≥ 0, got {noise}")


def _two_classes(name: str, X0: Array, X1: Array, noise: float, rng: np.random.Generator) -> Dataset:
    """Stack class 0 and class 1 points, jitter them and shuffle the rows."""
    X = np.vstack([X0, X1])
    Y = np.concatenate([np.zeros(len(X0)), np.ones(len(X1))]).reshape(-1, 1)
    order = rng.permutation(len(X))
    # Always draw the jitter, so the same seed gives the same points at every noise level.
    X = X[order] + noise * rng.standard_normal(X.shape)
    return Dataset(X, Y[order], kind="classification", name=name, input_names=["x1", "x2"], output_names=["y"])


def circle(n: int = 200, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Class 1 inside a disc of radius 0.5, class 0 on a ring from 0.7 to 1."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    n1 = n // 2

    def ring(m: int, r0: float, r1: float) -> Array:
        r = rng.uniform(r0, r1, m)
        t = rng.uniform(0.0, 2.0 * np.pi, m)
        return np.column_stack([r * np.cos(t), r * np.sin(t)])

    inside = ring(n1, 0.0, 0.5)
    outside = ring(n - n1, 0.7, 1.0)
    return _two_classes("circle", outside, inside, noise, rng)


def quadrant_xor(n: int = 200, noise: float = 0.1, seed: int = 0) -> Dataset:
    """XOR on the plane: class 1 where x1 and x2 have different signs."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    # Keep points a little off the axes so that the clean labels are unambiguous.
    P = rng.uniform(0.05, 1.0, (n, 2)) * rng.choice([-1.0, 1.0], (n, 2))
    label = (P[:, 0] > 0) != (P[:, 1] > 0)
    return _two_classes("quadrant_xor", P[~label], P[label], noise, rng)


def gaussians(n: int = 200, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Two round clouds (spread 0.2) around (−0.5, −0.5) = class 0 and (0.5, 0.5) = class 1."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    n1 = n // 2
    X0 = rng.normal(-0.5, 0.2, (n - n1, 2))
    X1 = rng.normal(0.5, 0.2, (n1, 2))
    return _two_classes("gaussians", X0, X1, noise, rng)


def spiral(n: int = 200, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Two interleaved spirals of 1.75 turns from the centre out to radius 1."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    n1 = n // 2

    def arm(m: int, phase: float) -> Array:
        s = np.linspace(0.0, 1.0, m, endpoint=False) if m else np.zeros(0)
        t = 1.75 * 2.0 * np.pi * s + phase
        return np.column_stack([s * np.sin(t), s * np.cos(t)])

    return _two_classes("spiral", arm(n - n1, 0.0), arm(n1, np.pi), noise, rng)


def moons(n: int = 200, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Two interlocking half circles, centred and scaled into about [-1, 1]²."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    n1 = n // 2
    t0 = rng.uniform(0.0, np.pi, n - n1)
    t1 = rng.uniform(0.0, np.pi, n1)
    upper = np.column_stack([np.cos(t0), np.sin(t0)])
    lower = np.column_stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])
    shift, scale = np.array([0.5, 0.25]), 1.5
    return _two_classes("moons", (upper - shift) / scale, (lower - shift) / scale, noise, rng)


# ---------------------------------------------------------- regression sets
def _regression(
    name: str, X: Array, y: Array, noise: float, rng: np.random.Generator, inputs: list[str], output: str
) -> Dataset:
    spread = float(np.std(y)) or 1.0
    y = y + noise * spread * rng.standard_normal(y.shape)  # drawn even at 0: same seed, same points
    return Dataset(X, y.reshape(-1, 1), kind="regression", name=name, input_names=inputs, output_names=[output])


def line(n: int = 50, noise: float = 0.1, seed: int = 0) -> Dataset:
    """y = 2x + 1 for x uniform in [−1, 1]."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-1.0, 1.0, n))
    return _regression("line", x.reshape(-1, 1), 2.0 * x + 1.0, noise, rng, ["x"], "y")


def sine(n: int = 100, noise: float = 0.1, seed: int = 0) -> Dataset:
    """y = sin(x) for x uniform in [−3, 3]: a curve no straight line fits."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-3.0, 3.0, n))
    return _regression("sine", x.reshape(-1, 1), np.sin(x), noise, rng, ["x"], "y")


def house_price(n: int = 50, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Price = 90 × size + 150 × rooms (the weights of worked example A), size 20–60, rooms 1–4."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    size = rng.integers(20, 61, n).astype(np.float64)
    rooms = rng.integers(1, 5, n).astype(np.float64)
    X = np.column_stack([size, rooms])
    return _regression("house_price", X, 90.0 * size + 150.0 * rooms, noise, rng, ["size", "rooms"], "price")


Generator = Callable[..., Dataset]

#: name → generator(n, noise, seed) for the GUI's data menu.
GENERATORS: dict[str, Generator] = {
    "circle": circle,
    "quadrant_xor": quadrant_xor,
    "gaussians": gaussians,
    "spiral": spiral,
    "moons": moons,
    "line": line,
    "sine": sine,
    "house_price": house_price,
}
CLASSIFICATION_GENERATORS: tuple[str, ...] = ("circle", "quadrant_xor", "gaussians", "spiral", "moons")
REGRESSION_GENERATORS: tuple[str, ...] = ("line", "sine", "house_price")


# ------------------------------------------------------------- typed tables
def guess_kind(Y: Array) -> str:
    """ "classification" when every target is 0/1 (or every one is ±1), else "regression"."""
    values = set(np.unique(Y).tolist())
    return "classification" if values and (values <= {0.0, 1.0} or values <= {-1.0, 1.0}) else "regression"


def _check_shape(n: int, width: int, n_outputs: int) -> None:
    if n > MAX_SAMPLES:
        raise DataError(f"at most {MAX_SAMPLES} samples are allowed, got {n}")
    if not 1 <= n_outputs < width:
        raise DataError(
            f"each row needs at least one input and one output column; got {width} columns for {n_outputs} outputs"
        )
    if width - n_outputs > MAX_FEATURES:
        raise DataError(f"at most {MAX_FEATURES} input columns are allowed, got {width - n_outputs}")


def from_table(
    rows: Sequence[Sequence[float]],
    n_inputs: int,
    kind: str | None = None,
    name: str = "table",
    input_names: Sequence[str] | None = None,
    output_names: Sequence[str] | None = None,
) -> Dataset:
    """A dataset from typed rows: the first ``n_inputs`` numbers are inputs, the rest targets.

    ``from_table([[30, 2, 3000]], 2)`` gives X [[30, 2]] and Y [[3000]].
    ``kind`` None guesses it from the targets (see :func:`guess_kind`).
    """
    if len(rows) == 0:
        raise DataError("the table has no rows")
    width = len(rows[0])
    _check_shape(len(rows), width, width - n_inputs)
    data = np.empty((len(rows), width))
    for r, row in enumerate(rows, start=1):
        if len(row) != width:
            raise DataError(f"row {r} has {len(row)} numbers, expected {width}")
        for c, cell in enumerate(row, start=1):
            if isinstance(cell, bool) or not isinstance(cell, (int, float, np.integer, np.floating)):
                raise DataError(f"row {r}, column {c}: {cell!r} is not a number")
            if not math.isfinite(float(cell)):
                raise DataError(f"row {r}, column {c} is {cell}, not a finite number")
            if not in_range(float(cell)):
                raise DataError(f"row {r}, column {c} is {cell}, outside the allowed range ±{MAX_VALUE:g}")
            data[r - 1, c - 1] = float(cell)
    return _make(data, n_inputs, kind, name, input_names, output_names)


def _make(
    data: Array,
    n_inputs: int,
    kind: str | None,
    name: str,
    input_names: Sequence[str] | None,
    output_names: Sequence[str] | None,
) -> Dataset:
    X, Y = data[:, :n_inputs], data[:, n_inputs:]
    kind = guess_kind(Y) if kind is None else kind
    if kind not in KINDS:
        raise DataError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    return Dataset(
        X,
        Y,
        kind=kind,
        name=name,
        input_names=list(input_names or []),
        output_names=list(output_names or []),
    )


# ----------------------------------------------------------------------- CSV
def _decode(raw: bytes, path: str) -> str:
    # Excel saves UTF-8 with a BOM, and on Korean Windows often CP949.
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(f"{path} is not a UTF-8 or CP949 text file")


def _delimiter(header_line: str) -> str:
    for candidate in (",", ";", "\t"):
        if candidate in header_line:
            return candidate
    return ","


def _number(cell: str, row: int, column: str) -> float:
    text = cell.strip()
    if not text:
        raise DataError(f"row {row}, column {column!r} is empty")
    try:
        value = float(text)
    except ValueError:
        raise DataError(f"row {row}, column {column!r}: {text!r} is not a number") from None
    if not math.isfinite(value):
        raise DataError(f"row {row}, column {column!r} is {text}, not a finite number")
    if not in_range(value):
        raise DataError(f"row {row}, column {column!r} is {text}, outside the allowed range ±{MAX_VALUE:g}")
    return value


def parse_csv(text: str, n_outputs: int = 1, kind: str | None = None, name: str = "data") -> Dataset:
    """A dataset from CSV text whose first row names the columns; the last ``n_outputs`` are targets.

    Rows are numbered as a spreadsheet does: the header is row 1.
    """
    lines = text.splitlines()
    first = next((s for s in lines if s.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first))
    header: list[str] | None = None
    values: list[list[float]] = []
    for row_no, cells in enumerate(reader, start=1):
        if not any(c.strip() for c in cells):
            continue  # blank line
        if header is None:
            header = [c.strip() for c in cells]
            if all(_is_number(c) for c in header):
                raise DataError(f"row {row_no} must be a header naming the columns, e.g. x1,x2,y")
            if any(not c for c in header):
                missing = header.index("") + 1
                raise DataError(f"row {row_no}: column {missing} of the header has no name")
            _check_shape(0, len(header), n_outputs)
            continue
        if len(cells) != len(header):
            raise DataError(f"row {row_no} has {len(cells)} cells, expected {len(header)} (one per header column)")
        if len(values) >= MAX_SAMPLES:
            raise DataError(f"at most {MAX_SAMPLES} samples are allowed (row {row_no} is one too many)")
        values.append([_number(c, row_no, header[j]) for j, c in enumerate(cells)])
    if header is None:
        raise DataError("the file is empty; it needs a header row and at least one data row")
    if not values:
        raise DataError("the file has a header but no data rows")
    n_inputs = len(header) - n_outputs
    return _make(np.array(values), n_inputs, kind, name, header[:n_inputs], header[n_inputs:])


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def read_csv(path: str | Path, n_outputs: int = 1, kind: str | None = None) -> Dataset:
    """Load a CSV file (header row first); the last ``n_outputs`` columns are targets.

    Raises :class:`DataError` naming the row and column of the first bad cell.
    """
    p = Path(path)
    if p.stat().st_size > MAX_CSV_BYTES:
        raise DataError(f"{p.name} is larger than {MAX_CSV_BYTES // (1024 * 1024)} MB")
    text = _decode(p.read_bytes(), p.name)
    return parse_csv(text, n_outputs=n_outputs, kind=kind, name=p.stem)


def _format(v: float) -> str:
    s = repr(float(v))  # the shortest text that reads back as the same float
    return s[:-2] if s.endswith(".0") else s


def csv_text(dataset: Dataset) -> str:
    """The dataset as CSV text: a header of input and output names, then one row per sample."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(dataset.input_names) + list(dataset.output_names))
    for x, y in zip(dataset.X, dataset.Y, strict=True):
        writer.writerow([_format(v) for v in x] + [_format(v) for v in y])
    return out.getvalue()


def write_csv(dataset: Dataset, path: str | Path) -> None:
    """Save ``dataset`` as CSV (all samples; the split is not part of a CSV), atomically."""
    from .fileformat import atomic_write_text  # fileformat is the one place that writes files

    atomic_write_text(Path(path), csv_text(dataset))


# ---------------------------------------------------------------------- Iris
def iris() -> Dataset:
    """Fisher's Iris flowers: 150 samples, 4 measurements in cm, 3 species one-hot.

    All samples start in the training part; see ``Dataset.resplit``.
    """
    ds = read_csv(IRIS_PATH, n_outputs=3, kind="classification")
    ds.name = "iris"
    return ds
