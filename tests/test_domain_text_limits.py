"""Text lengths are bounded the same way for every input (the limits are chosen against
print time, see docs/architecture.md): a field over its limit makes that project a reported
problem, the others are read."""

from __future__ import annotations

import json
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.codec import (
    MAX_LONG_TEXT,
    MAX_PROJECT_TEXT,
    MAX_SHORT_TEXT,
    CodecError,
    length_problem,
    project_from_dict,
)
from desktop.io.files import load_file
from desktop.io.report import ERROR


def _doc(**fields) -> dict:
    return {"id": str(uuid.uuid4()), "year": 2025, **fields}


@pytest.mark.parametrize(
    ("fields", "ok"),
    [
        ({"name": "项" * MAX_SHORT_TEXT}, True),
        ({"name": "项" * (MAX_SHORT_TEXT + 1)}, False),
        ({"implementing_unit": "单" * (MAX_SHORT_TEXT + 1)}, False),
        ({"goals": {"overall": "目" * MAX_LONG_TEXT}}, True),
        ({"goals": {"annual": "目" * (MAX_LONG_TEXT + 1)}}, False),
        ({"indicators": [{"name": "指" * (MAX_SHORT_TEXT + 1)}]}, False),
        ({"indicators": [{"note": "注" * MAX_LONG_TEXT}]}, True),
        # every field within its limit, the form as a whole too long
        (
            {"indicators": [{"note": "注" * MAX_LONG_TEXT}] * (MAX_PROJECT_TEXT // MAX_LONG_TEXT)},
            True,
        ),
        (
            {
                "indicators": [{"note": "注" * MAX_LONG_TEXT}]
                * (MAX_PROJECT_TEXT // MAX_LONG_TEXT + 1)
            },
            False,
        ),
    ],
)
def test_codec_and_parsed_forms_share_the_limits(fields, ok):
    if ok:
        project = project_from_dict(_doc(**fields))
        assert length_problem(project) is None
    else:
        with pytest.raises(CodecError, match=r"太长|太多"):
            project_from_dict(_doc(**fields))


def test_a_published_text_form_with_a_huge_name_is_reported_and_the_others_read(
    tmp_path, sample_text
):
    text = sample_text
    sample_path = tmp_path / "sample.txt"
    sample_path.write_text(text, encoding="utf-8")
    first = text.index("司法调解")
    huge = text[:first] + "司" * (MAX_SHORT_TEXT * 3) + text[first + len("司法调解") :]
    path = tmp_path / "huge-name.txt"
    path.write_text(huge, encoding="utf-8")
    result = load_file(path)
    before = load_file(sample_path)
    assert len(result.projects) == len(before.projects) - 1
    errors = [i for i in result.of(ERROR) if "太长" in i.message]
    assert len(errors) == 1 and "上限 2,000" in errors[0].message


def test_a_json_file_with_a_huge_name_imports_the_others(tmp_path):
    doc = {
        "format": "jixiao-projects",
        "version": 1,
        "projects": [_doc(name="长" * (MAX_SHORT_TEXT + 1)), _doc(name="正常")],
    }
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = load_file(path)
    assert [p.name for p in result.projects] == ["正常"]
    assert any("太长" in i.message for i in result.of(ERROR))


_SIZES = st.sampled_from(
    [0, 5, MAX_SHORT_TEXT, MAX_SHORT_TEXT + 1, MAX_LONG_TEXT, MAX_LONG_TEXT + 1]
)
_LONG = {"goal_overall", "goal_annual", "review_note", "raw_text", "note"}


@settings(max_examples=150, deadline=None)
@given(
    project_fields=st.dictionaries(
        st.sampled_from(["name", "department", "goal_overall", "goal_annual"]), _SIZES
    ),
    indicators=st.lists(
        st.dictionaries(st.sampled_from(["name", "level1", "note", "raw_text", "entered"]), _SIZES),
        max_size=30,
    ),
)
def test_a_project_is_too_long_exactly_when_a_field_or_the_whole_is(project_fields, indicators):
    """The rule: each field within its limit (20,000 for goals, notes and source lines,
    2,000 for the rest) and the form's text in all within 500,000."""
    from desktop.domain.model import Indicator, Project
    from desktop.domain.values import IndicatorValue

    inds = tuple(
        Indicator(
            **{k: "字" * n for k, n in f.items() if k != "entered"},
            value=IndicatorValue(entered="个" * f.get("entered", 0)),
        )
        for f in indicators
    )
    project = Project(**{k: "字" * n for k, n in project_fields.items()}, indicators=inds)
    sizes = [(k, n) for k, n in project_fields.items()]
    sizes += [(k, n) for f in indicators for k, n in f.items()]
    within = all(n <= (MAX_LONG_TEXT if k in _LONG else MAX_SHORT_TEXT) for k, n in sizes)
    within = within and sum(n for _, n in sizes) <= MAX_PROJECT_TEXT
    assert (length_problem(project) is None) == within
