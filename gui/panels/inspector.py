"""The inspector: the chain-rule arithmetic of the selected node or weight, with every number.

It reads the window's :class:`gui.selection.SelectionModel` (what is selected,
and which sample is shown) and :class:`gui.view_settings.ViewSettings`
(digits); while stepping, the selection model moves to what each phase
produced, so the inspector explains the phase's own numbers without a click.
The value field shows a parameter as :func:`model.numfmt.edit_text` writes it
(8.612, not 8.611999999999998) and pressing Enter on unchanged text changes
nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import model_text
from gui.commands import SetParameterCommand, push
from gui.controller import PlayThrottle
from gui.lab.inspector_check import GradientCheckLine
from gui.model_text import phase as phase_text
from gui.selection import SelectionModel
from gui.session import Session
from gui.validation import InputError, parse_finite
from gui.view_settings import ViewSettings
from model import explain
from model.ids import in_phase

Selection = tuple | None


class Inspector(QWidget):
    """Shows z = Σ w·a + b, a = f(z), δ, ∂L/∂w and the update for the selection, and edits its value."""

    value_refused = Signal(str)

    def __init__(
        self,
        session: Session,
        settings: ViewSettings | None = None,
        selection: SelectionModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings if settings is not None else ViewSettings(parent=self)
        self.selection_model = selection if selection is not None else SelectionModel(session, self)
        self._field_text = ""  # what refresh() put in the value field: Enter on it unchanged changes nothing
        self.title = QLabel()
        self.title.setWordWrap(True)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(mono)
        self.value_label = QLabel()
        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("inspector_value")
        self.apply_button = QPushButton()
        self.error = QLabel()
        self.error.setObjectName("inspector_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b2182b;")
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.value_label)
        row.addWidget(self.value_edit, 1)
        row.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.gradient_check = GradientCheckLine(session)  # the gradient lab's line: backprop vs central difference
        layout.addWidget(self.gradient_check)
        self.value_edit.returnPressed.connect(self._apply)
        self.apply_button.clicked.connect(self._apply)
        self.value_edit.textEdited.connect(lambda _t: self._show_error(""))
        self.throttle = PlayThrottle()
        session.values_changed.connect(self._on_session_values_changed)
        session.structure_changed.connect(self.refresh)
        self.settings.changed.connect(self.refresh)
        self.selection_model.changed.connect(self._on_selection_changed)
        self.selection_model.sample_changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.value_label.setText(self.tr("Value:"))
        self.apply_button.setText(self.tr("Set"))
        self.value_edit.setToolTip(self.tr("Type a number and press Enter"))
        self.refresh()

    # ---------------------------------------------------------------- showing
    @property
    def selection(self) -> Selection:
        return self.selection_model.current

    def set_selection(self, selection: Selection) -> None:
        self.selection_model.select(selection)

    @property
    def precision(self) -> int:
        return self.settings.precision

    def set_precision(self, digits: int) -> None:
        self.settings.set_precision(digits)

    def _on_selection_changed(self) -> None:
        self._show_error("")
        self.refresh()

    def set_playing(self, on: bool) -> None:
        """While playing, follow the values at most every SLOW_PANEL_INTERVAL_S; exactly again on pause."""
        if self.throttle.set_playing(on):
            self.refresh()

    def _on_session_values_changed(self) -> None:
        if not self.throttle.hold():
            self.refresh()

    def _selection_exists(self) -> bool:
        sel, sizes = self.selection, self.session.network.sizes
        if sel is None:
            return True
        if sel[0] == "node":
            _, l, j = sel
            return l < len(sizes) and j < sizes[l]
        _, k, i, j = sel
        return k < len(sizes) - 1 and i < sizes[k] and j < sizes[k + 1]

    def _parameter(self) -> tuple[str, int, int, int] | None:
        """The editable parameter behind the selection: ("W", k, i, j) or ("b", k, 0, j)."""
        sel = self.selection
        if sel is None:
            return None
        if sel[0] == "edge":
            return ("W", sel[1], sel[2], sel[3])
        if sel[1] == 0:
            return None  # inputs have no bias
        return ("b", sel[1] - 1, 0, sel[2])

    def heading(self) -> str:
        sel, net = self.selection, self.session.network
        if sel is None:
            return self.tr("Click a node or a weight to see its numbers.")
        if sel[0] == "node":
            _, l, j = sel
            if l == 0:
                return (
                    self.tr("Input node %1 (%2)")
                    .replace("%1", str(j))
                    .replace("%2", self.session.dataset.input_names[j] if j < self.session.dataset.n_inputs else "")
                )
            if l == net.n_layers:
                return self.tr("Output node (%1, %2)").replace("%1", str(l)).replace("%2", str(j))
            return self.tr("Hidden node (%1, %2): layer %1, neuron %2").replace("%1", str(l)).replace("%2", str(j))
        _, k, i, j = sel
        return (
            self.tr("Weight (%1, %2, %3): from node (%1, %2) to node (%4, %3)")
            .replace("%1", str(k))
            .replace("%2", str(i))
            .replace("%3", str(j))
            .replace("%4", str(k + 1))
        )

    def lines(self) -> list[str]:
        sel = self.selection
        if sel is None or not self._selection_exists():
            return []
        s = self.session
        view, row = self.selection_model.shown()
        p = self.precision
        if sel[0] == "node":
            _, l, j = sel
            out = explain.node_lines(s.network, view, l, j, row=row, precision=p, say=model_text.message)
            if l > 0 and s.network.bias[l - 1]:
                out += [""] + explain.bias_lines(
                    s.network, view, l, j, row=row, precision=p, optimizer=s.trainer.optimizer, say=model_text.message
                )
            return out
        _, k, i, j = sel
        return explain.edge_lines(
            s.network, view, k, i, j, row=row, precision=p, optimizer=s.trainer.optimizer, say=model_text.message
        )

    def _preamble(self) -> list[str]:
        """What the lines are about: the phase that just produced them, and the sample of the batch shown."""
        out = []
        sel, s = self.selection, self.session
        phase = s.stepper.view.phase if s.stepper.view is not None else None
        if (
            sel is not None
            and phase is not None
            and in_phase(sel, phase.kind, phase.layer, phase.node, s.network.sizes)
        ):
            out.append(self.tr("Just computed in the phase %1:").replace("%1", phase_text(str(phase))))
        view, row = self.selection_model.shown()
        n = len(view.indices)
        if sel is not None and n > 1:
            out.append(
                self.tr("Values of sample #%1 (row %3 of the batch of %2):")
                .replace("%1", str(int(view.indices[row])))
                .replace("%2", str(n))
                .replace("%3", str(row + 1))
            )
        return out

    def refresh(self) -> None:
        self.throttle.refreshed()
        self.title.setText(self.heading())
        lines = self.lines()
        if lines or self.selection is not None:
            lines = self._preamble() + lines
        if "step" in self.session.network.activations and self.selection is not None:
            lines.append("")
            lines.append(
                self.tr(
                    "A step layer passes no gradient back (its derivative is 0): the weights into it, "
                    "and everything before it, get 0."
                )
            )
        text = "\n".join(lines)
        if text != self.text.toPlainText():  # unchanged text: no relayout, and the scroll position stays
            self.text.setPlainText(text)
        param = self._parameter()
        editable = param is not None
        for w in (self.value_label, self.value_edit, self.apply_button):
            w.setEnabled(editable)
        if editable and not self.value_edit.hasFocus():
            self._field_text = self.settings.edit_text(self.session.parameter(*param))
            self.value_edit.setText(self._field_text)
        elif not editable:
            self._field_text = ""
            self.value_edit.clear()
        self.gradient_check.set_parameter(param)

    def text_content(self) -> str:
        """Everything the inspector shows, as plain text (the scripting surface)."""
        return self.title.text() + "\n" + self.text.toPlainText()

    # ---------------------------------------------------------------- editing
    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.value_edit.setStyleSheet("border: 2px solid #b2182b;" if message else "")

    def _apply(self) -> None:
        param = self._parameter()
        if param is None:
            return
        if self.value_edit.text().strip() == self._field_text:
            # The value as shown (8.612 for 8.611999999999998): Enter confirms it, it does not round it.
            self._show_error("")
            self.value_edit.clearFocus()
            return
        try:
            value = parse_finite(self.value_edit.text())
        except InputError as exc:
            self.value_edit.setText(repr(self.session.parameter(*param)))  # the value still in use
            self._show_error(str(exc))
            self.value_refused.emit(str(exc))
            self.session.message.emit(str(exc))
            return
        self._show_error("")
        if value != self.session.parameter(*param):
            push(self.session, SetParameterCommand(self.session, *param, value))
        self.value_edit.clearFocus()
        self.refresh()


__all__ = ["Inspector"]
