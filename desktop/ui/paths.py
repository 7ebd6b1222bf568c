"""Where resources and user data live (source tree, installed, or frozen by PyInstaller)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

DEFAULT_DB_NAME = "绩效目标申报.db"


def resource_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, inside the bundle when
    frozen, or where ``JIXIAO_RESOURCES`` points."""
    override = os.environ.get("JIXIAO_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def sample_path() -> Path:
    return resource("samples", "2024-putuo-justice-bureau.txt")


def settings() -> QSettings:
    """The program's settings (INI format everywhere, so tests can redirect them)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "jixiao", "jixiao")


def default_db_path() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DEFAULT_DB_NAME
