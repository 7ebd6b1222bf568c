"""A write costs what it writes, not the size of the file: adding a batch, saving one edited
value, moving a project to the trash and back, and merging a small file run the same
number of SQLite statements, and visit about as many rows (virtual-machine steps), in a
file ten times larger. The stored 可能重复 warnings these writes keep up to date come from
an index of the duplicate key (``projects.name_key``), which a file of the schema before
gets from the rule when it is opened."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from desktop.domain.model import Project, new_id
from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import apply_merge, plan_merge


class Cost:
    """Statements run and SQLite steps (in hundreds) taken on one connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.statements: list[str] = []
        self.steps = 0

    def __enter__(self) -> Cost:
        def step() -> int:
            self.steps += 1
            return 0

        self.conn.set_trace_callback(self.statements.append)
        self.conn.set_progress_handler(step, 100)
        return self

    def __exit__(self, *exc) -> None:
        self.conn.set_trace_callback(None)
        self.conn.set_progress_handler(None, 0)


def _file(path, sample_result, copies: int):
    """A database of ``copies`` × the sample's 13 forms (each copy's names its own)."""
    repo = open_repository(path)
    repo.add(
        replace(p, id=new_id(), name=f"{p.name}（第{k}份）")
        for k in range(copies)
        for p in sample_result.projects
    )
    return repo


def _costs(tmp_path, sample_result, copies: int) -> dict[str, tuple[int, int]]:
    sample = sample_result.projects
    out = {}
    repo = _file(tmp_path / f"{copies}.db", sample_result, copies)
    with repo:
        namesake = repo.get(repo.summaries()[0].id)
        batch = [replace(p, id=new_id(), name=f"{p.name}（新）") for p in sample[:4]]
        batch.append(replace(namesake, id=new_id(), name=f"{namesake.name}（来自别处.db）"))
        with Cost(repo.conn) as cost:
            repo.add(batch)
        out["add"] = (len(cost.statements), cost.steps)
        edited = repo.get(batch[0].id)
        with Cost(repo.conn) as cost:
            repo.save(edited.with_changes(goal_annual=edited.goal_annual + "（修改）"))
        out["save"] = (len(cost.statements), cost.steps)
        with Cost(repo.conn) as cost:
            repo.trash(namesake.id)
            repo.restore(namesake.id)
        out["trash"] = (len(cost.statements), cost.steps)
        # another machine: two of this file's projects changed there, and two new ones
        fresh = [replace(p, id=new_id(), name=f"{p.name}（对方新建）") for p in sample[5:7]]
        with open_repository(tmp_path / f"other-{copies}.db") as other:
            other.add([repo.get(batch[1].id), repo.get(batch[2].id), *fresh])
            for p in other.all_projects(ids=[batch[1].id, batch[2].id]):
                other.save(p.with_changes(goal_overall=p.goal_overall + "（对方修改）"))
            export_db(other.all_projects(), tmp_path / f"incoming-{copies}.db")
        incoming = read_untrusted(tmp_path / f"incoming-{copies}.db")
        with Cost(repo.conn) as cost:
            result = apply_merge(repo, plan_merge(repo, incoming), backup=False)
        assert result.added == 2 and result.replaced == 2, result
        out["merge"] = (len(cost.statements), cost.steps)
        # what the writes kept: the namesake and the copy from elsewhere share a key
        shared = {s.id for s in repo.summaries() if s.audit_warnings}
        assert {namesake.id, batch[-1].id} <= shared
        assert (namesake.year, namesake.name) in repo.duplicate_keys()
    return out


def test_writes_cost_the_same_in_a_file_ten_times_larger(tmp_path, sample_result):
    small = _costs(tmp_path, sample_result, 2)
    large = _costs(tmp_path, sample_result, 20)
    for work in ("add", "save", "trash", "merge"):
        assert large[work][0] == small[work][0], (work, small[work], large[work])
        assert large[work][1] <= 1.1 * small[work][1] + 3, (work, small[work], large[work])


def test_the_duplicate_key_is_filled_in_when_a_file_of_the_schema_before_is_opened(tmp_path):
    # the rule (audit.name_key): the name without spaces and a merge copy's “（来自…）”
    a = Project(year=2025, name="人民 调解")
    b = Project(year=2025, name="人民调解（来自交换.db）")
    c = Project(year=2025, name="人民调解（二期）")
    path = tmp_path / "old.db"
    with open_repository(path) as repo:
        repo.add([a, b, c])
    conn = sqlite3.connect(path)  # the file as schema 11 wrote it: no name_key, no quarantine
    conn.execute("DROP TABLE quarantined_values")
    conn.execute("DROP TABLE quarantined_rows")
    conn.execute("DROP INDEX projects_name_key")
    conn.execute("ALTER TABLE projects DROP COLUMN name_key")
    conn.execute("PRAGMA user_version = 11")
    conn.commit()
    conn.close()
    with open_repository(path) as repo:
        keys = {
            pid: bytes.fromhex(key).decode("utf-8")  # stored as the hex of its UTF-8 bytes
            for pid, key in repo.conn.execute("SELECT id, name_key FROM projects")
        }
        assert keys == {a.id: "人民调解", b.id: "人民调解", c.id: "人民调解（二期）"}
        assert repo.duplicate_keys() == {(2025, "人民调解")}
        plan = repo.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM projects "
            "WHERE year = 2025 AND name_key = ? AND deleted_at IS NULL",
            ["人民调解".encode().hex()],
        ).fetchall()
        assert "projects_name_key" in str(plan)


def test_a_damaged_duplicate_key_is_a_project_to_repair_not_a_failed_read(tmp_path):
    from desktop.store.errors import BadProjectError

    a, b = Project(year=2025, name="人民调解"), Project(year=2025, name="法律援助")
    path = tmp_path / "d.db"
    with open_repository(path) as repo:
        repo.add([a, b])
    conn = sqlite3.connect(path)  # a cut or a flipped byte in the stored key
    conn.execute("UPDATE projects SET name_key = 'e4ba' || char(0) WHERE id = ?", [a.id])
    conn.commit()
    conn.close()
    with open_repository(path) as repo:
        bad: list[BadProjectError] = []
        assert [p.id for p in repo.all_projects(skip_bad=bad)] == [b.id]
        assert [e.project_id for e in bad] == [a.id] and "需要修复" in str(bad[0])
        assert repo.duplicate_keys() == set()
    export = tmp_path / "received.db"
    export.write_bytes(path.read_bytes())
    incoming = read_untrusted(export)
    assert [p.id for p in incoming.projects] == [b.id]
    assert any("未导入" in line and "人民调解" in line for line in incoming.problems)
