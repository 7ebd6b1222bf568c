"""Printing on paper at true size: the printed form is measured against the PDF
it comes from — same size within 0.5 %, same place within half a millimetre; shrunk only
when the printer's unprintable edges would cut into it, and then said; no printer → a clear
message offering 导出 PDF."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from desktop.printing import render
from desktop.ui import print_dialog
from desktop.ui.print_dialog import PrintDialog, place_page, print_document

MM = 72 / 25.4
A4 = QSizeF(210 * MM, 297 * MM)
_DARK = re.compile(rb"[\x00-\x7f]")

pytestmark = pytest.mark.usefixtures("qapp")  # QPdfDocument and QPrinter need the application


def ink_box(path, index: int = 0, dpi: int = 150) -> tuple[float, float, float, float]:
    """The box around everything printed on a PDF page (left, top, right, bottom, in points
    from the page's top-left corner), measured on a rendering at ``dpi``."""
    doc = QPdfDocument(None)
    doc.load(str(path))
    size = doc.pagePointSize(index)
    pixels = QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi))
    canvas = QImage(pixels, QImage.Format.Format_RGB32)
    canvas.fill(Qt.GlobalColor.white)
    painter = QPainter(canvas)
    painter.drawImage(0, 0, doc.render(index, pixels))
    painter.end()
    gray = canvas.convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(gray.constBits()), gray.bytesPerLine()
    left, right, top, bottom = pixels.width(), -1, None, None
    for y in range(pixels.height()):
        row = data[y * stride : y * stride + pixels.width()]
        first = _DARK.search(row)
        if first is None:
            continue
        last = pixels.width() - 1 - _DARK.search(row[::-1]).start()
        left, right = min(left, first.start()), max(right, last)
        top = y if top is None else top
        bottom = y
    doc.close()
    k = 72 / dpi
    return (left * k, top * k, (right + 1) * k, (bottom + 1) * k)


def test_the_printed_form_is_the_true_size_and_in_the_true_place(tmp_path, sample_result):
    form = tmp_path / "form.pdf"
    render(sample_result.projects[:1], form)
    document = QPdfDocument(None)
    document.load(str(form))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # stands in for the paper
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(print_dialog.PRINT_DPI)
    assert print_document(document, printer) == 1

    want = ink_box(form)
    got = ink_box(tmp_path / "printed.pdf")
    width_scale = (got[2] - got[0]) / (want[2] - want[0])
    height_scale = (got[3] - got[1]) / (want[3] - want[1])
    assert abs(width_scale - 1) < 0.005 and abs(height_scale - 1) < 0.005, (want, got)
    assert all(abs(g - w) < 0.5 * MM for g, w in zip(got, want, strict=True)), (want, got)


def test_grey_pages_at_print_resolution(tmp_path, sample_result, monkeypatch):
    """Pages go to the spooler as 8-bit grey images (35 MB → 8.7 MB an A4 page)."""
    form = tmp_path / "form.pdf"
    render(sample_result.projects[:1], form)
    document = QPdfDocument(None)
    document.load(str(form))
    drawn = []
    real = QPainter.drawImage

    def spy(painter, *args):
        drawn.append(args[-1])
        return real(painter, *args)

    monkeypatch.setattr(QPainter, "drawImage", spy)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(print_dialog.PRINT_DPI)
    print_document(document, printer)
    page = [i for i in drawn if i.width() > 2000][-1]
    assert page.format() == QImage.Format.Format_Grayscale8
    assert abs(page.width() - 210 / 25.4 * 300) < 3  # 300 dpi, A4 wide
    assert page.sizeInBytes() < 10 * 1024 * 1024


def test_shrunk_only_when_the_printer_margins_cut_into_the_form():
    generous = place_page(A4, A4, (4 * MM, 4 * MM, 4 * MM, 4 * MM))  # an ordinary laser
    assert generous.scale == 1.0 and generous.rect.x() == 0 and generous.rect.y() == 0
    narrow = place_page(A4, A4, (25 * MM, 5 * MM, 5 * MM, 5 * MM))  # 25 mm dead edge
    assert 0.85 < narrow.scale < 1.0
    ink_left = narrow.rect.x() + print_dialog.INK_MARGINS_PT[0] * narrow.scale
    assert ink_left >= 25 * MM - 0.01  # the ink now starts where the printer can print
    # Letter paper: the A4 form is centred, not stretched.
    letter = place_page(QSizeF(8.5 * 72, 11 * 72), A4, (12, 12, 12, 12))
    assert letter.scale == pytest.approx(1.0, abs=0.05)
    assert letter.rect.width() == pytest.approx(A4.width() * letter.scale)


def test_no_printer_installed_says_so_and_offers_pdf(make_controller, tmp_path, qtbot, monkeypatch):
    c = make_controller(tmp_path / "p.db")
    c.load_sample()
    dialog = PrintDialog(c.window, list(c.session.repo.all_projects())[:1], lambda: [])
    qtbot.addWidget(dialog)
    monkeypatch.setattr(print_dialog.QPrinterInfo, "availablePrinterNames", lambda: [])
    shown = []

    def answer(box):
        shown.append(box.text())
        box.buttons()[0].click()  # 导出 PDF…
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    exported = []
    monkeypatch.setattr(dialog, "export", lambda: exported.append(True))
    printed = []
    monkeypatch.setattr(print_dialog, "QPrintDialog", lambda *a: printed.append(a))
    dialog.print_()
    assert shown and "没有安装打印机" in shown[0] and "导出 PDF" in shown[0]
    assert exported == [True] and not printed
