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

from desktop.domain import file_text
from desktop.domain.messages import Message, Term

T = TypeVar("T")

#: how long a rename over a file another program has open is retried (Windows: Excel/WPS,
#: Acrobat, the search indexer or an antivirus scanner holding the target for a moment)
REPLACE_PATIENCE_S = 1.0
_IN_USE_WINERRORS = {5, 32, 33}  # access denied (open without delete sharing), sharing, lock


_KINDS = (
    (stat.S_ISDIR, Term(file_text.KIND_FOLDER)),
    (stat.S_ISFIFO, Term(file_text.KIND_PIPE)),
    (stat.S_ISCHR, Term(file_text.KIND_DEVICE)),
    (stat.S_ISBLK, Term(file_text.KIND_DEVICE)),
    (stat.S_ISSOCK, Term(file_text.KIND_SOCKET)),
)


def not_regular_file(path: str | os.PathLike) -> str | None:
    """Why ``path`` cannot be read as an input file, or None for a regular file.

    Decided by the file's type after following links (``os.stat``), never by its size: a
    named pipe, a device (``/dev/zero``, a link to one) or a socket stats as size 0 and would
    block forever or never end. A missing file or one that cannot be looked at is left to
    the reader, which says so in its own words."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode):
        return None
    kind = next((k for test, k in _KINDS if test(mode)), Term(file_text.KIND_SPECIAL))
    return Message(file_text.NOT_REGULAR, name=Path(path).name, kind=kind)


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
                    Message(file_text.IN_USE, name=name),
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


#: the longest name written beside a target: ``.<name>.<8 characters>.tmp-journal`` (the
#: temporary file of ``replacing`` and, for a database, SQLite's journal beside it)
SIDE_NAME_EXTRA = len("..12345678.tmp-journal")
# SQLite's Windows file layer takes paths of at most MAX_PATH (260 with its NUL), whatever
# the system's long-path setting: a longer temporary or -journal path fails half way.
WINDOWS_MAX_PATH = 259


def name_limit(folder: Path) -> int:
    """The longest file name the folder's file system takes: bytes on POSIX (255 on ext4,
    FAT32, NTFS through Linux), UTF-16 units on Windows."""
    if os.name == "posix":
        with contextlib.suppress(OSError, ValueError):
            return int(os.pathconf(folder, "PC_NAME_MAX"))
    return 255


def name_length(name: str) -> int:
    if os.name == "nt":
        return len(name.encode("utf-16-le")) // 2
    return len(os.fsencode(name))


def check_name_length(path: Path, extra: int = SIDE_NAME_EXTRA) -> None:
    """Refuse a target whose longest side file (``extra`` more than its name) the file
    system would not take — before anything is written, in the clerk's words; otherwise
    the temporary file or the ``-journal`` fails half way with the system's English."""
    folder = path.parent if str(path.parent) else Path(".")
    limit = name_limit(folder)
    length = name_length(path.name)
    whole = len(os.path.abspath(path)) + extra
    if os.name == "nt" and whole > WINDOWS_MAX_PATH:
        raise OSError(
            errno.ENAMETOOLONG,
            f"文件名“{path.name}”连同文件夹太长（{whole - extra} 个字符，最多"
            f" {WINDOWS_MAX_PATH - extra} 个字符），请用短一些的名字或放到较浅的文件夹中。",
            os.fspath(path),
        )
    if length + extra > limit:
        unit = "个字符" if os.name == "nt" else "字节"
        raise OSError(
            errno.ENAMETOOLONG,
            f"文件名“{path.name}”太长（{length} {unit}，最多 {limit - extra} {unit}），"
            "请用短一些的名字。",
            os.fspath(path),
        )


_SENTENCES = {
    errno.ENOSPC: "磁盘空间不足，无法写入“{name}”，未做任何修改。",
    errno.ENAMETOOLONG: "文件名“{name}”太长，请用短一些的名字。",
    errno.EROFS: "“{name}”所在的磁盘是只读的（例如写保护的 U 盘），无法写入。",
    errno.EACCES: "没有权限读写“{name}”（请换一个文件夹，或检查文件的权限）。",
    errno.EPERM: "没有权限读写“{name}”（请换一个文件夹，或检查文件的权限）。",
    errno.ENOENT: "找不到“{path}”（文件夹是否存在？）。",
    errno.EISDIR: "“{name}”是文件夹，不是文件。",
    errno.ENOTDIR: "“{path}”中有一部分不是文件夹。",
    errno.EFBIG: "“{name}”超出了这个磁盘的单个文件大小上限（例如 FAT32 格式的 U 盘为 4 GB）。",
    errno.EIO: "读写“{name}”时出错（U 盘是否已拔出，或磁盘是否损坏？）。",
    errno.EMFILE: "打开的文件太多，无法读写“{name}”，请关闭一些程序后重试。",
    errno.ENFILE: "打开的文件太多，无法读写“{name}”，请关闭一些程序后重试。",
    errno.EBUSY: "“{name}”正被其他程序使用，请关闭它后重试。",
    errno.EINVAL: "无法读写“{name}”（文件名中是否有系统不允许的字符？）。",
    errno.ELOOP: "“{path}”的链接绕成了圈，无法打开。",
}
if hasattr(errno, "EDQUOT"):
    _SENTENCES[errno.EDQUOT] = "磁盘配额已用完，无法写入“{name}”，未做任何修改。"


def describe_os_error(exc: OSError) -> str:
    """One line in the clerk's language for a failed file operation (the system's own text
    is English or in the system's language, and names no file the clerk chose)."""
    path = os.fspath(exc.filename) if exc.filename is not None else ""
    name = Path(path).name if path else ""
    if isinstance(exc, FileInUseError) or (
        exc.errno == errno.ENAMETOOLONG and exc.strerror and "太长" in exc.strerror
    ):
        return exc.strerror  # already a sentence of ours
    sentence = _SENTENCES.get(exc.errno)
    if sentence is not None:
        text = sentence.format(name=name or "文件", path=path or "文件")
        return text.replace("“文件”", "文件")
    if name:
        return f"无法读写“{name}”（系统错误 {exc.errno}）。"
    return f"文件操作失败（系统错误 {exc.errno}）。"


def _refuse_read_only(path: Path) -> None:
    """A file its owner made read-only is not replaced: Windows refuses to rename over it,
    POSIX would not ask (a rename needs only the folder's permission) — so it is tried
    here, by opening it for writing (which changes nothing), and refused on both alike."""
    if os.name != "posix":
        return
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return  # not a file to keep (a missing one, or what the write itself refuses)
        fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise OSError(exc.errno, exc.strerror, os.fspath(path)) from exc
        return  # anything else is met, and said, by the write itself
    os.close(fd)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[str]:
    """A temporary file beside ``path`` to fill; when the block ends it is synced and renamed
    over ``path`` (and the folder synced), or removed if the block failed. A name whose
    temporary file or journal the file system would not take is refused first."""
    folder = path.parent if str(path.parent) else Path(".")
    check_name_length(path)
    _refuse_read_only(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # a read-only stick, no permission…: said of the target
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from exc
    os.close(fd)
    try:
        _give_usual_mode(tmp, path)
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        replace_patiently(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if exc.filename is None or os.fspath(exc.filename).startswith(tmp):
            # a write to the temporary file (disk full…): the clerk knows the target's name
            raise OSError(exc.errno, exc.strerror, os.fspath(path)) from exc
        raise
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_folder(folder)


def atomic_write(path: str | os.PathLike, write: Callable[[BinaryIO], T]) -> T:
    """Call ``write`` on a temporary file beside ``path``, sync it, rename it into place."""
    with replacing(Path(path)) as tmp, open(tmp, "wb") as fh:
        return write(fh)


#: pages copied a backup step (4 MB of 4 KB pages): the source's shared lock is held for
#: one step, then released, so a commit of another connection (the clerk's edit while the
#: day's backup of a large file runs in the background) waits one step, not the whole copy
BACKUP_STEP_PAGES = 1024


def consistent_copy(conn: sqlite3.Connection, target: str | os.PathLike, progress=None) -> None:
    """Copy an open database with SQLite's backup API into ``target``, atomically, in steps
    of ``BACKUP_STEP_PAGES`` (a write by another connection between steps makes SQLite start
    the copy again, so the copy is always of one state of the file). ``progress(status,
    remaining, total)`` is called after each step."""
    with replacing(Path(target)) as tmp:
        dst = sqlite3.connect(tmp)
        try:
            conn.backup(dst, pages=BACKUP_STEP_PAGES, progress=progress, sleep=0.02)
            dst.execute("PRAGMA journal_mode = DELETE").fetchall()
            dst.commit()
        finally:
            dst.close()
