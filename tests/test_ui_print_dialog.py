"""Printing from the window: preview, the printer path, export PDF, remembered sign-off."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from desktop.ui.paths import settings
from desktop.ui.print_dialog import PrintDialog, print_document


def sample(make_controller, tmp_path):
    c = make_controller(tmp_path / "p.db")
    c.load_sample()
    return c.window


def test_preview_selected_then_all_and_remember_signoff(
    make_controller,
    tmp_path,
    qtbot,
):
    w = sample(make_controller, tmp_path)
    repo = w.session.repo
    two = [repo.get(s.id) for s in repo.summaries()[:2]]
    dialog = PrintDialog(w, two, lambda: list(repo.all_projects()))
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() == 2
    assert "2 个项目，共 2 页" in dialog.status.text()
    dialog.everything.setChecked(True)
    dialog.filled_by.setText("张三")
    dialog.phone.setText("021-1234")
    dialog.refresh()
    assert dialog.document.pageCount() == 13
    assert b"%PDF" in dialog.pdf_bytes[:8]
    assert settings().value("print/filled_by") == "张三"
    dialog.signoff.setChecked(False)
    dialog.refresh()
    assert settings().value("print/signoff", type=bool) is False
    again = PrintDialog(w, two, lambda: [])
    qtbot.addWidget(again)
    assert again.filled_by.text() == "张三" and not again.signoff.isChecked()


def test_printing_sends_every_page_or_the_chosen_range(
    make_controller,
    tmp_path,
    qtbot,
):
    w = sample(make_controller, tmp_path)
    repo = w.session.repo
    dialog = PrintDialog(w, [], lambda: list(repo.all_projects()))
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    assert print_document(dialog.document, printer) == 13
    pages = PdfReader(tmp_path / "printed.pdf").pages
    assert len(pages) == 13
    box = pages[0].mediabox
    assert abs(float(box.height) / float(box.width) - 297 / 210) < 0.01  # A4, right aspect
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_document(dialog.document, printer) == 2
    assert len(PdfReader(tmp_path / "range.pdf").pages) == 2
    printer.setOutputFileName(str(tmp_path / "copies.pdf"))
    printer.setCopyCount(3)
    expected = 2 if printer.supportsMultipleCopies() else 6
    assert print_document(dialog.document, printer) == expected
    assert len(PdfReader(tmp_path / "copies.pdf").pages) == expected


def test_export_pdf_from_the_file_menu(make_controller, tmp_path, monkeypatch):
    w = sample(make_controller, tmp_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "表"), ""))
    w.table.clearSelection()
    w.act_export_pdf.trigger()
    assert len(PdfReader(tmp_path / "表.pdf").pages) == 13
    w.table.selectRow(0)
    w.act_export_pdf.trigger()
    assert len(PdfReader(tmp_path / "表.pdf").pages) == 1
