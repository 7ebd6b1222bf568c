"""Automatic backups: a consistent copy (SQLite backup API) before every migration and every
merge, and once a day on open, in a backups folder of the user's data. Thinned: every backup
of the last two days is kept (so the copy made before this morning's merge is still there),
then the newest of each of the last 7 days with backups, then of each of 4 weeks before."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop.store.errors import StoreError
from desktop.store.safefile import consistent_copy, replacing

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


def user_data_dir() -> Path:
    """Where the program keeps its data (the same place as Qt's AppDataLocation for
    organisation "jixiao", application "绩效目标申报"), or ``JIXIAO_DATA_DIR``."""
    override = os.environ.get("JIXIAO_DATA_DIR")
    if override:
        return Path(override)
    from desktop.resources import portable_dir

    portable = portable_dir()
    if portable is not None:
        return portable / "data"
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "jixiao" / "绩效目标申报"


def backup_dir(db_path: str | os.PathLike, root: Path | None = None) -> Path:
    """The backups of one database: named after the file, kept apart per full path."""
    db_path = Path(db_path).resolve()
    tag = hashlib.sha1(str(db_path).encode("utf-8")).hexdigest()[:8]
    return (root or user_data_dir()) / "backups" / f"{db_path.stem}-{tag}"


def take(
    conn: sqlite3.Connection,
    db_path: str | os.PathLike,
    reason: str,
    root: Path | None = None,
    now: datetime | None = None,
) -> Path:
    """Copy the open database consistently into its backups folder; returns the file."""
    folder = backup_dir(db_path, root)
    folder.mkdir(parents=True, exist_ok=True)
    now = now or datetime.now()
    target = folder / f"{now:%Y%m%d-%H%M%S}-{reason}.db"
    n = 1
    while target.exists():
        target = folder / f"{now:%Y%m%d-%H%M%S}-{reason}{n}.db"
        n += 1
    try:
        consistent_copy(conn, target)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"无法创建备份：{exc}") from exc
    thin(folder, now)
    return target


def take_file(db_path: str | os.PathLike, reason: str, root: Path | None = None) -> Path:
    """Back up a database file that is not open yet (before a migration)."""
    conn = sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return take(conn, db_path, reason, root)
    finally:
        conn.close()


def list_backups(db_path: str | os.PathLike, root: Path | None = None) -> list[Backup]:
    folder = backup_dir(db_path, root)
    out = []
    if folder.is_dir():
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
            f.unlink(missing_ok=True)
            deleted.append(f)
    return deleted


def restore(backup: Backup, db_path: str | os.PathLike) -> None:
    """Put a backup in place of a (closed) database: copied beside it, synced, renamed."""
    db_path = Path(db_path)
    conn = sqlite3.connect(Path(backup.path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise StoreError(f"备份“{backup.path.name}”已损坏，未恢复。")
    finally:
        conn.close()
    try:
        with replacing(db_path) as tmp:
            shutil.copyfile(backup.path, tmp)
            # A journal left beside the old file would be played back onto the new one.
            for side in ("-journal", "-wal", "-shm"):
                Path(f"{db_path}{side}").unlink(missing_ok=True)
    except OSError as exc:
        raise StoreError(f"无法恢复备份：{exc}") from exc
