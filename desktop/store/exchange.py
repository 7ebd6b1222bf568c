"""Moving projects between machines as .db files.

**Export** builds a new database in a temporary file beside the target, closes it (the
rollback journal is gone with the last commit), syncs it, renames it into place, reopens it
and runs ``quick_check`` before reporting success. A pulled stick leaves the old file or no
file, never a half file under the final name.

**Reading another file** treats it as hostile. The file and any ``-journal``/``-wal``
beside it are copied into a private temporary folder; only the copy is ever opened. The
copy is opened with ``trusted_schema=OFF``, an authorizer that refuses anything run from
inside a view or trigger, and low limits; it must pass ``quick_check``, carry our
``application_id``, have a known schema version (an older one is migrated — in the copy) and
hold only the tables and indexes we create. Every row is then checked in Python; bad rows
are reported, the rest imported. The incoming file is never written to.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain import file_text, limits
from desktop.domain import row_text as say
from desktop.domain.codec import MAX_INDICATORS, CodecError, project_from_dict
from desktop.domain.merge_text import APPROVED_REASON, BASE_REASON
from desktop.domain.messages import Message
from desktop.domain.model import Project
from desktop.domain.review import APPROVED, Records
from desktop.store import rows
from desktop.store.duplicates import key_problem
from desktop.store.errors import (
    DamagedFileError,
    NotOurFileError,
    StoreError,
    translate_error,
)
from desktop.store.opening import SQLITE_HEADER, check_identity, open_repository, schema_problem
from desktop.store.rows import Tombstone
from desktop.store.safefile import not_regular_file, replacing
from desktop.store.schema import LATEST_VERSION, migrate

MAX_FILE_BYTES = limits.MAX_DB_BYTES
MAX_SIDE_BYTES = limits.MAX_SIDE_BYTES
MAX_PROJECTS = limits.MAX_PROJECTS
SIDE_FILES = ("-journal", "-wal", "-shm")
TEMP_PREFIX = "jixiao-incoming-"
# safefile.replacing: ".<target name>.<8 random characters>.tmp" beside the target
_OUR_TMP = re.compile(r"^\..+\.(db|xlsx|json|pdf|txt)\.[a-z0-9_]{8}\.tmp$", re.IGNORECASE)
STALE_AFTER_S = 24 * 3600


# -- export ---------------------------------------------------------------------------------


def _renamed(text, tmp: Path, target: Path):
    """An error's sentence said of the temporary file, said of the target (a ``Message``
    stays one: the file name is among its arguments)."""
    if isinstance(text, Message):
        args = {
            k: v.replace(tmp.name, target.name) if type(v) is str else v
            for k, v in text.args.items()
        }
        return Message(text.template, **args)
    return str(text).replace(tmp.name, target.name)


def export_db(
    projects: Iterable[Project],
    target: str | os.PathLike,
    tombstones: Iterable[Tombstone] = (),
    bases: Iterable[Project] = (),
    reviews: Records | None = None,
    approved: Iterable[Project] = (),
) -> int:
    """Write ``projects`` (and tombstones) into a new standalone database at ``target``.
    ``bases``: for some projects the last version this file shared with another machine
    (``shared_bases``), carried in the file's history so that the receiver can show a
    conflicting field's original value (原来的) even when its own history lacks it.
    ``reviews``: the review loop's records (status events, opinions, answers) to carry.
    ``approved``: the versions those records' 审核通过 were given to (``approved_versions``),
    carried in the file's history so that the unit holds them even when it edited since."""
    target = Path(target)
    projects = list(projects)
    sweep_stale_files([target.parent])
    with replacing(target) as tmp_name:
        tmp = Path(tmp_name)
        tmp.unlink()  # open_repository creates it as a database
        try:
            with open_repository(tmp) as out, out.atomic():
                out.add(projects)
                out.add_tombstones(tombstones)
                ids = {p.id for p in projects}
                for base in bases:
                    if base.id in ids:
                        out.add_history(base, BASE_REASON)
                for version in approved:
                    if version.id in ids:
                        out.add_history(version, APPROVED_REASON)
                if reviews:
                    from desktop.store.review import add_records

                    add_records(out, reviews)
        except BaseException as exc:
            for side in SIDE_FILES:  # what SQLite left beside the temporary file
                with contextlib.suppress(OSError):
                    Path(str(tmp) + side).unlink()
            if isinstance(exc, sqlite3.Error):  # a full disk while the schema is made, …
                exc = translate_error(exc, target)
            if isinstance(exc, StoreError):  # said of the temporary file, or of an edit
                if "磁盘空间不足" in str(exc):
                    exc = StoreError(Message(file_text.EXPORT_DISK_FULL, name=target.name))
                else:
                    exc = type(exc)(_renamed(exc.args[0] if exc.args else "", tmp, target))
                raise exc from None
            raise
        for side in SIDE_FILES:
            if Path(str(tmp) + side).exists():
                raise StoreError(Message(file_text.EXPORT_SIDE_LEFT, side=side))
    with open_repository(target, create=False, read_only=True) as check:
        if check.count_all() != len(projects):
            raise DamagedFileError(Message(file_text.EXPORT_CHECK, name=target.name))
    return len(projects)


def shared_bases(repo, projects: Iterable[Project]) -> list[Project]:
    """For each project, the newest version in its history that its version vector has
    seen (a version shared with another machine, or replaced by a merge): the ancestor of
    the next concurrent edits, to travel with an export."""
    from desktop.domain.model import dominates

    out = []
    for p in projects:
        for entry in repo.history(p.id):  # newest first
            if dominates(p.version_map, entry.project.version_map):
                out.append(entry.project)
                break
    return out


# -- reading an untrusted file ----------------------------------------------------------------


@dataclass
class Incoming:
    """What a foreign .db file holds, after every check."""

    source: str
    schema_version: int
    projects: list[Project] = field(default_factory=list)
    tombstones: list[Tombstone] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # rows not imported, and why
    # project id → the sender's last shared version (only shown, as 原来的: never merged)
    bases: dict[str, Project] = field(default_factory=dict)
    reviews: Records = field(default_factory=Records)  # status events, opinions, answers
    # versions an incoming 审核通过 event was given to (checked against its content hash)
    approved: list[Project] = field(default_factory=list)


_DENY = sqlite3.SQLITE_DENY
_OK = sqlite3.SQLITE_OK
_ALLOWED_PRAGMAS = {
    "application_id",
    "user_version",
    "quick_check",
    "integrity_check",
    "trusted_schema",
    "foreign_keys",
    "journal_mode",
    "synchronous",
    "table_info",
    "index_list",
    "data_version",
    "recursive_triggers",
    "schema_version",
}


def _authorizer(action: int, arg1, arg2, dbname, source) -> int:
    if source is not None:  # anything run from inside a view or a trigger
        return _DENY
    if action == sqlite3.SQLITE_ATTACH or action == sqlite3.SQLITE_DETACH:
        return _DENY
    if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() not in _ALLOWED_PRAGMAS:
        return _DENY
    return _OK


def _limit(conn: sqlite3.Connection) -> None:
    for name, value in limits.RECEIVED_SQLITE_LIMITS.items():
        category = getattr(sqlite3, name, None)
        if category is not None:
            conn.setlimit(category, value)


def _side_files(path: Path) -> list[Path]:
    """The file's -journal/-wal/-shm as a killed writer left them; refused when one is
    bigger than any journal of ours could be (a 3 GB sparse file is not copied)."""
    out = []
    for side in SIDE_FILES:
        src = Path(str(path) + side)
        if not src.is_file():
            continue
        size = src.stat().st_size
        if size > MAX_SIDE_BYTES:
            raise NotOurFileError(
                Message(
                    file_text.SIDE_TOO_BIG,
                    side=src.name,
                    name=path.name,
                    size=size // limits.MB,
                    limit=MAX_SIDE_BYTES // limits.MB,
                )
            )
        out.append(src)
    return out


def _private_copy(path: Path, folder: Path) -> Path:
    """Copy the file and its side files (as a killed writer left them) into ``folder``."""
    sides = _side_files(path)  # checked before anything is copied
    copy = folder / "incoming.db"
    shutil.copyfile(path, copy)
    for src in sides:
        shutil.copyfile(src, Path(str(copy) + src.name[len(path.name) :]))
    return copy


def sweep_stale_files(folders: Iterable[Path] = (), *, now: float | None = None) -> int:
    """Remove what killed runs left behind, older than a day: private copies of received
    files (``jixiao-incoming-*`` in the temp folder) and half-written ``.<name>.*.tmp``
    files of our atomic writes in ``folders``. Returns how many were removed."""
    import time

    now = time.time() if now is None else now
    removed = 0

    def old(p: Path) -> bool:
        try:
            return now - p.lstat().st_mtime > STALE_AFTER_S
        except OSError:
            return False

    with contextlib.suppress(OSError):
        for p in Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"):
            if p.is_dir() and not p.is_symlink() and old(p):
                shutil.rmtree(p, ignore_errors=True)
                removed += 1
    for folder in folders:
        with contextlib.suppress(OSError):
            for p in Path(folder).glob(".*.tmp"):
                if not _OUR_TMP.match(p.name):  # only our own atomic writes' names
                    continue
                if p.is_file() and not p.is_symlink() and old(p):
                    with contextlib.suppress(OSError):
                        p.unlink()
                        removed += 1
    return removed


def read_untrusted(path: str | os.PathLike) -> Incoming:
    """Read another machine's (or anyone's) .db file without trusting or touching it.

    Raises ``StoreError`` subclasses with a message for the user when the file as a whole
    cannot be used; bad rows are listed in ``Incoming.problems`` instead."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise StoreError(Message(file_text.NO_FILE, path=str(path))) from exc
    except OSError as exc:
        raise StoreError(
            Message(file_text.CANNOT_READ, name=name, detail=exc.strerror or str(exc))
        ) from exc
    if (problem := not_regular_file(path)) is not None:
        raise NotOurFileError(problem)
    if size > MAX_FILE_BYTES:
        raise NotOurFileError(
            Message(
                file_text.TOO_BIG_DB,
                name=name,
                size=size // limits.MB,
                limit=MAX_FILE_BYTES // limits.MB,
            )
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(
            Message(file_text.CANNOT_READ, name=name, detail=exc.strerror or str(exc))
        ) from exc
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotOurFileError(Message(file_text.NOT_SQLITE, name=name))
    sweep_stale_files()
    folder = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    try:
        try:
            copy = _private_copy(path, folder)
        except OSError as exc:
            raise StoreError(
                Message(file_text.CANNOT_COPY, name=name, detail=exc.strerror or str(exc))
            ) from exc
        try:
            return _read_copy(copy, name)
        except UnicodeDecodeError as exc:  # names in the schema that are not even UTF-8
            raise DamagedFileError(Message(file_text.BAD_ENCODING_FILE, name=name)) from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _read_copy(copy: Path, name: str) -> Incoming:
    try:
        conn = sqlite3.connect(str(copy), timeout=1)
    except sqlite3.Error as exc:
        raise DamagedFileError(Message(file_text.CANNOT_OPEN, name=name, detail=str(exc))) from exc
    try:
        # Text that is not valid UTF-8 must not stop the reading: it is kept visible (as
        # lone surrogates) and the row holding it is refused by the checks below.
        conn.text_factory = rows.TOLERANT_TEXT
        _limit(conn)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.set_authorizer(_authorizer)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            # integrity_check, not quick_check: a stale index or swapped root pages (what an
            # interrupted copy or a forger leaves) only the full check sees
            check = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        except sqlite3.DatabaseError as exc:
            raise DamagedFileError(
                Message(file_text.DAMAGED_UNREADABLE, name=name, detail=str(exc))
            ) from exc
        if check != ["ok"]:
            raise DamagedFileError(Message(file_text.DAMAGED_CHECK, name=name, detail=check[0]))
        check_identity(app_id, version, name)
        # The exact objects (by name and CREATE statement) our migrations make: no trigger,
        # view, generated column or CHECK of anyone else's.
        problem = schema_problem(conn, version, name)
        if problem is not None:
            raise problem
        if version < LATEST_VERSION:
            try:
                import sqlite_utils

                migrate(sqlite_utils.Database(conn, execute_plugins=False), version)
            except sqlite3.DatabaseError as exc:
                raise DamagedFileError(
                    Message(file_text.CANNOT_UPGRADE, name=name, detail=str(exc))
                ) from exc
        columns = _columns(conn)
        if columns != expected_columns():
            raise DamagedFileError(Message(file_text.OTHER_COLUMNS, name=name))
        incoming = Incoming(source=name, schema_version=version)
        _read_rows(conn, incoming)
        return incoming
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    return {
        table: [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        for table in (
            "projects",
            "indicators",
            "meta",
            "history",
            "tombstones",
            "review_events",
            "opinions",
            "opinion_changes",
        )
    }


@functools.cache
def expected_columns() -> dict[str, list[str]]:
    """The columns our migrations give each table (read off a fresh in-memory database)."""
    import sqlite_utils

    conn = sqlite3.connect(":memory:")
    try:
        migrate(sqlite_utils.Database(conn, execute_plugins=False), 0)
        return _columns(conn)
    finally:
        conn.close()


FUTURE_SLACK = timedelta(days=2)


def _screened(conn: sqlite3.Connection, source: str) -> dict[str, str]:
    """``rows.screen`` of a received file; the file is refused as a whole when it has too
    many projects or rows in all."""
    (count,) = conn.execute("SELECT count(*) FROM projects").fetchone()
    if count > MAX_PROJECTS:
        raise NotOurFileError(
            Message(file_text.TOO_MANY_PROJECTS, name=source, count=count, limit=MAX_PROJECTS)
        )
    try:
        return rows.screen(conn)
    except rows.BadRowError as exc:
        problem = exc.args[0] if exc.args else str(exc)
        raise NotOurFileError(
            Message(file_text.REFUSED_ROWS, name=source, problem=problem)
        ) from exc


def _read_rows(conn: sqlite3.Connection, incoming: Incoming) -> None:
    """Check every row and turn the good ones into projects: first what SQLite can count and
    check itself (``rows.screen``: rows per project and in all, types, sizes, JSON), then
    one project at a time through the one row reader — never the whole file in memory."""
    conn.row_factory = sqlite3.Row
    try:
        screened = _screened(conn, incoming.source)
        tomb_rows = conn.execute("SELECT * FROM tombstones LIMIT ?", [MAX_PROJECTS]).fetchall()
        seen: set[str] = set()
        now = datetime.now(UTC)
        cursor = conn.execute("SELECT rowid AS rowid_, * FROM projects")
        for n, r in enumerate(cursor, 1):
            if isinstance(r["name"], str):
                label = rows.shown(r["name"][:100])
            else:
                label = Message(say.NTH_PROJECT, n=n)
            pid = r["id"]
            problem = screened.get(pid if isinstance(pid, str) else f"rowid:{r['rowid_']}")
            if problem is not None and problem != rows.INVALID_VALUES:
                incoming.problems.append(Message(say.NOT_IMPORTED, label=label, problem=problem))
                continue
            try:
                columns, indicators = rows.fetch_all(  # read by position, decoded in C
                    conn,
                    "SELECT * FROM indicators WHERE project_id = ? ORDER BY position LIMIT ?",
                    [pid, MAX_INDICATORS + 1],  # one too many is enough to refuse
                )
                project = rows.project_from_row(r, indicators, columns)
            except (CodecError, ValueError, TypeError) as exc:
                problem = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)
                incoming.problems.append(Message(say.NOT_IMPORTED, label=label, problem=problem))
                continue
            if (problem := key_problem(r)) is not None:  # a damaged row
                incoming.problems.append(Message(say.NOT_IMPORTED, label=label, problem=problem))
                continue
            if project.id in seen:
                problem = Message(say.DUPLICATE_ID, id=project.id)
                incoming.problems.append(Message(say.NOT_IMPORTED, label=label, problem=problem))
                continue
            seen.add(project.id)
            for stamp in (project.created_at, project.updated_at):
                with contextlib.suppress(ValueError):
                    when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
                    if when.tzinfo is not None and when > now + FUTURE_SLACK:
                        incoming.problems.append(Message(say.FUTURE_TIME, label=label, stamp=stamp))
                        break
            incoming.projects.append(project)
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(
            Message(file_text.DATA_UNREADABLE, name=incoming.source, detail=str(exc))
        ) from exc
    _read_bases(conn, incoming)
    for r in tomb_rows:
        try:
            pid = str(uuid.UUID(rows.as_text(r["project_id"], "project_id")))
            versions = json.loads(rows.as_text(r["versions"], "versions"))
            project_from_dict({"id": pid, "year": 2000, "versions": versions})  # validates
            incoming.tombstones.append(
                Tombstone(
                    pid,
                    rows.as_text(r["name"], "name")[:1000],
                    rows.as_text(r["deleted_at"], "deleted_at")[:40],
                    {k: int(v) for k, v in versions.items()},
                )
            )
        except (CodecError, ValueError, TypeError, AttributeError) as exc:
            problem = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)
            incoming.problems.append(Message(say.BAD_TOMBSTONE, problem=problem))
    from desktop.store.review_check import read_review_rows

    read_review_rows(conn, incoming)
    _read_approved(conn, incoming)


def _read_bases(conn: sqlite3.Connection, incoming: Incoming) -> None:
    """The shared versions the sender carried (one per project at most, for display only):
    rows that are not valid, or not of a project in the file, are skipped silently."""
    ids = {p.id for p in incoming.projects}
    try:
        rows = conn.execute(
            "SELECT project_id, data FROM history WHERE reason = ? ORDER BY id LIMIT ?",
            [BASE_REASON, len(ids) + 1],
        ).fetchall()
    except sqlite3.DatabaseError:
        return
    for r in rows:
        pid, data = r[0], r[1]
        if not isinstance(pid, str) or pid not in ids or not isinstance(data, str):
            continue
        try:
            base = project_from_dict(json.loads(data))
        except (CodecError, ValueError, TypeError, RecursionError):
            continue
        if base.id == pid:
            incoming.bases[pid] = base


def _read_approved(conn: sqlite3.Connection, incoming: Incoming) -> None:
    """The approved versions the reviewer carried: kept only when valid, of a project in the
    file, and the very content one of the file's 审核通过 events names; others are skipped."""
    wanted = {
        (e.project_id, e.content_hash) for e in incoming.reviews.events if e.to_status == APPROVED
    }
    if not wanted:
        return
    try:
        rows = conn.execute(
            "SELECT project_id, data FROM history WHERE reason IN (?, ?) ORDER BY id LIMIT ?",
            [APPROVED_REASON, BASE_REASON, 2 * len(wanted)],  # one row per content: either
        ).fetchall()
    except sqlite3.DatabaseError:
        return
    for pid, data in rows:
        if not isinstance(pid, str) or not isinstance(data, str):
            continue
        try:
            version = project_from_dict(json.loads(data))
        except (CodecError, ValueError, TypeError, RecursionError):
            continue
        if (version.id, version.content_hash()) in wanted and version.id == pid:
            incoming.approved.append(version)


__all__ = ["Incoming", "export_db", "read_untrusted", "shared_bases"]
