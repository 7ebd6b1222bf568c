"""The import report's lines are said in the window's language: the severity, the line,
and what the readers say about a whole project (twice the same id in a file, a form with
no indicators) — in English with no Chinese but the project's own name; the CLI and the
Chinese window keep today's Chinese lines. Written here by hand."""

from __future__ import annotations

import json

import pytest

from desktop.domain import report_text
from desktop.domain.codec import project_to_dict
from desktop.domain.messages import Message, Term
from desktop.domain.model import Project
from desktop.io.files import load_file, plan_import
from desktop.io.report import WARNING, ReportItem
from desktop.store import open_repository
from desktop.ui.audit_text import finding_text
from tests.in_each_language import CJK


def report_lines(tmp_path, qtbot, translators, language: str) -> tuple[list[str], str]:
    from desktop.ui.window_files import ReportDialog

    project = Project(name="Legal aid", year=2026)
    path = tmp_path / "twice.json"
    doc = {"format": "jixiao-projects", "version": 1, "projects": [project_to_dict(project)] * 2}
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = load_file(path)
    with open_repository(tmp_path / "mine.db") as repo:
        _, summary = plan_import(repo, result)
    translators.use(language)
    try:
        dialog = ReportDialog(None, path.name, result, summary)
        qtbot.addWidget(dialog)
        return dialog.text.toPlainText().splitlines(), project.id
    finally:
        translators.use("zh_CN")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_project_twice_in_a_file(tmp_path, qtbot, app_and_translators, language):
    _, translators = app_and_translators
    lines, pid = report_lines(tmp_path, qtbot, translators, language)
    if language == "en":
        assert lines == [
            f"[Error] “Legal aid”: project 2 not imported: id {pid} appears twice in the file"
        ]
        assert not CJK.search(lines[0])
    else:
        assert lines == [f"[错误] “Legal aid”：第 2 个项目未导入：id {pid} 在文件中重复"]


def test_a_line_with_its_place(app_and_translators):
    _, translators = app_and_translators
    item = ReportItem(WARNING, Message(report_text.NO_INDICATORS), line=3, project="法律援助")
    assert str(item.describe()) == "[警告] 第3行 “法律援助”：没有找到绩效指标"
    translators.use("en")
    try:
        english = finding_text(item.describe())
    finally:
        translators.use("zh_CN")
    assert english == "[Warning] line 3 “法律援助”: no performance indicators found"


def test_what_the_reader_says_of_a_field_and_a_cell(app_and_translators):
    from desktop.domain.model import field_label

    _, translators = app_and_translators
    items = [
        ReportItem(
            WARNING,
            Message(report_text.NOT_FOUND, label=Term(field_label("start_date"))),
            line=7,
            project="Legal aid",
        ),
        ReportItem(WARNING, Message(report_text.CELL_UNKNOWN, cell="x"), cell="表1!B7"),
    ]
    assert [str(i.describe()) for i in items] == [
        "[警告] 第7行 “Legal aid”：没有找到计划开始日期",
        "[警告] 表1!B7：无法识别的单元格“x”，已忽略",
    ]
    translators.use("en")
    try:
        english = [finding_text(i.describe()) for i in items]
    finally:
        translators.use("zh_CN")
    assert english == [
        "[Warning] line 7 “Legal aid”: no Planned start date found",
        "[Warning] 表1!B7: the cell “x” was not recognised; ignored",
    ]


def test_a_form_without_a_year(tmp_path, app_and_translators):
    _, translators = app_and_translators
    path = tmp_path / "forms.txt"
    path.write_text(
        "项目支出绩效目标申报表\n项目名称\t法律援助\n实施期限\t2026年1月-12月\n",
        encoding="utf-8",
    )
    (item,) = [i for i in load_file(path).items if str(i.message).startswith("没有找到年度")]
    assert str(item.message) == "没有找到年度，按实施期限推断为 2026 年（已标记需复核）"
    translators.use("en")
    try:
        english = finding_text(item.message)
    finally:
        translators.use("zh_CN")
    assert english == "no year found; 2026 was inferred from the implementation period " + (
        "(marked for review)"
    )


def test_what_the_reader_flags_is_said_in_english(tmp_path, app_and_translators):
    """Each field the reader could not fill, and why, and an amount it could not read: in
    English no Chinese but the form's own words (its label 项目资金总额 as written)."""
    _, translators = app_and_translators
    path = tmp_path / "forms.txt"
    path.write_text(
        "项目支出绩效目标申报表\n项目名称\tLegal aid\n项目资金总额\tabc\n", encoding="utf-8"
    )
    items = load_file(path).items
    translators.use("en")
    try:
        lines = [finding_text(i.describe()) for i in items]
    finally:
        translators.use("zh_CN")
    assert (
        "[Warning] line 3 “Legal aid”: the amount of “项目资金总额” could not be read"
        " (“abc” is not an amount); imported as 0"
    ) in lines
    assert (
        "[Needs review] “Legal aid”: Total project funds: The amount “abc” cannot be read" in lines
    )
    flagged = [line for line in lines if line.startswith("[Needs review]")]
    assert len(flagged) == 15  # every field of the form but the name
    assert not [line for line in flagged if CJK.search(line)]
