"""The editor's four text combos (项目性质, 项目类别, 主管部门, 实施单位) suggest the values used
in the file: read when the clerk first enters one of them, not for the first project shown at
start (at 50,000 projects the read is a fifth of a second of the start)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.domain.model import new_id
from desktop.store import open_repository
from desktop.store.repository import Repository
from tests.conftest import SAMPLE
from tests.ui_helpers import generated_projects, shown

Key = Qt.Key
Mod = Qt.KeyboardModifier


def items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_used_values_are_read_when_a_combo_is_first_entered(make_controller, tmp_path, monkeypatch):
    projects = generated_projects(30)
    db = tmp_path / "units.db"
    repo = open_repository(db)
    repo.add(projects)
    repo.close()
    units = {p.implementing_unit for p in projects}
    assert len(units) > 1  # the file uses several units: the list has something to show
    reads = []
    original = Repository.distinct_values

    def counted(self, column):
        reads.append(column)
        return original(self, column)

    monkeypatch.setattr(Repository, "distinct_values", counted)
    window = shown(make_controller(db).window)
    editor = window.editor
    assert editor.project is not None  # the first project is shown…
    assert reads == []  # …without the suggestion lists
    assert editor.unit.currentText() == editor.project.implementing_unit

    QTest.keyClick(QApplication.focusWidget(), Key.Key_1, Mod.ControlModifier)  # 基本信息
    QTest.keyClick(QApplication.focusWidget(), Key.Key_U, Mod.AltModifier)  # 实施单位(&U)
    QApplication.processEvents()
    assert editor.unit.hasFocus()
    assert units <= set(items(editor.unit))
    assert editor.unit.currentText() == editor.project.implementing_unit  # the text stays
    assert editor.department.currentText() == editor.project.department
    assert "上海市普陀区司法局" in items(editor.department)

    # the next project shown has them too, read once for all four combos
    window.table.setFocus()
    QTest.keyClick(window.table, Key.Key_Down)
    QApplication.processEvents()
    assert units <= set(items(editor.unit))
    assert editor.unit.currentText() == editor.project.implementing_unit


def one_sample_with_a_name_twice(path):
    """The first published form with its first indicator entered twice (the rule: a 三级
    name once in its 二级 — an error on the row)."""
    from desktop.io.files import load_file

    project = load_file(SAMPLE).projects[0]
    again = replace(project.indicators[0], uid=new_id())
    twice = replace(project, indicators=(*project.indicators, again))
    repo = open_repository(path)
    repo.add([twice])
    repo.close()
    return path, twice


def test_ctrl_4_reaches_the_indicator_tree_never_built_with_its_findings(make_controller, tmp_path):
    db, project = one_sample_with_a_name_twice(tmp_path / "sample.db")
    window = shown(make_controller(db).window)
    editor = window.editor
    assert editor.project.id == project.id
    assert not editor.indicators.built  # 基本信息 is shown; the tree is not needed yet

    QTest.keyClick(QApplication.focusWidget(), Key.Key_4, Mod.ControlModifier)
    QApplication.processEvents()
    assert editor.indicators.built
    assert editor.currentWidget() is editor.indicators
    assert QApplication.focusWidget() is editor.tree
    # on its first row, as when the tree was there from the start (the keyboard test)
    assert editor.tree.currentIndex() == editor.tree_model.index(0, 0)
    # the 审核 finding given before the tree existed marks the row of the name again
    model = editor.tree_model
    name = project.indicators[0].name
    rows = [model.index_for_path(path) for path in model.indicator_paths()]
    tips = [i.data(Qt.ItemDataRole.ToolTipRole) or "" for i in rows if i.data() == name]
    assert len(tips) == 2 and f"三级指标“{name}”重复出现" in tips[1]
