"""Why a field or an indicator needs review — the reasons the importer stores with a project,
in Chinese, in the file — is said in the window's language wherever the clerk reads it: the
审核 panel, the indicator's tool tip, the dialog that confirms flagged fields, the import
preview; and so are a reviewer's opinion's place and reason, and the paste preview's
problems. The project is written in English so that any Chinese left is the program's. The
expected sentences are written here by hand from the form's labels and the translation."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain import flag_text
from desktop.domain import review as rv
from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import parse_value
from desktop.ui.commands import AddProjectsCommand
from tests.in_each_language import CJK, said

NOT_FOUND_START = flag_text.reason(flag_text.NOT_FOUND, label="计划开始日期")
SUMMED = flag_text.reason(flag_text.TOTAL_SUMMED)
UNKNOWN_GROUP = flag_text.reason(flag_text.LEVEL1_UNKNOWN, name="Outputs")
CUT = flag_text.reason(flag_text.NAME_CUT)


def flagged_project() -> Project:
    """A form the importer read with doubts: two fields and one indicator flagged."""
    return Project(
        year=2026,
        name="Legal aid",
        department="Justice Bureau",
        implementing_unit="Legal Aid Centre",
        end_date=date(2026, 12, 31),
        funds=Funds(100, 100, 0, 100, 100, 0, 0),
        goal_overall="Help people",
        goal_annual="Help people",
        field_flags=(("funds.total", str(SUMMED)), ("start_date", str(NOT_FOUND_START))),
        indicators=(
            Indicator(
                "Outputs",
                "Numbers",
                "Consultations held",
                parse_value("120"),
                needs_review=True,
                review_note=str(flag_text.joined(UNKNOWN_GROUP, CUT)),
                raw_text="Outputs\tNumbers\tConsultations held\t120",
                source_line=7,
            ),
        ),
        revision=1,
    )


@pytest.fixture
def flagged(window_in_each_language):
    c, language = window_in_each_language
    project = flagged_project()
    c.session.undo_stack.push(AddProjectsCommand(c.session, [project], "add"))
    c.window.select_project(project.id)
    c.window.show()
    QApplication.processEvents()
    c.window.refresh_audit()
    return c, language, c.session.repo.get(project.id)


def test_the_audit_panel_says_why(flagged):
    c, language, _ = flagged
    panel = c.window.audit_panel.tree
    texts = [panel.topLevelItem(i).text(3) for i in range(panel.topLevelItemCount())]
    start = next(t for t in texts if "计划开始日期" in t or "Planned start" in t)
    said(
        start,
        language,
        "Planned start date is not filled in (to be reviewed: The form has no Planned start date)",
        "计划开始日期未填写（需复核：表中没有找到计划开始日期）",
    )
    total = next(t for t in texts if "项目资金总额需复核" in t or "Total project funds needs" in t)
    said(
        total,
        language,
        "Total project funds needs review: The form has no total; it is the sum of the parts",
        "项目资金总额需复核：表中没有总额，由分项金额合计得出",
    )
    row = next(t for t in texts if "Consultations held" in t)
    said(
        row,
        language,
        "Indicator “Consultations held” could not be read for certain when imported and needs"
        " review: The level-1 indicator “Outputs” is not in the indicator system; imported under"
        " its own name. The indicator's name may be cut off",
        "导入时无法确定的指标“Consultations held”需要复核：一级指标“Outputs”不在指标体系中，"
        "按原名称导入；指标名称可能被截断",
    )


def test_the_indicators_tool_tip_says_why(flagged):
    c, language, _ = flagged
    editor = c.window.editor
    editor.setCurrentIndex(3)  # 绩效指标, built on first use
    model = editor.tree_model
    path = model.indicator_paths()[0]
    tip = model.index_for_path(path, 0).data(Qt.ItemDataRole.ToolTipRole)
    said(
        tip,
        language,
        "Needs review: The level-1 indicator “Outputs” is not in the indicator system; imported"
        " under its own name. The indicator's name may be cut off\n"
        "Source (line 7): Outputs | Numbers | Consultations held | 120",
        "需复核：一级指标“Outputs”不在指标体系中，按原名称导入；指标名称可能被截断\n"
        "原文第 7 行：Outputs | Numbers | Consultations held | 120",
    )


def test_the_dialog_confirming_flagged_fields_says_why(flagged, qtbot):
    from desktop.ui.flag_review import FlagReviewDialog

    c, language, project = flagged
    dialog = FlagReviewDialog(c.window, project)
    qtbot.addWidget(dialog)
    items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    if language == "en":
        assert items == [
            "Total project funds: 1.00 yuan  — The form has no total; it is the sum of the parts",
            "Planned start: (empty)  — The form has no Planned start date",
        ]
        assert not [i for i in items if CJK.search(i)]
    else:
        assert items == [
            "项目资金总额：1.00 元  — 表中没有总额，由分项金额合计得出",
            "计划开始日期：（空）  — 表中没有找到计划开始日期",
        ]


def test_an_opinions_place_and_reason_in_the_windows_language(flagged):
    from desktop.ui.audit_text import finding_text

    _, language, project = flagged
    on_field = rv.new_opinion(project, 2, "Split the amount", unit="", field="funds.fiscal")
    on_row = rv.new_opinion(project, 1, "", indicator=0, unit="Finance section")
    on_project = rv.new_opinion(project, 10, "", unit="")
    places = [finding_text(rv.opinion_place(o, project)) for o in (on_field, on_row, on_project)]
    states = [rv.OpinionState(o, rv.OPEN, "", "", "") for o in (on_field, on_row)]
    findings = [finding_text(f.message) for f in rv.opinion_findings(project, states)]
    if language == "en":
        assert places == [
            "Funds/of which fiscal funds",
            "Indicators/No. 1 (Outputs/Numbers/Consultations held)",
            "The whole project",
        ]
        assert findings == [
            "2 Indicators not detailed or quantified enough: Split the amount",
            "1 Indicators incomplete (Finance section)",
        ]
        assert not [t for t in places + findings if CJK.search(t)]
    else:
        assert places == [
            "项目资金/其中：财政资金",
            "绩效指标/第1条（Outputs/Numbers/Consultations held）",
            "整个项目",
        ]
        assert findings == [
            "2 指标不够细化、量化：Split the amount",
            "1 指标不够完整（Finance section）",
        ]
    # what is stored and printed is the Chinese place, whatever the window's language
    assert (on_field.label, on_row.label, on_project.label) == (
        "项目资金/其中：财政资金",
        "Outputs/Numbers/Consultations held",
        "整个项目",
    )


def test_the_paste_previews_problems_in_the_windows_language(flagged):
    from desktop.ui.audit_text import finding_text
    from desktop.ui.indicator_paste import read_rows

    _, language, project = flagged
    from desktop.domain.taxonomy import taxonomy

    profile = taxonomy().profile_of(project)
    result = read_rows("\t\t\t5\n产出指标\t满意度\tSurveys\t90%", profile)
    problems = [finding_text(p) for p in result.problems]
    if language == "en":
        assert problems == [
            "Row 1 has no level-3 indicator name; not added",
            "Row 2: the level-2 indicator “满意度” does not belong under the level-1 indicator"
            " “产出指标” (added as it is; please check)",
        ]
    else:
        assert problems == [
            "第 1 行没有三级指标名称，未添加",
            "第 2 行：二级指标“满意度”不属于一级指标“产出指标”（照原样添加，请核对）",
        ]
