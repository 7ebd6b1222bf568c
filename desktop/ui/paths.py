"""Where settings and user data live; resources are found by ``desktop.resources``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from desktop.resources import resource, resource_dir, sample_path  # noqa: F401  (re-exported)

DEFAULT_DB_NAME = "绩效目标申报.db"


def settings() -> QSettings:
    """The program's settings (INI format everywhere, so tests can redirect them)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "jixiao", "jixiao")


def default_db_path() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DEFAULT_DB_NAME
