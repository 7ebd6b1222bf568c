"""The merge preview while another program writes to the same file, and what the preview
shows (year, unit, total, field-by-field differences, no ids)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

from PySide6.QtCore import QTimer

from desktop.domain.model import Indicator, Project
from desktop.domain.values import parse_value
from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import Status
from desktop.ui.exchange_dialogs import MergeDialog, run_merge


def _project(name: str) -> Project:
    return Project(
        year=2025,
        name=name,
        implementing_unit="某区司法局",
        indicators=(Indicator("产出指标", "数量指标", "办理件数", parse_value("≥1(次)")),),
    )


def _twins(tmp_path):
    base = tmp_path / "base.db"
    with open_repository(base) as repo:
        repo.add([_project("调解经费"), _project("普法宣传")])
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copyfile(base, a)
    shutil.copyfile(base, b)
    return a, b


def _edit(db, name, goal):
    with open_repository(db) as repo:
        p = next(x for x in repo.all_projects() if x.name == name)
        repo.save(p.with_changes(goal_overall=goal))


def _other_program_saves(db, name, goal) -> None:
    """Another process (another copy of the program) saves a project in ``db``."""
    code = textwrap.dedent(
        f"""
        from desktop.store import open_repository
        with open_repository({str(db)!r}) as repo:
            p = next(x for x in repo.all_projects() if x.name == {name!r})
            repo.save(p.with_changes(goal_overall={goal!r}))
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_a_save_by_another_program_while_the_preview_is_open_is_not_lost(qtbot, tmp_path):
    a, b = _twins(tmp_path)
    _edit(a, "调解经费", "A 机上改的目标")
    stick = tmp_path / "stick.db"
    with open_repository(a) as repo:
        export_db(repo.all_projects(trash=True), stick, repo.tombstones())
    shown: list[MergeDialog] = []

    def hook(dialog: MergeDialog) -> None:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        if len(shown) == 1:
            statuses = {i.name: i.status for i in dialog.items}
            assert statuses["调解经费"] == Status.THEIRS_NEWER

            def meanwhile() -> None:
                _other_program_saves(b, "调解经费", "另一个程序刚保存的目标")
                dialog.ok.click()

            QTimer.singleShot(0, meanwhile)
        else:
            QTimer.singleShot(0, dialog.ok.click)

    with open_repository(b) as repo:  # the window's connection
        result = run_merge(None, repo, read_untrusted(stick), dialog_hook=hook)
        assert result is not None
        # the preview was shown again, saying why, with the new situation
        assert len(shown) == 2
        assert "其他程序修改" in shown[1].head.text()
        statuses = {i.name: i.status for i in shown[1].items}
        assert statuses["调解经费"] == Status.CONFLICT
        goals = {p.goal_overall for p in repo.all_projects()}
        goals |= {h.project.goal_overall for h in repo.all_history()}
    assert "另一个程序刚保存的目标" in goals  # the other program's edit
    assert "A 机上改的目标" in goals  # and the incoming one


def test_the_preview_shows_year_unit_total_and_differences_not_ids(qtbot, tmp_path):
    a, b = _twins(tmp_path)
    _edit(a, "调解经费", "新的总目标")
    stick = tmp_path / "stick.db"
    with open_repository(a) as repo:
        export_db(repo.all_projects(trash=True), stick, repo.tombstones())
    with open_repository(b) as repo:
        from desktop.store.merge import plan_merge

        plan = plan_merge(repo, read_untrusted(stick))
        dialog = MergeDialog(None, plan)
        qtbot.addWidget(dialog)
        dialog.show()
        headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.COLUMNS)]
        assert headers[:4] == ["项目", "年度", "实施单位", "项目资金总额"]
        row = next(r for r, i in enumerate(dialog.items) if i.name == "调解经费")
        assert dialog.table.item(row, 1).text() == "2025"
        assert dialog.table.item(row, 2).text() == "某区司法局"
        dialog.table.selectRow(row)
        assert "项目总目标：（空） → 〔+新的总目标〕" in dialog.details.toPlainText()
        ids = {i.project_id for i in dialog.items}
        for r in range(dialog.table.rowCount()):
            for c in range(dialog.COLUMNS - 1):
                cell = dialog.table.item(r, c)
                assert not any(i in cell.text() or i in cell.toolTip() for i in ids)
        dialog.grab().save("/tmp/i14-merge-preview.png")
