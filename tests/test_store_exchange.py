"""Exchanging .db files: export, hostile and broken incoming files, merging, backups."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.model import Indicator, Project
from desktop.domain.values import parse_value
from desktop.store import (
    NewerSchemaError,
    NotOurFileError,
    StoreError,
    open_repository,
)
from desktop.store.backups import list_backups, take, taken_today, thin
from desktop.store.exchange import SIDE_FILES, export_db, read_untrusted
from desktop.store.merge import Choice, Status, apply_merge, plan_merge
from desktop.store.schema import APPLICATION_ID, LATEST_VERSION

# -- helpers ----------------------------------------------------------------------------------


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def files_digest(path) -> dict[str, str]:
    """The file and its side files, byte for byte."""
    out = {}
    for suffix in ("", *SIDE_FILES):
        p = f"{path}{suffix}"
        if os.path.exists(p):
            out[suffix] = digest(p)
    return out


def project(name, year=2025, **kw) -> Project:
    return Project(
        year=year,
        name=name,
        implementing_unit="某区司法局",
        indicators=(Indicator("产出指标", "数量指标", f"{name}指标", parse_value("≥1(次)")),),
        **kw,
    )


@pytest.fixture
def exported(tmp_path, sample_result):
    """A valid export of the 13 sample forms."""
    with open_repository(tmp_path / "source.db") as repo:
        repo.add(sample_result.projects)
        export_db(repo.all_projects(), tmp_path / "export.db")
    return tmp_path / "export.db"


def integrity(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# -- export -----------------------------------------------------------------------------------


def test_export_is_one_complete_checked_file(exported, sample_result):
    assert [p.name for p in read_untrusted(exported).projects] != []
    assert {os.path.basename(p) for p in os.listdir(exported.parent) if p.startswith("export")} == {
        "export.db"
    }  # no -journal, no -wal
    incoming = read_untrusted(exported)
    assert sorted(p.name for p in incoming.projects) == sorted(
        p.name for p in sample_result.projects
    )
    assert incoming.problems == []
    assert {p.content_hash() for p in incoming.projects} == {
        p.content_hash() for p in sample_result.projects
    }


def test_a_failed_export_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "stick.db"
    with open_repository(tmp_path / "a.db") as repo:
        repo.add([project("甲")])
        export_db(repo.all_projects(), target)
        before = digest(target)
        from desktop.store import repository

        def boom(self, projects):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(repository.Repository, "add", boom)
        with pytest.raises(OSError):
            export_db(repo.all_projects(), target)
    assert digest(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "stick.db"]


# -- hostile and broken incoming files -----------------------------------------------------------


def _refused(path, error=StoreError):
    before = files_digest(path)
    with pytest.raises(error) as exc:
        read_untrusted(path)
    assert str(exc.value)  # a sentence for the clerk
    assert files_digest(path) == before  # the incoming file and its side files untouched
    return str(exc.value)


def test_zero_bytes_and_random_bytes(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    _refused(empty, NotOurFileError)
    noise = tmp_path / "noise.db"
    noise.write_bytes(os.urandom(8192))
    _refused(noise, NotOurFileError)
    fake = tmp_path / "fake.db"
    fake.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    _refused(fake, StoreError)


@pytest.mark.parametrize("fraction", [0.02, 0.3, 0.5, 0.9, 0.99])
def test_truncated_files(exported, tmp_path, fraction):
    data = exported.read_bytes()
    cut = tmp_path / "cut.db"
    cut.write_bytes(data[: max(100, int(len(data) * fraction))])
    before = files_digest(cut)
    try:
        incoming = read_untrusted(cut)
    except StoreError:
        pass
    else:  # a cut that happens to keep a consistent database: whatever comes is valid
        assert all(p.id for p in incoming.projects)
    assert files_digest(cut) == before


def _alter(exported, tmp_path, *sql, pragma=None):
    path = tmp_path / "altered.db"
    shutil.copyfile(exported, path)
    conn = sqlite3.connect(path)
    for statement in sql:
        conn.execute(statement)
    if pragma:
        conn.execute(pragma)
    conn.commit()
    conn.close()
    return path


def test_wrong_application_id(exported, tmp_path):
    path = _alter(exported, tmp_path, pragma="PRAGMA application_id = 12345")
    assert "其他程序" in _refused(path, NotOurFileError)


def test_newer_version_names_what_is_needed(exported, tmp_path):
    path = _alter(exported, tmp_path, pragma=f"PRAGMA user_version = {LATEST_VERSION + 1}")
    message = _refused(path, NewerSchemaError)
    assert "更新版本" in message and str(LATEST_VERSION + 1) in message


def test_a_table_replaced_by_a_view(exported, tmp_path):
    path = _alter(
        exported,
        tmp_path,
        "ALTER TABLE history RENAME TO history_old",
        "CREATE VIEW history AS SELECT * FROM history_old",
    )
    _refused(path, NotOurFileError)


def test_a_trigger_that_writes(exported, tmp_path):
    path = _alter(
        exported,
        tmp_path,
        "CREATE TABLE log (x TEXT)",
        "CREATE TRIGGER evil AFTER INSERT ON projects BEGIN INSERT INTO log VALUES ('pwned'); END",
    )
    _refused(path, NotOurFileError)
    path = _alter(
        exported,
        tmp_path,
        "CREATE TRIGGER evil2 AFTER UPDATE ON projects BEGIN DELETE FROM indicators; END",
    )
    assert "evil2" in _refused(path, NotOurFileError)


def test_an_extra_table(exported, tmp_path):
    path = _alter(exported, tmp_path, "CREATE TABLE secrets (x BLOB)")
    assert "secrets" in _refused(path, NotOurFileError)


def test_a_trigger_in_an_old_version_file_never_runs_on_migration(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        (__import__("tests.conftest", fromlist=["FIXTURES"]).FIXTURES / "schema_v1.sql").read_text(
            "utf-8"
        )
    )
    conn.execute("CREATE TABLE log (x TEXT)")
    conn.execute("CREATE TRIGGER t AFTER UPDATE ON projects BEGIN INSERT INTO log VALUES (1); END")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    _refused(path, NotOurFileError)


def test_an_old_version_file_is_migrated_in_the_copy_only(tmp_path):
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        (__import__("tests.conftest", fromlist=["FIXTURES"]).FIXTURES / "schema_v1.sql").read_text(
            "utf-8"
        )
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = files_digest(path)
    incoming = read_untrusted(path)
    assert incoming.schema_version == 1
    assert sorted(p.name for p in incoming.projects) == ["法律援助", "社区矫正（2020年）"]
    assert files_digest(path) == before


def test_bad_rows_are_reported_and_the_rest_imported(exported, tmp_path):
    path = tmp_path / "rows.db"
    shutil.copyfile(exported, path)
    conn = sqlite3.connect(path)
    ids = [r[0] for r in conn.execute("SELECT id FROM projects ORDER BY name")]
    conn.execute("UPDATE projects SET year = 'abc' WHERE id = ?", [ids[0]])
    conn.execute("UPDATE projects SET funds_total = 1.5 WHERE id = ?", [ids[1]])
    conn.execute("UPDATE projects SET name = ? WHERE id = ?", ["长" * 200_000, ids[2]])
    conn.execute("UPDATE projects SET start_date = '2024-02-30' WHERE id = ?", [ids[3]])
    conn.execute(
        "UPDATE projects SET updated_at = '2099-01-01T00:00:00.000Z' WHERE id = ?", [ids[4]]
    )
    conn.execute("UPDATE indicators SET number = X'00' WHERE project_id = ?", [ids[5]])
    conn.execute("UPDATE projects SET id = 'not-a-uuid' WHERE id = ?", [ids[6]])
    conn.commit()
    conn.close()
    incoming = read_untrusted(path)
    assert len(incoming.projects) == 13 - 6  # the future timestamp is imported, with a note
    assert len(incoming.problems) == 7
    assert any("未来" in p for p in incoming.problems)


def test_duplicate_uuids(exported, tmp_path):
    path = tmp_path / "dup.db"
    shutil.copyfile(exported, path)
    conn = sqlite3.connect(path)
    # a file made by someone else, whose projects table lacks our primary key
    conn.execute("ALTER TABLE projects RENAME TO p_old")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'p_old'").fetchone()[0]
    conn.execute(
        sql.replace('"p_old"', "projects").replace("p_old", "projects").replace("PRIMARY KEY", "")
    )
    conn.execute("INSERT INTO projects SELECT * FROM p_old")
    conn.execute("INSERT INTO projects SELECT * FROM p_old LIMIT 1")
    conn.execute("DROP TABLE p_old")
    conn.commit()
    conn.close()
    # The table's CREATE statement is not ours (no primary key): the file is refused as a
    # whole, before any row is read (the duplicate would have been caught per row).
    with pytest.raises(NotOurFileError, match="table projects"):
        read_untrusted(path)


def test_leftover_journal_of_a_killed_writer_is_rolled_back_in_the_copy(exported, tmp_path):
    path = tmp_path / "crashed.db"
    shutil.copyfile(exported, path)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA cache_size = 1")  # spill changed pages into the file early
    writer.execute("BEGIN")
    writer.execute(
        "UPDATE projects SET name = name || '（未提交）', goal_overall = ?", ["x" * 5000]
    )
    assert os.path.exists(f"{path}-journal")
    frozen = tmp_path / "frozen"
    frozen.mkdir()
    for suffix in ("", "-journal"):  # what a killed writer leaves on the stick
        shutil.copyfile(f"{path}{suffix}", frozen / f"crashed.db{suffix}")
    writer.execute("ROLLBACK")
    writer.close()
    target = frozen / "crashed.db"
    before = files_digest(target)
    incoming = read_untrusted(target)
    assert not any("未提交" in p.name for p in incoming.projects)
    assert len(incoming.projects) == 13
    assert files_digest(target) == before


def test_leftover_wal_is_read_without_touching_it(exported, tmp_path):
    path = tmp_path / "wal.db"
    shutil.copyfile(exported, path)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE projects SET name = name || '（WAL）'")
    writer.commit()
    frozen = tmp_path / "frozen"
    frozen.mkdir()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(f"{path}{suffix}"):
            shutil.copyfile(f"{path}{suffix}", frozen / f"wal.db{suffix}")
    writer.close()
    target = frozen / "wal.db"
    before = files_digest(target)
    assert "-wal" in before
    incoming = read_untrusted(target)
    assert all(p.name.endswith("（WAL）") for p in incoming.projects)
    assert files_digest(target) == before


@settings(max_examples=int(os.environ.get("FLIP_EXAMPLES", "60")), deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=8))
def test_flipped_bytes_give_an_error_or_a_correct_import(flip_source, flips):
    """Correct: what is read passes the codec's checks, and when no flipped byte lies on a
    page of the projects, their indicators, the schema or the header, it is exactly the
    exported projects (a flip elsewhere may refuse the file, never change a form)."""
    from desktop.domain.codec import project_from_dict, project_to_dict

    source, pages, page_size = flip_source
    data = bytearray(source.read_bytes())
    flipped_pages = set()
    for offset, mask in flips:
        data[offset % len(data)] ^= mask
        flipped_pages.add(offset % len(data) // page_size + 1)
    path = source.with_name("flipped.db")
    path.write_bytes(bytes(data))
    before = files_digest(path)
    try:
        incoming = read_untrusted(path)
    except StoreError as exc:
        assert str(exc)
    else:
        for p in incoming.projects:
            assert project_from_dict(project_to_dict(p)) == p
        assert len({p.id for p in incoming.projects}) == len(incoming.projects)
        if not flipped_pages & pages:
            exported = {p.id: p.content() for p in read_untrusted(source).projects}
            assert {p.id: p.content() for p in incoming.projects} == exported
    assert files_digest(path) == before


@pytest.fixture(scope="module")
def flip_source(tmp_path_factory, sample_result):
    """The exported file, the pages that hold what a form is read from (the header page
    with the schema, the projects, the indicators and their indexes) and the page size."""
    folder = tmp_path_factory.mktemp("flip")
    with open_repository(folder / "s.db") as repo:
        repo.add(sample_result.projects[:4])
        export_db(repo.all_projects(), folder / "source.db")
    conn = sqlite3.connect(folder / "source.db")
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        tables = {"sqlite_schema", "sqlite_master", "projects", "indicators"}
        names = tables | {
            n
            for (n,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE tbl_name IN ('projects', 'indicators')"
            )
        }
        pages = {1} | {p for n, p in conn.execute("SELECT name, pageno FROM dbstat") if n in names}
    finally:
        conn.close()
    return folder / "source.db", pages, page_size


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=16))
def test_flipped_bytes_thousands(flip_source, flips):
    test_flipped_bytes_give_an_error_or_a_correct_import.hypothesis.inner_test(flip_source, flips)


# -- merging --------------------------------------------------------------------------------------


def twins(tmp_path, projects):
    """Two databases that share ``projects``, as when a file is carried to a second PC."""
    base = tmp_path / "base.db"
    with open_repository(base) as repo:
        repo.add(projects)
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copyfile(base, a)
    shutil.copyfile(base, b)
    return a, b


def merge_file(source_db, target_db, tmp_path, policy=None, choices=None):
    carried = tmp_path / f"carried-{source_db.stem}.db"
    with open_repository(source_db) as src:
        export_db(src.all_projects(trash=True), carried, src.tombstones())
    with open_repository(target_db) as dst:
        plan = plan_merge(dst, read_untrusted(carried))
        plan.choose(policy)
        for item in plan.items:
            if choices and item.project_id in choices:
                item.choice = choices[item.project_id]
        return plan, apply_merge(dst, plan)


def edit(db, name, **changes):
    with open_repository(db) as repo:
        p = next(x for x in repo.all_projects(trash=True) if x.name == name)
        return repo.save(p.with_changes(**changes))


def state(db):
    """What a clerk sees: each live project's content; deleted ones (in the trash or purged)
    just as deleted."""
    with open_repository(db, read_only=True) as repo:
        out = {
            p.id: (p.content_hash(), p.deleted_at is not None)
            for p in repo.all_projects(trash=True)
        }
        for pid, (_content, deleted) in list(out.items()):
            if deleted:
                out[pid] = "deleted"
        for t in repo.tombstones():
            out[t.project_id] = "deleted"
        return out


def test_merge_statuses_and_defaults(tmp_path):
    a, b = twins(tmp_path, [project(n) for n in ("同", "新A", "改A", "改B", "双改", "删")])
    edit(a, "改A", goal_overall="A 改了")
    edit(b, "改B", goal_overall="B 改了")
    edit(a, "双改", goal_overall="A 的")
    edit(b, "双改", goal_overall="B 的")
    with open_repository(a) as repo:
        repo.add([project("只在A")])
        repo.trash(next(s.id for s in repo.summaries() if s.name == "删"))
    plan, result = merge_file(a, b, tmp_path)
    statuses = {i.name: i.status for i in plan.items}
    assert statuses["只在A"] == Status.NEW
    assert statuses["同"] == Status.IDENTICAL
    assert statuses["改A"] == Status.THEIRS_NEWER
    assert statuses["改B"] == Status.MINE_NEWER
    assert statuses["双改"] == Status.CONFLICT
    assert statuses["删"] == Status.THEIRS_NEWER  # the deletion is the newer state
    with open_repository(b) as repo:
        names = {p.name: p for p in repo.all_projects(trash=True)}
        assert names["改A"].goal_overall == "A 改了"
        assert names["改B"].goal_overall == "B 改了"
        assert names["双改"].goal_overall == "B 的"  # both kept: mine stays…
        assert names["双改（来自carried-a.db）"].goal_overall == "A 的"  # …theirs is a copy
        assert names["删"].deleted_at is not None
        history = repo.history(names["改A"].id)
        assert history and history[0].project.goal_overall != "A 改了"  # the replaced one
    assert (result.added, result.replaced, result.copies) == (1, 2, 1)


def test_merging_the_same_file_twice_changes_nothing(tmp_path):
    a, b = twins(tmp_path, [project(n) for n in ("甲", "乙", "丙")])
    edit(a, "甲", goal_overall="A")
    edit(b, "甲", goal_overall="B")
    edit(a, "乙", goal_overall="A2")
    merge_file(a, b, tmp_path)
    after_first = state(b)
    with open_repository(b) as repo:
        history_first = len(repo.all_history())
    merge_file(a, b, tmp_path)
    assert state(b) == after_first
    with open_repository(b) as repo:
        assert len(repo.all_history()) == history_first


def test_tombstones_keep_a_purged_project_from_coming_back(tmp_path):
    a, b = twins(tmp_path, [project("要删的"), project("留着的")])
    with open_repository(b) as repo:
        pid = next(s.id for s in repo.summaries() if s.name == "要删的")
        repo.trash(pid)
        repo.purge(pid)
    plan, _ = merge_file(a, b, tmp_path)
    assert {i.name: i.status for i in plan.items}["要删的"] == Status.DELETED_HERE
    assert state(b)[pid] == "deleted"
    # and the deletion travels: A learns of it when B's file comes back
    plan, result = merge_file(b, a, tmp_path)
    assert {i.name: i.status for i in plan.items}["要删的"] == Status.DELETED_THERE
    with open_repository(a) as repo:
        assert repo.is_trashed(pid)  # in A's trash, restorable
    assert result.deleted == 1


def test_a_conflict_can_take_theirs_and_the_old_version_is_in_history(tmp_path):
    a, b = twins(tmp_path, [project("争")])
    edit(a, "争", goal_overall="A")
    mine = edit(b, "争", goal_overall="B")
    merge_file(a, b, tmp_path, choices={mine.id: Choice.THEIRS})
    with open_repository(b) as repo:
        assert repo.get(mine.id).goal_overall == "A"
        assert [h.project.goal_overall for h in repo.history(mine.id)] == ["B"]


def test_a_copied_file_edited_on_both_sides_is_a_conflict_not_a_silent_loss(tmp_path):
    """A clerk copies the .db itself to a stick and edits it on another PC."""
    a, b = twins(tmp_path, [project("同一文件")])
    edit(a, "同一文件", goal_overall="A")
    edit(b, "同一文件", goal_overall="B")
    plan, _ = merge_file(a, b, tmp_path)
    assert plan.items[0].status == Status.CONFLICT


names_st = st.sampled_from(["甲", "乙", "丙", "丁"])
actions_st = st.lists(
    st.tuples(
        st.sampled_from(["edit", "trash", "purge", "add"]),
        names_st,
        st.text(alphabet="一二三", max_size=3),
    ),
    max_size=6,
)


def _act(db, actions):
    with open_repository(db) as repo:
        for kind, name, text in actions:
            live = {p.name: p for p in repo.all_projects(trash=True)}
            if kind == "add":
                repo.add([project(name + text + "新")])
            elif name in live and kind == "edit" and live[name].deleted_at is None:
                repo.save(live[name].with_changes(goal_overall=text))
            elif name in live and kind == "trash" and live[name].deleted_at is None:
                repo.trash(live[name].id)
            elif name in live and kind == "purge" and live[name].deleted_at is not None:
                repo.purge(live[name].id)


@settings(max_examples=int(os.environ.get("MERGE_EXAMPLES", "25")), deadline=None)
@given(actions_st, actions_st, st.sampled_from([None, "mine", "theirs"]))
def test_merge_properties(tmp_path_factory, left, right, policy):
    tmp = tmp_path_factory.mktemp("prop")
    a, b = twins(tmp, [project(n) for n in ("甲", "乙", "丙", "丁")])
    _act(a, left)
    _act(b, right)
    latest_a, latest_b = state(a), state(b)
    merge_file(a, b, tmp, policy)  # A into B…
    merge_file(b, a, tmp, policy)  # …and B into A
    assert state(a) == state(b)  # converged
    kept, tombs = set(), set()
    for db in (a, b):
        with open_repository(db, read_only=True) as repo:
            kept |= {p.content_hash() for p in repo.all_projects(trash=True)}
            kept |= {h.project.content_hash() for h in repo.all_history()}
            tombs |= {t.project_id for t in repo.tombstones()}
    for side in (latest_a, latest_b):  # nothing lost: every last state survives somewhere
        for pid, value in side.items():
            assert value == "deleted" or value[0] in kept or pid in tombs
    before = state(b)
    merge_file(a, b, tmp, policy)  # and merging again changes nothing
    assert state(b) == before


# -- backups ----------------------------------------------------------------------------------


def test_merge_and_migration_take_backups(tmp_path):
    a, b = twins(tmp_path, [project("甲")])
    merge_file(a, b, tmp_path)
    assert [x.reason for x in list_backups(b)] == ["merge"]
    with open_repository(b, read_only=True) as repo:
        assert repo.count() == 1


def test_thinning_keeps_seven_days_and_four_weeks(tmp_path):
    with open_repository(tmp_path / "t.db") as repo:
        conn, path = repo.db.conn, repo.path
        start = datetime(2026, 1, 1, 9)
        for day in range(60):
            for hour in (0, 5):
                take(conn, path, "daily", now=start + timedelta(days=day, hours=hour))
    backups = list_backups(tmp_path / "t.db")
    days = [b.taken.date() for b in backups]
    last = (start + timedelta(days=59)).date()
    assert days[:4] == [last, last, last - timedelta(days=1), last - timedelta(days=1)]
    assert len(set(days)) == 7 + 4  # every backup of the last two days, then one a day/week
    assert all(b.taken.hour == 14 for b in backups[4:])  # the newest of each day
    assert taken_today(tmp_path / "t.db", now=start + timedelta(days=59)) is True
    assert thin(backups[0].path.parent, now=start + timedelta(days=59, hours=5)) == []


def test_an_interrupted_backup_leaves_no_file(tmp_path, monkeypatch):
    with open_repository(tmp_path / "t.db") as repo:

        def fail(*a, **k):
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(sqlite3, "connect", fail)
        with pytest.raises(StoreError):
            take(repo.db.conn, repo.path, "manual")
    monkeypatch.undo()
    assert list_backups(tmp_path / "t.db") == []


def test_integrity_after_everything(tmp_path):
    a, b = twins(tmp_path, [project("甲"), project("乙")])
    edit(a, "甲", goal_overall="新")
    merge_file(a, b, tmp_path)
    assert integrity(b) == "ok"
