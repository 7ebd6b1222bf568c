"""The window opens a working file whose rows hold wrong values: the other projects work,
the banner names the projects that need repair (with 从备份恢复), and choosing one says
why it cannot be shown instead of failing."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.io.files import load_file
from desktop.store import open_repository
from tests.conftest import SAMPLE


def test_a_file_with_bad_rows_opens_and_names_them(make_controller, tmp_path, monkeypatch):
    path = tmp_path / "办公.db"
    with open_repository(path) as repo:
        repo.add(load_file(SAMPLE).projects)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE projects SET year = 'abc' WHERE name = '司法调解'")
    conn.execute(
        "UPDATE indicators SET number = '1e999999999' WHERE rowid = "
        "(SELECT min(i.rowid) FROM indicators i JOIN projects p ON p.id = i.project_id "
        "WHERE p.name = '法治宣传' AND i.number IS NOT NULL)"
    )
    conn.commit()
    conn.close()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    c = make_controller(path)
    window = c.window
    assert window.model.rowCount() == 13  # every project is listed
    c.wait_for_checks()  # the rows are screened in the background, after the window shows
    banner = window.banner.text()
    assert window.banner.isVisibleTo(window)
    assert "2 个项目的数据有误" in banner and "法治宣传" in banner and "从备份恢复" in banner
    # the list marks both rows: 需要修复 in the 审核 column, never counts read from wrong data;
    # the year that was not a year is left blank (not 0)
    from desktop.ui.project_list import COL_STATUS, COL_YEAR

    def shown(name: str, col: int) -> str:
        proxy = c.window.proxy  # the window of now (a language switch builds a new one)
        for r in range(proxy.rowCount()):
            if proxy.index(r, 0).data() == name:
                return proxy.index(r, col).data()
        raise AssertionError(name)

    assert shown("司法调解", COL_STATUS) == "需要修复" and shown("司法调解", COL_YEAR) == ""
    assert shown("法治宣传", COL_STATUS) == "需要修复" and shown("法治宣传", COL_YEAR) == "2024"
    assert shown("人民调解", COL_STATUS) != "需要修复" and shown("人民调解", COL_YEAR) == "2024"
    # switched to English and back, the new window marks them too (the file is not screened
    # again)
    c.set_language("en")
    assert shown("司法调解", COL_STATUS) == "Needs repair"
    c.set_language("zh_CN")
    window = c.window
    assert (
        shown("法治宣传", COL_STATUS) == "需要修复" and "2 个项目的数据有误" in window.banner.text()
    )
    # a good project is shown as usual
    good = next(s for s in window.model._rows if s.name == "人民调解")
    window.nav.select_project(good.id)
    assert window.editor.project is not None and window.editor.project.name == "人民调解"
    # the bad one: one sentence why, no editor on wrong data
    bad = next(s for s in window.model._rows if s.name == "法治宣传")
    window.nav.select_project(bad.id)
    assert warned and "法治宣传" in warned[-1] and "需要修复" in warned[-1]
    assert window.editor.project is None or window.editor.project.id != bad.id
    # with no editor shown, the banner keeps its own height (the hint takes the space)
    window.resize(1366, 740)
    window.show()
    QApplication.processEvents()
    assert not window.editor.isVisible() and window.empty_hint.isVisible()
    banner = window.banner
    assert banner.height() <= banner.heightForWidth(banner.width()) + 4
