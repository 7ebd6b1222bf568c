"""The lines that say why rows of a received .db file were not imported read, in Chinese,
exactly as they always have (the CLI prints them, the Chinese window shows them), and each
keeps its template and arguments so that a window in another language can say it."""

from __future__ import annotations

import sqlite3
import uuid

from desktop.domain.messages import Message
from desktop.io.files import load_file
from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted
from tests.conftest import SAMPLE
from tests.test_store_review_trust import exported


def received_with_bad_rows(tmp_path):
    """The sample's 13 forms as another machine exports them, then two rows spoiled: a year
    that is not a year, and an indicator whose number is not a number."""
    stick = tmp_path / "stick.db"
    with open_repository(tmp_path / "there.db") as repo:
        repo.add(load_file(SAMPLE).projects)
        export_db(repo.all_projects(trash=True), stick, repo.tombstones())
    conn = sqlite3.connect(stick)
    conn.execute("UPDATE projects SET year = 'abc' WHERE name = '司法调解'")
    conn.execute(
        "UPDATE indicators SET number = 'abc' WHERE rowid = (SELECT i.rowid FROM indicators i "
        "JOIN projects p ON p.id = i.project_id WHERE p.name = '法治宣传' "
        "ORDER BY i.position LIMIT 1)"
    )
    conn.commit()
    conn.close()
    return stick


def test_bad_project_rows_are_said_as_before(tmp_path):
    incoming = read_untrusted(received_with_bad_rows(tmp_path))
    assert sorted(incoming.problems) == sorted(
        [
            "“司法调解”未导入：年度无效",
            "“法治宣传”未导入：第 1 条指标的数值“abc”无效",
        ]
    )
    assert len(incoming.projects) == 11
    for problem in incoming.problems:
        assert isinstance(problem, Message) and isinstance(problem.args["problem"], Message)


def test_bad_review_rows_are_said_as_before(tmp_path):
    f, _o, out = exported(tmp_path)
    conn = sqlite3.connect(out)
    event = conn.execute("SELECT * FROM review_events").fetchone()
    columns = [d[1] for d in conn.execute("PRAGMA table_info(review_events)")]
    for change in ({"id": "not-a-uuid"}, {"id": str(uuid.uuid4()), "at": "yesterday"}):
        row = {**dict(zip(columns, event, strict=True)), **change}
        conn.execute(
            f"INSERT INTO review_events ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
    conn.execute(
        "INSERT INTO opinion_changes VALUES (?, ?, ?, 1, 'confirmed', '', '', '', ?)",
        [str(uuid.uuid4()), str(uuid.uuid4()), f.id, "2026-01-01T00:00:00.000Z"],
    )
    conn.commit()
    conn.close()
    problems = read_untrusted(out).problems
    assert problems == [
        "2 条状态记录无效，未导入（例如：“记录编号”不是有效的编号）",
        "1 条意见处理记录找不到所属的意见，未导入",
    ]
    assert all(isinstance(p, Message) for p in problems)
    assert isinstance(problems[0].args["first"], Message)


def test_a_change_in_the_future_and_a_bad_deletion_record_are_said_as_before(tmp_path):
    stick = tmp_path / "stick.db"
    with open_repository(tmp_path / "there.db") as repo:
        repo.add(load_file(SAMPLE).projects)
        export_db(repo.all_projects(trash=True), stick, repo.tombstones())
    conn = sqlite3.connect(stick)
    conn.execute("UPDATE projects SET updated_at = '2999-01-01T00:00:00Z' WHERE name = '司法调解'")
    conn.execute(
        "INSERT INTO tombstones (project_id, name, deleted_at, versions) "
        "VALUES ('not-an-id', 'x', '2026-01-01T00:00:00Z', '{}')"
    )
    conn.commit()
    conn.close()
    problems = read_untrusted(stick).problems
    assert problems == [
        "“司法调解”的修改时间在未来（2999-01-01T00:00:00Z），已导入，请核对电脑日期",
        "一条删除记录无效，已忽略：badly formed hexadecimal UUID string",
    ]
    assert all(isinstance(p, Message) for p in problems)
