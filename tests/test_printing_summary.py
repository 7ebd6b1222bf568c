"""年度汇总 printout: laid out for its widest numbers and names, 共 N 页, a signature line."""

from __future__ import annotations

import io

import pdfplumber

from desktop.domain.model import Funds, Project
from desktop.domain.summary import summarize
from desktop.printing.summary_pdf import HEADERS, render_summary


def _pdf(projects):
    buf = io.BytesIO()
    pages = render_summary(summarize(2024, projects), buf)
    buf.seek(0)
    return buf, pages


def _projects(n, name="普陀区司法行政视频会议系统运维项目", total=99_999_999_999_99):
    return [
        Project(
            year=2024,
            name=f"{name}{i}" if i else name,
            nature="经常性项目",
            category="其他运转类",
            implementing_unit="上海市普陀区司法局法律援助中心",
            funds=Funds(total=total, annual_total=total),
        )
        for i in range(n)
    ]


def test_headers_and_amounts_never_wrap_and_names_leave_no_single_character():
    buf, _ = _pdf(
        _projects(3) + _projects(1, name="运维项目名称很长很长很长很长很长的一个运维项目")
    )
    with pdfplumber.open(buf) as pdf:
        rows = [r for t in pdf.pages[0].extract_tables() for r in t]
    assert rows[0] == list(HEADERS)  # 年度资金申请总额 on one line
    for row in rows[1:]:
        for cell in row[4:]:
            assert cell is None or "\n" not in cell  # the widest amount: one line
        if row[0] and "\n" in row[0]:
            assert len(row[0].split("\n")[-1]) > 1, row[0]


def test_pages_say_of_how_many_and_the_last_has_the_signature_line():
    buf, pages = _pdf(_projects(70, total=100_00))
    assert pages >= 2
    with pdfplumber.open(buf) as pdf:
        texts = [p.extract_text() for p in pdf.pages]
    for n, text in enumerate(texts, 1):
        assert f"第 {n} 页 共 {pages} 页" in text
        assert "金额单位：元" in text
    assert "负责人（签字）" in texts[-1] and "填报日期" in texts[-1]
    assert "负责人（签字）" not in texts[0]
    assert "编制单位：上海市普陀区司法局法律援助中心" in texts[0]


def test_the_signature_line_is_never_alone_on_a_page():
    for n in range(40, 60):
        buf, _ = _pdf(_projects(n, total=100_00))
        with pdfplumber.open(buf) as pdf:
            last = pdf.pages[-1]
            assert last.extract_tables(), f"{n} projects: the last page has no table"
