"""Each migration step runs in one transaction with its version bump, on sqlite-utils and on
the stand-in the open-time check uses (``PlainDatabase``): a step that fails leaves the
file at the version before it, with nothing of the step."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.store import schema
from desktop.store.opening import PlainDatabase


def _plain():
    return PlainDatabase(sqlite3.connect(":memory:", isolation_level=None))


def _utils():
    import sqlite_utils

    return sqlite_utils.Database(sqlite3.connect(":memory:", isolation_level=None))


def _tables(db) -> set[str]:
    return {r["name"] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_the_stand_ins_atomic_rolls_back_what_the_block_did():
    db = _plain()
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("CREATE TABLE t (x)")
        raise RuntimeError("the block fails")
    assert _tables(db) == set()
    with db.atomic():
        db.execute("CREATE TABLE t (x)")
    assert _tables(db) == {"t"}


@pytest.mark.parametrize("make", [_plain, _utils], ids=["PlainDatabase", "sqlite-utils"])
def test_a_failing_step_leaves_the_version_before_it(make, monkeypatch):
    def broken(db) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("the step fails")

    monkeypatch.setitem(schema.MIGRATIONS, 2, broken)
    db = make()
    with pytest.raises(RuntimeError):
        schema.migrate(db, 0, 2)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "half_done" not in _tables(db)
    assert {"projects", "indicators"} <= _tables(db)  # step 1 stays
