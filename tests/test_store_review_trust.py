"""Review records in a received .db file are checked row by row: bad rows are reported and
left out, the good ones merged, the file itself never changed; a merge is a union by id."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid

import pytest

from desktop.domain import review as rv
from desktop.store import open_repository
from desktop.store import review as store
from desktop.store.errors import StoreError
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import apply_merge, plan_merge
from tests.test_cli_review_loop import form


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def exported(tmp_path):
    """A unit's export: one submitted form with an opinion and an answer."""
    f = form("普法宣传", "甲司法所")
    src = tmp_path / "src.db"
    with open_repository(src) as repo:
        repo.add([f])
        store.set_identity(repo, store.Identity("财务科", rv.ROLE_REVIEWER))
        store.move(repo, [f.id], rv.SUBMITTED)
        o = store.add_opinion(repo, f.id, 4, "与批复不符", field="funds.fiscal")
        store.set_state(repo, o.id, rv.FIXED, unit="甲司法所")
        export_db([f], tmp_path / "out.db", reviews=store.records(repo))
    return f, o, tmp_path / "out.db"


def test_bad_review_rows_are_reported_and_the_good_ones_merged(tmp_path):
    f, o, out = exported(tmp_path)
    conn = sqlite3.connect(out)
    good_event = conn.execute("SELECT * FROM review_events").fetchone()
    bad = [
        ("review_events", {"id": "not-a-uuid"}),
        ("review_events", {"to_status": "hacked"}),
        ("review_events", {"seq": 0}),
        ("review_events", {"at": "yesterday"}),
        ("review_events", {"note": "长" * 10_001}),
        ("review_events", {"content_hash": "<script>"}),
    ]
    columns = [d[1] for d in conn.execute("PRAGMA table_info(review_events)")]
    for table, change in bad:
        row = dict(zip(columns, good_event, strict=True))
        row.update({"id": str(uuid.uuid4()), **change})
        conn.execute(
            f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
            list(row.values()),
        )
    opinion = conn.execute("SELECT * FROM opinions").fetchone()
    o_columns = [d[1] for d in conn.execute("PRAGMA table_info(opinions)")]
    for change in ({"kind": "field", "target": "funds.nothing"}, {"code": 0}, {"kind": "x"}):
        row = dict(zip(o_columns, opinion, strict=True))
        row.update({"id": str(uuid.uuid4()), **change})
        conn.execute(
            f"INSERT INTO opinions ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
            list(row.values()),
        )
    conn.execute(
        "INSERT INTO opinion_changes VALUES (?, ?, ?, 1, 'confirmed', '', '', '', ?)",
        [str(uuid.uuid4()), str(uuid.uuid4()), f.id, "2026-01-01T00:00:00.000Z"],
    )  # an answer to an opinion the file does not hold
    conn.commit()
    conn.close()
    before = digest(out)

    incoming = read_untrusted(out)
    assert digest(out) == before  # the received file is never written
    assert len(incoming.reviews.events) == 1 and len(incoming.reviews.opinions) == 1
    assert len(incoming.reviews.changes) == 1
    assert any(p.startswith("6 条状态记录无效") for p in incoming.problems), incoming.problems
    assert any(p.startswith("3 条审核意见无效") for p in incoming.problems)
    assert any("找不到所属的意见" in p for p in incoming.problems)

    dst = tmp_path / "dst.db"
    with open_repository(dst) as repo:
        result = apply_merge(repo, plan_merge(repo, incoming), backup=False)
        assert result.reviews == 3 and store.status(repo, f.id) == rv.SUBMITTED
        (state,) = store.opinions(repo, f.id)
        assert (state.opinion.id, state.state) == (o.id, rv.FIXED)
        # The same file again adds nothing.
        again = apply_merge(repo, plan_merge(repo, read_untrusted(out)), backup=False)
        assert again.reviews == 0 and len(store.records(repo)) == 3


def test_a_file_with_review_records_of_an_unknown_shape_is_refused(tmp_path):
    _, _, out = exported(tmp_path)
    conn = sqlite3.connect(out)
    conn.execute("ALTER TABLE opinions ADD COLUMN extra TEXT")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError):
        read_untrusted(out)


def test_too_many_review_records_are_refused_before_they_are_read(tmp_path, monkeypatch):
    from desktop.store import review_check

    _, _, out = exported(tmp_path)
    monkeypatch.setattr(review_check, "MAX_ROWS", 0)
    with pytest.raises(StoreError, match="状态记录太多（1 条，上限 0 条）"):
        read_untrusted(out)
