"""The one selection of a window: the node or weight the student points at, and the sample they look at.

The canvas and the inspector both read this model (neither keeps a copy):

* :attr:`SelectionModel.current`: a typed id (:class:`model.ids.NodeId`,
  :class:`~model.ids.WeightId`, :class:`~model.ids.BiasId`) or None.  Legacy
  tuples (``("node", l, j)``, ``("edge", k, i, j)``) are accepted and compare
  equal to the ids.
* :attr:`SelectionModel.sample`: the dataset row picked in the sample table;
  in mini-batch mode the canvas shows that sample's numbers (the step still
  trains on the batch).  :meth:`shown` gives the view and row to display.

While stepping, the selection follows the phase: after each phase it moves
to the first node or weight the phase produced (:func:`model.ids.phase_focus`)
unless what the *user* selected belongs to that phase, so the inspector
explains what was just computed without another click.

``changed`` is emitted (only here) when the selection changes, ``sample_changed``
when the sample does (the numbers shown change: views refresh).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from gui.session import Session
from model.explain_view import sample_forward, shown_row
from model.ids import Id, as_id, in_phase, phase_focus
from model.stepper import StepView


class SelectionModel(QObject):
    """What is selected in one window; see the module docstring."""

    changed = Signal()
    sample_changed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._current: Id | None = None
        self._by_user = False  # False: the selection is where following the phase put it
        self._sample: int | None = None
        self._seen_step: StepView | None = None  # the step view the selection last followed
        self._shown_cache: tuple[object, int | None, StepView] | None = None
        session.structure_changed.connect(self._on_session_structure_changed)
        session.values_changed.connect(self._on_session_values_changed)
        session.document_replaced.connect(self._on_session_document_replaced)

    # ------------------------------------------------------------ the node or weight
    @property
    def current(self) -> Id | None:
        return self._current

    def select(self, value: Any) -> bool:
        """Select a node or weight (an id or a legacy tuple) or nothing (None); False if it names nothing here."""
        new = None if value is None else as_id(value, self.session.network.sizes)
        if new is not None and new.kind == "bias":
            new = as_id(("node", new[1], new[2]))  # the canvas shows a bias on its node
        ok = value is None or new is not None
        self._by_user = new is not None
        if new != self._current:
            self._current = new
            self.changed.emit()
        return ok

    # ------------------------------------------------------------ the sample
    @property
    def sample(self) -> int | None:
        """The dataset row picked in the table (None: the first of the batch)."""
        return self._sample

    def set_sample(self, row: int | None) -> None:
        row = None if row is None or not 0 <= int(row) < self.session.dataset.n else int(row)
        if row != self._sample:
            self._sample = row
            self._shown_cache = None
            self.sample_changed.emit()

    def shown(self) -> tuple[StepView, int]:
        """(view, row): the records and the batch row the canvas and the inspector show.

        The picked sample's row when it is in the step's batch; before a step begins, a sample outside the
        batch gets its own forward pass; otherwise the first row of the batch.
        """
        s = self.session
        view = s.view()
        sample = self._sample if s.scope is None else None
        row = shown_row(view, sample)
        if row is not None:
            return view, row
        if sample is not None and not s.stepping and sample < s.dataset.n:
            cached = self._shown_cache
            if cached is None or cached[0] is not view or cached[1] != sample:
                cached = self._shown_cache = (view, sample, sample_forward(s.network, s.dataset, sample))
            return cached[2], 0
        return view, 0

    # ------------------------------------------------------------ following the session
    def _on_session_structure_changed(self) -> None:
        if self._current is not None and as_id(self._current, self.session.network.sizes) is None:
            self._current = None
            self.changed.emit()

    def _on_session_document_replaced(self) -> None:
        self._sample = None
        self._shown_cache = None
        self._seen_step = None
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def _on_session_values_changed(self) -> None:
        self._shown_cache = None
        view = self.session.stepper.view
        if view is self._seen_step:
            return
        self._seen_step = view
        if view is None:
            return
        p, sizes = view.phase, self.session.network.sizes
        if self._by_user and in_phase(self._current, p.kind, p.layer, p.node, sizes):
            return
        self._by_user = False
        focus = phase_focus(p.kind, p.layer, p.node, sizes)
        if focus is not None and focus != self._current:
            self._current = focus
            self.changed.emit()
