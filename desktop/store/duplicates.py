"""The stored 审核 statuses and the 可能重复 warning, which depends on the other live projects
of the same year and name (the duplicate key, ``audit.name_key``): when one project's key
changes, its namesakes may have to be checked again."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from desktop.domain import audit
from desktop.domain.model import Project

Key = tuple[int, str]


def duplicate_keys(conn: sqlite3.Connection) -> set[Key]:
    """The 审核 duplicate keys (year, name) that more than one live project has."""
    return {k for k, ids in key_index(conn).items() if len(ids) > 1}


def key_index(conn: sqlite3.Connection) -> dict[Key, set[str]]:
    """Every live project's duplicate key → the ids that have it (one scan)."""
    index: dict[Key, set[str]] = {}
    for pid, year, name in conn.execute(
        "SELECT id, year, name FROM projects WHERE deleted_at IS NULL"
    ):
        index.setdefault(audit.name_key(year, name), set()).add(pid)
    return index


def namesakes(conn: sqlite3.Connection, keys: set[Key]) -> dict[Key, set[str]]:
    """The live projects whose duplicate key is one of ``keys``, read by the key's first
    characters (the year's other names are not looked at one by one in Python)."""
    out: dict[Key, set[str]] = {}
    for year, key in keys:
        if not key:
            continue
        prefix = key[:4]
        for pid, name in conn.execute(
            "SELECT id, name FROM projects WHERE year = ? AND deleted_at IS NULL "
            "AND substr(replace(replace(name, ' ', ''), '　', ''), 1, ?) = ?",
            [year, len(prefix), prefix],
        ):
            found = audit.name_key(year, name)
            if found in keys:
                out.setdefault(found, set()).add(pid)
    return out


def audit_row(conn: sqlite3.Connection, project: Project, duplicates) -> None:
    """Store a project's 审核 status and counts."""
    conn.execute(
        "UPDATE projects SET audit_status = :audit_status, "
        "audit_errors = :audit_errors, audit_warnings = :audit_warnings WHERE id = :id",
        {**audit_columns(project, duplicates), "id": project.id},
    )


def live_key(conn: sqlite3.Connection, project_id: str) -> set[Key]:
    """The project's duplicate key as the file holds it (none in the trash)."""
    row = conn.execute(
        "SELECT year, name, deleted_at FROM projects WHERE id = ?", [project_id]
    ).fetchone()
    if row is None or row[2] is not None:
        return set()
    return {audit.name_key(row[0], row[1])}


def after_key_change(
    conn: sqlite3.Connection,
    get: Callable[[str], Project],
    project_id: str,
    before: set,
    after: set,
    index: dict | None = None,
) -> set[Key]:
    """A project's key changes from ``before`` to ``after`` (added, renamed, trashed,
    restored: empty when not live). Its namesakes are checked again where that changes
    their 可能重复 warning (a pair becomes one, or one becomes a pair). Returns the
    project's own shared keys."""
    keys = before | after
    found = {k: set(index.get(k, ())) for k in keys} if index is not None else None
    if found is None:
        found = namesakes(conn, keys)
    others = {k: found.get(k, set()) - {project_id} for k in keys}
    if index is not None:
        for k in before:
            index.get(k, set()).discard(project_id)
        for k in after:
            index.setdefault(k, set()).add(project_id)
    if before != after:
        for key in keys - (before & after):
            if len(others[key]) != 1:
                continue  # none to tell, or still two or more among themselves
            (pid,) = others[key]
            audit_row(conn, get(pid), {key} if key in after else set())
    return {k for k in after if others[k]}


def audit_columns(p: Project, duplicates=()) -> dict[str, int]:
    findings = audit.check(p, duplicates=duplicates)
    errors, warnings = audit.counts(findings)
    return {
        "audit_status": audit.status(findings),
        "audit_errors": errors,
        "audit_warnings": warnings,
    }
