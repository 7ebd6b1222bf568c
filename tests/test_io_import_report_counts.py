"""The import report counts what it lists: "需要人工复核 N 处" is followed by N lines marked
[需复核] — a flagged field or an indicator to check each — whether the file is our own
.xlsx or .json, read into an empty database or into the one it came from (where its
projects go through the merge), on the command line and in the window's report."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.cli import main
from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import parse_value
from desktop.io import json_format
from desktop.io.files import atomic_write_text, load_file, plan_import
from desktop.io.xlsx_format import export_xlsx
from desktop.store import open_repository

# Written by hand: two fields flagged, two of three indicators to check — four lines.
FORM = Project(
    year=2024,
    name="社区矫正 教育",
    nature="经常性项目",
    category="特定目标类",
    department="某区司法局",
    implementing_unit="某区司法局",
    start_date=date(2024, 1, 1),
    end_date=date(2024, 12, 31),
    funds=Funds(total=12_000_000, fiscal=12_000_000, annual_total=12_000_000),
    goal_overall="完成 教育",
    goal_annual="完成",
    indicators=(
        Indicator("产出指标", "数量指标", "教育人数", parse_value("≥100人")),
        Indicator(
            "产出指标", "质量指标", "合格率", parse_value("95%"), True, "数值看不清", "合格率 9?%"
        ),
        Indicator("效益指标", "社会效益指标", "再犯率", parse_value("下降"), True, "二级待定"),
    ),
    field_flags=(("department", "表中没有找到主管部门"), ("year", "按文件名推断")),
)
EXPECTED_LINES = 4


def _files(tmp_path):
    atomic_write_text(tmp_path / "forms.json", json_format.dumps([FORM]))
    export_xlsx([FORM], tmp_path / "forms.xlsx")
    return {"json": tmp_path / "forms.json", "xlsx": tmp_path / "forms.xlsx"}


def _review_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("  [需复核]")]


@pytest.mark.parametrize("kind", ["json", "xlsx"])
def test_the_command_line_counts_the_lines_it_lists(tmp_path, capsys, kind):
    path, db = _files(tmp_path)[kind], tmp_path / "mine.db"
    for _ in range(2):  # into an empty database, then again into the same (merged)
        main(["import", str(path), "--db", str(db)])
        out = capsys.readouterr().out
        assert f"需要人工复核 {EXPECTED_LINES} 处（字段 2 个、指标 2 条，" in out
        assert len(_review_lines(out)) == EXPECTED_LINES


@pytest.mark.parametrize("kind", ["json", "xlsx"])
def test_the_window_report_counts_the_lines_it_lists(qtbot, tmp_path, kind):
    from desktop.io.report import REVIEW
    from desktop.ui.window_files import ReportDialog

    path = _files(tmp_path)[kind]
    result = load_file(path)
    assert len(result.of(REVIEW)) == EXPECTED_LINES
    with open_repository(tmp_path / "mine.db") as repo:
        _, summary = plan_import(repo, result)
    dialog = ReportDialog(None, path.name, result, summary)
    qtbot.addWidget(dialog)
    label = dialog.layout().itemAt(0).widget().text()
    assert f"{EXPECTED_LINES} 处需要人工复核" in label
    listed = [x for x in dialog.text.toPlainText().splitlines() if x.startswith("[需复核]")]
    assert len(listed) == EXPECTED_LINES
