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
from desktop.store.opening import integrity_problem, open_repository, screened_problems
from desktop.store.repository import Repository

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
    "integrity_problem",
    "open_repository",
    "screened_problems",
]
