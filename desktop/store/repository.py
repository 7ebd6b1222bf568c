"""Reading and writing whole projects in the one SQLite file (opening it and checking it
first: ``store.opening``).

Every write is one transaction with ``synchronous=FULL`` and the rollback journal
(``journal_mode=DELETE``), so the file on disk is always complete on its own.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import socket
import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain import audit
from desktop.domain.codec import project_from_dict, project_to_dict
from desktop.domain.combine import stamped
from desktop.domain.model import (
    Project,
    ProjectSummary,
    bumped,
    dominates,
    merged_versions,
    now_timestamp,
)
from desktop.store import backups
from desktop.store.errors import (
    ConflictError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
    translate_error,
)
from desktop.store.rows import (
    FUND_COLUMNS,
    HistoryEntry,
    Tombstone,
    date_text,
    project_from_row,
)
from desktop.store.safefile import consistent_copy, sqlite_uri
from desktop.store.schema import (
    migrate,
)

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_S = 5.0

_SUMMARY_COLUMNS = (
    "id, year, name, nature, category, department, implementing_unit, funds_total, "
    "annual_total, indicator_count, review_count, updated_at, revision, deleted_at, search_text, "
    "audit_status, audit_errors, audit_warnings"
)


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:  # a URI that works for mapped drives and UNC paths too (see sqlite_uri)
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=BUSY_TIMEOUT_S)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
    return conn


def _guarded(method):
    """Turn SQLite errors of a repository method into StoreErrors with a clear message."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path) from exc

    return wrapper


class Repository:
    """Whole projects in and out of one database file."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        self.conn = conn
        self._db = None  # the sqlite-utils view, made when first needed (see ``db``)
        conn.execute("PRAGMA recursive_triggers = off")
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            conn.execute("PRAGMA journal_mode = DELETE").fetchall()
            conn.execute("PRAGMA synchronous = FULL")
        self._replica: str | None = None
        self._cache: dict[tuple, list] = {}
        self._cache_stamp: tuple[int, int] | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils on this connection, for schema work (creating, migrating). Imported
        on first use: the everyday reads and writes below use the connection directly, so
        opening a file does not pay for importing sqlite-utils (≈ 50 ms)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(
                self.conn, execute_plugins=False, recursive_triggers=False
            )
        return self._db

    @contextlib.contextmanager
    def atomic(self):
        """One transaction (a savepoint when nested): all of it is written, or none."""
        conn = self.conn
        if conn.in_transaction:
            name = f"jixiao_{uuid.uuid4().hex}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
        else:
            conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextlib.contextmanager
    def patience(self, seconds: float):
        """Wait at most ``seconds`` for another program's lock (instead of BUSY_TIMEOUT_S)."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")

    def _query(self, sql: str, params: Sequence = ()) -> Iterator[dict]:
        cursor = self.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    @property
    def replica_id(self) -> str:
        """This file's identity in version vectors. It is bound to the file's place (path and
        computer): a copy opened elsewhere gets an identity of its own, so that changes made
        to the copy and to the original are told apart when they meet again."""
        if self._replica is None:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'replica_id'").fetchone()
            self._replica = row[0]
        return self._replica

    @_guarded
    def _refresh_audit(self) -> None:
        """Check every project again when the rules changed since the statuses were stored."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'audit_rules'").fetchone()
        if row is not None and row[0] == str(audit.RULES_VERSION):
            return
        with self.atomic():
            ids = [r[0] for r in self.conn.execute("SELECT id FROM projects")]
            duplicates = self.duplicate_keys()
            for project in self.all_projects(ids):
                self.conn.execute(
                    "UPDATE projects SET audit_status = :audit_status, "
                    "audit_errors = :audit_errors, audit_warnings = :audit_warnings "
                    "WHERE id = :id",
                    {**_audit_columns(project, duplicates), "id": project.id},
                )
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_rules', ?)",
                [str(audit.RULES_VERSION)],
            )

    @_guarded
    def _bind_replica(self) -> None:
        place = f"{socket.gethostname()}|{self.path.resolve()}"
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'replica_place'").fetchone()
        has_id = self.conn.execute(
            "SELECT 1 FROM meta WHERE key = 'file_id'"
        ).fetchone()  # the file's own id, which names its backups folder (store.backups)
        if row is not None and row[0] == place and has_id:
            return
        with self.atomic():
            if not has_id:
                self.conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('file_id', ?)", [str(uuid.uuid4())]
                )
            if row is not None:  # a copy, or a moved file: a new identity
                self.conn.execute(
                    "UPDATE meta SET value = ? WHERE key = 'replica_id'", [str(uuid.uuid4())]
                )
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('replica_place', ?)", [place]
            )
        self._replica = None

    def backup(self, reason: str) -> Path:
        """Copy this file, as it is now, into its backups folder (``store.backups``)."""
        return backups.take(self.conn, self.path, reason)

    @_guarded
    def data_version(self) -> int:
        """Changes when another connection (another program) commits to the file."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    @classmethod
    def _create(cls, path: Path) -> Repository:
        try:
            conn = _connect(path, read_only=False)
        except sqlite3.Error as exc:
            raise StoreError(f"无法创建数据文件“{path}”：{exc}") from exc
        repo = cls(path, conn)
        try:
            migrate(repo.db, 0)
            repo._bind_replica()
            repo._refresh_audit()
        except BaseException:
            repo.close()
            raise
        return repo

    # -- lifecycle ----------------------------------------------------------------------
    @_guarded
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(f"“{self.path.name}”以只读方式打开，不能修改。")

    # -- reading ------------------------------------------------------------------------
    @_guarded
    def summaries(self, *, year: int | None = None, trash: bool = False) -> list[ProjectSummary]:
        """Project list rows (no indicators loaded), by year then name."""
        where = "deleted_at IS NOT NULL" if trash else "deleted_at IS NULL"
        params: list = []
        if year is not None:
            where += " AND year = ?"
            params.append(year)
        # Sorted here, not by SQLite: its sorter would carry every column (the search texts
        # too) through a temporary b-tree, 25 ms of 80 at 10,000 projects. Python's string
        # order is SQLite's BINARY order (code points = UTF-8 bytes).
        sql = f"SELECT {_SUMMARY_COLUMNS} FROM projects NOT INDEXED WHERE {where}"
        rows = self._summaries(sql, params)
        rows.sort(key=lambda r: (-r.year, r.name, r.id))
        if year is None and not trash:  # all live projects: keep them for the suggestions
            self._cached(("live rows",), lambda: [rows])
        return rows

    @_guarded
    def _summaries(self, sql: str, params: list) -> list[ProjectSummary]:
        return [ProjectSummary(*row) for row in self.conn.execute(sql, params)]

    def summary(self, project_id: str) -> ProjectSummary:
        """One list row, trashed or not."""
        rows = self._summaries(
            f"SELECT {_SUMMARY_COLUMNS} FROM projects WHERE id = ?", [project_id]
        )
        if not rows:
            raise NotFoundError(f"找不到项目 {project_id}。")
        return rows[0]

    @_guarded
    def revision(self, project_id: str) -> int:
        row = self.conn.execute(
            "SELECT revision FROM projects WHERE id = ?", [project_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"找不到项目 {project_id}。")
        return row[0]

    def _cached(self, key: tuple, compute) -> list:
        """Suggestion lists (aggregates over the whole file) are asked for on every project
        shown; recompute them only when the file has changed — by this connection
        (``total_changes``) or by another program (``data_version``)."""
        stamp = (self.conn.total_changes, self.data_version())
        if self._cache_stamp != stamp:
            self._cache.clear()
            self._cache_stamp = stamp
        if key not in self._cache:
            self._cache[key] = compute()
        return list(self._cache[key])

    @_guarded
    def distinct_values(self, column: str) -> list[str]:
        """Values used in this database for a text field (for editable combo boxes)."""
        if column not in {"department", "implementing_unit", "nature", "category"}:
            raise ValueError(column)
        return list(self._distinct_values()[column])

    _TEXT_COLUMNS = ("department", "implementing_unit", "nature", "category")

    def _distinct_values(self) -> dict[str, list[str]]:
        """The four text columns' values over the live projects, most used first. Counted
        from the list rows ``summaries()`` keeps (the window has just read them), which
        saves a pass over the table, whose rows carry long goal texts."""

        def count() -> list[dict[str, list[str]]]:
            kept = self._cache.get(("live rows",))  # dropped by _cached if the file changed
            rows = kept[0] if kept else self.summaries()
            counters = {c: Counter(map(attrgetter(c), rows)) for c in self._TEXT_COLUMNS}
            for n in counters.values():
                n.pop("", None)  # counted in C: 10× faster than a loop over 10,000 rows
            return [
                {
                    c: [v for v, _ in sorted(n.items(), key=lambda kv: (-kv[1], kv[0]))]
                    for c, n in counters.items()
                }
            ]

        return self._cached(("distinct",), count)[0]

    @_guarded
    def count(self) -> int:
        sql = "SELECT count(*) FROM projects WHERE deleted_at IS NULL"
        return self.conn.execute(sql).fetchone()[0]

    @_guarded
    def count_all(self) -> int:
        """Projects in the file, the trash included."""
        return self.conn.execute("SELECT count(*) FROM projects").fetchone()[0]

    @_guarded
    def years(self) -> list[int]:
        rows = self.conn.execute(
            "SELECT DISTINCT year FROM projects WHERE deleted_at IS NULL ORDER BY year DESC"
        )
        return [r[0] for r in rows]

    @_guarded
    def indicator_names(self, level2: str | None = None) -> list[str]:
        """三级 names used in this database (most used first), for autocompletion."""
        return self._cached(("names", level2), lambda: self._indicator_names(level2))

    def _indicator_names(self, level2: str | None) -> list[str]:
        where, params = ("WHERE level2 = ?", [level2]) if level2 else ("", [])
        rows = self.conn.execute(
            f"SELECT name, count(*) AS n FROM indicators {where} GROUP BY name "
            "HAVING name != '' ORDER BY n DESC, name LIMIT 2000",
            params,
        )
        return [r[0] for r in rows]

    @_guarded
    def units(self) -> list[str]:
        return self._cached(("units",), self._units)

    def _units(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT unit, count(*) AS n FROM indicators WHERE unit != '' GROUP BY unit "
            "ORDER BY n DESC LIMIT 200"
        )
        return [r[0] for r in rows]

    @_guarded
    def meta(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    @_guarded
    def set_meta(self, key: str, value: str) -> None:
        self._require_writable()
        with self.atomic():
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value]
            )

    @_guarded
    def exists(self, project_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM projects WHERE id = ?", [project_id]).fetchone()
        return row is not None

    @_guarded
    def is_trashed(self, project_id: str) -> bool:
        row = self.conn.execute(
            "SELECT deleted_at FROM projects WHERE id = ?", [project_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"找不到项目 {project_id}。")
        return row[0] is not None

    @_guarded
    def get(self, project_id: str) -> Project:
        rows = list(self._query("SELECT * FROM projects WHERE id = ?", [project_id]))
        if not rows:
            raise NotFoundError(f"找不到项目 {project_id}。")
        indicators = self._query(
            "SELECT * FROM indicators WHERE project_id = ? ORDER BY position", [project_id]
        )
        return project_from_row(rows[0], indicators)

    def all_projects(
        self, ids: Sequence[str] | None = None, *, trash: bool = False
    ) -> Iterator[Project]:
        """Whole projects in list order (``trash``: those in the trash too), or the given ids
        in that order."""
        if ids is None:
            ids = [s.id for s in self.summaries()]
            if trash:
                ids += [s.id for s in self.summaries(trash=True)]
        for project_id in ids:
            yield self.get(project_id)

    @_guarded
    def find_same_content(self, project: Project) -> str | None:
        """The id of a stored project with exactly this content (ignoring id and times)."""
        rows = self.conn.execute(
            "SELECT id FROM projects WHERE year = ? AND name = ? AND deleted_at IS NULL",
            [project.year, project.name],
        ).fetchall()
        for (candidate,) in rows:
            if self.get(candidate).content() == project.content():
                return candidate
        return None

    @_guarded
    def copy_to(self, target: str | os.PathLike) -> None:
        """A consistent copy of the whole database (SQLite backup API) written to a temporary
        file beside ``target``, synced, and renamed into place."""
        consistent_copy(self.conn, target)

    # -- writing ------------------------------------------------------------------------
    @_guarded
    def add(self, projects: Iterable[Project]) -> int:
        """Insert new projects as they are (ids, times, revisions kept), in one transaction.

        Refuses the whole batch if any id is already in the file.
        """
        self._require_writable()
        count = 0
        with self.atomic():
            for project in projects:
                if self.exists(project.id):
                    raise ConflictError(f"项目 {project.id} 已存在，未导入任何项目。")
                self._write(project, insert=True)
                self.conn.execute("DELETE FROM tombstones WHERE project_id = ?", [project.id])
                count += 1
        return count

    @_guarded
    def save(self, project: Project) -> Project:
        """Write one edited project atomically; returns it with the new revision and time.

        ``project.revision`` must be the revision it was loaded at (0 for a new project);
        if the file holds another revision, someone else changed it and ``ConflictError``
        is raised without writing. The version vector counts one more change by this file.
        """
        self._require_writable()
        with self.atomic():
            row = self.conn.execute(
                "SELECT revision, versions FROM projects WHERE id = ?", [project.id]
            ).fetchone()
            if row is None and project.revision != 0:
                raise ConflictError(f"项目“{project.name}”已在别处被彻底删除，无法保存。")
            if row is not None and row[0] != project.revision:
                raise ConflictError(
                    f"项目“{project.name}”已在别处被修改（第 {row[0]} 版，"
                    f"这里是第 {project.revision} 版），为避免覆盖，本次保存未执行。"
                )
            stored = json.loads(row[1]) if row is not None else project.version_map
            versions = bumped(stored, self.replica_id)
            saved = project.with_changes(
                revision=project.revision + 1, updated_at=now_timestamp(), versions=versions
            )
            if row is not None:  # which fields this change set (for the three-way merge)
                saved = stamped(
                    self.get(project.id), saved, self.replica_id, dict(versions)[self.replica_id]
                )
            self._write(saved, insert=row is None)
        return saved

    def trash(self, project_id: str) -> None:
        """Move a project to the trash (restorable)."""
        self._set_deleted(project_id, now_timestamp())

    def restore(self, project_id: str) -> None:
        """Bring a project back from the trash."""
        self._set_deleted(project_id, None)

    @_guarded
    def _set_deleted(self, project_id: str, deleted_at: str | None) -> None:
        self._require_writable()
        with self.atomic():
            row = self.conn.execute(
                "SELECT versions, field_versions FROM projects WHERE id = ?", [project_id]
            ).fetchone()
            if row is None:
                raise NotFoundError(f"找不到项目 {project_id}。")
            before = self._old_key(project_id)
            versions = dict(bumped(json.loads(row[0]), self.replica_id))
            dots = json.loads(row[1] or "{}")
            dots["trash"] = [self.replica_id, versions[self.replica_id]]
            self.conn.execute(
                "UPDATE projects SET deleted_at = ?, revision = revision + 1, updated_at = ?, "
                "versions = ?, field_versions = ? WHERE id = ?",
                [
                    deleted_at,
                    now_timestamp(),
                    json.dumps(versions),
                    json.dumps(dots, ensure_ascii=False, sort_keys=True),
                    project_id,
                ],
            )
            after = self._old_key(project_id)
            if before != after:  # 可能重复 warnings: this project's and its namesakes'
                project = self.get(project_id)
                shared = self._keys_shared(after, project_id)
                self.conn.execute(
                    "UPDATE projects SET audit_status = :audit_status, "
                    "audit_errors = :audit_errors, audit_warnings = :audit_warnings "
                    "WHERE id = :id",
                    {**_audit_columns(project, shared), "id": project_id},
                )
                self._recheck_neighbours(before | after, project_id)

    @_guarded
    def purge(self, project_id: str) -> None:
        """Delete a project from the trash for good; a tombstone remembers it, so that a
        merge does not bring it back unasked."""
        self._require_writable()
        with self.atomic():
            if not self.is_trashed(project_id):
                raise StoreError("只能彻底删除回收站中的项目。")
            name, versions = self.conn.execute(
                "SELECT name, versions FROM projects WHERE id = ?", [project_id]
            ).fetchone()
            self._tombstone(project_id, name, dict(bumped(json.loads(versions), self.replica_id)))
            self.conn.execute("DELETE FROM projects WHERE id = ?", [project_id])

    @_guarded
    def _tombstone(self, project_id: str, name: str, versions: dict[str, int]) -> None:
        self._merge_tombstone(Tombstone(project_id, name, now_timestamp(), versions))

    def _merge_tombstone(self, t: Tombstone) -> None:
        """Record a deletion, merged with one already recorded by version vector: the
        result has seen both, so an older deletion never replaces a newer one (which would
        let an old export bring the project back)."""
        row = self.conn.execute(
            "SELECT name, deleted_at, versions FROM tombstones WHERE project_id = ?",
            [t.project_id],
        ).fetchone()
        versions, name, deleted_at = dict(t.versions), t.name, t.deleted_at
        if row is not None:
            known = json.loads(row[2])
            versions = dict(merged_versions(known, versions))
            if dominates(known, t.versions):
                name, deleted_at = row[0], row[1]
        self.conn.execute(
            "INSERT OR REPLACE INTO tombstones (project_id, name, deleted_at, versions) "
            "VALUES (?, ?, ?, ?)",
            [t.project_id, name, deleted_at, json.dumps(versions, sort_keys=True)],
        )

    @_guarded
    def add_tombstones(self, tombstones: Iterable[Tombstone]) -> None:
        """Record deletions made elsewhere (exported files, merges), merged by version
        vector with any deletion of the same project recorded here."""
        self._require_writable()
        with self.atomic():
            for t in tombstones:
                self._merge_tombstone(t)

    @_guarded
    def tombstones(self) -> list[Tombstone]:
        rows = self.conn.execute("SELECT project_id, name, deleted_at, versions FROM tombstones")
        return [Tombstone(r[0], r[1], r[2], json.loads(r[3])) for r in rows]

    @_guarded
    def tombstone(self, project_id: str) -> Tombstone | None:
        row = self.conn.execute(
            "SELECT project_id, name, deleted_at, versions FROM tombstones WHERE project_id = ?",
            [project_id],
        ).fetchone()
        return Tombstone(row[0], row[1], row[2], json.loads(row[3])) if row else None

    # -- history of replaced versions ------------------------------------------------------
    @_guarded
    def add_history(self, project: Project, reason: str) -> bool:
        """Keep a version that is about to be replaced (by a merge, a restore…), unless the
        history already holds that very content. Returns whether a version was added."""
        digest = project.content_hash()
        known = self.conn.execute(
            "SELECT 1 FROM history WHERE project_id = ? AND content_hash = ?",
            [project.id, digest],
        ).fetchone()
        if known:
            return False
        self.conn.execute(
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

    @_guarded
    def history(self, project_id: str) -> list[HistoryEntry]:
        """Earlier versions of a project, newest first."""
        rows = self.conn.execute(
            "SELECT id, replaced_at, reason, data FROM history WHERE project_id = ? "
            "ORDER BY id DESC",
            [project_id],
        )
        return [HistoryEntry(r[0], r[1], r[2], project_from_dict(json.loads(r[3]))) for r in rows]

    @_guarded
    def all_history(self) -> list[HistoryEntry]:
        rows = self.conn.execute("SELECT id, replaced_at, reason, data FROM history ORDER BY id")
        return [HistoryEntry(r[0], r[1], r[2], project_from_dict(json.loads(r[3]))) for r in rows]

    @_guarded
    def duplicate_keys(self) -> set[tuple[int, str]]:
        """The 审核 duplicate keys (year, name) that more than one live project has."""
        seen: set[tuple[int, str]] = set()
        shared: set[tuple[int, str]] = set()
        for year, name in self.conn.execute(
            "SELECT year, name FROM projects WHERE deleted_at IS NULL"
        ):
            key = audit.name_key(year, name)
            (shared if key in seen else seen).add(key)
        return shared

    def _keys_shared(self, keys: set[tuple[int, str]], but: str) -> set[tuple[int, str]]:
        """Of ``keys``, those a live project other than ``but`` has."""
        out = set()
        for year in {k[0] for k in keys}:
            for (name,) in self.conn.execute(
                "SELECT name FROM projects WHERE year = ? AND deleted_at IS NULL AND id != ?",
                [year, but],
            ):
                key = audit.name_key(year, name)
                if key in keys:
                    out.add(key)
        return out

    def _recheck_neighbours(self, keys: set[tuple[int, str]], but: str) -> None:
        """The live projects of these duplicate keys (other than ``but``) checked again: one
        more or one less of a name changes their 可能重复 warning."""
        years = {k[0] for k in keys if k[1]}
        if not years:
            return
        duplicates = None
        for year in years:
            rows = self.conn.execute(
                "SELECT id, name FROM projects WHERE year = ? AND deleted_at IS NULL AND id != ?",
                [year, but],
            ).fetchall()
            for pid, name in rows:
                key = audit.name_key(year, name)
                if key not in keys:
                    continue
                if duplicates is None:
                    duplicates = self.duplicate_keys()
                self.conn.execute(
                    "UPDATE projects SET audit_status = :audit_status, "
                    "audit_errors = :audit_errors, audit_warnings = :audit_warnings "
                    "WHERE id = :id",
                    {**_audit_columns(self.get(pid), duplicates), "id": pid},
                )

    def _old_key(self, project_id: str) -> set[tuple[int, str]]:
        row = self.conn.execute(
            "SELECT year, name, deleted_at FROM projects WHERE id = ?", [project_id]
        ).fetchone()
        if row is None or row[2] is not None:
            return set()
        return {audit.name_key(row[0], row[1])}

    @_guarded
    def _write(self, p: Project, *, insert: bool) -> None:
        before = set() if insert else self._old_key(p.id)
        key = audit.duplicate_key(p) if p.deleted_at is None else None
        shared = self._keys_shared({key}, p.id) if key is not None else set()
        row = {
            "id": p.id,
            "year": p.year,
            "name": p.name,
            "nature": p.nature,
            "category": p.category,
            "department": p.department,
            "implementing_unit": p.implementing_unit,
            "start_date": date_text(p.start_date),
            "end_date": date_text(p.end_date),
            **{col: getattr(p.funds, attr) for attr, col in FUND_COLUMNS.items()},
            "goal_overall": p.goal_overall,
            "goal_annual": p.goal_annual,
            "created_at": p.created_at,
            "updated_at": p.updated_at,
            "revision": p.revision,
            "versions": json.dumps(dict(p.versions), sort_keys=True),
            "content_hash": p.content_hash(),
            **_audit_columns(p, shared),
            "deleted_at": p.deleted_at,
            "profile": p.profile,
            "search_text": p.search_text(),
            "indicator_count": len(p.indicators),
            "review_count": p.review_count,
            "field_flags": json.dumps(dict(p.field_flags), ensure_ascii=False, sort_keys=True),
            "date_style": p.date_style,
            "goal_header": p.goal_header,
            "field_versions": json.dumps(
                {k: [r, n] for k, r, n in p.field_versions}, ensure_ascii=False, sort_keys=True
            ),
        }
        columns = list(row)
        if insert:
            sql = (
                f"INSERT INTO projects ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})"
            )
            self.conn.execute(sql, list(row.values()))
        else:
            sets = ", ".join(f"{c} = ?" for c in columns[1:])
            self.conn.execute(
                f"UPDATE projects SET {sets} WHERE id = ?", [*list(row.values())[1:], p.id]
            )
            self.conn.execute("DELETE FROM indicators WHERE project_id = ?", [p.id])
        self.conn.executemany(
            "INSERT INTO indicators (project_id, position, level1, level2, name, op, number, "
            "unit, text, needs_review, review_note, raw_text, source_line, value_text, note, uid) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    p.id,
                    pos,
                    i.level1,
                    i.level2,
                    i.name,
                    i.value.op,
                    None if i.value.number is None else str(i.value.number),
                    i.value.unit,
                    i.value.text,
                    int(i.needs_review),
                    i.review_note,
                    i.raw_text,
                    i.source_line,
                    i.value.entered,
                    i.note,
                    i.uid,
                )
                for pos, i in enumerate(p.indicators)
            ],
        )
        after = {key} if key is not None else set()
        if before != after:  # renamed, moved to another year, trashed or new
            self._recheck_neighbours(before | after, p.id)


def _audit_columns(p: Project, duplicates=()) -> dict[str, int]:
    findings = audit.check(p, duplicates=duplicates)
    errors, warnings = audit.counts(findings)
    return {
        "audit_status": audit.status(findings),
        "audit_errors": errors,
        "audit_warnings": warnings,
    }
