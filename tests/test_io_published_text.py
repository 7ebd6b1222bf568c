"""The importer on the 13 real forms, on other districts' variants, and on garbage."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.money import format_money
from desktop.io.published_text import parse_published_text, read_records, strip_html
from desktop.io.report import INFO, REVIEW, ImportFormatError
from tests.sample_expected import FORMS, GOAL_LINES, GRAND_TOTAL, INDICATORS


def by_name(result):
    return {p.name: p for p in result.projects}


def test_all_thirteen_forms_in_order(sample_result):
    assert [p.name for p in sample_result.projects] == list(FORMS)


@pytest.mark.parametrize("name", list(FORMS))
def test_basic_information_and_funds(sample_result, name):
    p = by_name(sample_result)[name]
    nature, category, unit, total = FORMS[name]
    assert p.year == 2024
    assert (p.nature, p.category) == (nature, category)
    assert p.department == "上海市普陀区司法局"
    assert p.implementing_unit == unit
    assert (p.start_date, p.end_date) == (date(2024, 1, 1), date(2024, 12, 31))
    f = p.funds
    # Every form of 2024 is wholly financed from the year's appropriation.
    assert format_money(f.total) == total
    assert f.fiscal == f.total == f.annual_total == f.annual_appropriation
    assert f.other == f.annual_carryover == f.annual_other == 0
    assert p.profile == "2021"


@pytest.mark.parametrize("name", list(FORMS))
def test_goal_texts_exactly_as_the_form_writes_them(sample_result, sample_lines, name):
    """Every character of the source stays — the <p> around 公共法律服务's goals too."""
    p = by_name(sample_result)[name]
    cells = [c for c in sample_lines[GOAL_LINES[name] - 1].split("\t") if c.strip()]
    overall, annual = (c.strip() for c in cells)
    assert p.goal_overall == overall
    assert p.goal_annual == annual


@pytest.mark.parametrize("name", list(FORMS))
def test_every_indicator_with_its_levels(sample_result, name):
    p = by_name(sample_result)[name]
    expected = INDICATORS[name]
    got = [
        (i.source_line, i.level1, i.level2, i.name, i.value.display())
        + (("review",) if i.needs_review else ())
        for i in p.indicators
    ]
    assert got == [tuple(e) for e in expected]


def test_review_rows_keep_their_raw_text_and_a_reason(sample_result, sample_lines):
    flagged = [(p.name, i) for p in sample_result.projects for i in p.indicators if i.needs_review]
    assert {name for name, _ in flagged} == {"公共法律服务", "依法治区", "法律援助费"}
    for _, ind in flagged:
        assert ind.raw_text == sample_lines[ind.source_line - 1]
        assert ind.review_note
    reported = [i for i in sample_result.items if i.severity == REVIEW]
    assert sorted(i.line for i in reported) == sorted(i.source_line for _, i in flagged)


def test_report_lists_the_inferred_level1_and_nothing_else(sample_result):
    others = [i for i in sample_result.items if i.severity != REVIEW]
    assert [(i.severity, i.line, i.project) for i in others] == [(INFO, 72, "法律援助费")]
    assert "满意度指标" in others[0].message


def test_totals_add_up(sample_result):
    assert format_money(sum(p.funds.total for p in sample_result.projects)) == GRAND_TOTAL


def test_indicator_count(sample_result):
    assert sum(len(p.indicators) for p in sample_result.projects) == sum(
        len(v) for v in INDICATORS.values()
    )


# -- other districts' variants ---------------------------------------------------------------

VARIANT = "\r\n".join(
    [
        "2026年度财政项目支出绩效目标申报表",
        "",
        '项目名称\t\t社区公共法律服务站点建设\t\t项目性质\t"阶段\n性项\n目"\t项目类别\t特定目标类',
        "主管部门\t\t某区司法局\t\t实施单位\t某区公证处\t\t",
        "计划开始日期\t\t2026/1/1\t\t计划完成日期\t2027/12/31\t\t",
        "项目资金（万元）\t\t项目资金总额\t\t300.5\t年度资金申请总额\t\t120",
        "\t\t其中：财政资金\t\t280\t其中：当年财政拨款\t\t100",
        "\t\t\t\t\t上年结转资金\t\t0",
        "\t\t其他资金\t\t20.5\t其他资金\t\t20",
        "项目绩效目标\t\t项目总体目标(2026 年-2027 年)\t\t\t年度总体目标\t\t",
        "\t\t<p>建成 20 个站点，&lt;覆盖&gt;全区。</p>\t\t\t完成 8 个站点。<br/>开展培训。\t\t",
        "绩效指标\t一级指标\t二级指标\t三级指标\t\t\t年度指标值\t",
        "\t成本指标\t经济成本指标\t单个站点建设成本\t\t\t≤15（万元）\t",
        "\t产出指标\t数量指标\t新建站点\t\t\t＝8（个）\t",
        "\t\t质量指标\t验收合格率\t\t\t100%\t",
        "\t\t时效指标\t按期完成率\t\t\t≥95.5(%)\t",
        "\t效益指标\t社会效益指标\t群众办事便利度\t\t\t明显提升\t",
        '\t满意度指标\t"服务对象\n满意度指标"\t群众满意度\t\t\t>=90(%)\t',
        "填报人：张三\t联系电话：12345678\t\t\t\t\t\t",
    ]
)


def test_eight_column_variant_with_wrapped_cells_and_wan_yuan():
    result = parse_published_text(VARIANT)
    (p,) = result.projects
    assert p.year == 2026
    assert p.name == "社区公共法律服务站点建设"
    assert p.nature == "阶段性项目"  # quoted cell wrapped over three lines
    assert p.implementing_unit == "某区公证处"
    assert (p.start_date, p.end_date) == (date(2026, 1, 1), date(2027, 12, 31))
    f = p.funds
    assert [format_money(x) for x in (f.total, f.fiscal, f.other)] == [
        "3,005,000.00",
        "2,800,000.00",
        "205,000.00",
    ]
    assert [
        format_money(x)
        for x in (f.annual_total, f.annual_appropriation, f.annual_carryover, f.annual_other)
    ] == ["1,200,000.00", "1,000,000.00", "0.00", "200,000.00"]
    assert p.goal_overall == "<p>建成 20 个站点，&lt;覆盖&gt;全区。</p>"  # as written
    assert p.goal_annual == "完成 8 个站点。<br/>开展培训。"
    assert [(i.level1, i.level2, i.name, i.value.display()) for i in p.indicators] == [
        ("成本指标", "经济成本指标", "单个站点建设成本", "≤15.00(万元)"),
        ("产出指标", "数量指标", "新建站点", "=8.00(个)"),
        ("产出指标", "质量指标", "验收合格率", "100.00(%)"),
        ("产出指标", "时效指标", "按期完成率", "≥95.50(%)"),
        ("效益指标", "社会效益指标", "群众办事便利度", "明显提升"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90.00(%)"),
    ]
    assert not any(i.needs_review for i in p.indicators)
    assert p.profile == "2021"
    assert result.items == []  # the footer is not an indicator; nothing doubtful


def test_classic_cost_indicator_and_zeros_written_as_0():
    text = "\n".join(
        [
            "财政项目支出绩效目标申报表",
            "（2019年度）",
            "项目名称\t旧项目\t项目性质\t一次性项目\t项目类别\t特定目标类",
            "主管部门\t甲局\t实施单位\t乙单位\t\t",
            "计划开始日期\t2019-03-01\t计划完成日期\t2019-09-30\t\t",
            "项目资金 (元)\t项目资金总额\t1000\t年度资金申请总额\t1000\t",
            "\t其中：财政资金\t1000\t其中：当年财政拨款\t1000\t",
            "\t\t\t上年结转资金\t0\t",
            "\t其他资金\t0\t其他资金\t0\t",
            "项目 绩效 目标\t项目总目标\t\t年度总体目标\t\t",
            "\t甲\t\t乙\t\t",
            "绩效 指标\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值\t",
            "\t产出指标\t成本指标\t人均成本\t≤100(元)\t",
            "\t\t数量指标\t场次\t≥2(场)\t",
        ]
    )
    (p,) = parse_published_text(text).projects
    assert p.year == 2019
    assert p.funds.total == 100_000 and p.funds.annual_carryover == 0
    assert [(i.level1, i.level2) for i in p.indicators] == [
        ("产出指标", "成本指标"),
        ("产出指标", "数量指标"),
    ]
    assert p.profile == "classic"


def test_gaps_are_reported_not_invented():
    text = "财政项目支出绩效目标申报表\n(2025年度)\n项目名称\t缺项\t项目性质\t\t项目类别\t新类别\n"
    result = parse_published_text(text)
    (p,) = result.projects
    assert p.name == "缺项" and p.nature == "" and p.category == "新类别"
    messages = " ".join(i.message for i in result.items)
    for missing in ("计划开始日期", "项目资金总额", "绩效目标", "绩效指标", "新类别"):
        assert missing in messages
    assert p.funds.total == 0 and p.start_date is None


def test_bad_amount_is_reported_and_zero():
    text = (
        "财政项目支出绩效目标申报表\n(2025年度)\n项目名称\t甲\t项目性质\t经常性项目\n"
        "项目资金 (元)\t项目资金总额\t五百万\t年度资金申请总额\t1,0,0\t\n"
    )
    result = parse_published_text(text)
    assert result.projects[0].funds.total == 0
    assert sum("金额无法识别" in i.message for i in result.items) == 2


def test_quoted_cells_may_span_lines_but_stray_quotes_are_text():
    records = read_records('a\t"x\ny"\tb\n"12348"热线\t"c""d"\n')
    assert [r.cells for r in records] == [("a", "x y", "b"), ('"12348"热线', 'c"d')]
    assert [r.line for r in records] == [1, 3]


def test_strip_html_keeps_real_angle_brackets():
    assert strip_html("<p>比例<5%，&amp;且>3</p>") == "比例<5%，&且>3"
    assert strip_html('<P class="x">甲</P><p>乙</p>') == "甲\n乙"


@pytest.mark.parametrize("text", ["", "   \n\n", "hello world\n", "\x00\x01binary", "项目名称"])
def test_text_without_forms_is_a_clear_error(text):
    with pytest.raises(ImportFormatError) as err:
        parse_published_text(text)
    assert "没有找到" in str(err.value)


# -- fuzzing -----------------------------------------------------------------------------------


def _outcome(text):
    try:
        result = parse_published_text(text)
    except ImportFormatError as exc:
        assert str(exc)
        return None
    for p in result.projects:
        assert isinstance(p.year, int)
        for i in p.indicators:
            assert i.value.display() is not None
    return result


@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                '\t\n "<>=≥(%)0123456789.,年度项目名称指标产出数量效益满意'
                "一级二三财政资金总额其中他目标绩效申报表值"
            )
        ),
        max_size=400,
    )
)
def test_arbitrary_text_gives_a_result_or_a_clear_error(text):
    _outcome(text)


@given(st.text(max_size=300))
def test_any_unicode_gives_a_result_or_a_clear_error(text):
    _outcome(text)


@given(st.data())
def test_mangled_sample_never_crashes(sample_lines, data):
    lines = list(sample_lines)
    for _ in range(data.draw(st.integers(1, 12))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["drop", "dup", "shift", "cut", "swap"]))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "shift":
            lines[i] = "\t" + lines[i]
        elif op == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, max(0, len(lines[i]))))]
        else:
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        if not lines:
            lines = [""]
    _outcome("\n".join(lines))
