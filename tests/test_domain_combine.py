"""The per-field rule of the three-way merge, on plain projects: a change the other side
has not seen wins, both unseen is a conflict, the result does not depend on who merges,
and a save records exactly the fields it changed."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.combine import MINE, THEIRS, combine, stamped
from desktop.domain.model import Indicator, Project
from desktop.domain.values import parse_value

A, B = "replica-a", "replica-b"


def base() -> Project:
    return Project(
        year=2025,
        name="人民调解",
        goal_overall="总目标。",
        goal_annual="年度目标。",
        versions=((A, 1),),
        indicators=(
            Indicator("产出指标", "数量指标", "件数", parse_value("≥10(件)")),
            Indicator("产出指标", "质量指标", "成功率", parse_value("≥90(%)")),
        ),
    )


def save(old: Project, replica: str, **changes) -> Project:
    """What Repository.save does to the record: one more change of ``replica``."""
    versions = dict(old.versions)
    versions[replica] = versions.get(replica, 0) + 1
    new = old.with_changes(**changes, versions=tuple(sorted(versions.items())))
    return stamped(old, new, replica, versions[replica])


def test_a_save_records_only_the_fields_it_changed():
    p = save(base(), B, goal_annual="乙改的。")
    assert p.field_version_map == {"goal_annual": (B, 1)}
    q = save(p, A, name="人民调解工作")
    assert q.field_version_map == {"goal_annual": (B, 1), "name": (A, 2)}
    # a version from the history brings its own records: the stored ones count
    restored = q.with_changes(goal_annual="年度目标。", field_versions=())
    r = stamped(q, restored, A, 3)
    assert r.field_version_map == {"goal_annual": (A, 3), "name": (A, 2)}


def test_the_unseen_change_wins_field_by_field_and_either_side_gets_the_same():
    start = base()
    mine = save(start, A, goal_overall="甲改的总目标。")
    i = start.indicators[1]
    theirs = save(
        start, B, goal_annual="乙改的。", indicators=(start.indicators[0], replace(i, name="率"))
    )
    here, there = combine(mine, theirs), combine(theirs, mine)
    assert here.clean and there.clean
    assert here.project.content() == there.project.content()
    p = here.project
    assert (p.goal_overall, p.goal_annual) == ("甲改的总目标。", "乙改的。")
    assert [x.name for x in p.indicators] == ["件数", "率"]
    assert here.from_mine == ["goal_overall"]
    assert set(here.from_theirs) == {"goal_annual", f"ind:{i.uid}"}


def test_both_unseen_is_a_conflict_settled_by_a_pick():
    start = base()
    mine = save(start, A, goal_annual="甲的。")
    theirs = save(start, B, goal_annual="乙的。")
    c = combine(mine, theirs, base=start)
    (conflict,) = c.conflicts
    assert conflict.key == "goal_annual" and conflict.base_known
    assert (conflict.mine[0], conflict.theirs[0], conflict.base[0]) == (
        "甲的。",
        "乙的。",
        "年度目标。",
    )
    assert combine(mine, theirs).project.goal_annual == "甲的。"  # unpicked: mine
    assert combine(mine, theirs, {"goal_annual": THEIRS}).project.goal_annual == "乙的。"
    assert combine(mine, theirs, {"goal_annual": MINE}).picked == ["goal_annual"]


def test_rows_added_on_both_sides_and_one_deleted_after_it_was_seen():
    start = base()
    first, second = start.indicators
    mine = save(
        start, A, indicators=(first, second, Indicator("效益指标", "社会效益指标", "甲加的"))
    )
    theirs = save(start, B, indicators=(Indicator("效益指标", "社会效益指标", "乙加的"), first))
    here, there = combine(mine, theirs), combine(theirs, mine)
    assert here.project.content() == there.project.content()
    names = [x.name for x in here.project.indicators]
    assert sorted(names) == ["乙加的", "件数", "甲加的"]  # 成功率: deleted there, seen before
