"""The English UI says everything in English: every string the clerk sees in the main window
and in each dialog it opens — labels, buttons, menus, tool tips, placeholders, column titles,
the status bar, 审核 messages, undo texts, message boxes, Qt's own file dialog — has no
Chinese character. The clerk's data is not the UI: the project here is written in English
(its 一级 indicator names and the official 项目性质 lists are the form's own words and are
not checked)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QTreeWidget,
    QWidget,
)

from desktop.domain.model import Funds, Project
from desktop.ui.commands import AddProjectsCommand
from tests.in_each_language import CJK
from tests.ui_helpers import dialog_actions

# Choices that are the form's own words, printed on the paper as chosen (the goal column's
# header 项目总目标 / 项目总体目标 …): data, like the 一级 names, not the UI's language.
FORM_WORDS = {"goal_header"}


def visible_strings(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string of the UI itself in ``root`` and its children."""
    out: list[tuple[str, str]] = []

    def add(where, text):
        if text:
            out.append((where, str(text)))

    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__}({w.objectName()})"
        if w.isWindow():
            add(name + ".windowTitle", w.windowTitle())
        add(name + ".toolTip", w.toolTip())
        add(name + ".statusTip", w.statusTip())
        if (isinstance(w, QLabel) and not isinstance(w.parentWidget(), QTextBrowser)) or isinstance(
            w, QAbstractButton
        ):
            add(name + ".text", w.text())
        elif isinstance(w, (QLineEdit, QPlainTextEdit)):
            add(name + ".placeholder", w.placeholderText())
        elif isinstance(w, QComboBox) and not w.isEditable():
            if w.objectName() not in FORM_WORDS:
                add(name + ".current", w.currentText())
        elif isinstance(w, QGroupBox):
            add(name + ".title", w.title())
        elif isinstance(w, QDockWidget):
            add(name + ".title", w.windowTitle())
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(f"{name}.tab{i}", w.tabText(i))
                add(f"{name}.tabTip{i}", w.tabToolTip(i))
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                add(f"{name}.tab{i}", w.tabText(i))
        header = (
            w.horizontalHeader()
            if isinstance(w, QTableView)
            else w.header()
            if isinstance(w, QTreeView)
            else None
        )
        if header is not None and w.model() is not None:
            for col in range(header.count()):
                add(f"{name}.header{col}", w.model().headerData(col, Qt.Orientation.Horizontal))
        for act in w.actions():
            add(f"{name}.action", act.text())
            add(f"{name}.actionTip", act.toolTip())
    return out


def form_words() -> set[str]:
    """The form's own vocabulary (一级/二级 names, the official 项目性质 and 项目类别): the
    paper is Chinese, so these are data wherever they are offered, not UI text."""
    from desktop.domain.taxonomy import taxonomy

    tax = taxonomy()
    words = {*tax.natures, *tax.categories}
    for profile in tax.profiles:
        for level1 in profile.level1_names:
            words.add(level1)
            words.update(profile.level2_for(level1))
    return words


def assert_english(root: QWidget, extra: list[tuple[str, str]] = ()) -> None:
    words = sorted(form_words(), key=len, reverse=True)  # 满意度指标 before 指标

    def without_form_words(text: str) -> str:  # the form's words are data, even in a sentence
        for word in words:
            text = text.replace(word, "")
        return text

    found = [
        (where, text)
        for where, text in [*visible_strings(root), *extra]
        if CJK.search(without_form_words(text))
    ]
    assert not found, "Chinese in the English UI:\n" + "\n".join(f"{w}: {t!r}" for w, t in found)


def english_project() -> Project:
    """A form written in English, with problems 审核 reports (no indicators, sums that do
    not add up, an empty 项目性质, an end before the start)."""
    return Project(
        year=2026,
        name="Legal aid",
        department="Justice Bureau",
        implementing_unit="Legal Aid Centre",
        start_date=date(2026, 3, 1),
        end_date=date(2026, 1, 1),
        funds=Funds(100, 50, 0, 200, 0, 0, 0),
        goal_overall="Help people",
        goal_annual="Help people",
        revision=1,
    )


@pytest.fixture
def english_window(make_controller, tmp_path, monkeypatch):
    from desktop.ui.paths import settings

    c = make_controller(tmp_path / "english.db")
    settings().setValue("language", "en")  # as the settings dialog stores it
    project = english_project()
    c.session.undo_stack.push(AddProjectsCommand(c.session, [project], "add"))
    c.set_language("en")
    w = c.window
    w.select_project(project.id)
    w.show()
    QApplication.processEvents()
    w.refresh_audit()
    yield c
    c.set_language("zh_CN")


def test_the_main_window_in_english_has_no_chinese(english_window):
    c = english_window
    w = c.window
    extra = []
    panel = w.audit_panel.tree
    assert panel.topLevelItemCount() >= 4  # the form's problems are listed
    for i in range(panel.topLevelItemCount()):
        item = panel.topLevelItem(i)
        for col in (0, 2, 3):
            extra.append((f"审核 row {i} col {col}", item.text(col)))
            extra.append((f"审核 row {i} tip {col}", item.toolTip(col)))
    row = w.table.currentIndex().row()
    for col in range(w.proxy.columnCount()):
        extra.append((f"list col {col}", w.proxy.index(row, col).data() or ""))
        extra.append(
            (f"list tip {col}", w.proxy.index(row, col).data(Qt.ItemDataRole.ToolTipRole) or "")
        )
    for menu in [a.menu() for a in w.menuBar().actions()]:
        menu.aboutToShow.emit()
        extra += [("menu", menu.title())] + [("menu item", a.text()) for a in menu.actions()]
    for page in range(w.editor.count()):  # every tab's fields, with the findings' tool tips
        w.editor.setCurrentIndex(page)
        QApplication.processEvents()
        assert_english(w, extra)


def test_undo_texts_made_before_switching_say_it_in_english(make_controller, tmp_path):
    c = make_controller(tmp_path / "undo.db")
    c.load_sample()
    assert c.session.undo_stack.undoText() == "载入示例申报表"
    c.set_language("en")
    assert c.session.undo_stack.undoText() == "Load sample forms"
    assert c.window.act_undo.text() == "&Undo Load sample forms"
    c.set_language("zh_CN")
    assert c.session.undo_stack.undoText() == "载入示例申报表"


def test_each_dialog_in_english_has_no_chinese(english_window, monkeypatch, tmp_path):
    c = english_window
    w = c.window
    seen: list[str] = []
    walked: list[str] = []

    def walk_and_close(dialog, *args, **kwargs):
        walked.append(type(dialog).__name__)
        dialog.show()
        QApplication.processEvents()
        assert_english(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", walk_and_close)
    for kind in ("information", "warning", "critical", "about"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda *a, **k: seen.append(str(a[2]) if len(a) > 2 else "")
        )
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: seen.append(str(a[2])) or QMessageBox.StandardButton.No,
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    for act in (*dialog_actions(w), w.act_about, w.act_export):
        act.trigger()
        QApplication.processEvents()
    w.act_guide.trigger()  # not modal: the guide itself is a Chinese document
    QApplication.processEvents()
    guide = [w._guide.windowTitle(), *(b.text() for b in w._guide.findChildren(QAbstractButton))]
    assert not [t for t in guide if CJK.search(t)], guide
    w._guide.close()
    assert {"SettingsDialog", "TrashDialog", "SummaryDialog", "PrintDialog"} <= set(walked)
    bad = [text for text in seen if CJK.search(text)]
    assert not bad, bad


def test_qts_file_dialog_in_english_and_in_chinese(english_window, app_and_translators):
    _app, translators = app_and_translators
    dialog = QFileDialog(None, "Open", str(tmp := english_window.session.repo.path.parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    QApplication.processEvents()
    assert_english(dialog)
    dialog.close()
    translators.use("zh_CN")
    try:
        dialog = QFileDialog(None, "打开", str(tmp))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.show()
        QApplication.processEvents()
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
        assert labels and all(re.search(r"[a-z]{2}", t.replace("&", "")) is None for t in labels)
        view = next(v for v in dialog.findChildren(QAbstractItemView) if v.isVisible())
        header = getattr(view, "header", lambda: None)()
        if header is not None:  # the detail view: no column cut below its title
            for col in range(1, header.count()):
                title = view.model().headerData(col, Qt.Orientation.Horizontal)
                assert header.sectionSize(col) >= header.fontMetrics().horizontalAdvance(title)
        dialog.close()
    finally:
        translators.use("en")


def test_the_audit_panel_reads_findings_in_english(english_window):
    panel = english_window.window.audit_panel.tree
    texts = [panel.topLevelItem(i).text(3) for i in range(panel.topLevelItemCount())]
    assert "Total project funds 1.00 yuan should equal fiscal plus other funds, 0.50 yuan" in texts
    assert "The planned end date is before the planned start date" in texts
    # the 一级 name as the form writes it, as the indicator tree shows it (form words are data)
    assert "No 产出指标: every project needs at least one (opinion code 9)" in texts
    assert isinstance(panel, QTreeWidget)


def test_what_changed_since_a_printed_version_reads_in_english(
    english_window, monkeypatch, tmp_path
):
    """核对纸质件 on a page of an older version ("this is version N"): the lines of what
    changed name the fields, （空） and the unnamed indicator in English; only the clerk's
    own data (English here) is shown as written."""
    from dataclasses import replace

    from desktop.domain.model import Indicator
    from desktop.domain.values import parse_value
    from desktop.ui.paper_check import PaperCheckDialog
    from tests.test_ui_paper_check import _qr_texts, _scan

    c = english_window
    w = c.window
    project = w.editor.project
    pdf = tmp_path / "printed.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.table.setFocus()
    QTest.keyClick(
        w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    code = _qr_texts(pdf)[project.id][0]
    stored = w.session.repo.get(project.id)
    changed = stored.with_changes(  # every kind of change line: text, amount, date, rows
        name="Legal aid for all",
        goal_annual="",
        start_date=date(2026, 2, 1),
        funds=replace(stored.funds, total=150),
        indicators=(
            Indicator(name="Cases", value=parse_value("≥100(cases)")),
            Indicator(value=parse_value("≥1")),
        ),
        date_style="slash",
    )
    w.session.repo.save(changed)
    seen = {}

    def drive(dialog):
        dialog.show()
        QApplication.processEvents()
        _scan(dialog, code)
        lines = [dialog.answer.text()]
        for i in range(dialog.results.topLevelItemCount()):
            item = dialog.results.topLevelItem(i)
            lines += [item.text(2), item.toolTip(2)]
            lines += [item.child(k).text(2) for k in range(item.childCount())]
        seen["lines"] = lines
        assert_english(dialog, [("paper check", line) for line in lines])
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PaperCheckDialog, "exec", drive)
    QTest.keyClick(w, Qt.Key.Key_F8)
    text = "\n".join(seen["lines"])
    assert "Project name" in text and "Total project funds" in text  # the fields, named
    assert "(empty)" in text and "Legal aid for all" in text  # the data as written


def test_the_merge_preview_says_what_changed_in_english(english_window, tmp_path, qtbot):
    """A colleague's version of the form, merged: the preview's lines of what changed name
    the fields and mark the changes in English; the clerk's data is shown as written."""
    import shutil

    from desktop.store import open_repository
    from desktop.store.exchange import export_db, read_untrusted
    from desktop.store.merge import plan_merge
    from desktop.ui.exchange_dialogs import MergeDialog

    c = english_window
    mine = c.window.editor.project
    twin = tmp_path / "colleague.db"  # a copy of this file, edited on the colleague's machine
    shutil.copyfile(c.session.repo.path, twin)
    stick = tmp_path / "stick.db"
    with open_repository(twin) as repo:
        theirs = repo.get(mine.id)
        repo.save(
            theirs.with_changes(
                name="Legal aid for all",
                goal_annual="",
                funds=theirs.funds.__class__(150, 50, 0, 200, 0, 0, 0),
            )
        )
        export_db(repo.all_projects(trash=True), stick, repo.tombstones())
    dialog = MergeDialog(None, plan_merge(c.session.repo, read_untrusted(stick)))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(0)
    QApplication.processEvents()
    text = dialog.details.toPlainText()
    assert "Project name: [−Legal aid] → [+Legal aid for all]" in text
    assert "Total project funds: 1.00 → 1.50 (+0.50)" in text
    assert "(empty)" in text
    assert not CJK.search(text), text


# A long 年度总体目标 written in English: the two sides each add a sentence at its end.
LONG_GOAL = (
    "Give free legal advice to residents who cannot pay for a lawyer, at the centre and in "
    "every neighbourhood office, and answer every request within five working days."
)


def edited_both_ways(tmp_path):
    """A form written in English, made on another computer and received here; then the
    name, the annual goal and the indicator's value edited both ways, the unit there and
    the department here. Returns (this computer's file, the other's export, the id)."""
    from dataclasses import replace

    from desktop.domain.model import Indicator
    from desktop.domain.values import parse_value
    from desktop.store import open_repository
    from desktop.store.exchange import export_db, read_untrusted
    from desktop.store.merge import apply_merge, plan_merge

    form = english_project().with_changes(
        goal_annual=LONG_GOAL,
        indicators=(Indicator("Output", "Quantity", "Cases", parse_value("≥100(cases)")),),
    )
    there, here = tmp_path / "there.db", tmp_path / "here.db"
    with open_repository(there) as repo:  # made there, sent here (the original kept here)
        repo.add([form])
        export_db([repo.get(form.id)], tmp_path / "first.db")
    with open_repository(here) as repo:
        apply_merge(repo, plan_merge(repo, read_untrusted(tmp_path / "first.db")), backup=False)
    for path, side in ((there, "there"), (here, "here")):
        with open_repository(path) as repo:
            p = repo.get(form.id)
            changes = {"name": f"Legal aid {side}", "goal_annual": f"{LONG_GOAL} Also {side}."}
            changes["indicators"] = (
                replace(p.indicators[0], value=parse_value(f"≥{120 if side == 'here' else 150}")),
            )
            if side == "there":
                changes["implementing_unit"] = "Legal Aid Centre East"
            else:
                changes["department"] = "Justice Bureau of the District"
            repo.save(p.with_changes(**changes))
    with open_repository(there) as repo:
        export_db(repo.all_projects(trash=True), tmp_path / "stick.db", repo.tombstones())
    return here, tmp_path / "stick.db", form.id


def test_a_conflict_in_the_merge_preview_reads_in_english(make_controller, tmp_path, qtbot):
    """Two copies of a form edited differently on both sides: the preview names the fields
    both changed and says mine, theirs and the original in English, then what each side
    changed alone; the picks name the fields in English too. The form (written in English
    here) is the only data, so no Chinese character may appear anywhere."""
    from desktop.store.exchange import read_untrusted
    from desktop.store.merge import Status, plan_merge
    from desktop.ui.exchange_dialogs import MergeDialog

    here, stick, _pid = edited_both_ways(tmp_path)
    c = make_controller(here)
    c.set_language("en")
    try:
        plan = plan_merge(c.session.repo, read_untrusted(stick))
        assert [i.status for i in plan.items] == [Status.CONFLICT]
        dialog = MergeDialog(c.window, plan)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.table.selectRow(0)
        QApplication.processEvents()
        lines = dialog.details.toPlainText().splitlines()
        assert_english(dialog, [("merge preview", line) for line in lines])
        nbsp = "\u00a0"  # the window keeps the lines' indents as non-breaking spaces
        lines = [line.replace(nbsp, " ") for line in lines]
        assert "Changed on both sides: 3 (pick mine or theirs for each, or keep both copies):" in (
            lines
        )
        expected = [
            "  ◆ Project name",
            "    Mine: Legal aid here",
            "    Theirs: Legal aid there",
            "    Original: Legal aid",
            "  ◆ Annual overall goal",
            "    Mine (compared with the original): …orking days.[+ Also here.]",
            "    Theirs (compared with the original): …orking days.[+ Also there.]",
            f"    Original: {LONG_GOAL}",
            "  ◆ Indicator Output/Quantity/Cases",
            "    Mine: ≥120",
            "    Theirs: ≥150",
            "    Original: ≥100(cases)",
            "Changed there (taken in the merge):",
            "  Implementing unit: [−Legal Aid Centre] → [+Legal Aid Centre East]",
            "Changed here (kept in the merge):",
        ]
        start = lines.index(expected[0])
        assert lines[start : start + len(expected)] == expected
        picks = [w.text() for w in dialog.picks_box.findChildren(QLabel)]
        assert picks == ["Project name", "Annual overall goal", "Indicator Output/Quantity/Cases"]
    finally:
        c.set_language("zh_CN")


def test_the_history_of_a_merge_reads_in_english(make_controller, tmp_path, qtbot):
    """Both sides' edits combined: the versions kept in the history say why, stored as the
    Chinese program writes them and shown in English (the file names as they are)."""
    from desktop.store import open_repository
    from desktop.store.exchange import read_untrusted
    from desktop.store.merge import Choice, apply_merge, plan_merge
    from desktop.ui.version_dialogs import HistoryDialog

    here, stick, pid = edited_both_ways(tmp_path)
    with open_repository(here) as repo:
        plan = plan_merge(repo, read_untrusted(stick))
        plan.items[0].choice = Choice.COMBINE
        apply_merge(repo, plan, backup=False)
        stored = [h.reason for h in repo.history(pid)]
    assert stored == [  # newest first
        "合并时对方的版本（来自“stick.db”，已与本机版本合并）",
        "合并前的本机版本（与“stick.db”中的版本合并）",
        "收到的版本（来自“first.db”）",
    ]
    c = make_controller(here)
    c.set_language("en")
    try:
        dialog = HistoryDialog(c.window, c.session.repo.history(pid))
        qtbot.addWidget(dialog)
        dialog.show()
        shown = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
        assert shown == [
            "The other computer’s version in a merge (from “stick.db”, combined with this "
            "computer’s)",
            "This computer’s version before a merge (combined with the version in “stick.db”)",
            "Version received (from “first.db”)",
        ]
        assert_english(dialog, [("history reason", text) for text in shown])
    finally:
        c.set_language("zh_CN")
    c.set_language("zh_CN")
    dialog = HistoryDialog(c.window, c.session.repo.history(pid))
    qtbot.addWidget(dialog)
    assert [dialog.table.item(row, 1).text() for row in range(3)] == stored


def test_an_unknown_original_and_the_trash_in_english(app_and_translators, tmp_path):
    """The form's maker never kept the shared version, and the colleague put the project
    in the trash: those lines of the preview in English too."""
    from desktop.store import open_repository
    from desktop.store.exchange import export_db, read_untrusted
    from desktop.store.merge import apply_merge, plan_merge
    from desktop.ui.audit_text import finding_text

    _app, translators = app_and_translators
    there, here = tmp_path / "there.db", tmp_path / "here.db"
    form = english_project()
    with open_repository(here) as repo:  # made here: no version of it in the history
        repo.add([form])
        export_db([repo.get(form.id)], tmp_path / "first.db")
        repo.save(repo.get(form.id).with_changes(name="Legal aid here"))
    with open_repository(there) as repo:
        apply_merge(repo, plan_merge(repo, read_untrusted(tmp_path / "first.db")), backup=False)
        repo.save(repo.get(form.id).with_changes(name="Legal aid there"))
        repo.trash(form.id)
        export_db(repo.all_projects(trash=True), tmp_path / "stick.db", repo.tombstones())
    translators.use("en")
    try:
        with open_repository(here) as repo:
            (item,) = plan_merge(repo, read_untrusted(tmp_path / "stick.db")).items
            lines = [finding_text(line) for line in item.changes]
    finally:
        translators.use("zh_CN")
    assert lines == [
        "Changed on both sides: 1 (pick mine or theirs for each, or keep both copies):",
        "  ◆ Project name",
        "    Mine: Legal aid here",
        "    Theirs: Legal aid there",
        "    Original: (not recorded in the history)",
        "Changed there (taken in the merge):",
        "  The other computer moved the project to the trash (after the merge it is in the "
        "trash and can be restored)",
    ]


def test_a_forged_version_record_is_reported_in_english(
    make_controller, tmp_path, qtbot, monkeypatch
):
    """A file claiming more changes of this computer than it made: the preview's list of
    the file's problems says so in English (the project's name as written)."""
    import sqlite3

    from desktop.store.exchange import read_untrusted
    from desktop.store.merge import Status, plan_merge
    from desktop.ui.exchange_dialogs import MergeDialog

    here, stick, _pid = edited_both_ways(tmp_path)
    c = make_controller(here)
    conn = sqlite3.connect(stick)
    conn.execute(
        "UPDATE projects SET versions = json_set(versions, '$.' || ?, ?)",
        ['"' + c.session.repo.replica_id + '"', 2**40],
    )
    conn.commit()
    conn.close()
    c.set_language("en")
    try:
        plan = plan_merge(c.session.repo, read_untrusted(stick))
        assert [i.status for i in plan.items] == [Status.FORGED]
        dialog = MergeDialog(c.window, plan)
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        (problems,) = dialog.findChildren(QPlainTextEdit)
        text = problems.toPlainText()
        assert text.startswith("The version record of “Legal aid there” is suspicious: it says")
        assert f"changed the project {2**40} times" in text
        assert_english(dialog, [("problems", text)])
    finally:
        c.set_language("zh_CN")


def test_rows_of_a_received_file_not_imported_are_said_in_english(make_controller, tmp_path, qtbot):
    """A received file with a year that is not a year and an indicator number that is not a
    number, merged in the English window: the preview's list of the rows not imported says
    what is wrong in English; only the projects' own names are Chinese."""
    from desktop.store.exchange import read_untrusted
    from desktop.store.merge import plan_merge
    from desktop.ui.exchange_dialogs import MergeDialog
    from tests.test_store_received_problems_text import received_with_bad_rows

    stick = received_with_bad_rows(tmp_path)
    c = make_controller(tmp_path / "here.db")
    c.set_language("en")
    try:
        dialog = MergeDialog(c.window, plan_merge(c.session.repo, read_untrusted(stick)))
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        (problems,) = dialog.findChildren(QPlainTextEdit)
        lines = problems.toPlainText().splitlines()
    finally:
        c.set_language("zh_CN")
    assert sorted(lines) == [
        "“司法调解” not imported: the year is invalid",
        "“法治宣传” not imported: indicator 1: the number “abc” is invalid",
    ]
    for line in lines:
        assert not CJK.search(line.replace("司法调解", "").replace("法治宣传", "")), line


def test_review_rows_of_a_received_file_not_imported_are_said_in_english(
    make_controller, tmp_path, qtbot
):
    """Review records of a received file that are not imported: the lines say how many, of
    which kind, and why, in English."""
    import sqlite3
    import uuid

    from desktop.store.exchange import read_untrusted
    from desktop.store.merge import plan_merge
    from desktop.ui.exchange_dialogs import MergeDialog
    from tests.test_store_review_trust import exported

    f, _o, out = exported(tmp_path)
    conn = sqlite3.connect(out)
    conn.execute("UPDATE review_events SET at = 'yesterday'")
    conn.execute(
        "INSERT INTO opinion_changes VALUES (?, ?, ?, 1, 'confirmed', '', '', '', ?)",
        [str(uuid.uuid4()), str(uuid.uuid4()), f.id, "2026-01-01T00:00:00.000Z"],
    )
    conn.commit()
    conn.close()
    c = make_controller(tmp_path / "here.db")
    c.set_language("en")
    try:
        dialog = MergeDialog(c.window, plan_merge(c.session.repo, read_untrusted(out)))
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        (problems,) = dialog.findChildren(QPlainTextEdit)
        lines = problems.toPlainText().splitlines()
    finally:
        c.set_language("zh_CN")
    assert lines == [
        "Invalid status records not imported: 1 (for example: “Time recorded” is not a time)",
        "Records of answers that belong to no opinion in the file, not imported: 1",
    ]


def test_why_a_project_needs_repair_is_said_in_english(
    make_controller, app_and_translators, tmp_path
):
    """The working file holds a year that is not a year: in the English window the list's
    tooltip on that project's 审核 cell says so in English."""
    import sqlite3

    from desktop.io.files import load_file
    from desktop.store import open_repository
    from desktop.ui.project_list import COL_STATUS
    from tests.conftest import SAMPLE

    path = tmp_path / "office.db"
    with open_repository(path) as repo:
        repo.add(load_file(SAMPLE).projects)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE projects SET year = 'abc' WHERE name = '司法调解'")
    conn.commit()
    conn.close()
    translators = app_and_translators[1]
    translators.use("en")  # the window opens in English
    try:
        c = make_controller(path)
        c.wait_for_checks()
        proxy = c.window.proxy
        (row,) = [r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "司法调解"]
        tip = proxy.index(row, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    finally:
        translators.use("zh_CN")
    assert tip == "the year is invalid"
