"""JSON interchange: lossless both ways, and strict about what it accepts."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.io import json_format
from desktop.io.report import ERROR, REVIEW, ImportFormatError
from tests.sample_expected import FORMS


def test_sample_round_trips_exactly(sample_result):
    text = json_format.dumps(sample_result.projects)
    again = json_format.loads(text)
    # nothing reported but one 需复核 line for each of the sample's ten indicators to check
    assert [i.severity for i in again.items] == [REVIEW] * 10
    assert again.projects == sample_result.projects
    assert json_format.dumps(again.projects) == text


def test_documented_shape(sample_result):
    doc = json.loads(json_format.dumps(sample_result.projects))
    assert (doc["format"], doc["version"]) == ("jixiao-projects", 1)
    p = doc["projects"][0]
    for key in (
        "id",
        "year",
        "name",
        "nature",
        "category",
        "department",
        "implementing_unit",
        "start_date",
        "end_date",
        "funds",
        "goals",
        "indicators",
    ):
        assert key in p
    assert p["start_date"] == "2024-01-01"
    assert p["funds"] == {
        "total": "5100000.00",
        "fiscal": "5100000.00",
        "other": "0.00",
        "annual_total": "5100000.00",
        "annual_appropriation": "5100000.00",
        "annual_carryover": "0.00",
        "annual_other": "0.00",
    }
    assert set(p["goals"]) == {"overall", "annual"}
    first = p["indicators"][0]
    assert {
        k: first[k]
        for k in (
            "level1",
            "level2",
            "name",
            "value",
            "op",
            "number",
            "unit",
            "text",
            "needs_review",
        )
    } == {
        "level1": "产出指标",
        "level2": "数量指标",
        "name": "纠纷调解成功率",
        "value": "=85.00(%)",
        "op": "=",
        "number": "85.00",
        "unit": "%",
        "text": "",
        "needs_review": False,
    }
    qualitative = p["indicators"][2]
    assert (
        qualitative["value"],
        qualitative["op"],
        qualitative["number"],
        qualitative["text"],
    ) == ("提高", None, None, "提高")
    assert len(doc["projects"]) == len(FORMS)


def test_hand_written_json_with_only_value_strings():
    doc = {
        "format": "jixiao-projects",
        "version": 1,
        "projects": [
            {
                "id": "1f0e9c1a-5a0b-4c33-8f1c-2b2f9d1e7a10",
                "year": 2025,
                "name": "手写",
                "funds": {"total": "1,000.50", "fiscal": 1000},
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "name": "场次",
                        "value": "≥ 2 （场）",
                    }
                ],
            }
        ],
    }
    (p,) = json_format.loads(json.dumps(doc, ensure_ascii=False)).projects
    assert p.funds.total == 100_050 and p.funds.fiscal == 100_000
    assert p.indicators[0].value.display() == "≥2.00(场)"
    assert p.profile == "2021" and p.revision == 0


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"id": "not-a-uuid"}, "UUID"),
        ({"year": "2024"}, "“年度”应为整数"),
        ({"funds": {"total": 5.5}}, "金额"),
        ({"funds": {"total": "1.234"}}, "两位小数"),
        ({"start_date": "2024-02-30"}, "“计划开始日期”"),
        ({"name": 12}, "“项目名称”应为文字"),
        ({"indicators": [{"op": "≈", "number": "1"}]}, "运算符"),
        ({"indicators": [{"op": "=", "number": None}]}, "数值"),
        ({"indicators": [{"unit": "%"}]}, "单位"),
        ({"indicators": "x"}, "列表"),
        ({"profile": "1999"}, "指标体系"),
    ],
)
def test_bad_projects_are_reported_and_the_rest_imported(change, words):
    good = {"id": "1f0e9c1a-5a0b-4c33-8f1c-2b2f9d1e7a10", "year": 2025, "name": "好的"}
    bad = {"id": "2f0e9c1a-5a0b-4c33-8f1c-2b2f9d1e7a10", "year": 2025, "name": "坏的", **change}
    doc = {"format": "jixiao-projects", "version": 1, "projects": [bad, good]}
    result = json_format.loads(json.dumps(doc))
    assert [p.name for p in result.projects] == ["好的"]
    (item,) = result.items
    assert item.severity == ERROR and words in item.message


def test_duplicate_ids_in_one_file():
    p = {"id": "1f0e9c1a-5a0b-4c33-8f1c-2b2f9d1e7a10", "year": 2025}
    doc = {"format": "jixiao-projects", "version": 1, "projects": [p, p]}
    result = json_format.loads(json.dumps(doc))
    assert len(result.projects) == 1 and "重复" in result.items[0].message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "JSON"),
        ("[]", "format"),
        ('{"format": "other"}', "format"),
        ('{"format": "jixiao-projects", "version": 9, "projects": []}', "升级"),
        ('{"format": "jixiao-projects", "version": 1}', "projects"),
        ("[" * 100_000, "JSON"),
    ],
)
def test_unreadable_documents(text, words):
    with pytest.raises(ImportFormatError, match=words):
        json_format.loads(text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
project_keys = st.sampled_from(
    ["id", "year", "name", "funds", "goals", "indicators", "start_date", "profile", "revision"]
)


@given(st.dictionaries(project_keys, json_values, max_size=9))
def test_arbitrary_projects_never_crash(obj):
    obj.setdefault("id", "1f0e9c1a-5a0b-4c33-8f1c-2b2f9d1e7a10")
    doc = {"format": "jixiao-projects", "version": 1, "projects": [obj]}
    result = json_format.loads(json.dumps(doc))
    assert len(result.projects) + len(result.items) == 1


def test_the_goal_header_travels_as_written_and_is_bounded():
    from desktop.domain.codec import CodecError, project_from_dict, project_to_dict
    from desktop.domain.model import Project

    p = Project(year=2026, name="甲", goal_header="项目总体目标(2024年-2026年)")
    assert project_from_dict(project_to_dict(p)) == p
    old = project_to_dict(p)
    del old["goal_header"]  # a file written before the field: 项目总目标
    assert project_from_dict(old).goal_header == ""
    with pytest.raises(CodecError, match="目标表头太长"):
        project_from_dict({**project_to_dict(p), "goal_header": "目" * 61})
