"""A date or an amount typed and not confirmed (no Tab, no Enter) is never lost, whatever
the clerk does next: on every way out of the field — Tab, Enter, a click elsewhere, another
project, another tab, a menu or its shortcut, closing the window, and export, print or merge
started from the menu — it is saved (and what goes out carries it), or, refused, it stays red
in its field and the action asks or goes on without losing it.

Every way out is a real key or mouse event sent to the window; the field is reached and filled
by keys, never by a setter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from tests import test_ui_editor_keyboard as test_keyboard
from tests.test_ui_editor_keyboard import Keyboard
from tests.test_ui_window import select_name, stored
from tests.ui_helpers import shown

Key = Qt.Key
Mod = Qt.KeyboardModifier
CTRL, ALT, SHIFT = Mod.ControlModifier, Mod.AltModifier, Mod.ShiftModifier
sample_window = test_keyboard.sample_window  # the fixture: the 13 sample forms, shown

NAME = "人民调解"
# typed as a clerk writes them on paper; what the form must hold afterwards
TYPED = {"date": "2024/2/3", "amount": "1234567.8"}
MEANS = {"date": date(2024, 2, 3), "amount": 123_456_780}  # 分
SHOWN = {"date": "2024/2/3", "amount": "1,234,567.80"}  # the field once read
REFUSED = {"date": "2024/2/30", "amount": "12a"}  # no such day; not an amount


def _held(project, what):
    return project.start_date if what == "date" else project.funds.total


def _field(w, what):
    return w.editor.start if what == "date" else w.editor.money["total"]


def _type_pending(w, what: str, text: str) -> Keyboard:
    """Reach the field by keys and type into it, confirming nothing."""
    select_name(w, NAME)
    w.table.setFocus()
    kb = Keyboard()
    if what == "date":
        kb.key(Key.Key_1, CTRL)  # 基本信息
        kb.key(Key.Key_S, ALT)  # 计划开始日期(&S)
        assert kb.focus() is w.editor.start.line
    else:
        kb.key(Key.Key_2, CTRL)  # 项目资金: its first field, 项目资金总额
        assert kb.focus() is w.editor.money["total"]
    kb.type(text)
    assert _field(w, what).text() == text  # shown, and nothing has read it yet
    assert _held(stored(w.path)[NAME], what) != MEANS[what]
    return kb


# -- the ways out: each returns the project as it went out (None: look in the database) ----------


def _key(key, mods=Mod.NoModifier):
    def way(w, kb, tmp_path, monkeypatch):
        kb.key(key, mods)

    return way


def _click_elsewhere(w, kb, tmp_path, monkeypatch):
    QTest.mouseClick(w.search, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is w.search


def _click_a_tab(w, kb, tmp_path, monkeypatch):
    bar = w.editor.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())  # 绩效目标
    assert w.editor.currentWidget() is w.editor.goals


def _menu_by_keys(letter):
    """Alt+F opens 文件, the letter chooses its item."""

    def way(w, kb, tmp_path, monkeypatch):
        QTimer.singleShot(100, lambda: QTest.keyClick(QApplication.activePopupWidget(), letter))
        kb.key(Key.Key_F, ALT)
        QTest.qWait(200)
        assert QApplication.activePopupWidget() is None

    return way


def _close(w, kb, tmp_path, monkeypatch):
    _menu_by_keys(Key.Key_X)(w, kb, tmp_path, monkeypatch)  # 文件 › 退出(&X)
    assert not w.isVisible()


def _export(w, kb, tmp_path, monkeypatch):
    from desktop.io.json_format import loads

    out = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    kb.key(Key.Key_E, CTRL)  # 导出到文件
    if not out.exists():
        return "nothing exported"
    (project,) = loads(out.read_text(encoding="utf-8")).projects
    return project


def _print(w, kb, tmp_path, monkeypatch):
    from desktop.ui import print_dialog

    seen = []

    class Recorder:
        def __init__(self, parent, selected, *args, **kwargs):
            seen.extend(selected)

        def exec(self):
            return 0

    monkeypatch.setattr(print_dialog, "PrintDialog", Recorder)
    kb.key(Key.Key_P, CTRL)  # 打印
    return seen[0] if seen else "nothing printed"


def _export_pdf(w, kb, tmp_path, monkeypatch):
    out = tmp_path / "out.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    kb.key(Key.Key_E, CTRL | SHIFT)  # 导出 PDF
    if not out.exists():
        return "nothing exported"
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(out).pages)


def _merge(w, kb, tmp_path, monkeypatch):
    from desktop.store.exchange import export_db
    from desktop.ui import exchange_dialogs
    from tests.ui_helpers import generated_projects

    theirs = tmp_path / "colleague.db"
    export_db(generated_projects(1, seed=3), theirs)  # a colleague's own new project
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(theirs), ""))
    monkeypatch.setattr(
        exchange_dialogs.MergeDialog, "exec", lambda self: exchange_dialogs.QDialog.Accepted
    )
    before = len(stored(w.path))
    kb.key(Key.Key_I, CTRL)  # 从文件导入 (a .db file: merged after the preview)
    return None if len(stored(w.path)) == before + 1 else "nothing merged"


WAYS = {
    "Tab": _key(Key.Key_Tab),
    "Enter": _key(Key.Key_Return),
    "click elsewhere": _click_elsewhere,
    "Ctrl+PgDn": _key(Key.Key_PageDown, CTRL),
    "Ctrl+PgUp": _key(Key.Key_PageUp, CTRL),
    "Ctrl+Tab": _key(Key.Key_Tab, CTRL),
    "click on a tab": _click_a_tab,
    "Ctrl+4": _key(Key.Key_4, CTRL),
    "F6": _key(Key.Key_F6),
    "Ctrl+S": _key(Key.Key_S, CTRL),
    "Alt+F, S": _menu_by_keys(Key.Key_S),  # 文件 › 保存(&S)
    "Ctrl+D": _key(Key.Key_D, CTRL),  # 复制项目: the copy carries it too
    "Ctrl+Z": _key(Key.Key_Z, CTRL),  # what is on screen is written, then undone as a step
    "close": _close,
    "export": _export,
    "print": _print,
    "export PDF": _export_pdf,
    "merge": _merge,
}
# the actions that leave the form for good ask about a refused entry first
ASKING = {"close", "export", "print", "export PDF", "merge"}


@pytest.mark.parametrize("what", ["date", "amount"])
@pytest.mark.parametrize("way", list(WAYS))
def test_what_was_typed_goes_out_saved_on_every_way_out(
    sample_window, tmp_path, monkeypatch, way, what
):
    w = sample_window
    kb = _type_pending(w, what, TYPED[what])
    before_undo = w.session.undo_stack.count()
    went_out = WAYS[way](w, kb, tmp_path, monkeypatch)
    QApplication.processEvents()
    if isinstance(went_out, str) and way == "export PDF":
        want = SHOWN[what]  # the paper's 项目资金（元）: 元, two decimals
        assert want in went_out, f"the PDF does not show {want}"
    elif went_out is not None:
        assert not isinstance(went_out, str), went_out
        assert _held(went_out, what) == MEANS[what]
    stored_now = stored(w.path)
    if way == "Ctrl+Z":  # written as one step first, so the undo undid exactly that step
        assert _held(stored_now[NAME], what) != MEANS[what]
        assert w.session.undo_stack.canRedo()
        kb.key(Key.Key_Y, CTRL)
        stored_now = stored(w.path)
    assert _held(stored_now[NAME], what) == MEANS[what]
    if way == "Ctrl+D":
        copies = [p for n, p in stored_now.items() if n.startswith(NAME) and n != NAME]
        assert copies and all(_held(p, what) == MEANS[what] for p in copies)
    if way == "close":
        return
    if way != "merge":  # (a merge starts the undo history afresh, and says so in 编辑)
        assert w.session.undo_stack.count() > before_undo  # an undoable step, like any edit
    select_name(w, NAME)
    assert _field(w, what).text() == SHOWN[what]
    assert not _field(w, what).has_error()


@pytest.mark.parametrize("what", ["date", "amount"])
@pytest.mark.parametrize("way", [w for w in WAYS if w not in ("Ctrl+Z", "Ctrl+D")])
def test_a_refused_entry_stays_red_on_every_way_out(
    sample_window, tmp_path, monkeypatch, dialogs, way, what
):
    w = sample_window
    original = _held(stored(w.path)[NAME], what)
    kb = _type_pending(w, what, REFUSED[what])
    WAYS[way](w, kb, tmp_path, monkeypatch)
    QApplication.processEvents()
    assert _held(stored(w.path)[NAME], what) == original  # nothing read into the form
    asked = [text for kind, text in dialogs if kind == "question"]
    if way in ASKING:  # asked, naming the entry (the fixture answers 是: go on)
        assert any(REFUSED[what] in text for text in asked), asked
    if way == "close":
        assert any("会丢失" in text for text in asked)  # closing says it is lost
        return
    select_name(w, NAME)
    field = _field(w, what)
    assert field.text() == REFUSED[what] and field.has_error()  # still there, red


def test_closing_right_after_an_edit_reads_no_closed_file(make_controller, tmp_path, qtbot):
    """The 审核 rerun that an edit starts is dropped with the window: it does not read the
    database after it was closed (an error in the event loop fails the test)."""
    c = make_controller(tmp_path / "close.db")
    c.load_sample()
    w = shown(c.window)
    kb = _type_pending(w, "amount", TYPED["amount"])
    # 审核 › 全部项目: the rerun reads every flagged project from the file
    QTest.mouseClick(w.audit_panel.all_projects, Qt.MouseButton.LeftButton)
    assert w.audit_panel.show_all
    kb.key(Key.Key_2, CTRL)
    kb.type("1234567.9")
    kb.key(Key.Key_Return)  # saved: the checks rerun shortly
    assert c.shutdown()
    QTest.qWait(300)  # longer than the pause before the rerun
    assert _held(stored(tmp_path / "close.db")[NAME], "amount") == 123_456_790
