"""The row reader checks a project's indicator rows in bulk (a column at a time) when they
are as our writer leaves them, and one by one otherwise: whatever the rows hold, the result
is the same — the same project (every field, the indicators' ids, the content hash) or the
same sentence naming what is wrong."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import codec
from desktop.store import rows as row_reader
from desktop.store.rows import BadRowError, project_from_row

UID = "0b6a8a2e-4f43-4c8e-9d55-0d5e7f3b8c11"

# Per column: what our writer stores, and what a fault, a forger or an older writer leaves
# (texts with control characters or lone surrogates, numbers of the wrong type or form,
# ids not canonical, values that contradict each other).
TEXT = st.sampled_from(
    ["", "满意度", "≥95%", "%", "x" * 2001, "a\x00b", "坏\ud800", "\x85", None, 3, 1.5]
)
LONG = st.sampled_from(["", "说明", "y" * 20_001, "c\x1f", None, 7])
COLUMNS = {
    "level1": TEXT,
    "level2": TEXT,
    "name": TEXT,
    "op": st.sampled_from([None, "≥", "=", "<", "≈", "", 1, "≥\x00"]),
    "number": st.sampled_from([None, "95", "95.0", "-3", "1e9", "abc", "9" * 101, 95, 2.5]),
    "unit": st.sampled_from(["", "%", "个", None, "\x7f", 5]),
    "text": st.sampled_from(["", "满意", "良好", None, "\ud83d"]),
    "needs_review": st.sampled_from([0, 1, 2, -1, 1.0, None, "1"]),
    "review_note": LONG,
    "raw_text": LONG,
    "source_line": st.sampled_from([None, 0, 12, 1.5, "3", -4]),
    "value_text": st.sampled_from(["", "≥95%", "满意", "良好", None, "\x01"]),
    "note": LONG,
    "uid": st.sampled_from(
        [None, "", UID, UID.upper(), "{" + UID + "}", UID.replace("-", ""), "x", 5]
        + [str(uuid.UUID(int=k)) for k in range(3)]
    ),
}
# mostly rows as written (the bulk path), with one to a few columns from the list above
CLEAN = {
    "level1": "产出指标",
    "level2": "数量指标",
    "name": "培训人次",
    "op": "≥",
    "number": "95",
    "unit": "%",
    "text": "",
    "needs_review": 0,
    "review_note": "",
    "raw_text": "",
    "source_line": None,
    "value_text": "≥95%",
    "note": "",
    "uid": "",
}


@st.composite
def indicator_rows(draw) -> list[dict]:
    rows = []
    for position in range(draw(st.integers(0, 6))):
        row = {**CLEAN, "name": f"指标{position}", "position": position}
        for column in draw(st.sets(st.sampled_from(sorted(COLUMNS)), max_size=3)):
            row[column] = draw(COLUMNS[column])
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def project_row(tmp_path_factory, sample_result):
    """A stored ``projects`` row of the sample's first project, as the reader gets it."""
    from desktop.store import open_repository

    path = tmp_path_factory.mktemp("rows") / "a.db"
    with open_repository(path, backup=False) as repo:
        repo.add([sample_result.projects[0]])
        conn = sqlite3.connect(path)
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("SELECT * FROM projects").fetchone())
        conn.close()
    return row


def read(project_row: dict, rows: list[dict], as_tuples: bool = False):
    try:
        if as_tuples:  # as the repository reads them in bulk: tuples of the columns
            columns = tuple(sorted({c for r in rows for c in r}))
            p = project_from_row(project_row, [tuple(map(r.get, columns)) for r in rows], columns)
        else:
            p = project_from_row(project_row, [dict(r) for r in rows])
    except BadRowError as exc:
        return ("refused", str(exc))
    return (p, [i.uid for i in p.indicators], p.content_hash())


@settings(
    max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=indicator_rows(), as_tuples=st.booleans())
def test_rows_read_in_bulk_are_what_reading_them_one_by_one_gives(
    project_row, rows, as_tuples, monkeypatch
):
    bulk = read(project_row, rows, as_tuples)
    with monkeypatch.context() as m:
        m.setattr(row_reader, "_plain_indicators", lambda *args: None)
        one_by_one = read(project_row, rows)
    assert bulk == one_by_one


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=indicator_rows(), as_sqlite=st.booleans())
def test_rows_as_written_are_read_in_bulk(project_row, rows, as_sqlite):
    """Rows our writer leaves never go one by one: the bulk reader takes every row that has
    nothing unusual (else the invariant above would compare the slow path with itself)."""
    clean = [
        {**CLEAN, "name": f"指标{k}", "uid": str(uuid.UUID(int=k + 1)) if k % 2 else ""}
        for k in range(len(rows))
    ]
    if as_sqlite:  # sqlite3.Row, as the repository reads them
        conn = sqlite3.connect(":memory:")
        conn.row_factory = sqlite3.Row
        columns = list(CLEAN)
        conn.execute(f"CREATE TABLE t ({', '.join(columns)})")
        conn.executemany(
            f"INSERT INTO t VALUES ({', '.join('?' for _ in columns)})",
            [[r[c] for c in columns] for r in clean],
        )
        clean = conn.execute("SELECT * FROM t").fetchall()
    assert row_reader._plain_indicators(clean) is not None
    assert [i.name for i in project_from_row(project_row, clean).indicators] == [
        r["name"] for r in clean
    ]


def test_a_missing_column_is_read_one_by_one(project_row):
    """Rows of an older schema (no ``uid``, ``note``, ``value_text``) take the reader that
    knows their defaults."""
    old = [{k: v for k, v in CLEAN.items() if k not in ("uid", "note", "value_text")}]
    assert row_reader._plain_indicators(old) is None
    (indicator,) = project_from_row(project_row, old).indicators
    assert indicator.value.number == 95 and indicator.uid  # derived from the names


def test_a_clean_file_is_read_without_a_call_per_indicator(repo, sample_result, monkeypatch):
    """Reading every project of a clean file never reads an indicator one by one."""
    repo.add(sample_result.projects)
    one_by_one = []
    real = codec._indicator
    monkeypatch.setattr(codec, "_indicator", lambda *a: one_by_one.append(a) or real(*a))
    projects = list(repo.all_projects())
    assert sum(len(p.indicators) for p in projects) > 100
    assert one_by_one == []


def test_reading_every_project_decodes_no_indicator_row_in_python(
    tmp_path, sample_result, monkeypatch
):
    """The screen before a bulk read asks Python whether text is UTF-8 once a project, not
    once an indicator row (the reader refuses such text itself: tests/test_store_text_not_utf8)
    — and the rows come through SQLite's own decoding."""
    from desktop.store import open_repository

    calls = []
    real = row_reader._utf8_bad
    monkeypatch.setattr(row_reader, "_utf8_bad", lambda data: calls.append(1) or real(data))
    with open_repository(tmp_path / "a.db", backup=False) as repo:
        repo.add(sample_result.projects)
        calls.clear()
        projects = list(repo.all_projects())
    assert len(projects) == len(sample_result.projects)
    assert 0 < len(calls) <= 2 * len(projects) < sum(len(p.indicators) for p in projects)


@settings(max_examples=300, deadline=None)
@given(st.integers(-(10**17) + 1, 10**17 - 1))
def test_a_stored_amount_is_what_the_codec_reads_from_its_decimal_text(fen):
    """The row reader hands the codec the stored 分 as they are: for every amount the row
    may hold, what the codec reads from the amount written as a decimal."""
    from desktop.domain.codec import _money
    from desktop.domain.money import decimal_string

    assert _money(decimal_string(fen), "total") == fen
