"""The window's background checks of the whole file let the clerk's commits through: the row
screen reads in pieces, each its own read (a commit of another connection with a busy
timeout of 0 gets in between two pieces), and ``integrity_check`` reads the file without a
lock (a commit in the middle of it succeeds at once). Neither finds less: the screen in
pieces of one row names exactly the projects the screen of the whole file names, and every
kind of damage only ``integrity_check`` sees is still reported, with a commit during the
check or without."""

from __future__ import annotations

import random
import shutil
import sqlite3

import pytest

from desktop.io.files import load_file
from desktop.store import in_pieces, integrity_problem, open_repository, screened_problems
from desktop.store.rows import TOLERANT_TEXT, screen
from tests.conftest import SAMPLE
from tests.test_store_damage_on_open import DAMAGE
from tests.test_store_row_fuzz import NotUtf8, _values


def _one_row_pieces(monkeypatch) -> None:
    """Every piece as small as it gets: a project, or one project's indicator rows."""
    monkeypatch.setattr(in_pieces, "FIRST_PROJECTS", 1)
    monkeypatch.setattr(in_pieces, "FIRST_INDICATORS", 1)
    monkeypatch.setattr(in_pieces, "FEWEST_ROWS", 1)
    monkeypatch.setattr(in_pieces, "PIECE_SECONDS", 1e-9)


@pytest.fixture(scope="module")
def working(tmp_path_factory):
    """A working file of the sample's 13 forms (one of them trashed)."""
    path = tmp_path_factory.mktemp("pieces") / "工作.db"
    projects = load_file(SAMPLE).projects
    with open_repository(path) as repo:
        repo.add(projects)
        repo.trash(projects[5].id)
    return path


def _whole_screen(path) -> dict:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.text_factory = TOLERANT_TEXT
    try:
        return screen(conn, whole_file_limit=False)
    finally:
        conn.close()


def _spoil(path, rnd: random.Random, table: str, count: int) -> None:
    """``count`` random values of every kind in random columns of random rows of ``table``."""
    conn = sqlite3.connect(path)
    columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    rowids = [r[0] for r in conn.execute(f"SELECT rowid FROM {table}")]
    for _ in range(count):
        value = rnd.choice(_values(rnd))
        cast = "CAST(? AS TEXT)" if isinstance(value, NotUtf8) else "?"
        try:
            conn.execute(
                f"UPDATE {table} SET {rnd.choice(columns)} = {cast} WHERE rowid = ?",
                [value, rnd.choice(rowids)],
            )
        except sqlite3.IntegrityError:
            continue
    conn.commit()
    conn.close()


@pytest.mark.parametrize("seed", range(12))
def test_the_screen_in_pieces_names_what_the_whole_screen_names(
    seed, working, tmp_path, monkeypatch
):
    _one_row_pieces(monkeypatch)
    path = tmp_path / "work.db"
    shutil.copyfile(working, path)
    rnd = random.Random(seed)
    _spoil(path, rnd, "projects", 4)
    _spoil(path, rnd, "indicators", 12)
    expected = _whole_screen(path)
    assert screened_problems(path) == expected


def test_ids_that_are_not_utf8_and_a_project_larger_than_a_piece(working, tmp_path, monkeypatch):
    """Piece bounds are ids as stored: a project id and an indicator's project id that are
    not UTF-8 neither stop the screen nor hide the projects after them."""
    monkeypatch.setattr(in_pieces, "FIRST_INDICATORS", 3)  # smaller than every project
    monkeypatch.setattr(in_pieces, "FEWEST_ROWS", 3)
    monkeypatch.setattr(in_pieces, "PIECE_SECONDS", 1e-9)
    path = tmp_path / "work.db"
    shutil.copyfile(working, path)
    conn = sqlite3.connect(path)
    ids = sorted(r[0] for r in conn.execute("SELECT id FROM projects"))
    # the first project's id, the middle one's indicators: bytes that are not UTF-8
    conn.execute("UPDATE projects SET id = CAST(? AS TEXT) WHERE id = ?", [b"1\xff", ids[0]])
    conn.execute(
        "UPDATE indicators SET project_id = CAST(? AS TEXT) WHERE project_id = ?",
        [ids[6][:10].encode() + b"\xff", ids[6]],
    )
    # the last project's indicators: one of them with a value no indicator may have
    conn.execute(
        "UPDATE indicators SET needs_review = 7 WHERE rowid = "
        "(SELECT min(rowid) FROM indicators WHERE project_id = ?)",
        [ids[-1]],
    )
    conn.commit()
    (rowid,) = conn.execute("SELECT rowid FROM projects WHERE id = CAST(? AS TEXT)", [b"1\xff"])
    conn.close()
    found = screened_problems(path)
    assert f"rowid:{rowid[0]}" in found  # the project whose id cannot be read
    assert ids[-1] in found  # after both, in the last piece
    assert ids[6] not in found  # it has no indicator rows now: nothing about them is wrong
    assert found == _whole_screen(path)


def test_another_connection_commits_between_two_pieces_at_once(working, tmp_path, monkeypatch):
    _one_row_pieces(monkeypatch)
    path = tmp_path / "work.db"
    shutil.copyfile(working, path)
    _spoil(path, random.Random(3), "indicators", 12)
    expected = _whole_screen(path)
    assert expected, "the file has bad rows to find"
    clerk = sqlite3.connect(path, timeout=0, isolation_level=None)
    committed = []
    pace = in_pieces._Pace.next

    def between_pieces(self):
        # a lock still held would make this fail at once ("database is locked")
        clerk.execute("UPDATE meta SET value = value || '' WHERE key = 'file_id'")
        committed.append(True)
        return pace(self)

    monkeypatch.setattr(in_pieces._Pace, "next", between_pieces)
    assert screened_problems(path) == expected
    assert len(committed) >= 20  # a piece a project, a piece a project's indicators
    clerk.close()


def _commit_during_check(monkeypatch, path, times: int) -> list:
    """Another connection (busy timeout 0) commits in the middle of each of the first
    ``times`` unlocked integrity checks; returns what it did."""
    clerk = sqlite3.connect(path, timeout=0, isolation_level=None)
    done: list = []
    real_connect = sqlite3.connect

    def connect(database, *args, **kwargs):
        conn = real_connect(database, *args, **kwargs)
        if "immutable=1" in str(database):
            mine: list = []  # one commit a check

            def in_the_middle():
                if len(done) < times and not mine:
                    clerk.execute("INSERT OR REPLACE INTO meta VALUES ('probe', ?)", [len(done)])
                    done.append("committed")
                    mine.append(True)
                return 0

            conn.set_progress_handler(in_the_middle, 100)
        return conn

    monkeypatch.setattr(in_pieces.sqlite3, "connect", connect)
    return done


@pytest.mark.parametrize("commits", [1, 5])
def test_commits_in_the_middle_of_the_integrity_check_do_not_wait(
    commits, working, tmp_path, monkeypatch
):
    """Each commit gets in at once (busy timeout 0: the check held no lock); the check reads
    again after each, and while the clerk is not at it for long it never takes the lock."""
    path = tmp_path / "work.db"
    shutil.copyfile(working, path)
    locked = []
    monkeypatch.setattr("desktop.store.opening._locked_integrity_problem", locked.append)
    done = _commit_during_check(monkeypatch, path, times=commits)
    assert integrity_problem(path) is None
    assert done == ["committed"] * commits
    assert locked == []


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("commits", [0, 1, 5])
def test_damage_is_still_found_with_commits_during_the_check(
    damage, commits, working, tmp_path, monkeypatch
):
    """0: the unlocked read alone; 1: read again after the commit; 5: commits during every
    unlocked read until the patience is over, the check finally runs locked. The damage is
    written into the clerk's own working file, as a crash, a bad sector or a forger leaves
    it."""
    monkeypatch.setattr(in_pieces, "CHECK_PATIENCE_S", 0.0)
    path = tmp_path / "work.db"
    shutil.copyfile(working, path)
    DAMAGE[damage](path)
    locked = []
    real_locked = in_pieces.unlocked_integrity_check

    def watch(p, locked_check):
        def counted(q):
            locked.append(q)
            return locked_check(q)

        return real_locked(p, counted)

    monkeypatch.setattr("desktop.store.opening.unlocked_integrity_check", watch)
    done = _commit_during_check(monkeypatch, path, times=commits)
    problem = integrity_problem(path)
    assert problem and "已损坏" in problem
    assert len(done) == min(commits, in_pieces.CHECK_ATTEMPTS)
    assert len(locked) == 1  # to confirm (0, 1 commits) or in the end (5)


def _page_never_used(path) -> None:
    """One more page at the end, counted in the header, in no table, index or freelist:
    what only the whole file's page accounting sees (``integrity_check(<table>)`` of every
    table passes it)."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    pages = int.from_bytes(data[28:32], "big")
    data[28:32] = (pages + 1).to_bytes(4, "big")
    path.write_bytes(bytes(data) + bytes(size))


@pytest.mark.parametrize("damage", [*sorted(DAMAGE), "page-never-used"])
def test_the_unlocked_read_itself_sees_the_damage(damage, working, tmp_path):
    path = tmp_path / "work.db"
    shutil.copyfile(working, path)
    assert in_pieces.unlocked_integrity_check(path, lambda p: "locked check") is None
    {**DAMAGE, "page-never-used": _page_never_used}[damage](path)
    assert integrity_problem(path), "the damage is there"
    assert in_pieces.unlocked_integrity_check(path, lambda p: "locked check") == "locked check"


def test_the_unlocked_read_leaves_the_clerks_own_lock_in_place(working, tmp_path):
    """POSIX locks belong to the process: closing a file drops every lock the process holds
    on it, unless SQLite keeps that descriptor open. The check's connection, closed while
    the clerk's connection of the same process reads, must leave the clerk's lock held —
    another program still cannot write in the middle of the clerk's read."""
    import subprocess
    import sys

    path = tmp_path / "work.db"
    shutil.copyfile(working, path)
    clerk = sqlite3.connect(path, isolation_level=None)
    clerk.execute("BEGIN")
    clerk.execute("SELECT count(*) FROM projects").fetchall()  # the shared lock, held
    assert integrity_problem(path) is None
    writer = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)\n"
        "try:\n"
        "    c.execute(\"INSERT OR REPLACE INTO meta VALUES ('other', 'x')\")\n"
        "except sqlite3.OperationalError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", writer, str(path)], capture_output=True, text=True, check=True
    )
    assert "locked" in done.stdout
    clerk.execute("COMMIT")
    clerk.close()


def test_a_piece_larger_than_the_rows_left_reads_to_the_end(working, monkeypatch):
    """When fewer indicator rows are left than a piece holds, that piece is the last one:
    the screen does not go on one project a piece (each piece faster than the aim, so the
    pieces doubled until SQLite refused the size)."""
    monkeypatch.setattr(in_pieces, "PIECE_SECONDS", 1e9)  # every piece "too fast": grows
    rows = sqlite3.connect(working).execute("SELECT count(*) FROM indicators").fetchone()[0]
    monkeypatch.setattr(in_pieces, "FIRST_INDICATORS", rows // 3)  # three pieces at most
    bounds = []
    real = in_pieces._next_bound
    monkeypatch.setattr(in_pieces, "_next_bound", lambda *a: bounds.append(real(*a)) or bounds[-1])
    assert screened_problems(working) == _whole_screen(working)
    assert len(bounds) <= 3 and bounds[-1] is None


def test_pieces_never_grow_past_what_sqlite_takes(monkeypatch):
    monkeypatch.setattr(in_pieces, "PIECE_SECONDS", 1e9)
    pace = in_pieces._Pace(2048)
    sizes = [pace.next() for _ in range(80)]  # 2048 · 2⁸⁰ without a bound
    conn = sqlite3.connect(":memory:")
    assert conn.execute("SELECT 1 LIMIT ?", [max(sizes)]).fetchall() == [(1,)]
