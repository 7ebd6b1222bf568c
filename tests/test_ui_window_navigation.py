"""Moving between projects in the list: Ctrl+PgDown/PgUp, the search, going to a hidden project."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from tests.ui_helpers import active_sample_window, shown

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_pgdown_moves_to_the_next_project_without_selecting_several(make_controller, tmp_path):
    # Found with xdotool on a real X server: three Ctrl+PgUp left four projects selected, so
    # the next 打印/删除项目/导出 would act on all four while the clerk sees one form.
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    w = active_sample_window(make_controller, tmp_path)
    w.select_project(w.proxy.project_id(w.proxy.index(0, 0)))
    w.editor.nature.setFocus()  # the clerk is in the form, not in the list
    ctrl = Qt.KeyboardModifier.ControlModifier
    for _ in range(3):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, ctrl)
    fourth = w.proxy.project_id(w.proxy.index(3, 0))
    assert w.editor.project.id == fourth
    assert w.selected_ids() == [fourth]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, ctrl)
    third = w.proxy.project_id(w.proxy.index(2, 0))
    assert w.editor.project.id == third
    assert w.selected_ids() == [third]


def test_clearing_a_search_that_showed_nothing_selects_the_first_project_again(
    make_controller, tmp_path, monkeypatch, dialogs
):
    # QA: the list came back with nothing selected, and 导出到文件 then wrote every project
    # without asking
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    w = shown(c.window)
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


def test_going_to_a_project_the_filters_hide_loads_only_that_project(
    make_controller, tmp_path, monkeypatch
):
    # select_project clears the filters; the first row must not be loaded on the way
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    w = shown(c.window)
    w.status_filter.setCurrentIndex(w.status_filter.findData(2))  # 有错误 only
    hidden = next(
        w.model.summary(r).id
        for r in range(w.model.rowCount())
        if w.model.summary(r).audit_status != 2  # not shown by 有错误
    )
    loaded = []
    real_load = c.session.load
    monkeypatch.setattr(c.session, "load", lambda pid: loaded.append(pid) or real_load(pid))
    w.select_project(hidden)
    assert w.editor.project.id == hidden
    assert w.selected_ids() == [hidden]
    assert loaded == [hidden]
