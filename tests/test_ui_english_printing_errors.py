"""Why a PDF could not be written is said in the window's language: saving a PDF over a
file another program holds open, and printing on a machine with no font for Chinese (the
bundled fonts missing) — in English with no Chinese but the file's own name, in Chinese
today's sentences. The sentences are written here by hand."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.domain.model import Project
from desktop.printing import fonts
from tests.in_each_language import said


def test_saving_a_pdf_over_a_file_another_program_holds(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    from desktop.store import safefile
    from desktop.ui.commands import AddProjectsCommand

    c, language = window_in_each_language
    expect_box("critical")
    c.session.undo_stack.push(
        AddProjectsCommand(c.session, [Project(name="Legal aid", year=2026)], "add")
    )

    def sharing_violation(*args, **kwargs):  # Windows: the file is open in a PDF reader
        exc = PermissionError(13, "The process cannot access the file")
        exc.winerror = 32
        raise exc

    monkeypatch.setattr(safefile.os, "replace", sharing_violation)
    monkeypatch.setattr(safefile, "REPLACE_PATIENCE_S", 0.1)
    target = tmp_path / "forms.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    c.window.table.clearSelection()
    c.window.act_export_pdf.trigger()
    boxes = [text for kind, text in dialogs if kind == "critical"]
    assert len(boxes) == 1, dialogs
    said(
        boxes[0],
        language,
        "Cannot save the PDF: “forms.pdf” is in use by another program and cannot be written. "
        "Close the program using the file (such as Excel, WPS or a PDF reader) and try again.",
        "无法保存 PDF：“forms.pdf”正被其他程序使用，无法写入。请关闭正在使用该文件的程序"
        "（如 Excel、WPS、PDF 阅读器）后重试。",
    )


def test_printing_with_no_font_for_chinese(
    window_in_each_language, monkeypatch, dialogs, expect_box
):
    from desktop.ui.app import _last_resort

    c, language = window_in_each_language
    expect_box("critical")
    monkeypatch.setattr(fonts, "candidate_fonts", lambda: [])
    with pytest.raises(fonts.NoPrintFontError) as exc:
        fonts.load_chain()
    assert str(exc.value) == "没有可用于打印的中文字体（resources/fonts 中的字体文件缺失）"
    _last_resort(c.app)(type(exc.value), exc.value, None)  # nobody caught it
    boxes = [text for kind, text in dialogs if kind == "critical"]
    assert len(boxes) == 1, dialogs
    said(
        boxes[0],
        language,
        "No font for printing Chinese is available (the font files in resources/fonts are missing)",
        "没有可用于打印的中文字体（resources/fonts 中的字体文件缺失）",
    )
