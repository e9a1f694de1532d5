"""The runs lab (issue 8): K runs from the document's start side by side, and the learning-rate finder.

:func:`install` adds Train ▸ Compare runs… and the lab's commands to the window (one declared table), and a
dock (:class:`~gui.lab.runs_dock.RunsDock`).  The runs (model.runs.RunSet) train in time-boxed QTimer chunks,
so the window never freezes; views are refreshed at most every ``REFRESH`` seconds.  Adopting a run (its
settings and its weights) is one undo entry.  A lesson whose view hints carry ``"lab"`` (variable, values,
epochs, x_axis) opens the dock ready to run.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFileDialog, QTableWidgetItem

from gui.lab import runs_text as text
from gui.lab.runs_dock import RunsDock
from gui.safety import total
from gui.window.actions import ActionSpec
from model.lr_finder import LRFinder
from model.run_specs import RunSpecError, log_sweep, parse_values
from model.runs import RunSet
from model.settings import TrainingSettings

if TYPE_CHECKING:
    from gui.session import Session
    from gui.window.interface import WindowInterface

#: Seconds of training per timer tick, and between two refreshes of the plots while training.
BUDGET = 0.008
REFRESH = 0.1


def action_table(lab: RunsLab) -> tuple[ActionSpec, ...]:
    """The lab's commands (their handlers bound to ``lab``; the "RunsLab" translation context).

    Keys: two strokes, Ctrl+R then a letter (R for Runs; Ctrl+R alone is free in the window).
    """
    return (
        ActionSpec(
            "runs_open",
            QT_TRANSLATE_NOOP("RunsLab", "Compare runs…"),
            QT_TRANSLATE_NOOP("RunsLab", "Train several runs from the same start that differ in one setting"),
            shortcuts=("Ctrl+R, O",),
            triggered=lambda w: lab.open(),
            menu="train",
            separator=True,
        ),
        ActionSpec(
            "runs_run",
            QT_TRANSLATE_NOOP("RunsLab", "Run"),
            QT_TRANSLATE_NOOP("RunsLab", "Train every run; press again to pause"),
            shortcuts=("Ctrl+R, R",),
            triggered=lambda w: lab.toggle_run(),
            checkable=True,
            checked_text=QT_TRANSLATE_NOOP("RunsLab", "Pause"),
        ),
        ActionSpec(
            "runs_step_epoch",
            QT_TRANSLATE_NOOP("RunsLab", "Step epoch"),
            QT_TRANSLATE_NOOP("RunsLab", "Train every run one more epoch"),
            shortcuts=("Ctrl+R, E",),
            triggered=lambda w: lab.step_epoch(),
        ),
        ActionSpec(
            "runs_reset",
            QT_TRANSLATE_NOOP("RunsLab", "Start again"),
            QT_TRANSLATE_NOOP("RunsLab", "Drop these runs and start new ones from the document's network"),
            shortcuts=("Ctrl+R, N",),
            triggered=lambda w: lab.reset(),
        ),
        ActionSpec(
            "runs_adopt",
            QT_TRANSLATE_NOOP("RunsLab", "Use this run"),
            QT_TRANSLATE_NOOP("RunsLab", "Use the selected run's settings and weights in the document (undoable)"),
            shortcuts=("Ctrl+R, U",),
            triggered=lambda w: lab.adopt(),
        ),
        ActionSpec(
            "runs_log_sweep",
            QT_TRANSLATE_NOOP("RunsLab", "Log sweep"),
            QT_TRANSLATE_NOOP("RunsLab", "Fill in values spaced evenly on a log scale"),
            shortcuts=("Ctrl+R, L",),
            triggered=lambda w: lab.fill_log_sweep(),
        ),
        ActionSpec(
            "runs_find_lr",
            QT_TRANSLATE_NOOP("RunsLab", "Find learning rate"),
            QT_TRANSLATE_NOOP("RunsLab", "Raise the learning rate from 1e-7 to 10 over 100 batches and watch the loss"),
            shortcuts=("Ctrl+R, F",),
            triggered=lambda w: lab.find_lr(),
        ),
        ActionSpec(
            "runs_use_lr",
            QT_TRANSLATE_NOOP("RunsLab", "Use this learning rate"),
            QT_TRANSLATE_NOOP("RunsLab", "Set the document's learning rate to the suggestion (undoable)"),
            shortcuts=("Ctrl+R, Shift+U",),
            triggered=lambda w: lab.use_suggested_lr(),
        ),
        ActionSpec(
            "runs_export_csv",
            QT_TRANSLATE_NOOP("RunsLab", "Export CSV…"),
            QT_TRANSLATE_NOOP("RunsLab", "Write every run's epoch figures as CSV"),
            shortcuts=("Ctrl+R, C",),
            triggered=lambda w: lab.export("csv"),
        ),
        ActionSpec(
            "runs_export_png",
            QT_TRANSLATE_NOOP("RunsLab", "Export PNG…"),
            QT_TRANSLATE_NOOP("RunsLab", "Save a picture of the comparison"),
            shortcuts=("Ctrl+R, P",),
            triggered=lambda w: lab.export("png"),
        ),
    )


class AdoptRunCommand(QUndoCommand):
    """The document takes one run's network and settings; undo gives back the old ones."""

    def __init__(self, session: Session, state: dict[str, Any], settings: TrainingSettings, label: str) -> None:
        super().__init__(QCoreApplication.translate("RunsLab", "use run %1").replace("%1", label))
        self.session = session
        self.new = (state, settings.copy())
        self.old = (session.network.state(), session.settings.copy())

    @total
    def redo(self) -> None:
        self.session.adopt(self.new[0], self.new[1])

    @total
    def undo(self) -> None:
        self.session.adopt(self.old[0], self.old[1])


class RunsLab(QObject):
    """The lab: the runs, the finder, the timer, and the dock's contents."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.session = window.session
        self.actions = window.window_actions.add(action_table(self), text.CONTEXT)
        self.dock = RunsDock(window, self.actions)  # type: ignore[arg-type]
        # A full-height column of its own at the right (Horizontal: beside the right area's docks, not under them).
        window.addDockWidget(  # type: ignore[attr-defined]
            Qt.DockWidgetArea.RightDockWidgetArea, self.dock, Qt.Orientation.Horizontal
        )
        self.dock.hide()
        window.docks["runs"] = self.dock
        panels = window.menus.get("panels")
        if panels is not None:
            panels.addAction(self.dock.toggleViewAction())
        self._placed = False
        self.runs: RunSet | None = None
        self.finder: LRFinder | None = None
        self.suggestion = math.nan
        self.epochs = 0
        self._last_refresh = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._on_timer)
        d = self.dock
        d.variable_combo.currentIndexChanged.connect(self._on_form_changed)
        d.values_edit.textEdited.connect(self._on_form_changed)
        d.x_combo.currentIndexChanged.connect(self._on_view_changed)
        d.log_check.toggled.connect(self._on_view_changed)
        d.scrubber.valueChanged.connect(self._on_scrubbed)
        d.table.itemSelectionChanged.connect(self._update_enabled)
        window.document_loaded.connect(self._on_document_loaded)
        self.session.document_replaced.connect(self._on_document_replaced)
        window.retranslated.connect(self._on_retranslated)
        window.closed.connect(self.stop)
        self._update_enabled()
        self._on_document_loaded()  # a lab lesson opened at start-up comes ready too

    # ------------------------------------------------------------ the form
    def open(self) -> None:
        """Show the dock; the first time with a good share of the window's width."""
        w, d = self.window, self.dock
        if not self._placed and not d.isFloating():
            d.show()
            # The new column takes its width from the centre and the inspector's column alike.
            docks = [d] + ([w.docks["inspector"]] if "inspector" in w.docks else [])
            widths = [max(480, int(0.34 * w.width())), 380][: len(docks)]
            w.resizeDocks(docks, widths, Qt.Orientation.Horizontal)  # type: ignore[attr-defined]
            self._placed = True
        d.show()
        d.raise_()

    def configure(self, variable: str, values: list[Any], epochs: int | None = None, x_axis: str = "epoch") -> None:
        """Fill in the form (a lesson's hint, or a script)."""
        d = self.dock
        d.variable_combo.setCurrentIndex(max(0, d.variable_combo.findData(variable)))
        d.values_edit.setText(", ".join(_value_text(v) for v in values))
        if epochs is not None:
            d.epochs_spin.setValue(int(epochs))
        d.x_combo.setCurrentIndex(max(0, d.x_combo.findData(x_axis)))
        self.reset()

    def fill_log_sweep(self) -> None:
        variable = self.dock.variable_combo.currentData()
        low, high, n = text.LOG_SWEEPS.get(variable, text.LOG_SWEEPS["lr"])
        self.dock.values_edit.setText(", ".join(_value_text(v) for v in log_sweep(low, high, n)))
        self._on_form_changed()

    def _on_form_changed(self) -> None:
        """A new question: the old runs no longer answer it."""
        self.reset()

    def _build(self) -> bool:
        """A new set of runs from the form and the document; False (with a sentence) if the values are refused."""
        d = self.dock
        variable = d.variable_combo.currentData()
        try:
            values = parse_values(variable, d.values_edit.text())
            runs = RunSet(self.session.network, self.session.dataset, self.session.settings, variable, values)
        except RunSpecError as exc:
            self._say(
                QCoreApplication.translate("RunsLab", "These values cannot be compared: %1").replace("%1", str(exc))
            )
            return False
        self.runs, self.epochs = runs, d.epochs_spin.value()
        labels = [s.label for s in runs.specs]
        d.curves.set_runs(labels)
        d.boundaries.set_runs(labels, self.session.dataset)
        d.table.setRowCount(len(labels))
        d.table.selectRow(0)
        self._say("")
        return True

    # ------------------------------------------------------------ training
    def toggle_run(self) -> None:
        if self.timer.isActive():
            self.pause()
            return
        if self.runs is None and not self._build():
            self.actions["runs_run"].setChecked(False)
            return
        assert self.runs is not None
        self.epochs = max(self.epochs, self.dock.epochs_spin.value())
        if self.runs.finished(self.epochs):
            self.epochs += self.dock.epochs_spin.value()  # Run again after the end: as many epochs more
        self.actions["runs_run"].setChecked(True)
        self.timer.start()

    def pause(self) -> None:
        self.timer.stop()
        self.actions["runs_run"].setChecked(False)
        self.refresh()

    def stop(self) -> None:
        self.timer.stop()

    def step_epoch(self) -> None:
        if self.runs is None and not self._build():
            return
        assert self.runs is not None
        self.pause()
        target = 1 + max(self.runs.epoch(k) for k in range(len(self.runs)))
        self.runs.train(target)
        self.refresh()

    def reset(self) -> None:
        self.timer.stop()
        self.actions["runs_run"].setChecked(False)
        self.runs = None
        d = self.dock
        d.curves.set_runs([])
        d.boundaries.set_runs([], self.session.dataset)
        d.table.setRowCount(0)
        d.scrubber.setRange(0, 0)
        d.progress.setValue(0)
        self._update_enabled()

    def _on_timer(self) -> None:
        if self.runs is None:
            self.timer.stop()
            return
        done = self.runs.train(self.epochs, seconds=BUDGET)
        now = time.perf_counter()
        if done or now - self._last_refresh >= REFRESH:
            self._last_refresh = now
            self.refresh()
        if done:
            self.pause()

    # ------------------------------------------------------------- views
    def refresh(self) -> None:
        """Curves, table, scrubber range, progress and boundaries from the runs (values only)."""
        runs, d = self.runs, self.dock
        if runs is None:
            self._update_enabled()
            return
        d.curves.update_from(runs)
        k_runs = range(len(runs))
        last = max(runs.epoch(k) for k in k_runs)
        at_end = d.scrubber.value() == d.scrubber.maximum()
        d.scrubber.blockSignals(True)  # moved by training, not by the user
        d.scrubber.setRange(0, last)
        if at_end:
            d.scrubber.setValue(last)
        d.scrubber.blockSignals(False)
        done = sum(self.epochs if runs.stop(k) else min(runs.epoch(k), self.epochs) for k in k_runs)
        d.progress.setValue(int(1000 * done / max(1, self.epochs * len(runs))))
        self._fill_table()
        self._show_boundaries(d.scrubber.value())
        self._update_enabled()

    def _target(self) -> float | None:
        try:
            value = float(self.dock.target_edit.text())
        except ValueError:
            return None
        return value if math.isfinite(value) else None

    def _fill_table(self) -> None:
        runs, table = self.runs, self.dock.table
        assert runs is not None
        target = self._target()
        for k in range(len(runs)):
            s = runs.summary(k, target)
            cells = [
                s.label,
                _loss(s.final_loss),
                _loss(s.best_loss),
                "—" if s.epochs_to_target < 0 else str(s.epochs_to_target),
                "—" if math.isnan(s.accuracy) else f"{100 * s.accuracy:.1f}%",
                text.status_sentence(s.status),
            ]
            for col, value in enumerate(cells):
                item = table.item(k, col)
                if item is None:
                    item = QTableWidgetItem()
                    table.setItem(k, col, item)
                item.setText(value)
            table.item(k, 5).setToolTip(text.status_why(s.status))

    def _show_boundaries(self, epoch: int) -> None:
        runs = self.runs
        if runs is None or not self.dock.boundaries.images:
            return
        k_runs = range(len(runs))
        nets = [runs.network(k, epoch) for k in k_runs]
        titles = [f"{runs.specs[k].label}: {text.status_short(runs.status(k))}" for k in k_runs]
        self.dock.boundaries.show_networks(nets, titles)

    def _on_scrubbed(self, epoch: int) -> None:
        self._show_boundaries(epoch)

    def _on_view_changed(self) -> None:
        d = self.dock
        d.curves.x_axis = d.x_combo.currentData()
        d.curves.set_log(d.log_check.isChecked())
        if self.runs is not None:
            d.curves.update_from(self.runs)

    def _on_retranslated(self) -> None:
        self.dock.retranslate()
        self.refresh()  # the status sentences are in the interface's language

    def _say(self, sentence: str) -> None:
        self.dock.message.setText(sentence)
        if sentence:
            self.window.show_message(sentence)

    def _update_enabled(self) -> None:
        has_row = self.runs is not None and bool(self.dock.table.selectionModel().selectedRows())
        self.actions["runs_adopt"].setEnabled(has_row)
        self.actions["runs_use_lr"].setEnabled(math.isfinite(self.suggestion))

    # ------------------------------------------------------------- adopt
    def selected_run(self) -> int | None:
        rows = self.dock.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def adopt(self) -> bool:
        """The selected run's settings and weights become the document's: one undo entry."""
        k = self.selected_run()
        if self.runs is None or k is None:
            return False
        self.pause()
        net = self.runs.network(k)
        command = AdoptRunCommand(self.session, net.state(), self.runs.settings(k), self.runs.specs[k].label)
        self.session.undo_stack.push(command)
        return True

    # ------------------------------------------------------------ export
    def export(self, kind: str, path: str | None = None) -> bool:
        """The curves as CSV or the comparison as PNG; a failure is said in one sentence."""
        if kind == "csv" and self.runs is None:
            self._say(
                QCoreApplication.translate("RunsLab", "Run the comparison first: there is nothing to export yet.")
            )
            return False
        if path is None:
            file_filter = "CSV (*.csv)" if kind == "csv" else "PNG (*.png)"
            path, _ = QFileDialog.getSaveFileName(
                self.dock, QCoreApplication.translate("RunsLab", "Export"), f"runs.{kind}", file_filter
            )
            if not path:
                return False
        try:
            if kind == "csv":
                assert self.runs is not None
                self.runs.write_csv(path)
            elif not self.dock.widget().grab().save(path, "PNG"):
                raise OSError(path)
        except OSError as exc:
            self.window.report_error(
                QCoreApplication.translate("RunsLab", "Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            )
            return False
        self.window.show_message(QCoreApplication.translate("RunsLab", "Wrote %1").replace("%1", str(path)))
        return True

    # ------------------------------------------------------- the finder
    def find_lr(self) -> None:
        """Run the learning-rate finder on the document's network and show its curve and suggestion."""
        self.finder = LRFinder(self.session.network, self.session.dataset, self.session.settings)
        self.finder.run()
        r = self.finder.result()
        d = self.dock
        d.tabs.setCurrentIndex(1)
        d.finder_raw.setData(r.lrs, r.losses.clip(-1e12, 1e12))
        d.finder_curve.setData(r.lrs, r.smoothed.clip(-1e12, 1e12))
        self.suggestion = r.suggestion
        if math.isfinite(r.suggestion):
            d.finder_mark.setPos(math.log10(r.suggestion))
            d.finder_mark.setVisible(True)
            d.finder_label.setText(
                QCoreApplication.translate(
                    "RunsLab", "Suggested learning rate: %1 (where the smoothed loss falls fastest)."
                ).replace("%1", f"{r.suggestion:.3g}")
            )
        else:
            d.finder_mark.setVisible(False)
            d.finder_label.setText(
                QCoreApplication.translate("RunsLab", "The loss never fell: no learning rate to suggest.")
            )
        self._update_enabled()

    def use_suggested_lr(self) -> bool:
        if not math.isfinite(self.suggestion):
            return False
        from gui.commands import SetSettingCommand, push

        return push(self.session, SetSettingCommand(self.session, "lr", float(f"{self.suggestion:.3g}")))

    # ------------------------------------------------------- documents
    def _on_document_replaced(self) -> None:
        self.reset()
        self.suggestion = math.nan
        self._update_enabled()

    def _on_document_loaded(self, _path: object = None) -> None:
        hint = self.session.document.view.get("lab")
        if not isinstance(hint, dict) or hint.get("variable") is None:
            return
        values = hint.get("values", [])
        self.configure(str(hint["variable"]), list(values), hint.get("epochs"), str(hint.get("x_axis", "epoch")))
        self.open()


def _value_text(v: Any) -> str:
    if isinstance(v, dict):
        extra = ", ".join(f"{k}={x}" for k, x in v.get("hyper", {}).items())
        return f"{v['optimizer']}(lr={v['lr']:g}{', ' + extra if extra else ''})"
    return f"{v:g}" if isinstance(v, float) else str(v)


def _loss(x: float) -> str:
    return "—" if not math.isfinite(x) else f"{x:.4g}"


def install(window: WindowInterface) -> RunsLab:
    return RunsLab(window)
