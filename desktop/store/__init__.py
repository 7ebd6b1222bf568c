"""SQLite storage: schema and migrations, the repository, file safety. No Qt."""

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
from desktop.store.repository import Repository, open_repository

__all__ = [
    "ConflictError",
    "DamagedFileError",
    "LockedError",
    "NewerSchemaError",
    "NotFoundError",
    "NotOurFileError",
    "ReadOnlyError",
    "Repository",
    "StoreError",
    "open_repository",
]
