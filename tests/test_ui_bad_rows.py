"""The window opens a working file whose rows hold wrong values: the other projects work,
the banner names the projects that need repair (with 从备份恢复), and choosing one says
why it cannot be shown instead of failing."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QApplication

from desktop.io.files import load_file
from desktop.store import open_repository
from tests.conftest import SAMPLE


def _file_with_two_bad_rows(tmp_path):
    """The 13 sample forms; 司法调解's year is not a year, one of 法治宣传's numbers is
    not a number."""
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
    return path


def test_a_file_with_bad_rows_opens_and_names_them(make_controller, tmp_path, dialogs):
    c = make_controller(_file_with_two_bad_rows(tmp_path))
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
    # the bad one: why, in the pane (no box), no editor on wrong data
    bad = next(s for s in window.model._rows if s.name == "法治宣传")
    window.nav.select_project(bad.id)
    assert "这个项目不能显示" in window.empty_hint.text()
    assert window.editor.project is None or window.editor.project.id != bad.id
    assert not [kind for kind, _ in dialogs if kind in ("warning", "critical")]
    # with no editor shown, the banner keeps its own height (the hint takes the space)
    window.resize(1366, 740)
    window.show()
    QApplication.processEvents()
    assert not window.editor.isVisible() and window.empty_hint.isVisible()
    banner = window.banner
    assert banner.height() <= banner.heightForWidth(banner.width()) + 4


def _row(proxy, name: str) -> int:
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name)


def test_arrows_across_rows_needing_repair_say_why_in_the_pane_without_a_box(
    make_controller, tmp_path, dialogs
):
    """Down from the first row to the last crosses both projects that need repair: each
    says why in the pane where the editor would be; no box stops the browsing; the good
    rows after them open in the editor."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    c = make_controller(_file_with_two_bad_rows(tmp_path))
    c.wait_for_checks()
    w = c.window
    w.resize(1366, 740)
    w.show()
    bad = {_row(w.proxy, "司法调解"), _row(w.proxy, "法治宣传")}
    w.table.setFocus()
    w.table.setCurrentIndex(w.proxy.index(0, 0))
    seen_bad = []
    for row in range(1, w.proxy.rowCount()):
        QTest.keyClick(w.table, Qt.Key.Key_Down)
        assert w.table.currentIndex().row() == row
        if row in bad:
            seen_bad.append(row)
            assert w.empty_hint.isVisible() and not w.editor.isVisible()
            hint = w.empty_hint.text()
            assert "这个项目不能显示" in hint and "从备份恢复" in hint
        else:
            assert w.editor.isVisible() and w.editor.project.name == w.proxy.index(row, 0).data()
            assert not w.empty_hint.isVisible()
    assert sorted(seen_bad) == sorted(bad) and 0 not in bad
    assert not [kind for kind, _ in dialogs if kind in ("warning", "critical")]
    assert w.table.hasFocus()  # still browsing the list
    w.grab().save(str(tmp_path / "repair-pane.png"))


def test_the_footer_total_leaves_out_projects_that_need_repair(make_controller, tmp_path):
    """The 13 forms' 项目资金总额 less the two whose rows cannot be read (their amounts as
    the forms write them), and a word that they are left out."""
    from desktop.domain.money import format_money, parse_money
    from tests.sample_expected import FORMS, GRAND_TOTAL

    c = make_controller(_file_with_two_bad_rows(tmp_path))
    c.wait_for_checks()
    left_out = sum(parse_money(FORMS[name][3]) for name in ("司法调解", "法治宣传"))
    total = format_money(parse_money(GRAND_TOTAL) - left_out)
    assert c.window.count_label.text() == (
        f"共 13 个项目，项目资金合计 {total} 元（另有 2 个项目需要修复，未计入）"
    )


def _shown_on(make_controller, tmp_path, name: str):
    """The window at 1366×740 on the file with two bad rows, ``name`` chosen in the list,
    which has the keyboard."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    c = make_controller(_file_with_two_bad_rows(tmp_path))
    c.wait_for_checks()
    w = c.window
    w.resize(1366, 740)
    w.show()
    w.activateWindow()  # the keyboard (and Alt+letter) goes to the active window
    assert QTest.qWaitForWindowActive(w)
    w.table.setFocus(Qt.FocusReason.OtherFocusReason)
    w.table.setCurrentIndex(w.proxy.index(_row(w.proxy, name), 0))
    QApplication.processEvents()
    return c, w


def _key(key, mods=None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(QApplication.focusWidget(), key, mods or Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()


def test_tab_from_a_project_needing_repair_reaches_the_banners_link_and_enter_opens_it(
    make_controller, tmp_path
):
    """No editor shows for 司法调解: Tab leaves the list for the banner's 从备份恢复 link
    (the list kept the Tab before, cell to cell, and no key reached the link); Enter opens
    it; Shift+Tab from the list goes back to the last filter (实施单位), not past two."""
    from PySide6.QtCore import Qt

    _c, w = _shown_on(make_controller, tmp_path, "司法调解")
    asked = []
    w.restoreRequested.disconnect()
    w.restoreRequested.connect(lambda: asked.append(True))
    assert not w.editor.isVisible() and "从备份恢复" in w.banner.text()
    _key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.banner
    _key(Qt.Key.Key_Return)
    assert asked == [True]
    _key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # Shift+Tab
    assert QApplication.focusWidget() is w.table
    _key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # Shift+Tab
    assert QApplication.focusWidget() is w.nav.unit_filter
    assert w.table.currentIndex().data() == "司法调解"  # the keys never moved the row


def test_the_check_of_all_projects_leaves_out_those_needing_repair_without_a_box(
    make_controller, tmp_path, dialogs
):
    """Alt+Q (全部项目) in the 审核 panel: the readable projects' findings are listed (人民
    调解's form has no 成本指标); the two that need repair, named in the list and the banner,
    are left out instead of a box and an empty panel."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    _c, w = _shown_on(make_controller, tmp_path, "人民调解")
    w.audit_panel.tree.setFocus()
    _key(Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    QTest.qWait(300)  # a mnemonic clicks the button as a click does, after its 100 ms
    assert w.audit_panel.show_all
    tree = w.audit_panel.tree
    projects = {tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())}
    assert "人民调解" in projects and "依法治区" in projects
    assert not projects & {"司法调解", "法治宣传"}
    assert not [kind for kind, _ in dialogs if kind in ("warning", "critical")]


def test_ctrl_del_on_a_selection_with_a_project_needing_repair_trashes_none(
    make_controller, tmp_path, dialogs, expect_box
):
    """法律援助费 and 法治宣传 selected (Shift+Down), Ctrl+Del: the box says 法治宣传 needs repair;
    neither goes to the trash (before, 法律援助费 went without an undo step) and the status bar
    does not say 已移到回收站."""
    from PySide6.QtCore import Qt

    expect_box("warning", "需要修复")
    c, w = _shown_on(make_controller, tmp_path, "法律援助费")
    assert w.proxy.index(_row(w.proxy, "法律援助费") + 1, 0).data() == "法治宣传"
    _key(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(w.nav.selected_ids()) == 2
    _key(Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [kind for kind, _ in dialogs] == ["warning"]
    assert len(list(c.session.repo.summaries())) == 13
    assert not list(c.session.repo.summaries(trash=True))
    assert "回收站" not in w.statusBar().currentMessage()
