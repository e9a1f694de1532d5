"""Structure edits of the network and the header, node, edge and canvas menus of the network view that offer them.

Two small objects the view owns: :class:`NetworkEdits` (given the session; the window's Edit menu uses the very
same object, so an action has one implementation) and :class:`NetworkMenus` (given the view, the edits and the
inline editor).  Every edit is one undo command.  The strings keep the translation context "NetworkView"
(``QCoreApplication.translate``) so the existing .qm files still find them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

import model
from gui.commands import NetworkEditCommand, push
from model import activations as act

if TYPE_CHECKING:
    from gui.canvas.inline_editor import InlineEditor
    from gui.canvas.network_view import NetworkView
    from gui.session import Session


class NetworkEdits:
    """Adds, removes and reconfigures layers and neurons of the session's network, each as one undo command.

    Every method returns whether the edit was made; a refusal is reported through ``session.message``.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    def _edit(self, text: str, edit: Callable[[model.Network], None]) -> bool:
        return push(self._session, NetworkEditCommand(self._session, text, edit))

    def add_neuron(self, l: int) -> bool:
        """Append a neuron to hidden layer l."""
        return self._edit(
            QCoreApplication.translate("NetworkView", "add a neuron to layer %1").replace("%1", str(l)),
            lambda net: net.add_neuron(l),
        )

    def remove_neuron(self, l: int, j: int) -> bool:
        """Remove neuron j of hidden layer l."""
        text = (
            QCoreApplication.translate("NetworkView", "remove neuron %1 of layer %2")
            .replace("%1", str(j + 1))
            .replace("%2", str(l))
        )
        return self._edit(text, lambda net: net.remove_neuron(l, j))

    def insert_layer(self, l: int, like: int | None = None) -> bool:
        """Insert a hidden layer so that it becomes layer l, sized and activated like hidden layer ``like``.

        Without a hidden ``like`` it copies a hidden neighbour, else 3 neurons.
        """
        net = self._session.network
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

    def add_hidden_layer(self) -> bool:
        """Edit ▸ Add hidden layer and the canvas menu's: a new last hidden layer, just before the output.

        It copies the last hidden layer (size, activation, bias), or is 3 neurons in a net without one.
        """
        return self.insert_layer(self._session.network.n_layers)

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


class NetworkMenus:
    """The header, node, edge and canvas menus of ``view`` (built on demand; the caller execs them).

    Uses only the view's public surface: ``selection``, ``select()`` and ``fit()``.
    """

    def __init__(self, view: NetworkView, session: Session, edits: NetworkEdits, inline: InlineEditor) -> None:
        self._view = view
        self._session = session
        self._edits = edits
        self._inline = inline

    def remove_neuron(self, l: int, j: int | None = None) -> bool:
        """Remove neuron j of layer l (default: the selected one if it is in l, else the last).

        Shared by the header's "−" button, the menus and the Delete key; a selection of the removed neuron is
        cleared, since its id now names the next neuron.
        """
        view = self._view
        if j is None:
            sel = view.selection
            j = sel[2] if sel is not None and sel[0] == "node" and sel[1] == l else self._session.network.sizes[l] - 1
        was_selected = view.selection == ("node", l, j)
        ok = self._edits.remove_neuron(l, j)
        if ok and was_selected:
            view.select(None)
        return ok

    # --------------------------------------------------------------- menus
    def _action(self, menu: QMenu, name: str, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def layer_menu(self, l: int) -> QMenu:
        """The menu of layer l's header (not shown; the caller execs it)."""
        net = self._session.network
        L = net.n_layers
        menu = QMenu(self._view)
        menu.setObjectName(f"layer_menu_{l}")
        if l > 0:
            sub = menu.addMenu(QCoreApplication.translate("NetworkView", "Activation"))
            sub.setObjectName("activation")
            group = QActionGroup(sub)
            for name in act.NAMES:
                if name in act.OUTPUT_ONLY and l != L:
                    continue
                a = self._action(sub, f"activation:{name}", name, lambda n=name: self._edits.set_activation(l, n))
                a.setCheckable(True)
                a.setChecked(net.activations[l - 1] == name)
                group.addAction(a)
            bias_on = net.bias[l - 1]
            a = self._action(
                menu,
                "bias",
                QCoreApplication.translate("NetworkView", "Bias"),
                lambda: self._edits.set_bias_enabled(l, not bias_on),
            )
            a.setCheckable(True)
            a.setChecked(bias_on)
        if 0 < l < L:
            menu.addSeparator()
            self._action(
                menu,
                "add_neuron",
                QCoreApplication.translate("NetworkView", "Add neuron"),
                lambda: self._edits.add_neuron(l),
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
                lambda: self._edits.insert_layer(l, l),
            )
        if l < L:
            after = QCoreApplication.translate("NetworkView", "Insert hidden layer after")
            self._action(menu, "insert_after", after, lambda: self._edits.insert_layer(l + 1, l))
        if 0 < l < L:
            menu.addSeparator()
            self._action(
                menu,
                "remove_layer",
                QCoreApplication.translate("NetworkView", "Remove this layer"),
                lambda: self._edits.remove_layer(l),
            )
        return menu

    def node_menu(self, l: int, j: int) -> QMenu:
        """The context menu of node (l, j)."""
        net = self._session.network
        menu = QMenu(self._view)
        if l > 0:
            self._action(
                menu,
                "edit_bias",
                QCoreApplication.translate("NetworkView", "Edit bias…"),
                lambda: self._inline.edit_value(("node", l, j)),
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
        menu = QMenu(self._view)
        self._action(
            menu,
            "edit_weight",
            QCoreApplication.translate("NetworkView", "Edit weight…"),
            lambda: self._inline.edit_value(("edge", k, i, j)),
        )
        return menu

    def canvas_menu(self) -> QMenu:
        """The context menu of empty space."""
        menu = QMenu(self._view)
        self._action(
            menu,
            "add_hidden_layer",
            QCoreApplication.translate("NetworkView", "Add hidden layer"),
            self._edits.add_hidden_layer,
        )
        self._action(menu, "fit", QCoreApplication.translate("NetworkView", "Fit to window"), self._view.fit)
        return menu
