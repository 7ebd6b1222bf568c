"""The lines of a conflict's preview, as the Chinese window and ``merge --dry-run`` write
them: the fields both sides changed (我的 / 对方的 / 原来的), then what each side changed
alone. The expected lines are written out by hand from what the preview is meant to say."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.model import Funds, Indicator
from desktop.domain.values import parse_value
from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import Status, plan_merge
from tests.test_store_merge_combine import ANNUAL, edit, export, two_machines

ADDED_ROW = Indicator("效益指标", "社会效益指标", "矛盾纠纷化解率", parse_value("提高"))


def conflict_both_ways(tmp_path):
    """Machine b (mine) and machine a (theirs) edit the same form: four fields both ways,
    one field each alone, and a row added there. Returns the merge item seen on b."""
    a, b, pid = two_machines(tmp_path)
    with open_repository(a) as repo:
        p = repo.get(pid)
        rows = (replace(p.indicators[0], value=parse_value("≥1300(件)")), *p.indicators[1:])
        repo.save(
            p.with_changes(
                name="人民调解工作",
                goal_annual=ANNUAL + "甲的补充。",
                implementing_unit="某区司法局调解科",
                funds=Funds(total=150000),
                indicators=(*rows, ADDED_ROW),
            )
        )
    with open_repository(b) as repo:
        p = repo.get(pid)
        rows = (replace(p.indicators[0], value=parse_value("≥1250(件)")), *p.indicators[1:])
        repo.save(
            p.with_changes(
                name="人民调解项目",
                goal_annual=ANNUAL + "乙的补充。",
                goal_overall="健全人民调解组织网络，覆盖全部村居。",
                funds=Funds(total=120000),
                indicators=rows,
            )
        )
    repo = open_repository(b)
    (item,) = plan_merge(repo, read_untrusted(export(a, tmp_path / "from-a.db"))).items
    assert item.status == Status.CONFLICT
    return item, repo


def test_a_conflict_preview_in_chinese(tmp_path):
    item, repo = conflict_both_ways(tmp_path)
    try:
        assert item.changes == [
            "双方都修改了 4 处（请逐项选择，或两份都保留）：",
            "  ◆ 项目名称",
            "    我的：人民调解项目",
            "    对方的：人民调解工作",
            "    原来的：人民调解",
            "  ◆ 年度总体目标",
            "    我的（与原来的相比）：…安全感和满意度持续提升。〔+乙的补充。〕",
            "    对方的（与原来的相比）：…安全感和满意度持续提升。〔+甲的补充。〕",
            f"    原来的：{ANNUAL}",
            "  ◆ 项目资金总额",
            "    我的：1,200.00",
            "    对方的：1,500.00",
            "    原来的：0.00",
            "  ◆ 指标 产出指标/数量指标/调解案件数",
            "    我的：≥1250(件)",
            "    对方的：≥1300(件)",
            "    原来的：≥1200(件)",
            "对方修改的（合并后采用）：",
            "  实施单位：〔−某区司法局〕 → 〔+某区司法局调解科〕",
            "  新增指标：效益指标/社会效益指标/矛盾纠纷化解率 提高",
            "我修改的（合并后保留）：",
            "  项目总目标：〔−健全人民调解组织网络。〕 → 〔+健全人民调解组织网络，覆盖全部村居。〕",
        ]
    finally:
        repo.close()


def test_unknown_original_and_a_move_to_the_trash_in_chinese(tmp_path):
    """The form's maker never kept the shared version (no 原来的 to show); the colleague
    also put the project in the trash."""
    a, b, pid = two_machines(tmp_path)
    edit(a, pid, name="人民调解工作")
    with open_repository(b) as repo:
        repo.save(repo.get(pid).with_changes(name="人民调解项目"))
        repo.trash(pid)
        target = tmp_path / "from-b.db"
        export_db(repo.all_projects(trash=True), target, repo.tombstones())
    with open_repository(a) as repo:
        (item,) = plan_merge(repo, read_untrusted(target)).items
        assert item.changes == [
            "双方都修改了 1 处（请逐项选择，或两份都保留）：",
            "  ◆ 项目名称",
            "    我的：人民调解工作",
            "    对方的：人民调解项目",
            "    原来的：（历史中没有记录）",
            "对方修改的（合并后采用）：",
            "  对方已把这个项目移入回收站（合并后在回收站中，可以恢复）",
        ]


def test_a_forged_version_record_in_chinese(tmp_path):
    """A file claiming 2⁴⁰ changes of this computer, which saved the project once."""
    import sqlite3

    a, b, pid = two_machines(tmp_path)
    edit(b, pid, goal_overall="我的版本。")
    forged = export(a, tmp_path / "forged.db")
    with open_repository(b) as repo:
        conn = sqlite3.connect(forged)
        conn.execute(
            "UPDATE projects SET versions = json_set(versions, '$.' || ?, ?)",
            ['"' + repo.replica_id + '"', 2**40],
        )
        conn.commit()
        conn.close()
        plan = plan_merge(repo, read_untrusted(forged))
    assert plan.problems == [
        "“人民调解”的版本记录可疑：它记录本机修改过 1099511627776 次，本机只记录了 1 次。"
        "已另存为副本供核对，不会覆盖本机的版本。"
    ]
