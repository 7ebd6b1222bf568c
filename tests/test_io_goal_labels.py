"""Goal labels and sign-off lines come from the synonym data, one copy: every goal label
the data lists splits a goal text written as ``长期目标：… 年度目标：…``, and every sign-off
label ends the indicator table wherever it stands in a row."""

from __future__ import annotations

import json
from pathlib import Path

import desktop.domain
from desktop.io.published_text import parse_published_text

DATA = json.loads(
    (Path(desktop.domain.__file__).parent / "data" / "import_synonyms.json").read_text("utf-8")
)
TABLE = [
    "一级指标\t二级指标\t三级指标\t指标值",
    "产出指标\t数量指标\t场次\t≥2场",
]


def form(*lines: str):
    (p,) = parse_published_text(
        "\n".join(["2024年度项目支出绩效目标表", "项目名称\t甲", *lines])
    ).projects
    return p


def test_a_long_term_and_this_years_goal_in_one_text_are_told_apart():
    p = form("绩效目标\t长期目标：建成体系。当年目标：完成A。", *TABLE)
    assert (p.goal_overall, p.goal_annual) == ("建成体系。", "完成A。")


def test_every_goal_label_of_the_data_splits_a_goal_text():
    for overall in DATA["goals"]["overall"]:
        for annual in DATA["goals"]["annual"]:
            p = form(f"绩效目标\t{overall}：建成体系。{annual}：完成A。", *TABLE)
            assert (p.goal_overall, p.goal_annual) == ("建成体系。", "完成A。"), (overall, annual)
            p = form(f"绩效目标\t{annual}：完成A。{overall}：建成体系。", *TABLE)
            assert (p.goal_overall, p.goal_annual) == ("建成体系。", "完成A。"), (annual, overall)


def test_a_sign_off_label_anywhere_in_a_row_ends_the_table():
    for label in DATA["footer_in_table"]:
        p = form(*TABLE, f"单位：某局\t{label}：张三", "产出指标\t数量指标\t次数\t3次")
        assert [i.name for i in p.indicators] == ["场次"], label
