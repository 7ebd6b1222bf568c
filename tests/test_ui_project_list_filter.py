"""The project list's filter and sort: whatever the sequence of searches, year and status
filters, column sorts, edits (a row changed, added or removed) and rows found unreadable
(需要修复: with errors, sorted after every counted error), the rows shown are the
source rows that match every search word, the year and the status, in the sorted column's
order (ties in list order) — and a view's current row stays on its project while shown."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.domain import review as rv
from desktop.domain.model import ProjectSummary
from desktop.ui.project_list import COL_REVIEW, ID_ROLE, ProjectFilterModel, ProjectTableModel
from desktop.ui.refcounts import immortalize_singletons

WORDS = ["法律", "援助", "调解", "满意度", "司法"]
UNITS = ["甲单位", "乙单位", "丙单位"]


def summary(n: int, year: int, words: list[str], unit: int, status: int) -> ProjectSummary:
    name = f"项目{n:03d}{''.join(words)}"
    return ProjectSummary(
        id=f"id{n}",
        year=year,
        name=name,
        nature="",
        category="",
        department="",
        implementing_unit=UNITS[unit],
        total=n * 100,
        annual_total=0,
        indicator_count=0,
        review_count=0,
        updated_at="",
        revision=1,
        search_text="\n".join([name, UNITS[unit]]).lower(),
        audit_status=status,
        audit_errors=status,
        audit_warnings=0,
    )


rows = st.builds(
    summary,
    st.integers(0, 999),
    st.sampled_from([2023, 2024, 2025]),
    st.lists(st.sampled_from(WORDS), max_size=3),
    st.integers(0, 2),
    st.integers(0, 2),
)
steps = st.one_of(
    st.tuples(st.just("search"), st.lists(st.sampled_from([*WORDS, "单位", "项目0"]), max_size=2)),
    st.tuples(st.just("year"), st.sampled_from([None, 2023, 2024, 2025])),
    st.tuples(st.just("status"), st.sampled_from([None, 0, 1, 2])),
    st.tuples(st.just("sort"), st.tuples(st.integers(-1, 4), st.booleans())),
    st.tuples(st.just("change"), st.tuples(st.integers(0, 99), rows)),
    st.tuples(st.just("add"), rows),
    st.tuples(st.just("remove"), st.integers(0, 99)),
    st.tuples(st.just("repair"), st.sets(st.integers(0, 99), max_size=3)),
)


def expected(source: list[ProjectSummary], words, year, status, sort, repair=()) -> list[str]:
    """Projects needing repair (their rows cannot be read) count as with errors, sorted
    after every counted error."""
    shown = [
        s
        for s in source
        if (year is None or s.year == year)
        and (status is None or (2 if s.id in repair else s.audit_status) == status)
        and all(w.lower() in s.search_text for w in words)
    ]
    column, descending = sort
    if column >= 0:
        key = {
            0: lambda s: s.name,
            1: lambda s: s.year,
            2: lambda s: s.implementing_unit,
            3: lambda s: s.total,
            4: lambda s: (
                30000
                if s.id in repair
                else s.audit_status * 10000 + s.audit_errors * 100 + s.audit_warnings
            ),
        }[column]
        shown = sorted(shown, key=key, reverse=descending)
    return [s.id for s in shown]


@settings(max_examples=60)
@given(st.lists(rows, min_size=1, max_size=30, unique_by=lambda s: s.id), st.lists(steps))
def test_the_rows_shown_are_the_matches_in_order(qapp, initial, actions):
    immortalize_singletons()  # as the program does (PySide6's lost references of True)
    model = ProjectTableModel()
    proxy = ProjectFilterModel()
    proxy.setSourceModel(model)
    model.set_rows(initial)
    words, year, status, sort, repair = [], None, None, (-1, False), set()
    current = QPersistentModelIndex(proxy.index(0, 0))
    current_id = current.data(ID_ROLE)
    for kind, arg in actions:
        if kind == "search":
            words = arg
            proxy.set_search(" ".join(arg))
        elif kind == "year":
            year = arg
            proxy.set_year(arg)
        elif kind == "status":
            status = arg
            proxy.set_status(arg)
        elif kind == "sort":
            sort = arg
            order = Qt.SortOrder.DescendingOrder if arg[1] else Qt.SortOrder.AscendingOrder
            proxy.sort(arg[0], order)
        elif kind == "change" and model.rowCount():
            row, new = arg
            old = model.summary(row % model.rowCount())
            new.id = old.id
            model.upsert(new)
        elif kind == "add" and model.row_of(arg.id) is None:
            model.upsert(arg)
        elif kind == "remove" and model.rowCount():
            model.remove(model.summary(arg % model.rowCount()).id)
        elif kind == "repair" and model.rowCount():
            repair = {model.summary(n % model.rowCount()).id for n in arg}
            model.set_needing_repair(dict.fromkeys(repair, "unreadable"))
        source = [model.summary(r) for r in range(model.rowCount())]
        shown = [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]
        assert shown == expected(source, words, year, status, sort, repair)
        for r in range(proxy.rowCount()):
            back = proxy.mapFromSource(proxy.mapToSource(proxy.index(r, 0)))
            assert back.row() == r
        if current.isValid():  # a held row follows its project, or goes with it
            assert current.data(ID_ROLE) == current_id
            assert current_id in shown
        elif current_id is not None:  # it went when its project stopped being shown
            assert current_id not in shown
            current_id = None
    assert proxy.parent(QModelIndex()) == QModelIndex()


@settings(max_examples=25)
@given(
    st.lists(st.sampled_from(sorted(rv.STATUS_LABELS)), min_size=150, max_size=150),
    st.lists(st.sampled_from(sorted(rv.STATUS_LABELS)), min_size=150, max_size=150),
    st.sampled_from([None, *sorted(rv.STATUS_LABELS)]),
    st.booleans(),
)
def test_review_statuses_of_every_row_at_once_refilter_and_resort(
    qapp, before, after, wanted, by_review
):
    """The review statuses of a reviewer's whole file arrive at once (one change covering
    every row): the review filter and the 状态 column's order follow them."""
    immortalize_singletons()
    model = ProjectTableModel()
    proxy = ProjectFilterModel()
    proxy.setSourceModel(model)
    source = [summary(n, 2024, [], n % 3, 0) for n in range(len(before))]
    model.set_rows(source)
    model.set_review({s.id: st_ for s, st_ in zip(source, before, strict=True)}, {})
    proxy.set_review(wanted)
    if by_review:
        proxy.sort(COL_REVIEW, Qt.SortOrder.AscendingOrder)
    statuses = {s.id: st_ for s, st_ in zip(source, after, strict=True)}
    model.set_review(statuses, {})
    shown = [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]
    matching = [s.id for s in source if wanted is None or statuses[s.id] == wanted]
    if by_review:  # the review loop's order, ties in list order
        order = list(rv.STATUS_LABELS)
        matching.sort(key=lambda pid: order.index(statuses[pid]))
    assert shown == matching
