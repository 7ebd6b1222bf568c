"""Set-based look-ups for planning imports and merges: one indexed query per chunk of the
incoming ids, hashes or (year, name) pairs, so that planning costs what arrives, never a
pass over every stored project (a reviewer's file holds tens of thousands)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from desktop.domain.model import Project
from desktop.store.errors import translate_error
from desktop.store.repository import Repository

CHUNK = 500  # within SQLite's limit of variables per statement


def in_chunks(values: Sequence, size: int = CHUNK) -> Iterator[tuple[list, str]]:
    """``(chunk, "?, ?, …")`` pairs for ``WHERE x IN (…)``."""
    for start in range(0, len(values), size):
        chunk = list(values[start : start + size])
        yield chunk, ", ".join("?" for _ in chunk)


def existing_ids(repo: Repository, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` name a stored project (in the trash too)."""
    wanted = list(dict.fromkeys(ids))
    found: set[str] = set()
    try:
        for chunk, marks in in_chunks(wanted):
            sql = f"SELECT id FROM projects WHERE id IN ({marks})"
            found.update(r[0] for r in repo.conn.execute(sql, chunk))
    except sqlite3.Error as exc:
        raise translate_error(exc, repo.path) from exc
    return found


def same_content(repo: Repository, projects: Sequence[Project]) -> dict[int, str]:
    """For each project (by its position in ``projects``) whose content (everything but
    identity, times and trash state) a live stored project matches exactly: that id.

    Candidates are found through the (year, name) index, one probe a distinct pair, and
    compared by content (a stored hash would not do: it also covers the indicators' ids,
    which every import makes anew)."""
    wanted: dict[tuple[int, str], list[int]] = {}
    for n, p in enumerate(projects):
        wanted.setdefault((p.year, p.name), []).append(n)
    out: dict[int, str] = {}
    for stored_id, year, name in live_by_year_name(repo, list(wanted)):
        waiting = [n for n in wanted[(year, name)] if n not in out]
        if not waiting:
            continue
        content = repo.get(stored_id).content()
        for n in waiting:
            if projects[n].content() == content:
                out[n] = stored_id
    return out


def live_by_year_name(repo: Repository, pairs: Iterable[tuple[int, str]]) -> Iterator[tuple]:
    """``(id, year, name)`` of the live stored projects with one of these (year, name)
    pairs, in storage order (the (year, name) index: one probe a pair)."""
    try:
        for year, name in dict.fromkeys(pairs):
            yield from repo.conn.execute(
                "SELECT id, year, name FROM projects WHERE year = ? AND name = ? "
                "AND +deleted_at IS NULL ORDER BY rowid",
                [year, name],
            )
    except sqlite3.Error as exc:
        raise translate_error(exc, repo.path) from exc
