"""Every indicator has a stable id: kept by saving, moving and editing, carried through the
JSON codec and .db export, new for a copied form and a pasted row; files from before ids
get the same derived ids on every machine."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import replace

import pytest
import sqlite_utils

from desktop.domain.codec import CodecError, project_from_dict, project_to_dict
from desktop.domain.model import Indicator, Project, legacy_uids, next_year_copy
from desktop.domain.values import parse_value
from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.schema import migrate


def form() -> Project:
    return Project(
        year=2025,
        name="人民调解",
        indicators=(
            Indicator("产出指标", "数量指标", "调解案件数", parse_value("≥100(件)")),
            Indicator("产出指标", "质量指标", "调解成功率", parse_value("≥90(%)")),
            Indicator("满意度指标", "服务对象满意度指标", "群众满意度", parse_value("≥90(%)")),
        ),
    )


def test_new_rows_get_distinct_uuid_ids_and_edits_keep_them():
    p = form()
    ids = [i.uid for i in p.indicators]
    assert len(set(ids)) == 3 and all(uuid.UUID(u).version == 4 for u in ids)
    edited = replace(p.indicators[0], value=parse_value("≥120(件)"))
    assert edited.uid == ids[0]
    # the id is identity, not content: the same row read twice is equal
    assert (
        Indicator("产出指标", "数量指标", "调解案件数", parse_value("≥100(件)"))
        == (p.indicators[0])
    )


def test_ids_survive_save_move_and_export(tmp_path):
    p = form()
    ids = [i.uid for i in p.indicators]
    with open_repository(tmp_path / "a.db") as repo:
        repo.add([p])
        moved = p.with_changes(indicators=(p.indicators[2], p.indicators[0], p.indicators[1]))
        repo.save(moved.with_changes(revision=repo.get(p.id).revision))
        got = repo.get(p.id)
        assert [i.uid for i in got.indicators] == [ids[2], ids[0], ids[1]]
        export_db([got], tmp_path / "out.db")
    incoming = read_untrusted(tmp_path / "out.db")
    assert [i.uid for i in incoming.projects[0].indicators] == [ids[2], ids[0], ids[1]]


def test_json_carries_ids_and_refuses_bad_or_repeated_ones():
    p = form()
    data = project_to_dict(p)
    assert [d["uid"] for d in data["indicators"]] == [i.uid for i in p.indicators]
    back = project_from_dict(json.loads(json.dumps(data)))
    assert [i.uid for i in back.indicators] == [i.uid for i in p.indicators]
    data["indicators"][1]["uid"] = data["indicators"][0]["uid"]
    with pytest.raises(CodecError, match="编号"):
        project_from_dict(data)
    data["indicators"][1]["uid"] = "not-a-uuid"
    with pytest.raises(CodecError, match="UUID"):
        project_from_dict(data)


def test_json_without_ids_derives_them_from_project_and_names():
    """A hand-written or older JSON file: the same file read twice (or on two machines)
    gives the same ids, derived from the project id and the rows' names."""
    data = project_to_dict(form())
    for d in data["indicators"]:
        del d["uid"]
    a, b = project_from_dict(data), project_from_dict(json.loads(json.dumps(data)))
    assert [i.uid for i in a.indicators] == [i.uid for i in b.indicators]
    expected = legacy_uids(
        data["id"], [(d["level1"], d["level2"], d["name"]) for d in data["indicators"]]
    )
    assert [i.uid for i in a.indicators] == expected
    # the same names twice in one form still get two ids
    assert len(set(legacy_uids("x", [("a", "b", "c"), ("a", "b", "c")]))) == 2


def test_next_year_copy_is_a_new_form_with_new_ids():
    p = form()
    copy = next_year_copy(p)
    assert not {i.uid for i in copy.indicators} & {i.uid for i in p.indicators}


def downgrade_to_v5(conn: sqlite3.Connection) -> None:
    """Make a current file a version-5 one: drop the indexes, tables and columns that the
    steps after 5 added (read off a fresh version-5 database), keeping the rows."""
    v5 = sqlite3.connect(":memory:", isolation_level=None)
    migrate(sqlite_utils.Database(v5, execute_plugins=False), 0, 5)
    names = "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    keep = set(v5.execute(names).fetchall())
    here = conn.execute(names).fetchall()
    for kind, name in sorted(here, key=lambda o: o[0] != "index"):  # indexes first
        if (kind, name) not in keep and kind in ("index", "table"):
            conn.execute(f'DROP {kind.upper()} "{name}"')
    for _, table in (o for o in keep if o[0] == "table"):
        old = {r[1] for r in v5.execute(f'PRAGMA table_info("{table}")')}
        for column in [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]:
            if column not in old:
                conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    v5.close()
    conn.execute("PRAGMA user_version = 5")


def test_migration_gives_old_rows_the_derived_ids_on_every_machine(tmp_path):
    """Two copies of one version-5 file upgraded separately find the same ids, even when
    one of them had moved a row before the upgrade; content hashes agree."""
    p = form()
    paths = []
    for name in ("one.db", "two.db"):
        path = tmp_path / name
        with open_repository(path) as repo:
            repo.add([p])
        paths.append(path)
    for n, path in enumerate(paths):
        conn = sqlite3.connect(path)
        if n == 1:  # moved rows: positions 0 and 2 swapped
            conn.execute("UPDATE indicators SET position = 2 - position WHERE position IN (0, 2)")
        downgrade_to_v5(conn)
        conn.commit()
        conn.close()
    got = []
    for path in paths:
        with open_repository(path) as repo:
            got.append(repo.get(p.id))
    by_name = [{i.name: i.uid for i in g.indicators} for g in got]
    assert by_name[0] == by_name[1]
    expected = legacy_uids(p.id, [(i.level1, i.level2, i.name) for i in p.indicators])
    assert [i.uid for i in got[0].indicators] == expected
