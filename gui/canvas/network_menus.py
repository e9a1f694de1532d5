"""Structure edits of the network view and the header, node, edge and canvas menus that offer them.

Split out of :mod:`gui.canvas.network_view`.  Every edit is one undo command.  The
strings keep the translation context "NetworkView"
(``QCoreApplication.translate``) so the existing .qm files still find them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

import model
from gui.commands import NetworkEditCommand, push
from model import activations as act


class NetworkMenusMixin:
    """Adds, removes and reconfigures layers and neurons for the network view, and its menus.

    Expects ``session``, ``selection``, ``select()``, ``fit()`` and ``edit_value()`` on the view.
    """

    # ------------------------------------------------------ structure edits
    def _edit(self, text: str, edit: Callable[[model.Network], None]) -> bool:
        return push(self.session, NetworkEditCommand(self.session, text, edit))

    def add_neuron(self, l: int) -> bool:
        """Append a neuron to hidden layer l."""
        return self._edit(
            QCoreApplication.translate("NetworkView", "add a neuron to layer %1").replace("%1", str(l)),
            lambda net: net.add_neuron(l),
        )

    def remove_neuron(self, l: int, j: int | None = None) -> bool:
        """Remove neuron j of layer l (default: the selected one if it is in l, else the last)."""
        if j is None:
            sel = self.selection
            j = sel[2] if sel is not None and sel[0] == "node" and sel[1] == l else self.session.network.sizes[l] - 1
        text = (
            QCoreApplication.translate("NetworkView", "remove neuron %1 of layer %2")
            .replace("%1", str(j + 1))
            .replace("%2", str(l))
        )
        was_selected = self.selection == ("node", l, j)
        ok = self._edit(text, lambda net: net.remove_neuron(l, j))
        if ok and was_selected:
            self.select(None)  # the id now names the next neuron
        return ok

    def insert_layer(self, l: int, like: int | None = None) -> bool:
        """Insert a hidden layer so that it becomes layer l, sized and activated like hidden layer ``like``.

        Without a hidden ``like`` it copies a hidden neighbour, else 3 neurons.
        """
        net = self.session.network
        hidden = [m for m in (like, l, l - 1) if m is not None and 0 < m < net.n_layers]
        size = net.sizes[hidden[0]] if hidden else 3
        name = (
            net.activations[hidden[0] - 1]
            if hidden
            else next((a for a in net.activations[:-1] if a not in act.OUTPUT_ONLY), "relu")
        )
        bias = net.bias[hidden[0] - 1] if hidden else True
        text = QCoreApplication.translate("NetworkView", "insert a hidden layer")
        return self._edit(text, lambda n: n.insert_layer(l, size, name, bias))

    def remove_layer(self, l: int) -> bool:
        return self._edit(
            QCoreApplication.translate("NetworkView", "remove layer %1").replace("%1", str(l)),
            lambda net: net.remove_layer(l),
        )

    def set_activation(self, l: int, name: str) -> bool:
        text = (
            QCoreApplication.translate("NetworkView", "set layer %1's activation to %2")
            .replace("%1", str(l))
            .replace("%2", name)
        )
        return self._edit(text, lambda net: net.set_activation(l - 1, name))

    def set_bias_enabled(self, l: int, on: bool) -> bool:
        text = (
            QCoreApplication.translate("NetworkView", "turn on layer %1's bias")
            if on
            else QCoreApplication.translate("NetworkView", "turn off layer %1's bias")
        ).replace("%1", str(l))
        return self._edit(text, lambda net: net.set_bias_enabled(l - 1, on))

    # --------------------------------------------------------------- menus
    def _action(self, menu: QMenu, name: str, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def layer_menu(self, l: int) -> QMenu:
        """The menu of layer l's header (not shown; the caller execs it)."""
        net = self.session.network
        L = net.n_layers
        menu = QMenu(self)
        menu.setObjectName(f"layer_menu_{l}")
        if l > 0:
            sub = menu.addMenu(QCoreApplication.translate("NetworkView", "Activation"))
            sub.setObjectName("activation")
            group = QActionGroup(sub)
            for name in act.NAMES:
                if name in act.OUTPUT_ONLY and l != L:
                    continue
                a = self._action(sub, f"activation:{name}", name, lambda n=name: self.set_activation(l, n))
                a.setCheckable(True)
                a.setChecked(net.activations[l - 1] == name)
                group.addAction(a)
            bias_on = net.bias[l - 1]
            a = self._action(
                menu,
                "bias",
                QCoreApplication.translate("NetworkView", "Bias"),
                lambda: self.set_bias_enabled(l, not bias_on),
            )
            a.setCheckable(True)
            a.setChecked(bias_on)
        if 0 < l < L:
            menu.addSeparator()
            self._action(
                menu, "add_neuron", QCoreApplication.translate("NetworkView", "Add neuron"), lambda: self.add_neuron(l)
            )
            a = self._action(
                menu,
                "remove_neuron",
                QCoreApplication.translate("NetworkView", "Remove neuron"),
                lambda: self.remove_neuron(l),
            )
            a.setEnabled(net.sizes[l] > 1)
        menu.addSeparator()
        if l > 0:
            self._action(
                menu,
                "insert_before",
                QCoreApplication.translate("NetworkView", "Insert hidden layer before"),
                lambda: self.insert_layer(l, l),
            )
        if l < L:
            after = QCoreApplication.translate("NetworkView", "Insert hidden layer after")
            self._action(menu, "insert_after", after, lambda: self.insert_layer(l + 1, l))
        if 0 < l < L:
            menu.addSeparator()
            self._action(
                menu,
                "remove_layer",
                QCoreApplication.translate("NetworkView", "Remove this layer"),
                lambda: self.remove_layer(l),
            )
        return menu

    def node_menu(self, l: int, j: int) -> QMenu:
        """The context menu of node (l, j)."""
        net = self.session.network
        menu = QMenu(self)
        if l > 0:
            self._action(
                menu,
                "edit_bias",
                QCoreApplication.translate("NetworkView", "Edit bias…"),
                lambda: self.edit_value(("node", l, j)),
            )
        if 0 < l < net.n_layers:
            a = self._action(
                menu,
                "remove_neuron",
                QCoreApplication.translate("NetworkView", "Remove neuron"),
                lambda: self.remove_neuron(l, j),
            )
            a.setEnabled(net.sizes[l] > 1)
        if l == 0 or l == net.n_layers:
            a = menu.addAction(QCoreApplication.translate("NetworkView", "Input and output layers follow the data set"))
            a.setEnabled(False)
        return menu

    def edge_menu(self, k: int, i: int, j: int) -> QMenu:
        menu = QMenu(self)
        self._action(
            menu,
            "edit_weight",
            QCoreApplication.translate("NetworkView", "Edit weight…"),
            lambda: self.edit_value(("edge", k, i, j)),
        )
        return menu

    def canvas_menu(self) -> QMenu:
        """The context menu of empty space."""
        menu = QMenu(self)
        L = self.session.network.n_layers
        self._action(
            menu,
            "add_hidden_layer",
            QCoreApplication.translate("NetworkView", "Add hidden layer"),
            lambda: self.insert_layer(L),
        )
        self._action(menu, "fit", QCoreApplication.translate("NetworkView", "Fit to window"), self.fit)
        return menu
