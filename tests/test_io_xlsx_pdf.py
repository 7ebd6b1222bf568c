"""Excel and PDF in and out, 汇总, next-year copies."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from desktop.domain.model import NATURE_RECURRING, Funds, next_year_copy
from desktop.domain.money import format_money
from desktop.domain.summary import summarize
from desktop.io import json_format
from desktop.io.files import load_file
from desktop.io.pdf_format import load_pdf
from desktop.io.report import ImportFormatError
from desktop.io.xlsx_format import SUMMARY_SHEET, export_xlsx
from desktop.io.xlsx_read import load_xlsx
from desktop.printing import render
from desktop.store import open_repository
from tests.sample_expected import GRAND_TOTAL


def test_db_to_xlsx_to_db_gives_identical_json(tmp_path, sample_result):
    with open_repository(tmp_path / "a.db") as repo:
        repo.add(sample_result.projects)
        before = json_format.dumps(list(repo.all_projects()))
        export_xlsx(list(repo.all_projects()), tmp_path / "forms.xlsx")
    back = load_xlsx(tmp_path / "forms.xlsx")
    with open_repository(tmp_path / "b.db") as repo:
        repo.add(back.projects)
        after = json_format.dumps(list(repo.all_projects()))
    assert after == before


def test_the_workbook_looks_like_the_form(tmp_path, sample_result):
    export_xlsx(sample_result.projects, tmp_path / "forms.xlsx")
    wb = load_workbook(tmp_path / "forms.xlsx")
    assert wb.sheetnames[0] == SUMMARY_SHEET
    ws = wb["司法调解"]
    assert ws["A1"].value == "财政项目支出绩效目标申报表" and ws["A2"].value == "（2024年度）"
    assert ws["A3"].value == "项目名称" and ws["C3"].value == "司法调解"
    assert "A3:B3" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["E6"].value == 5100000 and ws["E6"].number_format == "#,##0.00"
    values = [c.value for row in ws.iter_rows() for c in row if c.value == "=85.00(%)"]
    assert len(values) == 2  # text, not a formula
    assert all(
        c.data_type == "s"
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    )
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.page_setup.fitToWidth == 1
    assert wb["_jixiao"].sheet_state == "hidden"


def _libreoffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


def _roundtrip_through_libreoffice(path, folder):
    out = folder / "lo"
    out.mkdir()
    subprocess.run(
        [
            _libreoffice(),
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(folder), "PATH": "/usr/bin:/bin"},
    )
    return out / path.name


@pytest.mark.skipif(
    not _libreoffice(),
    reason="needs LibreOffice (soffice): apt-get install libreoffice-calc-nogui "
    "(.ci/run installs it and checks that it is there; the Windows job under Wine has none)",
)
def test_a_workbook_edited_by_a_person_in_libreoffice(tmp_path, sample_result):
    """Saved by LibreOffice, a blank row inserted, a number typed as text, a value changed:
    it imports, the change is taken, and the report says what happened."""
    export_xlsx(sample_result.projects[:3], tmp_path / "forms.xlsx")
    saved = _roundtrip_through_libreoffice(tmp_path / "forms.xlsx", tmp_path)
    wb = load_workbook(saved)
    ws = wb["安置帮教和社区矫正"]
    ws.insert_rows(10)  # an extra blank row in the funds block
    ws["E7"].value = "8,537,947.00"  # the total typed as text
    for row in ws.iter_rows():
        for c in row:
            if c.value == "组织应急处置演练":
                ws.cell(c.row, 7).value = "≥2(次)"  # a changed value
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    result = load_xlsx(edited)
    projects = {p.name: p for p in result.projects}
    assert set(projects) == {p.name for p in sample_result.projects[:3]}
    changed = projects["安置帮教和社区矫正"]
    original = next(p for p in sample_result.projects if p.name == "安置帮教和社区矫正")
    assert changed.funds == original.funds
    assert {i.name: i.value.display() for i in changed.indicators}[
        "组织应急处置演练"
    ] == "≥2.00(次)"
    assert changed.id == original.id  # still the same project
    assert any("被修改过" in i.message for i in result.items)
    untouched = projects["司法调解"]
    assert untouched == next(p for p in sample_result.projects if p.name == "司法调解")


def test_a_hand_made_sheet_reports_cells(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "手工表"
    rows = [
        ["财政项目支出绩效目标申报表"],
        ["（2025年度）"],
        ["项目名称", None, "手工项目", None, "项目性质", "经常性项目", "项目类别", "特定目标类"],
        ["主管部门", None, "某局", None, "实施单位", "某中心"],
        ["计划开始日期", None, date(2025, 1, 1), None, "计划完成日期", "2025/12/31"],
        [],
        ["项目资金（元）", None, "项目资金总额", None, "一百万", "年度资金申请总额", None, 1000],
        [None, None, "其中：财政资金", None, "1000", "其中：当年财政拨款", None, "1,000.00"],
    ]
    for row in rows:
        ws.append(row)
    wb.save(tmp_path / "hand.xlsx")
    result = load_xlsx(tmp_path / "hand.xlsx")
    (p,) = result.projects
    assert (p.name, p.start_date, p.end_date) == ("手工项目", date(2025, 1, 1), date(2025, 12, 31))
    assert p.funds.fiscal == 100_000 and p.funds.annual_total == 100_000
    bad = [i for i in result.items if "金额无法识别" in i.message]
    assert bad and bad[0].cell == "手工表!E7"
    assert "手工表!E7" in bad[0].describe()


def test_not_a_workbook(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ImportFormatError):
        load_file(fake)


def test_db_to_pdf_to_db_gives_identical_json(tmp_path, sample_result):
    render(sample_result.projects, tmp_path / "printed.pdf")
    back = load_file(tmp_path / "printed.pdf")
    assert json_format.dumps(back.projects) == json_format.dumps(sample_result.projects)


def test_a_pdf_without_our_data_is_read_from_its_tables(tmp_path, sample_result):
    """As the published PDFs are: the printed layout read back by pdfplumber gives every
    value of every form (only the importer's review marks are not on paper)."""
    render(sample_result.projects, tmp_path / "published.pdf", embed=False)
    back = load_pdf(tmp_path / "published.pdf")

    def visible(p):
        return (
            p.year,
            p.name,
            p.nature,
            p.category,
            p.department,
            p.implementing_unit,
            p.start_date,
            p.end_date,
            p.funds,
            p.goal_overall,
            p.goal_annual,
            [(i.level1, i.level2, i.name, i.value) for i in p.indicators],
        )

    assert [visible(p) for p in back.projects] == [visible(p) for p in sample_result.projects]


def test_long_goals_split_over_pages_come_back_whole(tmp_path, sample_result):
    p = sample_result.projects[0].with_changes(goal_overall="目标" * 3000)
    render([p], tmp_path / "long.pdf", embed=False)
    (back,) = load_pdf(tmp_path / "long.pdf").projects
    assert back.goal_overall == p.goal_overall


def test_a_changed_pdf_is_read_from_what_is_printed(tmp_path, sample_result):
    from pypdf import PdfReader, PdfWriter

    render(sample_result.projects[:2], tmp_path / "two.pdf")
    reader = PdfReader(tmp_path / "two.pdf")
    writer = PdfWriter()
    writer.add_page(reader.pages[0])  # one page taken out: the stored data no longer fits
    writer.add_metadata({"/JixiaoProjects": reader.metadata["/JixiaoProjects"]})
    with open(tmp_path / "one.pdf", "wb") as fh:
        writer.write(fh)
    (back,) = load_pdf(tmp_path / "one.pdf").projects
    assert back.name == sample_result.projects[0].name


def test_not_a_pdf(tmp_path):
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.4 garbage" * 10)
    with pytest.raises(ImportFormatError):
        load_file(fake)


def test_summary_totals(sample_result):
    s = summarize(2024, sample_result.projects)
    assert format_money(s.total) == GRAND_TOTAL
    assert len(s.lines) == 13
    assert {x.key: x.count for x in s.by_category} == {"特定目标类": 12, "其他运转类": 1}
    assert sum(x.total for x in s.by_unit) == s.total
    assert {x.key for x in s.by_unit} == {"上海市普陀区司法局", "上海市普陀区法律援助中心"}
    assert summarize(2023, sample_result.projects).lines == []


def test_next_year_copy(sample_result):
    p = sample_result.projects[0]
    q = next_year_copy(p)
    assert q.id != p.id and q.year == 2025
    assert (q.start_date, q.end_date) == (date(2025, 1, 1), date(2025, 12, 31))
    assert p.nature == NATURE_RECURRING and q.funds == p.funds
    assert q.goal_overall == p.goal_overall
    assert [(i.name, i.value) for i in q.indicators] == [(i.name, i.value) for i in p.indicators]
    assert all(i.needs_review and "2024" in i.review_note for i in q.indicators)
    once = next_year_copy(
        p.with_changes(nature="一次性项目", start_date=date(2024, 2, 29), end_date=None)
    )
    assert once.funds == Funds() and once.start_date == date(2025, 2, 28)


# -- from the window and the command line ----------------------------------------------------


def test_summary_dialog_and_next_year_from_the_window(make_controller, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.summary_dialog import SummaryDialog

    c = make_controller(tmp_path / "w.db")
    c.load_sample()
    w = c.window
    dialog = SummaryDialog(w, w.session.repo, 2024)
    last = dialog.table.rowCount() - 1
    assert dialog.table.item(last, 0).text() == "合计（13 个项目）"
    assert dialog.table.item(last, 4).text() == GRAND_TOTAL
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "汇总.xlsx"), "")
    )
    dialog.export("xlsx")
    ws = load_workbook(tmp_path / "汇总.xlsx")[SUMMARY_SHEET]
    totals = [r for r in ws.iter_rows(values_only=True) if r[0] == "合计（13 个项目）"]
    assert totals and format_money(round(totals[0][4] * 100)) == GRAND_TOTAL
    w.table.selectAll()
    w.act_rollover.trigger()
    assert sorted(w.session.repo.years()) == [2024, 2025]
    assert w.act_undo.text() == "撤销(&U) 复制 13 个项目到下一年度"
    w.act_undo.trigger()
    assert w.session.repo.years() == [2024]


def test_cli_summary_rollover_and_excel(tmp_path, capsys):
    from desktop.cli import main
    from tests.conftest import SAMPLE

    db = tmp_path / "c.db"
    main(["import", str(SAMPLE), "--db", str(db)])
    assert (
        main(["summary", "--db", str(db), "--year", "2024", "--out", str(tmp_path / "s.pdf")]) == 0
    )
    out = capsys.readouterr().out
    assert f"项目资金合计 {GRAND_TOTAL} 元" in out
    import pdfplumber

    with pdfplumber.open(tmp_path / "s.pdf") as pdf:
        text = "".join(p.extract_text() for p in pdf.pages)
    assert GRAND_TOTAL in text and "按实施单位小计" in text
    from pypdf import PdfReader

    content = PdfReader(tmp_path / "s.pdf").pages[0].get_contents().get_data()
    assert b"2 Tr" in content  # title, header and headings in bold (fill and stroke)
    assert main(["export", str(tmp_path / "all.xlsx"), "--db", str(db)]) == 0
    # 1: imported, with the sample's 8 indicators still to review
    assert main(["import", str(tmp_path / "all.xlsx"), "--db", str(tmp_path / "d.db")]) == 1
    assert main(["rollover", "--db", str(db), "--year", "2024"]) == 0
    capsys.readouterr()
    main(["list", "--db", str(db), "--year", "2025"])
    assert len(capsys.readouterr().out.strip().split("\n")) == 13
    assert main(["print", "--db", str(db), "--all", "--out", str(tmp_path / "p.pdf")]) == 0
    assert main(["import", str(tmp_path / "p.pdf"), "--db", str(tmp_path / "e.db")]) == 1
    assert "26 个项目" in capsys.readouterr().out
