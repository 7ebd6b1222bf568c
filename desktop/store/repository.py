"""Reading and writing whole projects in the one SQLite file (opening it and checking it
first: ``store.opening``).

Every write is one transaction with ``synchronous=FULL`` and the rollback journal
(``journal_mode=DELETE``), so the file on disk is always complete on its own.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain import audit
from desktop.domain import file_text as say
from desktop.domain.audit_columns import IndicatorColumns
from desktop.domain.codec import length_problem
from desktop.domain.combine import stamped
from desktop.domain.messages import Message
from desktop.domain.model import (
    Project,
    ProjectSummary,
    bumped,
    now_timestamp,
)
from desktop.store import backups, bulk, duplicates
from desktop.store import history as stored_history
from desktop.store import tombstones as stored_tombstones
from desktop.store.errors import (
    BadProjectError,
    ConflictError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
    guarded,
    translate_error,
)
from desktop.store.listing import SUMMARY_COLUMNS, list_order, summary_of, used_values
from desktop.store.rows import (
    INVALID_VALUES,
    TOLERANT_TEXT,
    BadRowError,
    HistoryEntry,
    Tombstone,
    project_from_row,
    screen,
    shown,
)
from desktop.store.safefile import consistent_copy, sqlite_uri
from desktop.store.schema import migrate
from desktop.store.writing import insert_indicators, project_columns

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_S = 5.0
_CHUNK = 500  # ids in one "IN (…)", within SQLite's limit of variables


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:  # a URI that works for mapped drives and UNC paths too (see sqlite_uri)
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=BUSY_TIMEOUT_S)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
    return conn


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
        self._refused: dict[str, str] = {}  # projects get() found bad: {id: problem}
        self._cache: dict[tuple, list] = {}
        self._cache_stamp: tuple[int, int] | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils on this connection, for schema work (creating, migrating); imported
        on first use, so opening a file does not pay for importing it (≈ 50 ms)."""
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
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:  # another program reads the file: nothing written
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise translate_error(exc, self.path) from exc

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

    @guarded
    def _refresh_audit(self) -> None:
        """Check every project again when the rules changed since the statuses were stored."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'audit_rules'").fetchone()
        if row is not None and row[0] == str(audit.RULES_VERSION):
            return
        with self.atomic():
            duplicates.check_all_again(self.conn, self.all_projects)
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_rules', ?)",
                [str(audit.RULES_VERSION)],
            )

    @guarded
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

    @guarded
    def data_version(self) -> int:
        """Changes when another connection (another program) commits to the file."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    @classmethod
    def _create(cls, path: Path) -> Repository:
        try:
            conn = _connect(path, read_only=False)
        except sqlite3.Error as exc:
            raise StoreError(f"无法创建数据文件“{path}”：{exc}") from exc
        conn.text_factory = TOLERANT_TEXT  # as every opened file reads (opening.py)
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
    @guarded
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
            raise ReadOnlyError(Message(say.OPENED_READ_ONLY, name=self.path.name))

    # -- reading ------------------------------------------------------------------------
    @guarded
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
        sql = f"SELECT {SUMMARY_COLUMNS} FROM projects NOT INDEXED WHERE {where}"
        rows = self._summaries(sql, params)
        rows.sort(key=list_order)
        if year is None and not trash:  # all live projects: keep them for the suggestions
            self._cached(("live rows",), lambda: [rows])
        return rows

    @guarded
    def _summaries(self, sql: str, params: list) -> list[ProjectSummary]:
        return [summary_of(row) for row in self.conn.execute(sql, params)]

    @guarded
    def problems(self) -> dict[str, str]:
        """Projects whose rows cannot be read as they are, ``{id: what is wrong}`` — found
        by SQLite (``rows.screen``: types, sizes, JSON, counts) without loading them, and
        those a read refused since (``get``). Cached until the file changes."""
        found = self._cached(("problems",), lambda: [screen(self.conn, whole_file_limit=False)])[0]
        return {**found, **self._refused}

    def summary(self, project_id: str) -> ProjectSummary:
        """One list row, trashed or not."""
        rows = self._summaries(f"SELECT {SUMMARY_COLUMNS} FROM projects WHERE id = ?", [project_id])
        if not rows:
            raise NotFoundError(Message(say.NO_PROJECT, id=project_id))
        return rows[0]

    @guarded
    def revision(self, project_id: str) -> int:
        row = self.conn.execute(
            "SELECT revision FROM projects WHERE id = ?", [project_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(Message(say.NO_PROJECT, id=project_id))
        return row[0]

    def _cached(self, key: tuple, compute) -> list:
        """Suggestion lists (aggregates over the whole file) are asked for on every project
        shown; recompute them only when the file has changed — by this connection
        (``total_changes``) or by another program (``data_version``)."""
        stamp = self._stamp()
        if self._cache_stamp != stamp:
            self._cache.clear()
            self._refused.clear()
            self._cache_stamp = stamp
        if key not in self._cache:
            self._cache[key] = compute()
        return list(self._cache[key])

    @guarded
    def distinct_values(self, column: str) -> list[str]:
        """Values used in this database for a text field (for editable combo boxes)."""
        if column not in {"department", "implementing_unit", "nature", "category"}:
            raise ValueError(column)
        return list(self._distinct_values()[column])

    _TEXT_COLUMNS = ("department", "implementing_unit", "nature", "category")

    def _distinct_values(self) -> dict[str, list[str]]:
        """The four text columns' values over the live projects, most used first."""
        return self._cached(("distinct",), lambda: [used_values(self, self._TEXT_COLUMNS)])[0]

    @guarded
    def count(self) -> int:
        sql = "SELECT count(*) FROM projects WHERE deleted_at IS NULL"
        return self.conn.execute(sql).fetchone()[0]

    @guarded
    def count_all(self) -> int:
        """Projects in the file, the trash included."""
        return self.conn.execute("SELECT count(*) FROM projects").fetchone()[0]

    @guarded
    def years(self) -> list[int]:
        rows = duplicates.over_live_keys(self.conn, "DISTINCT year", "ORDER BY year DESC")
        return [r[0] for r in rows]

    @guarded
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

    @guarded
    def units(self) -> list[str]:
        return self._cached(("units",), self._units)

    def _units(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT unit, count(*) AS n FROM indicators WHERE unit != '' GROUP BY unit "
            "ORDER BY n DESC LIMIT 200"
        )
        return [r[0] for r in rows]

    @guarded
    def meta(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    @guarded
    def set_meta(self, key: str, value: str) -> None:
        self._require_writable()
        with self.atomic():
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value]
            )

    @guarded
    def exists(self, project_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM projects WHERE id = ?", [project_id]).fetchone()
        return row is not None

    @guarded
    def is_trashed(self, project_id: str) -> bool:
        row = self.conn.execute(
            "SELECT deleted_at FROM projects WHERE id = ?", [project_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(Message(say.NO_PROJECT, id=project_id))
        return row[0] is not None

    @guarded
    def get(self, project_id: str) -> Project:
        """The whole project, read through the one row reader (``rows.project_from_row``);
        ``BadProjectError`` when its rows cannot be read as they are."""
        problem = screen(self.conn, project_id).get(project_id) or self._refused.get(project_id)
        if problem is None or problem == INVALID_VALUES:  # small: the reader says what
            rows = list(self._query("SELECT * FROM projects WHERE id = ?", [project_id]))
            if not rows:
                raise NotFoundError(Message(say.NO_PROJECT, id=project_id))
            indicators = self._query(
                "SELECT * FROM indicators WHERE project_id = ? ORDER BY position", [project_id]
            )
            try:
                project = project_from_row(rows[0], indicators)
                if (problem := duplicates.key_problem(rows[0])) is None:
                    return project
            except BadRowError as exc:
                problem = exc.args[0] if exc.args else str(exc)  # a Message, said in any language
            self._refused[project_id] = problem
        raise BadProjectError(self._bad_sentence(project_id, problem), project_id)

    def _bad_sentence(self, project_id: str, problem: str) -> str:
        name = self.conn.execute(
            "SELECT substr(name, 1, 60) FROM projects WHERE id = ?", [project_id]
        ).fetchone()
        label = shown(name[0]) if name and isinstance(name[0], str) and name[0] else project_id
        if len(label) >= 60:
            label = label[:59] + "…"
        return Message(say.NEEDS_REPAIR, name=label, problem=problem)

    def all_projects(
        self,
        ids: Sequence[str] | None = None,
        *,
        trash: bool = False,
        skip_bad: list[BadProjectError] | None = None,
    ) -> Iterator[Project]:
        """Whole projects in list order (``trash``: those in the trash too), or the given ids
        in that order. With ``skip_bad`` (a list), projects that cannot be read are left out
        and their errors appended to it; without, ``BadProjectError`` is raised."""
        if ids is None:
            ids = [s.id for s in self.summaries()]
            if trash:
                ids += [s.id for s in self.summaries(trash=True)]
        yield from self._each(list(ids), skip_bad, self._load, self.get)

    def projects_to_audit(
        self, skip_bad: list[BadProjectError]
    ) -> Iterator[tuple[Project, IndicatorColumns]]:
        """Every live project in list order with its indicators as columns, for 审核 of the
        whole file (``audit.check(project, rows=…)``): those whose rows are as our writer
        leaves them read without an object an indicator — the project's own ``indicators``
        are then empty, the columns stand for them; the others as ``all_projects`` reads
        them (the same project, or the same error, appended to ``skip_bad``)."""
        ids = [s.id for s in self.summaries()]
        one = lambda pid: ((p := self.get(pid)), IndicatorColumns.of(p))  # noqa: E731
        yield from self._each(ids, skip_bad, self._load_for_audit, one)

    def _each(self, ids: list[str], skip_bad: list | None, load, one) -> Iterator:
        # In bulk (``store.bulk``), chunk by chunk; what SQLite can already tell is bad (one
        # pass over the file) and what ``load`` leaves out (or refuses: text that is not
        # UTF-8, a damaged key) are read one by one (``one``), so each is named (``get``).
        tolerant = self.conn.text_factory is TOLERANT_TEXT
        bad = (
            screen(self.conn, whole_file_limit=False, indicator_encoding=not tolerant)
            if ids
            else {}
        )
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            good = [pid for pid in chunk if pid not in bad and pid not in self._refused]
            try:
                loaded = load(good) if good else {}
            except BadRowError:
                loaded = {}
            for project_id in chunk:
                try:
                    item = loaded.get(project_id) or one(project_id)
                except BadProjectError as exc:
                    if skip_bad is None:
                        raise
                    skip_bad.append(exc)
                    continue
                yield item

    @guarded
    def _load(self, ids: list[str]) -> dict[str, Project]:
        return bulk.load_projects(self.conn, ids)

    @guarded
    def _load_for_audit(self, ids: list[str]) -> dict[str, tuple[Project, IndicatorColumns]]:
        return bulk.load_for_audit(self.conn, ids)

    @guarded
    def copy_to(self, target: str | os.PathLike) -> None:
        """A consistent copy of the whole database (SQLite backup API) written to a temporary
        file beside ``target``, synced, and renamed into place."""
        consistent_copy(self.conn, target)

    # -- writing ------------------------------------------------------------------------
    @guarded
    def add(self, projects: Iterable[Project]) -> int:
        """Insert new projects as they are (ids, times, revisions kept), in one transaction.

        Refuses the whole batch if any id is already in the file.
        """
        self._require_writable()
        projects = list(projects)
        with self.atomic():
            # the live namesakes of the batch's keys (an index probe a key), kept up to date
            keys = (audit.duplicate_key(p) for p in projects if p.deleted_at is None)
            index = duplicates.namesakes(self.conn, keys)
            for project in projects:
                if self.exists(project.id):
                    raise ConflictError(Message(say.PROJECT_EXISTS, id=project.id))
                self._write(project, insert=True, index=index)
                self.conn.execute("DELETE FROM tombstones WHERE project_id = ?", [project.id])
        return len(projects)

    @guarded
    def save(self, project: Project) -> Project:
        """Write one edited project atomically; returns it with the new revision and time.

        ``project.revision`` must be the revision it was loaded at (0 for a new project);
        if the file holds another revision, someone else changed it and ``ConflictError``
        is raised without writing. The version vector counts one more change by this file.
        """
        self._require_writable()
        stamp = self._stamp()
        with self.atomic():
            row = self.conn.execute(
                "SELECT revision, versions, deleted_at, "
                f"{', '.join(self._TEXT_COLUMNS)} FROM projects WHERE id = ?",
                [project.id],
            ).fetchone()
            if row is None and project.revision != 0:
                raise ConflictError(Message(say.PURGED_ELSEWHERE, name=project.name))
            if row is not None and row[0] != project.revision:
                said = {"name": project.name, "stored": row[0], "mine": project.revision}
                raise ConflictError(Message(say.CHANGED_ELSEWHERE, **said))
            stored = json.loads(row[1]) if row is not None else project.version_map
            versions = bumped(stored, self.replica_id)
            saved = project.with_changes(
                revision=project.revision + 1, updated_at=now_timestamp(), versions=versions
            )
            before = None if row is None else (row[2:], self._suggested_indicators(project.id))
            if row is not None:  # which fields this change set (for the three-way merge)
                saved = stamped(
                    self.get(project.id), saved, self.replica_id, dict(versions)[self.replica_id]
                )
            self._write(saved, insert=row is None)
        self._keep_suggestions(stamp, before, saved)
        return saved

    def _suggested_indicators(self, project_id: str) -> list[tuple]:
        return self.conn.execute(
            "SELECT level2, name, unit FROM indicators WHERE project_id = ? ORDER BY position",
            [project_id],
        ).fetchall()

    def _keep_suggestions(self, stamp: tuple, before: tuple | None, saved: Project) -> None:
        """After saving one project, keep the suggestion lists its edit cannot have changed
        (invalidated per column, not all after every write): a goal or an amount typed
        leaves them all, a unit typed only the text fields' lists. Only when they were
        current before this write (nothing else changed the file meanwhile)."""
        if before is None or self._cache_stamp != stamp:
            return
        texts = tuple(getattr(saved, c) for c in self._TEXT_COLUMNS)
        kept = set()
        if before[0] == (saved.deleted_at, *texts):
            kept |= {"live rows", "distinct"}
        indicators = [(i.level2, i.name, i.value.unit) for i in saved.indicators]
        if sorted(before[1]) == sorted(indicators):
            kept |= {"names", "units"}
        self._cache = {k: v for k, v in self._cache.items() if k[0] in kept}
        self._cache_stamp = self._stamp()

    def _stamp(self) -> tuple[int, int]:
        return (self.conn.total_changes, self.data_version())

    def trash(self, project_id: str) -> None:
        """Move a project to the trash (restorable)."""
        self._set_deleted(project_id, now_timestamp())

    def restore(self, project_id: str) -> None:
        """Bring a project back from the trash."""
        self._set_deleted(project_id, None)

    @guarded
    def _set_deleted(self, project_id: str, deleted_at: str | None) -> None:
        self._require_writable()
        with self.atomic():
            row = self.conn.execute(
                "SELECT versions, field_versions FROM projects WHERE id = ?", [project_id]
            ).fetchone()
            if row is None:
                raise NotFoundError(Message(say.NO_PROJECT, id=project_id))
            before = duplicates.live_key(self.conn, project_id)
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
            after = duplicates.live_key(self.conn, project_id)
            if before != after:  # 可能重复 warnings: this project's and its namesakes'
                shared = duplicates.after_key_change(self.conn, self.get, project_id, before, after)
                duplicates.audit_row(self.conn, self.get(project_id), shared)

    @guarded
    def purge(self, project_id: str) -> None:
        """Delete a project from the trash for good; a tombstone remembers it, so that a
        merge does not bring it back unasked."""
        self._require_writable()
        with self.atomic():
            if not self.is_trashed(project_id):
                raise StoreError(Message(say.TRASH_ONLY))
            name, versions = self.conn.execute(
                "SELECT name, versions FROM projects WHERE id = ?", [project_id]
            ).fetchone()
            versions = dict(bumped(json.loads(versions), self.replica_id))
            tomb = Tombstone(project_id, name, now_timestamp(), versions)
            stored_tombstones.merge_tombstone(self.conn, tomb)
            self.conn.execute("DELETE FROM projects WHERE id = ?", [project_id])

    @guarded
    def add_tombstones(self, tombstones: Iterable[Tombstone]) -> None:
        """Record deletions made elsewhere (exported files, merges), merged by version
        vector with any deletion of the same project recorded here."""
        self._require_writable()
        with self.atomic():
            for t in tombstones:
                stored_tombstones.merge_tombstone(self.conn, t)

    @guarded
    def tombstones(self) -> list[Tombstone]:
        """Deletions recorded in the file (a row that cannot be read is left out)."""
        return stored_tombstones.tombstones(self.conn)

    @guarded
    def tombstone(self, project_id: str) -> Tombstone | None:
        return stored_tombstones.tombstone(self.conn, project_id)

    # -- history of replaced versions ------------------------------------------------------
    @guarded
    def add_history(self, project: Project, reason: str) -> bool:
        """Keep a version that is about to be replaced (by a merge, a restore…), unless the
        history already holds that very content. Returns whether a version was added."""
        return stored_history.add_history(self.conn, project, reason)

    @guarded
    def history(self, project_id: str) -> list[HistoryEntry]:
        """Earlier versions of a project, newest first."""
        return stored_history.history(self.conn, project_id)

    @guarded
    def all_history(self) -> list[HistoryEntry]:
        return stored_history.all_history(self.conn)

    @guarded
    def duplicate_keys(self) -> set[tuple[int, str]]:
        """The 审核 duplicate keys (year, name) that more than one live project has."""
        return duplicates.duplicate_keys(self.conn)

    @guarded
    def shared_keys(self, keys: Iterable[tuple[int, str]]) -> set[tuple[int, str]]:
        """Those of ``keys`` that more than one live project has: ``duplicate_keys`` for a
        few keys, one probe of the index each (not a pass over the file)."""
        found = duplicates.namesakes(self.conn, keys)
        return {k for k, ids in found.items() if len(ids) > 1}

    @guarded
    def _write(self, p: Project, *, insert: bool, index: dict | None = None) -> None:
        """Insert or replace one project row and its indicators. ``index`` (a batch):
        the live projects' duplicate keys, kept up to date here. What is written must read
        back: the same length limits as every input."""
        problem = length_problem(p)
        if problem is not None:
            raise StoreError(Message(say.NOT_SAVED, name=p.name[:60], problem=problem))
        before = set() if insert else duplicates.live_key(self.conn, p.id)
        after = {audit.duplicate_key(p)} if p.deleted_at is None else set()
        shared = duplicates.after_key_change(self.conn, self.get, p.id, before, after, index)
        row = project_columns(p, duplicates.audit_columns(p, shared))
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
        insert_indicators(self.conn, p)
