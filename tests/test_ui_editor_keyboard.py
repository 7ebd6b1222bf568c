"""Filling a form at the keyboard: every key goes to the widget that has the focus, as a
clerk's keyboard would send it (no widget setters)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.model import Project
from desktop.store import open_repository
from desktop.ui.indicator_paste import read_rows, rows_text, split_cells
from desktop.ui.tree_editors import ValueLineEdit
from desktop.ui.window_projects import budget_year
from tests.conftest import SAMPLE
from tests.test_ui_window import select_name, stored

Key = Qt.Key
Mod = Qt.KeyboardModifier


class Keyboard:
    """Sends keys to whatever has the focus and counts them: a key press is one, an ASCII
    character typed is one, and a run of Chinese text committed by the input method is one
    (the same text costs the same in a spreadsheet)."""

    def __init__(self):
        self.count = 0

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def key(self, key, mods=Mod.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(self.focus(), key, mods)
            self.count += 1
            QApplication.processEvents()

    def type(self, text: str) -> None:
        for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
            if run.isascii():
                QTest.keyClicks(self.focus(), run)
                self.count += len(run)
            else:
                event = QInputMethodEvent("", [])
                event.setCommitString(run)
                QApplication.sendEvent(self.focus(), event)
                self.count += 1
            QApplication.processEvents()

    def later(self, key, mods=Mod.NoModifier, delay: int = 50) -> None:
        """A key for a modal dialog or menu that is about to open (its own event loop)."""

        def send():
            target = QApplication.activePopupWidget() or QApplication.activeModalWidget()
            target = (target.focusWidget() if target else None) or target or self.focus()
            QTest.keyClick(target, key, mods)

        self.count += 1
        QTimer.singleShot(delay, send)


def text_cost(text: str) -> int:
    """What typing ``text`` costs under the rules of ``Keyboard``."""
    return sum(
        len(run) if run.isascii() else 1 for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text)
    )


@pytest.fixture
def empty_window(make_controller, tmp_path):
    w = make_controller(tmp_path / "empty.db").window
    w.show()
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w)
    return w


@pytest.fixture
def sample_window(make_controller, tmp_path):
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    c.window.show()
    c.window.activateWindow()  # the keyboard types into the active window
    assert QTest.qWaitForWindowActive(c.window)
    return c.window


def sample_project(name: str = "人民调解") -> Project:
    from desktop.io.published_text import parse_published_text

    result = parse_published_text(SAMPLE.read_text(encoding="utf-8"))
    return next(p for p in result.projects if p.name == name)


# -- the Done-when test ------------------------------------------------------------------------


def test_fill_the_sample_form_by_keys_only(empty_window, qtbot, qtlog):
    w = empty_window
    ed = w.editor
    sample = sample_project()
    kb = Keyboard()
    w.activateWindow()
    w.table.setFocus()

    kb.key(Key.Key_N, Mod.ControlModifier)  # 新建项目: the cursor is in 项目名称
    assert ed.project is not None and kb.focus() is ed.name
    kb.type(sample.name)
    kb.key(Key.Key_Return)
    kb.type(str(sample.year))
    kb.key(Key.Key_Return)
    for text in (sample.nature, sample.category, sample.department, sample.implementing_unit):
        kb.type(text)
        kb.key(Key.Key_Return)
    kb.type("2024-01-01")
    kb.key(Key.Key_Return)
    kb.type("2024-12-31")  # as the sample writes it: the form keeps one way of writing dates
    kb.key(Key.Key_Return)

    # 项目资金: the cursor is in 项目资金总额; one amount as clerks think of it, in 万
    assert ed.currentWidget() is ed.funds and kb.focus() is ed.money["total"]
    amounts = {
        "total": "795万",
        "fiscal": "795万元",
        "other": "",
        "annual_total": "795万",
        "annual_appropriation": "7950000",
        "annual_carryover": "",
        "annual_other": "",
    }
    for key, text in amounts.items():
        assert kb.focus() is ed.money[key]
        if text:
            kb.type(text)
        kb.key(Key.Key_Return)

    # 绩效目标
    assert isinstance(kb.focus(), QPlainTextEdit)
    kb.type(sample.goal_overall)
    kb.key(Key.Key_Return)
    kb.type(sample.goal_annual)
    kb.key(Key.Key_Return)

    # 绩效指标: the first row typed, the other five pasted from a spreadsheet in one go
    assert ed.currentWidget() is ed.indicators and kb.focus() is ed.tree
    assert ed.tree.currentIndex().data() == "成本指标"
    kb.key(Key.Key_Down)  # 产出指标
    kb.later(Key.Key_Return)  # Enter asks which 二级: 数量指标, the first, is highlighted
    kb.key(Key.Key_Return)
    first = sample.indicators[0]
    qtbot.waitUntil(lambda: isinstance(kb.focus(), QLineEdit), timeout=2000)
    kb.type(first.name)
    kb.key(Key.Key_Tab)  # name → value
    assert isinstance(kb.focus(), ValueLineEdit)
    kb.type(first.value.entered)  # ≥85(%)
    kb.key(Key.Key_Tab)
    qtbot.waitUntil(lambda: kb.focus() is ed.tree, timeout=2000)

    QApplication.clipboard().setText(rows_text(sample.indicators[1:]))  # copied in Excel
    kb.later(Key.Key_Return)  # the preview: Enter adds them
    kb.key(Key.Key_V, Mod.ControlModifier)
    assert kb.focus() is ed.tree  # the focus stays in the tree

    w.close()  # the last keystrokes are written
    with open_repository(w.path) as repo:
        (made,) = repo.all_projects()
    # field by field, indicators and all (but the line numbers of the imported text file,
    # which only an import knows)
    imported = sample.with_changes(
        indicators=tuple(replace(i, source_line=None) for i in sample.indicators)
    )
    assert made.content() == imported.content()
    assert made.funds.total == 795_000_000

    # The same form in a spreadsheet, one Tab per cell: the text costs the same; the five
    # rows copied from elsewhere are one Ctrl+V there too.
    cells = [
        sample.name,
        str(sample.year),
        sample.nature,
        sample.category,
        sample.department,
        sample.implementing_unit,
        "2024-01-01",
        "2024-12-31",
        *("7950000" if a else "" for a in amounts.values()),  # a spreadsheet knows no 万
        sample.goal_overall,
        sample.goal_annual,
        first.level1,
        first.level2,
        first.name,
        first.value.entered,
    ]
    spreadsheet = sum(text_cost(c) + 1 for c in cells) + 1  # + Ctrl+V
    print(f"\nkeys: form {kb.count}, spreadsheet {spreadsheet}")
    assert kb.count <= spreadsheet
    assert not [r for r in qtlog.records if "commitData" in r.message]


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "2025-01-01",
        "2025/1/1",
        "2025.1.1",
        "20250101",
        "2025年1月1日",
    ],
)
def test_each_date_form_is_taken_from_empty(sample_window, typed):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    kb = Keyboard()
    ed.end.line.setFocus(Qt.FocusReason.TabFocusReason)
    kb.key(Key.Key_Delete)  # the whole text was selected: cleared
    kb.key(Key.Key_Return)
    assert stored(w.path)["人民调解"].end_date is None
    assert ed.end.line.text() == "" and ed.end.line.placeholderText() == "未填写"
    ed.setCurrentWidget(ed.basic)
    ed.end.line.setFocus(Qt.FocusReason.TabFocusReason)
    kb.type(typed)
    assert ed.end.reading.text() == "2025年1月1日"  # what it understood, as it is typed
    kb.key(Key.Key_Return)
    assert stored(w.path)["人民调解"].end_date == date(2025, 1, 1)
    assert kb.focus() is ed.money["total"]  # Enter went on to the next field (next tab)
    # the clerk's way of writing dates is kept, as an imported form's is, and printed so
    assert ed.end.line.text() == typed
    assert (
        format_date(stored(w.path)["人民调解"].end_date, stored(w.path)["人民调解"].date_style)
        == typed
    )


@pytest.mark.parametrize("typed", ["2025-13-01", "2025-02-30", "明天", "2025", "0250101"])
def test_a_refused_date_stays_red_with_the_reason_beside_it(sample_window, typed):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    kb = Keyboard()
    ed.start.line.setFocus(Qt.FocusReason.TabFocusReason)
    kb.type(typed)
    kb.key(Key.Key_Return)
    assert kb.focus() is ed.start.line  # the field keeps the focus
    assert ed.start.line.text() == typed  # nothing changed silently
    assert ed.start.message.isVisibleTo(ed) and "未保存" in ed.start.message.text()
    assert stored(w.path)["人民调解"].start_date == date(2024, 1, 1)
    kb.key(Key.Key_Escape)  # gives up: the stored date again
    assert ed.start.line.text() == "2024-01-01" and not ed.start.has_error()


def test_the_calendar_opens_at_the_projects_year_with_a_readable_header(sample_window, qtbot):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    ed.start.line.setFocus(Qt.FocusReason.TabFocusReason)
    kb = Keyboard()
    kb.key(Key.Key_Delete)
    kb.key(Key.Key_Down, Mod.AltModifier)
    popup = ed.start._popup
    assert popup is not None and popup.isVisible()
    assert (popup.yearShown(), popup.monthShown()) == (2024, 1)
    assert "navigationbar { background: #1f4e79" in popup.styleSheet().replace("\n", " ")
    kb.key(Key.Key_Right)
    kb.key(Key.Key_Return)
    assert stored(w.path)["人民调解"].start_date == date(2024, 1, 2)


# -- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "reading"),
    [
        ("≥95%", ("≥", Decimal("95"), "%", "")),
        ("≤510万元", ("≤", Decimal("510"), "万元", "")),
        ("10个", (None, Decimal("10"), "个", "")),
        ("=100%", ("=", Decimal("100"), "%", "")),
        ("提升", (None, None, "", "提升")),
        ("不低于90%", ("≥", Decimal("90"), "%", "")),
    ],
)
def test_each_value_form_is_kept_as_typed_beside_its_reading(sample_window, qtbot, typed, reading):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    ed.setCurrentWidget(ed.indicators)
    index = ed.tree_model.index_for_path(ed.tree_model.indicator_paths()[0], 1)
    ed.tree.setFocus()
    ed.tree.setCurrentIndex(index)
    kb = Keyboard()
    kb.key(Key.Key_Return)  # edit the cell
    editor = kb.focus()
    assert isinstance(editor, ValueLineEdit)
    kb.type(typed)
    assert editor.reading.text().startswith("读作：")
    kb.key(Key.Key_Tab)
    value = stored(w.path)["人民调解"].indicators[0].value
    op, number, unit, text = reading
    assert (value.op, value.number, value.unit, value.text) == (op, number, unit, text)
    assert value.entered == typed and value.shown == typed  # printed as typed


def test_enter_in_the_tree_keeps_the_focus_and_ctrl_z_undoes_the_edit(sample_window, qtlog):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    ed.setCurrentWidget(ed.indicators)
    paths = ed.tree_model.indicator_paths()
    ed.tree.setFocus()
    ed.tree.setCurrentIndex(ed.tree_model.index_for_path(paths[0], 0))
    kb = Keyboard()
    kb.key(Key.Key_Return)
    kb.type("协议书制作比例")
    kb.key(Key.Key_Return)  # name → value
    assert isinstance(kb.focus(), ValueLineEdit)
    kb.type("≥90%")
    kb.key(Key.Key_Return)  # a correction of an existing row: on to the next row's value
    QApplication.processEvents()
    assert isinstance(kb.focus(), ValueLineEdit) and ed.tree.isAncestorOf(kb.focus())
    assert ed.tree.currentIndex() == ed.tree_model.index_for_path(paths[1], 1)
    kb.key(Key.Key_Escape)  # nothing changed there
    QApplication.processEvents()
    assert kb.focus() is ed.tree and kb.focus() is not w.search
    p = stored(w.path)["人民调解"]
    assert (p.indicators[0].name, p.indicators[0].value.shown) == ("协议书制作比例", "≥90%")
    assert len(p.indicators) == 6
    kb.key(Key.Key_Z, Mod.ControlModifier)  # the value edit
    kb.key(Key.Key_Z, Mod.ControlModifier)  # the name edit
    p = stored(w.path)["人民调解"]
    assert (p.indicators[0].name, p.indicators[0].value.shown) == ("协议书制作率", "≥85(%)")
    assert w.search.text() == ""
    assert not [r for r in qtlog.records if "commitData" in r.message]


def test_tab_goes_name_value_next_row(sample_window):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    ed.setCurrentWidget(ed.indicators)
    paths = ed.tree_model.indicator_paths()
    ed.tree.setFocus()
    ed.tree.setCurrentIndex(ed.tree_model.index_for_path(paths[0], 0))
    kb = Keyboard()
    kb.key(Key.Key_F2)
    kb.key(Key.Key_Tab)
    QApplication.processEvents()
    assert isinstance(kb.focus(), ValueLineEdit) and kb.focus().text() == "≥85(%)"
    kb.key(Key.Key_Tab)
    QApplication.processEvents()
    assert kb.focus().text() == "纠纷调解成功率"  # the next row's name (next group)
    assert ed.tree.currentIndex().column() == 0
    kb.key(Key.Key_Backtab)
    QApplication.processEvents()
    assert kb.focus().text() == "≥85(%)"
    assert len(stored(w.path)["人民调解"].indicators) == 6  # Tab adds nothing


# -- keys that belong to the widgets ----------------------------------------------------------


def _mnemonics(texts) -> list[str]:
    return [m.group(1).upper() for t in texts if (m := re.search(r"&([^&])", t))]


def test_every_mnemonic_on_a_tab_is_unique_including_the_menu_bar(sample_window):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    common = [a.text() for a in w.menuBar().actions()]
    common += [b.text() for b in w.audit_panel.findChildren(QAbstractButton) if b.isVisibleTo(w)]
    for page in (ed.basic, ed.funds, ed.goals, ed.indicators):
        ed.setCurrentWidget(page)
        texts = [label.text() for label in page.findChildren(QLabel) if label.buddy()]
        texts += [b.text() for b in page.findChildren(QAbstractButton)]
        letters = _mnemonics(common + texts)
        assert len(letters) == len(set(letters)), (ed.tabText(ed.indexOf(page)), letters)
    for menu in [a.menu() for a in w.menuBar().actions()]:
        letters = _mnemonics(a.text() for a in menu.actions())
        assert len(letters) == len(set(letters)), menu.title()


def test_alt_down_opens_the_combo_and_ctrl_pgdn_goes_to_the_next_project(sample_window):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    row = w.table.currentIndex().row()
    ed.nature.setFocus()
    kb = Keyboard()
    kb.key(Key.Key_Down, Mod.AltModifier)
    assert ed.project.name == "人民调解" and ed.nature.view().isVisible()
    kb.key(Key.Key_Escape)
    kb.key(Key.Key_PageDown, Mod.ControlModifier)
    assert w.table.currentIndex().row() == row + 1 and ed.project.name != "人民调解"
    kb.key(Key.Key_PageUp, Mod.ControlModifier)
    assert ed.project.name == "人民调解"


def test_ins_on_a_level1_with_several_groups_asks_which(sample_window, qtbot):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    ed.setCurrentWidget(ed.indicators)
    benefit = ed.tree_model.profile.level1_names.index("效益指标")
    ed.tree.setFocus()
    ed.tree.setCurrentIndex(ed.tree_model.index_for_path((benefit,)))
    kb = Keyboard()
    kb.later(Key.Key_Escape)  # the menu of 二级 is shown: nothing picked silently
    kb.key(Key.Key_Insert)
    assert len(stored(w.path)["人民调解"].indicators) == 6
    kb.later(Key.Key_Return)  # the first choice is an existing group: a row is added there
    kb.key(Key.Key_Insert)
    QApplication.processEvents()
    p = stored(w.path)["人民调解"]
    assert [i.level2 for i in p.indicators].count("社会效益指标") == 3
    assert isinstance(kb.focus(), QLineEdit) and ed.tree.isAncestorOf(kb.focus())
    kb.key(Key.Key_Return)  # left empty: taken away again
    QApplication.processEvents()
    assert len(stored(w.path)["人民调解"].indicators) == 6 and kb.focus() is ed.tree


# -- paste and copy ---------------------------------------------------------------------------


def test_reading_a_pasted_block():
    from desktop.domain.taxonomy import taxonomy

    profile = taxonomy().profile_for_year(2024)
    excel = (
        "一级指标\t二级指标\t三级指标\t指标值\r\n"
        "产出指标\t数量指标\t调解案件数\t≥500件\r\n"
        '\t\t"培训\n次数"\t4次\r\n'  # merged cells arrive empty; a cell with a line break
        "效益指标\t社会效益指标\t群众知晓率\t提升\r\n"
    )
    result = read_rows(excel, profile)
    assert [(i.level1, i.level2, i.name, i.value.shown) for i in result.indicators] == [
        ("产出指标", "数量指标", "调解案件数", "≥500件"),
        ("产出指标", "数量指标", "培训\n次数", "4次"),
        ("效益指标", "社会效益指标", "群众知晓率", "提升"),
    ]
    two = read_rows("满意率\t≥90%\n投诉率\t≤5%", profile, "满意度指标", "服务对象满意度指标")
    assert [(i.level2, i.name) for i in two.indicators] == [
        ("服务对象满意度指标", "满意率"),
        ("服务对象满意度指标", "投诉率"),
    ]
    three = read_rows("质量指标\t合格率\t100%", profile)
    assert (three.indicators[0].level1, three.indicators[0].level2) == ("产出指标", "质量指标")
    lost = read_rows("合格率\t100%", profile)  # no group selected, none in the block
    assert not lost.indicators and "不知道属于哪个" in lost.problems[0]
    back = split_cells(rows_text(result.indicators))
    assert back[1] == ["产出指标", "数量指标", "培训\n次数", "4次"]


def test_paste_adds_rows_as_one_undo_step_after_a_preview(sample_window, qtbot):
    w = sample_window
    ed = w.editor
    select_name(w, "司法鉴定")
    ed.setCurrentWidget(ed.indicators)
    ed.tree.setFocus()
    ed.tree.setCurrentIndex(ed.tree_model.index_for_path((0,)))
    before = len(stored(w.path)["司法鉴定"].indicators)
    QApplication.clipboard().setText(
        "产出指标\t数量指标\t鉴定案件数\t≥300件\n满意度指标\t服务对象满意度指标\t当事人满意度\t≥90%\n"
    )
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.objectName() if dialog else None)
        QTest.keyClick(dialog, Key.Key_Return)

    QTimer.singleShot(50, look)
    kb = Keyboard()
    kb.key(Key.Key_V, Mod.ControlModifier)
    assert seen == ["pastePreview"]
    p = stored(w.path)["司法鉴定"]
    assert len(p.indicators) == before + 2
    added = next(i for i in p.indicators if i.name == "鉴定案件数")
    assert (added.level1, added.level2, added.value.shown) == ("产出指标", "数量指标", "≥300件")
    names = [i.name for i in p.indicators]
    quantity = [i.name for i in p.indicators if i.level2 == "数量指标"]
    assert quantity[-1] == "鉴定案件数" and names.index("鉴定案件数") < len(names) - 1
    assert kb.focus() is ed.tree
    assert ed.tree.currentIndex().data() == "当事人满意度"  # the last row pasted
    kb.key(Key.Key_Return)  # the first Enter after a paste is not lost: it edits the row
    assert isinstance(kb.focus(), QLineEdit) and ed.tree.isAncestorOf(kb.focus())
    kb.key(Key.Key_Escape)
    kb.key(Key.Key_Z, Mod.ControlModifier)  # one step takes both away
    assert len(stored(w.path)["司法鉴定"].indicators) == before


def test_ctrl_c_copies_the_selected_rows_for_a_spreadsheet(sample_window):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    ed.setCurrentWidget(ed.indicators)
    ed.tree.setFocus()
    output = ed.tree_model.profile.level1_names.index("产出指标")
    ed.tree.setCurrentIndex(ed.tree_model.index_for_path((output,)))  # the whole 一级
    Keyboard().key(Key.Key_C, Mod.ControlModifier)
    assert QApplication.clipboard().text() == (
        "产出指标\t数量指标\t协议书制作率\t≥85(%)\r\n产出指标\t质量指标\t纠纷调解成功率\t≥85.00(%)\r\n"
    )


def test_copy_indicators_from_another_project(sample_window, monkeypatch):
    from desktop.ui import indicator_paste

    w = sample_window
    select_name(w, "司法鉴定")
    before = len(w.editor.project.indicators)

    def choose(dialog):
        dialog.combo.setCurrentIndex(dialog.combo.findText("人民调解", Qt.MatchFlag.MatchContains))
        for n in range(2, dialog.list.count()):
            dialog.list.item(n).setCheckState(Qt.CheckState.Unchecked)
        return 1

    monkeypatch.setattr(indicator_paste.CopyFromProject, "exec", choose)
    w.act_copy_indicators.trigger()
    p = stored(w.path)["司法鉴定"]
    assert len(p.indicators) == before + 2
    assert {"协议书制作率", "纠纷调解成功率"} <= {i.name for i in p.indicators}
    w.act_undo.trigger()
    assert len(stored(w.path)["司法鉴定"].indicators) == before


# -- money ------------------------------------------------------------------------------------


def test_money_in_wan_with_its_reading_and_refused_entries_kept(sample_window):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    ed.setCurrentWidget(ed.funds)
    money = ed.money["other"]
    money.setFocus(Qt.FocusReason.TabFocusReason)
    kb = Keyboard()
    kb.type("12.5万")
    assert money.reading.text() == "＝12.5万元"
    kb.key(Key.Key_Return)
    assert stored(w.path)["人民调解"].funds.other == 12_500_000
    assert money.text() == "125,000.00"
    money.setFocus(Qt.FocusReason.TabFocusReason)
    kb.type("-1")
    kb.key(Key.Key_Return)
    assert "负数" in money.message.text() and kb.focus() is money
    assert stored(w.path)["人民调解"].funds.other == 12_500_000
    # switching project does not drop it: it waits, red, in its field
    select_name(w, "司法鉴定")
    assert "未保存的输入“-1”" in w.statusBar().currentMessage()
    select_name(w, "人民调解")
    assert money.text() == "-1" and money.has_error()
    money.setFocus()
    kb.key(Key.Key_Escape)
    assert money.text() == "125,000.00" and not money.has_error()


# -- the window -------------------------------------------------------------------------------


def test_saved_state_ctrl_s_and_the_first_project_at_start(make_controller, tmp_path):
    path = tmp_path / "s.db"
    c = make_controller(path)
    c.load_sample()
    c.shutdown()
    w = make_controller(path).window
    assert w.editor.project is not None  # the first project is shown at start
    assert w.isMaximized()  # a small screen (the tests' is 800×800) on the first start
    assert w.editor.project.id == w.proxy.project_id(w.proxy.index(0, 0))
    assert w.saved_label.text() == ""
    w.show()
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w)
    w.editor.name.setFocus()
    Keyboard().key(Key.Key_S, Mod.ControlModifier)
    assert w.saved_label.text().startswith("已保存 ")
    assert "所有修改都已保存" in w.statusBar().currentMessage()


def test_a_new_project_is_for_the_next_budget_year():
    assert budget_year(date(2025, 8, 31)) == 2025
    assert budget_year(date(2025, 9, 1)) == 2026
    assert budget_year(date(2025, 12, 31)) == 2026


def test_audit_locations_are_in_the_forms_words(sample_window):
    w = sample_window
    select_name(w, "依法治区")
    panel = w.audit_panel
    items = [panel.tree.topLevelItem(n) for n in range(panel.tree.topLevelItemCount())]
    review = next(i for i in items if "需要复核" in i.text(3))
    assert review.text(2).startswith("绩效指标 › ")
    assert "行" not in review.text(3)  # no source line numbers in the text …
    assert review.toolTip(2).startswith("原文第 ")  # … only in the tooltip
    assert panel.tree.wordWrap()
    header = w.editor.tree_model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "今年要达到的值"


def test_tab_after_taking_a_suggestion_goes_to_the_value(sample_window, qtbot):
    """A name's suggestion list hands Tab to the line past every event filter (seen on a
    real X server): it must still go on to the value, not out of the tree."""
    w = sample_window
    ed = w.editor
    select_name(w, "司法鉴定")
    ed.setCurrentWidget(ed.indicators)
    paths = ed.tree_model.indicator_paths()
    ed.tree.setFocus()
    ed.tree.setCurrentIndex(ed.tree_model.index_for_path(paths[0], 0))
    kb = Keyboard()
    kb.key(Key.Key_Return)
    line = kb.focus()
    line.selectAll()
    kb.type("协议书")  # 协议书制作率 is used in this file: it is suggested
    popup = line.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    QTest.keyClick(popup, Key.Key_Down)
    QTest.keyClick(popup, Key.Key_Tab)
    QApplication.processEvents()
    assert isinstance(kb.focus(), ValueLineEdit)
    assert stored(w.path)["司法鉴定"].indicators[0].name == "协议书制作率"


def test_ctrl_z_in_a_field_undoes_the_last_form_edit(sample_window):
    """Not the line edit's own undo of a few letters: the form edit, written and undone."""
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    ed.setCurrentWidget(ed.funds)
    money = ed.money["total"]
    money.setFocus(Qt.FocusReason.TabFocusReason)
    kb = Keyboard()
    kb.type("800万")
    kb.key(Key.Key_Return)  # written; the cursor is in the next field
    ed.name.setFocus(Qt.FocusReason.TabFocusReason)
    kb.type("调解")
    kb.key(Key.Key_Z, Mod.ControlModifier)  # the typing in 项目名称 (written first, then undone)
    assert ed.name.text() == "人民调解" and stored(w.path)["人民调解"].funds.total == 800_000_000
    kb.key(Key.Key_Z, Mod.ControlModifier)  # then the amount
    assert stored(w.path)["人民调解"].funds.total == 795_000_000
    assert money.text() == "7,950,000.00"
    kb.key(Key.Key_Y, Mod.ControlModifier)
    assert stored(w.path)["人民调解"].funds.total == 800_000_000
