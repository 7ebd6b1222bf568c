"""``error.log`` in the user's data folder, through ``logging``: errors nobody caught, with
their traceback, in a file that rotates (at most 1 MB and three older files), so a program
that runs for years never fills the disk with it."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.ui.paths import data_dir

LOGGER = "jixiao"
MAX_BYTES = 1024 * 1024
BACKUPS = 3


def error_log_path() -> Path:
    return data_dir() / "error.log"


def error_logger() -> logging.Logger:
    """The program's logger, writing errors to ``error_log_path()`` (made or moved to it
    when the data folder changed)."""
    from logging.handlers import RotatingFileHandler  # (not needed before an error)

    logger = logging.getLogger(LOGGER)
    path = error_log_path()
    for handler in list(logger.handlers):
        if isinstance(handler, RotatingFileHandler):
            if Path(handler.baseFilename) == path.absolute():
                return logger
            logger.removeHandler(handler)
            handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("--- %(asctime)s %(levelname)s\n%(message)s\n"))
    handler.setLevel(logging.WARNING)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger
