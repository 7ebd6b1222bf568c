"""Reading many projects at once (``Repository.all_projects`` and ``projects_to_audit``):
two queries for a chunk of ids — its ``projects`` rows, then all their ``indicators`` rows —
read as plain tuples, instead of two queries a project.

For 审核 of a whole file the indicator rows of a project as our writer leaves them become
columns (``domain.audit_columns``) without an object a row; the project itself is read and
checked as always (``project_from_row`` with no indicator rows), the indicators' checks are
those of the bulk reader (``codec_plain.plain_columns``, each value once) and the project's text
total counts them too. Anything else is left to the caller, which reads that project one by
one (the same project, or the same sentence).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections import Counter

from desktop.domain.audit_columns import IndicatorColumns, columns_of_rows
from desktop.domain.codec import MAX_PROJECT_TEXT, text_total
from desktop.domain.model import Project
from desktop.store import duplicates
from desktop.store.rows import PLAIN_COLUMNS, BadRowError, fetch_all, project_from_row


def _read(conn: sqlite3.Connection, ids: list[str]) -> tuple[dict, dict, tuple[str, ...]]:
    """({id: projects row as a dict}, {id: [its indicator rows as tuples, in order]}, the
    indicator columns); ``BadRowError`` when a row's stored duplicate key is damaged (then
    read one by one: ``get`` names it)."""
    marks = ", ".join("?" for _ in ids)
    keys, found = fetch_all(conn, f"SELECT * FROM projects WHERE id IN ({marks})", ids)
    rows = {r["id"]: r for r in (dict(zip(keys, t, strict=True)) for t in found)}
    indicators: dict[str, list] = {pid: [] for pid in rows}
    columns, found = fetch_all(  # plain tuples: read by position
        conn,
        f"SELECT * FROM indicators WHERE project_id IN ({marks}) ORDER BY project_id, position",
        ids,
    )
    at = columns.index("project_id")
    for i in found:
        indicators[i[at]].append(i)
    if any(duplicates.key_problem(r) for r in rows.values()):
        raise BadRowError("查重键已损坏")
    return rows, indicators, columns


def load_projects(conn: sqlite3.Connection, ids: list[str]) -> dict[str, Project]:
    """The projects of these ids (``BadRowError``: read them one by one)."""
    rows, indicators, columns = _read(conn, ids)
    return {pid: project_from_row(r, indicators[pid], columns) for pid, r in rows.items()}


def load_for_audit(
    conn: sqlite3.Connection, ids: list[str]
) -> dict[str, tuple[Project, IndicatorColumns]]:
    """(project without its indicators, its indicators as columns) of each of these ids
    whose rows are as our writer leaves them; the others are missing (read them one by one).
    ``BadRowError``: read them all one by one."""
    marks = ", ".join("?" for _ in ids)
    keys, found = fetch_all(conn, f"SELECT * FROM projects WHERE id IN ({marks})", ids)
    projects: dict[str, Project] = {}
    for row in found:
        r = dict(zip(keys, row, strict=True))
        if duplicates.key_problem(r):
            raise BadRowError("查重键已损坏")  # read one by one: ``get`` names it
        with contextlib.suppress(BadRowError):
            projects[r["id"]] = project_from_row(r, ())
    try:  # the plain columns, in their order, and the project's id
        _, found = fetch_all(conn, _PLAIN_SQL.format(marks=marks), ids)
    except sqlite3.OperationalError:  # a file of an older schema: read one by one
        return {}
    columns = list(zip(*found, strict=True)) or [() for _ in range(len(PLAIN_COLUMNS) + 1)]
    where, start = {}, 0
    for pid, n in Counter(columns.pop()).items():  # each project's rows are together
        where[pid] = (start, start + n)
        start += n
    spans = [(p.year, *where.get(pid, (0, 0))) for pid, p in projects.items()]
    out = {}
    for (pid, project), found_columns in zip(
        projects.items(), columns_of_rows(columns, spans), strict=True
    ):
        if found_columns is None:
            continue
        rows, size = found_columns
        if text_total(project) + size <= MAX_PROJECT_TEXT:
            out[pid] = (project, rows)
    return out


_PLAIN_SQL = (
    f"SELECT {', '.join(PLAIN_COLUMNS)}, project_id FROM indicators "
    "WHERE project_id IN ({marks}) ORDER BY project_id, position"
)
