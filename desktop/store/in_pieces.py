"""The whole-file checks the window runs in the background while the clerk works, made so
that the clerk's commits do not wait for them.

In a rollback journal every read holds the file's shared lock and a commit must wait until
no reader holds it. A check of a file of 50,000 projects reads for seconds: as one statement
it would hold up the clerk's first edits for as long. So:

- the row screen (``rows.screen``) reads in pieces — projects by ranges of rowid, indicators
  by ranges of project id (each project's rows in one piece) — each piece a statement of its
  own of about ``PIECE_SECONDS``, so a commit waits one piece at most and gets in between;
- ``integrity_check`` (one statement, which cannot be cut: its page accounting needs the
  whole file at once) reads the file with no lock at all (``immutable=1``) and counts only
  when no commit happened meanwhile (``PRAGMA data_version`` of a connection that does take
  the lock, asked before and after: then the file did not change while it was read, and the
  check saw what a locked one sees). A commit meanwhile: read again, until the clerk pauses
  for as long as one read takes; only a clerk still committing after ``CHECK_PATIENCE_S``
  (and at least ``CHECK_ATTEMPTS`` reads) waits once for the check run locked, as it used
  to. Damage it finds is confirmed by the locked check before it is reported (and said in
  its words).
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from pathlib import Path

from desktop.store.rows import (
    _TEXT_OF,
    UPPER_BOUND,
    _define_utf8_bad,
    _screen_sql,
    indicator_findings,
)
from desktop.store.safefile import sqlite_uri

#: the aimed length of one piece of the row screen: what a commit waits at most
PIECE_SECONDS = 0.02
#: unlocked integrity checks are tried again while the clerk's commits keep changing the
#: file, at least this many times and for this long; then the check runs locked
CHECK_ATTEMPTS, CHECK_PATIENCE_S = 3, 60.0
#: the first pieces' sizes (projects, indicator rows) and the smallest piece
FIRST_PROJECTS, FIRST_INDICATORS, FEWEST_ROWS = 256, 2048, 8
#: the largest piece, however fast the pieces go (SQLite's LIMIT takes a 64-bit integer)
MOST_ROWS = 1 << 20


class _Pace:
    """How many rows a piece takes: grown or shrunk so a piece lasts about PIECE_SECONDS."""

    def __init__(self, rows: int):
        self.rows = rows
        self.started = time.perf_counter()

    def next(self) -> int:
        now = time.perf_counter()
        took, self.started = max(now - self.started, 1e-4), now
        factor = min(2.0, max(0.25, PIECE_SECONDS / took))
        self.rows = min(MOST_ROWS, max(FEWEST_ROWS, int(self.rows * factor)))
        return self.rows


def screen_in_pieces(conn: sqlite3.Connection) -> dict[str, str]:
    """``rows.screen(conn, whole_file_limit=False)``, the same findings, read in pieces."""
    table_info = conn.execute("PRAGMA table_info(projects)").fetchall()
    icolumns = {r[1] for r in conn.execute("PRAGMA table_info(indicators)")}
    _define_utf8_bad(conn)
    project_sql, checks, indicator_sql = _screen_sql(
        tuple(map(tuple, table_info)), frozenset(icolumns), False, True, True
    )
    said = {m: m for m in checks}
    bad: dict[str, str] = {}
    pace = _Pace(FIRST_PROJECTS)
    first = conn.execute("SELECT min(rowid) FROM projects").fetchall()[0][0]
    while first is not None:  # rowids first … last, then from the next one there is
        ids = conn.execute(
            "SELECT rowid FROM projects WHERE rowid >= ? ORDER BY rowid LIMIT ?",
            [first, pace.rows + 1],
        ).fetchall()
        if not ids:
            break
        last = ids[min(pace.rows, len(ids)) - 1][0]
        for rowid, pid, what in conn.execute(project_sql, [*map(str, checks), first, last]):
            bad.setdefault(pid if isinstance(pid, str) else f"rowid:{rowid}", said.get(what, what))
        first = ids[pace.rows][0] if len(ids) > pace.rows else None
        pace.next()
    # the last piece has no upper bound (the text ids end where the blobs begin)
    to_the_end = indicator_sql.replace(UPPER_BOUND, "")
    pace = _Pace(FIRST_INDICATORS)
    lo: bytes | None = b""  # the smallest text; ids that are not text belong to no project
    while lo is not None:
        hi = _next_bound(conn, lo, pace.rows)
        groups = conn.execute(
            to_the_end if hi is None else indicator_sql, [lo] if hi is None else [lo, hi]
        )
        indicator_findings(groups.fetchall(), bad)
        lo = hi
        pace.next()
    return bad


def _next_bound(conn: sqlite3.Connection, lo: bytes, rows: int) -> bytes | None:
    """The project id (its bytes) about ``rows`` indicator rows after ``lo``, always after
    it; None at the end of the text ids."""
    found = conn.execute(
        f"SELECT CAST(project_id AS BLOB) FROM indicators WHERE project_id >= {_TEXT_OF} "
        "AND project_id < X'' ORDER BY project_id LIMIT 1 OFFSET ?",
        [lo, rows],
    ).fetchall()
    if not found:  # fewer than ``rows`` rows are left: this piece reads to the end
        return None
    if found[0][0] != lo:
        return found[0][0]
    # one project has more rows than a piece: the piece is that project
    found = conn.execute(
        f"SELECT CAST(min(project_id) AS BLOB) FROM indicators WHERE project_id > {_TEXT_OF} "
        "AND project_id < X''",
        [lo],
    ).fetchall()
    return found[0][0]


def unlocked_integrity_check(path: Path, locked_check) -> str | None:
    """``locked_check(path)`` (the message for damage, or None) without holding the file's
    lock while it reads, as the module says."""
    try:
        watcher = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=5)
    except sqlite3.Error:
        return locked_check(path)
    deadline = time.monotonic() + CHECK_PATIENCE_S
    try:
        for attempt in itertools.count(1):
            before = _data_version(watcher)
            sound = _immutable_check(path)
            if before is not None and _data_version(watcher) == before:
                return None if sound else locked_check(path)
            if attempt >= CHECK_ATTEMPTS and time.monotonic() > deadline:
                return locked_check(path)
    finally:
        watcher.close()


def _data_version(conn: sqlite3.Connection) -> int | None:
    """Changes when another connection committed (read under the shared lock: never in the
    middle of a commit's writing)."""
    try:
        return conn.execute("PRAGMA data_version").fetchall()[0][0]
    except sqlite3.Error:
        return None


def _immutable_check(path: Path) -> bool:
    """Whether ``integrity_check`` of the file read without locks says "ok"."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable="1"), uri=True)
    except sqlite3.Error:
        return False
    try:
        return conn.execute("PRAGMA integrity_check(1)").fetchall() == [("ok",)]
    except sqlite3.Error:
        return False  # what the locked check then says
    finally:
        conn.close()
