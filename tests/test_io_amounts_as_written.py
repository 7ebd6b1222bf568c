"""Amounts as the form writes them: a form that writes 0 prints 0, not 0.00; an edit of the
amount gives the canonical text back."""

from __future__ import annotations

import dataclasses
import io

import pdfplumber
import pytest

from desktop.domain.codec import CodecError, project_from_dict, project_to_dict
from desktop.domain.model import funds_text
from desktop.io.published_text import parse_published_text
from desktop.printing import render
from desktop.store import open_repository

FORM = "\n".join(
    [
        "2026年度项目支出绩效目标表",
        "项目名称\t零值",
        "项目资金（元）\t项目资金总额\t5,100,000.00\t年度资金申请总额\t5,100,000.00",
        "\t其中：财政资金\t5,100,000.00\t其中：当年财政拨款\t5,100,000.00",
        "\t\t\t上年结转资金\t0",
        "\t其他资金\t0\t其他资金\t0",
    ]
)


def _project():
    (p,) = parse_published_text(FORM).projects
    return p


def test_a_form_that_writes_0_keeps_0():
    p = _project()
    assert dict(p.funds_written) == {"annual_carryover": "0", "other": "0", "annual_other": "0"}
    assert funds_text(p, "other") == "0" and funds_text(p, "total") == "5,100,000.00"
    buf = io.BytesIO()
    render([p], buf)
    buf.seek(0)
    with pdfplumber.open(buf) as pdf:
        rows = pdf.pages[0].extract_tables()[0]
    amounts = [c for r in rows[5:9] for c in (r[4], r[7]) if c]
    assert amounts == [
        "5,100,000.00",
        "5,100,000.00",
        "5,100,000.00",
        "5,100,000.00",
        "0",
        "0",
        "0",
    ]


def test_an_edited_amount_prints_canonically_and_the_rest_stay():
    p = _project()
    edited = p.with_changes(funds=dataclasses.replace(p.funds, other=1000))
    assert funds_text(edited, "other") == "10.00"
    assert funds_text(edited, "annual_other") == "0"


def test_written_amounts_travel_and_must_read_as_the_amount(tmp_path):
    p = _project()
    assert project_from_dict(project_to_dict(p)) == p
    with open_repository(tmp_path / "a.db") as repo:
        repo.add([p])
    with open_repository(tmp_path / "a.db") as repo:
        assert repo.get(p.id).funds_written == p.funds_written
    bad = {**project_to_dict(p), "funds_written": {"other": "5"}}
    with pytest.raises(CodecError, match="与金额不符"):
        project_from_dict(bad)
