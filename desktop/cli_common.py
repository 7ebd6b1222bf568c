"""What every command of the command line shares: exit codes, the one-line error, opening
the database, the projects left out as needing repair (``cli``, ``cli_export`` and
``cli_review`` build on it)."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.store import NotFoundError, Repository, open_repository
from desktop.store.errors import BadProjectError

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


def one_line(text: str) -> str:
    """A refusal is one line (a library's message may span several)."""
    return " ".join(text.split())


def left_out(bad: list, what: str) -> int:
    """Projects whose rows cannot be read are left out of a command and listed (stderr);
    the exit status says so (1)."""
    for exc in bad:
        print(one_line(str(exc)).rstrip("。") + (what or "。"), file=sys.stderr)
    return EXIT_PARTIAL if bad else EXIT_OK


def get_each(repo, ids: list[str], bad: list, missing: str) -> list:
    """The projects named by ``--project``; one that cannot be read goes to ``bad``."""
    out = []
    for pid in ids:
        try:
            out.append(repo.get(pid))
        except BadProjectError as exc:
            bad.append(exc)
        except NotFoundError as exc:
            raise CliError(missing.format(pid)) from exc
    return out
