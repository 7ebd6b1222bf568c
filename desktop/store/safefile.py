"""Writing files so that a crash or a pulled USB stick leaves the old file or the new one,
never half of one: a temporary file in the same folder, flushed to disk, renamed into place,
and the folder synced."""

from __future__ import annotations

import contextlib
import errno
import ntpath
import os
import posixpath
import sqlite3
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar
from urllib.parse import quote

T = TypeVar("T")

#: how long a rename over a file another program has open is retried (Windows: Excel/WPS,
#: Acrobat, the search indexer or an antivirus scanner holding the target for a moment)
REPLACE_PATIENCE_S = 1.0
_IN_USE_WINERRORS = {5, 32, 33}  # access denied (open without delete sharing), sharing, lock


class FileInUseError(PermissionError):
    """A file could not be replaced because another program has it open. ``strerror`` is
    the sentence for the clerk."""


def sqlite_uri(path: str | os.PathLike, *, windows: bool | None = None, **params: str) -> str:
    """A ``file:`` URI SQLite opens for ``path``, with query ``params`` (e.g. ``mode="ro"``).

    The path is made absolute without ``Path.resolve()``: on Windows that turns a mapped
    drive ``Z:\\数据.db`` into ``\\\\server\\share\\数据.db``, whose ``as_uri()`` form
    ``file://server/share/…`` SQLite refuses ("invalid uri authority"). A UNC path becomes
    ``file:////server/share/…`` (an empty authority), a drive path ``file:///Z:/…``."""
    windows = os.name == "nt" if windows is None else windows
    text = os.fspath(path)
    if windows:
        text = ntpath.abspath(text) if os.name == "nt" else ntpath.normpath(text)
        if text.startswith("\\\\?\\UNC\\"):
            text = "\\\\" + text[8:]
        elif text.startswith("\\\\?\\"):
            text = text[4:]
        text = text.replace("\\", "/")
        if not text.startswith("//"):  # a drive: file:///Z:/…; UNC: file:////server/…
            text = "/" + text
    else:
        text = posixpath.abspath(text)
    uri = "file://" + quote(text, safe="/:")
    if params:
        uri += "?" + "&".join(f"{k}={quote(str(v))}" for k, v in params.items())
    return uri


def can_write_here(path: Path) -> bool:
    """Whether the file at ``path`` (which exists) can be written and a file created beside
    it (SQLite's journal) — found out by trying, not with ``os.access``, which on Windows
    looks only at the read-only attribute (not at permissions, nor at a write-protected
    stick). A file another program holds for the moment counts as writable: that is a
    lock, to be waited for, not a read-only file."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        if getattr(exc, "winerror", None) not in (32, 33):  # sharing/lock violation
            return False
    else:
        os.close(fd)
    try:
        fd, probe = tempfile.mkstemp(prefix=".jixiao-", suffix=".tmp", dir=folder)
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return True


def _in_use(exc: OSError) -> bool:
    """Windows refuses to rename over a file another program has open (POSIX never does)."""
    return getattr(exc, "winerror", None) in _IN_USE_WINERRORS


def replace_patiently(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """``os.replace``, retried for about a second while another program has ``target`` open;
    then ``FileInUseError`` asking the clerk to close that program."""
    deadline = time.monotonic() + REPLACE_PATIENCE_S
    delay = 0.05
    while True:
        try:
            os.replace(source, target)
            return
        except OSError as exc:
            if not _in_use(exc):
                raise
            if time.monotonic() >= deadline:
                name = Path(target).name
                raise FileInUseError(
                    exc.errno or errno.EACCES,
                    f"“{name}”正被其他程序使用，无法写入。请关闭正在使用该文件的程序"
                    "（如 Excel、WPS、PDF 阅读器）后重试。",
                    os.fspath(target),
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


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


def _give_usual_mode(tmp: str, path: Path) -> None:
    """mkstemp makes a file only its owner can read: give the new file the mode the file it
    replaces had, or else the mode any new file gets (0666 less the umask)."""
    if os.name != "posix":
        return
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        mode = 0o666 & ~mask
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[str]:
    """A temporary file beside ``path`` to fill; when the block ends it is synced and renamed
    over ``path`` (and the folder synced), or removed if the block failed."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        _give_usual_mode(tmp, path)
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        replace_patiently(tmp, path)
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
