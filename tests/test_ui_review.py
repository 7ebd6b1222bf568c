"""The review loop in the window, driven by keys: the reviewer's F9 on a focused indicator
row (code first), a received form that does not take edits, the clerk's marks and the
审核意见 in the panel, answering with F9, and an approved form that asks for 调整."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from desktop.domain import review as rv
from desktop.domain.audit import Location
from desktop.store import open_repository
from desktop.store import review as store
from desktop.ui.review_dialogs import AnswerDialog, OpinionDialog, ReasonDialog
from tests.test_cli_review_loop import form
from tests.ui_helpers import replace_text, type_chinese


def shown(w):
    w.show()
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w)
    return w


def reviewer_db(path):
    """A reviewer's database holding a form 甲司法所 has submitted."""
    f = form("普法宣传", "甲司法所")
    with open_repository(path) as repo:
        repo.add([f.with_changes(revision=1)])
        store.move(repo, [f.id], rv.SUBMITTED, unit="甲司法所")
        store.set_identity(repo, store.Identity("区司法局财务科", rv.ROLE_REVIEWER, "李四"))
    return f


def unit_db(path, status=rv.RETURNED):
    """A unit's database with a form the reviewer returned (opinions on 财政资金 and the
    first indicator) or approved."""
    f = form("普法宣传", "甲司法所")
    with open_repository(path) as repo:
        repo.add([f.with_changes(revision=1)])
        store.move(repo, [f.id], rv.SUBMITTED, unit="甲司法所")
        store.set_identity(repo, store.Identity("区司法局财务科", rv.ROLE_REVIEWER))
        if status == rv.RETURNED:
            store.add_opinion(repo, f.id, 4, "与批复不符", field="funds.fiscal")
            store.add_opinion(repo, f.id, 2, "请写明培训对象", indicator=0)
        store.move(repo, [f.id], status)
        store.set_identity(repo, store.Identity("甲司法所", rv.ROLE_UNIT, "张三"))
    return f


def when_dialog(kind, act):
    """Run ``act(dialog)`` on the next modal dialog of ``kind`` once it is shown."""
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            seen.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    return seen


def key(widget, k, text="", modifiers=Qt.KeyboardModifier.NoModifier):
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, k, modifiers, text))


def test_the_reviewer_adds_an_opinion_on_the_focused_indicator_row(make_controller, tmp_path):
    f = reviewer_db(tmp_path / "r.db")
    w = shown(make_controller(tmp_path / "r.db").window)
    w.select_project(f.id)
    row = w.model.row_of(f.id)
    assert w.model.index(row, 5).data() == "已报送"
    assert "已报送" in w.review.review_label.text()
    w.editor.show_finding(Location("indicators", "name", 1))  # focus on 群众知晓率's row
    assert QApplication.focusWidget() is w.editor.tree

    def answer(dialog):
        assert dialog.focusWidget() is dialog.code  # the code first
        key(dialog.code, Qt.Key.Key_4, "4")  # type the code's number
        key(dialog.code, Qt.Key.Key_Return)

    seen = when_dialog(OpinionDialog, answer)
    QTest.keyClick(w.editor.tree, Qt.Key.Key_F9)
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    with open_repository(tmp_path / "r.db") as repo:
        (state,) = store.opinions(repo, f.id)
    o = state.opinion
    assert (o.kind, o.code, o.text, o.unit) == ("indicator", 4, "", "区司法局财务科")
    assert rv.find_indicator(f, o.target) == 1  # 群众知晓率
    assert w.model.index(row, 5).data() == "已报送 · 意见 1"


def test_a_received_form_does_not_take_edits_on_the_reviewer_side(make_controller, tmp_path):
    f = reviewer_db(tmp_path / "r.db")
    w = shown(make_controller(tmp_path / "r.db").window)
    w.select_project(f.id)
    type_chinese(w.editor.name, "改名")
    key(w.editor.name, Qt.Key.Key_Return)
    QApplication.processEvents()
    with open_repository(tmp_path / "r.db") as repo:
        assert repo.get(f.id).content_hash() == f.content_hash()  # nothing written
    assert w.editor.name.text() == "普法宣传"  # and the field shows what is stored
    assert "F9" in w.statusBar().currentMessage()


def test_the_clerk_sees_the_opinions_marked_and_listed_and_answers_with_f9(
    make_controller, tmp_path
):
    f = unit_db(tmp_path / "u.db")
    w = shown(make_controller(tmp_path / "u.db").window)
    w.select_project(f.id)
    assert (
        "退回修改" in w.review.review_label.text()
        and "未处理意见 2" in w.review.review_label.text()
    )
    fiscal = w.editor.money["fiscal"]
    assert fiscal.styleSheet() and "4 指标与指标值不匹配：与批复不符" in fiscal.toolTip()
    model = w.editor.tree_model
    first = model.index_for_path(model.path_of_indicator(w.editor.project.indicators[0]))
    assert first.data(Qt.ItemDataRole.BackgroundRole) is not None  # the indicator row
    assert "请写明培训对象" in first.data(Qt.ItemDataRole.ToolTipRole)
    tree = w.audit_panel.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    opinions = [r for r in rows if r.text(0) == "审核意见"]
    assert [r.text(2) for r in opinions] == [
        "项目资金 › 其中：财政资金",
        "绩效指标 › 产出指标 › 数量指标 › 培训人次",
    ]
    tree.itemClicked.emit(opinions[0], 0)  # a click goes there
    assert w.editor.currentWidget() is w.editor.funds
    assert QApplication.focusWidget() is fiscal

    def answer(dialog):
        assert dialog.fixed.isChecked()
        QTest.keyClick(dialog.fixed, Qt.Key.Key_Return)

    seen = when_dialog(AnswerDialog, answer)
    QTest.keyClick(fiscal, Qt.Key.Key_F9)  # answers the opinion where the focus is
    assert seen
    with open_repository(tmp_path / "u.db") as repo:
        states = {s.opinion.code: s.state for s in store.opinions(repo, f.id)}
    assert states == {4: rv.FIXED, 2: rv.OPEN}
    assert not fiscal.styleSheet()  # answered: no longer marked
    assert "未处理意见 1" in w.review.review_label.text()


def test_editing_an_approved_form_asks_for_an_adjustment_with_a_reason(
    make_controller, tmp_path, qtbot
):
    f = unit_db(tmp_path / "u.db", rv.APPROVED)
    w = shown(make_controller(tmp_path / "u.db").window)
    w.select_project(f.id)
    assert "审核通过" in w.review.review_label.text()

    def refuse(dialog):
        QTest.keyClick(dialog.text, Qt.Key.Key_Escape)

    seen = when_dialog(ReasonDialog, refuse)
    type_chinese(w.editor.name, "改")
    key(w.editor.name, Qt.Key.Key_Return)
    assert seen
    with open_repository(tmp_path / "u.db") as repo:
        assert repo.get(f.id).content_hash() == f.content_hash()  # not written
        assert store.status(repo, f.id) == rv.APPROVED
    assert w.editor.name.text() == "普法宣传"

    def give_reason(dialog):
        type_chinese(dialog.text, "预算调减")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTest.keyClick(ok, Qt.Key.Key_Space)

    seen = when_dialog(ReasonDialog, give_reason)
    replace_text(w.editor.name, "普法宣传（调整）")
    assert seen
    with open_repository(tmp_path / "u.db") as repo:
        assert repo.get(f.id).name == "普法宣传（调整）"
        assert store.status(repo, f.id) == rv.ADJUSTING
        (event,) = [e for e in store.records(repo, [f.id]).events if e.to_status == rv.ADJUSTING]
        assert event.note == "预算调减"
        kept = [h.project.content_hash() for h in repo.history(f.id) if "审核通过" in h.reason]
        assert kept == [f.content_hash()]
        # What changed since approval, marked as the merge preview marks it.
        changed = ["项目名称：〔−普法宣传〕 → 〔+普法宣传（调整）〕"]
        assert store.changes_since_approval(repo, f.id) == changed
    label = w.review.review_label
    qtbot.waitUntil(lambda: "审核通过以来修改 1 处" in label.text(), timeout=2000)
    assert "调整中" in label.text() and changed[0] in label.toolTip()


def test_the_reviewer_exports_each_unit_its_own_forms_with_status_and_opinions(
    make_controller, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from desktop.store.exchange import read_untrusted

    f = reviewer_db(tmp_path / "r.db")
    other = form("人民调解", "乙司法所")
    with open_repository(tmp_path / "r.db") as repo:
        repo.add([other])
        store.move(repo, [other.id], rv.SUBMITTED, unit="乙司法所")
        store.add_opinion(repo, f.id, 2, "请写明培训对象", indicator=0)
    w = shown(make_controller(tmp_path / "r.db").window)
    offered = []

    def choose(parent, title, label, items, *args):
        offered.append(list(items))
        return "甲司法所", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    target = tmp_path / "给甲.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.review.act_export_unit.trigger()
    assert offered == [["乙司法所", "甲司法所"]]
    incoming = read_untrusted(target)
    assert [p.id for p in incoming.projects] == [f.id]  # never the other unit's form
    assert [e.to_status for e in incoming.reviews.events] == [rv.SUBMITTED]
    assert [o.text for o in incoming.reviews.opinions] == ["请写明培训对象"]


def test_the_reviewer_sees_one_unit_by_the_unit_filter(make_controller, tmp_path):
    """A reviewer's file holds the forms of several units: the unit filter, chosen with the
    keyboard, shows one unit's forms only, and 全部单位 all of them again."""
    path = tmp_path / "reviewer.db"
    forms = [
        form("普法宣传", "甲司法所"),
        form("人民调解", "乙司法所"),
        form("法律援助", "甲司法所"),
    ]
    with open_repository(path) as repo:
        repo.add(forms)
    w = shown(make_controller(path).window)
    combo = w.nav.unit_filter
    assert [combo.itemText(i) for i in range(combo.count())][1:] == sorted(["甲司法所", "乙司法所"])
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # 全部单位 → the first unit
    if combo.currentData() != "甲司法所":
        QTest.keyClick(combo, Qt.Key.Key_Down)

    def names():
        return sorted(w.proxy.index(r, 0).data() for r in range(w.proxy.rowCount()))

    assert combo.currentData() == "甲司法所"
    assert names() == sorted(["普法宣传", "法律援助"])
    QTest.keyClick(combo, Qt.Key.Key_Home)
    assert names() == sorted(["普法宣传", "人民调解", "法律援助"])
