"""The import preview: what was read, per project, before anything is stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.io.files import load_file
from desktop.ui.import_preview import FLAGGED, ImportPreviewDialog

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
