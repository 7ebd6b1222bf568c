"""The database file: round trips, revisions, trash, migrations and refusing foreign files."""

import hashlib
import os
import sqlite3
from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import IndicatorValue, parse_value
from desktop.store import (
    ConflictError,
    DamagedFileError,
    NewerSchemaError,
    NotFoundError,
    NotOurFileError,
    ReadOnlyError,
    open_repository,
)
from desktop.store.schema import APPLICATION_ID, LATEST_VERSION
from tests.conftest import FIXTURES


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def full_project(**changes) -> Project:
    p = Project(
        year=2024,
        name="司法调解 <测试> & “引号”",
        nature="经常性项目",
        category="特定目标类",
        department="上海市普陀区司法局",
        implementing_unit="上海市普陀区司法局",
        start_date=date(2024, 1, 1),
        end_date=date(2024, 12, 31),
        funds=Funds(
            510_000_000, 500_000_000, 10_000_000, 300_000_000, 250_000_000, 40_000_000, 10_000_000
        ),
        goal_overall="加强诉源治理。\n第二行",
        goal_annual="完善司法调解经费保障体系。",
        indicators=(
            Indicator("产出指标", "数量指标", "纠纷调解成功率", parse_value("=85.00(%)")),
            Indicator("产出指标", "质量指标", "司法调解质量", parse_value("提高")),
            Indicator(
                "效益指标", "社会效益指标", "长度", IndicatorValue.quantitative(None, "985", "米")
            ),
            Indicator(
                "满意度指标",
                "服务对象满意度指标",
                "x 区领导满意度",
                parse_value("高"),
                needs_review=True,
                review_note="两行合并",
                raw_text="\t满意度指标\tx",
                source_line=164,
            ),
            Indicator("满意度指标", "服务对象满意度指标", "", parse_value("")),
        ),
    )
    return p.with_changes(**changes)


def test_new_file_is_marked_as_ours_with_safe_settings(tmp_path):
    path = tmp_path / "new.db"
    with open_repository(path) as repo:
        conn = repo.db.conn
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert not (tmp_path / "new.db-wal").exists()
    assert not (tmp_path / "new.db-journal").exists()


def test_save_and_load_every_field(repo):
    p = full_project()
    saved = repo.save(p)
    assert saved.revision == 1
    loaded = repo.get(p.id)
    assert loaded == saved
    assert loaded.indicators[2].value.number == Decimal("985.00")
    assert loaded.indicators[3].needs_review and loaded.indicators[3].source_line == 164


def test_summaries_do_not_need_indicators(repo):
    a = repo.save(full_project(name="乙", year=2024))
    repo.save(full_project(name="甲", year=2023))
    rows = repo.summaries()
    assert [(r.year, r.name) for r in rows] == [(2024, "乙"), (2023, "甲")]
    assert rows[0].id == a.id and rows[0].total == 510_000_000
    assert rows[0].indicator_count == 5 and rows[0].review_count == 1
    assert [r.name for r in repo.summaries(year=2023)] == ["甲"]
    assert repo.years() == [2024, 2023]


def test_a_save_over_a_newer_revision_is_refused(repo):
    first = repo.save(full_project())
    mine = first.with_changes(name="我的修改")
    theirs = repo.save(first.with_changes(name="别人的修改"))
    with pytest.raises(ConflictError):
        repo.save(mine)
    assert repo.get(first.id).name == "别人的修改"
    assert repo.get(first.id).revision == theirs.revision == 2


def test_editing_replaces_indicators_in_order(repo):
    p = repo.save(full_project())
    reordered = p.with_changes(indicators=tuple(reversed(p.indicators[:3])))
    again = repo.save(reordered)
    assert [i.name for i in repo.get(p.id).indicators] == ["长度", "司法调解质量", "纠纷调解成功率"]
    assert again.revision == 2
    assert repo.summaries()[0].indicator_count == 3


def test_trash_restore_and_purge(repo):
    p = repo.save(full_project())
    repo.trash(p.id)
    assert repo.summaries() == []
    assert [s.id for s in repo.summaries(trash=True)] == [p.id]
    repo.restore(p.id)
    assert [s.id for s in repo.summaries()] == [p.id]
    with pytest.raises(Exception, match="回收站"):
        repo.purge(p.id)
    repo.trash(p.id)
    repo.purge(p.id)
    assert not repo.exists(p.id)
    count = repo.db.execute("SELECT count(*) FROM indicators").fetchone()[0]
    assert count == 0  # cascaded
    with pytest.raises(NotFoundError):
        repo.get(p.id)


def test_a_failing_batch_writes_nothing(repo):
    existing = repo.save(full_project(name="已有"))
    batch = [full_project(name="新1"), full_project(name="新2").with_changes(id=existing.id)]
    with pytest.raises(ConflictError):
        repo.add(batch)
    assert [s.name for s in repo.summaries()] == ["已有"]


def test_reopening_finds_everything(tmp_path):
    path = tmp_path / "a.db"
    with open_repository(path) as repo:
        saved = repo.save(full_project())
    with open_repository(path) as repo:
        assert repo.get(saved.id) == saved


# -- files that are not ours, newer, damaged, read-only --------------------------------------


def test_random_bytes_are_refused_untouched(tmp_path):
    path = tmp_path / "random.db"
    path.write_bytes(os.urandom(4096))
    before = digest(path)
    with pytest.raises(NotOurFileError) as err:
        open_repository(path)
    assert "不是" in str(err.value)
    assert digest(path) == before


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (t TEXT)")
    conn.execute("INSERT INTO notes VALUES ('x')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotOurFileError):
        open_repository(path)
    assert digest(path) == before
    assert not (tmp_path / "other.db-journal").exists()


def test_a_newer_file_is_refused_with_the_version(tmp_path):
    path = tmp_path / "newer.db"
    open_repository(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError) as err:
        open_repository(path)
    assert err.value.version == LATEST_VERSION + 5
    assert "更新版本" in str(err.value)
    assert digest(path) == before


def test_a_damaged_file_is_refused_untouched(tmp_path):
    path = tmp_path / "damaged.db"
    with open_repository(path) as repo:
        repo.add([full_project(name=f"项目{i}", goal_overall="长" * 3000) for i in range(40)])
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    for offset in range(2 * page, 2 * page + 600):  # garble a b-tree page
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DamagedFileError) as err:
        open_repository(path)
    assert "损坏" in str(err.value)
    assert digest(path) == before


def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with open_repository(path) as repo:
        assert repo.schema_version == LATEST_VERSION


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(NotFoundError):
        open_repository(tmp_path / "no" / "such.db")


def test_a_file_that_cannot_be_written_opens_read_only(tmp_path, write_protected):
    """A file on a write-protected stick opens read-only instead of failing at the first
    edit — although Windows' ``os.access`` calls it writable (see ``write_protected``)."""
    path = tmp_path / "ro.db"
    with open_repository(path) as repo:
        saved = repo.save(full_project())
    write_protected(tmp_path)
    with open_repository(path) as repo:
        assert repo.read_only
        assert repo.get(saved.id) == saved
        with pytest.raises(ReadOnlyError):
            repo.save(saved)


def test_read_only_mode_refuses_writes_and_changes_nothing(tmp_path):
    path = tmp_path / "ro.db"
    with open_repository(path) as repo:
        saved = repo.save(full_project())
    before = digest(path)
    with open_repository(path, read_only=True) as repo:
        assert repo.read_only
        assert repo.get(saved.id) == saved
        for action in (
            lambda: repo.save(saved),
            lambda: repo.trash(saved.id),
            lambda: repo.add([full_project()]),
        ):
            with pytest.raises(ReadOnlyError):
                action()
    assert digest(path) == before


# -- migrations ------------------------------------------------------------------------------


def make_v1(path):
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_migrates_a_version_1_file_keeping_everything(tmp_path):
    path = tmp_path / "v1.db"
    make_v1(path)
    with open_repository(path) as repo:
        assert repo.schema_version == LATEST_VERSION
        rows = {s.name: s for s in repo.summaries()}
        assert set(rows) == {"社区矫正（2020年）", "法律援助"}
        old = repo.get(rows["社区矫正（2020年）"].id)
        assert old.revision == 3 and old.updated_at == "2020-02-01T09:30:00.000Z"
        assert old.funds.annual_carryover == 50_000_000
        assert [i.value.display() for i in old.indicators] == [
            "=6.00(次)",
            "低于全市平均水平",
            "高",
        ]
        # No typed text was kept before version 5: the paper keeps showing today's rendering.
        assert [i.value.shown for i in old.indicators] == ["=6.00(次)", "低于全市平均水平", "高"]
        stored = repo.db.execute(
            "SELECT content_hash FROM projects WHERE id = ?", [old.id]
        ).fetchone()[0]
        assert stored == old.content_hash()
        assert old.indicators[2].needs_review and old.indicators[2].source_line == 164
        assert old.profile == "classic"  # a 2020 form
        assert repo.get(rows["法律援助"].id).profile == "2021"
        assert rows["社区矫正（2020年）"].indicator_count == 3
        assert rows["社区矫正（2020年）"].review_count == 1
        found = repo.db.execute(
            "SELECT name FROM projects WHERE search_text LIKE '%区领导满意度%'"
        ).fetchall()
        assert found == [("社区矫正（2020年）",)]
        repo.save(old.with_changes(name="改过"))  # and the migrated file is writable as usual


def test_a_failed_migration_leaves_the_old_version(tmp_path, monkeypatch):
    path = tmp_path / "v1.db"
    make_v1(path)
    before = digest(path)
    from desktop.store import schema

    def broken(db):
        db.execute("ALTER TABLE projects ADD COLUMN profile TEXT NOT NULL DEFAULT ''")
        raise RuntimeError("power cut")

    monkeypatch.setitem(schema.MIGRATIONS, 2, broken)
    with pytest.raises(RuntimeError):
        open_repository(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [r[1] for r in conn.execute("PRAGMA table_info(projects)")]
    conn.close()
    assert "profile" not in columns
    assert digest(path) == before


def test_version_1_file_on_read_only_access_asks_for_a_copy(tmp_path):
    path = tmp_path / "v1.db"
    make_v1(path)
    with pytest.raises(ReadOnlyError, match="复制"):
        open_repository(path, read_only=True)


def test_suggestions_follow_every_change_mine_and_another_programs(repo, tmp_path):
    repo.add([Project(name="甲", year=2024, implementing_unit="甲单位")])
    assert repo.distinct_values("implementing_unit") == ["甲单位"]
    p = repo.add([Project(name="乙", year=2024, implementing_unit="乙单位")]) and repo.get(
        next(s.id for s in repo.summaries() if s.name == "乙")
    )
    assert set(repo.distinct_values("implementing_unit")) == {"甲单位", "乙单位"}
    repo.save(p.with_changes(implementing_unit="甲单位"))
    assert repo.distinct_values("implementing_unit") == ["甲单位"]
    # Another program changes the file: the next question sees it.
    with open_repository(repo.path) as other:
        q = other.get(p.id)
        other.save(q.with_changes(implementing_unit="丙单位"))
    assert set(repo.distinct_values("implementing_unit")) == {"甲单位", "丙单位"}
