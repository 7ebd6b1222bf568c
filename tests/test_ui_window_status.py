"""The status bar's 已保存 time."""

from __future__ import annotations

from tests.ui_helpers import shown


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
    w = shown(c.window)
    assert "已保存" not in w.saved_label.text()
    monkeypatch.setattr(
        exchange_dialogs.MergeDialog,
        "exec",
        lambda self: exchange_dialogs.QDialog.DialogCode.Accepted,
    )
    assert w.merge_from(str(theirs))
    assert "已保存" in w.saved_label.text()
