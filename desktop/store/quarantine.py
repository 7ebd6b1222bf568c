"""Projects moved out of the way: the way out for a project whose stored rows cannot be read
when there is no backup to restore (the daily backup is never taken of a file with bad
rows, so a file that has them from its first day has none).

``move_out`` (on a ``Repository``, as ``store/review.py`` does the review loop's steps: one
transaction, all of it or none, refused on a read-only file and for a project that can be
read) takes such projects' rows — the ``projects`` row and every row of every table with a
``project_id`` column that names it (indicators, history, printed versions, tombstones,
review events, opinions and their changes) — out of the live tables into the quarantine
(schema v13: ``quarantined_rows``, one a row moved; ``quarantined_values``, one a column,
the value copied by SQLite itself, never through Python, into a column of BLOB affinity
that converts nothing): what was stored stays in the file, byte for byte.

``put_back_moved`` is its undo: the rows of one move inserted again as they were (refused
when a project of the same id is in the file again, say a merge brought it back).

Nothing else reads the quarantine: lists, checks, exports, merges and the row screen see the
live tables only; an export (``exchange.export_db``) writes projects, never these tables, and
a received file's quarantine is not read. A copy of the file (另存副本, backups) keeps it.

``write_support_file`` writes one move's rows into a separate SQLite file (no application
id: not a working file) for support, with the tables' CREATE statements.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain import file_text as say
from desktop.domain.messages import Message
from desktop.domain.model import now_timestamp
from desktop.store import duplicates
from desktop.store.errors import BadProjectError, StoreError, guarded
from desktop.store.safefile import describe_os_error

if TYPE_CHECKING:
    from desktop.store.repository import Repository

ROWS = "quarantined_rows"
VALUES = "quarantined_values"
ROWID_KEY = "rowid:"  # how the row screen names a project whose id is not text


@dataclass(frozen=True)
class Moved:
    """One move: its ``batch`` id, the projects' keys and how many rows left each table."""

    batch: str
    keys: tuple[str, ...]
    rows: dict[str, int]


@guarded
def move_out(repo: Repository, keys: Sequence[str], support: Path | None = None) -> Moved:
    """Move the rows of projects that need repair (keyed as ``Repository.problems`` keys
    them) out of the live tables into the quarantine kept in the file, byte for byte, all
    of them or none; with ``support``, also into that separate file (none is left when the
    move fails). Refused for a project that can be read, and on a read-only file."""
    repo._require_writable()
    keys = list(dict.fromkeys(keys))
    written = False
    try:
        with repo.atomic():
            for key in keys:
                _require_needing_repair(repo, key)
                _key_changes(repo, key, leaving=True)
            moved = move(repo.conn, keys)
            if support is not None:
                try:
                    write_support_file(repo.conn, moved.batch, support)
                except OSError as exc:
                    detail = describe_os_error(exc)
                    raise StoreError(
                        Message(say.CANNOT_WRITE_MOVED, name=support.name, detail=detail)
                    ) from exc
                written = True
    except BaseException:
        if written:
            with contextlib.suppress(OSError):
                support.unlink()
        raise
    return moved


@guarded
def put_back_moved(repo: Repository, batch: str) -> list[str]:
    """Undo a ``move_out``: its rows back in the live tables as they were (the projects
    need repair again); returns their keys."""
    repo._require_writable()
    with repo.atomic():
        keys = put_back(repo.conn, batch)
        for key in keys:
            _key_changes(repo, key, leaving=False)
    return keys


def _require_needing_repair(repo: Repository, key: str) -> None:
    if key.startswith(ROWID_KEY):
        row = repo.conn.execute(
            "SELECT typeof(id) FROM projects WHERE rowid = ?", [key[len(ROWID_KEY) :]]
        ).fetchone()
        if row is not None and row[0] != "text":
            return
    try:
        project = repo.get(key)
    except BadProjectError:
        return
    raise StoreError(Message(say.NOT_NEEDING_REPAIR, name=project.name[:60]))


def _key_changes(repo: Repository, key: str, *, leaving: bool) -> None:
    """The 可能重复 warnings of a project's namesakes, as it leaves the live projects or
    comes back (a namesake that cannot be read itself keeps its stored status)."""
    if key.startswith(ROWID_KEY):
        return
    live = duplicates.live_key(repo.conn, key)
    before, after = (live, set()) if leaving else (set(), live)
    with contextlib.suppress(BadProjectError):
        duplicates.after_key_change(repo.conn, repo.get, key, before, after)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def keyed_tables(conn: sqlite3.Connection) -> list[str]:
    """Our tables other than ``projects`` with a ``project_id`` column (the quarantine's own
    left out), by name."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return [
        t
        for t in names
        if t not in ("projects", ROWS, VALUES) and "project_id" in _columns(conn, t)
    ]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({_q(table)})")]


def _where(key: str, column: str) -> tuple[str, list]:
    """The rows of ``key``'s project in a table: by ``column`` (``id`` in ``projects``,
    ``project_id`` elsewhere); a key ``rowid:<n>`` is the project row of that rowid."""
    if key.startswith(ROWID_KEY) and key[len(ROWID_KEY) :].isdigit():
        rowid = int(key[len(ROWID_KEY) :])
        if column == "id":
            return "rowid = ?", [rowid]
        return f"{column} IN (SELECT id FROM projects WHERE rowid = ?)", [rowid]
    return f"{column} = ?", [key]


def move(conn: sqlite3.Connection, keys: list[str]) -> Moved:
    """Move the rows of the projects ``keys`` (as ``Repository.problems`` names them) into
    the quarantine; inside the caller's transaction."""
    batch, moved_at = str(uuid.uuid4()), now_timestamp()
    counts: dict[str, int] = {}
    tables = [*keyed_tables(conn), "projects"]  # a project's own row last
    for table in tables:
        column = "id" if table == "projects" else "project_id"
        columns = _columns(conn, table)
        for key in keys:
            where, params = _where(key, column)
            cursor = conn.execute(
                f"INSERT INTO {ROWS} (batch, moved_at, project_key, source, source_rowid) "
                f"SELECT ?, ?, ?, ?, rowid FROM {_q(table)} WHERE {where} ORDER BY rowid",
                [batch, moved_at, key, table, *params],
            )
            if cursor.rowcount > 0:
                counts[table] = counts.get(table, 0) + cursor.rowcount
        if table not in counts:
            continue
        # each column's value by its position: SQLite copies it as stored (a CASE converts
        # nothing, and the target column has BLOB affinity)
        numbered = ", ".join(f"({i}, '{c}')" for i, c in enumerate(columns))
        chosen = " ".join(f"WHEN {i} THEN t.{_q(c)}" for i, c in enumerate(columns))
        conn.execute(
            f"INSERT INTO {VALUES} (row_id, position, name, value) "
            f"SELECT q.id, c.column1, c.column2, CASE c.column1 {chosen} END "
            f"FROM {ROWS} q JOIN {_q(table)} t ON t.rowid = q.source_rowid "
            f"CROSS JOIN (VALUES {numbered}) c WHERE q.batch = ? AND q.source = ?",
            [batch, table],
        )
    for table in tables:  # then out of the live tables: the dependent rows first
        if table in counts:
            gone = conn.execute(
                f"DELETE FROM {_q(table)} WHERE rowid IN "
                f"(SELECT source_rowid FROM {ROWS} WHERE batch = ? AND source = ?)",
                [batch, table],
            ).rowcount
            if gone != counts[table]:  # another row took a rowid meanwhile: never half
                raise StoreError(Message(say.QUARANTINE_CHANGED))
    return Moved(batch, tuple(keys), counts)


def put_back(conn: sqlite3.Connection, batch: str) -> list[str]:
    """Insert one move's rows again as they were and drop them from the quarantine (inside
    the caller's transaction); returns the projects' keys. Refused when a project of the
    same id is in the file again."""
    rows = conn.execute(
        f"SELECT id, project_key, source, source_rowid FROM {ROWS} WHERE batch = ? "
        "ORDER BY source != 'projects', id",  # a project's row before its indicators
        [batch],
    ).fetchall()
    if not rows:
        raise StoreError(Message(say.QUARANTINE_GONE))
    keys: list[str] = []
    for qid, key, table, rowid in rows:
        if key not in keys:
            keys.append(key)
        names = [
            r[0]
            for r in conn.execute(
                f"SELECT name FROM {VALUES} WHERE row_id = ? ORDER BY position", [qid]
            )
        ]
        live = set(_columns(conn, table))
        if not names or not set(names) <= live:
            raise StoreError(Message(say.QUARANTINE_GONE))
        if (
            table == "projects"
            and conn.execute(
                f"SELECT 1 FROM projects WHERE id IN (SELECT value FROM {VALUES} "
                "WHERE row_id = ? AND name = 'id')",
                [qid],
            ).fetchone()
        ):
            name = conn.execute(
                f"SELECT substr(value, 1, 60) FROM {VALUES} WHERE row_id = ? AND name = 'name'",
                [qid],
            ).fetchone()
            shown = name[0] if name and isinstance(name[0], str) else key
            raise StoreError(Message(say.QUARANTINE_TAKEN, name=shown))
        picked = ", ".join(
            f"(SELECT value FROM {VALUES} WHERE row_id = :q AND position = {i})"
            for i in range(len(names))
        )
        # the rowid it had, where no column carries it and no other row took it since
        rowid_column = (
            "rowid, "
            if not _has_rowid_alias(conn, table)
            and not conn.execute(f"SELECT 1 FROM {_q(table)} WHERE rowid = ?", [rowid]).fetchone()
            else ""
        )
        conn.execute(
            f"INSERT INTO {_q(table)} ({rowid_column}{', '.join(map(_q, names))}) "
            f"VALUES ({':r, ' if rowid_column else ''}{picked})",
            {"q": qid, "r": rowid},
        )
    conn.execute(
        f"DELETE FROM {VALUES} WHERE row_id IN (SELECT id FROM {ROWS} WHERE batch = ?)", [batch]
    )
    conn.execute(f"DELETE FROM {ROWS} WHERE batch = ?", [batch])
    return keys


def _has_rowid_alias(conn: sqlite3.Connection, table: str) -> bool:
    """Whether the table's INTEGER PRIMARY KEY is its rowid (then that column carries it)."""
    pk = [r for r in conn.execute(f"PRAGMA table_info({_q(table)})") if r[5]]
    return len(pk) == 1 and pk[0][2].upper() == "INTEGER"


def write_support_file(conn: sqlite3.Connection, batch: str, target: Path) -> None:
    """One move's rows, byte for byte, into a new SQLite file ``target`` (written beside it
    and renamed into place): the two quarantine tables and ``source_tables``, the CREATE
    statements of the tables the rows came from."""
    from desktop.store.safefile import replacing

    creates = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
        [ROWS, VALUES],
    ).fetchall()
    sources = [
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT source FROM {ROWS} WHERE batch = ? ORDER BY source", [batch]
        )
    ]
    schemas = [
        conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [t]).fetchone()[0]
        for t in sources
    ]
    moved = conn.execute(f"SELECT * FROM {ROWS} WHERE batch = ? ORDER BY id", [batch]).fetchall()
    # text and blobs as their bytes (a text that is not UTF-8 too), numbers as they are
    values = conn.execute(
        f"SELECT v.row_id, v.position, v.name, typeof(v.value), "
        "CASE WHEN typeof(v.value) IN ('text', 'blob') THEN CAST(v.value AS BLOB) "
        f"ELSE v.value END FROM {VALUES} v JOIN {ROWS} q ON q.id = v.row_id "
        "WHERE q.batch = ? ORDER BY v.row_id, v.position",
        [batch],
    ).fetchall()
    with replacing(target) as tmp:
        out = sqlite3.connect(tmp)
        try:
            for _name, sql in sorted(creates):
                out.execute(sql)
            out.execute("CREATE TABLE source_tables (name TEXT PRIMARY KEY, sql TEXT)")
            out.executemany(
                "INSERT INTO source_tables VALUES (?, ?)", zip(sources, schemas, strict=True)
            )
            marks = ", ".join("?" for _ in moved[0]) if moved else ""
            out.executemany(f"INSERT INTO {ROWS} VALUES ({marks})", moved)
            out.executemany(
                f"INSERT INTO {VALUES} (row_id, position, name, value) VALUES "
                "(?, ?, ?, CASE ? WHEN 'text' THEN CAST(? AS TEXT) ELSE ? END)",
                [(r, p, n, kind, v, v) for r, p, n, kind, v in values],
            )
            out.commit()
        finally:
            out.close()
