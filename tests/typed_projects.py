"""Hypothesis strategies: projects as a clerk may have typed them. Every text field (and
every indicator's 一级/二级/三级, value, note) may hold spaces inside and around, tabs,
line breaks and text that looks like a formula (``=``, ``+``, ``-``, ``@`` first), beside
plain Chinese; amounts are whole 分, with the text as written where the form wrote one."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from desktop.domain.codec import FLAG_KEYS
from desktop.domain.dates import DATE_STYLES
from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.money import format_money, parse_money
from desktop.domain.taxonomy import taxonomy
from desktop.domain.values import IndicatorValue, parse_value

# Pieces a clerk types or pastes: whitespace of every kind, formula starts, wrapped lines,
# the form's own labels and words (a parser reading labels must not take them as such).
PIECES = (
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "=",
    "+",
    "-",
    "@",
    "=1+1",
    "+86 21",
    "-5%",
    "@SUM(A1:A2)",
    "=85.00(%)",
    "≥95%",
    "经常 性 项目",
    "特定目标类",
    "司法 调解",
    "第一行\n第二行",
    "1. 第一条\n2. 第二条",
    "项目名称",
    "产出指标",
    "'",
    '"',
    "（",
    "ab c",
    "100",
    "2024年",
)
CHARS = st.characters(blacklist_categories=("Cs", "Cc"), max_codepoint=0x9FFF)
text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(CHARS, min_size=1, max_size=4)), max_size=4
).map("".join)

_TAX = taxonomy()
LEVEL1 = sorted({n for p in _TAX.profiles for n in p.level1_names})
LEVEL2 = sorted({n for p in _TAX.profiles for a in p.level1_names for n in p.level2_for(a)})


def _value(raw: str, kind: int) -> IndicatorValue:
    if kind == 0:
        return parse_value(raw)  # as the editor reads what was typed
    return IndicatorValue(text=raw, entered=raw) if raw else IndicatorValue()


@st.composite
def indicators(draw) -> Indicator:
    reviewed = draw(st.booleans())
    return Indicator(
        level1=draw(st.one_of(st.sampled_from(LEVEL1), text)),
        level2=draw(st.one_of(st.sampled_from(LEVEL2), text)),
        name=draw(text),
        value=_value(draw(text), draw(st.integers(0, 1))),
        needs_review=reviewed,
        review_note=draw(text) if reviewed else "",
        raw_text=draw(text) if reviewed else "",
        note=draw(text),
    )


amounts = st.one_of(st.just(0), st.integers(0, 10**6), st.integers(0, 10**13))


@st.composite
def projects(draw) -> Project:
    funds = Funds(*(draw(amounts) for _ in range(7)))
    written = []
    for key in draw(st.sets(st.sampled_from(sorted(Funds.FIELD_LABELS)), max_size=3)):
        fen = getattr(funds, key)
        for as_written in (format_money(fen), f"{fen / 1_000_000:g}万"):
            if 0 < len(as_written) <= 40 and parse_money(as_written) == fen:
                written.append((key, as_written))
                break
    flags = draw(st.dictionaries(st.sampled_from(sorted(FLAG_KEYS)), text, max_size=3))
    dated = draw(st.booleans())
    return Project(
        year=draw(st.integers(2000, 2100)),
        name=draw(text),
        nature=draw(st.one_of(st.sampled_from(_TAX.natures), text)),
        category=draw(st.one_of(st.sampled_from(_TAX.categories), text)),
        department=draw(text),
        implementing_unit=draw(text),
        start_date=draw(st.dates(date(2000, 1, 1), date(2100, 12, 31))) if dated else None,
        end_date=draw(st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2100, 12, 31)))),
        funds=funds,
        goal_overall=draw(text),
        goal_annual=draw(text),
        goal_header=draw(st.one_of(st.just(""), text.map(lambda t: t[:60]))),
        indicators=tuple(draw(st.lists(indicators(), max_size=6))),
        profile=draw(st.sampled_from(["", *(p.id for p in _TAX.profiles)])),
        date_style=draw(st.sampled_from(["", *DATE_STYLES])),
        field_flags=tuple(sorted(flags.items())),
        funds_written=tuple(sorted(written)),
    )
