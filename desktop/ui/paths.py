"""Where settings and user data live; resources are found by ``desktop.resources``."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

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


# -- file dialogs ---------------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|]+')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def safe_file_name(name: str, fallback: str = "申报表") -> str:
    """A file name made from a project name that Windows accepts: no ``/ \\ : * ? " < > |``
    nor control characters, no trailing dots or spaces, not a device name (CON, NUL…),
    at most 120 characters."""
    text = _UNSAFE.sub("_", name).strip().rstrip(". ")
    text = text[:120].rstrip(". ")
    if not text:
        return fallback
    if text.split(".")[0].upper() in _RESERVED:
        text = f"_{text}"
    return text


def documents_dir() -> Path:
    """The clerk's Documents folder (the home folder if Qt knows none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def dialog_path(file_name: str = "") -> str:
    """Where a file dialog starts: the folder last used in a file dialog, else Documents —
    never the hidden data folder or the program's folder. With ``file_name`` (made safe),
    the suggested file in it."""
    last = settings().value("last_dir", "", type=str)
    folder = Path(last) if last and Path(last).is_dir() else documents_dir()
    return str(folder / safe_file_name(file_name)) if file_name else str(folder)


def remember_dialog_path(path: str) -> None:
    """Remember the folder of a file the clerk chose, for the next file dialog."""
    if path:
        settings().setValue("last_dir", str(Path(path).parent))


def app_name() -> str:
    """The program's name as the clerk reads it in window and message titles (绩效目标申报;
    translated in English). ``desktop.APP_NAME`` stays the same in every language: folders
    and settings are named by it."""
    return QCoreApplication.translate("App", "绩效目标申报")
