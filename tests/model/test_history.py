"""Bounded training history: exact until the budget, thinned evenly beyond it, min/max kept for drawing."""

from __future__ import annotations

import math

import numpy as np
import pytest

from model import Dataset, Network, Trainer, TrainingSettings
from model.history import DEFAULT_BUDGET, EpochHistory, History, LossHistory


def test_exact_until_the_budget():
    h = LossHistory(budget=64)
    values = [float(v) for v in np.random.default_rng(0).normal(size=64)]
    h.extend(values)
    assert list(h) == values and h.count == len(h) == 64 and h.stride == 1
    np.testing.assert_array_equal(h.numbers(), np.arange(64))
    np.testing.assert_array_equal(np.asarray(h), values)
    assert h[-1] == values[-1] and h.last == (values[-1],)


def test_thinned_evenly_with_every_spike_in_the_envelope():
    rng = np.random.default_rng(1)
    n, budget = 300_000, 4096
    values = rng.normal(size=n)
    values[123_457] = 1e6  # a spike on an event that thinning drops
    values[200_001] = math.nan
    h = LossHistory(budget=budget)
    for v in values:
        h.add(float(v))
    assert h.count == n and len(h) <= budget and h.stride == 128
    # Bounded: never more than the budget's rows (8 bytes) and min/max pairs (16 bytes).
    assert h.nbytes <= budget * (8 + 16)
    numbers = h.numbers()
    np.testing.assert_array_equal(numbers, np.arange(len(h)) * h.stride)
    np.testing.assert_array_equal(np.asarray(h), values[numbers])  # kept values are exact
    assert h.last == (values[-1],)
    first, lo, hi = h.envelope("loss", max_points=500)
    assert len(first) <= 500 and first[0] == 0
    bounds = [*first[1:].tolist(), n]
    for k in range(len(first)):
        chunk = values[first[k] : bounds[k]]
        assert lo[k] == np.nanmin(chunk) and hi[k] == np.nanmax(chunk)
    assert hi.max() == 1e6


def test_trainer_history_bytes_per_step_are_bounded():
    """A full-batch step is a step and an epoch: 6 floats kept, and nothing at all beyond the budget."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    tr = Trainer(
        Network([2, 3, 1], ["tanh", "sigmoid"], "bce"),
        Dataset(X, np.array([[0.0], [1], [1], [0]])),
        TrainingSettings(optimizer="sgd", lr=0.5, batch_size=0),
    )
    for _ in range(2000):
        assert tr.train_step()
    kept = tr.step_losses.nbytes + tr.history.nbytes
    # 8 bytes per step loss + 5 × 8 per epoch, in arrays that at most double while they grow.
    assert kept <= 2 * 2000 * (8 + 5 * 8)
    assert tr.step_losses.count == tr.history.count == tr.steps == 2000
    # The ceiling once thinning starts, whatever the number of steps: a few MB.
    assert DEFAULT_BUDGET * (8 + 16 + 5 * 8 + 2 * 16) <= 4 * 2**20


def test_epoch_history_reads_as_records_and_truncates_to_a_mark():
    h = EpochHistory(budget=8)
    for e in range(5):
        h.append((1.0 / (e + 1), math.nan, 0.5, math.nan, 0.1))
    mark = h.mark()
    for e in range(5, 20):  # thins twice
        h.append((1.0 / (e + 1), math.nan, 0.5, math.nan, 0.1))
    assert h.stride == 4 and [r.epoch for r in h] == [0, 4, 8, 12, 16]
    assert h.last_record is not None and h.last_record.epoch == 19
    h.truncate(mark)
    assert h.count == 5 and [r.epoch for r in h] == [0, 4] and h.last_record.epoch == 4  # type: ignore[union-attr]
    assert h[1].loss == 1.0 / 5


def test_truncate_without_thinning_is_exact():
    h = History(("a", "b"), ("a",), budget=4)
    for v in range(6):
        h.append((float(v), -float(v)))
    mark = h.mark()
    h.append((-100.0, 0.0))
    h.append((100.0, 0.0))
    h.truncate(mark)
    first, lo, hi = h.envelope("a")
    assert h.count == 6 and lo.tolist() == [0.0, 2.0, 4.0] and hi.tolist() == [1.0, 3.0, 5.0]
    np.testing.assert_array_equal(first, [0, 2, 4])


def test_budget_must_be_a_power_of_two():
    with pytest.raises(ValueError):
        LossHistory(budget=1000)


def test_curve_is_exact_while_it_fits_and_bounded_beyond():
    h = LossHistory(budget=4096)
    values = np.random.default_rng(2).uniform(size=100_000)
    values[77_777] = 9.0  # a spike between kept rows
    for v in values[:500]:
        h.add(float(v))
    x, y = h.curve("loss", max_groups=512)
    np.testing.assert_array_equal(x, np.arange(500))
    np.testing.assert_array_equal(y, values[:500])
    for v in values[500:]:
        h.add(float(v))
    x, y = h.curve("loss", max_groups=512)
    assert len(x) == len(y) <= 2 * 512 and np.all(np.diff(x) >= 0)
    assert y.max() == 9.0 and y.min() == values.min()


def test_envelope_called_while_the_history_grows_equals_one_computed_afresh():
    """envelope() reuses the groups it reduced before: through growth, thinning and truncation."""
    rng = np.random.default_rng(5)
    h = LossHistory(budget=512)
    for step in range(20_000):
        h.add(float(rng.normal()))
        if step % 997 == 0:
            mark = h.mark()
            h.add(1e9)
            h.truncate(mark)
        if step % 61 == 0:
            first, lo, hi = h.envelope("loss", max_points=100)
            h._env_cache.clear()
            first2, lo2, hi2 = h.envelope("loss", max_points=100)
            np.testing.assert_array_equal(first, first2)
            np.testing.assert_array_equal(lo, lo2)
            np.testing.assert_array_equal(hi, hi2)
