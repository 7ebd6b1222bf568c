"""The review records' rules: transitions, the state of an opinion read off a set of
changes (a join-semilattice: the order of arrival never matters), the reason list."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import review as rv
from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import parse_value

P = Project(
    year=2025,
    name="普法宣传",
    funds=Funds(total=1_00, fiscal=1_00),
    indicators=(Indicator("产出指标", "数量指标", "培训人次", parse_value("≥100(人次)")),),
)


def test_the_reasons_are_the_eleven_adjoption_codes():
    # The list as the issue quotes it from the 预算管理一体化系统's 绩效 module.
    assert [(r.code, r.text) for r in rv.reasons()] == [
        (1, "指标不够完整"),
        (2, "指标不够细化、量化"),
        (3, "指标与项目的相关性不够"),
        (4, "指标与指标值不匹配"),
        (5, "建议拆分指标"),
        (6, "一级指标类型错误"),
        (7, "二级指标类型错误"),
        (8, "建议增加明确效益指标"),
        (9, "建议增加明确产出指标"),
        (10, "建议增加满意度指标"),
        (11, "其他"),
    ]
    assert rv.reason_text(42) == "代码 42"  # a code from a newer list is still shown


def test_the_loop_of_transitions():
    events: list[rv.StatusEvent] = []

    def go(to, **kw):
        e = rv.transition(events, P, to, unit="甲", **kw)
        events.append(e)
        return e

    assert rv.current_status(events) == rv.DRAFT
    with pytest.raises(rv.ReviewError, match="当前为编制中，不能审核通过"):
        go(rv.APPROVED)
    assert go(rv.SUBMITTED).from_status == rv.DRAFT
    go(rv.RETURNED)
    with pytest.raises(rv.ReviewError, match="不能审核通过"):
        go(rv.APPROVED)
    go(rv.SUBMITTED)
    e = go(rv.APPROVED)
    assert e.content_hash == P.content_hash() and e.seq == 4
    with pytest.raises(rv.ReviewError, match="说明原因"):
        go(rv.ADJUSTING, note="  ")
    go(rv.ADJUSTING, note="预算调减")
    go(rv.SUBMITTED)
    assert rv.current_status(events) == rv.SUBMITTED
    # Made in one millisecond, events still sort in the order they were made (seq).
    assert [e.seq for e in events] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    ("key", "place"),
    [  # the tab and the label as the paper form writes them
        ("name", "基本信息/项目名称"),
        ("end_date", "基本信息/计划完成日期"),
        ("goal_overall", "绩效目标/项目总目标"),
        ("goal_annual", "绩效目标/年度总体目标"),
        ("funds.total", "项目资金/项目资金总额"),
        ("funds.fiscal", "项目资金/其中：财政资金"),
        ("funds.other", "项目资金/其他资金"),
        ("funds.annual_appropriation", "项目资金/其中：当年财政拨款"),
        ("funds.annual_carryover", "项目资金/上年结转资金"),
        ("funds.annual_other", "项目资金/其他资金（年度）"),
    ],
)
def test_a_field_is_placed_by_its_tab_and_the_forms_own_label(key, place):
    assert rv.field_place(key) == place


def test_an_opinion_on_a_field_or_an_indicator_names_its_place():
    o = rv.new_opinion(P, 4, "与批复不符", unit="财务科", field="funds.fiscal")
    assert (o.kind, o.target, o.label) == ("field", "funds.fiscal", "项目资金/其中：财政资金")
    o = rv.new_opinion(P, 2, unit="财务科", indicator=0)
    assert o.kind == "indicator" and o.label == "产出指标/数量指标/培训人次"
    assert rv.find_indicator(P, o.target) == 0
    moved = P.with_changes(indicators=(Indicator("产出指标", "数量指标", "x"), *P.indicators))
    assert rv.find_indicator(moved, o.target) == 1  # follows the indicator, not its row
    with pytest.raises(rv.ReviewError, match="没有代码为 0"):
        rv.new_opinion(P, 0, unit="财务科")
    with pytest.raises(rv.ReviewError, match="没有名为"):
        rv.new_opinion(P, 1, unit="财务科", field="funds.nothing")


OPINION = rv.new_opinion(P, 2, unit="财务科")


def change(state: str, seq: int, answer: str = "") -> rv.OpinionChange:
    return rv.OpinionChange(
        id=f"{seq:04d}-{state}-{answer}",  # one id, one record
        opinion_id=OPINION.id,
        project_id=P.id,
        state=state,
        answer=answer or ("说明" if state == rv.EXPLAINED else ""),
        unit="u",
        person="",
        at="2026-01-01T00:00:00.000Z",
        seq=seq,
    )


changes = st.lists(
    st.builds(
        change,
        st.sampled_from([rv.FIXED, rv.EXPLAINED, rv.CONFIRMED]),
        st.integers(1, 6),
        st.sampled_from(["", "甲", "乙"]),
    ),
    max_size=6,
)


@given(changes, changes, st.randoms())
def test_the_state_does_not_depend_on_order_or_on_which_side_had_what(a, b, rnd):
    both = rv.Records(changes=tuple(a)).union(rv.Records(changes=tuple(b)))
    other = rv.Records(changes=tuple(b)).union(rv.Records(changes=tuple(a)))
    assert both == other  # commutative
    assert both.union(both) == both  # idempotent
    shuffled = list(both.changes)
    rnd.shuffle(shuffled)
    s1 = rv.opinion_state(OPINION, both.changes)
    assert rv.opinion_state(OPINION, shuffled) == s1
    states = {c.state for c in both.changes}
    # The join: confirmed anywhere ends confirmed; answered anywhere is at least answered.
    if rv.CONFIRMED in states:
        assert s1.state == rv.CONFIRMED
    elif states:
        assert s1.state in (rv.FIXED, rv.EXPLAINED)
    else:
        assert s1.state == rv.OPEN
    # Adding records never lowers the state.
    part = rv.opinion_state(OPINION, a)
    assert rv.STATE_RANK[s1.state] >= rv.STATE_RANK[part.state]


def test_answered_on_one_side_and_confirmed_on_the_other_ends_confirmed():
    answered = rv.change_state(OPINION, [], rv.EXPLAINED, "已按批复", unit="甲")
    confirmed = rv.change_state(OPINION, [], rv.CONFIRMED, unit="财务科")
    for order in ([answered, confirmed], [confirmed, answered]):
        s = rv.opinion_state(OPINION, order)
        assert (s.state, s.answer, s.confirmed_by) == (rv.CONFIRMED, "已按批复", "财务科")
    with pytest.raises(rv.ReviewError, match="说明的内容"):
        rv.change_state(OPINION, [], rv.EXPLAINED, " ", unit="甲")
