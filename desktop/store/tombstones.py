"""Tombstones: the projects deleted for good, with the version vector they were deleted at,
so that a merge does not bring them back unasked."""

from __future__ import annotations

import contextlib
import json
import sqlite3

from desktop.domain.model import dominates, merged_versions
from desktop.store.rows import BadRowError, Tombstone, tombstone_fields


def merge_tombstone(conn: sqlite3.Connection, t: Tombstone) -> None:
    """Record a deletion, merged with one already recorded by version vector: the
    result has seen both, so an older deletion never replaces a newer one (which would
    let an old export bring the project back)."""
    row = conn.execute(
        "SELECT name, deleted_at, versions FROM tombstones WHERE project_id = ?",
        [t.project_id],
    ).fetchone()
    versions, name, deleted_at = dict(t.versions), t.name, t.deleted_at
    if row is not None:
        known = json.loads(row[2])
        versions = dict(merged_versions(known, versions))
        if dominates(known, t.versions):
            name, deleted_at = row[0], row[1]
    conn.execute(
        "INSERT OR REPLACE INTO tombstones (project_id, name, deleted_at, versions) "
        "VALUES (?, ?, ?, ?)",
        [t.project_id, name, deleted_at, json.dumps(versions, sort_keys=True)],
    )


def tombstones(conn: sqlite3.Connection) -> list[Tombstone]:
    """Deletions recorded in the file (a row that cannot be read is left out)."""
    rows = conn.execute("SELECT project_id, name, deleted_at, versions FROM tombstones")
    out = []
    for r in rows:
        with contextlib.suppress(BadRowError):
            out.append(Tombstone(*tombstone_fields(r)))
    return out


def tombstone(conn: sqlite3.Connection, project_id: str) -> Tombstone | None:
    row = conn.execute(
        "SELECT project_id, name, deleted_at, versions FROM tombstones WHERE project_id = ?",
        [project_id],
    ).fetchone()
    if row is None:
        return None
    try:
        return Tombstone(*tombstone_fields(row))
    except BadRowError:
        return None
