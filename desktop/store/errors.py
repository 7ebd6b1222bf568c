"""Errors of the store. ``str(err)`` is a complete sentence for the user (Chinese)."""


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


class LockedError(StoreError):
    """Another program holds the file (writing to it, or locking it)."""
