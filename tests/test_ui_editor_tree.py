"""The indicator tree: a new row given up with Esc, and the current row after rows go away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui_helpers import active_sample_window, settle


def test_esc_in_a_row_just_added_takes_the_empty_row_away(make_controller, tmp_path):
    # Ins on a 二级 opens a new row; the clerk changes their mind and presses Esc. The empty
    # row stayed (saved, two 审核 errors) — Enter already took it away, Esc did not.
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    w = active_sample_window(make_controller, tmp_path)
    ed = w.editor
    before = ed.project.indicators
    ed.setCurrentWidget(ed.indicators)
    ed.tree.setFocus()
    first_ind = ed.tree_model.indicator_paths()[0]
    ed.tree.setCurrentIndex(ed.tree_model.index_for_path(first_ind[:2]))  # its 二级
    QTest.keyClick(ed.tree, Qt.Key.Key_Insert)
    QApplication.processEvents()
    assert len(ed.project.indicators) == len(before) + 1
    assert ed.tree.state() == ed.tree.State.EditingState
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    for _ in range(3):
        QApplication.processEvents()
    assert ed.project.indicators == before
    assert w.session.repo.get(ed.project.id).indicators == before
    # a row the clerk filled is not taken away by a later Esc
    ed.tree.setCurrentIndex(ed.tree_model.index_for_path(first_ind[:2]))
    QTest.keyClick(ed.tree, Qt.Key.Key_Insert)
    QApplication.processEvents()
    QTest.keyClicks(QApplication.focusWidget(), "abc")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QApplication.processEvents()
    QApplication.processEvents()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    QApplication.processEvents()
    QApplication.processEvents()
    assert len(ed.project.indicators) == len(before) + 1


def test_after_esc_on_a_new_row_or_deleting_the_last_row_the_tree_keeps_a_current_row(
    make_controller, tmp_path
):
    # QA: after Esc took a new row away (or Delete removed the last row) the tree had no
    # current row, and the next Up jumped to 成本指标 at the top
    w = active_sample_window(make_controller, tmp_path)
    ed = w.editor
    ed.setCurrentWidget(ed.indicators)
    ed.tree.setFocus()
    model = ed.tree_model
    paths = model.indicator_paths()
    last, before_last = paths[-1], paths[-2]

    def above(path):  # the row Up goes to from a row
        return model.node(ed.tree.indexAbove(model.index_for_path(path))).path

    ed.tree.setCurrentIndex(model.index_for_path(last))
    QTest.keyClick(ed.tree, Qt.Key.Key_Insert)  # a new row after the last one …
    settle()
    assert len(model.indicator_paths()) == len(paths) + 1
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # … given up
    settle()
    assert model.indicator_paths() == paths
    assert model.node(ed.tree.currentIndex()).path == last  # the neighbour
    up = above(last)
    QTest.keyClick(ed.tree, Qt.Key.Key_Up)
    assert model.node(ed.tree.currentIndex()).path == up

    # Delete of the tree's last row: the row before it becomes current
    QTest.keyClick(ed.tree, Qt.Key.Key_Down)
    assert model.node(ed.tree.currentIndex()).path == last
    QTest.keyClick(ed.tree, Qt.Key.Key_Delete)
    settle()
    assert len(model.indicator_paths()) == len(paths) - 1
    current = model.node(ed.tree.currentIndex())
    assert current is not None and current.path == before_last
    up = above(before_last)
    QTest.keyClick(ed.tree, Qt.Key.Key_Up)
    assert model.node(ed.tree.currentIndex()).path == up
