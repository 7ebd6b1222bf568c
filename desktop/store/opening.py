"""Opening a database file, and checking it before anything is written.

Opening checks, before anything is written: the file is SQLite, carries our
``application_id``, has a schema version this program knows, its schema objects are
exactly the ones our migration chain creates, and it passes ``integrity_check``. A file that
fails any of these is refused with a clear message (a ``StoreError``) and left untouched.
A file of an older schema version is backed up and migrated.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from desktop.domain import file_text as say
from desktop.domain.messages import Listing, Message
from desktop.store.errors import (
    DamagedFileError,
    NewerSchemaError,
    NotFoundError,
    NotOurFileError,
    ReadOnlyError,
    StoreError,
    translate_error,
)
from desktop.store.in_pieces import screen_in_pieces, unlocked_integrity_check
from desktop.store.repository import Repository, _connect
from desktop.store.rows import TOLERANT_TEXT
from desktop.store.safefile import can_write_here
from desktop.store.schema import (
    APP_VERSION_FOR_SCHEMA,
    APPLICATION_ID,
    LATEST_VERSION,
    MIGRATIONS,
    migrate,
)

SQLITE_HEADER = b"SQLite format 3\x00"


MIGRATIONS_KNOWN = frozenset(range(1, max(MIGRATIONS) + 1))


def _writable(path: Path) -> bool:
    """Writing needs the file and its folder (the rollback journal lives beside it): tried
    for real, since ``os.access`` on Windows does not see a write-protected stick or ACLs."""
    return can_write_here(path)


def _check_header(path: Path) -> bool:
    """True for an empty file (a new database); raise for anything that is not SQLite."""
    if not path.is_file():
        raise NotOurFileError(Message(say.NOT_A_FILE, path=str(path)))
    size = path.stat().st_size
    if size == 0:
        return True
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotOurFileError(Message(say.NOT_SQLITE, name=path.name))
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

    ``check=False`` leaves out the whole-file ``integrity_check`` (its cost, and why not
    quick_check: docs/architecture.md, "Opening a working file"); the caller then runs
    ``integrity_problem`` afterwards, as the window does in the background. A file that
    needs migrating is always checked first.
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise NotFoundError(Message(say.NO_DATA_FILE, path=str(path)))
        if read_only:
            raise ReadOnlyError(Message(say.MISSING_READ_ONLY, path=str(path)))
        if not path.parent.exists() and str(path.parent):
            raise NotFoundError(Message(say.NO_FOLDER, folder=str(path.parent)))
        return Repository._create(path)
    empty = _check_header(path)
    read_only = read_only or not _writable(path)
    if empty:
        if read_only:
            raise ReadOnlyError(Message(say.EMPTY_READ_ONLY, name=path.name))
        return Repository._create(path)
    # Checked on a read-only connection first: nothing runs on the file, and nothing is
    # written to it, before it is known to be ours, with our schema, and (``check``) sound.
    conn = _checking_connection(path, read_only)
    try:
        version = _inspect(conn, path)
        if version and (check or version < LATEST_VERSION):
            _integrity_check(conn, path)
    except BaseException:
        conn.close()
        raise
    conn.close()
    if version == 0:
        if read_only:
            raise ReadOnlyError(Message(say.EMPTY_DB_READ_ONLY, name=path.name))
        return Repository._create(path)
    if version < LATEST_VERSION and read_only:
        raise ReadOnlyError(Message(say.OLD_READ_ONLY, name=path.name))
    try:
        conn = _connect(path, read_only)
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from exc
    conn.text_factory = TOLERANT_TEXT  # not UTF-8: a problem of its project (rows.screen)
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
                raise DamagedFileError(
                    Message(say.DAMAGED_UNREADABLE, name=path.name, detail=str(exc))
                ) from exc
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
        raise DamagedFileError(
            Message(say.DAMAGED_UNREADABLE, name=path.name, detail=str(exc))
        ) from exc
    if app_id == 0 and version == 0 and objects == 0:
        return 0
    check_identity(app_id, version, path.name)
    if version < 1:
        raise DamagedFileError(Message(say.BAD_VERSION, name=path.name, version=version))
    problem = schema_problem(conn, version, path.name)
    if problem is not None:
        raise problem
    return version


class PlainDatabase:
    """Just enough of sqlite-utils' Database for the migration steps, on a bare connection
    (building the expected schema must not cost importing sqlite-utils at start-up): the
    same ``execute``, ``query`` and ``atomic`` — which rolls back on an error."""

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
        """All of the block or none of it, as sqlite-utils' ``atomic`` (a savepoint)."""
        self.conn.execute("SAVEPOINT expected")
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK TO SAVEPOINT expected")
            self.conn.execute("RELEASE SAVEPOINT expected")
            raise
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
            migrate(PlainDatabase(conn), 0, version)  # type: ignore[arg-type]
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
        return DamagedFileError(Message(say.BAD_VERSION, name=name, version=version))
    try:
        found = _objects(conn)
    except sqlite3.DatabaseError as exc:
        return DamagedFileError(Message(say.DAMAGED_UNREADABLE, name=name, detail=str(exc)))
    expected = expected_objects(version)
    extra = {o for o in found - expected if not _is_autoindex(o, expected)}
    if extra:
        names = {(o[0], o[1]) for o in extra}
        listing = Listing(f"{t} {n}" for t, n in sorted(names)[:5])
        return NotOurFileError(Message(say.FOREIGN_OBJECTS, name=name, listing=listing))
    missing = {o[1] for o in expected - found}
    if missing:
        return DamagedFileError(
            Message(say.MISSING_OBJECTS, name=name, listing=Listing(sorted(missing)))
        )
    return None


def _integrity_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise translate_error(exc, path) from exc
        raise DamagedFileError(Message(say.DAMAGED, name=path.name, detail=str(exc))) from exc
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(Message(say.DAMAGED, name=path.name, detail=str(exc))) from exc
    if result != ["ok"]:
        raise DamagedFileError(Message(say.DAMAGED_CHECK, name=path.name, detail=result[0]))


def integrity_problem(path: str | os.PathLike) -> str | None:
    """Run ``integrity_check`` on connections of its own (safe in a worker thread), without
    holding the file's lock while it reads (``in_pieces``: the clerk's commits do not wait).
    Returns the message for the clerk if the file is damaged; None if it is sound or could
    not be checked just now (locked, gone — other code reports those)."""
    return unlocked_integrity_check(Path(path), _locked_integrity_problem)


def _locked_integrity_problem(path: Path) -> str | None:
    """``integrity_check`` as one statement on a read-only connection (its shared lock held
    throughout)."""
    try:
        conn = _connect(path, read_only=True)
    except sqlite3.Error:
        return None
    try:
        _integrity_check(conn, path)
    except DamagedFileError as exc:
        return exc.args[0]  # the Chinese sentence, a ``Message`` the window can translate
    except StoreError:
        return None
    finally:
        conn.close()
    return None


def screened_problems(path: str | os.PathLike) -> dict[str, str]:
    """``Repository.problems`` of a file without the repository's own connection: the rows
    SQLite can tell are bad, ``{id: problem}``, read on a read-only connection of its own
    (safe in a worker thread; a scan of every row, seconds in a file of 50,000 projects, in
    pieces that the clerk's commits get in between: ``in_pieces``). Empty if the file could
    not be read just now (other code reports that)."""
    try:
        conn = _connect(Path(path), read_only=True)
    except sqlite3.Error:
        return {}
    conn.text_factory = TOLERANT_TEXT  # text not UTF-8 is the problem of its project
    try:
        return screen_in_pieces(conn)
    except (sqlite3.Error, StoreError):
        return {}
    finally:
        conn.close()


def check_identity(app_id: int, version: int, name: str) -> None:
    """Refuse a file that is not ours, or that a newer program version wrote."""
    if app_id != APPLICATION_ID:
        raise NotOurFileError(Message(say.OTHER_PROGRAM, name=name))
    if version > LATEST_VERSION:
        needed = APP_VERSION_FOR_SCHEMA.get(version)
        hint = Message(say.NEWER_HINT_VERSION, needed=needed) if needed else Message(say.NEWER_HINT)
        raise NewerSchemaError(
            Message(say.NEWER, name=name, version=version, latest=LATEST_VERSION, hint=hint),
            version,
        )
