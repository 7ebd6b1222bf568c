"""Planning an import or a merge costs what arrives, not the size of the file: every look-up
goes through an index (no statement scans the projects table), and what it decides is
unchanged — identical content skipped, a taken id renumbered, same year and name paired."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.model import new_id
from desktop.io.files import plan_import
from desktop.io.report import ImportResult
from desktop.store import open_repository
from desktop.store.exchange import Incoming
from desktop.store.merge import Status, plan_merge


def sqlite_steps(repo, work, *args) -> tuple[int, object]:
    """SQLite virtual-machine steps (in hundreds) that ``work(*args)`` costs — they grow
    with the rows the statements visit, whatever the time on a busy machine — and its
    result."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    repo.conn.set_progress_handler(count, 100)
    try:
        result = work(*args)
    finally:
        repo.conn.set_progress_handler(None, 0)
    return steps[0], result


def stored(repo, sample_result, copies: int):
    projects = [
        replace(p, id=new_id(), name=f"{p.name}{k}")
        for k in range(copies)
        for p in sample_result.projects
    ]
    repo.add(projects)
    return projects


def incoming_import(here, sample_result) -> ImportResult:
    same = replace(here[0], id=new_id())  # identical content under another id: skipped
    taken = here[1].with_changes(goal_annual="另一份")  # its id is taken: renumbered
    twice = replace(sample_result.projects[0], id=new_id(), name="新项目")
    return ImportResult(projects=[same, taken, twice, replace(twice, name="新项目二")])


def test_an_import_plan_costs_the_same_in_a_file_ten_times_larger(tmp_path, sample_result):
    steps = []
    for copies in (2, 20):
        with open_repository(tmp_path / f"{copies}.db") as repo:
            here = stored(repo, sample_result, copies)
            result = incoming_import(here, sample_result)
            cost, (to_add, summary) = sqlite_steps(repo, plan_import, repo, result)
            steps.append(cost)
        assert summary.skipped_identical == 1
        assert summary.added == 3
        assert [p.name for p in to_add] == [here[1].name, "新项目", "新项目二"]
        assert to_add[0].id != here[1].id
        assert to_add[1].id == result.projects[2].id != to_add[2].id
    assert steps[1] <= 1.5 * steps[0] + 2, steps


def test_the_same_year_and_name_with_other_content_is_not_identical(repo, sample_result):
    a = stored(repo, sample_result, 1)[0]
    other = replace(a, id=new_id()).with_changes(goal_annual="另写的目标")
    twin = replace(a, id=new_id())
    _, summary = plan_import(repo, ImportResult(projects=[other, twin]))
    assert summary.skipped_identical == 1 and summary.added == 1


def test_a_merge_pairs_same_year_and_name_at_a_cost_independent_of_the_file(
    tmp_path, sample_result
):
    steps = []
    for copies in (2, 20):
        with open_repository(tmp_path / f"{copies}.db") as repo:
            here = stored(repo, sample_result, copies)
            twin = replace(here[4], id=new_id(), goal_annual="对方写的", versions=(("x", 1),))
            new = replace(here[5], id=new_id(), name="对方新建", versions=(("x", 1),))
            incoming = Incoming(source="x", schema_version=0, projects=[twin, new])
            cost, plan = sqlite_steps(repo, plan_merge, repo, incoming)
            steps.append(cost)
            statuses = {i.project_id: i.status for i in plan.items}
            assert statuses == {twin.id: Status.SAME_NAME, new.id: Status.NEW}
            assert next(i for i in plan.items if i.project_id == twin.id).mine.id == here[4].id
    assert steps[1] <= 1.5 * steps[0] + 2, steps
