"""审核 in the window: the panel, a click to the problem, marks in place, the list status."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from desktop.domain.library import Library
from desktop.ui.audit_panel import field_label
from desktop.ui.library_dialog import LibraryDialog
from desktop.ui.print_dialog import PrintDialog
from tests.ui_helpers import replace_text


def sample(make_controller, tmp_path):
    c = make_controller(tmp_path / "audit.db")
    c.load_sample()
    return c.window


@pytest.mark.parametrize(
    ("key", "where"),
    [  # the form's own labels; a part of the annual request under it
        ("year", "年度"),
        ("name", "项目名称"),
        ("funds.fiscal", "其中：财政资金"),
        ("funds.annual_total", "年度资金申请总额"),
        ("funds.annual_carryover", "年度资金申请总额 › 上年结转资金"),
        ("funds.annual_appropriation", "年度资金申请总额 › 其中：当年财政拨款"),
        ("产出指标", "产出指标"),  # a 一级 the finding is about
    ],
)
def test_the_panel_names_a_field_by_the_forms_label(qapp, key, where):
    assert field_label(key) == where


def select(w, name):
    w.select_project(next(s.id for s in w.model._rows if s.name == name))


def panel_rows(w):
    tree = w.audit_panel.tree
    return [
        [tree.topLevelItem(i).text(c) for c in range(4)] for i in range(tree.topLevelItemCount())
    ]


def test_panel_shows_the_current_project_and_a_click_lands_on_the_row(make_controller, tmp_path):
    w = sample(make_controller, tmp_path)
    select(w, "依法治区")
    rows = panel_rows(w)
    # Three rows need review, a 三级 name twice; no 成本指标 (2021 profile).
    assert [r[0] for r in rows] == ["错误", "错误", "错误", "警告", "警告"]
    assert "错误 3 条，警告 2 条" in w.audit_panel.summary.text()
    item = w.audit_panel.tree.topLevelItem(2)
    w.audit_panel.tree.itemClicked.emit(item, 0)
    assert w.editor.currentWidget() is w.editor.indicators
    assert w.editor.tree.currentIndex().data() == "基层法治建设工作成效"


def test_all_projects_and_a_click_switches_project_and_focuses_the_field(
    make_controller, tmp_path, qtbot
):
    w = sample(make_controller, tmp_path)
    w.activateWindow()
    qtbot.waitActive(w)
    select(w, "司法调解")
    w.audit_panel.all_projects.setChecked(True)
    rows = panel_rows(w)
    # 4 warnings, 3 定量 names with text values, and 13 forms without a 成本指标.
    assert sum(r[0] == "错误" for r in rows) == 10 and sum(r[0] == "警告" for r in rows) == 20
    target = next(i for i in range(len(rows)) if rows[i][1] == "智慧矫正")
    w.audit_panel.tree.itemClicked.emit(w.audit_panel.tree.topLevelItem(target), 0)
    assert w.editor.project.name == "智慧矫正"
    assert w.editor.currentWidget() is w.editor.basic
    assert w.focusWidget() is w.editor.nature  # the field that got the focus
    assert "阶段性项目" in w.editor.nature.toolTip()  # marked in place


def test_checks_rerun_as_the_clerk_types(make_controller, tmp_path, qtbot):
    w = sample(make_controller, tmp_path)
    select(w, "司法调解")
    no_cost = [
        [
            "警告",
            "司法调解",
            "绩效指标 › 成本指标",
            "没有成本指标：按现行指标体系，每个项目都应设置成本指标（意见代码 1）",
        ]
    ]
    assert panel_rows(w) == no_cost
    w.editor.setCurrentIndex(1)
    replace_text(w.editor.money["total"], "5200000")
    qtbot.waitUntil(lambda: any("项目资金总额" in r[3] for r in panel_rows(w)), timeout=2000)
    assert w.editor.money["total"].styleSheet()  # the field is marked
    row = w.model.row_of(w.editor.project.id)
    assert w.model.index(row, 4).data() == "错误 1"
    replace_text(w.editor.money["total"], "5100000")
    qtbot.waitUntil(lambda: panel_rows(w) == no_cost, timeout=2000)
    assert w.model.index(row, 4).data() == "警告 1"


def test_status_column_and_filter(make_controller, tmp_path):
    w = sample(make_controller, tmp_path)
    w.status_filter.setCurrentIndex(w.status_filter.findData(2))
    assert {w.proxy.index(r, 0).data() for r in range(w.proxy.rowCount())} == {
        "公共法律服务",
        "依法治区",
        "法律援助费",  # its 满意度 rows have no 一级 on the published form
    }
    # Every other form has at least the warning that it has no 成本指标.
    w.status_filter.setCurrentIndex(w.status_filter.findData(1))
    assert w.proxy.rowCount() == 13 - 3
    w.status_filter.setCurrentIndex(w.status_filter.findData(0))
    assert w.proxy.rowCount() == 0


def test_printing_a_form_with_errors_asks_and_marks_it_draft(
    make_controller, tmp_path, qtbot, dialogs, monkeypatch
):
    w = sample(make_controller, tmp_path)
    repo = w.session.repo
    flawed = [repo.get(s.id) for s in w.model._rows if s.name == "依法治区"]
    dialog = PrintDialog(w, flawed, lambda: [])
    qtbot.addWidget(dialog)
    assert dialog.drafts == {flawed[0].id}
    assert "草稿" in dialog.status.text()
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "draft.pdf"), "")
    )
    dialog.export()
    assert dialogs[-1][0] == "question" and "草稿" in dialogs[-1][1]
    import pdfplumber

    with pdfplumber.open(tmp_path / "draft.pdf") as pdf:
        page = pdf.pages[0]  # the mark is drawn as grey outlines, not text
        assert not [c for c in page.chars if c["size"] > 50]
        assert [c for c in page.curves if c["non_stroking_color"] == (0.75, 0.75, 0.75)]


def test_library_and_database_names_are_offered_while_typing(make_controller, tmp_path):
    w = sample(make_controller, tmp_path)
    dialog = LibraryDialog(w, w.session.repo)
    dialog.level2.setCurrentText("数量指标")
    dialog.new_name.setText("调解员培训人次")
    dialog.add_button.click()
    assert "调解员培训人次" in Library.from_json(w.session.repo.meta("indicator_library")).names(
        "数量指标"
    )
    select(w, "法治宣传")
    w.editor.setCurrentIndex(3)
    model = w.editor.tree_model
    output = model.profile.level1_names.index("产出指标")
    index = model.index_for_path((output, 0, 0))
    w.editor.tree.setCurrentIndex(index)
    w.editor.tree.edit(index)
    editor = next(e for e in w.editor.tree.findChildren(QLineEdit) if e.isVisible())
    offered = editor.completer().model().stringList()
    assert "调解员培训人次" in offered  # the library, with the clerk's addition
    assert "纠纷调解成功率" in offered  # used in this database
    assert "培训人次" in offered  # bundled


def test_the_panel_warns_of_a_namesake_in_the_file(make_controller, tmp_path):
    """可能重复 in the panel of the project shown: another live project of its year has its
    name (spaces aside); trashing that one clears the warning."""
    from dataclasses import replace as copy_of

    from desktop.domain.model import new_id

    w = sample(make_controller, tmp_path)
    repo = w.session.repo
    select(w, "依法治区")
    assert not any("可能重复" in r[3] for r in panel_rows(w))
    project = w.editor.project
    twin = copy_of(project, id=new_id(), name=project.name.replace("依法", "依法 "))
    repo.add([twin])
    select(w, "依法治区")
    w.refresh_audit()
    assert any("可能重复" in r[3] for r in panel_rows(w))
    repo.trash(twin.id)
    w.refresh_audit()
    assert not any("可能重复" in r[3] for r in panel_rows(w))
