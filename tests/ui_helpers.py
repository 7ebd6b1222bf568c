"""Helpers for driving the real widgets in tests."""

from __future__ import annotations

import random
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import parse_value


def type_chinese(widget: QWidget, text: str) -> None:
    """Enter text the way an input method does (``keyClicks`` cannot send Chinese)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press(widget: QWidget, key=Qt.Key.Key_Return) -> None:
    QTest.keyClick(widget, key)
    QApplication.processEvents()  # item delegates commit through a queued call


def replace_text(widget, text: str) -> None:
    """Select all and type the text (Chinese through the input method), then Enter."""
    widget.setFocus()
    widget.selectAll()
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    if text.isascii():
        QTest.keyClicks(widget, text)
    else:  # keyClicks aborts the process on Chinese text
        type_chinese(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)
    QApplication.processEvents()


NAMES = [
    "社区矫正",
    "法律援助",
    "人民调解",
    "法治宣传",
    "公共法律服务",
    "司法鉴定",
    "依法治区",
    "智慧矫正",
    "医患纠纷",
    "视频会议运维",
]
UNITS = ["上海市普陀区司法局", "上海市普陀区法律援助中心", "某街道司法所", "某区公证处"]


def generated_projects(n: int, seed: int = 7) -> list[Project]:
    """Realistic-looking projects for scale tests (fixed seed)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        total = rng.randrange(10_000, 10_000_000) * 100
        year = 2020 + i % 6
        inds = tuple(
            Indicator(
                "产出指标",
                "数量指标",
                f"{rng.choice(NAMES)}指标{k}",
                parse_value(f"≥{rng.randrange(1, 100)}(%)"),
            )
            for k in range(rng.randrange(3, 8))
        )
        out.append(
            Project(
                year=year,
                name=f"{rng.choice(NAMES)}项目{i:05d}",
                nature="经常性项目",
                category="特定目标类",
                department="上海市普陀区司法局",
                implementing_unit=rng.choice(UNITS),
                start_date=date(year, 1, 1),
                end_date=date(year, 12, 31),
                funds=Funds(total, total, 0, total, total, 0, 0),
                goal_overall="总目标",
                goal_annual="年度目标",
                indicators=inds,
                revision=1,
            )
        )
    return out


def shown(window):
    """The window shown and active, as a clerk has it (key events need it)."""
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    return window


def active_sample_window(make_controller, tmp_path):
    """The window on the sample, shown and active."""
    c = make_controller(tmp_path / "sample.db")
    c.load_sample()
    return shown(c.window)


def settle() -> None:
    """Let queued calls (delegates, single-shot timers) run."""
    for _ in range(3):
        QApplication.processEvents()


def dialog_actions(w) -> list:
    """The main window's actions that open a dialog of the program's own (settings, trash,
    summary, library, history, print, copy indicators, confirm flagged fields)."""
    return [
        w.act_settings,
        w.act_trash,
        w.act_summary,
        w.act_library,
        w.act_history,
        w.act_print,
        w.act_copy_indicators,
        w.act_confirm_flags,
    ]
