"""Line breaks inside a published cell (extracted as spaces) are undone inside CJK words;
real spaces, numbered items and every other character of the source stay."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.io.wrapping import join_wrapped

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
CJK_PUNCT = st.sampled_from("，。、；：“”（）《》！？")
LATIN = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    min_size=1,
    max_size=6,
)
CJK_WORD = st.text(alphabet=st.one_of(CJK, CJK_PUNCT), min_size=1, max_size=12).filter(
    lambda s: not re.search(r"[一二三四五六七八九十]{1,2}、", s)
)
SPACE_BETWEEN_CJK = re.compile(
    r"[\u3001-\u303f\u4e00-\u9fff\uff01-\uff60“”] +[\u3001-\u303f\u4e00-\u9fff\uff01-\uff60“”]"
)


@st.composite
def wrapped_cell(draw):
    """A cell as the form has it (CJK runs, Latin words set off by real spaces) and the same
    cell as extracted: a space wherever a line broke."""
    parts = draw(st.lists(st.one_of(CJK_WORD, LATIN), min_size=1, max_size=6))
    text = ""
    for part in parts:
        latin_edge = text and (text[-1].isascii() or part[0].isascii())
        text += (" " if latin_edge else "") + part
    cuts = sorted(set(draw(st.lists(st.integers(1, max(1, len(text) - 1)), max_size=5))))
    pieces, last = [], 0
    for c in cuts:
        pieces.append(text[last:c])
        last = c
    pieces.append(text[last:])
    extracted = " ".join(p for p in pieces if p)
    return text, extracted


@settings(max_examples=300, deadline=None)
@given(wrapped_cell())
def test_no_cjk_word_keeps_a_space_from_a_line_break(cell):
    original, extracted = cell
    joined = join_wrapped(extracted)
    assert not SPACE_BETWEEN_CJK.search(joined)
    # nothing but spaces changed, and the form's own spaces (beside Latin text) are kept
    assert joined.replace(" ", "") == original.replace(" ", "")
    assert joined.count(" ") >= original.count(" ")


@pytest.mark.parametrize(
    ("extracted", "form"),
    [
        (
            "全区各级党政机关、人民团体普遍设 律师事务所律师年度考核检查合格率",
            "全区各级党政机关、人民团体普遍设律师事务所律师年度考核检查合格率",
        ),
        ("上海市普陀区城市管理行政执 法局执法大队", "上海市普陀区城市管理行政执法局执法大队"),
        ("完善路 网，开 展", "完善路网，开展"),
        ("=100.00 (%)", "=100.00 (%)"),
        ("Smart City 平台", "Smart City 平台"),
        ("“应援尽援” 的工作目标", "“应援尽援”的工作目标"),
        ("<p>满足 各类主体</p>", "<p>满足各类主体</p>"),
        ("1.建成平台；2.案件处置率保持在95%以上。", "1.建成平台；\n2.案件处置率保持在95%以上。"),
        ("（1）开展培训； （2）建立基地", "（1）开展培训；\n（2）建立基地"),
        ("一、总体目标 二、年度目标", "一、总体目标\n二、年度目标"),
        ("共3.5万元，2.5吨", "共3.5万元，2.5吨"),
        ("目标1：新建农田。目标2：改善灌排。", "目标1：新建农田。目标2：改善灌排。"),
        ("提升第3、4季度服务", "提升第3、4季度服务"),
    ],
)
def test_examples_from_published_forms(extracted, form):
    assert join_wrapped(extracted) == form
