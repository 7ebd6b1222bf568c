"""The signed paper copy: each defect found by printing real forms,
checked on the produced PDF with pdfplumber."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import parse_value
from desktop.printing import SignOff, fonts, render
from desktop.printing.layout import COLS, MONEY_FLOOR

FIXTURES = Path(__file__).parent / "fixtures"
STRESS = 9_999_999_999_999  # 分 = 99,999,999,999.99 元


def pdf_of(projects, **kwargs):
    buf = io.BytesIO()
    result = render(projects, buf, **kwargs)
    buf.seek(0)
    return buf, result


def tables(page):
    """The table's rows under the title rows of a form's first page (title and year are
    the table's first two rows, merged across all columns)."""
    rows = [row for table in page.extract_tables() for row in table]
    if rows and rows[0][0] == "财政项目支出绩效目标申报表":
        assert rows[0][1:] == [None] * 7 and rows[1][0].startswith("（")
        rows = rows[2:]
    return rows


def text_of(buf):
    with pdfplumber.open(buf) as pdf:
        return [page.extract_text() for page in pdf.pages]


def indicators(n, name="指标", value="≥90(%)"):
    return tuple(
        Indicator("产出指标", "数量指标", f"{name}{i:03d}", parse_value(value)) for i in range(n)
    )


# 1. Amounts never wrap ---------------------------------------------------------------------


def amount_cells(page):
    """Raw (unnormalised) text of the money cells of the funds rows."""
    out = []
    for row in tables(page)[3:7]:
        out.extend(c for c in (row[4], row[7]) if c)
    return out


@pytest.mark.parametrize("fen", [STRESS, 77_132_580_000, 10**20 + 1])
def test_amounts_stay_on_one_line_in_every_money_field(fen):
    p = Project(year=2026, name="资金", funds=Funds(*([fen] * 7)))
    buf, _ = pdf_of([p])
    whole = f"{fen // 100:,}.{fen % 100:02d}"
    with pdfplumber.open(buf) as pdf:
        page = pdf.pages[0]
        cells = amount_cells(page)
        assert cells == [whole] * 7  # no "\n": nothing wrapped, nothing lost
        sizes = {round(c["size"], 2) for c in page.chars if c["text"] in "0123456789,."}
    assert min(sizes) >= MONEY_FLOOR


def test_an_amount_past_the_floor_widens_its_column_on_that_form_only():
    huge = Project(year=2026, name="大", funds=Funds(total=10**20))
    plain = Project(year=2026, name="小", funds=Funds(total=100))
    buf, _ = pdf_of([huge, plain])
    with pdfplumber.open(buf) as pdf:
        widths = []
        for page in pdf.pages:
            row = page.find_tables()[0].rows[3]  # 项目资金总额
            x0, _, x1, _ = row.cells[4]
            widths.append(x1 - x0)
    assert widths[0] > COLS[4] + 5 and widths[1] == pytest.approx(COLS[4], abs=0.5)


# 2. Sign-off stays with the table; every page says what it belongs to ------------------------


def test_no_page_holds_only_the_sign_off():
    signoff = SignOff(filled_by="张三")
    for n in range(18, 60, 2):  # table ends at every height of the first and second page
        p = Project(year=2025, name=f"签字{n}", indicators=indicators(n))
        buf, _ = pdf_of([p], signoff=signoff)
        with pdfplumber.open(buf) as pdf:
            for page in pdf.pages:
                assert tables(page), (n, page.page_number)  # every page has table rows
            last = pdf.pages[-1]
            assert "填报人：张三" in last.extract_text()
            assert any(row[3] == f"指标{n - 1:03d}" for row in tables(last))


def test_continuation_pages_name_their_project_year_and_page():
    a = Project(year=2025, name="社区矫正专项", indicators=indicators(120))
    b = Project(year=2024, name="法律援助费", indicators=indicators(70, "援助"))
    buf, result = pdf_of([a, b])
    assert result.pages_per_project[a.id] >= 3 and result.pages_per_project[b.id] >= 2
    texts = text_of(buf)
    total = result.pages
    number = 0
    for project in (a, b):
        count = result.pages_per_project[project.id]
        for page in range(1, count + 1):
            text = texts[number]
            number += 1
            first_line = text.split("\n")[0]
            if page == 1:
                assert "财政项目支出绩效目标申报表" in first_line
            else:
                assert first_line.startswith(project.name), first_line
                assert f"{project.year}年度 第 {page} 页 共 {count} 页" in first_line
            assert f"第 {page} 页 共 {count} 页" in text  # the form's page, at the foot
            assert f"全部第 {number} 页 共 {total} 页" in text  # and the batch's


def test_a_single_form_has_no_batch_count():
    buf, _ = pdf_of([Project(year=2025, name="单份")])
    assert "全部" not in text_of(buf)[0]


# 3. Values and dates as entered -------------------------------------------------------------


def test_values_print_exactly_as_entered():
    typed = ["985米", "≥85(%)", "0", "不低于90%", "=1(次)", "提高"]
    p = Project(
        year=2026,
        name="原样",
        start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31),
        date_style="slash",
        indicators=tuple(
            Indicator("产出指标", "数量指标", f"值{i}", parse_value(v)) for i, v in enumerate(typed)
        ),
    )
    buf, _ = pdf_of([p])
    with pdfplumber.open(buf) as pdf:
        rows = tables(pdf.pages[0])
    assert [r[6] for r in rows[10:]] == typed
    assert rows[2][2] == "2026/1/1" and rows[2][5] == "2026/12/31"


def test_dates_use_the_program_convention_without_a_form_style():
    p = Project(year=2026, name="日期", start_date=date(2026, 1, 1), end_date=date(2026, 3, 5))
    buf, _ = pdf_of([p])
    with pdfplumber.open(buf) as pdf:
        row = tables(pdf.pages[0])[2]
    assert row[2] == "2026-01-01" and row[5] == "2026-03-05"


# 4. Goal header -------------------------------------------------------------------------------


def test_goal_header_is_printed_as_the_form_writes_it():
    """The header is part of the form: a 2026–2027 form that writes 项目总目标 prints 项目总目标
    (no years invented from the period); 项目总体目标 (2024 年-2026 年) prints as written."""
    multi = Project(year=2026, name="多", start_date=date(2026, 1, 1), end_date=date(2027, 12, 31))
    for project, header in (
        (multi, "项目总目标"),
        (replace(multi, goal_header="项目总体目标"), "项目总体目标"),
        (replace(multi, goal_header="项目总体目标(2024年-2026年)"), "项目总体目标(2024年-2026年)"),
    ):
        buf, _ = pdf_of([project])
        with pdfplumber.open(buf) as pdf:
            assert tables(pdf.pages[0])[7][1] == header


# 6. Column proportions ------------------------------------------------------------------------


def test_goal_columns_and_funds_label_follow_the_official_form():
    buf, _ = pdf_of([Project(year=2025, name="比例", goal_overall="目" * 300)])
    with pdfplumber.open(buf) as pdf:
        page = pdf.pages[0]
        rows = page.find_tables()[0].rows
        overall, annual = rows[10].cells[1], rows[10].cells[5]
        ratio = (overall[2] - overall[0]) / (annual[2] - annual[0])
        label = tables(page)[3][0]
        top = rows[10].bbox[1]
        line = [c for c in page.chars if c["text"] == "目" and top < c["top"] < top + 15]
    assert 1.40 <= ratio <= 1.50  # official: ~23 characters a line against ~16
    assert label == "项目资金\n（元）"  # two lines, as on the official form
    assert 24 <= len(line) <= 30


def test_level2_labels_break_where_the_official_form_breaks_them():
    inds = (
        Indicator("效益指标", "可持续影响指标", "制度", parse_value("健全")),
        Indicator("满意度指标", "服务对象满意度指标", "满意度", parse_value("高")),
    )
    buf, _ = pdf_of([Project(year=2024, name="标签", indicators=inds)])
    with pdfplumber.open(buf) as pdf:
        rows = tables(pdf.pages[0])
    assert [r[2] for r in rows[10:]] == ["可持续影响指标", "服务对象满意度\n指标"]


# 7. Text clean-up and rare characters ---------------------------------------------------------


def test_zero_width_and_combining_characters_are_cleaned_before_printing():
    name = "社区\u200d矫正\u200b项目 Cafe\u0301 \ufeff"
    buf, result = pdf_of([Project(year=2025, name=name)])
    text = text_of(buf)[0]
    assert result.missing == set()
    assert "社区矫正项目 Café" in text
    assert "ZWJ" not in text and "\u200d" not in text and "\u0301" not in text


def test_non_bmp_characters_extract_as_themselves():
    buf, result = pdf_of([Project(year=2025, name="笑😀")])
    assert result.missing == set()
    assert "笑😀" in text_of(buf)[0]


@pytest.fixture
def rare_fonts(monkeypatch):
    """Stand-ins for SimSun-ExtB / HanaMin: tiny subsets holding 㐀 and 𠀀."""
    monkeypatch.delenv("WINDIR", raising=False)
    monkeypatch.delenv("SYSTEMROOT", raising=False)
    monkeypatch.setattr(
        fonts,
        "SYSTEM_FALLBACKS",
        (
            ("TestRareExtA", str(FIXTURES / "rare-ext-a.ttf")),
            ("TestRareExtB", str(FIXTURES / "rare-ext-b.ttf")),
        ),
    )


def test_ext_a_and_ext_b_characters_come_from_the_fallback_fonts(rare_fonts):
    buf, result = pdf_of([Project(year=2025, name="张𠀀㐀")])
    assert result.missing == set()
    assert "张𠀀㐀" in text_of(buf)[0]
    used = {
        str(f.get_object()["/BaseFont"])
        for f in PdfReader(buf).pages[0]["/Resources"]["/Font"].values()
    }
    assert any("Hana" in f for f in used)  # the fixtures are HanaMin subsets


def test_without_a_fallback_font_rare_characters_are_boxes_and_reported(monkeypatch):
    monkeypatch.delenv("WINDIR", raising=False)
    monkeypatch.delenv("SYSTEMROOT", raising=False)
    monkeypatch.setattr(fonts, "SYSTEM_FALLBACKS", ())
    monkeypatch.setattr(fonts, "SYSTEM_SEARCH", False)
    buf, result = pdf_of([Project(year=2025, name="张𠀀㐀")])
    assert result.missing == {"𠀀", "㐀"}
    assert "张□□" in text_of(buf)[0]


def test_a_character_no_known_font_has_is_looked_for_in_the_system_fonts(monkeypatch):
    """Neither the bundled fonts nor SimSun-ExtB/HanaMin: fontconfig's answer (here a stand-in
    for Droid Sans Fallback, which has 㐀) is used before giving up; only what no font on
    the machine has is a box."""
    monkeypatch.delenv("WINDIR", raising=False)
    monkeypatch.delenv("SYSTEMROOT", raising=False)
    monkeypatch.setattr(fonts, "SYSTEM_FALLBACKS", ())
    asked = []

    def fc_list(ch):
        asked.append(ch)
        return [(FIXTURES / "rare-ext-a.ttf", 0)] if ch == "㐀" else []

    monkeypatch.setattr(fonts, "_fontconfig_fonts", fc_list)
    buf, result = pdf_of([Project(year=2025, name="张㐀𠀀㐀")])
    assert result.missing == {"𠀀"}
    assert "张㐀□㐀" in text_of(buf)[0]
    assert sorted(asked) == ["㐀", "𠀀"]  # once per character, only for what nothing had


@pytest.mark.skipif(not fonts._fontconfig_fonts("㐀"), reason="no system font with 㐀")
def test_fontconfig_finds_a_truetype_font_of_the_machine(monkeypatch):
    monkeypatch.setattr(fonts, "SYSTEM_FALLBACKS", ())
    specs = fonts.system_fonts_for("㐀")
    assert specs and all(s.path.suffix.lower() in (".ttf", ".ttc") for s in specs)
    _, result = pdf_of([Project(year=2025, name="张㐀")])
    assert result.missing == set()


# 9. Cosmetics -----------------------------------------------------------------------------------


def test_short_goal_is_top_aligned_when_the_other_goal_splits():
    p = Project(
        year=2025,
        name="顶端",
        indicators=indicators(25),
        goal_overall="长" * 2600,
        goal_annual="短目标",
    )
    buf, result = pdf_of([p])
    assert result.pages >= 2
    with pdfplumber.open(buf) as pdf:
        page = pdf.pages[0]
        first_long = min(c["top"] for c in page.chars if c["text"] == "长")
        short = min(c["top"] for c in page.chars if c["text"] == "短")
    assert short == pytest.approx(first_long, abs=1)


def test_a_tall_indicator_row_splits_instead_of_leaving_the_page_a_third_blank():
    inds = (*indicators(10), Indicator("产出指标", "数量指标", "长" * 900, parse_value("提高")))
    buf, _ = pdf_of([Project(year=2025, name="高行", indicators=inds)])
    with pdfplumber.open(buf) as pdf:
        page = pdf.pages[0]
        bottom = max(r["bottom"] for r in page.rects)
        assert bottom > page.height * 0.85  # the table runs to the foot of the page
        text = "".join(re.sub(r"\s+", "", p.extract_text()) for p in pdf.pages)
    assert text.count("长") == 900


def test_pdf_metadata_names_the_author_and_subject():
    p = Project(year=2025, name="社区矫正", implementing_unit="上海市普陀区司法局")
    buf, _ = pdf_of([p], signoff=SignOff(enabled=False))
    info = PdfReader(buf).metadata
    assert info["/Author"] == "上海市普陀区司法局"
    assert info["/Subject"] == "2025年度 社区矫正 绩效目标申报表"
    buf, _ = pdf_of([p, replace(p, id="x", year=2026)], signoff=SignOff(filled_by="张三"))
    info = PdfReader(buf).metadata
    assert info["/Author"] == "张三" and info["/Subject"] == "2025–2026年度 2 份绩效目标申报表"


# 3/4 in Excel export: the same text as on paper --------------------------------------------------


def test_excel_export_writes_values_dates_and_goal_header_as_printed(tmp_path):
    from openpyxl import load_workbook

    from desktop.io.xlsx_format import export_xlsx

    p = Project(
        year=2024,
        name="导出",
        start_date=date(2024, 1, 1),
        end_date=date(2026, 12, 31),
        date_style="cn",
        goal_header="项目总体目标(2024年-2026年)",
        indicators=(Indicator("产出指标", "数量指标", "长度", parse_value("985米")),),
    )
    export_xlsx([p], tmp_path / "out.xlsx")
    ws = load_workbook(tmp_path / "out.xlsx")["导出"]
    texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "985米" in texts and "项目总体目标(2024年-2026年)" in texts
    dates = [c for row in ws.iter_rows() for c in row if hasattr(c.value, "year")]
    assert [d.value.date() for d in dates] == [date(2024, 1, 1), date(2026, 12, 31)]
    assert {d.number_format for d in dates} == {'yyyy"年"m"月"d"日"'}


def test_group_labels_of_2026_forms_break_after_four_characters():
    inds = (
        Indicator("效益指标", "社会效益指标", "公信力", parse_value("增强")),
        Indicator("满意度指标", "服务对象满意度指标", "满意度", parse_value("高")),
    )
    buf, _ = pdf_of([Project(year=2026, name="标签", indicators=inds)])
    with pdfplumber.open(buf) as pdf:
        rows = tables(pdf.pages[0])
    assert [(r[1], r[2]) for r in rows[10:]] == [
        ("效益指标", "社会效益\n指标"),
        ("满意度\n指标", "服务对象\n满意度\n指标"),
    ]


@pytest.mark.parametrize("n", range(17, 26))
def test_a_single_indicator_row_is_never_alone_on_the_last_page(n):
    """Forms of about 20 indicators: the last row and the sign-off used to go to page 2
    alone; the row before it goes along (keep-with)."""
    p = Project(
        year=2024,
        name="留行",
        indicators=indicators(n),
        goal_overall="目" * 120,
        goal_annual="年" * 80,
    )
    buf, _ = pdf_of([p], signoff=SignOff(filled_by="张三"))
    with pdfplumber.open(buf) as pdf:
        per_page = [
            [r[3] for r in tables(page) if r[3] and r[3].startswith("指标")] for page in pdf.pages
        ]
    assert sum(map(len, per_page)) == n
    assert all(len(names) != 1 for names in per_page), per_page


def test_an_inferred_level1_prints_as_the_form_had_it_until_confirmed():
    """The form had no 一级 for the row; the importer worked it out (kept for 审核, 需复核).
    The printout shows the form's empty cell until the clerk confirms the label."""
    inferred = Indicator(
        "满意度指标",
        "服务对象满意度指标",
        "工作人员满意度",
        parse_value("≥98.00(%)"),
        needs_review=True,
        review_note="一级指标为空，按指标体系推断为“满意度指标”",
        note="原分组：/服务对象满意度指标",
    )
    first = Indicator("产出指标", "数量指标", "办理率", parse_value("=100.00(%)"))
    for row, printed in ((inferred, None), (replace(inferred, needs_review=False), "满意度\n指标")):
        buf, _ = pdf_of([Project(year=2026, name="推断", indicators=(first, row))])
        with pdfplumber.open(buf) as pdf:
            rows = tables(pdf.pages[0])
        assert rows[-1][3] == "工作人员满意度"
        assert (rows[-1][1] or None) == printed
        assert rows[-1][2] == "服务对象\n满意度\n指标"


def test_the_nature_cell_leaves_room_around_its_words():
    """经常性项目 no longer fills its cell edge to edge (3 pt each side in a 56 pt cell)."""
    buf, _ = pdf_of([Project(year=2026, name="性质", nature="经常性项目", category="特定目标类")])
    with pdfplumber.open(buf) as pdf:
        page = pdf.pages[0]
        row = page.find_tables()[0].rows[2]  # 项目名称 … 项目性质 … 项目类别
        x0, top, x1, bottom = row.cells[5]
        chars = [c for c in page.chars if x0 <= c["x0"] < x1 and top <= c["top"] < bottom]
    assert "".join(c["text"] for c in chars) == "经常性项目"
    assert min(c["x0"] for c in chars) - x0 >= 5.5
    assert x1 - max(c["x1"] for c in chars) >= 5.5
