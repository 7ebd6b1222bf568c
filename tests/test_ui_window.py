"""The main window, driven through its real widgets (offscreen)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.domain.values import IndicatorValue
from desktop.store import open_repository
from desktop.ui.app import Controller
from desktop.ui.paths import settings
from desktop.ui.tree_editors import ValueLineEdit
from tests.conftest import SAMPLE
from tests.ui_helpers import generated_projects, press, replace_text, type_chinese


@pytest.fixture
def sample_window(make_controller, tmp_path):
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    return c.window


def stored(path):
    with open_repository(path) as repo:
        return {p.name: p for p in repo.all_projects()}


def select_name(window, name):
    pid = next(s.id for s in window.model._rows if s.name == name)
    window.select_project(pid)
    assert window.editor.project.name == name


# -- the whole story ----------------------------------------------------------------------------


def test_create_fill_all_four_tabs_undo_redo_and_reopen(make_controller, tmp_path, qtbot):
    path = tmp_path / "数据 文件.db"
    c = make_controller(path)
    w = c.window
    ed = w.editor
    w.act_new_project.trigger()
    assert w.model.rowCount() == 1 and ed.project is not None

    # 基本信息, typed with an input method
    ed.name.selectAll()
    type_chinese(ed.name, "社区法律服务站建设")
    press(ed.name)
    ed.year.setFocus()
    ed.year.setValue(2025)
    ed.nature.setCurrentIndex(ed.nature.findText("阶段性项目"))
    ed.category.setCurrentIndex(ed.category.findText("特定目标类"))
    ed.department.lineEdit().clear()
    type_chinese(ed.department.lineEdit(), "上海市普陀区司法局")
    press(ed.department.lineEdit())
    ed.unit.lineEdit().clear()
    type_chinese(ed.unit.lineEdit(), "上海市普陀区公证处")
    press(ed.unit.lineEdit())
    replace_text(ed.start.line, "2025-01-01")
    replace_text(ed.end.line, "2026/6/30")

    # 项目资金: typed as clerks write amounts
    ed.setCurrentIndex(1)
    replace_text(ed.money["fiscal"], "5100000")
    replace_text(ed.money["other"], "100,000.50")
    assert "≠" in ed.funds.sum_left.text() and ed.funds.fill_left.isEnabled()
    ed.funds.fill_left.click()
    assert ed.money["total"].text() == "5,200,000.50"
    replace_text(ed.money["annual_appropriation"], "3000000")
    ed.funds.fill_right.click()

    # 绩效目标
    ed.setCurrentIndex(2)
    type_chinese(ed.goal_edits["goal_overall"], "建成覆盖全区的公共法律服务站点。")
    type_chinese(ed.goal_edits["goal_annual"], "完成八个站点。")
    ed.name.setFocus()  # leaving the goal field saves it
    assert ed.goal_counts["goal_annual"].text() == "7 字"

    # 绩效指标: a three-level set
    ed.setCurrentIndex(3)
    model = ed.tree_model
    output_row = model.profile.level1_names.index("产出指标")
    model.add_group(output_row, "数量指标")
    _edit_current_name(ed, qtbot, "新建站点数")
    _edit_current_value(ed, qtbot, "=8个")
    ed.act_add.trigger()  # after the current row, same group
    _edit_current_name(ed, qtbot, "站点覆盖率")
    _edit_current_value(ed, qtbot, "≥95%")
    satisfaction = model.profile.level1_names.index("满意度指标")
    model.add_group(satisfaction, "服务对象满意度指标")
    _edit_current_name(ed, qtbot, "群众满意度")
    _edit_current_value(ed, qtbot, "较高")

    c.shutdown()
    p = stored(path)["社区法律服务站建设"]
    assert (p.year, p.nature, p.category) == (2025, "阶段性项目", "特定目标类")
    assert (p.department, p.implementing_unit) == ("上海市普陀区司法局", "上海市普陀区公证处")
    assert (p.start_date, p.end_date) == (date(2025, 1, 1), date(2026, 6, 30))
    f = p.funds
    assert (f.total, f.fiscal, f.other) == (520_000_050, 510_000_000, 10_000_050)
    assert (f.annual_total, f.annual_appropriation) == (300_000_000, 300_000_000)
    assert p.goal_overall == "建成覆盖全区的公共法律服务站点。"
    assert p.goal_annual == "完成八个站点。"
    assert [(i.level1, i.level2, i.name, i.value.display()) for i in p.indicators] == [
        ("产出指标", "数量指标", "新建站点数", "=8.00(个)"),
        ("产出指标", "数量指标", "站点覆盖率", "≥95.00(%)"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "较高"),
    ]
    assert [i.value.shown for i in p.indicators] == ["=8个", "≥95%", "较高"]

    # Reopen the app on the same file: everything is there, shown in the editor.
    c2 = make_controller(path)
    w2 = c2.window
    select_name(w2, "社区法律服务站建设")
    assert w2.editor.money["total"].text() == "5,200,000.50"
    assert w2.editor.goal_edits["goal_annual"].toPlainText() == "完成八个站点。"
    assert w2.editor.tree_model.indicators() == p.indicators


def _edit_current_name(ed, qtbot, text):
    index = ed.tree.currentIndex().siblingAtColumn(0)
    ed.tree.setCurrentIndex(index)
    ed.tree.edit(index)
    editor = next(e for e in ed.tree.findChildren(QLineEdit) if e.isVisible())
    type_chinese(editor, text)
    press(editor)
    assert ed.tree.currentIndex().siblingAtColumn(0).data() == text


def _edit_current_value(ed, qtbot, text):
    index = ed.tree.currentIndex().siblingAtColumn(1)
    ed.tree.setCurrentIndex(index)
    ed.tree.edit(index)
    editor = next(e for e in ed.tree.findChildren(ValueLineEdit) if e.isVisible())
    type_chinese(editor.line, text)  # the editor selected the old text: typing replaces it
    QTest.keyClick(editor.line, Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: not any(e.isVisible() for e in ed.tree.findChildren(ValueLineEdit)), timeout=2000
    )


def test_undo_and_redo_name_the_change_and_write_at_once(sample_window, tmp_path):
    w = sample_window
    ed = w.editor
    select_name(w, "司法调解")
    ed.name.selectAll()
    type_chinese(ed.name, "司法调解（修订）")
    press(ed.name)
    assert w.act_undo.text() == "撤销(&U) 修改项目名称"
    assert stored(w.path)["司法调解（修订）"].revision == 2

    ed.setCurrentIndex(1)
    replace_text(ed.money["total"], "6000000")
    assert stored(w.path)["司法调解（修订）"].funds.total == 600_000_000
    assert w.act_undo.text() == "撤销(&U) 修改项目资金总额"

    w.act_undo.trigger()
    assert ed.money["total"].text() == "5,100,000.00"
    assert stored(w.path)["司法调解（修订）"].funds.total == 510_000_000
    w.act_undo.trigger()
    assert ed.name.text() == "司法调解"
    assert "司法调解" in stored(w.path)
    assert w.act_redo.text() == "重做(&R) 修改项目名称"
    w.act_redo.trigger()
    w.act_redo.trigger()
    p = stored(w.path)["司法调解（修订）"]
    assert p.funds.total == 600_000_000
    assert w.model.summary(w.model.row_of(p.id)).total == 600_000_000


def test_typing_is_saved_after_a_pause_and_is_one_undo_step(sample_window, qtbot):
    w = sample_window
    ed = w.editor
    select_name(w, "法治宣传")
    ed.setCurrentIndex(2)
    edit = ed.goal_edits["goal_annual"]
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    for piece in ("第一句。", "第二句。"):
        type_chinese(edit, piece)
    # Saved without leaving the field: nothing on screen is lost if the power goes now.
    qtbot.waitUntil(
        lambda: stored(w.path)["法治宣传"].goal_annual.endswith("第二句。"), timeout=3000
    )
    w.act_undo.trigger()
    assert not stored(w.path)["法治宣传"].goal_annual.endswith("第一句。")
    assert not edit.toPlainText().endswith("第一句。")


def test_undo_works_across_switching_projects(sample_window):
    w = sample_window
    ed = w.editor
    select_name(w, "人民调解")
    replace_text(ed.name, "rmtj")
    select_name(w, "智慧矫正")
    replace_text(ed.name, "zhjz")
    select_name(w, "医患纠纷")
    w.act_undo.trigger()  # undoes 智慧矫正's rename and shows it
    assert ed.project.name == "智慧矫正"
    w.act_undo.trigger()  # then 人民调解's
    assert ed.project.name == "人民调解"
    names = stored(w.path)
    assert "人民调解" in names and "智慧矫正" in names


def test_new_duplicate_delete_restore(sample_window):
    w = sample_window
    select_name(w, "司法鉴定")
    w.act_duplicate.trigger()
    assert "司法鉴定（副本）" in stored(w.path)
    assert w.editor.project.name == "司法鉴定（副本）"
    assert len(w.editor.project.indicators) == 5
    w.act_delete.trigger()
    assert "司法鉴定（副本）" not in stored(w.path)
    assert w.model.rowCount() == 13
    w.act_undo.trigger()
    assert "司法鉴定（副本）" in stored(w.path) and w.model.rowCount() == 14
    w.act_undo.trigger()  # the duplicate is gone for good
    assert w.model.rowCount() == 13
    assert w.session.repo.summaries(trash=True) == []


def test_trash_dialog_restores(sample_window, qtbot):
    from desktop.ui.window_projects import TrashDialog

    w = sample_window
    select_name(w, "医患纠纷")
    w.act_delete.trigger()
    dialog = TrashDialog(w)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert dialog.model.rowCount() == 0
    assert "医患纠纷" in stored(w.path)


# -- bad input ------------------------------------------------------------------------------------


def test_letters_in_money_are_refused_inline(sample_window):
    w = sample_window
    ed = w.editor
    select_name(w, "法律援助费")
    ed.setCurrentIndex(1)
    money = ed.money["total"]
    replace_text(money, "12ab")
    assert money.message.isVisible() and "金额无效" in money.message.text()
    assert stored(w.path)["法律援助费"].funds.total == 570_000_000
    replace_text(money, "5,700,001")
    assert not money.message.isVisible()
    assert stored(w.path)["法律援助费"].funds.total == 570_000_100


def test_end_before_start_and_empty_name_keep_the_stored_values(sample_window):
    w = sample_window
    ed = w.editor
    select_name(w, "法制业务经费")
    replace_text(ed.end.line, "2023-06-01")
    assert ed.end.message.isVisible() and "不能早于" in ed.end.message.text()
    assert stored(w.path)["法制业务经费"].end_date == date(2024, 12, 31)
    replace_text(ed.name, "")
    press(ed.name)
    assert ed.name_message.isVisible()
    assert "法制业务经费" in stored(w.path)


def test_a_file_that_is_not_ours_gives_a_dialog(
    make_controller, app_and_translators, tmp_path, dialogs, expect_box
):
    expect_box("critical", "不是绩效目标申报的数据文件")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 20)
    app, translators = app_and_translators
    c = Controller(app, translators)
    assert not c.open(bad)
    assert dialogs[-1][0] == "critical" and "不是绩效目标申报的数据文件" in dialogs[-1][1]
    assert bad.read_bytes() == b"not a database at all" * 20


def test_read_only_file_shows_a_banner(make_controller, tmp_path, write_protected):
    path = tmp_path / "ro.db"
    c = make_controller(path)
    c.load_sample()
    c.shutdown()
    write_protected(tmp_path)
    c2 = make_controller(path)
    w = c2.window
    assert w.banner.isVisibleTo(w) and "[只读]" in w.windowTitle()
    assert not w.act_new_project.isEnabled() and not w.act_import.isEnabled()
    select_name(w, "司法调解")
    replace_text(w.editor.name, "x")
    assert "司法调解" in stored(path)


# -- the list ------------------------------------------------------------------------------------


def test_search_filters_by_name_unit_and_indicator_and_year(sample_window):
    w = sample_window
    w.search.setText("援助")
    assert w.proxy.rowCount() == 1  # 法律援助费 (and its unit)
    w.search.setText("满意度 12348")  # an indicator name of 法律援助费
    assert w.proxy.rowCount() == 1
    w.search.setText("司法局 调解公信力")
    assert {w.proxy.index(r, 0).data() for r in range(w.proxy.rowCount())} == {
        "司法调解",
        "人民调解",
    }
    assert "显示 2 / 13 个项目" in w.count_label.text()
    w.search.clear()
    years = [w.year_filter.itemData(i) for i in range(w.year_filter.count())]
    assert years == [None, 2024]
    w.year_filter.setCurrentIndex(1)
    assert w.proxy.rowCount() == 13
    assert "共 13 个项目" in w.count_label.text()


def test_the_filter_keeps_applying_while_projects_change(sample_window):
    w = sample_window

    def shown():
        return {w.proxy.index(r, 0).data() for r in range(w.proxy.rowCount())}

    w.search.setText("智慧矫正")
    assert shown() == {"智慧矫正"}
    w.new_project()  # a new project does not match: the search is cleared to show it
    assert w.search.text() == "" and w.proxy.rowCount() == 14
    w.search.setText("智慧矫正")
    select_name(w, "智慧矫正")
    w.editor.name.selectAll()
    type_chinese(w.editor.name, "纠纷化解")
    press(w.editor.name)
    assert shown() == set()  # …while a renamed one drops out of the hits at once
    w.act_undo.trigger()  # undo shows what it changes, clearing the search that hid it
    assert w.search.text() == "" and "智慧矫正" in shown()
    w.search.setText("智慧矫正")
    assert shown() == {"智慧矫正"}


def test_sorting_by_amount(sample_window):
    w = sample_window
    w.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert w.proxy.index(0, 0).data() == "安置帮教和社区矫正"
    assert w.proxy.index(12, 0).data() == "依法治区"


def test_ten_thousand_projects(make_controller, tmp_path, qtmodeltester, qtbot):
    path = tmp_path / "big.db"
    with open_repository(path) as repo:
        repo.add(generated_projects(10_000))
    c = make_controller(path)
    w = c.window
    qtbot.waitUntil(lambda: not w.nav.loading, timeout=20000)  # read after the window shows
    assert w.model.rowCount() == 10_000
    assert w.proxy.rowCount() == 10_000
    w.search.setText("项目0099")  # 00990..00999
    assert w.proxy.rowCount() == 10
    w.search.setText("法律援助中心 视频会议运维项目")
    expected = sum(
        1
        for s in w.model._rows
        if "法律援助中心" in s.search_text and "视频会议运维项目" in s.search_text
    )
    assert 0 < w.proxy.rowCount() == expected
    w.search.clear()
    w.year_filter.setCurrentIndex(w.year_filter.findData(2021))
    assert w.proxy.rowCount() == sum(1 for s in w.model._rows if s.year == 2021)
    qtmodeltester.check(w.proxy)


def test_models_pass_the_model_tester(sample_window, qtmodeltester):
    w = sample_window
    qtmodeltester.check(w.model)
    select_name(w, "公共法律服务")
    qtmodeltester.check(w.editor.tree_model)


# -- the indicator tree ----------------------------------------------------------------------


def test_review_rows_are_flagged_and_can_be_cleared(sample_window):
    w = sample_window
    ed = w.editor
    select_name(w, "依法治区")
    ed.setCurrentIndex(3)
    assert ed.review_hint.isVisibleTo(ed) and "3 条" in ed.review_hint.text()
    model = ed.tree_model
    flagged = [n for n in model._all if n.kind == "ind" and model.indicator_at(n.path).needs_review]
    assert len(flagged) == 3
    index = model.index_for_path(flagged[0].path)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "原文" in index.data(Qt.ItemDataRole.ToolTipRole)
    ed.tree.setCurrentIndex(index)
    ed.act_reviewed.trigger()
    assert stored(w.path)["依法治区"].review_count == 2


def test_drag_and_drop_reorders_and_regroups(sample_window):
    w = sample_window
    ed = w.editor
    select_name(w, "安置帮教和社区矫正")
    model = ed.tree_model
    output = model.profile.level1_names.index("产出指标")
    quantity = model.index_for_path((output, 0))  # 数量指标: 7 rows
    first = model.index_for_path((output, 0, 0))
    assert first.data() == "社区矫正法宣传"
    # drop the first 数量指标 row at the end of its group
    data = model.mimeData([first])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, quantity)
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, quantity)
    names = [i.name for i in stored(w.path)["安置帮教和社区矫正"].indicators]
    assert names[6] == "社区矫正法宣传" and names[0] == "组织专职干部、社工培训"
    # drop it onto the 质量指标 row 衔接率: it joins that group, before it
    moved = model.index_for_path((output, 0, 6))
    target = model.index_for_path((output, 1, 0))
    model.dropMimeData(model.mimeData([moved]), Qt.DropAction.MoveAction, -1, 0, target)
    p = stored(w.path)["安置帮教和社区矫正"]
    moved_ind = next(i for i in p.indicators if i.name == "社区矫正法宣传")
    assert (moved_ind.level1, moved_ind.level2) == ("产出指标", "质量指标")
    w.act_undo.trigger()
    w.act_undo.trigger()
    assert next(i.name for i in stored(w.path)["安置帮教和社区矫正"].indicators) == "社区矫正法宣传"
    # a 二级 group can be dragged too: 可持续影响指标 before 社会效益指标
    benefit = model.profile.level1_names.index("效益指标")
    group = model.index_for_path((benefit, 1))
    model.dropMimeData(
        model.mimeData([group]), Qt.DropAction.MoveAction, 0, 0, model.index_for_path((benefit,))
    )
    levels = [i.level2 for i in stored(w.path)["安置帮教和社区矫正"].indicators]
    assert levels.index("可持续影响指标") < levels.index("社会效益指标")
    # 三级 rows cannot be dropped at the top level
    assert not model.canDropMimeData(
        model.mimeData([first]), Qt.DropAction.MoveAction, 0, 0, model.index(-1, 0)
    )


def test_move_and_delete_with_the_keyboard(sample_window, qtbot):
    w = sample_window
    ed = w.editor
    select_name(w, "法治宣传")
    ed.setCurrentIndex(3)
    model = ed.tree_model
    output = model.profile.level1_names.index("产出指标")
    ed.tree.setFocus()
    ed.tree.setCurrentIndex(model.index_for_path((output, 0, 1)))
    ed.act_up.trigger()
    names = [i.name for i in stored(w.path)["法治宣传"].indicators]
    assert names[:2] == ["印刷、征订法宣资料", "法治公益广告、短视频"]
    assert ed.tree.currentIndex().data() == "印刷、征订法宣资料"
    ed.act_delete.trigger()
    assert len(stored(w.path)["法治宣传"].indicators) == 7
    w.act_undo.trigger()
    assert len(stored(w.path)["法治宣传"].indicators) == 8


def test_value_line_round_trip(qtbot):
    editor = ValueLineEdit()
    qtbot.addWidget(editor)
    for value in (
        IndicatorValue.quantitative("≥", Decimal("85"), "%"),
        IndicatorValue.quantitative(None, Decimal("985"), "米"),
        IndicatorValue.qualitative("全市排名前列"),
    ):
        editor.set_value(value)
        assert editor.value().same_reading(value)
    editor.line.setText("abc")
    assert editor.value().text == "abc"  # not a number: kept as text, never dropped


# -- start-up ---------------------------------------------------------------------------------


def test_first_start_offers_the_sample(make_controller, tmp_path, dialogs):
    c = make_controller(tmp_path / "first.db")
    c.offer_sample()
    assert dialogs[-1][0] == "question"
    assert c.window.model.rowCount() == 13
    c.offer_sample()  # asked once only
    assert sum(1 for kind, _ in dialogs if kind == "question") == 1


def test_window_state_and_recent_files_are_remembered(make_controller, tmp_path):
    c = make_controller(tmp_path / "a.db")
    c.window.resize(721, 583)  # the offscreen screen is 800×600
    c.window.close()
    assert settings().value("recent")[0] == str(tmp_path / "a.db")
    c2 = make_controller(tmp_path / "b.db")
    assert (c2.window.width(), c2.window.height()) == (721, 583)
    assert settings().value("recent")[:2] == [str(tmp_path / "b.db"), str(tmp_path / "a.db")]


def test_import_is_one_undoable_step(make_controller, tmp_path, monkeypatch):
    c = make_controller(tmp_path / "imp.db")
    w = c.window
    from desktop.ui import window_files as main_window
    from desktop.ui.import_preview import ImportPreviewDialog

    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: self.DialogCode.Accepted)

    shown = []
    original = main_window.ReportDialog.exec
    main_window.ReportDialog.exec = lambda self: shown.append(self.text.toPlainText())
    try:
        w.import_file(str(SAMPLE))
    finally:
        main_window.ReportDialog.exec = original
    assert w.model.rowCount() == 13 and "第157行" in shown[0]
    assert w.act_undo.text() == "撤销(&U) 导入 13 个项目"
    w.act_undo.trigger()
    assert w.model.rowCount() == 0 and stored(w.path) == {}


def test_every_action_can_be_reached_from_the_keyboard(sample_window):
    w = sample_window
    for menu_action in w.menuBar().actions():
        assert "&" in menu_action.text()
        for act in menu_action.menu().actions():
            if act.isSeparator() or act.menu() is not None or not act.isVisible():
                continue  # (hidden: the note why steps before a merge cannot be undone)
            assert (
                "&" in act.text() or not act.shortcut().isEmpty() or act in (w.act_undo, w.act_redo)
            ), act.text()
    for act in (
        w.act_new_project,
        w.act_duplicate,
        w.act_delete,
        w.act_undo,
        w.act_redo,
        w.act_find,
        w.act_import,
        w.act_export,
        w.act_open,
    ):
        assert not act.shortcut().isEmpty()
    QApplication.processEvents()


# -- files from the menus ------------------------------------------------------------------


def test_new_open_save_copy_and_export_from_the_file_menu(
    make_controller, tmp_path, monkeypatch, dialogs, expect_box
):
    expect_box("warning", "已存在")
    from PySide6.QtWidgets import QFileDialog

    c = make_controller(tmp_path / "main.db")
    c.load_sample()
    w = c.window
    answers = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(answers.pop(0)), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(answers.pop(0)), ""))

    answers.append(tmp_path / "副本.db")
    w.act_save_copy.trigger()
    assert len(stored(tmp_path / "副本.db")) == 13

    answers.append(tmp_path / "out.json")
    w.table.clearSelection()  # nothing selected: everything, without asking 选中/全部
    w.act_export.trigger()
    import json

    doc = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert len(doc["projects"]) == 13

    answers.append(tmp_path / "副本.db")  # new database over an existing file: refused
    w.act_new_db.trigger()
    assert dialogs[-1][0] == "warning" and c.window is w
    assert len(stored(tmp_path / "副本.db")) == 13

    answers.append(tmp_path / "空白.db")
    c.window.act_new_db.trigger()
    assert c.window is not w and c.window.model.rowCount() == 0
    assert c.window.windowTitle().startswith("空白.db")

    answers.append(tmp_path / "副本.db")
    c.window.act_open.trigger()
    assert c.window.model.rowCount() == 13
    assert c.window.windowTitle().startswith("副本.db")
