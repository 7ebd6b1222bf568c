"""Reading many projects at once (``Repository.all_projects`` and ``projects_to_audit``):
two queries for a chunk of ids — its ``projects`` rows, then all their ``indicators`` rows —
read as plain tuples, instead of two queries a project.

For 审核 of a whole file the indicator rows of a project as our writer leaves them become
columns (``domain.audit_columns``) without an object a row; the project itself is read and
checked as always (``project_from_row`` with no indicator rows), the indicators' checks are
those of the bulk reader (``codec.plain_columns``, each value once) and the project's text
total counts them too. Anything else is left to the caller, which reads that project one by
one (the same project, or the same sentence).
"""

from __future__ import annotations

import contextlib
import sqlite3

from desktop.domain.audit_columns import IndicatorColumns, columns_of_rows
from desktop.domain.codec import MAX_PROJECT_TEXT, text_total
from desktop.domain.model import Project
from desktop.store import duplicates
from desktop.store.rows import BadRowError, fetch_all, plain_row_of, project_from_row


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
    rows, indicators, columns = _read(conn, ids)
    plain = plain_row_of(columns)
    if plain is None:  # a file of an older schema
        return {}
    projects: dict[str, Project] = {}
    for pid, r in rows.items():
        with contextlib.suppress(BadRowError):
            projects[pid] = project_from_row(r, (), columns)
    every: list[tuple] = []
    spans = []
    for pid, project in projects.items():
        start = len(every)
        every += map(plain, indicators[pid])
        spans.append((project.year, start, len(every)))
    out = {}
    for (pid, project), found in zip(projects.items(), columns_of_rows(every, spans), strict=True):
        if found is not None and text_total(project) + found[1] <= MAX_PROJECT_TEXT:
            out[pid] = (project, found[0])
    return out
