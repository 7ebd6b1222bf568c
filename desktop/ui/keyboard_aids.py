"""What the application does for the keyboard in every window: a ring drawn round the
focused widget, and Alt+letter that no shortcut took never types."""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QMenu,
    QMenuBar,
    QWidget,
)


class ApplicationFilters(QObject):
    """The application's event filters — ``MnemonicGuard``, the file dialogs' fitter, each
    main window's keyboard route — as one filter on the application. A filter there is a
    call into Python for every event of every widget, the event and the widget wrapped for
    Python (≈ 3,300 events while a main window is built, ≈ 800 while it first shows: ≈ 45
    ms of CPU for the first show alone): one call instead of three, and none from the start
    of a main window to its first paint (``pause``/``resume``), when none of them has
    anything to do. The parts are asked last-added first, as Qt asks the filters
    installed on an object."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.parts: list[QObject] = []
        self._paused = 0
        app.installEventFilter(self)

    @staticmethod
    def of(app: QApplication) -> ApplicationFilters:
        return app.findChild(ApplicationFilters) or ApplicationFilters(app)

    def add(self, part: QObject) -> None:
        self.parts = [p for p in self.parts if shiboken6.isValid(p)] + [part]

    def pause(self) -> None:
        if not self._paused:
            QApplication.instance().removeEventFilter(self)
        self._paused += 1

    def resume(self) -> None:
        self._paused -= 1
        if not self._paused:
            QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        for part in reversed(self.parts):
            if shiboken6.isValid(part) and part.eventFilter(watched, event):
                return True
        return False


class MnemonicGuard(QObject):
    """Installed on the application: an Alt+letter or Alt+digit that no shortcut took (a
    mnemonic of another tab, a typo) does nothing and beeps, in every widget — a line edit
    would otherwise type the letter (``0.00ak``) and a list would jump to a row starting with
    it. Menus keep their own letters; AltGr (Ctrl+Alt on Windows) still types."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            plain_alt = mods & Qt.KeyboardModifier.AltModifier and not mods & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
            )
            key = event.key()
            letter = Qt.Key.Key_A <= key <= Qt.Key.Key_Z or Qt.Key.Key_0 <= key <= Qt.Key.Key_9
            if (
                plain_alt
                and letter
                and sys.platform != "darwin"  # Option+letter types characters there
                and not isinstance(watched, (QMenu, QMenuBar))
            ):
                QApplication.beep()
                return True
        return super().eventFilter(watched, event)


class _Ring(QWidget):
    COLOR = QColor("#1a73e8")

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        pen = QPen(self.COLOR)
        pen.setWidth(2)
        painter.setPen(pen)
        painter.drawRect(self.rect().adjusted(1, 1, -1, -1))


class FocusRing(QObject):
    """A 2-pixel frame drawn over the widget that has the keyboard focus — list, tab bar,
    combo box, tree, field or button — in every style and at any scale (the styles' own
    focus marks are a dotted line or a pale tint that a clerk cannot find at 150 %). The
    frame is a child of the focused widget's parent, raised above it and transparent to the
    mouse; it follows the widget's moves and resizes."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.ring: _Ring | None = None
        self._target: QWidget | None = None
        app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def _framed(widget: QWidget) -> QWidget:
        """The widget to frame: a combo box or spin box, not its inner line edit."""
        parent = widget.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox)) or (
            parent is not None and parent.focusProxy() is widget and not parent.isWindow()
        ):
            return widget if widget.inherits("QTabBar") else parent  # the tabs, not the editor
        return widget

    def _alive(self, widget) -> bool:
        return widget is not None and shiboken6.isValid(widget)

    def _focus_changed(self, _old, new) -> None:
        if self._alive(self._target):
            self._target.removeEventFilter(self)
        self._target = None
        if not self._alive(new) or new.isWindow() or isinstance(new, (QMenu, QMenuBar)):
            self._hide()
            return
        target = self._framed(new)
        parent = target.parentWidget()
        if parent is None:
            self._hide()
            return
        self._target = target
        target.installEventFilter(self)
        if not self._alive(self.ring):
            self.ring = _Ring(parent)
        elif self.ring.parentWidget() is not parent:
            self.ring.setParent(parent)
        self._place()

    def _hide(self) -> None:
        if self._alive(self.ring):
            self.ring.hide()

    def _place(self) -> None:
        target = self._target
        if not self._alive(self.ring):
            return
        if not self._alive(target) or not target.isVisible():
            self.ring.hide()
            return
        self.ring.setGeometry(target.geometry())
        self.ring.show()
        self.ring.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target and event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            self._place()
        return False
