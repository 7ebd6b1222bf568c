"""The merge preview by keyboard and what it shows: the combined version is the default for
edits of different fields, the added sentence is visible (coloured and marked), a real
conflict is shown field by field with a pick per field; Tab, the arrow keys and mnemonics
reach every choice, and Enter merges."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QRadioButton

from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import Choice, plan_merge
from desktop.ui.exchange_dialogs import MergeDialog
from tests.test_store_merge_combine import ADDED, ANNUAL, edit, form


def preview(qtbot, tmp_path) -> tuple[MergeDialog, object]:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    disjoint, same = form(), form().with_changes(name="法律援助")
    with open_repository(a) as repo:
        repo.add([disjoint, same])
        export_db(repo.all_projects(), tmp_path / "first.db")
    with open_repository(b) as repo:
        from desktop.store.merge import apply_merge

        apply_merge(repo, plan_merge(repo, read_untrusted(tmp_path / "first.db")), backup=False)
    edit(a, disjoint.id, goal_annual=ANNUAL + ADDED)
    edit(b, disjoint.id, goal_overall="健全人民调解组织网络，覆盖全部村居。")
    edit(a, same.id, goal_annual=ANNUAL + "甲的补充。")
    edit(b, same.id, goal_annual=ANNUAL + "乙的补充。")
    with open_repository(a) as repo:
        export_db(repo.all_projects(), tmp_path / "交换.db")
    repo = open_repository(b)
    plan = plan_merge(repo, read_untrusted(tmp_path / "交换.db"))
    dialog = MergeDialog(None, plan)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    assert QTest.qWaitForWindowActive(dialog)
    return dialog, repo


def focused():
    return QApplication.focusWidget()


def key(k, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(focused(), k, modifier)
    QApplication.processEvents()


def row_of(dialog, name):
    return next(r for r, i in enumerate(dialog.items) if i.name == name)


def test_combined_is_the_default_and_the_added_sentence_shows(qtbot, tmp_path):
    dialog, repo = preview(qtbot, tmp_path)
    try:
        dialog.table.selectRow(row_of(dialog, "人民调解"))
        assert dialog.table.item(row_of(dialog, "人民调解"), 5).text() == "合并双方的修改"
        checked = [b.text() for b in dialog.choice_buttons if b.isChecked()]
        assert checked == ["合并双方的修改(&C)"]
        text = dialog.details.toPlainText()
        assert f"满意度持续提升。〔+{ADDED}〕" in text
        assert "background:#d4f7d4" in dialog.details.toHtml().replace(" ", "") or (
            "#d4f7d4" in dialog.details.toHtml()
        )
        assert not dialog.picks_box.isVisible()  # nothing to pick: no field changed twice
    finally:
        repo.close()


def test_a_real_conflict_field_by_field_and_keep_both_named(qtbot, tmp_path):
    dialog, repo = preview(qtbot, tmp_path)
    try:
        row = row_of(dialog, "法律援助")
        dialog.table.selectRow(row)
        assert dialog.table.item(row, 5).text() == "两份都保留"
        text = dialog.details.toPlainText()
        assert "年度总体目标" in text and "我的：" in text and "对方的：" in text
        assert "原来的：" in text
        assert "可能重复" in text  # keeping both says what it leaves in the list
        assert "法律援助" in dialog.duplicates.text()
        assert dialog.picks_box.isVisible()
    finally:
        repo.close()


def test_tab_arrows_mnemonics_and_enter(qtbot, tmp_path):
    dialog, repo = preview(qtbot, tmp_path)
    try:
        dialog.table.setFocus()
        row = row_of(dialog, "法律援助")
        dialog.table.selectRow(row)
        item = dialog.items[row]
        assert focused() is dialog.table
        key(Qt.Key.Key_Tab)  # from the list to the handling
        assert isinstance(focused(), QRadioButton) and focused() in dialog.choice_buttons
        assert focused().text() == "两份都保留(&B)"
        key(Qt.Key.Key_Right)  # the arrow keys move between the choices and choose
        assert item.choice == Choice.COMBINE
        assert dialog.table.item(row, 5).text() == "合并双方的修改"
        key(Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # mnemonics (an animated click)
        qtbot.waitUntil(lambda: item.choice == Choice.MINE, timeout=2000)
        assert focused().text() == "保留我的(&K)"
        key(Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: item.choice == Choice.BOTH, timeout=2000)
        # Tab on to the per-field picks: 我的 / 对方的
        for _ in range(6):
            if focused() in dialog.picks_box.findChildren(QRadioButton):
                break
            key(Qt.Key.Key_Tab)
        assert focused().text() == "我的"
        key(Qt.Key.Key_Right)
        assert focused().text() == "对方的" and focused().isChecked()
        assert item.picks == {"goal_annual": "theirs"} and item.choice == Choice.COMBINE
        # the list row by the arrow keys, then Enter merges
        dialog.table.setFocus()
        key(Qt.Key.Key_Up if row else Qt.Key.Key_Down)
        assert dialog.current()[0] != row
        key(Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted
    finally:
        repo.close()
