"""Where settings and user data live; resources are found by ``desktop.resources``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.resources import (  # noqa: F401  (re-exported)
    PORTABLE_MARKER,
    portable_dir,
    resource,
    resource_dir,
    sample_path,
)
from desktop.store.backups import user_data_dir

DEFAULT_DB_NAME = "绩效目标申报.db"


def settings() -> QSettings:
    """The program's settings (INI format everywhere, so tests can redirect them); in
    portable mode the ``portable.ini`` beside the program."""
    portable = portable_dir()
    if portable is not None:
        return QSettings(str(portable / PORTABLE_MARKER), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "jixiao", "jixiao")


def data_dir() -> Path:
    """Where the default database and the backups live: ``JIXIAO_DATA_DIR``, else
    ``data/`` beside the program in portable mode, else the user's data folder (Qt's
    AppDataLocation: ``%APPDATA%\\jixiao\\绩效目标申报`` on Windows)."""
    return user_data_dir()


def default_db_path() -> Path:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DEFAULT_DB_NAME
