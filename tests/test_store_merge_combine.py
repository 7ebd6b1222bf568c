"""Three-way merge: two colleagues editing different parts of one form get one project with
both edits (both originals in the history); the same field edited both ways keeps both; the
preview and ``merge --dry-run`` show the changed text, not its start; a file that raises my
own replica's counter is reported as forged and kept as a copy for review."""

from __future__ import annotations

import shutil
import sqlite3

from desktop.cli import main
from desktop.domain.model import Indicator, Project
from desktop.domain.values import parse_value
from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import Choice, Status, apply_merge, plan_merge

# A long 年度总体目标: the two versions differ only by a sentence added at its end.
ANNUAL = (
    "通过开展人民调解工作，及时化解矛盾纠纷，全年调解各类纠纷不少于1200件，调解成功率保持在"
    "95%以上，有效维护社会和谐稳定，从而推动人民群众安全感和满意度持续提升。"
)
ADDED = "同时加强调解员队伍建设，全年培训不少于4次。"


def form() -> Project:
    return Project(
        year=2025,
        name="人民调解",
        implementing_unit="某区司法局",
        goal_overall="健全人民调解组织网络。",
        goal_annual=ANNUAL,
        indicators=(
            Indicator("产出指标", "数量指标", "调解案件数", parse_value("≥1200(件)")),
            Indicator("产出指标", "质量指标", "调解成功率", parse_value("≥95(%)")),
            Indicator("满意度指标", "服务对象满意度指标", "群众满意度", parse_value("≥90(%)")),
        ),
    )


def two_machines(tmp_path) -> tuple:
    """The same form on two machines (the second received it from the first)."""
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    p = form()
    with open_repository(a) as repo:
        repo.add([p])
    export_db([p], tmp_path / "first.db")
    with open_repository(b) as repo:
        apply_merge(repo, plan_merge(repo, read_untrusted(tmp_path / "first.db")), backup=False)
    return a, b, p.id


def edit(path, pid, **changes):
    with open_repository(path) as repo:
        p = repo.get(pid)
        return repo.save(p.with_changes(**changes))


def export(path, target):
    with open_repository(path) as repo:
        export_db(repo.all_projects(trash=True), target, repo.tombstones())
    return target


def test_disjoint_edits_become_one_project_with_both(tmp_path):
    a, b, pid = two_machines(tmp_path)
    edit(a, pid, goal_annual=ANNUAL + ADDED)
    with open_repository(b) as repo:
        p = repo.get(pid)
        inds = list(p.indicators)
        inds[1] = Indicator(
            inds[1].level1, inds[1].level2, inds[1].name, parse_value("≥96(%)"), uid=inds[1].uid
        )
        repo.save(
            p.with_changes(goal_overall="健全人民调解组织网络，覆盖全部村居。", indicators=inds)
        )
    with open_repository(b) as repo:
        mine_before = repo.get(pid)
        incoming = read_untrusted(export(a, tmp_path / "from-a.db"))
        theirs_before = incoming.projects[0]
        plan = plan_merge(repo, incoming)
        (item,) = plan.items
        assert item.status == Status.CONFLICT
        assert item.choice == Choice.COMBINE  # the default: 合并双方的修改
        shown = "\n".join(item.changes)
        assert f"〔+{ADDED}〕" in shown  # the sentence added at the end is visible
        assert f"满意度持续提升。〔+{ADDED}〕" in shown  # with the text before it as context
        assert "〔−≥95.00(%)〕 → 〔+≥96.00(%)〕" in shown or "〔−≥95(%)〕 → 〔+≥96(%)〕" in shown
        apply_merge(repo, plan, backup=False)
        projects = list(repo.all_projects())
        assert len(projects) == 1  # no duplicate
        got = projects[0]
        assert got.goal_annual == ANNUAL + ADDED  # theirs
        assert got.goal_overall == "健全人民调解组织网络，覆盖全部村居。"  # mine
        assert got.indicators[1].value == parse_value("≥96(%)")  # mine
        history = {h.project.content_hash() for h in repo.history(pid)}
        assert {mine_before.content_hash(), theirs_before.content_hash()} <= history
        merged_b = got
    # the other machine merges back: the same content, nothing left to combine
    with open_repository(a) as repo:
        plan = plan_merge(repo, read_untrusted(export(b, tmp_path / "from-b.db")))
        assert [i.status for i in plan.items] == [Status.THEIRS_NEWER]
        apply_merge(repo, plan, backup=False)
        assert repo.get(pid).content_hash() == merged_b.content_hash()


def test_both_merging_each_others_files_converge(tmp_path):
    a, b, pid = two_machines(tmp_path)
    edit(a, pid, goal_annual=ANNUAL + ADDED)
    edit(b, pid, implementing_unit="某区司法局人民调解科")
    fa, fb = export(a, tmp_path / "fa.db"), export(b, tmp_path / "fb.db")
    for path, other in ((a, fb), (b, fa)):
        with open_repository(path) as repo:
            apply_merge(repo, plan_merge(repo, read_untrusted(other)), backup=False)
    hashes = []
    for path in (a, b):
        with open_repository(path) as repo:
            (p,) = list(repo.all_projects())
            assert (p.goal_annual, p.implementing_unit) == (ANNUAL + ADDED, "某区司法局人民调解科")
            hashes.append(p.content_hash())
    assert hashes[0] == hashes[1]
    with open_repository(a) as repo:  # and they agree they are the same
        plan = plan_merge(repo, read_untrusted(export(b, tmp_path / "again.db")))
        assert [i.status for i in plan.items] == [Status.IDENTICAL]


def test_same_field_changed_both_ways_keeps_both_texts(tmp_path):
    a, b, pid = two_machines(tmp_path)
    edit(a, pid, goal_annual=ANNUAL + "甲的补充。")
    edit(b, pid, goal_annual=ANNUAL + "乙的补充。", goal_overall="乙改的总目标。")
    with open_repository(b) as repo:
        plan = plan_merge(repo, read_untrusted(export(a, tmp_path / "from-a.db")))
        (item,) = plan.items
        assert item.choice == Choice.BOTH  # a real conflict: nothing lost by default
        assert [k.key for k in item.combined.conflicts] == ["goal_annual"]
        shown = "\n".join(item.changes)
        assert f"我的：{ANNUAL}乙的补充。" in shown and f"对方的：{ANNUAL}甲的补充。" in shown
        assert f"原来的：{ANNUAL}\n" in shown + "\n"  # the version both started from
        apply_merge(repo, plan, backup=False)
        texts = sorted(p.goal_annual for p in repo.all_projects())
        assert texts == sorted([ANNUAL + "甲的补充。", ANNUAL + "乙的补充。"])


def test_the_original_value_is_known_on_the_side_that_made_the_form_too(tmp_path):
    """The creator's history never held the shared version; the colleague's export
    carries it (its last shared version), so 原来的 shows on both sides."""
    a, b, pid = two_machines(tmp_path)
    edit(a, pid, goal_annual=ANNUAL + "甲的补充。")
    edit(b, pid, goal_annual=ANNUAL + "乙的补充。")
    with open_repository(a) as repo:
        assert repo.history(pid) == []
        target = tmp_path / "from-b.db"
    with open_repository(b) as repo:
        from desktop.store.exchange import shared_bases

        export_db(list(repo.all_projects()), target, bases=shared_bases(repo, repo.all_projects()))
    with open_repository(a) as repo:
        (item,) = plan_merge(repo, read_untrusted(target)).items
        shown = "\n".join(item.changes)
        assert f"原来的：{ANNUAL}\n" in shown + "\n"


def test_a_conflict_settled_per_field(tmp_path):
    a, b, pid = two_machines(tmp_path)
    edit(a, pid, goal_annual=ANNUAL + "甲的补充。", name="人民调解工作")
    edit(b, pid, goal_annual=ANNUAL + "乙的补充。", goal_overall="乙改的总目标。")
    with open_repository(b) as repo:
        plan = plan_merge(repo, read_untrusted(export(a, tmp_path / "from-a.db")))
        (item,) = plan.items
        item.choice = Choice.COMBINE
        item.picks = {"goal_annual": "theirs"}
        apply_merge(repo, plan, backup=False)
        (p,) = list(repo.all_projects())
        assert (p.name, p.goal_annual, p.goal_overall) == (
            "人民调解工作",
            ANNUAL + "甲的补充。",
            "乙改的总目标。",
        )
        assert any(h.project.goal_annual == ANNUAL + "乙的补充。" for h in repo.history(pid))
    # the pick is a decision the other side has not seen: merging back, it wins there too
    with open_repository(a) as repo:
        apply_merge(
            repo, plan_merge(repo, read_untrusted(export(b, tmp_path / "b.db"))), backup=False
        )
        assert repo.get(pid).goal_overall == "乙改的总目标。"


def test_indicators_matched_by_id_edited_here_moved_and_added_there(tmp_path):
    a, b, pid = two_machines(tmp_path)
    with open_repository(a) as repo:  # moves the last row first and adds one
        p = repo.get(pid)
        i0, i1, i2 = p.indicators
        new = Indicator("效益指标", "社会效益指标", "矛盾纠纷化解率", parse_value("提高"))
        repo.save(p.with_changes(indicators=(i2, i0, i1, new)))
    with open_repository(b) as repo:  # edits and renames the row the other side moved
        p = repo.get(pid)
        i0, i1, i2 = p.indicators
        from dataclasses import replace

        edited = replace(i2, name="群众满意率", value=parse_value("≥92(%)"))
        repo.save(p.with_changes(indicators=(i0, i1, edited)))
    with open_repository(b) as repo:
        plan = plan_merge(repo, read_untrusted(export(a, tmp_path / "a.db")))
        assert plan.items[0].choice == Choice.COMBINE
        apply_merge(repo, plan, backup=False)
        got = repo.get(pid).indicators
        assert [i.name for i in got] == ["群众满意率", "调解案件数", "调解成功率", "矛盾纠纷化解率"]
        assert got[0].value == parse_value("≥92(%)")


def test_a_row_deleted_there_and_untouched_here_goes(tmp_path):
    a, b, pid = two_machines(tmp_path)
    with open_repository(a) as repo:
        p = repo.get(pid)
        repo.save(p.with_changes(indicators=p.indicators[:2]))
    edit(b, pid, goal_overall="乙改的总目标。")
    with open_repository(b) as repo:
        apply_merge(
            repo, plan_merge(repo, read_untrusted(export(a, tmp_path / "a.db"))), backup=False
        )
        got = repo.get(pid)
        assert [i.name for i in got.indicators] == ["调解案件数", "调解成功率"]
        assert got.goal_overall == "乙改的总目标。"


def test_dry_run_shows_the_added_sentence_and_the_default(tmp_path, capsys):
    a, b, pid = two_machines(tmp_path)
    edit(a, pid, goal_annual=ANNUAL + ADDED)
    edit(b, pid, goal_overall="乙改的总目标。")
    source = export(a, tmp_path / "交换.db")
    before = (tmp_path / "b.db").read_bytes()
    assert main(["merge", str(source), "--db", str(b), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "双方都修改过\t合并双方的修改" in out
    assert f"〔+{ADDED}〕" in out
    assert (tmp_path / "b.db").read_bytes() == before
    assert main(["merge", str(source), "--db", str(b)]) == 0
    with open_repository(b) as repo:
        (p,) = list(repo.all_projects())
        assert (p.goal_annual, p.goal_overall) == (ANNUAL + ADDED, "乙改的总目标。")


def test_a_forged_counter_of_mine_is_kept_as_a_copy_for_review(tmp_path, capsys):
    """Someone who saw my export knows my replica id: a file setting my counter to the
    accepted maximum must not pass as newer (after my next edit every merge would refuse
    the project)."""
    a, b, pid = two_machines(tmp_path)
    edit(b, pid, goal_overall="我的版本。")
    with open_repository(b) as repo:
        me = repo.replica_id
        mine = repo.get(pid)
    forged = tmp_path / "forged.db"
    shutil.copyfile(export(a, tmp_path / "plain.db"), forged)
    conn = sqlite3.connect(forged)
    conn.execute(
        "UPDATE projects SET versions = json_set(versions, '$.' || ?, ?), goal_overall = ?",
        ['"' + me + '"', 2**40, "伪造的版本。"],
    )
    conn.commit()
    conn.close()
    with open_repository(b) as repo:
        plan = plan_merge(repo, read_untrusted(forged))
        (item,) = plan.items
        assert item.status == Status.FORGED
        assert any("版本记录可疑" in p for p in plan.problems)
    for _ in range(2):  # from the command line; merging the same file again adds nothing
        assert main(["merge", str(forged), "--db", str(b)]) == 1  # done, with attention
    assert "版本记录可疑" in capsys.readouterr().out
    with open_repository(b) as repo:
        assert repo.get(pid).content_hash() == mine.content_hash()
        assert repo.get(pid).version_map[me] == mine.version_map[me]
        copies = [p for p in repo.all_projects() if p.id != pid]
        assert len(copies) == 1 and copies[0].goal_overall == "伪造的版本。"
        assert "待核对" in copies[0].name and copies[0].version_map == {me: 1}
        saved = repo.save(repo.get(pid).with_changes(goal_overall="再改一次。"))
    # the project can still be exchanged: the other machine takes my next edit
    with open_repository(a) as repo:
        plan = plan_merge(repo, read_untrusted(export(b, tmp_path / "after.db")))
        apply_merge(repo, plan, backup=False)
        assert repo.get(pid).goal_overall == saved.goal_overall
