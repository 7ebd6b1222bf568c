"""The main window's keyboard route: F6 / Shift+F6 between the panes, ↓ from the search box
into the list, Ctrl+1…4 to the editor's tabs, the window's Ctrl+letter shortcuts over a
field's own keys, and what was typed saved (or knowingly left) before a command leaves the
form."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.ui.paths import app_name

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class KeyboardRoute(QObject):
    """Where the keys take the clerk in the window (the window's ``keys``)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)  # the window owns it; ``window`` is its parent
        self._last_editor_focus: QWidget | None = None

    @property
    def window(self) -> MainWindow:
        return self.parent()  # not held in Python: no reference cycle keeps a closed window

    def build_actions(self) -> None:
        """The window's 转到 actions: Ctrl+1…4, F6 / Shift+F6, the project list."""
        w = self.window
        # the keyboard route (Windows conventions): F6 / Shift+F6 between the panes, Ctrl+1…4
        # to each tab's first field (Ctrl+4: into the indicator tree)
        w.act_tabs = [
            w._action(text, f"Ctrl+{n + 1}", lambda _c=False, i=n: self.go_to_tab(i))
            for n, text in enumerate(
                (
                    self.tr("基本信息(&1)"),
                    self.tr("项目资金(&2)"),
                    self.tr("绩效目标(&3)"),
                    self.tr("绩效指标(&4)"),
                )
            )
        ]
        w.act_next_pane = w._action(self.tr("下一个窗格(&N)"), "F6", lambda: self.cycle_pane(1))
        w.act_prev_pane = w._action(
            self.tr("上一个窗格(&P)"), "Shift+F6", lambda: self.cycle_pane(-1)
        )
        w.act_list = w._action(self.tr("项目列表(&L)"), None, lambda: self.go_to_pane(0))

    # -- the window's shortcuts over a field's keys -----------------------------------------
    _TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)
    #: the keys a text field keeps for itself even when an action has them too
    _FIELD_KEYS = (
        QKeySequence.StandardKey.Undo,
        QKeySequence.StandardKey.Redo,
        QKeySequence.StandardKey.Copy,
        QKeySequence.StandardKey.Cut,
        QKeySequence.StandardKey.Paste,
        QKeySequence.StandardKey.SelectAll,
    )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        w = self.window
        if (
            event.type() == QEvent.Type.KeyPress
            and obj is w.table
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            # the list is one stop: Tab goes on to the editor (for a project that needs
            # repair, to the banner's 从备份恢复 link, else the next pane), Shift+Tab back to
            # the last filter
            if event.key() == Qt.Key.Key_Tab:
                self._leave_list()
            else:
                self._before_list().setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and obj is w.search
            and event.key() == Qt.Key.Key_Down
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._search_to_list()  # as in a Windows search box: ↓ goes into the results
            return True
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(obj, self._TEXT_FIELDS)
            and obj.window() is w
            and self._is_window_shortcut(event)
        ):
            return True  # not accepted by the field: the window's shortcut fires
        return super().eventFilter(obj, event)

    def _search_to_list(self) -> None:
        """↓ in the search box: into the list, on the current row (the first row shown when
        none is current); the project stays the one shown if it is still listed."""
        w = self.window
        table = w.table
        if not w.proxy.rowCount():
            return
        if not table.currentIndex().isValid():
            first = w.proxy.index(0, 0)
            table.selectionModel().setCurrentIndex(
                first,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        table.scrollTo(table.currentIndex())
        table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _leave_list(self) -> None:
        w = self.window
        if w.editor.project is not None:
            self.go_to_pane(1)
        elif w.banner.isVisible() and w.banner.focusPolicy() & Qt.FocusPolicy.TabFocus:
            w.banner.setFocus(Qt.FocusReason.TabFocusReason)  # its link: Enter opens it
        else:
            self.cycle_pane(1)

    def _before_list(self) -> QWidget:
        """The filter the focus chain has just before the list (the last one shown)."""
        w = self.window
        widget = w.table.previousInFocusChain()
        while widget is not w.table and widget is not None:
            if (
                w.left.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                return widget
            widget = widget.previousInFocusChain()
        return w.search

    def _is_window_shortcut(self, event: QKeyEvent) -> bool:
        """Ctrl(+Shift)+letter that one of the window's actions has as its shortcut."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not (Qt.Key.Key_A <= event.key() <= Qt.Key.Key_Z) or mods not in (
            Qt.KeyboardModifier.ControlModifier,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ):
            return False
        if any(event.matches(key) for key in self._FIELD_KEYS):
            return False
        pressed = QKeySequence(event.keyCombination())
        w = self.window
        return any(
            act.isEnabled() and pressed in act.shortcuts()
            for act in w.findChildren(QAction)
            if act not in (w.act_undo, w.act_redo)
        )

    # -- the panes ---------------------------------------------------------------------------
    def _pane_of(self, widget: QWidget | None) -> int | None:
        """0: the project list (with its filters), 1: the editor, 2: the 审核 panel."""
        if widget is None:
            return None
        w = self.window
        for n, pane in enumerate((w.left, w.editor, w.audit_panel)):
            if pane is widget or pane.isAncestorOf(widget):
                return n
        return None

    def _panes(self) -> list[int]:
        panes = [0]
        if self.window.editor.project is not None:
            panes.append(1)
        if self.window.audit_panel.isVisible():
            panes.append(2)
        return panes

    def cycle_pane(self, step: int) -> None:
        """F6 / Shift+F6: the next (previous) pane — list, editor, 审核 panel."""
        panes = self._panes()
        here = self._pane_of(QApplication.focusWidget())
        n = panes.index(here) if here in panes else (-1 if step > 0 else 0)
        self.go_to_pane(panes[(n + step) % len(panes)])

    def go_to_pane(self, pane: int) -> None:
        w = self.window
        if pane == 1 and w.editor.project is not None:
            last = self._last_editor_focus
            page = w.editor.currentWidget()
            if last is not None and shiboken6.isValid(last) and page.isAncestorOf(last):
                last.setFocus(Qt.FocusReason.TabFocusReason)
                if isinstance(last, QLineEdit):
                    last.selectAll()
            else:
                self.go_to_tab(w.editor.currentIndex())
        elif pane == 2 and w.audit_panel.isVisible():
            tree = w.audit_panel.tree
            tree.setFocus(Qt.FocusReason.TabFocusReason)
            if tree.currentItem() is None and tree.topLevelItemCount():
                tree.setCurrentItem(tree.topLevelItem(0))
        else:
            w.table.setFocus(Qt.FocusReason.TabFocusReason)

    def go_to_tab(self, index: int) -> None:
        """Ctrl+1…4: the tab's first field (Ctrl+4: the indicator tree)."""
        editor = self.window.editor
        if editor.project is None:
            return
        first = (
            lambda: editor.name,
            lambda: editor.money["total"],
            lambda: editor.goal_edits["goal_overall"],
            lambda: editor.tree,  # (the indicator page is built on its first use)
        )[index]
        editor.focus_field(first())

    def remember_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self._pane_of(new) == 1 and new.window() is self.window:
            self._last_editor_focus = new

    def audit_toggled(self, shown: bool) -> None:
        """F7 or the menu: the panel shown gets the keyboard; hidden, the editor has it."""
        if shown:
            QTimer.singleShot(0, self, lambda: self.go_to_pane(2))
        elif self._pane_of(QApplication.focusWidget()) in (None, 2):
            self.go_to_pane(1 if self.window.editor.project is not None else 0)

    # -- leaving a field ---------------------------------------------------------------------
    def entries_ok(self, closing: bool = False) -> bool:
        """Before a command that leaves the form (export, print, merge, another file,
        closing): what was typed is written; an entry refused and not saved is named, and
        the clerk decides — it stays, red, in its field either way (closing: it is lost)."""
        editor = self.window.editor
        editor.flush()
        refused = editor.refused_entries()
        if not refused:
            return True
        lines = "\n".join(self.tr("“{0}”：{1}").format(name, text) for name, text in refused[:5])
        question = (
            self.tr("以下输入无效，没有保存：\n{0}\n关闭后这些输入会丢失。仍要关闭吗？")
            if closing
            else self.tr("以下输入无效，没有保存（仍以红色留在原处）：\n{0}\n仍要继续吗？")
        ).format(lines)
        answer = QMessageBox.question(self.window, app_name(), question)
        return answer == QMessageBox.StandardButton.Yes

    def guarded(self, slot):
        """``slot`` runs only once the entries being typed are saved or knowingly left."""

        def run(*_args) -> None:
            if self.entries_ok():
                slot()

        return run
