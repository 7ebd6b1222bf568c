"""What a clerk met filling a real form at the keyboard, each checked with key events sent to
the widget that has the focus: nothing typed is lost or changed, and every part of the window
is reached by keys.

Each finding, and each thing built for it, with the tests that prove it (``this file::`` is
left out for the tests here; each was read to check that it fails with the fault):

===================================================  ============================================
Finding                                              Tests
===================================================  ============================================
A date or amount typed, not confirmed, lost by       ``test_a_date_typed_and_not_confirmed_is_
Ctrl+PgDn / Ctrl+PgUp                                saved_by_ctrl_pgdn``, ``test_an_amount_typed_
                                                     and_not_confirmed_is_saved_by_ctrl_pgdn``,
                                                     ``test_a_refused_amount_stays_red_across_
                                                     ctrl_pgdn``; test_ui_keyboard_pending_input
                                                     (every way out)
An amount reached by Ctrl+Tab appended to            ``test_ctrl_tab_to_the_funds_selects_the_
(``0.00500万`` read as 50.00)                        amount_so_typing_replaces_it``, ``test_an_
                                                     amount_typed_after_the_one_shown_is_refused_
                                                     not_read_as_50_yuan``
Alt+letter of another tab typed the letter           ``test_alt_letter_of_another_tab_types_
                                                     nothing``, ``test_alt_letter_in_the_list_
                                                     does_not_jump_to_a_row``
Tab never left the list; no key to the editor or     ``test_tab_leaves_the_list_as_one_stop_and_
the tree                                             f6_cycles_the_panes``, ``test_ctrl_digit_goes_
                                                     to_each_tabs_first_field``
After a merge focus was nowhere, undo gone           ``test_after_a_merge_the_keyboard_is_back_in_
                                                     the_tree_and_undo_works``, ``test_after_a_
                                                     merge_edit_says_why_earlier_steps_are_gone_
                                                     and_later_ones_undo``
Enter on an existing indicator's value added a row;  ``test_enter_after_correcting_an_existing_
Right did not reach the value                        value_goes_to_the_next_value``
Focus hard to see (list, tab bar, combo, tree)       ``test_a_frame_marks_the_focused_list_and_
                                                     follows_the_focus``; test_ui_focus_frame
                                                     (pixels, 100 % and 150 %)
F7 hid the panel the first time                      ``test_f7_is_a_checkable_show_panel_and_shows_
                                                     it_focused``
A date typed as on paper printed as ISO              ``test_a_date_typed_as_on_paper_is_printed_so``
English UI: undo texts, 审核 messages, toolbar,      test_ui_english_strings (every window and
file dialogs, change lines                           dialog, undo texts, findings, Qt's file
                                                     dialog, ``test_what_changed_since_a_printed_
                                                     version_reads_in_english``), ``test_the_
                                                     indicator_toolbar_fits_beside_the_list_in_
                                                     english``
The sample's own problems looked like the            ``test_the_samples_own_problems_are_marked_as_
program's                                            the_published_forms``, ``test_the_offer_of_
                                                     the_examples_says_they_are_as_published``
===================================================  ============================================

===================================================  ============================================
Built                                                Tests
===================================================  ============================================
Pending input saved or visibly refused on every      test_ui_keyboard_pending_input: ``test_what_
way out (Tab, Enter, click, project/tab switch,      was_typed_goes_out_saved_on_every_way_out``,
menu, shortcut, close, export/print/PDF/merge)       ``test_a_refused_entry_stays_red_on_every_way_
                                                     out``; test_ui_keyboard_invariant (random keys)
Fields take input safely: every route in selects     test_ui_keyboard_routes: ``test_every_route_
the text; an amount is read only as a whole          into_an_amount_selects_it_so_typing_replaces_
                                                     it``, ``..._a_date_...``; ``test_a_click_into_
                                                     an_amount_selects_it``, ``test_an_amount_typed_
                                                     after_the_one_shown_is_refused_...``
Mnemonics never type, in any widget                  test_ui_keyboard_routes: ``test_an_alt_letter_
                                                     no_one_has_types_nothing_anywhere``; ``test_
                                                     alt_letter_of_another_tab_types_nothing``
A keyboard route: F6/Shift+F6, Tab leaves the        ``test_tab_leaves_the_list_as_one_stop_and_f6_
list, Ctrl+1…4, a visible focus frame                cycles_the_panes``, ``test_ctrl_digit_goes_to_
                                                     each_tabs_first_field``; test_ui_focus_frame
After merge, import or restore: same place, undo     ``test_after_a_merge_...`` (both);
for later edits, 编辑 says why                       test_ui_keyboard_routes: ``test_after_an_
                                                     import_the_keyboard_is_back_in_the_same_
                                                     field``, ``test_after_a_restore_the_same_
                                                     project_is_shown_and_the_editor_has_the_
                                                     keyboard``
The tree: Enter to the next value, Right/Left, F7    ``test_enter_after_correcting_an_existing_
checkable                                            value_goes_to_the_next_value``, ``test_f7_is_
                                                     a_checkable_show_panel_and_shows_it_focused``
Dates as typed                                       ``test_a_date_typed_as_on_paper_is_printed_so``
English complete (a test fails on any CJK            test_ui_english_strings; test_ui_translations
character in the English UI)
The sample's own problems explained                  ``test_the_samples_own_problems_are_marked_as_
                                                     the_published_forms``, ``test_the_offer_of_
                                                     the_examples_says_they_are_as_published``
===================================================  ============================================
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QTableView

from tests import test_ui_editor_keyboard as test_keyboard
from tests.test_ui_editor_keyboard import Keyboard
from tests.test_ui_window import select_name, stored

Key = Qt.Key
Mod = Qt.KeyboardModifier
CTRL, ALT, SHIFT = Mod.ControlModifier, Mod.AltModifier, Mod.ShiftModifier
sample_window = test_keyboard.sample_window  # the fixture: the 13 sample forms, shown


def undo_texts(window) -> list[str]:
    stack = window.session.undo_stack
    return [stack.text(i) for i in range(stack.count())]


# -- 1. typed but not confirmed, then another project: saved ------------------------------------


def test_a_date_typed_and_not_confirmed_is_saved_by_ctrl_pgdn(sample_window):
    w = sample_window
    select_name(w, "人民调解")
    kb = Keyboard()
    w.editor.name.setFocus()
    kb.key(Key.Key_S, ALT)  # 计划开始日期(&S)
    assert kb.focus() is w.editor.start.line
    kb.type("2024/2/3")
    assert w.editor.start.reading.text() == "2024年2月3日"
    kb.key(Key.Key_PageDown, CTRL)
    assert w.editor.project.name != "人民调解"
    assert stored(w.path)["人民调解"].start_date == date(2024, 2, 3)
    kb.key(Key.Key_PageUp, CTRL)
    assert w.editor.start.text() == "2024/2/3"  # as typed, saved, and in the undo history
    assert "修改计划日期" in undo_texts(w)


def test_an_amount_typed_and_not_confirmed_is_saved_by_ctrl_pgdn(sample_window):
    w = sample_window
    select_name(w, "人民调解")
    kb = Keyboard()
    w.editor.setCurrentWidget(w.editor.funds)
    w.editor.money["fiscal"].setFocus(Qt.FocusReason.TabFocusReason)
    kb.key(Key.Key_T, ALT)  # 项目资金总额(&T)
    kb.type("5000000")
    kb.key(Key.Key_PageDown, CTRL)
    assert stored(w.path)["人民调解"].funds.total == 500_000_000
    kb.key(Key.Key_PageUp, CTRL)
    assert w.editor.money["total"].text() == "5,000,000.00"


def test_a_refused_amount_stays_red_across_ctrl_pgdn(sample_window):
    w = sample_window
    select_name(w, "人民调解")
    kb = Keyboard()
    w.editor.setCurrentWidget(w.editor.funds)
    w.editor.money["total"].setFocus(Qt.FocusReason.TabFocusReason)
    kb.type("12a")
    kb.key(Key.Key_PageDown, CTRL)
    assert w.editor.project.name != "人民调解"
    kb.key(Key.Key_PageUp, CTRL)
    money = w.editor.money["total"]
    assert money.text() == "12a" and money.has_error()  # refused, visible, not lost


# -- 2. entering an amount selects it; only whole amounts are read -------------------------------


def test_ctrl_tab_to_the_funds_selects_the_amount_so_typing_replaces_it(sample_window):
    w = sample_window
    select_name(w, "人民调解")
    kb = Keyboard()
    w.editor.setCurrentIndex(0)
    w.editor.name.setFocus()
    kb.key(Key.Key_Tab, CTRL)
    money = w.editor.money["total"]
    assert kb.focus() is money and money.selectedText() == money.text()
    kb.type("500万")
    kb.key(Key.Key_Return)
    assert stored(w.path)["人民调解"].funds.total == 500_000_000


def test_a_click_into_an_amount_selects_it(sample_window):
    w = sample_window
    select_name(w, "人民调解")
    w.editor.setCurrentWidget(w.editor.funds)
    money = w.editor.money["other"]
    QTest.mouseClick(money, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is money and money.selectedText() == money.text()


def test_an_amount_typed_after_the_one_shown_is_refused_not_read_as_50_yuan(sample_window):
    w = sample_window
    select_name(w, "人民调解")
    money = w.editor.money["other"]
    w.editor.setCurrentWidget(w.editor.funds)
    money.setFocus(Qt.FocusReason.TabFocusReason)
    kb = Keyboard()
    kb.key(Key.Key_End)
    kb.type("500万")
    assert money.text() == "0.00500万"
    kb.key(Key.Key_Return)
    assert money.has_error() and "不是一个完整的金额" in money.message.text()
    assert kb.focus() is money
    assert stored(w.path)["人民调解"].funds.other == 0


# -- 3. Alt+letter that is no mnemonic here types nothing ----------------------------------------


@pytest.mark.parametrize("letter", [Key.Key_A, Key.Key_K, Key.Key_Z])
def test_alt_letter_of_another_tab_types_nothing(sample_window, letter):
    w = sample_window
    select_name(w, "人民调解")
    w.editor.setCurrentWidget(w.editor.funds)
    money = w.editor.money["total"]
    money.setFocus(Qt.FocusReason.TabFocusReason)
    before = money.text()
    kb = Keyboard()
    kb.key(letter, ALT)
    assert money.text() == before and not money.has_error()
    assert kb.focus() is money  # nor does it open a menu or move the keyboard elsewhere


def test_alt_letter_in_the_list_does_not_jump_to_a_row(sample_window):
    w = sample_window
    select_name(w, "人民调解")
    w.table.setFocus()
    row = w.table.currentIndex().row()
    Keyboard().key(Key.Key_Z, ALT)
    assert w.table.currentIndex().row() == row


# -- 7. the focus is visible -----------------------------------------------------------------------


def test_a_frame_marks_the_focused_list_and_follows_the_focus(sample_window):
    from desktop.ui.keyboard_aids import FocusRing

    w = sample_window
    ring = QApplication.instance().findChild(FocusRing).ring
    w.table.setFocus()
    QApplication.processEvents()
    assert ring.isVisible() and ring.geometry() == w.table.geometry()
    assert ring.parentWidget() is w.table.parentWidget()
    w.editor.setCurrentIndex(0)
    w.editor.nature.setFocus()
    QApplication.processEvents()
    ring = QApplication.instance().findChild(FocusRing).ring
    assert ring.geometry() == w.editor.nature.geometry()  # the combo box, not its line
    image = w.grab().toImage()
    corner = ring.mapTo(w, ring.rect().topLeft())
    assert image.pixelColor(corner.x() + 1, corner.y() + 5).name() == "#1a73e8"


# -- 9. dates as typed ---------------------------------------------------------------------------


def test_a_date_typed_as_on_paper_is_printed_so(sample_window):
    from desktop.printing.layout import date_text  # what the printout writes

    w = sample_window
    select_name(w, "人民调解")
    kb = Keyboard()
    w.editor.start.line.setFocus(Qt.FocusReason.TabFocusReason)
    kb.type("2024/1/1")
    kb.key(Key.Key_Return)
    project = stored(w.path)["人民调解"]
    assert project.date_style == "slash"
    assert date_text(project, project.start_date) == "2024/1/1"
    assert w.editor.end.text() == "2024/12/31"  # the form writes its dates one way


# -- 11. the sample's own problems ---------------------------------------------------------------


def test_the_samples_own_problems_are_marked_as_the_published_forms(sample_window):
    w = sample_window
    texts = {w.model.summary(r).name: w.model.index(r, 4).data() for r in range(w.model.rowCount())}
    flagged = {name: t for name, t in texts.items() if t != "通过"}
    assert flagged and all(t.endswith(" · 原表") for t in flagged.values())
    row = next(r for r in range(w.model.rowCount()) if w.model.summary(r).name in flagged)
    tip = w.model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "原表本身的问题" in tip and "不是程序出错" in tip
    assert "原表" in w.statusBar().currentMessage()
    # once the clerk edits the form, its problems are the clerk's
    name = w.model.summary(row).name
    select_name(w, name)
    kb = Keyboard()
    w.editor.setCurrentIndex(0)
    w.editor.unit.setFocus()
    kb.type("x")
    kb.key(Key.Key_Return)
    row = next(r for r in range(w.model.rowCount()) if w.model.summary(r).name == name)
    assert "原表" not in (w.model.index(row, 4).data() or "")


def test_the_offer_of_the_examples_says_they_are_as_published(make_controller, tmp_path, dialogs):
    c = make_controller(tmp_path / "first.db")
    from desktop.ui.paths import settings

    settings().setValue("sample_offered", False)
    c.offer_sample()
    kind, text = dialogs[-1]
    assert kind == "question" and "原样" in text and "原表" in text
    assert isinstance(c.window.table, QTableView)


# -- 4. a keyboard route through the window ------------------------------------------------------


def test_tab_leaves_the_list_as_one_stop_and_f6_cycles_the_panes(sample_window):
    w = sample_window
    select_name(w, "人民调解")
    kb = Keyboard()
    w.search.setFocus()
    for _ in range(4):  # search → 年度 → 审核 → 状态 → 实施单位 filters, one stop each
        kb.key(Key.Key_Tab)
    assert kb.focus() is w.nav.unit_filter
    kb.key(Key.Key_Tab)
    assert kb.focus() is w.table  # then the list
    kb.key(Key.Key_Tab)  # one stop for the list: on to the editor
    assert w.editor.isAncestorOf(kb.focus())
    kb.key(Key.Key_F6)  # list → editor → 审核 panel → list
    assert kb.focus() is w.audit_panel.tree
    kb.key(Key.Key_F6)
    assert kb.focus() is w.table
    kb.key(Key.Key_F6)
    assert w.editor.isAncestorOf(kb.focus())
    kb.key(Key.Key_F6, SHIFT)
    assert kb.focus() is w.table


@pytest.mark.parametrize("digit", [1, 2, 3, 4])
def test_ctrl_digit_goes_to_each_tabs_first_field(sample_window, digit):
    w = sample_window
    select_name(w, "人民调解")
    w.table.setFocus()
    Keyboard().key(getattr(Key, f"Key_{digit}"), CTRL)
    ed = w.editor
    first = (ed.name, ed.money["total"], ed.goal_edits["goal_overall"], ed.tree)[digit - 1]
    assert ed.currentIndex() == digit - 1 and QApplication.focusWidget() is first
    if digit == 4:  # into the tree, on a row: Delete works at once
        assert ed.tree.currentIndex().isValid()


# -- 5. after a merge: focus and undo --------------------------------------------------------------


def test_after_a_merge_the_keyboard_is_back_in_the_tree_and_undo_works(
    sample_window, tmp_path, monkeypatch
):
    from desktop.store.exchange import export_db
    from desktop.ui import exchange_dialogs

    w = sample_window
    select_name(w, "人民调解")
    mine = w.editor.project
    theirs = tmp_path / "colleague.db"
    export_db([mine.with_changes(goal_annual=mine.goal_annual + "（补充）")], theirs)
    kb = Keyboard()
    kb.key(Key.Key_4, CTRL)
    path = w.editor.tree_model.indicator_paths()[1]  # an indicator row, the cursor on it
    w.editor.tree.setCurrentIndex(w.editor.tree_model.index_for_path(path, 0))
    monkeypatch.setattr(
        exchange_dialogs.MergeDialog,
        "exec",
        lambda self: exchange_dialogs.QDialog.DialogCode.Accepted,
    )
    assert w.merge_from(str(theirs))
    assert w.editor.project.id == mine.id
    assert QApplication.focusWidget() is w.editor.tree
    assert w.editor.tree_model.node(w.editor.tree.currentIndex()).path == path
    assert w.act_undo_note.isVisible() and "合并之前" in w.act_undo_note.text()
    kb.key(Key.Key_Delete)  # the row under the cursor goes, as one undo step
    count = len(stored(w.path)["人民调解"].indicators)
    assert count == len(mine.indicators) - 1
    kb.key(Key.Key_Z, CTRL)
    assert len(stored(w.path)["人民调解"].indicators) == len(mine.indicators)


# -- 6. the tree -------------------------------------------------------------------------------


def test_enter_after_correcting_an_existing_value_goes_to_the_next_value(sample_window):
    from desktop.ui.tree_editors import ValueLineEdit

    w = sample_window
    select_name(w, "人民调解")
    ed = w.editor
    kb = Keyboard()
    kb.key(Key.Key_4, CTRL)
    paths = ed.tree_model.indicator_paths()
    last_of_group = next(
        n for n in range(len(paths) - 1) if paths[n][:2] != paths[n + 1][:2]
    )  # the group's last row: Enter there added an empty row before
    ed.tree.setCurrentIndex(ed.tree_model.index_for_path(paths[last_of_group], 0))
    kb.key(Key.Key_Right)  # name → value
    assert ed.tree.currentIndex().column() == 1
    kb.key(Key.Key_Return)  # edit the value
    assert isinstance(kb.focus(), ValueLineEdit)
    kb.type("≥99%")
    kb.key(Key.Key_Return)
    QApplication.processEvents()
    assert ed.tree.currentIndex() == ed.tree_model.index_for_path(paths[last_of_group + 1], 1)
    kb.key(Key.Key_Escape)
    assert len(stored(w.path)["人民调解"].indicators) == len(paths)  # no empty row
    assert w.session.undo_stack.undoText() == "修改指标值"
    assert not w.session.undo_stack.canRedo()
    kb.key(Key.Key_Left)
    assert ed.tree.currentIndex().column() == 0


# -- 8. F7 -----------------------------------------------------------------------------------------


def test_f7_is_a_checkable_show_panel_and_shows_it_focused(sample_window):
    w = sample_window
    select_name(w, "人民调解")
    assert w.act_audit.isCheckable() and w.act_audit.text() == "显示审核面板(&K)"
    assert w.act_audit.isChecked() == w.audit_panel.isVisible() is True  # right at the start
    w.editor.name.setFocus()
    kb = Keyboard()
    kb.key(Key.Key_F7)
    assert not w.audit_panel.isVisible() and not w.act_audit.isChecked()
    kb.key(Key.Key_F7)
    QApplication.processEvents()
    assert w.audit_panel.isVisible() and w.act_audit.isChecked()
    assert QApplication.focusWidget() is w.audit_panel.tree


# -- 10. English: the indicator toolbar fits -------------------------------------------------------


def test_the_indicator_toolbar_fits_beside_the_list_in_english(make_controller, tmp_path):
    from PySide6.QtWidgets import QToolBar

    c = make_controller(tmp_path / "en.db")
    c.set_language("en")
    try:
        editor = c.window.editor
        editor.setCurrentWidget(editor.indicators)  # (the page is built when first shown)
        bar = editor.indicators.findChild(QToolBar)
        # the editor's half of a 1366-pixel screen, with room to spare
        assert bar.sizeHint().width() <= 600
        assert [a.text() for a in bar.actions()][-1] == "Pas&te rows"
    finally:
        c.set_language("zh_CN")


def test_after_a_merge_edit_says_why_earlier_steps_are_gone_and_later_ones_undo(
    sample_window, tmp_path, monkeypatch
):
    from desktop.store.exchange import export_db
    from desktop.ui import exchange_dialogs
    from tests.ui_helpers import generated_projects

    w = sample_window
    select_name(w, "人民调解")
    kb = Keyboard()
    kb.key(Key.Key_3, CTRL)  # 绩效目标: 总体目标, the cursor at its end
    goal = w.editor.goal_edits["goal_overall"]
    assert kb.focus() is goal
    kb.type("（甲）")
    kb.key(Key.Key_Tab)  # saved: one step in 编辑 › 撤销
    kb.key(Key.Key_Backtab, SHIFT)  # back into 总体目标
    assert kb.focus() is goal
    assert w.act_undo.isEnabled() and not w.act_undo_note.isVisible()
    theirs = tmp_path / "colleague.db"
    export_db(generated_projects(1, seed=5), theirs)  # a colleague's own new project
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(theirs), ""))
    monkeypatch.setattr(
        exchange_dialogs.MergeDialog, "exec", lambda self: exchange_dialogs.QDialog.Accepted
    )
    kb.key(Key.Key_I, CTRL)  # 从文件导入 a .db: merged after the preview
    assert len(stored(w.path)) == 14
    # the keyboard is back where it was: the same project, the same field
    assert w.editor.project.name == "人民调解" and kb.focus() is goal
    # 编辑 says why the step before the merge cannot be undone, and undo is off
    edit_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "编辑(&E)" and a.menu())
    assert w.act_undo_note in edit_menu.actions()
    assert w.act_undo_note.isVisible() and not w.act_undo_note.isEnabled()
    assert "合并之前的修改不能撤销" in w.act_undo_note.text()
    assert not w.act_undo.isEnabled()
    kb.key(Key.Key_Z, CTRL)
    assert stored(w.path)["人民调解"].goal_overall.endswith("（甲）")  # nothing undone
    # an edit after the merge undoes and redoes as any edit
    goal.moveCursor(goal.textCursor().MoveOperation.End)
    kb.type("（乙）")
    kb.key(Key.Key_Tab)
    assert stored(w.path)["人民调解"].goal_overall.endswith("（甲）（乙）")
    kb.key(Key.Key_Z, CTRL)
    assert stored(w.path)["人民调解"].goal_overall.endswith("（甲）")
    assert goal.toPlainText().endswith("（甲）")
    kb.key(Key.Key_Y, CTRL)
    assert stored(w.path)["人民调解"].goal_overall.endswith("（甲）（乙）")
