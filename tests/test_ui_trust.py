"""The window and files it cannot trust: a damaged working file (read-only with 从备份恢复,
or the backups offered when it cannot be read at all), re-importing our own workbook
through the merge preview, and exporting a selection (选中 / 全部)."""

from __future__ import annotations

import json

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.store import open_repository
from desktop.store.backups import list_backups, take_file
from desktop.ui.app import Controller
from desktop.ui.exchange_dialogs import MergeDialog
from desktop.ui.version_dialogs import BackupDialog


def _click_on_exec(monkeypatch, text: str, seen: list) -> None:
    """QMessageBox instances answer by clicking the button whose text contains ``text``."""

    def run(self):
        seen.append(self.text())
        for button in self.buttons():
            if text in button.text():
                button.click()
                return 0
        return 0

    monkeypatch.setattr(QMessageBox, "exec", run)


def test_a_file_too_damaged_to_read_offers_its_backups_and_keeps_it(
    app_and_translators, qtbot, dialogs, tmp_path, monkeypatch
):
    app, translators = app_and_translators
    path = tmp_path / "办公.db"
    with open_repository(path) as repo:
        from desktop.io.files import load_file
        from tests.conftest import SAMPLE

        repo.add(load_file(SAMPLE).projects)
    take_file(path, "manual")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # truncated (a copy interrupted)
    damaged = path.read_bytes()
    seen: list[str] = []
    _click_on_exec(monkeypatch, "从备份恢复", seen)
    monkeypatch.setattr(
        BackupDialog, "exec", lambda self: (self._restore(), QDialog.DialogCode.Accepted)[1]
    )
    c = Controller(app, translators)
    try:
        opened = c.open(path)
        assert opened, seen  # a window, not an exit
        qtbot.addWidget(c.window)
        assert "已损坏" in seen[0]
        assert c.window.model.rowCount() == 13  # the backup's projects
        kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
        assert len(kept) == 1 and kept[0].read_bytes() == damaged  # never deleted
    finally:
        c.shutdown()


def test_without_backups_an_unreadable_file_is_refused_cleanly(
    app_and_translators, dialogs, tmp_path, monkeypatch
):
    app, translators = app_and_translators
    path = tmp_path / "坏.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 4000)
    seen: list[str] = []
    _click_on_exec(monkeypatch, "关闭", seen)
    c = Controller(app, translators)
    assert not c.open(path)
    assert seen and "无法打开数据文件" in seen[0]
    assert c.window is None and list_backups(path) == []


def test_the_damaged_banner_offers_restoring_a_backup(make_controller, tmp_path, monkeypatch):
    c = make_controller(tmp_path / "x.db")
    c.load_sample()
    asked = []
    monkeypatch.setattr(Controller, "restore_backup", lambda self: asked.append(True))
    c.window.restoreRequested.disconnect()
    c.window.restoreRequested.connect(lambda: c.restore_backup())
    c.window.show_damaged("“x.db”已损坏：第 3 页无效")
    banner = c.window.banner
    assert not banner.isHidden()
    assert "从备份恢复" in banner.text() and "第 3 页无效" in banner.text()
    banner.linkActivated.emit("restore")
    assert asked == [True]
    c.window.grab().save(str(tmp_path / "damaged-banner.png"))


def test_reimporting_our_own_edited_workbook_goes_through_the_merge_preview(
    make_controller, tmp_path, monkeypatch
):
    c = make_controller(tmp_path / "office.db")
    c.load_sample()
    w = c.window
    book = tmp_path / "导出.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(book), ""))
    w.table.clearSelection()  # nothing selected: everything
    w.act_export.trigger()
    # a person edits one form's 年度总体目标 in Excel
    wb = load_workbook(book)
    ws = wb["司法鉴定"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "年度总体目标")
    target = ws.cell(cell.row + 1, cell.column)
    target.value = "在 Excel 里改过的年度目标"
    wb.save(book)
    seen = {}

    def preview(dialog):
        seen["items"] = {i.name: (i.status.value, i.changes) for i in dialog.items}
        dialog._accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", preview)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(book), ""))
    w.act_import.trigger()
    status, changes = seen["items"]["司法鉴定"]
    assert status == "theirs_newer"
    assert any("年度总体目标" in ch and "在 Excel 里改过的年度目标" in ch for ch in changes)
    names = [s.name for s in w.model._rows]
    assert names.count("司法鉴定") == 1 and len(names) == 13  # merged, not duplicated
    with open_repository(w.path, read_only=True) as repo:
        p = next(x for x in repo.all_projects() if x.name == "司法鉴定")
        assert p.goal_annual == "在 Excel 里改过的年度目标"
        assert repo.history(p.id)  # the version replaced is kept


def test_export_asks_selected_or_all_and_exports_one_selected_project(
    make_controller, tmp_path, monkeypatch, dialogs
):
    c = make_controller(tmp_path / "office.db")
    c.load_sample()
    w = c.window
    pid = next(s.id for s in w.model._rows if s.name == "法治宣传")
    w.select_project(pid)
    out = tmp_path / "一个.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.act_export.trigger()  # the question is answered 是 (选中) by the fixture
    kind, text = dialogs[-1]
    assert kind == "question" and "选中的 1 个" in text and "全部 13 个" in text
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [p["name"] for p in doc["projects"]] == ["法治宣传"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    w.act_export.trigger()  # 否: all of them
    assert len(json.loads(out.read_text(encoding="utf-8"))["projects"]) == 13
