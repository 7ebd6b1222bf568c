"""The goal column's header is chosen on the 绩效目标 tab, at the keyboard, and printed as
chosen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.domain.model import Project
from desktop.printing.layout import goal_header
from desktop.store import open_repository
from tests.test_ui_window import select_name


def test_the_clerk_chooses_the_goal_header_and_undo_takes_it_back(make_controller, tmp_path, qtbot):
    path = tmp_path / "表头.db"
    with open_repository(path) as repo:
        repo.save(
            Project(
                year=2026, name="两年", start_date=date(2026, 1, 1), end_date=date(2027, 12, 31)
            )
        )
    c = make_controller(path)
    w = c.window
    w.show()
    select_name(w, "两年")
    ed = w.editor
    ed.setCurrentWidget(ed.goals)
    combo = ed.goal_header
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "项目总目标",
        "项目总体目标",
        "项目总体目标(2026年-2027年)",
    ]
    assert combo.currentText() == "项目总目标"
    combo.setFocus()
    QApplication.processEvents()
    for expected in ("项目总体目标", "项目总体目标(2026年-2027年)"):
        QTest.keyClick(combo, Qt.Key.Key_Down)
        QApplication.processEvents()
        assert ed.project.goal_header == expected
    with open_repository(path) as repo:
        (saved,) = repo.all_projects()
    assert goal_header(saved) == "项目总体目标(2026年-2027年)"  # written at once, printed so
    w.session.undo_stack.undo()
    QApplication.processEvents()
    assert ed.project.goal_header == "项目总体目标"
    assert combo.currentText() == "项目总体目标"
