"""Backprop Playground's window (Qt).  The model (``model/``) knows nothing of this package.

Layout, one direction per path (gesture → undo command → Session mutator → Session signal → views re-read):

* ``session.py``    the one mutator of the open document and the only emitter of change signals
* ``commands.py``   undo commands (they call Session mutators only)
* ``controller.py`` Play: time-boxed training chunks on the GUI thread
* ``window/``       the main window, its actions, files, autosave, exports, presentation mode
* ``canvas/``       the network drawing: view, scene, items, inline editor
* ``panels/``       inspector, training settings, lesson text
* ``plots/``        loss curve, decision boundary, fit plot
* ``data/``         sample table and data-set editor
* ``style/``        colour maps and themes
* ``lab/``          the learning lab: runs side by side, the gradient lab, gradient flow

The scripting entry point is :class:`gui.window.main_window.MainWindow`.
"""
