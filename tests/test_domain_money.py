from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.money import (
    MoneyError,
    decimal_string,
    format_money,
    format_wan,
    parse_decimal_amount,
    parse_money,
    to_fen,
)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("5,100,000.00", 510_000_000),
        ("5100000", 510_000_000),
        ("0", 0),
        ("0.00", 0),
        ("8,537,947.00", 853_794_700),
        ("71,500.00", 7_150_000),
        ("783,177.00", 78_317_700),
        ("  43,200.00 ", 4_320_000),
        ("１２３４．５", 123_450),  # full-width digits typed with a Chinese IME
        ("¥1,000", 100_000),
        ("1000元", 100_000),
        ("0.1", 10),
        ("12.30", 1230),
        ("1.500", 150),  # trailing zeros beyond 分 are exact
    ],
)
def test_parses_amounts_clerks_write(text, fen):
    assert parse_money(text) == fen


@pytest.mark.parametrize(
    "text",
    ["", "  ", "abc", "5,10,000", "1,0000.00", "12.345", "1e5", "5.100.000", "五百", "1,000,"],
)
def test_refuses_what_is_not_an_exact_amount(text):
    with pytest.raises(MoneyError) as err:
        parse_money(text)
    assert str(err.value)  # a message for the user


def test_every_amount_of_the_sample_parses(sample_lines):
    amounts = [
        cell
        for line in sample_lines
        for cell in line.split("\t")
        if cell and cell[0].isdigit() and cell.endswith(".00")
    ]
    assert len(amounts) >= 13 * 7
    for text in amounts:
        assert format_money(parse_money(text)) == text


@pytest.mark.parametrize(
    ("fen", "text"),
    [(0, "0.00"), (5, "0.05"), (510_000_000, "5,100,000.00"), (-123_456, "-1,234.56")],
)
def test_formats_with_separators_and_two_decimals(fen, text):
    assert format_money(fen) == text


def test_decimal_string_is_plain():
    assert decimal_string(510_000_000) == "5100000.00"
    assert decimal_string(-5) == "-0.05"


def test_wan_yuan_converts_exactly():
    assert to_fen(parse_decimal_amount("510.1234") * 10000) == 510_123_400
    with pytest.raises(MoneyError):
        to_fen(Decimal("0.001"))


def test_amounts_in_wan_yuan_are_read_exactly():
    assert parse_money("510万") == 510_000_000
    assert parse_money("510万元") == 510_000_000
    assert parse_money("0.0123万元") == 12_300
    assert parse_money("￥5100000.00") == 510_000_000
    assert parse_money("5,100,000") == 510_000_000
    assert format_wan(510_000_000) == "510万元"
    assert format_wan(12_300) == "0.0123万元"
    with pytest.raises(MoneyError):
        parse_money("0.0000001万")  # a tenth of a 分


@pytest.mark.parametrize("text", ["-1", "-5.00", "-510万"])
def test_negative_amounts_are_refused(text):
    with pytest.raises(MoneyError, match="负数"):
        parse_money(text)


@given(st.integers(min_value=0, max_value=10**16))
def test_format_then_parse_is_identity(fen):
    assert parse_money(format_money(fen)) == fen
    assert parse_money(decimal_string(fen)) == fen


@given(st.text(max_size=40))
def test_arbitrary_text_gives_an_amount_or_a_money_error(text):
    try:
        fen = parse_money(text)
    except MoneyError:
        return
    assert isinstance(fen, int)
