"""The training settings form: loss, optimizer, learning rate, batch size, regularisation."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from gui.commands import NetworkEditCommand, SetSettingCommand, push
from gui.session import Session
from gui.validation import InputError, parse_finite, parse_setting
from model import losses, optimizers
from model.settings import SCHEDULES

ERROR_STYLE = "border: 2px solid #b2182b;"


def parse_rate(text: str) -> float:
    """A dropout rate: at least 0 and below 1, or InputError saying why not."""
    value = parse_finite(text, minimum=0.0)
    if value >= 1.0:
        raise InputError(
            QCoreApplication.translate(
                "TrainingPanel", "A dropout rate is the share of hidden units dropped: below 1; nothing was changed."
            )
        )
    return value


class TrainingPanel(QWidget):
    """Edits TrainingSettings through undoable commands; refuses bad numbers with a message."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loss = QComboBox()
        self.loss.setObjectName("setting_loss")
        self.loss.addItems(list(losses.NAMES))
        self.optimizer = QComboBox()
        self.optimizer.setObjectName("setting_optimizer")
        self.optimizer.addItems(list(optimizers.NAMES))
        self.schedule = QComboBox()
        self.schedule.setObjectName("setting_schedule")
        for name in SCHEDULES:
            self.schedule.addItem(name, name)  # the text is translated in retranslate(); the data stays the key
        self.shuffle = QCheckBox()
        self.shuffle.setObjectName("setting_shuffle")
        # name -> (field, parse)
        self.fields: dict[str, tuple[QLineEdit, Callable[[str], Any]]] = {}
        # The bounds are model.settings.BOUNDS: the rule Save, Open and autosave apply too.
        parsers: list[tuple[str, Callable[[str], Any]]] = [
            (name, functools.partial(parse_setting, name))
            for name in ("lr", "batch_size", "weight_decay", "l1", "seed", "patience")
        ]
        for name, parse in (*parsers, ("dropout", parse_rate)):
            edit = QLineEdit()
            edit.setObjectName(f"setting_{name}")
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            edit.textEdited.connect(lambda _t, e=edit: e.setStyleSheet(""))
            self.fields[name] = (edit, parse)
        self.labels: dict[str, QLabel] = {}
        self.error = QLabel()
        self.error.setObjectName("training_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b2182b;")
        self.error.hide()
        form = QFormLayout()
        for key, widget in (
            ("loss", self.loss),
            ("optimizer", self.optimizer),
            ("lr", self.fields["lr"][0]),
            ("batch_size", self.fields["batch_size"][0]),
            ("schedule", self.schedule),
            ("weight_decay", self.fields["weight_decay"][0]),
            ("l1", self.fields["l1"][0]),
            ("shuffle", self.shuffle),
            ("seed", self.fields["seed"][0]),
            ("patience", self.fields["patience"][0]),
            ("dropout", self.fields["dropout"][0]),
        ):
            label = QLabel()
            self.labels[key] = label
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.loss.activated.connect(self._on_loss_chosen)
        self.optimizer.activated.connect(lambda _i: self._set("optimizer", self.optimizer.currentText()))
        self.schedule.activated.connect(lambda _i: self._set("schedule", self.schedule.currentData()))
        self.shuffle.toggled.connect(lambda on: self._set("shuffle", bool(on)))
        session.settings_changed.connect(self.refresh)
        session.structure_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "loss": self.tr("Loss"),
            "optimizer": self.tr("Optimizer"),
            "lr": self.tr("Learning rate"),
            "batch_size": self.tr("Batch size (0 = all)"),
            "schedule": self.tr("LR schedule"),
            "weight_decay": self.tr("L2 weight decay"),
            "l1": self.tr("L1"),
            "shuffle": self.tr("Shuffle"),
            "seed": self.tr("Seed"),
            "patience": self.tr("Early stop patience"),
            "dropout": self.tr("Dropout (hidden)"),
        }
        for key, text in names.items():
            self.labels[key].setText(text)
        schedules = {
            "constant": self.tr("constant"),
            "step": self.tr("step decay"),
            "exponential": self.tr("exponential decay"),
            "inverse_time": self.tr("inverse-time decay"),
        }
        for i in range(self.schedule.count()):
            key = self.schedule.itemData(i)
            self.schedule.setItemText(i, schedules.get(key, key))
        self.refresh()

    def refresh(self) -> None:
        s = self.session.settings
        widgets = [self.loss, self.optimizer, self.schedule, self.shuffle] + [e for e, _ in self.fields.values()]
        for w in widgets:
            w.blockSignals(True)  # a refresh must never echo back as an edit
        self.loss.setCurrentText(self.session.network.loss)
        self.optimizer.setCurrentText(s.optimizer)
        self.schedule.setCurrentIndex(self.schedule.findData(s.schedule))
        self.shuffle.setChecked(s.shuffle)
        for name, (edit, _) in self.fields.items():
            if not (edit.hasFocus() and edit.isModified()):  # never overwrite what the user is typing
                edit.setText(f"{getattr(s, name):g}")  # (an undo while the field has focus must still show)
                edit.setStyleSheet("")
        for w in widgets:
            w.blockSignals(False)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if message:
            self.session.message.emit(message)

    def _set(self, name: str, value: Any) -> None:
        self._show_error("")
        if getattr(self.session.settings, name) != value and not push(
            self.session, SetSettingCommand(self.session, name, value)
        ):
            self.refresh()  # refused: show the setting as it still is

    def _commit(self, name: str) -> None:
        edit, parse = self.fields[name]
        try:
            value = parse(edit.text())
        except InputError as exc:
            # The old value is still the one in use: the field shows it again, marked, beside the reason.
            edit.setText(f"{getattr(self.session.settings, name):g}")
            edit.setModified(False)
            edit.setStyleSheet(ERROR_STYLE)
            self._show_error(str(exc))
            return
        edit.setStyleSheet("")
        edit.setModified(False)  # committed: from now on the field shows the setting again
        self._set(name, value)

    def _on_loss_chosen(self, _index: int) -> None:
        name = self.loss.currentText()
        if name == self.session.network.loss:
            return
        # Network.set_loss gives the output layer the activation the loss needs, in the same undo step.
        edit = NetworkEditCommand(self.session, self.tr("change loss"), lambda net: net.set_loss(name))
        if not push(self.session, edit):
            self.refresh()
