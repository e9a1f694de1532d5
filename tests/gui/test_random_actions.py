"""A seeded random walk through the window: ~300 mixed actions must leave no exception and a sane state.

Exceptions raised inside Qt slots do not propagate to the caller of
``action.trigger()``; they go to ``sys.excepthook``, which
``qtbot.capture_exceptions()`` records for the duration of the walk.  With
``filterwarnings = error`` a numpy overflow warning inside a slot counts too.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication

from gui.commands import NetworkEditCommand, SetParameterCommand, SetSettingCommand, push
from model import optimizers, presets
from tests.gui.conftest import network_finite

SEEDS = [20240601, 7]
N_ACTIONS = 300
TIME_BUDGET_S = 20.0  # per seed; an unloaded 2-core machine needs 2-5 s for 300 actions
MIN_ACTIONS = 60
INSPECTOR_TEXTS = ["0.5", "-2", "1e3", "0,25", "abc", "", "nan", "inf", "1e999", "−1.5"]


def process_for(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QCoreApplication.processEvents()


class Walker:
    """Picks and performs one random action at a time; ``log`` says what was done (for a failure report)."""

    def __init__(self, window, rng: random.Random, folder: Path) -> None:  # noqa: ANN001
        self.w = window
        self.rng = rng
        self.folder = folder
        self.log: list[str] = []
        self.actions: list[tuple[int, Callable[[], None]]] = [
            (6, self.edit_weight),
            (4, self.edit_via_inspector),
            (8, self.step_forward),
            (3, self.step_back),
            (3, self.finish_step),
            (2, self.epoch),
            (3, self.play_burst),
            (5, self.undo),
            (3, self.redo),
            (3, self.add_neuron),
            (3, self.remove_neuron),
            (2, self.add_layer),
            (2, self.remove_layer),
            (1, self.set_activation),
            (3, self.toggle),
            (1, self.switch_preset),
            (2, self.change_optimizer),
            (2, self.change_lr),
            (2, self.change_batch_size),
            (3, self.select),
            (1, self.reset),
            (1, self.randomize),
            (1, self.change_loss),
            (1, self.set_scope),
            (2, self.edit_while_playing),
            (1, self.save_and_reopen),
            (1, self.change_precision),
        ]
        self.weights = [weight for weight, _ in self.actions]

    @property
    def s(self):  # noqa: ANN201 - the Session
        return self.w.session

    def run_one(self) -> None:
        _, action = self.rng.choices(self.actions, weights=self.weights)[0]
        self.log.append(action.__name__)
        action()

    # -------------------------------------------------------------- edits
    def _random_parameter(self) -> tuple[str, int, int, int]:
        net = self.s.network
        k = self.rng.randrange(net.n_layers)
        if self.rng.random() < 0.8:
            return ("W", k, self.rng.randrange(net.sizes[k]), self.rng.randrange(net.sizes[k + 1]))
        return ("b", k, 0, self.rng.randrange(net.sizes[k + 1]))

    def edit_weight(self) -> None:
        key = self._random_parameter()
        push(self.s, SetParameterCommand(self.s, *key, self.rng.uniform(-3, 3), nudge=self.rng.random() < 0.3))

    def edit_via_inspector(self) -> None:
        kind, k, i, j = self._random_parameter()
        self.w.select(("edge", k, i, j) if kind == "W" else ("node", k + 1, j))
        text = self.rng.choice(INSPECTOR_TEXTS)
        self.log[-1] += f"({text!r})"
        self.w.inspector.value_edit.setText(text)
        self.w.inspector.apply_button.click()

    def _edit(self, text: str, edit: Callable) -> None:  # noqa: ANN001
        push(self.s, NetworkEditCommand(self.s, text, edit))

    def _hidden_layer(self) -> int | None:
        L = self.s.network.n_layers
        return self.rng.randrange(1, L) if L > 1 else None

    def add_neuron(self) -> None:
        layer = self._hidden_layer() or 1  # layer 1 of a single-layer net is refused with a message
        self._edit("add neuron", lambda n: n.add_neuron(layer))

    def remove_neuron(self) -> None:
        layer = self._hidden_layer() or 1
        j = self.rng.randrange(self.s.network.sizes[layer]) if layer < len(self.s.network.sizes) else 0
        self._edit("remove neuron", lambda n: n.remove_neuron(layer, j))

    def add_layer(self) -> None:
        at = self.rng.randrange(1, self.s.network.n_layers + 1)
        size = self.rng.randint(1, 4)
        act = self.rng.choice(["relu", "tanh", "sigmoid", "linear"])
        self._edit("insert layer", lambda n: n.insert_layer(at, size, act))

    def remove_layer(self) -> None:
        layer = self._hidden_layer() or 1
        self._edit("remove layer", lambda n: n.remove_layer(layer))

    def set_activation(self) -> None:
        k = self.rng.randrange(self.s.network.n_layers)
        name = self.rng.choice(["relu", "tanh", "sigmoid", "linear", "leaky_relu", "softmax", "step"])
        self._edit("activation", lambda n: n.set_activation(k, name))

    # ----------------------------------------------------------- training
    def step_forward(self) -> None:
        self.w.action("step_forward").trigger()

    def step_back(self) -> None:
        self.w.action("step_back").trigger()

    def finish_step(self) -> None:
        self.w.action("finish_step").trigger()

    def epoch(self) -> None:
        if self.s.trainer.batch_size < 8 and len(self.s.dataset.X) > 50:
            return  # 150 single-sample steps of the softmax lesson are slow for nothing
        self.w.action("train_epoch").trigger()

    def play_burst(self) -> None:
        play = self.w.action("play")
        play.trigger()
        process_for(0.02)
        if self.w.controller.playing:  # it may have paused itself (divergence)
            play.trigger()
        assert not self.w.controller.playing

    def edit_while_playing(self) -> None:
        """Edits arrive between Play's ticks: they must apply between steps, never crash a tick."""
        play = self.w.action("play")
        play.trigger()
        process_for(0.01)
        self.rng.choice([self.edit_weight, self.add_neuron, self.remove_neuron, self.change_lr, self.undo])()
        process_for(0.01)
        if self.w.controller.playing:
            play.trigger()

    def undo(self) -> None:
        self.w.action("undo").trigger()

    def redo(self) -> None:
        self.w.action("redo").trigger()

    def reset(self) -> None:
        self.w.action("reset").trigger()

    def randomize(self) -> None:
        self.w.action("randomize").trigger()

    # ------------------------------------------------------ view & settings
    def toggle(self) -> None:
        name = self.rng.choice(["detailed", "backward_view", "thumbnails", "log_scale", "fit", "zoom_in", "zoom_out"])
        self.log[-1] += f"({name})"
        self.w.action(name).trigger()

    def select(self) -> None:
        net = self.s.network
        if self.rng.random() < 0.5:
            layer = self.rng.randrange(len(net.sizes))
            self.w.select(("node", layer, self.rng.randrange(net.sizes[layer])))
        else:
            k = self.rng.randrange(net.n_layers)
            self.w.select(("edge", k, self.rng.randrange(net.sizes[k]), self.rng.randrange(net.sizes[k + 1])))
        assert self.w.inspector_text()

    def switch_preset(self) -> None:
        name = self.rng.choice(presets.PRESETS)
        self.log[-1] += f"({name})"
        self.w.action(f"example_{name}").trigger()
        assert self.s.undo_stack.count() == 0

    def change_optimizer(self) -> None:
        combo = self.w.training_panel.optimizer
        index = self.rng.randrange(len(optimizers.NAMES))
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        assert self.s.settings.optimizer == optimizers.NAMES[index]

    def change_loss(self) -> None:
        combo = self.w.training_panel.loss
        index = self.rng.randrange(combo.count())
        combo.setCurrentIndex(index)
        combo.activated.emit(index)

    def set_scope(self) -> None:
        n = self.s.dataset.n
        self.s.set_scope(self.rng.choice([None, self.rng.randrange(n)]) if n else None)

    def save_and_reopen(self) -> None:
        path = self.folder / f"walk{len(self.log)}.json"
        before = [w.copy() for w in self.s.network.weights]
        assert self.w.files.save_to(path)
        assert self.w.files.open_path(path)
        assert all(np.array_equal(a, b) for a, b in zip(before, self.s.network.weights, strict=True))

    def change_precision(self) -> None:
        self.w.precision_box.setValue(self.rng.randint(2, 12))

    def change_lr(self) -> None:
        push(self.s, SetSettingCommand(self.s, "lr", self.rng.choice([0.001, 0.01, 0.1, 0.5, 2.0])))

    def change_batch_size(self) -> None:
        field = self.w.training_panel.fields["batch_size"][0]
        field.setText(self.rng.choice(["0", "1", "2", "3", "-1", "x"]))
        field.editingFinished.emit()


def check_invariants(window) -> None:  # noqa: ANN001
    s = window.session
    net = s.network
    assert network_finite(window)
    assert len(net.weights) == len(net.sizes) - 1
    for k, w in enumerate(net.weights):
        assert w.shape == (net.sizes[k], net.sizes[k + 1])
        assert net.biases[k].shape == (net.sizes[k + 1],)
    stack = s.undo_stack
    assert 0 <= stack.index() <= stack.count()
    assert window.isWindowModified() == (not stack.isClean())
    assert not window.controller.playing


@pytest.mark.parametrize("seed", SEEDS)
def test_random_walk(make_window, qtbot, tmp_path, seed) -> None:  # noqa: ANN001
    window = make_window("xor_train")
    walker = Walker(window, random.Random(seed), tmp_path)
    start = time.perf_counter()
    with qtbot.capture_exceptions() as exceptions:
        for n in range(N_ACTIONS):
            try:
                walker.run_one()
                check_invariants(window)
            except Exception as exc:  # noqa: BLE001 - re-raised with the path that led here
                raise AssertionError(f"action {n} failed after {walker.log[-12:]}: {exc!r}") from exc
            assert not exceptions, f"exception in a Qt slot at action {n} after {walker.log[-12:]}: {exceptions[0]}"
            if time.perf_counter() - start > TIME_BUDGET_S:
                break  # a loaded machine walks less far rather than failing on time (no timed assertions)
    assert not exceptions
    assert len(walker.log) >= MIN_ACTIONS

    # Every refused structure edit stayed off the stack.
    stack = window.session.undo_stack
    for i in range(stack.count()):
        command = stack.command(i)
        assert not getattr(command, "failed", False) and command.text()

    # Undo/redo are deterministic: all the way down and up twice gives the same two states.
    def weights() -> list[np.ndarray]:
        return [w.copy() for w in window.session.network.weights]

    def same(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
        return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))

    stack.setIndex(0)
    bottom = weights()
    stack.setIndex(stack.count())
    top = weights()
    stack.setIndex(0)
    assert same(bottom, weights())
    stack.setIndex(stack.count())
    assert same(top, weights())
    check_invariants(window)
    # And the window still works.
    window.action("detailed").setChecked(False)
    window.action("finish_step").trigger()
    assert window.session.phase in ("update", "ready")
    assert not exceptions
