"""The UI speaks Chinese by default and English when asked; Qt's own dialogs follow."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.ui.settings_dialog import SettingsDialog
from tests.conftest import ROOT

TS = ROOT / "resources" / "translations" / "jixiao_en.ts"
QM = ROOT / "resources" / "translations" / "jixiao_en.qm"
BIN = Path(sys.executable).parent


def messages(path):
    return [
        (ctx.find("name").text, m.find("source").text, m.find("translation"))
        for ctx in ET.parse(path).getroot().iter("context")
        for m in ctx.iter("message")
    ]


def test_every_string_has_an_english_translation():
    entries = messages(TS)
    assert len(entries) > 100
    for context, source, translation in entries:
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        forms = list(translation)
        text = "".join(f.text or "" for f in forms) if forms else (translation.text or "")
        assert text.strip(), (context, source)


def test_ts_covers_the_code_and_qm_is_up_to_date(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").glob("*.py"))
    # the field labels, 审核 message templates, why an amount or a date was refused
    sources += sorted(str(p) for p in (ROOT / "desktop" / "domain").glob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    in_ts = {(c, s) for c, s, _ in messages(TS)}
    assert in_code - in_ts == set(), "run pyside6-lupdate and translate the new strings"
    qm = tmp_path / "fresh.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == QM.read_bytes(), "run pyside6-lrelease"


def test_switching_to_english_and_back(make_controller, tmp_path):
    c = make_controller(tmp_path / "lang.db")
    c.load_sample()
    c.window.select_project(c.window.model.summary(0).id)
    titles = [a.text() for a in c.window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "项目(&P)", "审核流程(&V)", "帮助(&H)"]
    c.set_language("en")
    w = c.window
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Project", "Re&view", "&Help"]
    assert w.model.headerData(5, Qt.Orientation.Horizontal) == "Status"
    assert w.model.index(0, 5).data() == "Drafting"
    assert w.editor.tabText(3) == "Indicators"
    assert w.model.headerData(3, Qt.Orientation.Horizontal) == "Total project funds"
    assert w.editor.project is not None  # still on the same project, same session
    assert "13 projects" in w.count_label.text()
    c.set_language("zh_CN")
    assert c.window.editor.tabText(3) == "绩效指标"


def test_qt_dialogs_speak_chinese(make_controller, tmp_path, qtbot):
    c = make_controller(tmp_path / "qt.db")
    dialog = SettingsDialog(c.window)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "").startswith("取消")


def test_check_status_in_english(make_controller, tmp_path):
    c = make_controller(tmp_path / "plural.db")
    c.load_sample()
    c.set_language("en")
    model = c.window.model
    row = next(r for r in range(model.rowCount()) if model.summary(r).name == "依法治区")
    # a sample form as published: its own problems, and the list says so
    assert model.index(row, 4).data() == "3 errors · as published"
    c.set_language("zh_CN")
    assert c.window.model.index(row, 4).data() == "错误 3 · 原表"
