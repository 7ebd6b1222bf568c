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


def test_the_settings_leave_the_codes_off_for_every_form_printed_from_the_window(
    make_controller, tmp_path, qtbot, monkeypatch
):
    """设置 › 打印时每页印校验码和二维码: on by default; turned off with the keyboard, it
    is remembered, and the exported PDF and the print dialog's preview carry no codes."""
    import base64
    import json
    import zlib

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.ui.settings_dialog import SettingsDialog
    from tests.ui_helpers import shown

    w = shown(sample(make_controller, tmp_path))
    states = []

    def drive(dialog):
        shown(dialog)
        states.append(dialog.codes.isChecked())
        dialog.codes.setFocus()
        QTest.keyClick(dialog.codes, Qt.Key.Key_Space)  # as the clerk toggles it
        QTest.keyClick(dialog.codes, Qt.Key.Key_Return)  # OK, the default button
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", drive)
    w.act_settings.trigger()
    assert states == [True]  # on by default
    assert settings().value("print/codes", type=bool) is False  # kept

    def data(pdf) -> dict:
        raw = PdfReader(pdf).metadata["/JixiaoProjects"]
        return json.loads(zlib.decompress(base64.b64decode(raw)))

    pdf = tmp_path / "out.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    w.nav.table.setFocus()
    QTest.keyClick(
        w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert data(pdf)["projects"] and "check_codes" not in data(pdf)
    repo = w.session.repo
    one = [repo.get(repo.summaries()[0].id)]
    dialog = PrintDialog(w, one, lambda: [])
    qtbot.addWidget(dialog)
    assert not dialog.codes.isChecked() and not dialog.result.forms
    # And on again from the settings: the next export carries them.
    w.act_settings.trigger()
    assert states == [True, False]
    QTest.keyClick(
        w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert data(pdf)["check_codes"]
