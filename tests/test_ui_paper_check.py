"""文件 › 核对纸质件… (F8): pages scanned one after another into one field, each answered
and listed, with the pages present and missing per form; printing from the window keeps
the printed version, so an edit made afterwards is named."""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import replace

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.domain import checkcode
from desktop.domain.model import new_id
from desktop.domain.values import parse_value
from desktop.store import open_repository
from desktop.ui.paper_check import PaperCheckDialog
from desktop.ui.paths import settings
from tests.ui_helpers import shown


def _qr_texts(pdf) -> dict[str, list[str]]:
    raw = PdfReader(pdf).metadata["/JixiaoProjects"]
    forms = json.loads(zlib.decompress(base64.b64decode(raw)))["check_codes"]
    return {f["project_id"]: f["qr"] for f in forms}


def _scan(dialog: PaperCheckDialog, text: str) -> None:
    """What a USB scanner does: types the text, then Enter."""
    QTest.keyClicks(dialog.field, text)
    QTest.keyClick(dialog.field, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_scanning_pages_in_a_row_lists_answers_and_missing_pages(
    make_controller, tmp_path, qtbot, monkeypatch, sample_result
):
    db = tmp_path / "p.db"
    long = sample_result.projects[0]
    long = long.with_changes(
        indicators=tuple(replace(i, uid=new_id()) for i in long.indicators * 6)
    )  # a form of two pages
    with open_repository(db) as repo:
        repo.add([long, *sample_result.projects[1:3]])
    w = shown(make_controller(db).window)
    w.nav.table.setFocus()
    QTest.keyClick(w.nav.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # all three
    assert len(w.nav.selected_ids()) == 3
    pdf = tmp_path / "out.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    QTest.keyClick(
        w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    codes = _qr_texts(pdf)
    assert len(codes[long.id]) == 2

    # The form changes after printing: the paper of the other form is now an older version.
    other = w.session.repo.get(sample_result.projects[1].id)
    first = other.indicators[0]
    w.session.repo.save(
        other.with_changes(
            indicators=(replace(first, value=parse_value("≥99(%)")), *other.indicators[1:])
        )
    )

    seen = {}

    def drive(dialog):
        seen["dialog"] = dialog
        dialog.show()
        assert QTest.qWaitForWindowActive(dialog)
        QApplication.processEvents()
        assert dialog.field.hasFocus()  # ready for a scanner at once
        _scan(dialog, codes[long.id][1])  # page 2 of the long form, as scanned
        assert "与当前数据一致" in dialog.answer.text()
        assert "第 2 页 共 2 页" in dialog.answer.text()
        assert dialog.field.text() == ""  # ready for the next page
        assert "缺第 1 页" in dialog.summary.text()
        # A typed code with one character wrong: refused, kept in the field to correct.
        typed = checkcode.grouped(checkcode.parse(codes[long.id][0]).code)
        wrong = typed[:-1] + ("A" if typed[-1] != "A" else "B")
        _scan(dialog, wrong)
        assert "校验码有误" in dialog.answer.text()
        assert dialog.field.text() == wrong
        QTest.keyClick(dialog.field, Qt.Key.Key_Delete)  # the selected text goes
        _scan(dialog, typed.lower())  # page 1, typed right
        assert "与当前数据一致" in dialog.answer.text()
        assert "共 2 页，齐全" in dialog.summary.text()
        # The edited form: its printed version, the change named by its label.
        _scan(dialog, codes[other.id][0])
        answer = dialog.answer.text()
        assert f"这是第 {other.revision} 版，当前是第 {other.revision + 1} 版" in answer
        assert f"指标 {first.level1}/{first.level2}/{first.name}：" in answer and "≥99(%)" in answer
        # A page of another file.
        stranger = checkcode.stamp_for("another-file", "ab" * 32, 1, 1, 1, checkcode_time())
        _scan(dialog, stranger.qr_text)
        assert "项目不在本文件中" in dialog.answer.text()
        assert dialog.results.topLevelItemCount() == 4  # the mistyped code is not listed
        dialog.close()
        return 0

    monkeypatch.setattr(PaperCheckDialog, "exec", drive)
    QTest.keyClick(w, Qt.Key.Key_F8)
    assert "dialog" in seen


def checkcode_time():
    from datetime import datetime

    return datetime(2026, 1, 1)


def test_codes_can_be_left_off_and_the_choice_is_remembered(make_controller, tmp_path, qtbot):
    from desktop.ui.print_dialog import PrintDialog

    c = make_controller(tmp_path / "p.db")
    c.load_sample()
    repo = c.session.repo
    one = [repo.get(repo.summaries()[0].id)]
    dialog = PrintDialog(c.window, one, lambda: [])
    qtbot.addWidget(dialog)
    assert dialog.codes.isChecked() and dialog.result.forms  # on by default
    QTest.keyClick(dialog.codes, Qt.Key.Key_Space)
    dialog.refresh()
    assert not dialog.result.forms
    assert settings().value("print/codes", type=bool) is False
    again = PrintDialog(c.window, one, lambda: [])
    qtbot.addWidget(again)
    assert not again.codes.isChecked() and not again.result.forms


def test_with_codes_the_qr_code_stays_within_the_printers_reach():
    """An ordinary laser printer (4 mm dead edges) prints the page with its QR code at true
    size; a printer that cannot print the lowest 6 mm shrinks the page just enough that the
    QR code is printed whole (without codes the page number is the lowest ink)."""
    from PySide6.QtCore import QSizeF

    from desktop.printing.check_stamp import QR_BOTTOM
    from desktop.ui.print_dialog import INK_MARGINS_PT, INK_WITH_CODES_PT, place_page

    a4 = QSizeF(595.2756, 841.8898)
    mm = 72 / 25.4
    assert place_page(a4, a4, (4 * mm,) * 4, INK_WITH_CODES_PT).scale == 1.0
    wide = place_page(a4, a4, (4 * mm, 4 * mm, 4 * mm, 6 * mm), INK_WITH_CODES_PT)
    assert wide.scale < 1.0
    qr_bottom = a4.height() - (wide.rect.y() + (a4.height() - QR_BOTTOM) * wide.scale)
    assert qr_bottom >= 6 * mm - 0.01  # from the paper's lower edge: within reach
    assert place_page(a4, a4, (4 * mm, 4 * mm, 4 * mm, 6 * mm), INK_MARGINS_PT).scale == 1.0


def test_the_verdicts_are_in_english_in_the_english_ui(make_controller, tmp_path, sample_result):
    """Every kind of answer in the English window: matches, an older version with its
    changes, not in this file, a mistyped code, and the pages present/missing. No Chinese
    but the form's own data (its name, the changed field's labels and values)."""
    import re
    from datetime import datetime

    from desktop.store.paper import record_print

    cjk = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
    db = tmp_path / "p.db"
    one, two = sample_result.projects[1:3]
    at = datetime(2026, 12, 4, 22, 3)
    with open_repository(db) as repo:
        repo.add([one, two])
        one, two = repo.get(one.id), repo.get(two.id)
        same = checkcode.stamp_for(one.id, one.content_hash(), one.revision, 1, 2, at)
        old = checkcode.stamp_for(two.id, two.content_hash(), two.revision, 1, 1, at)
        record_print(repo, two, 1, at)
        repo.save(two.with_changes(name=two.name + "X"))
    # two different neighbours (the ids are random: two equal ones would swap to the same code)
    i = next(k for k in range(len(same.code) - 1) if same.code[k] != same.code[k + 1])
    swapped = same.code[:i] + same.code[i + 1] + same.code[i] + same.code[i + 2 :]
    c = make_controller(db)
    c.set_language("en")
    try:
        dialog = PaperCheckDialog(c.window, c.session.repo)
        shown(dialog)
        data = {one.name, two.name, two.name + "X"}
        answers = []
        for text in (
            same.qr_text,
            old.qr_text,
            checkcode.stamp_for("elsewhere", "ab" * 32, 1, 1, 1, at).qr_text,
            swapped,  # two neighbours swapped
            "K7RM",
        ):
            _scan(dialog, text)
            answers.append(dialog.answer.text())
        assert "matches the current data" in answers[0]
        assert f"this is version {old.revision}, the current one is version" in answers[1]
        assert "the project is not in this file" in answers[2]
        assert answers[3].startswith("Wrong check code: the check character")
        assert answers[4].startswith("Wrong check code: it has 12 characters, 4 were typed")
        shown_texts = [a.split("\n")[0] for a in answers]  # the verdict; then the changes
        for i in range(dialog.results.topLevelItemCount()):
            item = dialog.results.topLevelItem(i)
            shown_texts += [item.text(col) for col in range(3)]
        shown_texts += dialog.summary.text().split("\n")
        assert "pages 1 present, pages 2 missing" in dialog.summary.text()
        for text in shown_texts:
            for name in sorted(data, key=len, reverse=True):
                text = text.replace(name, "")
            assert not cjk.search(text), text
        dialog.close()
    finally:
        c.set_language("zh_CN")
