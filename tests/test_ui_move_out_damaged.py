"""The way out for projects whose rows cannot be read when there is no backup (none is ever
taken of a file with bad rows): 移出损坏的项目…, on the banner and in the 项目 menu, moves their
rows — the project, its indicators, history and review records — into the quarantine kept in
the same file, byte for byte; the banner goes and the day's backup is taken again. Checked
from the raw SQLite file, not through the program's reader."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain import review as rv
from desktop.io.files import load_file
from desktop.store import backups, open_repository
from desktop.store import review as review_store
from tests.conftest import SAMPLE

BAD = ("司法调解", "法治宣传")
#: every table of schema v12 that holds rows of a project, by the column naming it
KEYED = {
    "projects": "id",
    "indicators": "project_id",
    "history": "project_id",
    "printed": "project_id",
    "review_events": "project_id",
    "opinions": "project_id",
    "opinion_changes": "project_id",
    "tombstones": "project_id",
}


def _damaged_file(tmp_path):
    """The 13 sample forms; 司法调解 has an earlier version in its history, was 报送 and got
    an opinion, then its year became 'abc'; one of 法治宣传's goals holds bytes that are
    not UTF-8 (E4 B8 AD FF). No backup of the file exists."""
    path = tmp_path / "办公.db"
    forms = load_file(SAMPLE).projects
    with open_repository(path) as repo:
        repo.add(forms)
        first = next(p for p in forms if p.name == "司法调解")
        with repo.atomic():
            repo.add_history(first.with_changes(goal_annual="旧的年度目标"), "合并")
        review_store.move(repo, [first.id], rv.SUBMITTED, unit="甲司法所")
        who = review_store.Identity("区司法局财务科", rv.ROLE_REVIEWER)
        review_store.set_identity(repo, who)
        review_store.add_opinion(repo, first.id, 4, "与批复不符", field="funds.fiscal")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE projects SET year = 'abc' WHERE name = '司法调解'")
    conn.execute(
        "UPDATE projects SET goal_overall = CAST(X'E4B8ADFF' AS TEXT) WHERE name = '法治宣传'"
    )
    conn.commit()
    conn.close()
    assert not backups.list_backups(path)
    return path


def _raw_rows(path, ids: list[str]) -> dict[tuple[str, int], dict[str, tuple[str, str]]]:
    """Every stored row of the projects ``ids`` in the live tables, read with plain
    sqlite3: (table, rowid) → {column: (type, hex of the stored bytes)}."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table, column in KEYED.items():
            names = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            marks = ", ".join("?" for _ in ids)
            picked = ", ".join(f"typeof({n}), hex({n})" for n in names)
            for row in conn.execute(
                f"SELECT rowid, {picked} FROM {table} WHERE {column} IN ({marks})", ids
            ):
                cells = row[1:]
                out[(table, row[0])] = {
                    n: (cells[2 * i], cells[2 * i + 1]) for i, n in enumerate(names)
                }
        return out
    finally:
        conn.close()


def _raw_quarantine(path) -> dict[tuple[str, int], dict[str, tuple[str, str]]]:
    conn = sqlite3.connect(path)
    try:
        out: dict = {}
        for source, rowid, name, kind, data in conn.execute(
            "SELECT q.source, q.source_rowid, v.name, typeof(v.value), hex(v.value) "
            "FROM quarantined_rows q JOIN quarantined_values v ON v.row_id = q.id"
        ):
            out.setdefault((source, rowid), {})[name] = (kind, data)
        return out
    finally:
        conn.close()


def _ids(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        marks = ", ".join("?" for _ in BAD)
        return [r[0] for r in conn.execute(f"SELECT id FROM projects WHERE name IN ({marks})", BAD)]
    finally:
        conn.close()


def _integrity(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def _window(make_controller, path, language="zh_CN"):
    c = make_controller(path)
    if language != "zh_CN":
        c.set_language(language)
    c.wait_for_checks()
    w = c.window
    w.resize(1366, 740)
    w.show()
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w)
    return c, w


def _row(proxy, name: str) -> int:
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name)


def _key(key, mods=Qt.KeyboardModifier.NoModifier, to=None) -> None:
    QTest.keyClick(to or QApplication.focusWidget(), key, mods)
    QApplication.processEvents()


def _menu(menu, item) -> None:
    """Alt+``menu`` opens the menu; ``item``, its item's letter, chooses it."""
    QTimer.singleShot(100, lambda: QTest.keyClick(QApplication.activePopupWidget(), item))
    _key(menu, Qt.KeyboardModifier.AltModifier)
    QTest.qWait(300)
    assert QApplication.activePopupWidget() is None


def _answer_box(act):
    """Run ``act(box)`` on the confirmation once it shows; returns what it saw."""
    seen = []

    def look():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.text(), box.informativeText(), box.checkBox().text()))
            box.activateWindow()
            QTest.qWaitForWindowActive(box)
            act(box)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    return seen


def test_the_banners_link_moves_the_damaged_projects_into_the_quarantine_byte_for_byte(
    make_controller, tmp_path
):
    """Tab from the list to the banner (从备份恢复…), Tab to 移出损坏的项目…, Enter; the box
    names both projects and the copy for support; Enter moves them. Afterwards the raw file:
    the quarantine holds exactly the bytes of every row they had (project, indicators,
    history, review event, opinion), the live tables none; integrity_check ok; the banner
    gone, the list and its footer without them; the day's backup taken."""
    path = _damaged_file(tmp_path)
    ids = _ids(path)
    before = _raw_rows(path, ids)
    tables = {t for t, _ in before}
    assert {"projects", "indicators", "history", "review_events", "opinions"} <= tables
    c, w = _window(make_controller, path)
    assert w.banner.isVisible() and "2 个项目的数据有误" in w.banner.text()
    assert not backups.taken_today(path)  # a file with bad rows is not backed up
    w.table.setFocus(Qt.FocusReason.OtherFocusReason)
    w.table.setCurrentIndex(w.proxy.index(_row(w.proxy, "司法调解"), 0))
    QApplication.processEvents()
    assert "移出损坏的项目…" in w.banner.text()
    seen = _answer_box(lambda box: _key(Qt.Key.Key_Return, to=box))
    # 司法调解 needs repair and shows no editor: Tab leaves the list for the banner
    _key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.banner
    _key(Qt.Key.Key_Tab)  # from 从备份恢复… to the next link
    assert QApplication.focusWidget() is w.banner
    _key(Qt.Key.Key_Return)
    assert len(seen) == 1
    text, info, check = seen[0]
    assert text in (
        "把 2 个数据有误的项目移出列表：“法治宣传”、“司法调解”？",
        "把 2 个数据有误的项目移出列表：“司法调解”、“法治宣传”？",
    )
    assert "不会删除任何数据" in info and "Ctrl+Z" in info
    support = sorted(tmp_path.glob("办公-移出的项目-*.db"))
    assert len(support) == 1 and support[0].name in info
    assert check == "同时另存一份副本，交给技术支持(&S)"
    c.wait_for_checks()

    assert _raw_quarantine(path) == before  # every row, every byte
    assert _raw_rows(path, ids) == {}
    assert _integrity(path) == [("ok",)]
    assert _raw_quarantine(support[0]) == before  # the copy for support holds the same
    assert not w.banner.isVisible()
    assert w.model.rowCount() == 11 and not w.model.needing_repair()
    assert "需要修复" not in w.count_label.text()
    assert "已移出 2 个项目" in w.statusBar().currentMessage()
    # the pane no longer speaks of the project moved out: the row now current is shown
    assert "不能显示" not in w.empty_hint.text()
    assert w.editor.project is not None and w.editor.project.id == w.current_id()
    assert backups.taken_today(path)  # the day's backup, refused before, is taken now
    assert not w.act_move_out.isEnabled()


def test_the_menu_moves_them_out_in_english_and_ctrl_z_puts_every_byte_back(
    make_controller, tmp_path
):
    """Alt+P, M (Project › Move Out Damaged Projects…) in the English window; the box in
    English; Alt+M moves without the copy for support (unticked with Alt+S). Ctrl+Z puts
    the rows back as they were: the quarantine empty, the banner back."""
    path = _damaged_file(tmp_path)
    ids = _ids(path)
    before = _raw_rows(path, ids)
    c, w = _window(make_controller, path, "en")
    assert "2 projects" in w.banner.text()
    w.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm(box):
        _key(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier, to=box)  # no copy for support
        QTest.qWait(300)  # a mnemonic clicks as a click does, after 100 ms
        assert not box.checkBox().isChecked()
        _key(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier, to=box)
        QTest.qWait(300)

    seen = _answer_box(confirm)
    _menu(Qt.Key.Key_P, Qt.Key.Key_M)
    assert len(seen) == 1
    text, info, check = seen[0]
    assert text in (
        "Move 2 projects with wrong data out of the list: “法治宣传”, “司法调解”?",
        "Move 2 projects with wrong data out of the list: “司法调解”, “法治宣传”?",
    )
    assert info.startswith("No data is deleted: everything these projects hold")
    assert "Edit › Undo (Ctrl+Z)" in info
    assert check == "Also save a copy to give to &support"
    c.wait_for_checks()
    assert _raw_quarantine(path) == before and _raw_rows(path, ids) == {}
    assert not list(tmp_path.glob("办公-*.db"))  # no copy for support was asked for
    assert not c.window.banner.isVisible()
    assert "Moved 2 projects out" in c.window.statusBar().currentMessage()

    w = c.window
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w)
    w.table.setFocus(Qt.FocusReason.OtherFocusReason)
    assert QApplication.focusWidget() is w.table
    _key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    c.wait_for_checks()
    assert _raw_rows(path, ids) == before
    assert _raw_quarantine(path) == {}
    assert _integrity(path) == [("ok",)]
    assert w.banner.isVisible() and "2 projects" in w.banner.text()
    assert w.model.rowCount() == 13 and len(w.model.needing_repair()) == 2


def test_a_read_only_file_refuses_in_one_line_and_moves_nothing(
    make_controller, tmp_path, dialogs, expect_box
):
    path = _damaged_file(tmp_path)
    ids = _ids(path)
    before = _raw_rows(path, ids)
    expect_box("warning", "只读")
    c = make_controller(path)
    c.open(path, read_only=True)
    c.wait_for_checks()
    w = c.window
    w.show()
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w)
    w.table.setFocus(Qt.FocusReason.OtherFocusReason)
    _menu(Qt.Key.Key_P, Qt.Key.Key_M)
    assert dialogs == [("warning", "“办公.db”以只读方式打开，不能移出损坏的项目。")]
    assert _raw_rows(path, ids) == before and _raw_quarantine(path) == {}


def test_one_damaged_project_is_said_in_the_singular(app_and_translators):
    """The box, the undo step and the status line for one project (English has a singular)."""
    from PySide6.QtCore import QCoreApplication

    _, translators = app_and_translators
    say = QCoreApplication.translate
    moved = "已移出 %n 个项目，数据原样保存在文件中；可按 Ctrl+Z 放回。"
    translators.use("en")
    try:
        one = [
            say("ProjectActions", "把 %n 个数据有误的项目移出列表：{0}？", "", 1),
            say("ProjectActions", "移出 %n 个损坏的项目", "", 1),
            say("ProjectActions", moved, "", 1),
        ]
    finally:
        translators.use("zh_CN")
    assert one == [
        "Move 1 project with wrong data out of the list: {0}?",
        "Move out 1 damaged project",
        "Moved 1 project out; its data is kept in the file as it was. Ctrl+Z puts it back.",
    ]
