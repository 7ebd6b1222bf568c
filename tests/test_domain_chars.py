"""Which characters are wide: Unicode's East Asian Width, the one test the program uses."""

from __future__ import annotations

from desktop.domain.chars import has_wide_gap, is_wide
from desktop.io.records import join_wrapped


def test_wide_characters_are_east_asian_wide_or_full_width():
    assert all(is_wide(ch) for ch in "中文，。、（）％Ａ１한あ")
    assert not any(is_wide(ch) for ch in "aZ9 ,.()%“”…≥é")


def test_a_gap_between_wide_characters_is_two_pieces_of_text():
    assert has_wide_gap("甲 乙")
    assert has_wide_gap("完成率\u3000满意度")  # the ideographic space
    assert not has_wide_gap("甲 a")
    assert not has_wide_gap("≥ 90%")
    assert not has_wide_gap("甲乙 ")


def test_wrapped_cell_lines_join_without_a_space_only_between_wide_characters():
    assert join_wrapped("阶段\n性项\n目") == "阶段性项目"
    assert join_wrapped("Word\nwrap") == "Word wrap"
    assert join_wrapped("甲\nB") == "甲 B"


def test_a_wrap_joins_beside_wide_characters_and_chinese_quotation_marks_only():
    from desktop.domain.chars import joins_wrapped

    assert all(joins_wrapped(ch) for ch in "中，。（）Ａ“”‘’…—")
    assert not any(joins_wrapped(ch) for ch in "aZ9,.()%≥ \u3000\u00a0")
