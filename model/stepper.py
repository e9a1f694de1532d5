"""One training step, taken one phase at a time, forwards and backwards.

A step on a batch (or a single sample) runs through these phases:

    forward l      for l = 1..L   (in detailed mode: forward l node j, node by node)
    loss           the loss and dL/dy
    delta l        dL/dz of layer l, for l = L..1
    gradient l     dL/dW and dL/db of the weights into layer l, and dL/da of layer l-1
    update         the optimizer step

Every phase leaves an immutable :class:`StepView` of what has been computed so
far; step back returns to the previous view and, across an update (or the
start of a step, which takes a batch), restores the trainer's state exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from . import activations as act
from .messages import Message
from .network import ForwardRecord, GradientRecord
from .trainer import Trainer

Array = np.ndarray

#: How many phases step back can undo.
HISTORY_LIMIT = 2000


@dataclass(frozen=True)
class Phase:
    """Where a step is: ``kind`` is one of ready, forward, loss, delta, gradient, update.

    ``layer`` is the layer l the phase works on; ``node`` the node j in
    detailed forward mode (-1 = the whole layer).
    """

    kind: str = "ready"
    layer: int = 0
    node: int = -1

    def __str__(self) -> str:
        if self.kind in ("ready", "loss", "update"):
            return self.kind
        if self.node >= 0:
            return f"{self.kind} {self.layer}.{self.node}"
        return f"{self.kind} {self.layer}"


@dataclass(frozen=True)
class StepView:
    """What is known after a phase.

    * ``indices`` (n,): the dataset rows of this step's batch; ``X`` (n, d), ``T`` (n, m) targets.
    * ``z``, ``a``: per layer, computed layers only (layer 0 = X); arrays (n, sizes[l]).
      In detailed mode the last layer may be partly computed: ``nodes_done`` says how many.
    * ``loss``: None until the loss phase.
    * ``da``, ``delta``: {layer l: (n, sizes[l])}; ``dW``, ``db``: {k: like weights[k], biases[k]}.
    * ``weights_before``, ``biases_before``: the parameters this step's gradients were taken at.
    * ``change_W``, ``change_b``: {k: new - old} once the update has run.
    """

    phase: Phase
    indices: Array
    X: Array
    T: Array
    z: tuple[Array, ...] = ()
    a: tuple[Array, ...] = ()
    nodes_done: int = -1
    loss: float | None = None
    da: dict[int, Array] = field(default_factory=dict)
    delta: dict[int, Array] = field(default_factory=dict)
    dW: dict[int, Array] = field(default_factory=dict)
    db: dict[int, Array] = field(default_factory=dict)
    weights_before: tuple[Array, ...] = ()
    biases_before: tuple[Array, ...] = ()
    change_W: dict[int, Array] = field(default_factory=dict)
    change_b: dict[int, Array] = field(default_factory=dict)

    def forward_record(self) -> ForwardRecord | None:
        """The full forward record once every layer is done, else None."""
        if len(self.z) < len(self.weights_before) + 1 or self.nodes_done >= 0:
            return None
        return ForwardRecord(self.z, self.a)

    def gradient_record(self) -> GradientRecord | None:
        """The full gradient record once the backward pass has reached layer 1, else None."""
        L = len(self.weights_before)
        if self.loss is None or 0 not in self.delta or len(self.dW) < L:
            return None
        return GradientRecord(
            loss=self.loss,
            targets=self.T,
            da=tuple(self.da[l] for l in range(L + 1)),
            delta=tuple(self.delta[l] for l in range(L + 1)),
            dW=tuple(self.dW[k] for k in range(L)),
            db=tuple(self.db[k] for k in range(L)),
        )


class Stepper:
    """Steps the trainer's network one phase at a time.

    ``sample``: a dataset row to step on alone, or None for the trainer's next
    mini-batch.  ``detailed``: forward node by node.
    """

    def __init__(self, trainer: Trainer, sample: int | None = None, detailed: bool = False) -> None:
        self.trainer = trainer
        self.sample = sample
        self.detailed = detailed
        self.view: StepView | None = None  # None = ready, no step begun
        self._history: list[tuple[StepView | None, dict[str, Any] | None]] = []
        self.message: Message | None = None  # why the last request did nothing (or a warning about it)

    @property
    def network(self):  # noqa: ANN201 - a Network
        return self.trainer.network

    @property
    def phase(self) -> Phase:
        return self.view.phase if self.view is not None else Phase()

    @property
    def in_step(self) -> bool:
        """True between the first forward phase and the update."""
        return self.view is not None and self.view.phase.kind != "update"

    @property
    def next_phase(self) -> Phase:
        """The phase :meth:`forward_step` would run next ("update" means the parameters change)."""
        return self._next_phase(self.view)

    # ---------------------------------------------------------------- driving
    def _next_phase(self, view: StepView | None) -> Phase:
        L = self.network.n_layers
        if view is None or view.phase.kind == "update":
            return Phase("forward", 1, 0 if self.detailed else -1)
        p = view.phase
        if p.kind == "forward":
            if p.node >= 0 and p.node + 1 < self.network.sizes[p.layer]:
                return Phase("forward", p.layer, p.node + 1)
            if p.layer < L:
                return Phase("forward", p.layer + 1, 0 if p.node >= 0 else -1)
            return Phase("loss")
        if p.kind == "loss":
            return Phase("delta", L)
        if p.kind == "delta":
            return Phase("gradient", p.layer)
        if p.kind == "gradient":
            return Phase("delta", p.layer - 1) if p.layer > 1 else Phase("update")
        raise AssertionError(p)

    def forward_step(self) -> bool:
        """Advance one phase. False (with ``message``) if training has stopped."""
        self.message = None
        if self.trainer.stop_reason is not None:
            self.message = self.trainer.stop_reason
            return False
        phase = self._next_phase(self.view)
        starts = phase.kind == "forward" and (self.view is None or self.view.phase.kind == "update")
        snap = self.trainer.snapshot() if starts or phase.kind == "update" else None
        try:
            new_view = self._run(phase, self._begin() if starts else self.view)
        except _Refused as exc:
            self.message = exc.message
            return False
        self._history.append((self.view, snap))
        del self._history[:-HISTORY_LIMIT]
        self.view = new_view
        return True

    def back_step(self) -> bool:
        """Return to the previous phase, restoring parameters across an update."""
        self.message = None
        if not self._history:
            self.message = Message("nothing_to_step_back")
            return False
        view, snap = self._history.pop()
        if snap is not None:
            self.trainer.restore(snap)
        self.view = view
        return True

    def finish_step(self) -> bool:
        """Run phases until the update has been applied (a whole step if none is under way)."""
        if not self.forward_step():
            return False
        while self.view is not None and self.view.phase.kind != "update":
            if not self.forward_step():
                return False
        return True

    def forget(self) -> None:
        """Drop the step under way and the history (after an edit makes them stale)."""
        self.view = None
        self._history.clear()

    # ----------------------------------------------------------------- phases
    def rows(self) -> Array:
        """Dataset rows (n,) the next step works on: the chosen sample, or the trainer's next mini-batch."""
        if self.sample is not None:
            return np.array([self.sample])
        return self.trainer.peek_batch()

    def _start(self, idx: Array) -> StepView:
        """A view of rows ``idx`` (n,) before any phase: inputs, targets, the parameters it starts from."""
        net, data = self.network, self.trainer.dataset
        X = data.X[idx]
        return StepView(
            phase=Phase(),
            indices=idx,
            X=X,
            T=net.targets(data.Y[idx]),
            z=(X,),
            a=(X,),
            weights_before=tuple(w.copy() for w in net.weights),
            biases_before=tuple(b.copy() for b in net.biases),
        )

    def _begin(self) -> StepView:
        idx = self.rows()
        if len(idx) == 0:
            raise _Refused(Message("no_training_samples"))
        return self._start(idx)

    def preview(self) -> StepView:
        """What the display shows between steps: the next step's rows forward at the current parameters.

        The phase is "ready" and every layer is computed.  Without training rows it
        shows the data set's first row, so the display is never empty.
        """
        idx = self.rows()
        if len(idx) == 0:
            idx = np.arange(min(1, self.trainer.dataset.n))
        view = self._start(idx)
        fwd = self.network.forward(view.X)
        return replace(view, z=fwd.z, a=fwd.a)

    def _run(self, phase: Phase, v: StepView) -> StepView:
        net = self.network
        if phase.kind == "forward":
            k = phase.layer - 1
            if phase.node < 0:
                z, a = net.forward_layer(k, v.a[k])
                return replace(v, phase=phase, z=v.z + (z,), a=v.a + (a,), nodes_done=-1)
            z_full, a_full = net.forward_layer(k, v.a[k])
            j = phase.node
            done = j + 1
            if done == net.sizes[phase.layer]:
                # Layer complete: keep the exact full arrays (softmax needs the whole row).
                return replace(
                    v, phase=phase, z=v.z[: phase.layer] + (z_full,), a=v.a[: phase.layer] + (a_full,), nodes_done=-1
                )
            z = np.where(np.arange(z_full.shape[1]) < done, z_full, np.nan)
            a = np.where(np.arange(a_full.shape[1]) < done, a_full, np.nan)
            return replace(v, phase=phase, z=v.z[: phase.layer] + (z,), a=v.a[: phase.layer] + (a,), nodes_done=done)
        if phase.kind == "loss":
            fwd = ForwardRecord(v.z, v.a)
            loss = net.loss_value(fwd, v.T)
            return replace(v, phase=phase, loss=loss, da={net.n_layers: net.output_delta(fwd, v.T)[0]})
        if phase.kind == "delta":
            l = phase.layer
            fwd = ForwardRecord(v.z, v.a)
            if l == net.n_layers:
                delta = net.output_delta(fwd, v.T)[1]
            else:
                delta = act.backprop_through(net.activations[l - 1], v.z[l], v.a[l], v.da[l])
            return replace(v, phase=phase, delta={**v.delta, l: delta})
        if phase.kind == "gradient":
            l = phase.layer
            fwd = ForwardRecord(v.z, v.a)
            dW, db, da_prev, delta_prev = net.backward_layer(l, fwd, v.delta[l])
            delta = dict(v.delta)
            if l == 1:
                delta[0] = delta_prev  # dLoss/dX comes for free with the first layer's gradients
            return replace(
                v, phase=phase, dW={**v.dW, l - 1: dW}, db={**v.db, l - 1: db}, da={**v.da, l - 1: da_prev}, delta=delta
            )
        if phase.kind == "update":
            g = v.gradient_record()
            assert g is not None
            tr = self.trainer
            # Stepping by hand, a growing loss is the lesson (a learning rate too large
            # overshoots): only a non-finite loss or update is refused; Play stops earlier.
            warning = tr.divergence(g.loss) if math.isfinite(g.loss) else None
            if not tr.apply(g, advance=self.sample is None, output=v.a[-1], check=not math.isfinite(g.loss)):
                raise _Refused(tr.stop_reason or Message("update_refused"))
            if warning is not None:
                self.message = Message("diverging", (float(g.loss),))
            change_W = {k: net.weights[k] - v.weights_before[k] for k in range(net.n_layers)}
            change_b = {k: net.biases[k] - v.biases_before[k] for k in range(net.n_layers)}
            return replace(v, phase=phase, change_W=change_W, change_b=change_b)
        raise AssertionError(phase)


class _Refused(Exception):
    """A phase that cannot run; its message is shown to the user."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message
