"""The quarantine (``store/quarantine.py``) under the store's other work: merges and exports
leave it as it is and never carry it; a readable project, a copy for support that cannot be
written and a read-only file each refuse the whole move. Read from the raw file."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.io.files import load_file
from desktop.store import ReadOnlyError, StoreError, open_repository
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import apply_merge, plan_merge
from desktop.store.quarantine import move_out, put_back_moved
from tests.conftest import SAMPLE
from tests.test_ui_move_out_damaged import _damaged_file, _ids, _raw_quarantine, _raw_rows


def _count(path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_a_merge_and_an_export_leave_the_quarantine_as_it_is_and_do_not_carry_it(tmp_path):
    """The forms as another machine holds them (exported before the damage) merged in
    after the move: the two come back readable, as projects new to the file; the
    quarantine keeps every byte; putting the move back is then refused (their ids are
    taken) and changes nothing. An export of the working file has an empty quarantine."""
    path = tmp_path / "办公.db"
    with open_repository(path) as repo:
        repo.add(load_file(SAMPLE).projects)
        export_db(repo.all_projects(), tmp_path / "另一台.db")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE projects SET year = 'abc' WHERE name = '司法调解'")
    conn.execute("UPDATE projects SET funds_total = 'x' WHERE name = '法治宣传'")
    conn.commit()
    conn.close()
    ids = sorted(_ids(path))
    before = _raw_rows(path, ids)
    with open_repository(path) as repo:
        moved = move_out(repo, sorted(repo.problems()))
    assert _raw_quarantine(path) == before and _raw_rows(path, ids) == {}
    with open_repository(path) as repo:
        apply_merge(repo, plan_merge(repo, read_untrusted(tmp_path / "另一台.db")), backup=False)
        back = [p.id for p in repo.all_projects() if p.name in ("司法调解", "法治宣传")]
        assert sorted(back) == ids
        assert repo.problems() == {}
        with pytest.raises(StoreError) as refused:
            put_back_moved(repo, moved.batch)
        assert str(refused.value) in (
            f"文件中已经有项目“{name}”（例如合并时带回的），移出的数据没有放回。"
            for name in ("司法调解", "法治宣传")
        )
        export_db(repo.all_projects(), tmp_path / "导出.db")
    assert _raw_quarantine(path) == before
    assert _count(tmp_path / "导出.db", "quarantined_rows") == 0
    assert _count(tmp_path / "导出.db", "quarantined_values") == 0
    assert _count(tmp_path / "导出.db", "projects") == 13


def test_a_readable_project_among_them_refuses_the_whole_move(tmp_path):
    path = _damaged_file(tmp_path)
    ids = _ids(path)
    before = _raw_rows(path, ids)
    with open_repository(path) as repo:
        good = next(s for s in repo.summaries() if s.name == "人民调解")
        with pytest.raises(StoreError) as refused:
            move_out(repo, [*repo.problems(), good.id])
    assert str(refused.value) == "项目“人民调解”的数据可以正常读取，不需要移出；未移出任何项目。"
    assert _raw_rows(path, ids) == before and _raw_quarantine(path) == {}


def test_a_copy_for_support_that_cannot_be_written_moves_nothing(tmp_path):
    path = _damaged_file(tmp_path)
    ids = _ids(path)
    before = _raw_rows(path, ids)
    nowhere = tmp_path / "没有的文件夹" / "副本.db"
    with open_repository(path) as repo, pytest.raises(StoreError) as refused:
        move_out(repo, list(repo.problems()), nowhere)
    assert str(refused.value).startswith("无法写入“副本.db”：")
    assert str(refused.value).endswith("未移出任何项目。")
    assert _raw_rows(path, ids) == before and _raw_quarantine(path) == {}
    assert not nowhere.parent.exists()


def test_a_read_only_file_refuses_in_one_line(tmp_path):
    path = _damaged_file(tmp_path)
    ids = _ids(path)
    before = _raw_rows(path, ids)
    with open_repository(path, read_only=True) as repo, pytest.raises(ReadOnlyError) as refused:
        move_out(repo, list(repo.problems()))
    assert str(refused.value) == "“办公.db”以只读方式打开，不能修改。"
    assert _raw_rows(path, ids) == before and _raw_quarantine(path) == {}
