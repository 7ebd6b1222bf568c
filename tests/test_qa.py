"""Defects found by QA when using the integrated program as a clerk would."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.store.safefile import atomic_write


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_an_exported_file_can_be_read_by_colleagues_like_any_other_new_file(tmp_path):
    # a PDF/xlsx/.db written for someone else must not come out readable by its owner only
    old = os.umask(0o022)
    try:
        target = tmp_path / "社区矫正.pdf"
        atomic_write(target, lambda fh: fh.write(b"%PDF-1.4"))
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "all.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, lambda fh: fh.write(b"new"))
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def _active_sample_window(make_controller, tmp_path):
    """The window on the sample, shown and active, as a clerk has it (key events need it)."""
    from PySide6.QtTest import QTest

    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    w = c.window
    w.show()
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w)
    return w


def test_ctrl_pgdown_moves_to_the_next_project_without_selecting_several(make_controller, tmp_path):
    # Found with xdotool on a real X server: three Ctrl+PgUp left four projects selected, so
    # the next 打印/删除项目/导出 would act on all four while the clerk sees one form.
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    w = _active_sample_window(make_controller, tmp_path)
    w.select_project(w.proxy.project_id(w.proxy.index(0, 0)))
    w.editor.nature.setFocus()  # the clerk is in the form, not in the list
    ctrl = Qt.KeyboardModifier.ControlModifier
    for _ in range(3):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, ctrl)
    fourth = w.proxy.project_id(w.proxy.index(3, 0))
    assert w.editor.project.id == fourth
    assert w.selected_ids() == [fourth]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, ctrl)
    third = w.proxy.project_id(w.proxy.index(2, 0))
    assert w.editor.project.id == third
    assert w.selected_ids() == [third]


def test_audit_lines_quote_the_indicator_value_as_the_clerk_typed_it():
    # the clerk typed 10个 and 120%; the 审核 panel said 10.00(个) and 120.00(%)
    from desktop.domain import audit
    from desktop.domain.model import Indicator
    from desktop.domain.values import parse_value
    from tests.test_audit import good

    p = good()
    p = p.with_changes(
        indicators=(
            Indicator("产出指标", "数量指标", "办案数量", parse_value("10个")),
            Indicator("产出指标", "质量指标", "结案率", parse_value("≥120%")),
            *p.indicators[2:],
        )
    )
    lines = {f.rule: f.message for f in audit.check(p)}
    assert "10个" in lines["indicators.number_without_operator"]
    assert "10.00" not in lines["indicators.number_without_operator"]
    assert "≥120%" in lines["indicators.percent"]


def test_the_next_year_copy_of_an_imported_form_keeps_its_date_style(tmp_path):
    # 主体班 imported with 2021年1月1日 printed its 2022 copy as 2022-01-01
    from desktop.domain.dates import format_date
    from desktop.domain.model import next_year_copy
    from desktop.io.files import load_file

    (form,) = load_file(Path(__file__).parent / "fixtures/variants/e1-keyvalue-2021.txt").projects
    assert form.date_style == "cn"
    copy = next_year_copy(form)
    assert copy.date_style == "cn"
    assert format_date(copy.start_date, copy.date_style) == "2022年1月1日"


def test_the_command_list_names_every_format_import_reads(capsys):
    # import reads .xlsx and .pdf forms too, but `--help` said “.txt，或 .json”
    from desktop.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    (line,) = [ln for ln in capsys.readouterr().out.splitlines() if ln.strip().startswith("import")]
    assert ".xlsx" in line and "PDF" in line and ".json" in line


def test_esc_in_a_row_just_added_takes_the_empty_row_away(make_controller, tmp_path):
    # Ins on a 二级 opens a new row; the clerk changes their mind and presses Esc. The empty
    # row stayed (saved, two 审核 errors) — Enter already took it away, Esc did not.
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    w = _active_sample_window(make_controller, tmp_path)
    ed = w.editor
    before = ed.project.indicators
    ed.setCurrentWidget(ed.indicators)
    ed.tree.setFocus()
    first_ind = ed.tree_model.indicator_paths()[0]
    ed.tree.setCurrentIndex(ed.tree_model.index_for_path(first_ind[:2]))  # its 二级
    QTest.keyClick(ed.tree, Qt.Key.Key_Insert)
    QApplication.processEvents()
    assert len(ed.project.indicators) == len(before) + 1
    assert ed.tree.state() == ed.tree.State.EditingState
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    for _ in range(3):
        QApplication.processEvents()
    assert ed.project.indicators == before
    assert w.session.repo.get(ed.project.id).indicators == before
    # a row the clerk filled is not taken away by a later Esc
    ed.tree.setCurrentIndex(ed.tree_model.index_for_path(first_ind[:2]))
    QTest.keyClick(ed.tree, Qt.Key.Key_Insert)
    QApplication.processEvents()
    QTest.keyClicks(QApplication.focusWidget(), "abc")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QApplication.processEvents()
    QApplication.processEvents()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    QApplication.processEvents()
    QApplication.processEvents()
    assert len(ed.project.indicators) == len(before) + 1
