"""Windows and dialogs that fit the screen they open on (1366×768 at 100 %, 1920×1080 at
150 %): every dialog is resizable and clamped to the available area."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: below this available size the main window starts maximized
SMALL_SCREEN = (1440, 900)


def available(widget: QWidget | None = None) -> QRect:
    """The available area (without task bar) of the screen the widget is on."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.screen() if parent is not None else None) or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to the wished size, but never beyond the available screen; the dialog stays
    resizable (no fixed size) and its minimum never exceeds the screen either."""
    area = available(widget)
    margin = 40  # window frame and title bar
    w = min(width, max(area.width() - margin, 200))
    h = min(height, max(area.height() - margin, 200))
    if hasattr(widget, "setSizeGripEnabled"):
        widget.setSizeGripEnabled(True)
    minimum = widget.minimumSize()
    widget.setMinimumSize(min(minimum.width(), w), min(minimum.height(), h))
    widget.resize(w, h)
    parent = widget.parentWidget()
    if parent is not None:
        frame = parent.window().frameGeometry()
        x = frame.x() + (frame.width() - w) // 2
        y = frame.y() + (frame.height() - h) // 2
    else:
        x = area.x() + (area.width() - w) // 2
        y = area.y() + (area.height() - h) // 2
    x = max(area.left(), min(x, area.right() - w))
    y = max(area.top(), min(y, area.bottom() - h))
    widget.move(x, y)


def is_small(widget: QWidget | None = None) -> bool:
    area = available(widget)
    return area.width() < SMALL_SCREEN[0] or area.height() < SMALL_SCREEN[1]


class _AfterPaint(QObject):
    #: at the latest: a window started minimized (or never exposed) is not painted
    LATEST_MS = 1000

    def __init__(self, widget: QWidget, callback: Callable[[], None]):
        super().__init__(widget)
        self.callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(self.LATEST_MS, self, self._call)

    def _call(self) -> None:
        callback, self.callback = self.callback, None
        if callback is not None:
            self.parent().removeEventFilter(self)
            self.deleteLater()
            callback()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            QTimer.singleShot(0, self, self._call)  # once this paint is on the screen
        return False


def after_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` from the event loop once ``widget`` has been painted (at once if it
    is shown already; after a second if it is not painted by then): work that can wait
    lets the window appear first."""
    if widget.isVisible():
        QTimer.singleShot(0, widget, callback)
    else:
        _AfterPaint(widget, callback)
