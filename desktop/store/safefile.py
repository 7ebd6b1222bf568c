"""Writing files so that a crash or a pulled USB stick leaves the old file or the new one,
never half of one: a temporary file in the same folder, flushed to disk, renamed into place,
and the folder synced."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no folder handles for this)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[str]:
    """A temporary file beside ``path`` to fill; when the block ends it is synced and renamed
    over ``path`` (and the folder synced), or removed if the block failed."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_folder(folder)


def atomic_write(path: str | os.PathLike, write: Callable[[BinaryIO], T]) -> T:
    """Call ``write`` on a temporary file beside ``path``, sync it, rename it into place."""
    with replacing(Path(path)) as tmp, open(tmp, "wb") as fh:
        return write(fh)


def consistent_copy(conn: sqlite3.Connection, target: str | os.PathLike) -> None:
    """Copy an open database with SQLite's backup API into ``target``, atomically."""
    with replacing(Path(target)) as tmp:
        dst = sqlite3.connect(tmp)
        try:
            conn.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE").fetchall()
            dst.commit()
        finally:
            dst.close()
