"""Fields take input safely, by every route in: an amount or a date entered by Tab,
Shift+Tab, Enter, Ctrl+Tab or Ctrl+2, its mnemonic or a click has its whole text selected, so
what is typed replaces it (never ``0.00500万``); an Alt+letter that is no mnemonic types
nothing in any widget; and after an import or a restore the keyboard is back on the same
project."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from tests import test_ui_editor_keyboard as test_keyboard
from tests.test_ui_editor_keyboard import Keyboard
from tests.test_ui_window import select_name, stored

Key = Qt.Key
Mod = Qt.KeyboardModifier
CTRL, ALT, SHIFT = Mod.ControlModifier, Mod.AltModifier, Mod.ShiftModifier
sample_window = test_keyboard.sample_window  # the fixture: the 13 sample forms, shown
NAME = "人民调解"


def _amount_routes(w, kb):
    ed = w.editor
    return {
        "Tab": lambda: (ed.focus_field(ed.end), kb.key(Key.Key_Tab)),
        "Enter": lambda: (ed.focus_field(ed.end), kb.key(Key.Key_Return)),
        "Shift+Tab": lambda: (ed.focus_field(ed.money["fiscal"]), kb.key(Key.Key_Backtab, SHIFT)),
        "Ctrl+Tab": lambda: (ed.focus_field(ed.name), kb.key(Key.Key_Tab, CTRL)),
        "Ctrl+2": lambda: (w.table.setFocus(), kb.key(Key.Key_2, CTRL)),
        "mnemonic": lambda: (
            ed.focus_field(ed.money["fiscal"]),
            kb.key(Key.Key_T, ALT),  # 项目资金总额(&T)
        ),
        "click": lambda: (
            ed.focus_field(ed.money["fiscal"]),
            QTest.mouseClick(ed.money["total"], Qt.MouseButton.LeftButton),
        ),
    }


def _date_routes(w, kb):
    ed = w.editor
    return {
        "Tab": lambda: (ed.focus_field(ed.unit), kb.key(Key.Key_Tab)),
        "Enter": lambda: (ed.focus_field(ed.unit), kb.key(Key.Key_Return)),
        "Shift+Tab": lambda: (ed.focus_field(ed.end), kb.key(Key.Key_Backtab, SHIFT)),
        "mnemonic": lambda: (ed.focus_field(ed.name), kb.key(Key.Key_S, ALT)),  # (&S)
        "click": lambda: (
            ed.focus_field(ed.name),
            QTest.mouseClick(ed.start.line, Qt.MouseButton.LeftButton),
        ),
    }


@pytest.mark.parametrize(
    "route", ["Tab", "Enter", "Shift+Tab", "Ctrl+Tab", "Ctrl+2", "mnemonic", "click"]
)
def test_every_route_into_an_amount_selects_it_so_typing_replaces_it(sample_window, route):
    w = sample_window
    select_name(w, NAME)
    kb = Keyboard()
    money = w.editor.money["total"]
    assert money.text() not in ("", "0.00")  # an amount to be replaced, not appended to
    _amount_routes(w, kb)[route]()
    assert kb.focus() is money
    assert money.selectedText() == money.text()
    kb.type("500万")
    kb.key(Key.Key_Return)
    assert not money.has_error()
    assert stored(w.path)[NAME].funds.total == 500_000_000  # 500万元, read as a whole


@pytest.mark.parametrize("route", ["Tab", "Enter", "Shift+Tab", "mnemonic", "click"])
def test_every_route_into_a_date_selects_it_so_typing_replaces_it(sample_window, route):
    w = sample_window
    select_name(w, NAME)
    kb = Keyboard()
    line = w.editor.start.line
    assert line.text()
    _date_routes(w, kb)[route]()
    assert kb.focus() is line
    assert line.selectedText() == line.text()
    kb.type("2024/3/4")
    kb.key(Key.Key_Return)
    assert not w.editor.start.has_error()
    assert stored(w.path)[NAME].start_date == date(2024, 3, 4)


# -- Alt+letter of no one: nothing typed, in any widget -------------------------------------------


def _widgets(w):
    ed = w.editor
    return {
        "search": (w.search, lambda x: x.text()),
        "name": (ed.name, lambda x: x.text()),
        "date": (ed.start.line, lambda x: x.text()),
        "unit (combo box)": (ed.unit, lambda x: x.currentText()),
        "year": (ed.year, lambda x: x.text()),
        "goal": (ed.goal_edits["goal_overall"], lambda x: x.toPlainText()),
        "tree": (ed.tree, lambda x: x.currentIndex()),
    }


@pytest.mark.parametrize(
    "where", ["search", "name", "date", "unit (combo box)", "year", "goal", "tree"]
)
def test_an_alt_letter_no_one_has_types_nothing_anywhere(sample_window, where):
    w = sample_window
    select_name(w, NAME)
    widget, shown = _widgets(w)[where]
    w.editor.focus_field(widget) if widget is not w.search else w.search.setFocus()
    QApplication.processEvents()
    before, project = shown(widget), stored(w.path)[NAME]
    focus = QApplication.focusWidget()
    for letter in (Key.Key_Z, Key.Key_B, Key.Key_I):  # no mnemonic of the window's
        QTest.keyClick(focus, letter, ALT)
        QApplication.processEvents()
    assert shown(widget) == before
    assert QApplication.focusWidget() is focus
    w.editor.flush()
    assert stored(w.path)[NAME] == project


# -- after an import or a restore: the same project ------------------------------------------------


def test_after_an_import_the_keyboard_is_back_in_the_same_field(
    sample_window, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from desktop.io.json_format import dumps
    from desktop.ui import import_preview, window_files
    from tests.ui_helpers import generated_projects

    w = sample_window
    select_name(w, NAME)
    kb = Keyboard()
    kb.key(Key.Key_3, CTRL)  # 绩效目标: 项目总目标
    goal = kb.focus()
    incoming = tmp_path / "other.json"
    incoming.write_text(dumps(generated_projects(2, seed=11)), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(incoming), ""))
    monkeypatch.setattr(import_preview.ImportPreviewDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(window_files.ReportDialog, "exec", lambda self: QDialog.Accepted)
    kb.key(Key.Key_I, CTRL)  # 从文件导入
    QApplication.processEvents()
    assert len(stored(w.path)) == 15
    assert w.editor.project.name == NAME
    assert kb.focus() is goal


def test_after_a_restore_the_same_project_is_shown_and_the_editor_has_the_keyboard(
    make_controller, tmp_path, monkeypatch
):
    from desktop.ui import version_dialogs
    from tests.ui_helpers import shown

    c = make_controller(tmp_path / "restore.db")
    c.load_sample()
    w = shown(c.window)
    select_name(w, NAME)
    kb = Keyboard()
    kb.key(Key.Key_1, CTRL)
    c.session.repo.backup("test")  # a backup to go back to

    def choose_first(dialog):
        dialog.chosen = dialog.backups[0] if hasattr(dialog, "backups") else None
        return QDialog.Accepted

    monkeypatch.setattr(version_dialogs.BackupDialog, "exec", choose_first)
    w.act_restore_backup.trigger()
    QApplication.processEvents()
    new = c.window
    assert new is not w
    QTest.qWaitForWindowActive(new)
    assert new.editor.project is not None and new.editor.project.name == NAME
    assert new.editor.isAncestorOf(QApplication.focusWidget())
