"""The project list's rows, read without loading whole projects."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from operator import attrgetter

from desktop.domain.model import ProjectSummary
from desktop.store.errors import translate_error

# Text columns are cut in SQL: a forged row with a 200 MB name must not be loaded to be
# listed (a longer value is a bad row anyway, see rows.screen).
SUMMARY_COLUMNS = (
    "id, year, substr(name, 1, 2001), substr(nature, 1, 2001), substr(category, 1, 2001), "
    "substr(department, 1, 2001), substr(implementing_unit, 1, 2001), funds_total, "
    "annual_total, indicator_count, review_count, substr(updated_at, 1, 100), revision, "
    "substr(deleted_at, 1, 100), substr(search_text, 1, 1000000), "
    "audit_status, audit_errors, audit_warnings"
)
# ProjectSummary's fields by type, for rows a forger or a fault left wrong
_SUMMARY_TYPES = (str, int, str, str, str, str, str, int, int, int, int, str, int, None, str)


def summary_of(row: tuple) -> ProjectSummary:
    """A list row; values of the wrong type are shown as placeholders (the project is listed
    as needing repair by ``Repository.problems``)."""
    if type(row[0]) is str and not row[0].isascii():  # an id is a UUID: ASCII, or bad
        return _placeholder(row)
    for value, kind in zip(row, _SUMMARY_TYPES, strict=False):
        if kind is not None and (type(value) is not kind):
            return _placeholder(row)
    if row[13] is not None and type(row[13]) is not str:
        return _placeholder(row)
    return ProjectSummary(*row)


def _placeholder(row: tuple) -> ProjectSummary:
    def text(v) -> str:
        return v if type(v) is str else ""

    def number(v) -> int:
        return v if type(v) is int and abs(v) < 10**17 else 0

    if type(row[0]) is str and row[0].isascii():
        pid = row[0]
    else:  # shown, and asked for, as text SQLite can take (no lone surrogates)
        shown = str(row[0])[:40].encode("utf-8", "replace").decode("utf-8")
        pid = f"（编号无效：{shown}）"
    return ProjectSummary(
        pid,
        number(row[1]),
        text(row[2]) or "（数据有误）",
        *(text(v) for v in row[3:7]),
        number(row[7]),
        number(row[8]),
        number(row[9]),
        number(row[10]),
        text(row[11]),
        number(row[12]),
        row[13] if row[13] is None else text(row[13]),
        text(row[14]),
        2,  # shown as 审核 错误 until repaired
        0,
        0,
    )


def refused(repo) -> dict[str, str]:
    """Projects a read (``Repository.get``) found bad since the file last changed,
    ``{id: problem}``: with ``screened_problems`` of the file, what ``problems`` says."""
    return dict(repo._refused)


def list_order(row: ProjectSummary) -> tuple:
    """The list's order (``Repository.summaries``): year descending, then name, then id."""
    return (-row.year, row.name, row.id)


def _one(repo, sql: str, params: list) -> tuple:
    try:
        return repo.conn.execute(sql, params).fetchone()
    except sqlite3.Error as exc:
        raise translate_error(exc, repo.path) from exc


def first_summaries(repo, limit: int) -> list[ProjectSummary]:
    """The first ``limit`` live list rows in the list's order, read year by year through
    the (year, name) index: milliseconds in a file of any size, where reading every row
    takes a second at 50,000 projects. (A row with a wrong year may sort differently here:
    ``summaries_stepwise`` ends with the whole list, which the caller compares.)"""
    rows: list[ProjectSummary] = []
    year = None
    while len(rows) < limit:
        below = "" if year is None else " WHERE year < ?"
        (year,) = _one(repo, f"SELECT max(year) FROM projects{below}", [year][: year is not None])
        if year is None:
            break
        rows += repo._summaries(
            f"SELECT {SUMMARY_COLUMNS} FROM projects WHERE year = ? AND deleted_at IS NULL "
            "ORDER BY name, id LIMIT ?",
            [year, limit - len(rows)],
        )
    return rows


def summaries_stepwise(repo, step: int) -> Iterator[list[ProjectSummary] | None]:
    """Every live list row, read ``step`` rows of the file at a time (by rowid, without a
    lock held between steps): yields None after each step and, last, the whole list as
    ``Repository.summaries`` gives it — read again whole if the file changed meanwhile.
    A step that cannot read (the file busy or closed) raises ``StoreError``."""
    try:
        stamp = repo._stamp()
        (top,) = repo.conn.execute("SELECT max(rowid) FROM projects").fetchone()
    except sqlite3.Error as exc:
        raise translate_error(exc, repo.path) from exc
    rows: list[ProjectSummary] = []
    for low in range(0, top or 0, step):
        rows += repo._summaries(
            f"SELECT {SUMMARY_COLUMNS} FROM projects NOT INDEXED "
            "WHERE rowid > ? AND rowid <= ? AND deleted_at IS NULL",
            [low, low + step],
        )
        yield None
    try:
        changed = repo._stamp() != stamp
    except sqlite3.Error as exc:
        raise translate_error(exc, repo.path) from exc
    if changed:
        yield repo.summaries()
        return
    rows.sort(key=list_order)
    repo._cached(("live rows",), lambda: [rows])  # for the suggestion lists, as summaries()
    yield rows


def used_values(repo, columns: tuple[str, ...]) -> dict[str, list[str]]:
    """The values of text ``columns`` over the live projects, most used first. Counted
    from the list rows ``summaries()`` keeps when the window has read them; else read
    alone (a fifth of the time of reading the list rows: the window shows its first
    project before the whole list is read)."""
    kept = repo._cache.get(("live rows",))  # dropped by _cached if the file changed
    if kept:
        values = [list(map(attrgetter(c), kept[0])) for c in columns]
    else:
        try:
            rows = repo.conn.execute(
                f"SELECT {', '.join(columns)} FROM projects NOT INDEXED WHERE deleted_at IS NULL"
            ).fetchall()
        except sqlite3.Error as exc:
            raise translate_error(exc, repo.path) from exc
        values = list(zip(*rows, strict=True)) if rows else [[] for _ in columns]
    result = {}
    for column, column_values in zip(columns, values, strict=True):
        n = Counter(column_values)  # counted in C: 10× faster than a loop in Python
        for value in [v for v in n if type(v) is not str or not v]:  # (a forged row)
            del n[value]
        result[column] = [v for v, _ in sorted(n.items(), key=lambda kv: (-kv[1], kv[0]))]
    return result
