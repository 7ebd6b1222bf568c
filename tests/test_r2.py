"""Second round of QA defects on the integrated program (search selection, shortcuts in text
fields, the indicator tree's current row, 已保存 after a merge, English headers)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

CTRL = Qt.KeyboardModifier.ControlModifier


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
