"""The recorder behind the "Inside the network" panel: parameter history, breakpoints, a past step on view.

It hangs two observers on the session's trainer (``trainer.observers``): the
bounded :class:`~model.param_history.ParamHistory` of every step's parameters
and the :class:`~model.breakpoints.Breakpoints`.  A trainer rebuilt by the
session (new settings, new data) is picked up again by :meth:`attach`, which
the panel calls on every session event.

A past step is shown *read-only*: the network takes that step's parameters,
the window's editing and training actions are disabled, and "back to now"
restores the present exactly.  "Continue from here" is one undo entry (a
:class:`~gui.commands.NetworkEditCommand` to the past parameters).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from gui.commands import NetworkEditCommand, push
from model import breakpoints as bp
from model.network import Network
from model.param_history import ParamHistory

if TYPE_CHECKING:
    from gui.controller import TrainingController
    from gui.session import Session


def hit_sentence(hit: bp.BreakpointHit) -> str:
    """One status sentence for a breakpoint hit, in the interface's language."""

    translate = QCoreApplication.translate  # each call names its context: pyside6-lupdate reads them literally
    step = str(hit.step)
    if hit.code == bp.UNIT_DIED:
        layer, unit = hit.where
        text = translate(
            "FlowRecorder", "Paused after step %1: neuron (%2, %3) died — its ReLU outputs 0 for every training sample."
        )
        return text.replace("%1", step).replace("%2", str(layer)).replace("%3", str(unit))
    if hit.code == bp.WEIGHT_SIGN_CHANGED:
        k, i, j = hit.where
        before, after = hit.values
        text = translate(
            "FlowRecorder",
            "Paused after step %1: the weight from node (%2, %3) to node (%4, %5) changed sign: %6 → %7.",
        )
        for key, value in (("%1", step), ("%2", k), ("%3", i), ("%4", k + 1), ("%5", j)):
            text = text.replace(key, str(value))
        return text.replace("%6", f"{before:.4g}").replace("%7", f"{after:.4g}")
    if hit.code == bp.TRAIN_ACCURACY_FULL:
        return translate(
            "FlowRecorder", "Paused after step %1: every training sample is classified right (training accuracy 100 %)."
        ).replace("%1", step)
    if hit.code == bp.VALIDATION_ROSE:
        epochs, first, last = hit.values
        text = translate(
            "FlowRecorder", "Paused after step %1: the validation loss rose %2 epochs in a row, from %3 to %4."
        )
        text = text.replace("%1", step).replace("%2", str(int(epochs)))
        return text.replace("%3", f"{first:.4g}").replace("%4", f"{last:.4g}")
    text = translate("FlowRecorder", "Paused after step %1: the loss diverged (%2).")
    return text.replace("%1", step).replace("%2", f"{hit.values[0]:.4g}" if hit.values else "?")


class FlowRecorder(QObject):
    """Keeps the history and breakpoints on the session's trainer; shows a past step read-only."""

    #: A breakpoint fired, or early stopping restored the best weights (a status sentence); training has paused.
    breakpoint_hit = Signal(str)
    #: A past step is on view (its number), or None: back to the present.
    preview_changed = Signal(object)

    def __init__(self, session: Session, controller: TrainingController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.controller = controller
        self.history = ParamHistory(session.network.sizes)
        self.breakpoints = bp.Breakpoints()
        self._trainer: Any = None
        self._present: dict[str, Any] | None = None  # the network as it is now, while a past step is shown
        self.preview_step: int | None = None
        self.attach()
        session.training_stopped.connect(self._on_session_training_stopped)
        controller.playing_changed.connect(self._on_controller_playing_changed)

    # ------------------------------------------------------------ observers
    def attach(self) -> None:
        """Hang the observers on the session's current trainer (again, after the session made a new one),
        with a new history when the network's structure changed (the old steps no longer fit it)."""
        trainer, net = self.session.trainer, self.session.network
        if trainer is self._trainer and net.sizes == self.history.sizes:
            return
        if self._trainer is not None:
            for observer in (self.history, self.breakpoints):
                if observer in self._trainer.observers:
                    self._trainer.observers.remove(observer)
        if net.sizes != self.history.sizes:
            self.history = ParamHistory(net.sizes, self.history.budget)
        self._trainer = trainer
        trainer.observers.extend([self.history, self.breakpoints])
        if self.history.latest is None or self.history.latest[0] != trainer.steps:
            self.history.record(trainer.steps, net.weights, net.biases)
        self.breakpoints.arm(trainer)

    def sync(self) -> None:
        """After any session event: follow a new trainer or structure, and report a breakpoint that fired."""
        if self.preview_step is not None:
            return
        self.attach()
        latest, steps = self.history.latest, self.session.steps
        if latest is not None and latest[0] > steps:
            # Training was undone (or stepped back): the history forgets the steps that no longer happened.
            net = self.session.network
            self.history.record(steps, net.weights, net.biases)
        hit = self.breakpoints.hit
        if hit is not None:
            self.breakpoints.hit = None
            self.controller.pause()
            self.breakpoint_hit.emit(hit_sentence(hit))

    def set_breakpoint(self, code: str, on: bool) -> None:
        (self.breakpoints.enabled.add if on else self.breakpoints.enabled.discard)(code)
        self.breakpoints.arm(self.session.trainer)

    def set_patience(self, epochs: int) -> None:
        self.breakpoints.patience = int(epochs)
        self.breakpoints.arm(self.session.trainer)

    def watch_weight(self, weight: tuple[int, int, int] | None) -> None:
        self.breakpoints.weight = weight
        self.breakpoints.arm(self.session.trainer)

    def _on_session_training_stopped(self, _reason: str) -> None:
        trainer = self.session.trainer
        if trainer.restored_epoch is not None:
            # Early stopping put the best epoch's weights back: that is the present the history ends on.
            net = self.session.network
            self.history.record(trainer.steps, net.weights, net.biases)
            text = QCoreApplication.translate(
                "FlowRecorder",
                "Early stopping: the validation loss stopped improving, so the weights after epoch %1, "
                "the best on the validation set, are back.",
            )
            self.breakpoint_hit.emit(text.replace("%1", str(trainer.restored_epoch + 1)))
        hit = self.breakpoints.after_stop(trainer)
        if hit is not None:
            self.breakpoints.hit = None
            self.breakpoint_hit.emit(hit_sentence(hit))

    def _on_controller_playing_changed(self, playing: bool) -> None:
        if playing:
            self.show_present()
            self.attach()
            self.breakpoints.arm(self.session.trainer)  # changes from here on fire

    # ------------------------------------------------------------ the past
    def _state_at(self, step: int) -> dict[str, Any]:
        weights, biases = self.history.params(step)
        state = (self._present or self.session.network.state()).copy()
        state["weights"], state["biases"] = weights, biases
        return state

    def show_step(self, step: int) -> None:
        """Show the network as it was after ``step`` (a kept step), read-only; the latest step is the present."""
        latest = self.history.latest
        if latest is not None and step >= latest[0]:
            self.show_present()
            return
        self.controller.pause()
        if self._present is None:
            self._present = self.session.network.state()
        self.preview_step = step
        self.session.restore_network(self._state_at(step))
        self.preview_changed.emit(step)

    def show_present(self) -> None:
        """Back to the network as it is now."""
        if self._present is None:
            return
        present, self._present = self._present, None
        self.preview_step = None
        self.session.restore_network(present)
        self.preview_changed.emit(None)

    def continue_from_here(self) -> bool:
        """Make the step on view the present: one undo entry (Ctrl+Z brings the present back)."""
        step = self.preview_step
        if step is None:
            return False
        past = self._state_at(step)
        self.show_present()
        text = QCoreApplication.translate("FlowRecorder", "continue from step %1").replace("%1", str(step))

        def restore(net: Network) -> None:
            net.restore(past)

        return push(self.session, NetworkEditCommand(self.session, text, restore))
