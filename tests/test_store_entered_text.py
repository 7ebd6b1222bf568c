"""What was entered is kept beside its reading: value texts as typed, notes from other
layouts, fields flagged 需复核 and the form's date style — through the file, JSON and exchange."""

from datetime import date

import pytest

from desktop.domain.codec import CodecError, project_from_dict, project_to_dict
from desktop.domain.dates import DateError, date_style, format_date, parse_date
from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import parse_value
from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted


def entered_project() -> Project:
    return Project(
        year=2025,
        name="人民调解",
        start_date=date(2025, 1, 1),
        end_date=date(2025, 12, 31),
        funds=Funds(total=795_000_000, fiscal=795_000_000),
        indicators=(
            Indicator("产出指标", "数量指标", "调解率", parse_value("≥95%")),
            Indicator("产出指标", "数量指标", "场次", parse_value("10个")),
            Indicator("产出指标", "成本指标", "经费", parse_value("≤510万元")),
            Indicator("效益指标", "社会效益指标", "水平", parse_value("不低于90%")),
            Indicator("满意度指标", "服务对象满意度指标", "满意度", parse_value("提升")),
            Indicator(
                "产出指标",
                "时效指标",
                "完成时间",
                parse_value("2021年全年"),
                note="计量单位：年；原表：项目完成指标",
            ),
        ),
        field_flags=(("funds.total", "原表金额无法读取"), ("start_date", "原表未填")),
        date_style="slash",
        goal_header="项目总体目标(2024年-2026年)",
    )


@pytest.mark.parametrize(
    ("typed", "op", "number", "unit"),
    [
        ("≥95%", "≥", "95.00", "%"),
        ("10个", None, "10.00", "个"),
        ("≤510万元", "≤", "510.00", "万元"),
        ("=100%", "=", "100.00", "%"),
        ("不低于90%", "≥", "90.00", "%"),
        ("不超过3天", "≤", "3.00", "天"),
        ("高于80分", ">", "80.00", "分"),
        ("95%以上", "≥", "95.00", "%"),
        ("5个及以上", "≥", "5.00", "个"),
        ("1%以下", "≤", "1.00", "%"),
        ("3天以内", "≤", "3.00", "天"),
    ],
)
def test_values_keep_what_was_typed_beside_the_reading(typed, op, number, unit):
    v = parse_value(typed)
    assert (v.op, str(v.number), v.unit) == (op, number, unit)
    assert v.shown == typed


def test_text_values_are_kept_as_typed():
    for typed in ("提升", "全市排名前列", "不低于去年"):
        v = parse_value(typed)
        assert v.kind == "text" and v.shown == typed


@pytest.mark.parametrize(
    ("typed", "style"),
    [
        ("2025-01-01", "iso"),
        ("2025/1/1", "slash"),
        ("2025.1.1", "dot"),
        ("20250101", "compact"),
        ("2025年1月1日", "cn"),
    ],
)
def test_date_forms_and_their_styles(typed, style):
    assert parse_date(typed) == date(2025, 1, 1)
    assert date_style(typed) == style
    assert format_date(date(2025, 1, 1), style) == typed


@pytest.mark.parametrize("typed", ["2025-13-01", "2025/2/30", "明年", "2025", "1/1/2025", ""])
def test_refused_dates_say_why(typed):
    with pytest.raises(DateError) as err:
        parse_date(typed)
    assert str(err.value)


def test_the_file_keeps_what_was_entered(tmp_path):
    p = entered_project()
    with open_repository(tmp_path / "a.db") as repo:
        saved = repo.save(p)
    with open_repository(tmp_path / "a.db") as repo:
        back = repo.get(p.id)
    assert back == saved
    assert [i.value.shown for i in back.indicators] == [
        "≥95%",
        "10个",
        "≤510万元",
        "不低于90%",
        "提升",
        "2021年全年",
    ]
    assert back.flag("funds.total") == "原表金额无法读取" and back.flag("name") is None
    assert back.date_style == "slash"
    assert back.goal_header == "项目总体目标(2024年-2026年)"
    assert back.indicators[5].note.startswith("计量单位")


def test_json_and_exchange_keep_what_was_entered(tmp_path):
    p = entered_project()
    assert project_from_dict(project_to_dict(p)) == p
    with open_repository(tmp_path / "a.db") as repo:
        saved = repo.save(p)
    export_db([saved], tmp_path / "out.db")
    (got,) = read_untrusted(tmp_path / "out.db").projects
    assert got.content() == saved.content()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"field_flags": {"password": "x"}}, "未知"),
        ({"field_flags": ["name"]}, "需复核字段记录应为"),
        ({"date_style": "roman"}, "日期格式"),
    ],
)
def test_bad_flags_and_styles_are_refused(change, words):
    obj = {**project_to_dict(entered_project()), **change}
    with pytest.raises(CodecError, match=words):
        project_from_dict(obj)


def test_flags_can_be_set_and_cleared():
    p = Project(year=2025).with_flag("name", "名称缺失")
    assert p.flag("name") == "名称缺失"
    assert p.with_flag("name", None).field_flags == ()
