"""What a keyboard pass over the real window in English found (stop 32): counts said in the
singular when there is one, the list's name column seen whole, amounts shown whole, the
mnemonics inside the English words and none twice on a tab or in a menu, ↓ from the search
box into the list, and the form's 一级 names shown as the form writes them in the 审核 panel
as in the indicator tree. Expected texts are written by hand."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from desktop.ui.project_list import COL_NAME, COL_STATUS
from tests.in_each_language import said
from tests.test_ui_editor_keyboard import Keyboard
from tests.test_ui_english_strings import english_window  # noqa: F401  (the fixture)
from tests.test_ui_window import select_name
from tests.ui_helpers import dialog_actions

Key = Qt.Key
Mod = Qt.KeyboardModifier
SMALL = (1366, 728)  # a 1366×768 screen less the task bar, at 100%
SCALED = (910, 485)  # the same screen at 150% (QT_SCALE_FACTOR=1.5), in logical pixels


@pytest.fixture(params=["en", "zh_CN"])
def sample_in_each_language(request, make_controller, tmp_path):
    """The 13 sample forms, the window in a language, shown on a 1366×768 screen."""
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    c.set_language(request.param)
    w = c.window
    w.resize(*SMALL)
    w.show()
    w.activateWindow()
    QTest.qWaitForWindowActive(w)
    QApplication.processEvents()
    yield c, request.param
    c.set_language("zh_CN")


# -- 1. a count of one is said in the singular -------------------------------------------------


def test_one_warning_is_one_warning_in_the_list_and_the_panel(sample_in_each_language):
    c, language = sample_in_each_language
    w = c.window
    proxy = w.proxy
    cells = {proxy.index(r, 0).data(): proxy.index(r, COL_STATUS).data() for r in range(13)}
    # 司法调解 as published: one warning (no 成本指标), none else
    said(cells["司法调解"], language, "1 warning · as published", "警告 1 · 原表")
    said(cells["人民调解"], language, "2 warnings · as published", "警告 2 · 原表")
    if language == "en":
        assert not [t for t in cells.values() if re.match(r"1 (errors|warnings)\b", t)], cells
    select_name(w, "司法调解")
    w.refresh_audit()
    said(w.audit_panel.summary.text(), language, "0 errors, 1 warning", "错误 0 条，警告 1 条")
    said(
        w.nav.count_label.text(),
        language,
        "13 projects, total funds 31,765,324.00 yuan",
        "共 13 个项目，项目资金合计 31,765,324.00 元",
    )


# -- 2. the list seen from its left edge, the name column whole ---------------------------------


def test_the_name_column_is_seen_whole_after_a_switch(sample_in_each_language):
    c, language = sample_in_each_language
    w = c.window
    table = w.table
    header = table.horizontalHeader()
    title = w.proxy.headerData(COL_NAME, Qt.Orientation.Horizontal)
    said(title, language, "Project name", "项目名称")
    assert table.horizontalScrollBar().value() == 0
    cell = table.visualRect(w.proxy.index(0, COL_NAME))
    assert cell.left() == 0  # the name first, not scrolled out of sight
    # at least the title and a name of ten characters (上海市普陀区法律援助), whole
    assert header.sectionSize(COL_NAME) >= header.fontMetrics().horizontalAdvance(title)
    assert header.sectionSize(COL_NAME) >= table.fontMetrics().horizontalAdvance(
        "上海市普陀区司法调解"
    )


# -- 3. the largest amount shown whole --------------------------------------------------------


def _shown_whole(edit) -> bool:
    """The whole text is in view: from the first character to the last the cursor moves
    the text's width (a field too narrow scrolls, so the two ends are nearer)."""
    if edit.contentsRect().width() < edit.fontMetrics().horizontalAdvance(edit.text()):
        return False
    edit.home(False)
    start = edit.cursorRect().center().x()
    edit.end(False)
    end = edit.cursorRect().center().x()
    return end - start >= edit.fontMetrics().horizontalAdvance(edit.text()) - 1


@pytest.mark.parametrize("size", [SMALL, SCALED], ids=["100%", "150%"])
def test_the_largest_amount_is_shown_whole_on_the_funds_tab(sample_in_each_language, size):
    c, _language = sample_in_each_language
    w = c.window
    w.resize(*size)
    select_name(w, "人民调解")  # 7,950,000.00 on the form
    w.table.setFocus()
    QTest.keyClick(w, Key.Key_2, Mod.ControlModifier)  # the funds tab
    QApplication.processEvents()
    total = w.editor.money["total"]
    assert QApplication.focusWidget() is total
    assert total.text() == "7,950,000.00" and _shown_whole(total)
    QTest.keyClick(total, Key.Key_A, Mod.ControlModifier)
    QTest.keyClicks(total, "999999999999999.99")  # the largest amount read (below 10¹⁵ 元)
    QTest.keyClick(total, Key.Key_Tab)
    QApplication.processEvents()
    assert total.text() == "999,999,999,999,999.99"
    for key, edit in w.editor.money.items():
        edit.setText("999,999,999,999,999.99")
        assert _shown_whole(edit), (key, edit.width(), edit.contentsRect().width())
    assert w.editor.funds.width() <= w.width()


# -- 4, 5. mnemonics: inside the English words, none twice on a tab or in a menu ----------------


def _mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&])", text)
    return m.group(1).upper() if m else None


def _inside_its_words(text: str) -> bool:
    """``&Total``, ``Ca&rried`` — not ``Planned end date (&W)``."""
    return re.search(r"\(&.\)", text) is None and _mnemonic(text) is not None


def _buddies_and_buttons(page: QWidget) -> list[str]:
    texts = [label.text() for label in page.findChildren(QLabel) if label.buddy()]
    texts += [b.text() for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
    return [t for t in texts if re.search(r"\w", t)]  # not the date fields' ▾


def test_each_tab_in_english_has_its_mnemonics_inside_the_words(english_window):  # noqa: F811
    w = english_window.window
    ed = w.editor
    common = [a.text() for a in w.menuBar().actions()]
    common += [b.text() for b in w.audit_panel.findChildren(QAbstractButton) if b.isVisibleTo(w)]
    seen = {}
    for page in (ed.basic, ed.funds, ed.goals, ed.indicators):
        ed.setCurrentWidget(page)
        QApplication.processEvents()
        texts = _buddies_and_buttons(page)
        seen[ed.tabText(ed.indexOf(page))] = texts
        assert [t for t in texts if not _inside_its_words(t)] == [], texts
        letters = [m for t in common + texts if (m := _mnemonic(t))]
        assert len(letters) == len(set(letters)), (ed.tabText(ed.indexOf(page)), " ".join(letters))
    basic, funds, _goals, indicators = seen.values()
    assert "Planned end da&te" in basic
    assert "&Total project funds" in funds
    assert "&Add indicator" in indicators


def test_the_main_dialogs_in_english_have_their_mnemonics_inside_the_words(
    english_window,  # noqa: F811
    monkeypatch,
):
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    w = english_window.window
    walked = {}

    def check(dialog, *args, **kwargs):
        dialog.show()
        QApplication.processEvents()
        texts = [t for t in _buddies_and_buttons(dialog) if "&" in t.replace("&&", "")]
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.buddy()]
        walked[type(dialog).__name__] = texts
        assert all(_inside_its_words(t) for t in labels), labels
        letters = [_mnemonic(t) for t in texts]
        assert len(letters) == len(set(letters)), (type(dialog).__name__, letters)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", check)
    for kind in ("information", "warning", "critical", "about", "question"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    for act in dialog_actions(w):
        act.trigger()
        QApplication.processEvents()
    assert {"SettingsDialog", "PrintDialog", "CopyFromProject"} <= set(walked)


def test_every_menu_item_has_its_own_mnemonic_in_both_languages(window_in_each_language):
    c, language = window_in_each_language
    w = c.window
    said(w.act_prev.text(), language, "Pre&vious Project", "上一个项目(&V)")
    said(w.act_next.text(), language, "Ne&xt Project", "下一个项目(&X)")
    said(w.act_undo.text(), language, "&Undo", "撤销(&U)")
    said(w.act_redo.text(), language, "&Redo", "重做(&R)")
    edit_menu = w.menuBar().actions()[1].menu()
    for menu in (w.project_menu, edit_menu):
        menu.aboutToShow.emit()
        texts = [a.text() for a in menu.actions() if a.text() and a is not w.act_undo_note]
        letters = [_mnemonic(t) for t in texts]
        assert None not in letters, texts
        assert len(letters) == len(set(letters)), texts


def test_the_indicator_buttons_answer_their_mnemonics(sample_in_each_language):
    c, language = sample_in_each_language
    w = c.window
    ed = w.editor
    select_name(w, "司法调解")
    w.table.setFocus()
    QTest.keyClick(w, Key.Key_4, Mod.ControlModifier)  # the indicators tab
    QApplication.processEvents()
    page = ed.indicators
    acts = (page.act_add, page.act_add_group, page.act_delete, page.act_up, page.act_down)
    acts += (page.act_reviewed, page.act_copy, page.act_paste)
    texts = [a.iconText() for a in acts]  # as the tool bar's buttons carry them
    said(
        " | ".join(texts),
        language,
        "&Add indicator | Add &group… | &Delete | &Up | Dow&n | &Reviewed"
        " | &Copy rows | Pas&te rows",
        "添加指标(&A) | 添加二级指标(&G)… | 删除指标(&D) | 上移(&U) | 下移(&N) | 标记为已复核(&R)"
        " | 复制行(&C) | 粘贴行(&T)",
    )
    page.tree.setCurrentIndex(page.tree_model.first_indicator_index())  # on an indicator row
    before = len(page.tree_model.indicator_paths())
    QTest.keyClick(QApplication.focusWidget(), Key.Key_A, Mod.AltModifier)  # 添加指标
    QTest.qWait(300)  # a mnemonic presses its button for a moment, then clicks it
    assert len(page.tree_model.indicator_paths()) == before + 1  # a new row, its name open
    assert page.tree.isAncestorOf(QApplication.focusWidget())
    QTest.keyClick(QApplication.focusWidget(), Key.Key_Escape)  # left empty: taken away
    QApplication.processEvents()
    assert len(page.tree_model.indicator_paths()) == before


# -- 6. ↓ in the search box goes into the list ------------------------------------------------


def test_down_in_the_search_box_goes_into_the_list(sample_in_each_language):
    c, _language = sample_in_each_language
    w = c.window
    select_name(w, "司法调解")
    row = w.table.currentIndex().row()
    QTest.keyClick(w, Key.Key_F, Mod.ControlModifier)
    assert QApplication.focusWidget() is w.search
    QTest.keyClick(w.search, Key.Key_Down)
    QApplication.processEvents()
    assert QApplication.focusWidget() is w.table
    assert w.table.currentIndex().row() == row and w.editor.project.name == "司法调解"
    QTest.keyClick(w.table, Key.Key_Down)  # and on down the list
    assert w.table.currentIndex().row() == row + 1
    # after a search: ↓ goes to the project chosen among those found
    w.search.setFocus()
    Keyboard().type("医患")  # committed by the input method
    QApplication.processEvents()
    QTest.keyClick(w.search, Key.Key_Down)
    QApplication.processEvents()
    assert QApplication.focusWidget() is w.table
    assert w.proxy.index(w.table.currentIndex().row(), COL_NAME).data() == "医患纠纷"


# -- 7. the form's 一级 names as the form writes them, in the panel as in the tree ---------------


def test_a_missing_level1_is_named_as_the_form_writes_it(sample_in_each_language):
    c, language = sample_in_each_language
    w = c.window
    select_name(w, "司法调解")  # as published: no 成本指标
    w.refresh_audit()
    item = w.audit_panel.tree.topLevelItem(0)
    said(item.text(2), language, "Indicators › 成本指标", "绩效指标 › 成本指标", name="成本指标")
    said(
        item.text(3),
        language,
        "No 成本指标: under the current indicator system every project should have one"
        " (opinion code 1)",
        "没有成本指标：按现行指标体系，每个项目都应设置成本指标（意见代码 1）",
        name="成本指标",
    )
