"""The one SQLite file: opening it safely, and reading and writing whole projects.

Opening checks, before anything is written: the file is SQLite, carries our
``application_id``, has a schema version this program knows, and passes ``quick_check``.
A file that fails any of these is refused with a clear message and left untouched.
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
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain import audit
from desktop.domain.codec import project_from_dict, project_to_dict
from desktop.domain.combine import stamped
from desktop.domain.model import (
    Funds,
    Indicator,
    Project,
    ProjectSummary,
    bumped,
    dominates,
    merged_versions,
    now_timestamp,
)
from desktop.domain.values import IndicatorValue
from desktop.store.errors import (
    ConflictError,
    DamagedFileError,
    LockedError,
    NewerSchemaError,
    NotFoundError,
    NotOurFileError,
    ReadOnlyError,
    StoreError,
)
from desktop.store.safefile import can_write_here, consistent_copy, sqlite_uri
from desktop.store.schema import (
    APP_VERSION_FOR_SCHEMA,
    APPLICATION_ID,
    LATEST_VERSION,
    MIGRATIONS,
    migrate,
)

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_KNOWN = frozenset(range(1, max(MIGRATIONS) + 1))
BUSY_TIMEOUT_S = 5.0

_FUND_COLUMNS = {
    "total": "funds_total",
    "fiscal": "funds_fiscal",
    "other": "funds_other",
    "annual_total": "annual_total",
    "annual_appropriation": "annual_appropriation",
    "annual_carryover": "annual_carryover",
    "annual_other": "annual_other",
}
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


def _writable(path: Path) -> bool:
    """Writing needs the file and its folder (the rollback journal lives beside it): tried
    for real, since ``os.access`` on Windows does not see a write-protected stick or ACLs."""
    return can_write_here(path)


def _check_header(path: Path) -> bool:
    """True for an empty file (a new database); raise for anything that is not SQLite."""
    if not path.is_file():
        raise NotOurFileError(f"“{path}”不是一个文件。")
    size = path.stat().st_size
    if size == 0:
        return True
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotOurFileError(f"“{path.name}”不是绩效目标申报的数据文件（不是 SQLite 数据库）。")
    return False


def open_repository(
    path: str | os.PathLike,
    *,
    create: bool = True,
    read_only: bool = False,
    backup: bool = True,
    check: bool = True,
) -> Repository:
    """Open (or create) the database at ``path``.

    ``read_only`` forces read-only access; a file or folder that cannot be written is opened
    read-only anyway (``Repository.read_only`` tells). A file of an older schema version is
    backed up (``backup``) and migrated. Raises a ``StoreError`` subclass with
    a message for the user when the file is not ours, newer, or damaged.

    ``check=False`` leaves out the whole-file ``quick_check`` (it reads every page: 0.1 s for
    a 66 MB file when cached, seconds from a cold disk); the caller then runs
    ``integrity_problem`` afterwards, as the window does in the background. A file that
    needs migrating is always checked first.
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise NotFoundError(f"找不到数据文件“{path}”。")
        if read_only:
            raise ReadOnlyError(f"数据文件“{path}”不存在，无法以只读方式打开。")
        if not path.parent.exists() and str(path.parent):
            raise NotFoundError(
                f"文件夹“{path.parent}”不存在（是否 U 盘已拔出，或网络盘未连接？）。"
            )
        return Repository._create(path)
    empty = _check_header(path)
    read_only = read_only or not _writable(path)
    if empty:
        if read_only:
            raise ReadOnlyError(f"“{path.name}”是空文件且只读，无法作为数据库使用。")
        return Repository._create(path)
    # Checked on a read-only connection first: nothing runs on the file, and nothing is
    # written to it, before it is known to be ours, with our schema, and (``check``) sound.
    conn = _checking_connection(path, read_only)
    try:
        version = _inspect(conn, path)
        if version and (check or version < LATEST_VERSION):
            _quick_check(conn, path)
    except BaseException:
        conn.close()
        raise
    conn.close()
    if version == 0:
        if read_only:
            raise ReadOnlyError(f"“{path.name}”是空数据库且只读，无法初始化。")
        return Repository._create(path)
    if version < LATEST_VERSION and read_only:
        raise ReadOnlyError(
            f"“{path.name}”来自本程序的旧版本，需要升级后才能使用，但文件是只读的。"
            "请先复制到可写的位置再打开。"
        )
    try:
        conn = _connect(path, read_only)
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from exc
    try:
        repo = Repository(path, conn, read_only=read_only)
        if version < LATEST_VERSION:
            if backup:
                from desktop.store.backups import take

                take(conn, path, "migrate")
            migrate(repo.db, version)
        if not read_only:
            repo._bind_replica()
            repo._refresh_audit()
        return repo
    except BaseException:
        conn.close()
        raise


def _checking_connection(path: Path, read_only: bool) -> sqlite3.Connection:
    """A read-only connection for the checks. A file a killed writer left with a hot
    journal cannot be read read-only (SQLite must roll the journal back first): then, if
    the file may be written, the check runs on a normal connection — the rollback is
    SQLite's own recovery, and our checks still come before anything we write."""
    try:
        conn = _connect(path, read_only=True)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error as exc:
        with contextlib.suppress(UnboundLocalError, sqlite3.Error):
            conn.close()
        if read_only or "readonly" not in str(exc).lower().replace("-", ""):
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(
                exc, sqlite3.OperationalError
            ):
                raise DamagedFileError(f"“{path.name}”已损坏，无法读取（{exc}）。") from exc
            raise translate_error(exc, path) from exc
    try:
        conn = _connect(path, read_only=False)
        conn.execute("PRAGMA trusted_schema = OFF")
        return conn
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from exc


def _inspect(conn: sqlite3.Connection, path: Path) -> int:
    """Check a file is ours and sound; return its schema version (0 = empty database)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes a read lock
    except sqlite3.OperationalError as exc:
        raise translate_error(exc, path) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        objects = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(f"“{path.name}”已损坏，无法读取（{exc}）。") from exc
    if app_id == 0 and version == 0 and objects == 0:
        return 0
    check_identity(app_id, version, path.name)
    if version < 1:
        raise DamagedFileError(f"“{path.name}”的数据格式版本无效（{version}）。")
    problem = schema_problem(conn, version, path.name)
    if problem is not None:
        raise problem
    return version


class _PlainDatabase:
    """Just enough of sqlite-utils' Database for the migration steps, on a bare connection
    (building the expected schema must not cost importing sqlite-utils at start-up)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, params: Sequence = ()):
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Sequence = ()) -> Iterator[dict]:
        cursor = self.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    @contextlib.contextmanager
    def atomic(self):
        self.conn.execute("SAVEPOINT expected")
        yield self
        self.conn.execute("RELEASE SAVEPOINT expected")


def _normal_sql(sql: str | None) -> str | None:
    return None if sql is None else " ".join(sql.split())


def _objects(conn: sqlite3.Connection) -> set[tuple]:
    """Every schema object as (type, name, table, normalised CREATE statement)."""
    return {
        (t, n, tbl, _normal_sql(sql))
        for t, n, tbl, sql in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    }


@functools.cache
def expected_objects(version: int) -> frozenset[tuple]:
    """The schema objects our migration chain creates up to ``version``, exactly as SQLite
    stores them (read off a fresh in-memory database)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        try:
            migrate(_PlainDatabase(conn), 0, version)  # type: ignore[arg-type]
        except (AttributeError, TypeError):  # a step needs more of sqlite-utils
            conn.close()
            import sqlite_utils

            conn = sqlite3.connect(":memory:", isolation_level=None)
            migrate(sqlite_utils.Database(conn, execute_plugins=False), 0, version)
        return frozenset(_objects(conn))
    finally:
        conn.close()


def _is_autoindex(obj: tuple, expected: frozenset[tuple]) -> bool:
    """SQLite's own index for a PRIMARY KEY/UNIQUE constraint of one of our tables (its
    name is exactly ``sqlite_autoindex_<table>_<n>``; it has no SQL)."""
    t, name, table, sql = obj
    return (
        t == "index"
        and sql is None
        and name.startswith(f"sqlite_autoindex_{table}_")
        and name[len(f"sqlite_autoindex_{table}_") :].isdigit()
        and ("table", table, table) in {o[:3] for o in expected}
    )


def schema_problem(conn: sqlite3.Connection, version: int, name: str) -> StoreError | None:
    """Compare a file's schema objects with what this program creates, by exact name and
    CREATE statement: a trigger, view, extra table or index, a generated column or a CHECK
    that we did not write is refused (it would run with the clerk's data). Returns the
    error to raise, or None when the schema is ours."""
    if version not in MIGRATIONS_KNOWN:
        return DamagedFileError(f"“{name}”的数据格式版本无效（{version}）。")
    try:
        found = _objects(conn)
    except sqlite3.DatabaseError as exc:
        return DamagedFileError(f"“{name}”已损坏，无法读取（{exc}）。")
    expected = expected_objects(version)
    extra = {o for o in found - expected if not _is_autoindex(o, expected)}
    if extra:
        names = {(o[0], o[1]) for o in extra}
        listing = "、".join(f"{t} {n}" for t, n in sorted(names)[:5])
        return NotOurFileError(
            f"“{name}”中有本程序从不创建的内容（{listing}），为安全起见拒绝打开。"
        )
    missing = {o[1] for o in expected - found}
    if missing:
        return DamagedFileError(f"“{name}”缺少数据表或索引：{'、'.join(sorted(missing))}。")
    return None


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise translate_error(exc, path) from exc
        raise DamagedFileError(f"“{path.name}”已损坏（{exc}）。") from exc
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(f"“{path.name}”已损坏（{exc}）。") from exc
    if result != ["ok"]:
        raise DamagedFileError(f"“{path.name}”已损坏：{result[0]}")


def integrity_problem(path: str | os.PathLike) -> str | None:
    """Run ``quick_check`` on its own read-only connection (safe in a worker thread).
    Returns the message for the clerk if the file is damaged; None if it is sound or could
    not be checked just now (locked, gone — other code reports those)."""
    path = Path(path)
    try:
        conn = _connect(path, read_only=True)
    except sqlite3.Error:
        return None
    try:
        _quick_check(conn, path)
    except DamagedFileError as exc:
        return str(exc)
    except StoreError:
        return None
    finally:
        conn.close()
    return None


def check_identity(app_id: int, version: int, name: str) -> None:
    """Refuse a file that is not ours, or that a newer program version wrote."""
    if app_id != APPLICATION_ID:
        raise NotOurFileError(f"“{name}”不是绩效目标申报的数据文件（它属于其他程序）。")
    if version > LATEST_VERSION:
        needed = APP_VERSION_FOR_SCHEMA.get(version)
        hint = f"请使用 {needed} 或更新版本的程序。" if needed else "请先升级本程序。"
        raise NewerSchemaError(
            f"“{name}”由更新版本的绩效目标申报创建（数据格式第 {version} 版），"
            f"本程序只支持到第 {LATEST_VERSION} 版。{hint}",
            version,
        )


def _date_text(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _text_date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


@dataclass(frozen=True)
class Tombstone:
    """A project deleted for good: its id and the version vector at deletion."""

    project_id: str
    name: str
    deleted_at: str
    versions: dict[str, int]


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    replaced_at: str
    reason: str
    project: Project


_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26
_SQLITE_IOERR_NOMEM = 3082


def translate_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """SQLite's complaint as a sentence for the clerk, told apart by its error code.

    I/O errors and files that cannot be opened have two causes on Windows: the stick or
    network drive is gone — or the file is still there and another program holds it or its
    ``-journal`` for a moment (an antivirus scan, WPS/OneDrive sync, a backup agent: a
    sharing violation, which SQLite reports as ``SQLITE_IOERR_*`` or ``SQLITE_CANTOPEN``).
    The second is a lock (``LockedError``: the edit is held and retried), not a lost file."""
    name = path.name
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        primary = code & 0xFF
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return LockedError(f"“{name}”正被其他程序占用，请稍后重试，或关闭正在使用它的程序。")
        if primary == _SQLITE_FULL:
            return StoreError(f"磁盘空间不足，无法写入“{name}”，刚才的修改没有保存。")
        if primary == _SQLITE_READONLY:
            return ReadOnlyError(f"“{name}”不能写入（只读），刚才的修改没有保存。")
        if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and code != _SQLITE_IOERR_NOMEM:
            if _still_there(path):
                return LockedError(
                    f"“{name}”暂时无法读写：可能正被杀毒软件、同步盘（WPS、OneDrive）或备份"
                    "程序占用。请稍后重试，或关闭正在使用它的程序。"
                )
            return StoreError(f"无法读写“{name}”：U 盘是否已拔出，或文件所在位置是否可用？")
        if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return DamagedFileError(f"“{name}”已损坏（{exc}）。")
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return LockedError(f"“{name}”正被其他程序占用，请稍后重试，或关闭正在使用它的程序。")
    if "full" in text:
        return StoreError(f"磁盘空间不足，无法写入“{name}”，刚才的修改没有保存。")
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(f"“{name}”不能写入（只读），刚才的修改没有保存。")
    if "i/o" in text or "unable to open" in text:
        return StoreError(f"无法读写“{name}”：U 盘是否已拔出，或文件所在位置是否可用？")
    if isinstance(exc, sqlite3.DatabaseError) and "malformed" in text:
        return DamagedFileError(f"“{name}”已损坏（{exc}）。")
    return StoreError(f"“{name}”出错：{exc}")


def _still_there(path: Path) -> bool:
    """The database file and its folder can still be seen (the medium is there)."""
    try:
        return path.is_file() and path.parent.is_dir()
    except OSError:
        return False


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
        return _project_from_row(rows[0], indicators)

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
            "start_date": _date_text(p.start_date),
            "end_date": _date_text(p.end_date),
            **{col: getattr(p.funds, attr) for attr, col in _FUND_COLUMNS.items()},
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


def _project_from_row(r: dict, indicator_rows: Iterable[dict]) -> Project:
    indicators = tuple(
        Indicator(
            level1=i["level1"],
            level2=i["level2"],
            name=i["name"],
            value=IndicatorValue(
                op=i["op"],
                number=None if i["number"] is None else Decimal(i["number"]),
                unit=i["unit"],
                text=i["text"],
                entered=_get(i, "value_text", ""),
            ),
            needs_review=bool(i["needs_review"]),
            review_note=i["review_note"],
            raw_text=i["raw_text"],
            source_line=i["source_line"],
            note=_get(i, "note", ""),
            uid=_get(i, "uid", ""),
        )
        for i in indicator_rows
    )
    return Project(
        id=r["id"],
        year=r["year"],
        name=r["name"],
        nature=r["nature"],
        category=r["category"],
        department=r["department"],
        implementing_unit=r["implementing_unit"],
        start_date=_text_date(r["start_date"]),
        end_date=_text_date(r["end_date"]),
        funds=Funds(**{attr: r[col] for attr, col in _FUND_COLUMNS.items()}),
        goal_overall=r["goal_overall"],
        goal_annual=r["goal_annual"],
        indicators=indicators,
        profile=r["profile"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        revision=r["revision"],
        versions=tuple(sorted(json.loads(r.get("versions") or "{}").items())),
        deleted_at=r.get("deleted_at"),
        field_flags=tuple(sorted(json.loads(r.get("field_flags") or "{}").items())),
        date_style=r.get("date_style") or "",
        field_versions={
            k: tuple(d) for k, d in json.loads(r.get("field_versions") or "{}").items()
        },
    )


def _get(row, key: str, default):
    """A column that older schema versions lack (their migration steps read rows too)."""
    try:
        return row[key]
    except (KeyError, IndexError):
        return default
