"""Why a file cannot be opened or received is said in the window's language: in the English
window the box opening a file that is not a database, a folder that is gone, a file with
things our program never makes, or receiving a file with too many projects or one that is not
a database says it in English, with no Chinese but the file's own name; in the Chinese window
the same box says today's Chinese sentence. The sentences are written here by hand."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QFileDialog

from desktop.domain.model import Project
from desktop.io import files
from desktop.store import exchange, open_repository
from tests.in_each_language import said as said_in


def choose(monkeypatch, path) -> None:
    """The clerk picks ``path`` in the open dialog."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def the_box(dialogs, kind: str) -> str:
    boxes = [text for k, text in dialogs if k == kind]
    assert len(boxes) == 1, dialogs
    return boxes[0]


def said(text: str, language: str, english: str, chinese: str) -> None:
    """As ``said_in``; the files' own name here is 笔记."""
    said_in(text, language, english, chinese, name="笔记")


def test_opening_a_file_that_is_not_a_database(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("critical")
    notes = tmp_path / "笔记.db"
    notes.write_text("a shopping list, not a database\n" * 20)
    choose(monkeypatch, notes)
    c.window.act_open.trigger()
    said(
        the_box(dialogs, "critical"),
        language,
        "Cannot open the data file:\n"
        "“笔记.db” is not a Performance Targets data file (not an SQLite database).",
        "无法打开数据文件：\n“笔记.db”不是绩效目标申报的数据文件（不是 SQLite 数据库）。",
    )


def test_opening_a_file_in_a_folder_that_is_gone(
    window_in_each_language, tmp_path, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("critical")
    gone = tmp_path / "stick" / "forms.db"
    c.window.openRequested.emit(str(gone))  # as the recent-files menu does
    said(
        the_box(dialogs, "critical"),
        language,
        f"Cannot open the data file:\nThe folder “{gone.parent}” does not exist "
        "(was the USB stick removed, or is the network drive not connected?).",
        f"无法打开数据文件：\n文件夹“{gone.parent}”不存在（是否 U 盘已拔出，或网络盘未连接？）。",
    )


def test_opening_a_file_with_a_trigger_is_refused(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("critical")
    path = tmp_path / "trap.db"
    open_repository(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TRIGGER t AFTER UPDATE ON meta BEGIN DELETE FROM projects; END")
    conn.close()
    choose(monkeypatch, path)
    c.window.act_open.trigger()
    said(
        the_box(dialogs, "critical"),
        language,
        "Cannot open the data file:\n“trap.db” holds things this program never creates "
        "(trigger t); for safety it was not opened.",
        "无法打开数据文件：\n“trap.db”中有本程序从不创建的内容（trigger t），为安全起见拒绝打开。",
    )


def test_receiving_a_file_with_too_many_projects(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    path = tmp_path / "many.db"
    exchange.export_db([Project(name="A", year=2026), Project(name="B", year=2026)], path)
    monkeypatch.setattr(exchange, "MAX_PROJECTS", 1)
    choose(monkeypatch, path)
    c.window.act_import.trigger()
    said(
        the_box(dialogs, "warning"),
        language,
        "Cannot import: “many.db” holds too many projects (2, at most 1).",
        "无法导入：“many.db”中的项目太多（2 个，上限 1 个）。",
    )


def test_receiving_a_file_that_is_not_a_database(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    path = tmp_path / "笔记.db"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 300)  # a zip renamed
    choose(monkeypatch, path)
    c.window.act_import.trigger()
    said(
        the_box(dialogs, "warning"),
        language,
        "Cannot import: “笔记.db” is not a Performance Targets data file (not an SQLite database).",
        "无法导入：“笔记.db”不是绩效目标申报的数据文件（不是 SQLite 数据库）。",
    )


def test_importing_a_json_file_of_another_program(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark"}', encoding="utf-8")
    choose(monkeypatch, path)
    c.window.act_import.trigger()
    said(
        the_box(dialogs, "warning"),
        language,
        "Cannot import: “settings.json”: not a Performance Targets JSON file "
        '("format": "jixiao-projects" is missing)',
        "无法导入：“settings.json”：不是绩效目标申报的 JSON 文件"
        '（缺少 "format": "jixiao-projects"）',
    )


def test_importing_a_workbook_that_is_not_one(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    path = tmp_path / "forms.xlsx"
    path.write_text("name,year\nLegal aid,2026\n", encoding="utf-8")  # a CSV renamed
    choose(monkeypatch, path)
    c.window.act_import.trigger()
    said(
        the_box(dialogs, "warning"),
        language,
        "Cannot import: “forms.xlsx” is not an Excel workbook that can be read "
        "(File is not a zip file)",
        "无法导入：“forms.xlsx”不是可以读取的 Excel 工作簿（File is not a zip file）",
    )


def test_importing_a_file_too_big_for_a_form(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    c, language = window_in_each_language
    expect_box("warning")
    monkeypatch.setattr(files, "MAX_JSON_IMPORT_BYTES", 1024 * 1024)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (2 * 1024 * 1024 + 10))
    choose(monkeypatch, path)
    c.window.act_import.trigger()
    said(
        the_box(dialogs, "warning"),
        language,
        "Cannot import: “big.json” is too big to be a form file (2 MB), at most 1 MB; "
        "for safety it was not read.",
        "无法导入：“big.json”太大，不像申报表文件（2 MB）（上限 1 MB），为安全起见未读取。",
    )


def test_exporting_over_a_file_another_program_holds(
    window_in_each_language, tmp_path, monkeypatch, dialogs, expect_box
):
    from desktop.store import safefile
    from desktop.ui.commands import AddProjectsCommand

    c, language = window_in_each_language
    expect_box("critical")
    c.session.undo_stack.push(
        AddProjectsCommand(c.session, [Project(name="Legal aid", year=2026)], "add")
    )

    def sharing_violation(*args, **kwargs):  # Windows: the file is open in Excel
        exc = PermissionError(13, "The process cannot access the file")
        exc.winerror = 32
        raise exc

    monkeypatch.setattr(safefile.os, "replace", sharing_violation)
    monkeypatch.setattr(safefile, "REPLACE_PATIENCE_S", 0.1)
    target = tmp_path / "forms.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    c.window.table.clearSelection()  # nothing selected: everything
    c.window.act_export.trigger()
    said(
        the_box(dialogs, "critical"),
        language,
        "Cannot export: “forms.json” is in use by another program and cannot be written. "
        "Close the program using the file (such as Excel, WPS or a PDF reader) and try again.",
        "无法导出：“forms.json”正被其他程序使用，无法写入。请关闭正在使用该文件的程序"
        "（如 Excel、WPS、PDF 阅读器）后重试。",
    )
