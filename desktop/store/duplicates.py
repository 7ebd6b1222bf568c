"""The stored 审核 statuses and the 可能重复 warning, which depends on the other live projects
of the same year and name (the duplicate key, ``audit.name_key``): when one project's key
changes, its namesakes may have to be checked again."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from desktop.domain import audit
from desktop.domain import row_text as say
from desktop.domain.messages import Message
from desktop.domain.model import Project

Key = tuple[int, str]


def duplicate_keys(conn: sqlite3.Connection) -> set[Key]:
    """The 审核 duplicate keys (year, name) that more than one live project has (counted
    in the (year, name_key) index, no row read)."""
    rows = over_live_keys(conn, "year, name_key", "GROUP BY year, name_key HAVING count(*) > 1")
    out = set()
    for year, stored in rows:
        key = _key_text(stored)
        if key:
            out.add((year, key))
    return out


def over_live_keys(conn: sqlite3.Connection, columns: str, rest: str) -> list[tuple]:
    """``SELECT columns … rest`` over the live projects' (year, name_key) index entries,
    which the partial index holds exactly: SQLite's planner would otherwise take the
    deleted_at index and read every row (126 ms against 14 ms at 50,000 projects). A file
    without the index yet (while it is migrated to it) is read plainly."""
    try:
        return conn.execute(
            f"SELECT {columns} FROM projects INDEXED BY projects_name_key "
            f"WHERE deleted_at IS NULL {rest}"
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such index" not in str(exc):
            raise
        sql = f"SELECT {columns} FROM projects WHERE deleted_at IS NULL {rest}"
        return conn.execute(sql).fetchall()


def stored_name_key(year: object, name: object) -> str:
    """The ``name_key`` column of a project row: the duplicate key's text as the hex of its
    UTF-8 bytes — ASCII, so that a damaged byte there never stops a read (it is found by
    comparing with the name, ``key_problem``). '' for a row whose year or name is not of
    its type (such a row is refused when read anyway)."""
    if type(year) is not int or type(name) is not str:
        return ""
    return _key_column(audit.name_key(year, name)[1])


def _key_column(key: str) -> str:
    return key.encode("utf-8", "surrogatepass").hex()


def _key_text(stored: object) -> str:
    """The key's text back from the column ('' when the column is damaged)."""
    try:
        return bytes.fromhex(stored).decode("utf-8", "surrogatepass")  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""


def key_problem(row) -> str | None:
    """Why a project row's stored duplicate key is damaged (a cut or a flipped byte: not the
    hex of UTF-8 text), or None (``row``: its ``projects`` row, by column name). A key that
    is sound but not its name's (a name changed by another program) only makes the
    可能重复 warnings stale until the project is saved; the form itself is whole."""
    try:
        stored = row["name_key"]
    except (KeyError, IndexError):
        return None  # a file of a schema before the key
    if type(stored) is not str or (stored and not _key_text(stored)):
        return Message(say.NAME_KEY_DAMAGED)
    return None


def store_name_keys(conn: sqlite3.Connection) -> None:
    """Compute every row's ``name_key`` again (the rule that makes it may have changed)."""
    rows = conn.execute("SELECT id, year, name FROM projects").fetchall()
    conn.executemany(
        "UPDATE projects SET name_key = ? WHERE id = ?",
        [(stored_name_key(year, name), pid) for pid, year, name in rows],
    )


def check_all_again(conn: sqlite3.Connection, load: Callable[..., Iterable[Project]]):
    """Every project's duplicate key and 审核 status computed again (the rules changed);
    ``load`` reads whole projects by id."""
    ids = [r[0] for r in conn.execute("SELECT id FROM projects")]
    store_name_keys(conn)
    shared = duplicate_keys(conn)
    # a project whose rows cannot be read keeps its stored status (it is listed as needing
    # repair); the others are checked — one bad row must not stop the file from opening
    for project in load(ids, skip_bad=[]):
        audit_row(conn, project, shared)


def namesakes(conn: sqlite3.Connection, keys: Iterable[Key]) -> dict[Key, set[str]]:
    """The live projects whose duplicate key is one of ``keys``: one probe of the
    (year, name_key) index a key, whatever the size of the file."""
    out: dict[Key, set[str]] = {}
    for year, key in set(keys):
        if not key:
            continue  # no name: never 可能重复
        for (pid,) in conn.execute(
            "SELECT id FROM projects WHERE year = ? AND name_key = ? AND deleted_at IS NULL",
            [year, _key_column(key)],
        ):
            out.setdefault((year, key), set()).add(pid)
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
        "SELECT year, name_key, deleted_at FROM projects WHERE id = ?", [project_id]
    ).fetchone()
    if row is None or row[2] is not None:
        return set()
    return {(row[0], _key_text(row[1]))}


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
