"""The history of replaced versions: each version a merge, a restore or a bulk change
replaced or declined, as full JSON, once per content."""

from __future__ import annotations

import contextlib
import json
import sqlite3

from desktop.domain.codec import project_to_dict
from desktop.domain.model import Project, now_timestamp
from desktop.store.rows import BadRowError, HistoryEntry, history_project
from desktop.store.writing import content_hash


def add_history(conn: sqlite3.Connection, project: Project, reason: str) -> bool:
    """Keep a version that is about to be replaced (by a merge, a restore…), unless the
    history already holds that very content. Returns whether a version was added."""
    digest = content_hash(project)
    known = conn.execute(
        "SELECT 1 FROM history WHERE project_id = ? AND content_hash = ?",
        [project.id, digest],
    ).fetchone()
    if known:
        return False
    conn.execute(
        "INSERT INTO history (project_id, replaced_at, reason, content_hash, data) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            project.id,
            now_timestamp(),
            reason,
            digest,
            json.dumps(project_to_dict(project), ensure_ascii=False),
        ],
    )
    return True


def history(conn: sqlite3.Connection, project_id: str) -> list[HistoryEntry]:
    """Earlier versions of a project, newest first."""
    rows = conn.execute(
        "SELECT id, replaced_at, reason, data FROM history WHERE project_id = ? ORDER BY id DESC",
        [project_id],
    )
    return _history_entries(rows)


def all_history(conn: sqlite3.Connection) -> list[HistoryEntry]:
    rows = conn.execute("SELECT id, replaced_at, reason, data FROM history ORDER BY id")
    return _history_entries(rows)


def _history_entries(rows) -> list[HistoryEntry]:
    """History rows, checked; one that cannot be read is left out."""
    out = []
    for r in rows:
        if type(r[0]) is not int or type(r[1]) is not str or type(r[2]) is not str:
            continue
        with contextlib.suppress(BadRowError):
            out.append(HistoryEntry(r[0], r[1][:40], r[2][:200], history_project(r[3])))
    return out
