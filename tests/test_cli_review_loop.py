"""The review loop by USB stick, end to end through the command line: two units and one
reviewer, each with its own database, exchanging .db files. At every step each form's
content is what its owner last saved; status and opinions travel beside it."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.domain import review as rv
from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import parse_value
from desktop.store import open_repository
from desktop.store import review as store


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, (argv, out, err)
    return out


def form(name: str, unit: str) -> Project:
    return Project(
        year=2025,
        name=name,
        nature="一次性项目",
        implementing_unit=unit,
        funds=Funds(total=100_000_00, fiscal=100_000_00, annual_total=100_000_00),
        indicators=(
            Indicator("产出指标", "数量指标", "培训人次", parse_value("≥100(人次)")),
            Indicator("效益指标", "社会效益指标", "群众知晓率", parse_value("≥90(%)")),
            Indicator("满意度指标", "服务对象满意度指标", "参训人员满意度", parse_value("≥90(%)")),
        ),
    )


def content(path, pid):
    with open_repository(path) as repo:
        return repo.get(pid).content_hash()


def status(path, pid):
    with open_repository(path) as repo:
        return store.status(repo, pid)


def listed_status(capsys, path, pid) -> str:
    for line in run(capsys, "list", "--db", path).splitlines():
        cols = line.split("\t")
        if cols[0] == pid:
            return cols[4]
    raise AssertionError(f"{pid} not listed")


def edit(path, pid, **changes):
    with open_repository(path) as repo:
        saved = repo.save(repo.get(pid).with_changes(**changes))
        return saved.content_hash()


def test_two_units_and_a_reviewer(tmp_path, capsys):
    a_db, b_db, r_db = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "r.db"
    a_form, b_form = form("普法宣传", "甲司法所"), form("人民调解", "乙司法所")
    for path, f, unit in ((a_db, a_form, "甲司法所"), (b_db, b_form, "乙司法所")):
        with open_repository(path) as repo:
            repo.add([f.with_changes(revision=1)])
        run(capsys, "role", "--db", path, "--unit", unit, "--person", "张三")
    a, b = a_form.id, b_form.id
    with open_repository(r_db):
        pass
    run(capsys, "role", "--db", r_db, "--unit", "区司法局财务科", "--role", "reviewer")
    a_saved, b_saved = content(a_db, a), content(b_db, b)
    assert listed_status(capsys, a_db, a) == "编制中"

    # Both units submit and carry their files to the reviewer.
    run(capsys, "submit", "--db", a_db, "--project", a)
    run(capsys, "submit", "--db", b_db, "--project", b)
    assert listed_status(capsys, a_db, a) == "已报送"
    run(capsys, "export", tmp_path / "a-up.db", "--db", a_db)
    run(capsys, "export", tmp_path / "b-up.db", "--db", b_db)
    out = run(capsys, "merge", tmp_path / "a-up.db", "--db", r_db)
    assert "新的审核记录（状态、意见、答复）1 条" in out
    run(capsys, "merge", tmp_path / "b-up.db", "--db", r_db)
    assert listed_status(capsys, r_db, a) == listed_status(capsys, r_db, b) == "已报送"
    assert content(r_db, a) == a_saved and content(r_db, b) == b_saved

    # The unit keeps working after 报送 (this edit must survive the reviewer's file).
    a_saved = edit(a_db, a, goal_overall="全年开展普法宣传活动")

    # The reviewer: an opinion on a field, one on an indicator; return A, approve B.
    run(
        capsys, "review", "--db", r_db, "--project", a,
        "--opinion", 4, "--text", "财政资金与预算批复不符", "--field", "funds.fiscal",
    )  # fmt: skip
    run(
        capsys, "review", "--db", r_db, "--project", a,
        "--opinion", 2, "--text", "请写明培训对象", "--indicator", "培训人次",
    )  # fmt: skip
    run(capsys, "review", "--db", r_db, "--project", a, "--return")
    run(capsys, "review", "--db", r_db, "--project", b, "--approve")
    lines = run(capsys, "opinions", "--db", r_db).splitlines()
    assert [line.split("\t")[:5] for line in lines] == [
        ["普法宣传", "项目资金/其中：财政资金", "4 指标与指标值不匹配",
         "财政资金与预算批复不符", "未处理"],
        ["普法宣传", "绩效指标/第1条（产出指标/数量指标/培训人次）", "2 指标不够细化、量化",
         "请写明培训对象", "未处理"],
    ]  # fmt: skip
    assert content(r_db, a) != a_saved  # the reviewer holds the form as submitted

    # The export for each unit holds its projects only, with their status and opinions.
    run(capsys, "export", tmp_path / "a-down.db", "--db", r_db, "--unit", "甲司法所")
    run(capsys, "export", tmp_path / "b-down.db", "--db", r_db, "--unit", "乙司法所")
    with open_repository(tmp_path / "a-down.db") as down:
        assert [s.id for s in down.summaries()] == [a]
    run(capsys, "merge", tmp_path / "a-down.db", "--db", a_db)
    run(capsys, "merge", tmp_path / "b-down.db", "--db", b_db)
    assert listed_status(capsys, a_db, a) == "退回修改"
    assert listed_status(capsys, b_db, b) == "审核通过"
    assert content(a_db, a) == a_saved and content(b_db, b) == b_saved
    with open_repository(a_db) as repo:
        opinions = store.opinions(repo, a)
    assert [(s.opinion.code, s.state) for s in opinions] == [(4, rv.OPEN), (2, rv.OPEN)]
    fiscal, indicator = (s.opinion.id for s in opinions)

    # The returned unit fixes, answers and submits again.
    a_saved = edit(a_db, a, funds=Funds(total=80_000_00, fiscal=80_000_00, annual_total=80_000_00))
    run(capsys, "answer", "--db", a_db, "--opinion", fiscal, "--fixed")
    run(capsys, "answer", "--db", a_db, "--opinion", indicator, "--explain", "培训对象为社区居民")
    run(capsys, "submit", "--db", a_db, "--project", a)
    run(capsys, "export", tmp_path / "a-up2.db", "--db", a_db)
    run(capsys, "merge", tmp_path / "a-up2.db", "--db", r_db)
    assert content(r_db, a) == a_saved  # the unit's newer form replaced the submitted one
    assert listed_status(capsys, r_db, a) == "已报送"
    states = [line.split("\t")[4] for line in run(capsys, "opinions", "--db", r_db).splitlines()]
    assert states == ["已修改", "已说明（培训对象为社区居民）"]

    # The reviewer confirms and approves; the unit sees it.
    run(capsys, "review", "--db", r_db, "--confirm", fiscal)
    run(capsys, "review", "--db", r_db, "--project", a, "--approve")
    run(capsys, "export", tmp_path / "a-down2.db", "--db", r_db, "--unit", "甲司法所")
    run(capsys, "merge", tmp_path / "a-down2.db", "--db", a_db)
    assert listed_status(capsys, a_db, a) == "审核通过"
    assert content(a_db, a) == a_saved
    with open_repository(a_db) as repo:
        assert [s.state for s in store.opinions(repo, a)] == [rv.CONFIRMED, rv.EXPLAINED]

    # Approved means locked: an edit asks for 调整 with a reason first.
    with open_repository(a_db) as repo, pytest.raises(store.ReviewRefused, match="申请调整"):
        store.check_editable(repo, a)
    code = main(["adjust", "--db", str(a_db), "--project", a, "--reason", ""])
    assert code == 2 and "原因" in capsys.readouterr().err
    run(capsys, "adjust", "--db", a_db, "--project", a, "--reason", "预算调减")
    assert status(a_db, a) == rv.ADJUSTING
    edit(a_db, a, goal_annual="年内完成四次宣传")
    with open_repository(a_db) as repo:
        store.check_editable(repo, a)  # no longer refused
        kept = [h for h in repo.history(a) if h.reason.startswith("审核通过的版本")]
        assert [h.project.content_hash() for h in kept] == [a_saved]
        assert store.changes_since_approval(repo, a) == [
            "年度总体目标：（空） → 〔+年内完成四次宣传〕"
        ]  # marked as the merge preview marks it
    # B's form was never touched by any of this.
    assert content(b_db, b) == b_saved and content(r_db, b) == b_saved


def test_review_steps_are_refused_in_one_line(tmp_path, capsys):
    db = tmp_path / "u.db"
    f = form("普法宣传", "甲司法所")
    with open_repository(db) as repo:
        repo.add([f])

    def refused(*argv) -> str:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        assert code == 2, (argv, out, err)
        assert len(err.strip().splitlines()) == 1 and err.startswith("错误：")
        return err

    assert "本机单位" in refused("submit", "--db", db, "--project", f.id)
    run(capsys, "role", "--db", db, "--unit", "甲司法所")
    assert "审核单位" in refused("review", "--db", db, "--project", f.id, "--approve")
    assert "审核单位" in refused("review", "--db", db, "--project", f.id, "--opinion", 1)
    run(capsys, "role", "--db", db, "--role", "reviewer")
    assert "没有代码为 99" in refused("review", "--db", db, "--project", f.id, "--opinion", 99)
    assert "编制中" in refused("review", "--db", db, "--project", f.id, "--approve")
    assert "没有名为“x”的三级指标" in refused(
        "review", "--db", db, "--project", f.id, "--opinion", 1, "--indicator", "x"
    )
    assert "没有名为“funds.x”的字段" in refused(
        "review", "--db", db, "--project", f.id, "--opinion", 1, "--field", "funds.x"
    )
    assert "没有编号" in refused("answer", "--db", db, "--opinion", "nope", "--fixed")
    codes = run(capsys, "opinions", "--db", db, "--codes").splitlines()
    assert codes[0] == "1\t指标不够完整" and codes[-1] == "11\t其他" and len(codes) == 11
