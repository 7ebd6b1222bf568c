"""Files written by the program: permissions as for any new file, kept when replaced."""

from __future__ import annotations

import os
import stat

import pytest

from desktop.store.safefile import atomic_write


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_an_exported_file_can_be_read_by_colleagues_like_any_other_new_file(tmp_path):
    # a PDF/xlsx/.db written for someone else must not come out readable by its owner only
    old = os.umask(0o022)
    try:
        target = tmp_path / "社区矫正.pdf"
        atomic_write(target, lambda fh: fh.write(b"%PDF-1.4"))
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "all.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, lambda fh: fh.write(b"new"))
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_backup_lets_another_connection_commit_between_its_steps(tmp_path, monkeypatch):
    """The day's backup of a large file runs in the background while the clerk edits: the
    copy holds the file's shared lock one step at a time, so a commit of another connection
    gets in between steps without waiting (timeout 0 would fail at once on a held lock), and
    the copy is still of one state of the file (SQLite starts it again after that write)."""
    import sqlite3

    from desktop.store import safefile

    monkeypatch.setattr(safefile, "BACKUP_STEP_PAGES", 2)  # many steps in a small file
    source = tmp_path / "work.db"
    conn = sqlite3.connect(source)
    conn.execute("CREATE TABLE t (n INTEGER, pad TEXT)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [(n, "x" * 500) for n in range(200)])
    conn.commit()
    other = sqlite3.connect(source, timeout=0, isolation_level=None)
    steps, written = [], []

    def between_steps(status, remaining, total):
        steps.append(remaining)
        if len(steps) == 3:  # in the middle of the copy: the other program's edit
            other.execute("UPDATE t SET n = n + 1000 WHERE n = 0")
            written.append(True)

    safefile.consistent_copy(conn, tmp_path / "copy.db", progress=between_steps)
    assert written and len(steps) > 10
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # the state after the edit, whole: the copy began again after it
    assert copy.execute("SELECT count(*), min(n), max(n) FROM t").fetchone() == (200, 1, 1000)
    copy.close()
    other.close()
    conn.close()
