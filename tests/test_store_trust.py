"""Clean-up of what killed runs leave behind, and the open-time check of the working file."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from pathlib import Path

import pytest

from desktop.store import open_repository
from desktop.store.errors import NotOurFileError
from desktop.store.exchange import TEMP_PREFIX, sweep_stale_files


def _age(path: Path, days: float) -> None:
    then = time.time() - days * 86400
    os.utime(path, (then, then))


def test_stale_temp_copies_and_tmp_files_are_swept_but_nothing_else(tmp_path):
    ours = tmp_path / ".办公.db.ab12cd_4.tmp"
    fresh = tmp_path / ".办公.db.zz12cd34.tmp"
    other = tmp_path / ".someone-elses.tmp"
    kept = tmp_path / "办公.db"
    for p in (ours, fresh, other, kept):
        p.write_text("x")
    for p in (ours, other, kept):
        _age(p, 3)
    copy = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    (copy / "incoming.db").write_text("x")
    _age(copy, 2)
    assert sweep_stale_files([tmp_path]) == 2
    assert not ours.exists() and not copy.exists()  # a killed export's and merge's leftovers
    assert fresh.exists() and other.exists() and kept.exists()  # in use, or not ours


def test_an_opened_file_with_a_trigger_is_refused_before_anything_runs(tmp_path):
    path = tmp_path / "收到的.db"
    with open_repository(path) as repo:
        from desktop.domain.model import Project

        repo.add([Project(year=2025, name="留着")])
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TRIGGER t AFTER UPDATE ON meta BEGIN DELETE FROM projects; END")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotOurFileError, match="trigger t"):
        open_repository(path)
    assert path.read_bytes() == before  # not even the replica binding was written
