"""The window's shortcuts win over a text field's own keys (Emacs keys on Linux)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPlainTextEdit

from tests.ui_helpers import shown

CTRL = Qt.KeyboardModifier.ControlModifier


class _EmacsKeys(QObject):
    """What QLineEdit does on X11: it claims Ctrl+E (end of line), Ctrl+D (delete), Ctrl+H …
    in ShortcutOverride, so the window's shortcut does not fire."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.modifiers() == CTRL and event.key() in (Qt.Key.Key_E, Qt.Key.Key_D)
        ):
            event.accept()
            return True
        return False


def test_ctrl_e_exports_while_the_search_box_or_a_form_field_has_the_focus(
    make_controller, tmp_path, monkeypatch
):
    # QA (Linux): QLineEdit takes Ctrl+E as end-of-line (Emacs), so 导出到文件 did nothing
    # while the search box (which has the focus at start) or a form field had the focus
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    w = shown(c.window)
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a[1]) or ("", "")
    )
    # The offscreen platform uses the Windows key scheme, where text fields leave Ctrl+E,
    # Ctrl+D … alone. Give every text field the X11 scheme's claim on them, as on Linux.
    claims = _EmacsKeys()
    for field in w.findChildren(QLineEdit) + w.findChildren(QPlainTextEdit):
        field.installEventFilter(claims)
    w.editor.department.installEventFilter(claims)  # an editable combo box asks its line edit
    w.editor.setCurrentWidget(w.editor.goals)
    goal = w.editor.goal_edits["goal_overall"]
    for field in (w.search, goal):
        field.setFocus()
        assert QApplication.focusWidget() is field
        QTest.keyClick(field, Qt.Key.Key_E, CTRL)
        assert len(asked) == 1, field
        asked.clear()
    # Ctrl+D (复制项目) from a line edit too, while the field's own undo stays its own
    before = w.model.rowCount()
    QTest.keyClick(w.search, Qt.Key.Key_D, CTRL)
    assert w.model.rowCount() == before + 1
    w.editor.setCurrentWidget(w.editor.basic)
    w.editor.name.setFocus()
    QTest.keyClick(w.editor.name, Qt.Key.Key_E, CTRL)
    assert len(asked) == 1
    w.editor.department.setFocus()
    assert QApplication.focusWidget() is w.editor.department
    QTest.keyClick(w.editor.department, Qt.Key.Key_E, CTRL)
    assert len(asked) == 2
    asked.clear()
    QTest.keyClicks(w.editor.name, "abc")
    QTest.keyClick(w.editor.name, Qt.Key.Key_Z, CTRL)
    assert not w.editor.name.text().endswith("abc")
