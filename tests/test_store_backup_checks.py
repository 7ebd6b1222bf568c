"""A damaged file is never taken as a backup: the copy passes integrity_check (damage
quick_check misses: index root pages swapped) and, for the daily backup, the row screen
(a file one byte short loses a JSON column's end) before it is kept; the backups taken
before stay as they were."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.io.files import load_file
from desktop.store import open_repository
from desktop.store.backups import list_backups, take, take_file
from desktop.store.errors import DamagedFileError
from desktop.ui.app import background_checks
from tests.conftest import SAMPLE


@pytest.fixture
def working(tmp_path, monkeypatch):
    monkeypatch.setenv("JIXIAO_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "办公.db"
    with open_repository(path) as repo:
        repo.add(load_file(SAMPLE).projects)
    return path


def _swap_index_roots(path) -> None:
    """Two indexes of ``projects`` swap their root pages, as a forger or a bad sector would:
    quick_check passes, integrity_check does not."""
    conn = sqlite3.connect(path)
    (a,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'projects_year'"
    ).fetchone()
    (b,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'projects_deleted'"
    ).fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'projects_year'", [b])
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'projects_deleted'", [a])
    conn.commit()
    conn.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    conn.close()


def _backups(path, root):
    return [(b.path.name, b.path.read_bytes()) for b in list_backups(path, root)]


def test_damage_only_integrity_check_sees_is_never_backed_up(working, tmp_path):
    root = tmp_path / "data"
    take_file(working, "manual", root)  # a good one from before
    before = _backups(working, root)
    _swap_index_roots(working)
    for reason in ("daily", "merge"):
        with pytest.raises(DamagedFileError, match="已损坏"):
            take_file(working, reason, root)
    assert _backups(working, root) == before
    assert not [p for p in (root / "backups").rglob(".checking-*")]


def test_a_file_one_byte_short_is_not_the_days_backup(working, tmp_path):
    root = tmp_path / "data"
    take_file(working, "manual", root)
    before = _backups(working, root)
    conn = sqlite3.connect(working)
    conn.execute('UPDATE projects SET field_flags = \'{"name": "x"\' WHERE rowid = 1')
    conn.commit()
    conn.close()
    with pytest.raises(DamagedFileError, match="数据有误"):
        take_file(working, "daily", root)
    assert _backups(working, root) == before
    # the state before a merge is still kept (it is not what the damage would push out)
    conn = sqlite3.connect(working)
    try:
        take(conn, working, "merge", root)
    finally:
        conn.close()
    assert len(_backups(working, root)) == len(before) + 1


def test_the_windows_daily_check_reports_damage_instead_of_backing_it_up(working, tmp_path):
    _swap_index_roots(working)
    problem = background_checks(working, daily_backup=True)
    assert "已损坏" in problem
    assert list_backups(working) == []
