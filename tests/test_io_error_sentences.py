"""Why a form file cannot be imported is the same Chinese sentence as always (the CLI prints
``str(exc)``; written here by hand), and keeps its template and arguments for a window in
another language."""

from __future__ import annotations

import pytest

from desktop.domain.messages import Message
from desktop.io import files
from desktop.io.report import ImportFormatError


def refused(path) -> str:
    with pytest.raises(ImportFormatError) as exc:
        files.load_file(path)
    assert isinstance(exc.value.args[0], Message)
    return str(exc.value)


def test_the_sentences(tmp_path, monkeypatch):
    other = tmp_path / "settings.json"
    other.write_text('{"theme": "dark"}', encoding="utf-8")
    assert refused(other) == (
        '“settings.json”：不是绩效目标申报的 JSON 文件（缺少 "format": "jixiao-projects"）'
    )
    newer = tmp_path / "newer.json"
    newer.write_text('{"format": "jixiao-projects", "version": 9}', encoding="utf-8")
    assert refused(newer) == "“newer.json”：JSON 文件是第 9 版格式，本程序只支持第 1 版，请升级程序"
    workbook = tmp_path / "forms.xlsx"
    workbook.write_text("name,year\n", encoding="utf-8")
    assert refused(workbook) == "“forms.xlsx”不是可以读取的 Excel 工作簿（File is not a zip file）"
    text = tmp_path / "form.txt"
    text.write_text("一封信，不是申报表。\n", encoding="utf-8")
    assert refused(text) == "“form.txt”：文件中没有找到财政项目支出绩效目标申报表"
    odd = tmp_path / "form.doc"
    odd.write_text("x")
    with pytest.raises(ImportFormatError) as exc:
        files.load_file(odd)
    assert str(exc.value).startswith("不支持的文件类型“.doc”（支持 ")
    folder = tmp_path / "forms.json"
    folder.mkdir()
    assert refused(folder) == "“forms.json”不是普通文件（是文件夹），未读取。"
    monkeypatch.setattr(files, "MAX_JSON_IMPORT_BYTES", 1024 * 1024)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (2 * 1024 * 1024 + 10))
    assert refused(big) == "“big.json”太大，不像申报表文件（2 MB）（上限 1 MB），为安全起见未读取。"
    assert refused(tmp_path / "gone.json") == f"找不到文件“{tmp_path / 'gone.json'}”"
