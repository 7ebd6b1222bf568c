"""A file over one of the limits is refused with one sentence in the window's language: in
the English window a workbook with too many cells, a PDF with too many pages or too much
text, a JSON file nested too deep or holding NaN, a file of a type we do not read, a file
holding things we never create say it in English — the limit, the list's items joined with
", " — with no Chinese but the file's own name; in the Chinese window the same box says
today's Chinese sentence. The store's own sentences (a backup refused, a bad review record)
are said in both languages too. The sentences are written here by hand."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QFileDialog
from reportlab.pdfgen import canvas

from desktop.domain import limits
from desktop.domain.model import Project
from desktop.io import pdf_format, xlsx_read
from desktop.store import backups, open_repository
from desktop.store.errors import DamagedFileError
from desktop.ui.audit_text import error_text, finding_text
from tests.in_each_language import said


def import_box(c, path, monkeypatch, dialogs) -> str:
    """The clerk imports ``path``; the one warning box it gives."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    c.window.act_import.trigger()
    boxes = [text for kind, text in dialogs if kind == "warning"]
    assert len(boxes) == 1, dialogs
    return boxes[0]


def a_workbook(path, cells: int) -> None:
    wb = Workbook()
    ws = wb.active
    for n in range(cells):
        ws.cell(row=n + 1, column=1, value=f"cell {n}")
    wb.save(path)


def a_pdf(path, pages: int, line: str = "Legal aid 2026") -> None:
    pdf = canvas.Canvas(str(path))
    for _ in range(pages):
        pdf.drawString(72, 720, line)
        pdf.showPage()
    pdf.save()


def test_a_workbook_with_too_many_cells(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    monkeypatch.setattr(limits, "MAX_CELLS", 5)
    path = tmp_path / "表格.xlsx"
    a_workbook(path, 10)
    said(
        import_box(c, path, monkeypatch, dialogs),
        language,
        "Cannot import: “表格.xlsx” has too many cells (at most 5); for safety it was not read.",
        "无法导入：“表格.xlsx”的单元格太多（上限 5 个），为安全起见未读取。",
        "表格.xlsx",
    )


def test_a_workbook_with_too_many_parts(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    monkeypatch.setattr(limits, "MAX_XLSX_MEMBERS", 3)
    path = tmp_path / "parts.xlsx"
    a_workbook(path, 1)
    said(
        import_box(c, path, monkeypatch, dialogs),
        language,
        "Cannot import: “parts.xlsx” has too many parts (at most 3); for safety it was not read.",
        "无法导入：“parts.xlsx”的部件太多（上限 3 个），为安全起见未读取。",
    )


def test_a_pdf_with_too_many_pages(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    monkeypatch.setattr(limits, "MAX_PAGES", 2)
    path = tmp_path / "pages.pdf"
    a_pdf(path, 3)
    said(
        import_box(c, path, monkeypatch, dialogs),
        language,
        "Cannot import: “pages.pdf” has too many pages (3, at most 2); for safety it was not read.",
        "无法导入：“pages.pdf”页数太多（3 页）（上限 2 页），为安全起见未读取。",
    )


def test_a_pdf_page_with_too_much_text(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    monkeypatch.setattr(limits, "MAX_PAGE_CHARS", 5)
    path = tmp_path / "text.pdf"
    a_pdf(path, 1)
    said(
        import_box(c, path, monkeypatch, dialogs),
        language,
        "Cannot import: Page 1 of “text.pdf” has too much text (at most 5 characters); "
        "for safety it was not read.",
        "无法导入：“text.pdf”第 1 页的文字太多（上限 5 个），为安全起见未读取。",
    )


def test_a_pdf_that_lays_out_too_many_characters(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    monkeypatch.setitem(pdf_format._WORK_LIMITS, "chars", (4, pdf_format.say.PDF_CHARS))
    path = tmp_path / "chars.pdf"
    a_pdf(path, 1)
    said(
        import_box(c, path, monkeypatch, dialogs),
        language,
        "Cannot import: “chars.pdf” has too much text (at most 4 characters); "
        "for safety it was not read.",
        "无法导入：“chars.pdf”中的文字太多（上限 4），为安全起见未读取。",
    )


def test_a_json_file_nested_too_deep(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    path = tmp_path / "深.json"
    path.write_text("[" * 70 + "]" * 70, encoding="utf-8")
    said(
        import_box(c, path, monkeypatch, dialogs),
        language,
        "Cannot import: “深.json” is nested too deep (at most 64 levels); "
        "for safety it was not read.",
        "无法导入：“深.json”嵌套太深（上限 64 层），为安全起见未读取。",
        "深.json",
    )


def test_a_json_file_holding_nan(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    path = tmp_path / "nan.json"
    path.write_text('{"format": "jixiao-projects", "version": NaN}', encoding="utf-8")
    said(
        import_box(c, path, monkeypatch, dialogs),
        language,
        "Cannot import: “nan.json” holds a value that is not allowed (NaN); "
        "for safety it was not read.",
        "无法导入：“nan.json”中不允许的数值 NaN，为安全起见未读取。",
    )


def test_a_file_of_a_type_we_do_not_read(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    path = tmp_path / "forms.csv"
    path.write_text("name,year\n", encoding="utf-8")
    said(
        import_box(c, path, monkeypatch, dialogs),
        language,
        "Cannot import: The file type “.csv” is not supported "
        "(supported: .txt, .tsv, .json, .xlsx, .pdf)",
        "无法导入：不支持的文件类型“.csv”（支持 .txt、.tsv、.json、.xlsx、.pdf）",
    )


def test_a_file_with_two_things_we_never_create(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("critical")
    path = tmp_path / "trap.db"
    open_repository(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TRIGGER t AFTER UPDATE ON meta BEGIN DELETE FROM projects; END")
        conn.execute("CREATE VIEW v AS SELECT 1")
    conn.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    c.window.act_open.trigger()
    boxes = [text for kind, text in dialogs if kind == "critical"]
    assert len(boxes) == 1, dialogs
    said(
        boxes[0],
        language,
        "Cannot open the data file:\n“trap.db” holds things this program never creates "
        "(trigger t, view v); for safety it was not opened.",
        "无法打开数据文件：\n“trap.db”中有本程序从不创建的内容（trigger t、view v），"
        "为安全起见拒绝打开。",
    )


def both(message, translators) -> tuple[str, str]:
    translators.use("en")
    try:
        english = error_text(message) if isinstance(message, Exception) else finding_text(message)
    finally:
        translators.use("zh_CN")
    return str(message), english


def test_a_backup_of_a_file_with_a_bad_row_is_not_made(tmp_path, app_and_translators):
    _, translators = app_and_translators
    path = tmp_path / "forms.db"
    with open_repository(path) as repo:
        repo.add([Project(name="法律援助", year=2026)])
    conn = sqlite3.connect(path)
    conn.execute("UPDATE projects SET year = 'abc'")
    conn.commit()
    with pytest.raises(DamagedFileError) as refused:
        backups.take(conn, path, "daily", root=tmp_path / "backups")
    conn.close()
    assert both(refused.value, translators) == (
        "“forms.db”中有 1 个项目的数据有误，没有备份（以前的备份都保留着）。",
        "“forms.db”: the data are wrong in 1 of its projects; no backup was made "
        "(the earlier backups are all kept).",
    )


def test_a_bad_review_record_names_its_column_as_the_record_does(tmp_path, app_and_translators):
    from desktop.store.review_check import _event

    _, translators = app_and_translators
    good = {
        "id": str(uuid.uuid4()),
        "project_id": str(uuid.uuid4()),
        "seq": 1,
        "from_status": "draft",
        "to_status": "submitted",
        "unit": "司法局",
        "person": "张三",
        "at": "2026-01-01T00:00:00Z",
        "note": "",
        "content_hash": "",
    }
    cases = [
        ({"id": "not-a-uuid"}, "“记录编号”不是有效的编号", "“Record id” is not a valid id"),
        ({"at": "yesterday"}, "“记录时间”不是时间", "“Time recorded” is not a time"),
        ({"person": 7}, "“经办人”不是文字", "“Person” is not text"),
    ]
    for change, chinese, english in cases:
        with pytest.raises(ValueError) as bad:
            _event({**good, **change})
        assert both(bad.value.args[0], translators) == (chinese, english)


def test_the_io_sentences_stay_chinese(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELLS", 5)
    path = tmp_path / "表格.xlsx"
    a_workbook(path, 10)
    with pytest.raises(limits.LimitError) as refused:
        xlsx_read.load_xlsx(path)
    assert str(refused.value) == "“表格.xlsx”的单元格太多（上限 5 个），为安全起见未读取。"
    with pytest.raises(limits.LimitError) as deep:
        limits.load_json("[" * 70 + "]" * 70, "深.json")
    assert str(deep.value) == "“深.json”嵌套太深（上限 64 层），为安全起见未读取。"
