"""The window's 审核 of one project asks whether that project's (year, name) is shared by
another live project with one probe of the (year, name_key) index, not a pass over the whole
file: the answer is the one the whole file's duplicate keys give."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import audit
from desktop.domain.model import Project, new_id

NAMES = ["司法调解", "司法 调解", "法治宣传", "法治宣传（来自普陀）", "", "人民调解"]


@pytest.fixture
def files(tmp_path_factory):
    from desktop.store import open_repository

    opened = []

    def make(projects):
        repo = open_repository(tmp_path_factory.mktemp("keys") / "a.db", backup=False)
        opened.append(repo)
        repo.add(projects)
        return repo

    yield make
    for repo in opened:
        repo.close()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    forms=st.lists(
        st.tuples(st.sampled_from(NAMES), st.sampled_from([2024, 2025]), st.booleans()),
        max_size=8,
    )
)
def test_a_key_is_shared_exactly_when_the_whole_files_keys_say_so(files, forms):
    projects = [Project(id=new_id(), name=n, year=y) for n, y, _ in forms]
    repo = files(projects)
    for p, (_, _, trashed) in zip(projects, forms, strict=True):
        if trashed:
            repo.trash(p.id)
    whole = repo.duplicate_keys()
    for name in NAMES:
        for year in (2024, 2025):
            key = audit.name_key(year, name)
            assert repo.shared_keys([key]) == {key} & whole


def test_the_shared_key_of_one_project_takes_one_statement(files):
    base = Project(name="司法调解", year=2024)
    repo = files([replace(base, id=new_id()) for _ in range(3)] + [Project(name="其他")])
    statements: list[str] = []
    repo.conn.set_trace_callback(statements.append)
    try:
        shared = repo.shared_keys([audit.duplicate_key(base)])
    finally:
        repo.conn.set_trace_callback(None)
    assert shared == {audit.duplicate_key(base)}
    assert len(statements) == 1 and "GROUP BY" not in statements[0]
