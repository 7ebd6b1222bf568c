"""Work that can wait for the window (the rest of a big list) starts once the window has been
painted, or after a second when it is not painted (started minimized), and only once."""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop.ui import screen
from desktop.ui.screen import after_paint


class Painted(QWidget):
    def __init__(self):
        super().__init__()
        self.paints = 0

    def paintEvent(self, event) -> None:
        self.paints += 1
        super().paintEvent(event)


def test_called_once_after_the_first_paint(qtbot):
    widget = Painted()
    qtbot.addWidget(widget)
    calls = []
    after_paint(widget, lambda: calls.append(widget.paints))
    assert calls == []
    widget.show()
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    widget.update()
    QTest.qWait(50)
    assert len(calls) == 1 and calls[0] >= 1  # painted first


def test_called_without_a_paint_at_the_latest(qtbot, monkeypatch):
    monkeypatch.setattr(screen._AfterPaint, "LATEST_MS", 50)
    widget = Painted()  # never shown: never painted
    qtbot.addWidget(widget)
    calls = []
    after_paint(widget, lambda: calls.append(widget.paints))
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    QTest.qWait(100)
    assert calls == [0]
