"""Errors of the store. ``str(err)`` is a complete sentence for the user (Chinese); when
``err.args[0]`` is a ``messages.Message`` (templates in ``domain/file_text``) a window in
another language says it in its own. ``translate_error`` turns SQLite's complaints into them."""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

from desktop.domain import file_text as say
from desktop.domain.messages import Message


class StoreError(Exception):
    """Base class: the database could not do what was asked; nothing was changed."""


class NotOurFileError(StoreError):
    """The file is not a 绩效目标申报 database (another SQLite file, or not SQLite at all)."""


class NewerSchemaError(StoreError):
    """The file was written by a newer version of the program."""

    def __init__(self, message: str, version: int):
        super().__init__(message)
        self.version = version


class DamagedFileError(StoreError):
    """The file is ours but damaged (integrity check failed or SQLite refused it)."""


class ReadOnlyError(StoreError):
    """A write was asked of a database opened read-only."""


class NotFoundError(StoreError):
    """No project with that id (or the database file does not exist)."""


class ConflictError(StoreError):
    """The project was changed elsewhere since it was loaded; the save was refused."""


class BadProjectError(StoreError):
    """A stored project whose rows cannot be read as they are (wrong types, values out of
    range, broken JSON, too long): that project needs repair, the rest of the file works."""

    def __init__(self, message: str, project_id: str):
        super().__init__(message)
        self.project_id = project_id


class LockedError(StoreError):
    """Another program holds the file (writing to it, or locking it)."""


_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8


_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14


_SQLITE_NOTADB = 26


_SQLITE_IOERR_NOMEM = 3082


def guarded(function):
    """SQLite's complaints in a function of a repository (its first argument, ``self`` or
    ``repo``) as the store's sentences for the clerk (``translate_error`` with its path)."""

    @functools.wraps(function)
    def wrapper(repo, *args, **kwargs):
        try:
            return function(repo, *args, **kwargs)
        except sqlite3.Error as exc:
            raise translate_error(exc, repo.path) from exc

    return wrapper


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
            return LockedError(Message(say.LOCKED, name=name))
        if primary == _SQLITE_FULL:
            return StoreError(Message(say.DISK_FULL, name=name))
        if primary == _SQLITE_READONLY:
            return ReadOnlyError(Message(say.READ_ONLY_FILE, name=name))
        if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and code != _SQLITE_IOERR_NOMEM:
            if _still_there(path):
                return LockedError(Message(say.HELD, name=name))
            return StoreError(Message(say.GONE, name=name))
        if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return DamagedFileError(Message(say.DAMAGED, name=name, detail=str(exc)))
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return LockedError(Message(say.LOCKED, name=name))
    if "full" in text:
        return StoreError(Message(say.DISK_FULL, name=name))
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(Message(say.READ_ONLY_FILE, name=name))
    if "i/o" in text or "unable to open" in text:
        return StoreError(Message(say.GONE, name=name))
    if isinstance(exc, sqlite3.DatabaseError) and "malformed" in text:
        return DamagedFileError(Message(say.DAMAGED, name=name, detail=str(exc)))
    return StoreError(Message(say.FAILED, name=name, detail=str(exc)))


def _still_there(path: Path) -> bool:
    """The database file and its folder can still be seen (the medium is there)."""
    try:
        return path.is_file() and path.parent.is_dir()
    except OSError:
        return False
