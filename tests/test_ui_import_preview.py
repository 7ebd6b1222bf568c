"""The import preview: what was read, per project, before anything is stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from desktop.io.files import load_file
from desktop.ui.import_preview import FLAGGED, ImportPreviewDialog
from tests.in_each_language import CJK

VARIANTS = Path(__file__).parent / "fixtures" / "variants"


def preview(qtbot, name):
    result = load_file(VARIANTS / name)
    dialog = ImportPreviewDialog(None, name, result, list(result.projects))
    qtbot.addWidget(dialog)
    return dialog, result


def test_amounts_show_how_they_were_read_and_flags_are_marked(qtbot, tmp_path):
    dialog, _ = preview(qtbot, "a1-central-2023.txt")
    table = dialog.table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "社区养老服务驿站运营补贴"
    # the form has only the year's amounts (in 万元): the project total is worked out
    assert table.item(0, 4).text() == "2,500,000.00 元（按万元读取：250万元）"
    assert table.item(0, 3).text() == "2,500,000.00 元（推算）"
    assert table.item(0, 3).background().color() == FLAGGED
    assert "按年度资金填入" in table.item(0, 3).toolTip()
    assert table.item(0, 4).background().color() != FLAGGED
    assert table.item(0, 5).text() == "7"
    assert "字段 8 个" in table.item(0, 6).text()
    details = dialog.details.toPlainText()
    assert "⚠ 项目性质：（空）  — 需复核：表中没有找到项目性质" in details
    assert "年度资金申请总额：2,500,000.00 元（按万元读取：250万元）" in details
    assert "需复核" in dialog.summary.text()
    dialog.show()
    dialog.grab().save(str(tmp_path / "import-preview.png"))


def test_a_guessed_year_is_flagged_and_cancel_stores_nothing(qtbot):
    dialog, _ = preview(qtbot, "d2-county-2018.txt")
    assert dialog.table.item(0, 1).text() == "2018"
    assert dialog.table.item(0, 1).background().color() == FLAGGED
    assert "文件名" in dialog.table.item(0, 1).toolTip()
    dialog.show()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == ImportPreviewDialog.DialogCode.Rejected


def test_import_button_accepts(qtbot):
    dialog, _ = preview(qtbot, "x2-province-2024.xlsx")
    dialog.show()
    assert "原分组：效益指标/服务对象满意度指标" in dialog.details.toPlainText()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportPreviewDialog.DialogCode.Accepted


def test_funds_all_missing_are_named_in_the_summary(qtbot):
    from desktop.io.published_text import parse_published_text

    result = parse_published_text("2024年度项目支出绩效目标表\n项目名称\t甲\n")
    dialog = ImportPreviewDialog(None, "x.txt", result, result.projects)
    qtbot.addWidget(dialog)
    assert "1 个项目的资金全部为 0 或没有找到" in dialog.summary.text()
    assert dialog.table.item(0, 3).text() == "0.00 元（未找到）"


# -- in the window -----------------------------------------------------------------------------


def _imported_and_shown(make_controller, tmp_path, name, monkeypatch):
    """A new database with the variant form ``name`` imported (preview accepted) and shown."""
    w = make_controller(tmp_path / "p.db").window
    _import(w, VARIANTS / name, ImportPreviewDialog.DialogCode.Accepted, monkeypatch)
    w.select_project(w.model.summary(0).id)
    return w


def _import(window, path, answer, monkeypatch):
    """Import through the window; the preview answers ``answer`` after it was looked at."""
    from desktop.ui import window_files

    seen = {}

    def look(dialog):
        seen["rows"] = dialog.table.rowCount()
        seen["funds"] = dialog.table.item(0, 3).text()
        return answer

    monkeypatch.setattr(ImportPreviewDialog, "exec", look)
    monkeypatch.setattr(
        window_files.ReportDialog, "exec", lambda self: seen.setdefault("report", self)
    )
    window.import_file(str(path))
    return seen


def test_cancelling_the_preview_stores_nothing(make_controller, tmp_path, monkeypatch):
    c = make_controller(tmp_path / "p.db")
    seen = _import(c.window, VARIANTS / "c1-province-2024.txt", 0, monkeypatch)
    assert seen["rows"] == 1 and seen["funds"] == "8,540,000.00 元（按万元读取：854万元）"
    assert c.window.model.rowCount() == 0 and "report" not in seen
    assert c.session.repo.summaries() == []


def test_accepted_preview_stores_and_the_flagged_fields_are_marked(
    make_controller, tmp_path, monkeypatch
):
    c = make_controller(tmp_path / "p.db")
    w = c.window
    seen = _import(
        w, VARIANTS / "a1-central-2023.txt", ImportPreviewDialog.DialogCode.Accepted, monkeypatch
    )
    assert w.model.rowCount() == 1
    # the form's eight fields to check, counted as the report lists them
    assert "8 处需要人工复核" in seen["report"].findChild(QLabel).text()
    listed = seen["report"].text.toPlainText().splitlines()
    assert sum(line.startswith("[需复核]") for line in listed) == 8
    w.select_project(w.model.summary(0).id)
    (project,) = c.session.repo.all_projects()
    assert project.flag("funds.total") and project.flag("nature")
    editor = w.editor
    assert "项目资金总额需复核" in editor.money["total"].toolTip()
    assert "项目性质未填写（需复核：" in editor.field_widget("nature").toolTip()


def test_the_original_group_names_show_in_the_indicator_tree(
    make_controller, tmp_path, monkeypatch
):
    w = _imported_and_shown(make_controller, tmp_path, "d1-county-older.txt", monkeypatch)
    model = w.editor.tree_model
    tips = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if tip:
                tips.append(tip)
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    assert any("原表：原分组：项目完成指标/数量指标；上年实际值：580公里" in t for t in tips)


def test_a_guessed_year_is_marked_on_the_year_field(make_controller, tmp_path, monkeypatch):
    w = _imported_and_shown(make_controller, tmp_path, "d2-county-2018.txt", monkeypatch)
    assert w.editor.year.value() == 2018
    assert "年度需复核：表头没有年度，按文件名推断为 2018 年" in w.editor.year.toolTip()


def test_a_right_derived_value_is_confirmed_as_one_undo_step(
    make_controller, tmp_path, monkeypatch
):
    from desktop.domain import audit
    from desktop.ui.flag_review import FlagReviewDialog

    w = _imported_and_shown(make_controller, tmp_path, "d1-county-older.txt", monkeypatch)
    before = w.editor.project
    assert before.flag("funds.total") and before.flag("year")
    listed = []

    def tick(dialog):
        for i in range(dialog.list.count()):
            item = dialog.list.item(i)
            listed.append(item.text())
            if item.data(Qt.ItemDataRole.UserRole) in ("funds.total", "year"):
                item.setCheckState(Qt.CheckState.Checked)
        return FlagReviewDialog.DialogCode.Accepted

    monkeypatch.setattr(FlagReviewDialog, "exec", tick)
    w.act_confirm_flags.trigger()
    assert "项目资金总额：1,500,000.00 元  — 表中没有总额，由分项金额合计得出" in listed
    (stored,) = w.session.repo.all_projects()
    assert stored.flag("funds.total") is None and stored.flag("year") is None
    assert stored.flag("nature")  # not ticked: still to review
    rules = {(f.rule, f.location.field) for f in audit.check(stored)}
    assert ("fields.needs_review", "funds.total") not in rules
    assert w.act_undo.text() == "撤销(&U) 确认 2 个需复核的字段"
    w.act_undo.trigger()
    (stored,) = w.session.repo.all_projects()
    assert stored.flag("funds.total") and stored.flag("year")


def test_why_a_field_is_flagged_is_said_in_english(qtbot, app_and_translators):
    """The reasons the importer gives, in the English window: the form's words translated,
    the form's own data (its project's Chinese name) as it is."""
    _, translators = app_and_translators
    translators.use("en")
    try:
        dialog, _ = preview(qtbot, "a1-central-2023.txt")
        table = dialog.table
        tip = table.item(0, 3).toolTip()
        sources = table.item(0, 7).text()
        details = dialog.details.toPlainText().splitlines()
    finally:
        translators.use("zh_CN")
    assert tip == "To review: The form gives only the annual amounts; filled in from them"
    assert sources == "10,000 yuan, worked out"
    assert "⚠ Nature: (empty)  — to review: The form has no Project nature" in details
    flagged = [line for line in details if "to review" in line]
    assert flagged and not [line for line in flagged if CJK.search(line)]
