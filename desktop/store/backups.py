"""Automatic backups: a consistent copy (SQLite backup API) before every migration and every
merge, and once a day on open, in a backups folder of the user's data. Thinned: every backup
of the last two days is kept (so the copy made before this morning's merge is still there),
then the newest of each of the last 7 days with backups, then of each of 4 weeks before."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop.domain import file_text
from desktop.domain.messages import Message
from desktop.store.errors import DamagedFileError, StoreError
from desktop.store.safefile import consistent_copy, replacing, sqlite_uri

KEEP_DAYS = 7
KEEP_WEEKS = 4
_NAME = re.compile(r"^(\d{8}-\d{6})-(\w+)\.db$")
REASONS = {
    "daily": "每日备份",
    "merge": "合并前",
    "migrate": "升级前",
    "restore": "恢复前",
    "manual": "手动",
}


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str

    @property
    def label(self) -> str:
        return REASONS.get(self.reason, self.reason)


_WINDOWS = os.name == "nt"
FILE_ID_KEY = "file_id"  # meta row: the file's own id, which names its backups folder


def user_data_dir() -> Path:
    """Where the program keeps its data (Qt's AppLocalDataLocation for organisation "jixiao",
    application "绩效目标申报"), or ``JIXIAO_DATA_DIR``. On Windows that is the *local*
    ``%LOCALAPPDATA%``: a database and a dozen backups do not belong in the roaming profile,
    which domain PCs copy over the network at every log-on (or redirect to a server)."""
    override = os.environ.get("JIXIAO_DATA_DIR")
    if override:
        return Path(override)
    from desktop.resources import portable_dir

    portable = portable_dir()
    if portable is not None:
        return portable / "data"
    if _WINDOWS:
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "jixiao" / "绩效目标申报"


def file_id(source: sqlite3.Connection | str | os.PathLike) -> str | None:
    """The id stored in a database file (an open connection, or a path read read-only);
    None when it has none (an older file) or cannot be read just now."""
    try:
        if isinstance(source, sqlite3.Connection):
            row = source.execute("SELECT value FROM meta WHERE key = ?", [FILE_ID_KEY]).fetchone()
        else:
            if not Path(source).is_file():
                return None
            conn = sqlite3.connect(sqlite_uri(source, mode="ro"), uri=True, timeout=1)
            try:
                row = conn.execute("SELECT value FROM meta WHERE key = ?", [FILE_ID_KEY]).fetchone()
            finally:
                conn.close()
    except (sqlite3.Error, OSError):
        return None
    return str(row[0]) if row and row[0] else None


def backup_dir(
    db_path: str | os.PathLike, root: Path | None = None, *, key: str | None = None
) -> Path:
    """The backups of one database: a folder named after the file and keyed by the id
    stored in it (``key``, else read from the file), so the same stick seen as E: one day
    and F: the next keeps its backups. A file without an id: keyed by its full path."""
    base = (root or user_data_dir()) / "backups"
    key = key or file_id(db_path)
    if not key:
        return _path_keyed_dir(db_path, base)
    tag = re.sub(r"[^0-9a-f]", "", key.lower())[:12] or hashlib.sha1(key.encode()).hexdigest()[:12]
    if base.is_dir():
        for folder in sorted(base.glob(f"*-{tag}")):
            if folder.is_dir():
                return folder  # the file was renamed since: keep its folder
    return base / f"{Path(db_path).stem}-{tag}"


def _path_keyed_dir(db_path: str | os.PathLike, base: Path) -> Path:
    """Folders of files without an id (and of backups taken before ids): per full path,
    made absolute without ``resolve()`` (which turns a mapped drive into a UNC path)."""
    absolute = os.path.abspath(db_path)
    tag = hashlib.sha1(absolute.encode("utf-8")).hexdigest()[:8]
    return base / f"{Path(absolute).stem}-{tag}"


def take(
    conn: sqlite3.Connection,
    db_path: str | os.PathLike,
    reason: str,
    root: Path | None = None,
    now: datetime | None = None,
) -> Path:
    """Copy the open database consistently into its backups folder; returns the file."""
    folder = backup_dir(db_path, root, key=file_id(conn))
    folder.mkdir(parents=True, exist_ok=True)
    now = now or datetime.now()
    target = folder / f"{now:%Y%m%d-%H%M%S}-{reason}.db"
    n = 1
    while target.exists():
        target = folder / f"{now:%Y%m%d-%H%M%S}-{reason}{n}.db"
        n += 1
    # Each writer checks its own copy: two programs backing up in the same second (two
    # merges at once) must not rename each other's copy away.
    checking = folder / f".checking-{os.getpid()}-{os.urandom(4).hex()}-{target.name}"
    try:
        consistent_copy(conn, checking)
        problem = copy_problem(checking, rows=reason == "daily")
        if problem is not None:  # never a damaged copy: it would push out good backups
            raise DamagedFileError(
                Message(file_text.NO_BACKUP, name=Path(db_path).name, problem=problem)
            )
        os.replace(checking, target)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(Message(file_text.CANNOT_BACK_UP, detail=str(exc))) from exc
    finally:
        with contextlib.suppress(OSError):
            checking.unlink()
    with contextlib.suppress(OSError):  # thinning is housekeeping: never fails a backup
        thin(folder, now)
    return target


def copy_problem(path: Path, *, rows: bool = True) -> str | None:
    """What is wrong with a backup copy before it is kept: ``integrity_check`` (a stale
    index, swapped root pages — what quick_check misses) and, with ``rows``, the rows
    SQLite can tell are bad (``rows.screen``: a file cut short loses a JSON column's end).
    The daily backup checks both; a backup taken before a merge or a migration is the
    state just before that change, so only damage refuses it."""
    from desktop.store.rows import screen

    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if result != ["ok"]:
            return Message(file_text.BACKUP_COPY_DAMAGED, detail=result[0])
        if rows:
            bad = screen(conn, whole_file_limit=False)
            if bad:
                return Message(file_text.BACKUP_COPY_ROWS, count=len(bad))
    except sqlite3.DatabaseError as exc:
        return Message(file_text.BACKUP_COPY_DAMAGED, detail=str(exc))
    finally:
        conn.close()
    return None


def take_file(db_path: str | os.PathLike, reason: str, root: Path | None = None) -> Path:
    """Back up a database file that is not open yet (before a migration)."""
    try:
        conn = sqlite3.connect(sqlite_uri(db_path, mode="ro"), uri=True)
    except sqlite3.Error as exc:
        raise StoreError(Message(file_text.CANNOT_BACK_UP, detail=str(exc))) from exc
    try:
        return take(conn, db_path, reason, root)
    finally:
        conn.close()


def list_backups(db_path: str | os.PathLike, root: Path | None = None) -> list[Backup]:
    """The file's backups, newest first (those keyed by its id, and any kept per path)."""
    base = (root or user_data_dir()) / "backups"
    folders = {backup_dir(db_path, root), _path_keyed_dir(db_path, base)}
    out = []
    for folder in folders:
        with contextlib.suppress(OSError):
            for f in folder.iterdir():
                m = _NAME.match(f.name)
                if m:
                    taken = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
                    out.append(Backup(f, taken, re.sub(r"\d+$", "", m.group(2))))
    return sorted(out, key=lambda b: (b.taken, b.path.name), reverse=True)


def taken_today(
    db_path: str | os.PathLike, root: Path | None = None, now: datetime | None = None
) -> bool:
    today = (now or datetime.now()).date()
    return any(b.taken.date() == today for b in list_backups(db_path, root))


def thin(folder: Path, now: datetime | None = None) -> list[Path]:
    """Keep every backup of the last two days, the newest of each of the last 7 days with
    backups, and of each of the 4 weeks before them; delete the rest. Returns the deleted."""
    now = now or datetime.now()
    recent = now - timedelta(days=2)
    backups = sorted(
        (
            (datetime.strptime(m.group(1), "%Y%m%d-%H%M%S"), f)
            for f in folder.iterdir()
            if (m := _NAME.match(f.name))
        ),
        reverse=True,
    )
    keep: set[Path] = set()
    days: list = []
    weeks: list = []
    for taken, f in backups:
        day = taken.date()
        if taken >= recent:
            keep.add(f)
        if day in days:
            continue
        if len(days) < KEEP_DAYS:
            days.append(day)
            keep.add(f)
            continue
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKS:
            weeks.append(week)
            keep.add(f)
    deleted = []
    for _, f in backups:
        if f not in keep:
            try:  # best effort: a backup another program holds (a scanner) goes next time
                f.unlink(missing_ok=True)
            except OSError:
                continue
            deleted.append(f)
    return deleted


def restore(backup: Backup, db_path: str | os.PathLike) -> None:
    """Put a backup in place of a (closed) database: copied beside it, synced, renamed."""
    db_path = Path(db_path)
    try:
        conn = sqlite3.connect(sqlite_uri(backup.path, mode="ro"), uri=True)
        try:
            sound = conn.execute("PRAGMA integrity_check(1)").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(
            Message(file_text.CANNOT_READ_BACKUP, name=backup.path.name, detail=str(exc))
        ) from exc
    if not sound:
        raise StoreError(Message(file_text.BACKUP_DAMAGED, name=backup.path.name))
    try:
        with replacing(db_path) as tmp:
            shutil.copyfile(backup.path, tmp)
            # A journal left beside the old file would be played back onto the new one.
            for side in ("-journal", "-wal", "-shm"):
                Path(f"{db_path}{side}").unlink(missing_ok=True)
    except OSError as exc:
        raise StoreError(Message(file_text.CANNOT_RESTORE, detail=str(exc))) from exc
