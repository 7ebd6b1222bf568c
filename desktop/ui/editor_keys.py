"""The editor's keyboard flow: Tab and Enter move through the form's fields in form order,
across the tabs; a field left by the focus is written."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from desktop.ui.editor import ProjectEditor


class FocusOut(QObject):
    """Calls ``callback`` when the watched widget loses focus."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]):
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.callback()
        return False


class FirstFocus(QObject):
    """Calls ``callback`` once, when one of ``widgets`` (or a line edit in it) first gets
    the focus — before the widget handles it."""

    def __init__(self, widgets: list[QWidget], callback: Callable[[], None]):
        super().__init__(widgets[0])
        self.callback = callback
        self.watched = [w for widget in widgets for w in (widget, *widget.findChildren(QLineEdit))]
        for w in self.watched:
            w.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and self.watched:
            for w in self.watched:
                w.removeEventFilter(self)
            self.watched = []
            self.callback()
        return False


class KeyFlow(QObject):
    """Tab and Enter move through the form's fields in form order, across the tabs (Enter =
    next field, as in the 预算管理一体化系统; Shift+Enter and Shift+Tab go back; Ctrl+Enter
    starts a new line in a goal). A field whose entry is refused keeps the focus. Undo and
    redo keys are left to the window, so Ctrl+Z always undoes the last form edit."""

    def __init__(self, editor: ProjectEditor):
        super().__init__(editor)
        self.editor = editor

    def watch(self, widget: QWidget) -> None:
        for w in (widget, *widget.findChildren(QLineEdit)):
            w.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            # not the field's own undo: the window's action takes it
            return event.matches(QKeySequence.StandardKey.Undo) or event.matches(
                QKeySequence.StandardKey.Redo
            )
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, mods = event.key(), event.modifiers()
        field = self.editor.chain_field(watched)
        if field is None:
            return False
        if isinstance(watched, QLineEdit):
            completer = watched.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None and popup.isVisible():
                return False
        if isinstance(field, QComboBox) and field.view().isVisible():
            return False
        Mod = Qt.KeyboardModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Mod.ControlModifier:
                if isinstance(field, QPlainTextEdit):
                    field.insertPlainText("\n")
                    return True
                return False
            return self.editor.step_from(field, -1 if mods & Mod.ShiftModifier else 1)
        if key == Qt.Key.Key_Tab and not mods & (Mod.ControlModifier | Mod.AltModifier):
            return self.editor.step_from(field, 1)
        if key == Qt.Key.Key_Backtab and not mods & (Mod.ControlModifier | Mod.AltModifier):
            return self.editor.step_from(field, -1)
        return False
