"""Exchange from the window: export/import .db with the merge preview, history, backups,
and two programs on one file."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.store import open_repository
from desktop.store.backups import list_backups
from desktop.store.exchange import read_untrusted
from desktop.ui import exchange_dialogs
from desktop.ui.exchange_dialogs import MergeDialog
from desktop.ui.version_dialogs import BackupDialog, HistoryDialog
from tests.ui_helpers import replace_text


def answer_save(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def accept(monkeypatch, cls, prepare=None):
    def run(self):
        if prepare:
            prepare(self)
        if hasattr(self, "_accept"):
            self._accept()
        elif hasattr(self, "_restore"):
            self._restore()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(cls, "exec", run)


def test_export_to_a_db_file_and_merge_it_back_with_a_preview(
    make_controller, tmp_path, monkeypatch
):
    c = make_controller(tmp_path / "office.db")
    c.load_sample()
    w = c.window
    stick = tmp_path / "U盘" / "交换.db"
    stick.parent.mkdir()
    answer_save(monkeypatch, stick)
    w.table.clearSelection()
    w.act_export.trigger()
    assert len(read_untrusted(stick).projects) == 13

    # on the other computer: change one form, and export it back
    home = tmp_path / "home.db"
    with open_repository(home) as repo:
        from desktop.store.merge import apply_merge, plan_merge

        apply_merge(repo, plan_merge(repo, read_untrusted(stick)), backup=False)
        p = next(x for x in repo.all_projects() if x.name == "司法鉴定")
        repo.save(p.with_changes(goal_annual="家里改过的年度目标"))
        from desktop.store.exchange import export_db

        export_db(repo.all_projects(trash=True), stick, repo.tombstones())

    # meanwhile in the office the same form was edited too
    pid = next(s.id for s in w.model._rows if s.name == "司法鉴定")
    w.select_project(pid)
    replace_text(w.editor.name, "司法鉴定（办公室）")
    seen = {}

    def look(dialog):
        seen["statuses"] = {i.name: i.status.value for i in dialog.items}

    accept(monkeypatch, MergeDialog, look)
    w.act_import.trigger()
    assert seen["statuses"]["司法鉴定"] == "conflict"
    assert sum(1 for s in seen["statuses"].values() if s == "identical") == 12
    # different fields changed on each side: one project holding both edits
    names = {s.name for s in w.model._rows}
    assert "司法鉴定（办公室）" in names and "司法鉴定" not in names
    assert w.session.repo.get(pid).goal_annual == "家里改过的年度目标"
    assert w.model.rowCount() == 13
    assert not w.session.undo_stack.canUndo()
    assert [b.reason for b in list_backups(w.path)].count("merge") == 1


def test_history_restores_a_replaced_version_and_can_be_undone(
    make_controller, tmp_path, monkeypatch
):
    c = make_controller(tmp_path / "h.db")
    c.load_sample()
    w = c.window
    repo = w.session.repo
    pid = next(s.id for s in w.model._rows if s.name == "医患纠纷")
    old = repo.get(pid)
    repo.add_history(old, "测试")
    w.select_project(pid)
    replace_text(w.editor.name, "医患纠纷（新）")
    accept(monkeypatch, HistoryDialog)
    w.act_history.trigger()
    assert repo.get(pid).name == "医患纠纷"
    assert w.editor.name.text() == "医患纠纷"
    w.act_undo.trigger()
    assert repo.get(pid).name == "医患纠纷（新）"


def test_daily_backup_and_restoring_one(make_controller, tmp_path, monkeypatch):
    path = tmp_path / "b.db"
    c = make_controller(path)
    c.load_sample()
    c.shutdown()
    c = make_controller(path)  # opening again the same day: one daily backup
    c2 = make_controller(path)
    c.wait_for_checks()
    c2.wait_for_checks()
    daily = [b for b in list_backups(path) if b.reason == "daily"]
    assert len(daily) == 1
    c2.shutdown()
    w = c.window
    pid = next(s.id for s in w.model._rows if s.name == "法治宣传")
    w.select_project(pid)
    replace_text(w.editor.name, "改坏了")
    accept(
        monkeypatch,
        BackupDialog,
        lambda d: d.table.selectRow(
            next(i for i, b in enumerate(d.backups) if b.reason == "daily")
        ),
    )
    w.act_restore_backup.trigger()
    with open_repository(path) as repo:
        assert repo.get(pid).name == "法治宣传"
    assert c.window is not w and c.window.model.rowCount() == 13
    assert any(b.reason == "restore" for b in list_backups(path))


def test_two_programs_on_one_file_see_each_other_and_never_overwrite(
    make_controller, tmp_path, dialogs, expect_box
):
    expect_box("warning", "已被其他程序修改")
    path = tmp_path / "shared.db"
    first = make_controller(path)
    first.load_sample()
    second = make_controller(path)
    w1, w2 = first.window, second.window
    pid = next(s.id for s in w1.model._rows if s.name == "人民调解")
    w1.select_project(pid)
    w2.select_project(pid)
    replace_text(w1.editor.name, "人民调解（窗口一）")
    w2.files.check_outside_changes()
    assert w2.editor.name.text() == "人民调解（窗口一）"
    assert "人民调解（窗口一）" in {s.name for s in w2.model._rows}
    # window 2 is stale if it edits before it looked: its save is refused, not written over
    w1.editor.project  # noqa: B018
    replace_text(w1.editor.name, "人民调解（窗口一·二改）")
    replace_text(w2.editor.name, "人民调解（窗口二）")
    assert dialogs and dialogs[-1][0] == "warning"
    with open_repository(path, read_only=True) as repo:
        assert repo.get(pid).name == "人民调解（窗口一·二改）"
    assert w2.editor.name.text() == "人民调解（窗口一·二改）"  # reloaded after the refusal


def test_refused_file_gives_a_message_and_changes_nothing(
    make_controller, tmp_path, monkeypatch, dialogs, expect_box
):
    expect_box("warning", "无法导入")
    c = make_controller(tmp_path / "x.db")
    c.load_sample()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    answer_save(monkeypatch, bad)
    before = {s.id for s in c.window.model._rows}
    c.window.act_import.trigger()
    assert dialogs[-1][0] == "warning"
    assert {s.id for s in c.window.model._rows} == before
    assert exchange_dialogs  # the module is importable without a display


def test_a_damaged_file_opens_read_only_after_the_background_check(
    make_controller, tmp_path, dialogs, expect_box
):
    expect_box("critical", "已损坏")
    path = tmp_path / "坏 文件.db"
    c = make_controller(path)
    c.load_sample()
    c.shutdown()
    # Damage the indicators table's root page: the list can still be read. (The last page
    # of the file, used before, is sometimes a free page, which no check looks at.)
    with sqlite3.connect(path) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'indicators'"
        ).fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    start = (root - 1) * page
    for offset in range(start + 8, start + 600):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    before = path.read_bytes()

    c = make_controller(path)  # the window shows at once …
    assert c.window.model.rowCount() == 13
    c.wait_for_checks()  # … and the check in the background finds the damage
    kind, text = dialogs[-1]
    assert kind == "critical" and "已损坏" in text and "只读" in text and "恢复备份" in text
    assert c.session.read_only and not c.window.banner.isHidden()
    assert not [b for b in list_backups(path) if b.reason == "daily"]  # no damaged backup
    c.shutdown()
    assert path.read_bytes() == before
