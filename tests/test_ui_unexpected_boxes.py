"""The window tests' guard: a critical or warning box a test did not declare fails it at
teardown; one it declares with ``expect_box`` passes; questions are answered Yes."""

from __future__ import annotations

from tests.conftest import ROOT

pytest_plugins = ["pytester"]

INNER = """
from PySide6.QtWidgets import QMessageBox


def test_an_error_box_nobody_expected(dialogs):
    QMessageBox.warning(None, "t", "磁盘已满，未保存")


def test_an_error_box_the_test_expects(dialogs, expect_box):
    expect_box("critical", "无法导入")
    QMessageBox.critical(None, "t", "无法导入“a.xlsx”：文件已损坏")


def test_a_declared_box_does_not_excuse_another(dialogs, expect_box):
    expect_box("critical", "无法导入")
    QMessageBox.warning(None, "t", "文件正被其他程序占用")


def test_a_question_is_answered_yes(dialogs):
    answer = QMessageBox.question(None, "t", "仍要关闭吗？")
    assert answer == QMessageBox.StandardButton.Yes
    assert dialogs == [("question", "仍要关闭吗？")]
"""


def test_a_box_the_test_did_not_expect_fails_it(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makeconftest("from tests.conftest import dialogs, expect_box  # noqa: F401\n")
    pytester.makepyfile(test_inner=INNER)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    result.assert_outcomes(passed=4, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_an_error_box_nobody_expected*",
            "*message boxes the test did not expect*磁盘已满*",
            "*ERROR at teardown of test_a_declared_box_does_not_excuse_another*",
        ]
    )
