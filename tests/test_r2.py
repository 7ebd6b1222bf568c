"""Second round of QA defects on the integrated program (search selection, shortcuts in text
fields, the indicator tree's current row, 已保存 after a merge, English headers)."""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPlainTextEdit

CTRL = Qt.KeyboardModifier.ControlModifier


class _EmacsKeys(QObject):
    """What QLineEdit does on X11: it claims Ctrl+E (end of line), Ctrl+D (delete), Ctrl+H …
    in ShortcutOverride, so the window's shortcut does not fire."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.modifiers() == CTRL and event.key() in (Qt.Key.Key_E, Qt.Key.Key_D)
        ):
            event.accept()
            return True
        return False


def _shown(w):
    w.show()
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w)
    return w


def test_clearing_a_search_that_showed_nothing_selects_the_first_project_again(
    make_controller, tmp_path, monkeypatch, dialogs
):
    # QA: the list came back with nothing selected, and 导出到文件 then wrote every project
    # without asking
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    w = _shown(c.window)
    assert w.selected_ids()
    w.search.setFocus()
    QTest.keyClicks(w.search, "zzqqxx")
    assert w.proxy.rowCount() == 0
    assert w.editor.project is None
    QTest.keyClick(w.search, Qt.Key.Key_A, CTRL)
    QTest.keyClick(w.search, Qt.Key.Key_Backspace)
    assert w.proxy.rowCount() == w.model.rowCount() > 1
    first = w.proxy.project_id(w.proxy.index(0, 0))
    assert w.selected_ids() == [first]
    assert w.editor.project is not None and w.editor.project.id == first

    target = tmp_path / "out.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "JSON 文件 (*.json)")
    )
    w.export_file()
    exported = json.loads(target.read_text(encoding="utf-8"))
    projects = exported["projects"] if isinstance(exported, dict) else exported
    assert [p["id"] for p in projects] == [first]


def test_export_with_nothing_selected_asks_before_writing_every_project(
    make_controller, tmp_path, monkeypatch, dialogs
):
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    w = _shown(c.window)
    QTest.keyClicks(w.search, "zzqqxx")
    assert w.selected_ids() == []
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    w.export_file()
    assert asked == []  # cancelled at the question: no file dialog, nothing written


def test_ctrl_e_exports_while_the_search_box_or_a_form_field_has_the_focus(
    make_controller, tmp_path, monkeypatch
):
    # QA (Linux): QLineEdit takes Ctrl+E as end-of-line (Emacs), so 导出到文件 did nothing
    # while the search box (which has the focus at start) or a form field had the focus
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    w = _shown(c.window)
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a[1]) or ("", "")
    )
    # The offscreen platform uses the Windows key scheme, where text fields leave Ctrl+E,
    # Ctrl+D … alone. Give every text field the X11 scheme's claim on them, as on Linux.
    claims = _EmacsKeys()
    for field in w.findChildren(QLineEdit) + w.findChildren(QPlainTextEdit):
        field.installEventFilter(claims)
    w.editor.department.installEventFilter(claims)  # an editable combo box asks its line edit
    w.editor.setCurrentWidget(w.editor.goals)
    goal = w.editor.goal_edits["goal_overall"]
    for field in (w.search, goal):
        field.setFocus()
        assert QApplication.focusWidget() is field
        QTest.keyClick(field, Qt.Key.Key_E, CTRL)
        assert len(asked) == 1, field
        asked.clear()
    # Ctrl+D (复制项目) from a line edit too, while the field's own undo stays its own
    before = w.model.rowCount()
    QTest.keyClick(w.search, Qt.Key.Key_D, CTRL)
    assert w.model.rowCount() == before + 1
    w.editor.setCurrentWidget(w.editor.basic)
    w.editor.name.setFocus()
    QTest.keyClick(w.editor.name, Qt.Key.Key_E, CTRL)
    assert len(asked) == 1
    w.editor.department.setFocus()
    assert QApplication.focusWidget() is w.editor.department
    QTest.keyClick(w.editor.department, Qt.Key.Key_E, CTRL)
    assert len(asked) == 2
    asked.clear()
    QTest.keyClicks(w.editor.name, "abc")
    QTest.keyClick(w.editor.name, Qt.Key.Key_Z, CTRL)
    assert not w.editor.name.text().endswith("abc")


def _settle():
    for _ in range(3):
        QApplication.processEvents()


def test_after_esc_on_a_new_row_or_deleting_the_last_row_the_tree_keeps_a_current_row(
    make_controller, tmp_path
):
    # QA: after Esc took a new row away (or Delete removed the last row) the tree had no
    # current row, and the next Up jumped to 成本指标 at the top
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    w = _shown(c.window)
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
    _settle()
    assert len(model.indicator_paths()) == len(paths) + 1
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # … given up
    _settle()
    assert model.indicator_paths() == paths
    assert model.node(ed.tree.currentIndex()).path == last  # the neighbour
    up = above(last)
    QTest.keyClick(ed.tree, Qt.Key.Key_Up)
    assert model.node(ed.tree.currentIndex()).path == up

    # Delete of the tree's last row: the row before it becomes current
    QTest.keyClick(ed.tree, Qt.Key.Key_Down)
    assert model.node(ed.tree.currentIndex()).path == last
    QTest.keyClick(ed.tree, Qt.Key.Key_Delete)
    _settle()
    assert len(model.indicator_paths()) == len(paths) - 1
    current = model.node(ed.tree.currentIndex())
    assert current is not None and current.path == before_last
    up = above(before_last)
    QTest.keyClick(ed.tree, Qt.Key.Key_Up)
    assert model.node(ed.tree.currentIndex()).path == up


def test_a_merge_updates_the_saved_time_in_the_status_bar(make_controller, tmp_path, monkeypatch):
    # QA: after 合并 the permanent 已保存 label kept the time of the last form edit
    from desktop.io.files import load_file, plan_import
    from desktop.store import open_repository
    from desktop.store.exchange import export_db
    from desktop.ui import exchange_dialogs
    from desktop.ui.app import sample_path

    path = tmp_path / "office.db"
    repo = open_repository(path)
    to_add, _ = plan_import(repo, load_file(sample_path()))
    repo.add(to_add)
    mine = repo.get(to_add[0].id)
    repo.close()
    theirs = tmp_path / "colleague.db"
    export_db([mine.with_changes(goal_annual=mine.goal_annual + "（补充）")], theirs)

    c = make_controller(path)  # opened, nothing written yet: no 已保存 time
    w = _shown(c.window)
    assert "已保存" not in w.saved_label.text()
    monkeypatch.setattr(
        exchange_dialogs.MergeDialog,
        "exec",
        lambda self: exchange_dialogs.QDialog.DialogCode.Accepted,
    )
    assert w.merge_from(str(theirs))
    assert "已保存" in w.saved_label.text()


def test_the_list_columns_are_wide_enough_for_their_titles_in_english(make_controller, tmp_path):
    # QA: in English the list showed `tal project fun` and `2 warn…`
    c = make_controller(tmp_path / "lang.db")
    c.load_sample()
    for language in ("en", "zh_CN"):
        c.set_language(language)
        w = _shown(c.window)
        header = w.table.horizontalHeader()
        for col in range(1, w.model.columnCount()):
            title = w.model.headerData(col, Qt.Orientation.Horizontal)
            needed = header.fontMetrics().horizontalAdvance(title)
            assert header.sectionSize(col) >= max(needed, header.sectionSizeHint(col)), title
        status = max((w.model.index(r, 4).data() for r in range(w.model.rowCount())), key=len)
        room = header.sectionSize(4) - 16 - 6  # the icon, the margins
        assert w.table.fontMetrics().horizontalAdvance(status) <= room, status
    assert w.model.headerData(3, Qt.Orientation.Horizontal) == "项目资金总额"


def test_going_to_a_project_the_filters_hide_loads_only_that_project(
    make_controller, tmp_path, monkeypatch
):
    # select_project clears the filters; the first row must not be loaded on the way
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    w = _shown(c.window)
    w.status_filter.setCurrentIndex(w.status_filter.findData(2))  # 有错误 only
    hidden = next(
        w.model.summary(r).id
        for r in range(w.model.rowCount())
        if not w.model.summary(r).audit_status
    )
    loaded = []
    real_load = c.session.load
    monkeypatch.setattr(c.session, "load", lambda pid: loaded.append(pid) or real_load(pid))
    w.select_project(hidden)
    assert w.editor.project.id == hidden
    assert w.selected_ids() == [hidden]
    assert loaded == [hidden]
