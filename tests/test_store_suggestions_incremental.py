"""An edit costs the edit: the suggestion lists (the text fields' values, indicator names,
units) stay as they are after a save that cannot change them — asking for them again runs
no query — and are read again, right, after an edit of what they list."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.model import new_id


def statements(repo, work) -> list[str]:
    seen: list[str] = []
    repo.conn.set_trace_callback(seen.append)
    try:
        work()
    finally:
        repo.conn.set_trace_callback(None)
    return seen


def ask_all(repo) -> tuple:
    return (
        [repo.distinct_values(c) for c in ("department", "implementing_unit")],
        repo.indicator_names(),
        repo.units(),
    )


def reads(sql_list: list[str]) -> list[str]:
    return [s for s in sql_list if s.lstrip().upper().startswith("SELECT") and "PRAGMA" not in s]


def test_a_goal_edit_keeps_every_suggestion_list_without_a_query(repo, sample_result):
    repo.add([replace(p, id=new_id()) for p in sample_result.projects])
    lists = ask_all(repo)
    p = repo.get(repo.summaries()[0].id)
    repo.save(p.with_changes(goal_annual=p.goal_annual + "（修改）"))
    seen = statements(repo, lambda: ask_all(repo))
    assert reads(seen) == []
    assert ask_all(repo) == lists


def test_an_edit_of_what_a_list_shows_reads_that_list_again(repo, sample_result):
    repo.add([replace(p, id=new_id()) for p in sample_result.projects])
    ask_all(repo)
    p = repo.get(repo.summaries()[0].id)
    repo.save(p.with_changes(implementing_unit="新的实施单位"))
    units = ask_all(repo)[0]
    assert "新的实施单位" in units[1]
    seen = statements(repo, lambda: ask_all(repo))
    assert reads(seen) == []  # read once, then kept again
    first = p.indicators[0]
    renamed = replace(first, name="全新的三级指标")
    q = repo.get(p.id)
    repo.save(q.with_changes(indicators=(renamed, *q.indicators[1:])))
    assert "全新的三级指标" in repo.indicator_names()
    assert ask_all(repo)[0] == units  # the text fields' lists were kept


def test_another_programs_change_is_seen(repo, sample_result, tmp_path):
    from desktop.store import open_repository

    repo.add([replace(p, id=new_id()) for p in sample_result.projects])
    ask_all(repo)
    with open_repository(repo.path) as other:
        p = other.get(other.summaries()[0].id)
        other.save(p.with_changes(department="别处写的主管部门"))
    assert "别处写的主管部门" in repo.distinct_values("department")
