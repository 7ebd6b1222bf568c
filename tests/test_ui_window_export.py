"""Exporting from the window: what is exported when nothing is selected."""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from tests.ui_helpers import shown


def test_export_with_nothing_selected_asks_before_writing_every_project(
    make_controller, tmp_path, monkeypatch, dialogs
):
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    w = shown(c.window)
    QTest.keyClicks(w.search, "zzqqxx")
    assert w.selected_ids() == []
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    from PySide6.QtWidgets import QMessageBox

    questions = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: questions.append(a[2]) or QMessageBox.StandardButton.Cancel,
    )
    w.export_file()
    assert questions == ["没有选中任何项目。要导出全部 13 个项目吗？"]  # the sample's 13 forms
    assert asked == []  # cancelled at the question: no file dialog, nothing written
