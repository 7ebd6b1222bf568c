"""A project with more indicator rows than a form may have (2,000) needs repair whatever its
rows hold: the row screen says so by counting its rows in the index, without reading them —
a working file of 2,000,000 rows of one project was 14 s of reading in ``list`` — and still
reads every row of every other project (the whole screen, one project's and the screen in
pieces name the same)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from desktop.io.files import load_file
from desktop.store import in_pieces, open_repository, screened_problems
from desktop.store.rows import TOLERANT_TEXT, UTF8_BAD, _utf8_bad, screen
from tests.conftest import SAMPLE

ADDED = 2_500  # rows added to the first project: over the 2,000 of a form


@pytest.fixture(scope="module")
def spoiled(tmp_path_factory):
    """The sample's forms: the first with 2,500 rows more (some of them wrong in every way
    the screen knows), the second with a text that is not UTF-8, the third with a number
    that is not one. Returns (file, the three ids, the first project's rows)."""
    path = tmp_path_factory.mktemp("many") / "工作.db"
    projects = load_file(SAMPLE).projects
    with open_repository(path) as repo:
        repo.add(projects)
    big, encoded, wrong = (p.id for p in projects[:3])
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO indicators (project_id, position, level1, level2, name) "
        "VALUES (?, ?, '产出指标', '数量指标', ?)",
        [(big, 1000 + i, f"many-{i}") for i in range(ADDED)],
    )
    added = "SELECT min(rowid) + ? FROM indicators WHERE name LIKE 'many-%'"
    conn.execute(f"UPDATE indicators SET number = 'abc' WHERE rowid = ({added})", [1])
    conn.execute(f"UPDATE indicators SET note = X'00ff' WHERE rowid = ({added})", [2])
    conn.execute(f"UPDATE indicators SET unit = CAST(X'ff' AS TEXT) WHERE rowid = ({added})", [3])
    first = "(SELECT min(rowid) FROM indicators WHERE project_id = ?)"
    conn.execute(
        f"UPDATE indicators SET unit = CAST(X'e4ff' AS TEXT) WHERE rowid = {first}", [encoded]
    )
    conn.execute(f"UPDATE indicators SET number = '1e5' WHERE rowid = {first}", [wrong])
    conn.commit()
    conn.close()
    return path, (big, encoded, wrong), len(projects[0].indicators) + ADDED


def _expected(ids, rows) -> dict[str, str]:
    big, encoded, wrong = ids
    return {
        big: f"指标太多（{rows:,} 条，上限 2,000）",
        encoded: "有指标的文字编码无效（不是 UTF-8）",
        wrong: "有指标的数值、运算符或复核标记无效",
    }


def _connection(path, decoded: list | None = None) -> sqlite3.Connection:
    """A read-only connection; ``decoded``: gets every value the screen asks about its
    encoding (each indicator row read is one)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.text_factory = TOLERANT_TEXT
    if decoded is not None:

        def spy(data):
            decoded.append(data)
            return _utf8_bad(data)

        conn.create_function(UTF8_BAD, 1, spy, deterministic=True)
    return conn


def test_too_many_rows_is_said_first_and_the_others_are_read(spoiled):
    path, ids, rows = spoiled
    conn = _connection(path)
    try:
        assert screen(conn, whole_file_limit=False) == _expected(ids, rows)
        for pid in ids:  # a project screened alone (before it is read) says the same
            assert screen(conn, pid) == {pid: _expected(ids, rows)[pid]}
    finally:
        conn.close()
    assert screened_problems(path) == _expected(ids, rows)


def test_the_rows_of_a_project_over_the_count_are_not_read(spoiled):
    path, ids, _ = spoiled
    for run, whole in (
        (lambda conn: screen(conn, whole_file_limit=False), True),
        (lambda conn: screen(conn, ids[0]), False),
        (in_pieces.screen_in_pieces, True),
    ):
        decoded: list = []
        conn = _connection(path, decoded)
        try:
            assert ids[0] in run(conn)
        finally:
            conn.close()
        assert not [d for d in decoded if d and b"many-" in d]
        if whole:  # the other projects' rows are: the text that is not UTF-8 among them
            assert [d for d in decoded if d and b"\xe4\xff" in d]


def test_rows_of_no_project_over_the_count_hide_nothing(spoiled, tmp_path):
    """Rows whose project id is NULL (a NOT NULL the file's bytes need not keep), more than
    a form's: they belong to no project, and every project's rows are still screened."""
    path = tmp_path / "null.db"
    shutil.copyfile(spoiled[0], path)
    conn = sqlite3.connect(path)
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'indicators'").fetchone()
    loose = sql.replace("project_id TEXT NOT NULL", "project_id TEXT")
    assert loose != sql
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'indicators'", [loose])
    conn.commit()
    conn.close()
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO indicators (project_id, position) VALUES (NULL, ?)",
        [(i,) for i in range(ADDED)],
    )
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'indicators'", [sql])
    conn.commit()
    conn.close()
    conn = _connection(path)
    try:
        assert (
            conn.execute(
                "SELECT count(*) FROM indicators WHERE typeof(project_id) = 'null'"
            ).fetchone()[0]
            == ADDED
        )
        assert screen(conn, whole_file_limit=False) == _expected(*spoiled[1:])
    finally:
        conn.close()
    assert screened_problems(path) == _expected(*spoiled[1:])
