"""A big file's window shows at once with the first screen of the list (year descending,
then name, as the list is ordered), and the rest of the list is read in steps once the
window is up: afterwards the list, its filter and sort, the counts and choosing any
project are as if the whole list had been read first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain.money import format_money
from desktop.store import open_repository
from desktop.ui import window_list
from desktop.ui.project_list import COL_TOTAL, ID_ROLE
from tests.ui_helpers import generated_projects

FIRST, STEP = 13, 7  # 10 projects a year: the first screen spans two years


@pytest.fixture
def big(tmp_path, monkeypatch):
    """A file of 60 projects (one more in the trash, of the latest year), with the window's
    first screen and its steps made small, so that 60 is a big file."""
    monkeypatch.setattr(window_list, "READ_WHOLE", 0)
    monkeypatch.setattr(window_list, "FIRST_SCREEN", FIRST)
    monkeypatch.setattr(window_list, "LIST_STEP", STEP)
    path = tmp_path / "汇总.db"
    projects = generated_projects(61)
    with open_repository(path) as repo:
        repo.add(projects)
        repo.trash(projects[5].id)  # (2025, as projects 11, 17 …)
    return path, [p for n, p in enumerate(projects) if n != 5]


def in_list_order(projects):
    return [p.id for p in sorted(projects, key=lambda p: (-p.year, p.name, p.id))]


def listed(window) -> list[str]:
    return [window.model.summary(r).id for r in range(window.model.rowCount())]


def shown_ids(window) -> list[str]:
    return [window.proxy.index(r, 0).data(ID_ROLE) for r in range(window.proxy.rowCount())]


def test_first_screen_then_the_whole_list(make_controller, big, qtbot):
    path, projects = big
    c = make_controller(path)
    window = c.window
    assert window.nav.loading
    assert listed(window) == in_list_order(projects)[:FIRST]
    assert window.editor.project.id == in_list_order(projects)[0]  # ready to edit
    assert window.count_label.text() == "共 60 个项目"  # the file's count, not the screen's
    qtbot.waitUntil(lambda: not window.nav.loading, timeout=10000)
    assert listed(window) == in_list_order(projects)
    assert shown_ids(window) == in_list_order(projects)
    total = format_money(sum(p.funds.total for p in projects))
    assert window.count_label.text() == f"共 60 个项目，项目资金合计 {total} 元"
    units = {window.nav.unit_filter.itemData(i) for i in range(window.nav.unit_filter.count())}
    assert units - {None} == {p.implementing_unit for p in projects}
    assert window.editor.project.id == in_list_order(projects)[0]  # still the same one


def test_a_search_and_sort_chosen_early_apply_to_the_whole_list(make_controller, big, qtbot):
    path, projects = big
    window = make_controller(path).window
    window.search.setText("项目0001")  # 项目00010 … 项目00019 (in no unit or indicator)
    window.table.sortByColumn(COL_TOTAL, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not window.nav.loading, timeout=10000)
    matching = [p for p in projects if "项目0001" in p.name]
    assert matching and len(matching) < len(projects)
    expected = [
        p.id
        for p in sorted(
            sorted(projects, key=lambda p: (-p.year, p.name, p.id)),
            key=lambda p: p.funds.total,
            reverse=True,
        )
        if p in matching
    ]
    assert shown_ids(window) == expected
    total = format_money(sum(p.funds.total for p in matching))
    assert window.count_label.text() == f"显示 {len(matching)} / 60 个项目，项目资金合计 {total} 元"


def test_choosing_a_project_not_yet_listed_reads_the_rest_first(make_controller, big):
    path, projects = big
    window = make_controller(path).window
    last = in_list_order(projects)[-1]
    assert window.model.row_of(last) is None  # not on the first screen
    window.select_project(last)
    assert not window.nav.loading
    assert window.editor.project.id == last
    assert window.table.currentIndex().row() == window.proxy.rowCount() - 1
    assert listed(window) == in_list_order(projects)


def test_a_project_added_while_the_list_is_read_is_listed_once(make_controller, big, qtbot):
    path, projects = big
    c = make_controller(path)
    window = c.window
    window.projects.new_project()
    qtbot.waitUntil(lambda: not window.nav.loading, timeout=10000)
    ids = listed(window)
    assert len(ids) == len(set(ids)) == 61
    assert set(ids) >= {p.id for p in projects}
    assert window.count_label.text().startswith("共 61 个项目")


def test_closing_or_switching_language_while_the_list_is_read(make_controller, big, qtbot):
    path, projects = big
    order = in_list_order(projects)
    c = make_controller(path)
    c.window.select_project(order[-1])
    c.set_language("en")  # the window is built again and shows the same project: listed
    assert c.window.editor.project.id == order[-1]
    assert not c.window.nav.loading and listed(c.window) == order
    c.window.select_project(order[1])
    c.set_language("zh_CN")  # a project on the first screen: the rest is read in steps
    window = c.window
    assert window.nav.loading and window.editor.project.id == order[1]
    assert c.shutdown()
    qtbot.wait(50)  # the steps' timer of a closed window reads nothing and raises nothing
