"""Window actions built from declarative tables: :class:`ActionSpec` rows in, actions, menus and toolbars out.

Each command of the window is declared once, as one :class:`ActionSpec` (name, text, tooltip, shortcuts,
handler, checkable, enabled-when, menu placement) in :mod:`gui.window.action_table`.  :class:`WindowActions`
(``window.window_actions``) builds the QActions from such a table, puts them in their menus, re-sets their texts
on a language change and keeps their enabled state in step with :data:`CONDITIONS`.  Extensions declare their
own tables and pass them to :meth:`WindowActions.add` with their translation context.

The texts are source strings marked with ``QT_TRANSLATE_NOOP(context, ...)`` where they are declared, so
``pyside6-lupdate`` finds them, and are translated here with ``QCoreApplication.translate(context, text)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QWidget

if TYPE_CHECKING:
    from gui.window.interface import WindowInterface

Keys = Union[QKeySequence.StandardKey, str]  # noqa: UP007 - a runtime alias


#: Named conditions an action's ``enabled_when`` refers to; re-evaluated by :meth:`WindowActions.update_enabled`
#: whenever playing starts or stops, the network's structure changes or what can be undone changes.
CONDITIONS: dict[str, Callable[[Any], bool]] = {
    # Stepping and single epochs would fight the play loop for the same trainer.
    "idle": lambda window: not window.controller.playing,
    # QUndoStack enables its own actions by these; said here too so that a block (below) can be lifted.
    "can_undo": lambda window: window.session.undo_stack.canUndo(),
    "can_redo": lambda window: window.session.undo_stack.canRedo(),
}


@dataclass(frozen=True)
class ActionSpec:
    """One command, declared once.

    ``text``/``tip``/``checked_text`` are source strings of the table's translation context (or, with
    ``translate=False``, shown as they are; ``text`` may then be a function giving the text, e.g. a preset's
    localized title).  Handlers are given the window when they run, so they may name objects made later.
    """

    name: str
    text: str | Callable[[], str]
    tip: str = ""
    shortcuts: tuple[Keys, ...] = ()
    #: runs on ``triggered``: handler(window)
    triggered: Callable[[Any], object] | None = None
    #: runs on ``toggled`` (checkable actions): handler(window, checked)
    toggled: Callable[[Any, bool], object] | None = None
    checkable: bool = False
    #: the text while checked (Play → Pause)
    checked_text: str = ""
    #: a key of CONDITIONS: the action is enabled only while it holds
    enabled_when: str | None = None
    #: the menu (a key of the window's ``menus``) it is appended to; None: in no menu
    menu: str | None = None
    #: a separator before it in its menu
    separator: bool = False
    #: the exclusive group it belongs to (one checked at a time)
    group: str | None = None
    #: makes the QAction instead of QAction(window) (undo/redo come from the undo stack)
    make: Callable[[Any], QAction] | None = None
    translate: bool = True


@dataclass(frozen=True)
class MenuSpec:
    """A menu: its key in ``window.menus``, its title (source text), and its parent menu's key (None: menu bar)."""

    key: str
    title: str
    parent: str | None = None
    #: before this action of its parent (by name), or for a menu-bar menu before that menu (by key); else last
    before: str | None = None


@dataclass(frozen=True)
class ToolbarWidget:
    """A widget of the window placed in a toolbar, after a label (source text, may be empty)."""

    widget: str  # the window attribute holding it
    label: str = ""


#: A toolbar's layout: action names, "|" for a separator, and widgets.
ToolbarItem = Union[str, ToolbarWidget]  # noqa: UP007 - a runtime alias


def with_keys(tip: str, action: QAction) -> str:
    """``tip`` followed by the action's first shortcut in brackets, as every tooltip of the window ends."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{tip} ({keys})" if keys else tip


class WindowActions(QObject):
    """Builds and owns the window's actions (``by_name``), menus and toolbars from tables, and retranslates them."""

    def __init__(self, window: WindowInterface, context: str = "MainWindow") -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.setObjectName("window_actions")
        self._window = window
        self._context = context
        self.by_name: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._specs: dict[str, tuple[ActionSpec, str]] = {}  # name -> (spec, translation context)
        self._menu_specs: dict[str, tuple[MenuSpec, str]] = {}
        self._groups: dict[str, QActionGroup] = {}
        self._labels: list[tuple[QLabel, str, str]] = []  # toolbar labels: (label, source text, context)
        self._blocks: dict[str, frozenset[str]] = {}  # reason -> the action names it disables
        self._touched: set[str] = set()  # actions a block has disabled at some point (re-enabled when lifted)
        self.toolbars: dict[str, QToolBar] = {}
        self._watching_stack = False

    # ------------------------------------------------------------ building
    def declare_menus(self, menus: Iterable[MenuSpec], context: str | None = None) -> None:
        """Make these menus known: the menu bar's are created now, in this order; a submenu where an action first
        needs it (or by :meth:`menu`), so it follows its parent's actions declared before it."""
        for spec in menus:
            self._menu_specs[spec.key] = (spec, context or self._context)
            if spec.parent is None:
                self.menu(spec.key)

    def menu(self, key: str) -> QMenu:
        """The menu ``key``, created now (appended to its parent or the menu bar) if it does not exist yet."""
        if key not in self.menus:
            spec, _context = self._menu_specs[key]
            if spec.parent is None:
                bar = self._window.menuBar()  # type: ignore[attr-defined]
                if spec.before is not None and spec.before in self.menus:
                    menu = QMenu(self._window)  # type: ignore[arg-type]
                    bar.insertMenu(self.menus[spec.before].menuAction(), menu)
                else:
                    menu = bar.addMenu("")
            elif spec.before is not None:
                menu = QMenu(self._window)  # type: ignore[arg-type]
                self.menu(spec.parent).insertMenu(self.by_name[spec.before], menu)
            else:
                menu = self.menu(spec.parent).addMenu("")
            menu.setObjectName(f"menu_{key}")
            self.menus[key] = menu
            self._retitle(key)
        return self.menus[key]

    def add(self, specs: Iterable[ActionSpec], context: str | None = None) -> dict[str, QAction]:
        """Build the actions of a table, in its order, and place them in their menus; returns them by name."""
        context = context or self._context
        made: dict[str, QAction] = {}
        for spec in specs:
            if spec.name in self.by_name:
                raise ValueError(f"action {spec.name!r} is declared twice")
            action = self._build(spec)
            self._specs[spec.name] = (spec, context)
            self.register(action)
            made[spec.name] = action
            if spec.menu is not None:
                menu = self.menu(spec.menu)
                if spec.separator and menu.actions():
                    menu.addSeparator()
                menu.addAction(action)
            self._retranslate_action(spec.name)
        self.update_enabled()
        return made

    def register(self, action: QAction) -> QAction:
        """Add an action built elsewhere (by its objectName) to the window's scripting surface."""
        name = action.objectName()
        if not name:
            raise ValueError("an action needs an objectName to be registered")
        self.by_name[name] = action
        return action

    def _build(self, spec: ActionSpec) -> QAction:
        window = self._window
        action = spec.make(window) if spec.make is not None else QAction(window)  # type: ignore[arg-type]
        action.setObjectName(spec.name)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(keys) for keys in spec.shortcuts])
        action.setCheckable(spec.checkable)
        if spec.group is not None:
            group = self._groups.get(spec.group)
            if group is None:
                group = self._groups[spec.group] = QActionGroup(self)
            group.addAction(action)
        if spec.triggered is not None:
            handler = spec.triggered
            action.triggered.connect(lambda _checked=False: handler(window))
        if spec.toggled is not None:
            on_toggled = spec.toggled
            action.toggled.connect(lambda checked: on_toggled(window, checked))
        if spec.checked_text:
            action.toggled.connect(lambda _checked, name=spec.name: self._retranslate_action(name))
        return action

    def add_toolbar(self, name: str, layout: Iterable[ToolbarItem], context: str | None = None) -> QToolBar:
        """A toolbar laid out from action names, "|" separators and window widgets (each after its label)."""
        context = context or self._context
        bar = QToolBar(self._window)  # type: ignore[arg-type]
        bar.setObjectName(name)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for item in layout:
            if isinstance(item, ToolbarWidget):
                if item.label:
                    label = QLabel()
                    label.setObjectName(f"{item.widget}_label")
                    self._labels.append((label, item.label, context))
                    label.setText(QCoreApplication.translate(context, item.label))
                    bar.addWidget(label)
                widget: QWidget = getattr(self._window, item.widget)
                bar.addWidget(widget)
            elif item == "|":
                bar.addSeparator()
            else:
                bar.addAction(self.by_name[item])
        self.toolbars[name] = bar
        return bar

    # ------------------------------------------------------------ state
    def update_enabled(self) -> None:
        """Enable each action whose ``enabled_when`` condition holds now and that no block holds back."""
        blocked = frozenset().union(*self._blocks.values())
        for name, (spec, _context) in self._specs.items():
            if spec.enabled_when is None and name not in self._touched:
                continue  # always enabled, or enabled by its owner: not ours to set
            on = name not in blocked
            if on and spec.enabled_when is not None:
                on = bool(CONDITIONS[spec.enabled_when](self._window))
            self.by_name[name].setEnabled(on)

    def block(self, reason: str, names: Iterable[str]) -> None:
        """Disable these actions for ``reason`` (e.g. a read-only view of the past) until :meth:`unblock`."""
        names = frozenset(names)
        unknown = names - self._specs.keys()
        if unknown:
            raise KeyError(f"not declared actions: {sorted(unknown)}")
        self._blocks[reason] = names
        self._touched |= names
        if not self._watching_stack:
            # Connected after the stack made its undo/redo actions, so this runs after it has enabled them.
            stack = self._window.session.undo_stack
            stack.canUndoChanged.connect(self._on_undo_stack_changed)
            stack.canRedoChanged.connect(self._on_undo_stack_changed)
            self._watching_stack = True
        self.update_enabled()

    def unblock(self, reason: str) -> None:
        """Lift a block: each action is enabled again as its own condition says."""
        if self._blocks.pop(reason, None) is not None:
            self.update_enabled()

    def blocked(self) -> frozenset[str]:
        """The names some block disables now."""
        return frozenset().union(*self._blocks.values())

    def _on_undo_stack_changed(self, _can: bool) -> None:
        if self._blocks:
            self.update_enabled()  # the stack has just re-enabled undo or redo behind a block

    def spec(self, name: str) -> ActionSpec | None:
        """The declaration of a table action (None for one registered from elsewhere)."""
        entry = self._specs.get(name)
        return entry[0] if entry is not None else None

    def context(self, name: str) -> str:
        """The translation context of a table action's texts."""
        return self._specs[name][1]

    def specs(self) -> list[ActionSpec]:
        """Every declared action, in the order declared."""
        return [spec for spec, _context in self._specs.values()]

    # ------------------------------------------------------------ strings
    def retranslate(self) -> None:
        """Re-set every declared text: actions (text, tooltip with keys), menu titles and toolbar labels."""
        for name in self._specs:
            self._retranslate_action(name)
        for key in self.menus:
            self._retitle(key)
        for label, text, context in self._labels:
            label.setText(QCoreApplication.translate(context, text))

    def _retranslate_action(self, name: str) -> None:
        spec, context = self._specs[name]
        action = self.by_name[name]
        source = spec.checked_text if spec.checked_text and action.isChecked() else spec.text
        if callable(source):
            text = source()
        else:
            text = QCoreApplication.translate(context, source) if spec.translate else source
        action.setText(text)
        tip = QCoreApplication.translate(context, spec.tip) if spec.tip and spec.translate else spec.tip
        action.setToolTip(with_keys(tip or text, action))

    def _retitle(self, key: str) -> None:
        entry = self._menu_specs.get(key)
        if entry is not None:
            spec, context = entry
            self.menus[key].setTitle(QCoreApplication.translate(context, spec.title))
