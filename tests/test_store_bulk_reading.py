"""Whole projects are read in bulk — two statements (projects, indicators) per chunk of
ids, not two per project — and come out exactly as reading them one by one, in the order
asked."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.model import new_id
from desktop.store.rows import screen


def test_reading_every_project_takes_two_statements_a_chunk(repo, sample_result):
    projects = [
        replace(p, id=new_id(), name=f"{p.name}{k}")
        for k in range(50)
        for p in sample_result.projects
    ]
    repo.add(projects)
    ids = [s.id for s in repo.summaries()]
    assert len(ids) > 500  # more than one chunk
    one_by_one = [repo.get(pid) for pid in reversed(ids)]
    statements: list[str] = []
    repo.conn.set_trace_callback(statements.append)
    try:
        bulk = list(repo.all_projects(list(reversed(ids))))
    finally:
        repo.conn.set_trace_callback(None)
    assert bulk == one_by_one
    chunks = -(-len(ids) // 500)
    # one screening pass of the whole file by SQLite (what it can tell is bad), then two
    # statements a chunk: nothing a project
    screening: list[str] = []
    repo.conn.set_trace_callback(screening.append)
    try:
        screen(repo.conn, whole_file_limit=False)
    finally:
        repo.conn.set_trace_callback(None)
    assert len(statements) == len(screening) + 2 * chunks
    assert len(screening) <= 5  # two PRAGMAs, whether UTF8_BAD is defined, two screens
