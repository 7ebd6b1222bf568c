import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.values import OPERATORS, IndicatorValue, parse_value


@pytest.mark.parametrize(
    ("text", "op", "number", "unit", "canonical"),
    [
        ("=85.00(%)", "=", "85.00", "%", "=85.00(%)"),
        ("≥85(%)", "≥", "85", "%", "≥85.00(%)"),
        ("=100.00 (%)", "=", "100", "%", "=100.00(%)"),
        ("<1.00(%)", "<", "1", "%", "<1.00(%)"),
        (">80.00(%)", ">", "80", "%", ">80.00(%)"),
        ("＝85.00（%）", "=", "85", "%", "=85.00(%)"),
        ("＞80（个）", ">", "80", "个", ">80.00(个)"),
        ("＜5", "<", "5", "", "<5.00"),
        (">=90%", "≥", "90", "%", "≥90.00(%)"),
        ("<= 5 (个)", "≤", "5", "个", "≤5.00(个)"),
        ("≥20000.00(份)", "≥", "20000", "份", "≥20000.00(份)"),
        ("=10.00 (人次)", "=", "10", "人次", "=10.00(人次)"),
        ("985米", None, "985", "米", "985.00(米)"),
        ("=0.125(%)", "=", "0.125", "%", "=0.125(%)"),
        ("≥1,000(元)", "≥", "1000", "元", "≥1000.00(元)"),
    ],
)
def test_quantitative_values(text, op, number, unit, canonical):
    v = parse_value(text)
    assert v.is_quantitative
    assert (v.op, v.number, v.unit) == (op, Decimal(number), unit)
    assert v.display() == canonical


@pytest.mark.parametrize(
    "text",
    [
        "提高",
        "全市排名前列",
        "入围及以上奖项>1",
        "第一、二、三季度召开",
        "3个工作日内",
        "3天内",
        "≥",
        "(%)",
        "≥85.00(%)以上",
        "低于全市平均水平",
    ],
)
def test_qualitative_values_keep_their_text(text):
    v = parse_value(text)
    assert not v.is_quantitative
    assert v.kind == "text"
    assert v.display() == text


def test_empty_value():
    assert parse_value("   ").kind == "empty"
    assert parse_value("").display() == ""


def test_every_value_in_the_sample_renders_canonically(sample_lines):
    """Each numeric 指标值 cell of the published forms comes out as {op}{n.nn}({unit})."""
    shape = re.compile(r"^([=≥≤<>])(\d+(?:\.\d+)?) ?\((.+)\)$")
    seen = 0
    for line in sample_lines:
        for cell in line.split("\t"):
            m = shape.match(cell.strip())
            if not m:
                continue
            op, number, unit = m.groups()
            v = parse_value(cell)
            assert v.display() == f"{op}{Decimal(number):.2f}({unit})", cell
            seen += 1
    assert seen == 43  # grep -cP "\t[=≥≤<>][0-9]" on the sample


def test_equal_numbers_are_equal_values():
    a, b = parse_value("≥85(%)"), parse_value("≥85.00 (%)")
    assert a.same_reading(b)
    assert (a.shown, b.shown) == ("≥85(%)", "≥85.00 (%)")  # each prints as it was typed


def test_a_value_is_a_number_or_text_not_both():
    with pytest.raises(ValueError):
        IndicatorValue(op="=", number=Decimal(1), text="x")
    with pytest.raises(ValueError):
        IndicatorValue(op="=")


values = st.one_of(
    st.builds(
        IndicatorValue.quantitative,
        st.sampled_from([None, *OPERATORS]),
        st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-1e9, max_value=1e9),
        st.sampled_from(["", "%", "次", "个", "份", "人次", "万元", "平方米"]),
    ),
    # Text that reads as a number ("0") is a number when parsed again, by design.
    st.text(min_size=1, max_size=20)
    .filter(lambda t: parse_value(t).kind == "text")
    .map(IndicatorValue.qualitative),
)


@given(values)
def test_canonical_rendering_parses_back_to_the_same_value(v):
    again = parse_value(v.display())
    if v.is_quantitative:
        assert again.same_reading(v)
    else:
        assert again.display() == v.display()


@given(st.text(max_size=40))
def test_any_text_parses_and_rendering_is_a_fixed_point(text):
    v = parse_value(text)
    shown = v.display()
    assert parse_value(shown).display() == shown
