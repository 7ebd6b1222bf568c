"""What every command of the command line shares: exit codes, the one-line error, opening
the database (``cli`` and ``cli_review`` both build on it)."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.store import Repository, open_repository

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


class CliError(Exception):
    """Stops a command with a one-line message and exit status 2."""


def open_db(db: str, *, create: bool = False) -> Repository:
    """Open the database; only commands that add data (``create``: import, merge) make a
    new one (and say so) — a mistyped name must not become an empty database."""
    existed = Path(db).exists()
    if not existed and not create:
        raise CliError(
            f"找不到数据文件“{db}”。请检查文件名；要新建数据文件，请先用 import 或 merge 导入项目。"
        )
    repo = open_repository(db, create=create)
    if not existed:
        print(f"已新建数据文件“{db}”。", file=sys.stderr)
    return repo
