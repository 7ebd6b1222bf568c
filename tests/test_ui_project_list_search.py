"""Typing in the list's search field, key by key, with the year, 审核 and unit filters and a
sorted column: after every key the list shows exactly the projects in which every word of
the search (split at spaces, upper or lower case alike) occurs in the 项目名称, the 实施单位,
the 主管部门 or an indicator's name, and which the filters let through, in the sorted
column's order (ties in the list's order: year descending, then name); the count line
says how many of how many, and the sum of their 项目资金总额 to the 分; the chosen project
stays chosen while it is shown."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.domain import audit
from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import parse_value
from desktop.store import open_repository
from desktop.ui.project_list import ID_ROLE

PIECES = ["法律", "援助", "调解", "满意度", "Law", "aid", "普陀"]
UNITS = ["甲司法所", "乙司法所", "普陀区法律援助中心"]
DEPARTMENTS = ["上海市普陀区司法局", "区民政局"]
#: what the clerk types: the pieces, other case, a number, a unit's part, nothing found
TYPED = [*PIECES, "LAW", "AID", "项目1", "司法所", "民政", "指标", "zz"]


@st.composite
def project_lists(draw) -> list[Project]:
    out = []
    for n in range(draw(st.integers(1, 8))):
        year = draw(st.sampled_from([2024, 2025]))
        total = draw(st.integers(0, 10**11))  # 分
        indicators = tuple(
            Indicator(
                "产出指标",
                "数量指标",
                "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=2))) + "指标",
                parse_value("≥1(次)"),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        out.append(
            Project(
                year=year,
                name="".join(draw(st.lists(st.sampled_from(PIECES), max_size=3))) + f"项目{n}",
                department=draw(st.sampled_from(DEPARTMENTS)),
                implementing_unit=draw(st.sampled_from(UNITS)),
                funds=Funds(total, total, 0, draw(st.integers(0, total)), 0, 0, 0),
                goal_overall="总目标",
                indicators=indicators,
            )
        )
    return out


searches = st.lists(st.sampled_from(TYPED), max_size=3).map(" ".join)


def matches(p: Project, words: list[str]) -> bool:
    """The rule: every word in one of the searched fields, case not minded."""
    fields = [p.name, p.implementing_unit, p.department, *(i.name for i in p.indicators)]
    return all(any(w in f.lower() for f in fields) for w in words)


def audit_key(p: Project) -> tuple[int, int, int]:
    findings = audit.check(p)
    return (audit.status(findings), *audit.counts(findings))


def expected(projects, text, year, status, unit, column, descending) -> list[Project]:
    in_list = sorted(projects, key=lambda p: (-p.year, p.name, p.id))
    shown = [
        p
        for p in in_list
        if matches(p, text.lower().split())
        and year in (None, p.year)
        and status in (None, audit_key(p)[0])
        and unit in (None, p.implementing_unit)
    ]
    keys = {
        0: lambda p: p.name,
        1: lambda p: p.year,
        2: lambda p: p.implementing_unit,
        3: lambda p: p.funds.total,
        4: audit_key,  # errors before warnings before none, then by their counts
    }
    if column >= 0:  # a stable sort: ties keep the list's order, either way
        shown = sorted(shown, key=keys[column], reverse=descending)
    return shown


def count_line(shown: list[Project], total: int) -> str:
    money = sum((Decimal(p.funds.total) / 100 for p in shown), Decimal(0))
    head = f"共 {total} 个项目" if len(shown) == total else f"显示 {len(shown)} / {total} 个项目"
    return f"{head}，项目资金合计 {money:,.2f} 元"


def shown_ids(window) -> list[str]:
    proxy = window.proxy
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    project_lists(),
    st.lists(
        st.tuples(
            searches,
            # (no filter more often: the search alone is matched another way)
            st.sampled_from([None, None, None, 2024, 2025]),
            st.sampled_from([None, None, None, 0, 1, 2]),
            st.sampled_from([None, None, None, *UNITS]),
            st.integers(-1, 4),
            st.booleans(),
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_typed_search_shows_the_matching_projects_in_order(make_controller, projects, steps):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "汇总.db"
        with open_repository(path) as repo:
            repo.add(projects)
        c = make_controller(path)
        window, nav = c.window, c.window.nav
        try:
            for text, year, status, unit, column, descending in steps:
                # the year and unit filters offer the years and units in the file
                year = year if year in {p.year for p in projects} else None
                unit = unit if unit in {p.implementing_unit for p in projects} else None
                order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
                nav.table.sortByColumn(column, order)
                for combo, value in (
                    (nav.year_filter, year),
                    (nav.status_filter, status),
                    (nav.unit_filter, unit),
                ):
                    combo.setCurrentIndex(max(combo.findData(value), 0))
                nav.search.setFocus()
                QTest.keyClick(nav.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
                QTest.keyClick(nav.search, Qt.Key.Key_Backspace)
                before = None
                for k in range(len(text) + 1):
                    if k:
                        ch = text[k - 1]
                        key = Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown
                        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
                            QApplication.sendEvent(nav.search, event)
                    QApplication.processEvents()
                    assert nav.search.text() == text[:k]
                    want = expected(projects, text[:k], year, status, unit, column, descending)
                    want_ids = [p.id for p in want]
                    assert shown_ids(window) == want_ids
                    assert window.count_label.text() == count_line(want, len(projects))
                    current = nav.current_id()
                    if want_ids:  # a project is chosen and shown in the editor
                        assert current in want_ids and window.editor.project.id == current
                    else:
                        assert current is None
                    if before in want_ids:
                        assert current == before  # still shown: still chosen
                    before = current
        finally:
            c.shutdown()
