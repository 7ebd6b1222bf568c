"""Small editing widgets: money and date fields, the 指标值 line and the tree's delegate,
inline messages."""

from __future__ import annotations

import sys
import unicodedata
from datetime import date

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QStyledItemDelegate,
    QToolButton,
    QWidget,
)

from desktop.domain.dates import DateError, format_date, parse_date, typed_style
from desktop.domain.model import form_label
from desktop.domain.money import MoneyError, format_money, format_wan, parse_money
from desktop.domain.values import IndicatorValue, parse_value
from desktop.ui.audit_text import finding_text
from desktop.ui.indicator_model import KIND_ROLE, VALUE_ROLE, reading

ERROR_STYLE = "border: 1px solid #c0392b; background: #fdecea;"


def field_text(key: str) -> str:
    """The form's label of a field key (``funds.fiscal`` → 其中：财政资金) in the UI language."""
    return QCoreApplication.translate("FieldLabels", form_label(key))


class InlineMessage(QLabel):
    """A red line under a field: why the value was not taken."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet("color: #c0392b;")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class SelectingLineEdit(QLineEdit):
    """A line whose whole text is selected whenever it is entered — by Tab, Ctrl+Tab, a
    mnemonic, a click or the window coming back — so that what is typed replaces the value
    instead of being appended to it (``0.00`` + ``500万`` would read ``0.00500万``). A click
    selects on release, unless the mouse selected something itself (a drag)."""

    _select_on_release = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        if reason == Qt.FocusReason.MouseFocusReason:
            self._select_on_release = True
        elif reason != Qt.FocusReason.PopupFocusReason:  # back from a completer/calendar
            self.selectAll()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._select_on_release and not self.hasSelectedText():
            self.selectAll()
        self._select_on_release = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._select_on_release = False
        super().focusOutEvent(event)


class MoneyEdit(SelectingLineEdit):
    """An amount in 元, shown ``5,100,000.00``; accepts ``5100000``, ``5,100,000.00``,
    ``510万``, ``510万元`` and ``￥5100000.00``. ``reading`` (a label for beside the field)
    shows the amount in 万元 as the clerk types.

    ``committed(fen)`` fires when a valid amount is confirmed (Enter or leaving the field);
    refused text stays in the field, red, with ``message`` saying why, until it is fixed or
    Esc brings back the stored amount — it is never dropped silently.

    An amount is read only as a whole: text typed on after the amount shown (``0.00`` then
    ``500万`` = ``0.00500万``) is refused, never read as 50.00 元.
    """

    committed = Signal(object)  # 分: an int beyond 32 bits (21,474,836.47 元 and more)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.message = InlineMessage()
        self.reading = QLabel()
        self.reading.setStyleSheet("color: #555;")
        self._fen = 0
        self._shown = ""  # the amount as the field last showed it
        self.editingFinished.connect(self._finish)
        self.textEdited.connect(self._check)

    def fen(self) -> int:
        return self._fen

    def set_fen(self, fen: int) -> None:
        self._fen = fen
        self._shown = format_money(fen)
        self.setText(self._shown)
        self._show_error("")
        self._show_reading(fen)

    def _show_reading(self, fen: int | None) -> None:
        wan = format_wan(fen).removesuffix("万元") if fen else ""
        self.reading.setText(self.tr("＝{0}万元").format(wan) if fen else "")

    def _show_error(self, text: str) -> None:
        self.message.show_message(text)
        self.setStyleSheet(ERROR_STYLE if text else "")
        if text:
            self.reading.setText("")

    def _parse(self) -> int | None:
        text = self.text().strip()
        rest = text[len(self._shown) :] if self._shown and text.startswith(self._shown) else ""
        if any(ch.isdigit() for ch in rest):
            self._show_error(
                self.tr(
                    "“{0}”是接在原金额 {1} 后面输入的，不是一个完整的金额；请全选后重新输入"
                ).format(text, self._shown)
            )
            return None
        try:
            return parse_money(self.text())
        except MoneyError as exc:
            self._show_error(
                self.tr("金额无效：{0}。可写 5100000、5,100,000.00 或 510万").format(
                    finding_text(exc.args[0])
                )
            )
            return None

    def _check(self) -> None:
        if self.text().strip():
            fen = self._parse()
            if fen is None:
                return
            self._show_reading(fen)
        self._show_error("")

    def _finish(self) -> None:
        if not self.text().strip():
            self.setText("0")
        fen = self._parse()
        if fen is None:
            return
        self._shown = format_money(fen)
        self.setText(self._shown)
        self._show_error("")
        self._show_reading(fen)
        if fen != self._fen:
            self._fen = fen
            self.committed.emit(fen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.has_error():
            self.set_fen(self._fen)  # give up the refused text: the stored amount again
            return
        super().keyPressEvent(event)

    def has_error(self) -> bool:
        return bool(self.message.text()) and self.styleSheet() == ERROR_STYLE

    def refused_text(self) -> str | None:
        """The text the field refused and still shows (not saved), or None."""
        return self.text() if self.has_error() else None

    def keep_refused(self, text: str) -> None:
        """Show a refused entry again (coming back to its project)."""
        self.setText(text)
        self._parse()


class YearEdit(SelectingLineEdit):
    """The form's year as four digits, with ↑/↓ (PgUp/PgDn: ±10) to step it. Like an amount,
    a year is confirmed by Enter or leaving the field; text that is no year in range stays,
    red, with ``message`` saying why (a spin box would silently put the old year back), and
    Esc gives it up. ``valueChanged(year)`` fires for a confirmed new year and for
    ``setValue`` (as a spin box's does)."""

    valueChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("yearEdit")
        self._min, self._max = 2000, 2100
        self._value = self._min
        self.message = InlineMessage()
        self.setMaxLength(12)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("20250") + 24)
        self.setText(str(self._value))
        self.editingFinished.connect(self._finish)
        self.textEdited.connect(self._check)

    def setRange(self, low: int, high: int) -> None:
        self._min, self._max = low, high

    def value(self) -> int:
        return self._value

    def setValue(self, year: int) -> None:
        year = max(self._min, min(self._max, int(year)))
        changed = year != self._value
        self._value = year
        self.setText(str(year))
        self._show_error("")
        if changed:
            self.valueChanged.emit(year)

    def _read(self) -> int | None:
        text = unicodedata.normalize("NFKC", self.text()).strip().removesuffix("年")
        if text.isdigit() and self._min <= int(text) <= self._max:
            return int(text)
        return None

    def _show_error(self, text: str) -> None:
        self.message.show_message(text)
        self.setStyleSheet(ERROR_STYLE if text else "")

    def _check(self) -> None:
        if self._read() is not None:
            self._show_error("")

    def _finish(self) -> None:
        year = self._read()
        if year is None:
            self._show_error(
                self.tr("“{0}”不是年度：请写 {1}–{2} 之间的四位数字；未保存").format(
                    self.text().strip(), self._min, self._max
                )
            )
            return
        self.setValue(year)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Up: 1,
            Qt.Key.Key_Down: -1,
            Qt.Key.Key_PageUp: 10,
            Qt.Key.Key_PageDown: -10,
        }
        if event.key() in steps and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            base = self._read() or self._value
            self.setValue(base + steps[event.key()])
            self.selectAll()
            return
        if event.key() == Qt.Key.Key_Escape and self.has_error():
            self.setValue(self._value)
            return
        super().keyPressEvent(event)

    def has_error(self) -> bool:
        return bool(self.message.text())

    def refused_text(self) -> str | None:
        return self.text() if self.has_error() else None

    def keep_refused(self, text: str) -> None:
        self.setText(text)
        self._finish()


CALENDAR_STYLE = """
QCalendarWidget QWidget#qt_calendar_navigationbar { background: #1f4e79; }
QCalendarWidget QToolButton { color: white; background: transparent; font-weight: bold; }
QCalendarWidget QToolButton:hover { background: #2e6da4; }
QCalendarWidget QSpinBox { color: black; background: white; }
QCalendarWidget QMenu { color: black; background: white; }
"""


class DateField(QWidget):
    """A date typed as clerks write it (2025-01-01, 2025/1/1, 2025.1.1, 20250101,
    2025年1月1日), from empty as well; the reading is shown beside the field and refused text
    stays, red, with the reason beside it — never a silent change. Delete on the whole text
    (selected when the field is entered with Tab or Enter) clears the date back to 未填写
    when the field is left; Alt+↓ or F4 (or the button) opens a calendar at the date,
    or at the project's year when empty.

    ``changed`` fires when the clerk confirms a new date or clears it (Enter, leaving the
    field, the calendar); ``date()`` is the stored date (None: not filled in)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._date: date | None = None
        self._style = ""
        self.default_year = date.today().year
        self.line = SelectingLineEdit()
        self.line.setPlaceholderText(self.tr("未填写"))
        self.line.setToolTip(
            self.tr("可输入 2025-01-01、2025/1/1、2025.1.1、20250101 或 2025年1月1日；Delete 清空")
        )
        self.line.setMaxLength(40)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(self.tr("选择日期（Alt+↓）"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reading = QLabel()
        self.reading.setStyleSheet("color: #555;")
        self.message = InlineMessage()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("2025年12月31日") + 24)
        self.line.setMaximumWidth(self.line.minimumWidth() * 2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.reading)
        layout.addWidget(self.message, 2)
        self.setFocusProxy(self.line)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.line.editingFinished.connect(self._finish)
        self.line.textEdited.connect(self._check)
        self.line.installEventFilter(self)
        self.button.clicked.connect(self.open_calendar)
        self._popup: QCalendarWidget | None = None

    # -- value -----------------------------------------------------------------------------
    def date(self) -> date | None:
        return self._date

    def set_date(self, value: date | None, style: str = "") -> None:
        """Show a stored date (no signal)."""
        self._date = value
        self._style = style
        self.line.setText(format_date(value, style) if value else "")
        self._show_error("")
        self._show_reading(value)

    def text(self) -> str:
        return self.line.text()

    def date_style(self) -> str:
        """How the form writes its dates after this field's last entry (the style typed)."""
        return self._style

    def _show_reading(self, value: date | None) -> None:
        self.reading.setText(
            self.tr("{0}年{1}月{2}日").format(value.year, value.month, value.day) if value else ""
        )

    def _show_error(self, text: str) -> None:
        self.message.show_message(text)
        self.line.setStyleSheet(ERROR_STYLE if text else "")
        if text:
            self.reading.setText("")

    def has_error(self) -> bool:
        return bool(self.message.text())

    def refused_text(self) -> str | None:
        return self.line.text() if self.has_error() else None

    def keep_refused(self, text: str) -> None:
        self.line.setText(text)
        self._finish()

    def _read(self) -> date | None:
        """The date typed (None for empty); raises DateError."""
        text = self.line.text().strip()
        return parse_date(text) if text else None

    def _check(self) -> None:
        try:
            value = self._read()
        except DateError:
            self.reading.setText("")
            return
        self._show_error("")
        self._show_reading(value)

    def _finish(self) -> None:
        try:
            value = self._read()
        except DateError as exc:
            self._show_error(self.tr("{0}；未保存").format(finding_text(exc.args[0])))
            return
        self._accept(value, typed_style(self._style, self.line.text()))

    def _accept(self, value: date | None, style: str | None = None) -> None:
        """Show and (if it changed) report a confirmed date; ``style``: how it was typed
        (the form keeps the clerk's way of writing dates)."""
        style = self._style if style is None or value is None else style
        self.line.setText(format_date(value, style) if value else "")
        self._show_error("")
        self._show_reading(value)
        if value != self._date or style != self._style:
            self._date, self._style = value, style
            self.changed.emit()

    def refuse(self, text: str, stored: date | None, style: str | None = None) -> None:
        """The form refuses the date (end before start): the typed text stays, red, with
        the reason beside it; ``date()`` is the stored date again (``style`` the stored
        style)."""
        self._date = stored
        if style is not None:
            self._style = style
        self._show_error(text)

    # -- keys and the calendar -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_F4 or (
                key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier
            ):
                self.open_calendar()
                return True
            if key == Qt.Key.Key_Escape and self.has_error():
                self.set_date(self._date, self._style)
                return True
        return False

    def open_calendar(self) -> None:
        popup = QCalendarWidget()
        popup.setWindowFlags(Qt.WindowType.Popup)
        popup.setObjectName("datePopup")
        popup.setStyleSheet(CALENDAR_STYLE)
        popup.setGridVisible(True)
        popup.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        shown = self._date or date(self.default_year, 1, 1)
        popup.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        popup.setCurrentPage(shown.year, shown.month)
        popup.activated.connect(lambda d: self._picked(popup, d))
        popup.clicked.connect(lambda d: self._picked(popup, d))
        popup.adjustSize()
        below = self.line.mapToGlobal(self.line.rect().bottomLeft())
        popup.move(below)
        self._popup = popup
        popup.show()
        popup.setFocus()

    def _picked(self, popup: QCalendarWidget, picked: QDate) -> None:
        popup.close()
        self._popup = None
        self._accept(picked.toPython())
        self.line.setFocus()


class ValueLineEdit(QLineEdit):
    """年度指标值 as one line of free text (``≥95%``, ``≤510万元``, ``10个``, ``提升``,
    ``不低于90%``) with its reading shown at the right end of the line; nothing typed is
    discarded: what is not a number is kept as text, and the text as typed is stored beside
    its reading."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("valueLine")
        self.setPlaceholderText(self.tr("如 ≥95%、10个、提升"))
        self.reading = QLabel(self)
        self.reading.setObjectName("valueReading")
        self.reading.setStyleSheet("color: #666; background: #eef3f8; padding: 0 4px;")
        self.reading.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.textChanged.connect(self._show_reading)
        self._show_reading()

    @property
    def line(self) -> QLineEdit:  # the same widget: one line to type in
        return self

    def _show_reading(self) -> None:
        self.reading.setText(self.tr("读作：{0}").format(reading(self.value())))
        self.reading.adjustSize()
        self._place_reading()

    def _place_reading(self) -> None:
        width = self.reading.sizeHint().width()
        self.reading.setGeometry(self.width() - width - 2, 2, width, self.height() - 4)
        self.setTextMargins(0, 0, width + 4, 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_reading()

    def set_value(self, value: IndicatorValue) -> None:
        self.setText(value.shown)
        self.selectAll()

    def value(self) -> IndicatorValue:
        return parse_value(self.text())

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), 200 + self.reading.sizeHint().width()))
        return hint


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


#: what the keys that leave a tree editor ask for
NEXT, PREVIOUS, ENTER = "next", "previous", "enter"


def _leaving(event: QKeyEvent) -> str | None:
    """What a key that leaves a tree editor asks for (None: not such a key)."""
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return None
    key = event.key()
    if key == Qt.Key.Key_Tab:
        return NEXT
    if key == Qt.Key.Key_Backtab:
        return PREVIOUS
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return PREVIOUS if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else ENTER
    return None


class NameLineEdit(QLineEdit):
    """A 三级 name in the tree, with suggestions. A completer hands Tab and Enter to its
    line edit by calling ``event()`` directly (past every event filter, after taking the
    suggestion): they are caught here so that they move on in the tree too, instead of
    moving the focus out of it."""

    def __init__(self, parent: QWidget, delegate: ValueDelegate):
        super().__init__(parent)
        self._delegate = delegate

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            how = _leaving(event)
            if how is not None:
                self._delegate._leave(self, how)
                return True
        return super().event(event)


class ValueDelegate(QStyledItemDelegate):
    """Edits the indicator tree: 三级 names with completion from the indicator library and
    this database; 二级 with a choice from the taxonomy; values as free text.

    Tab, Shift+Tab and Enter commit the cell and report ``moved(path, column, how)``: the
    editor decides where to go (name → value → next row's name; Enter at a group's last
    value adds a row). The editor is closed before anything moves, so focus stays in the
    tree."""

    moved = Signal(tuple, int, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.suggest = lambda level2: []  # names offered while typing a 三级 name

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        model = index.model()
        node = model.node(index)
        if index.data(KIND_ROLE) == "l2":
            editor = QComboBox(parent)
            editor.setEditable(True)
            level1 = model.tree[node.path[0]][0]
            editor.addItems(list(model.profile.level2_for(level1)))
        elif index.column() == 1:
            editor = ValueLineEdit(parent)
        else:
            editor = NameLineEdit(parent, self)
            level2 = model.tree[node.path[0]][1][node.path[1]][0]
            completer = QCompleter(self.suggest(level2), editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
        editor.setProperty("cellPath", list(node.path))
        editor.setProperty("cellColumn", index.column())
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")
        elif isinstance(editor, ValueLineEdit):
            editor.set_value(index.data(VALUE_ROLE) or IndicatorValue())
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, ValueLineEdit):
            model.setData(index, editor.value())
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option, index: QModelIndex) -> None:
        rect = option.rect
        if isinstance(editor, ValueLineEdit):
            rect.setWidth(max(rect.width(), editor.sizeHint().width()))
            rect.moveRight(min(rect.right(), editor.parentWidget().width() - 2))
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            completer = editor.completer() if isinstance(editor, QLineEdit) else None
            popup = completer.popup() if completer is not None else None
            if popup is not None and popup.isVisible():
                return False  # the completer takes the suggestion, then hands the key on
            how = _leaving(event)
            if how is not None:
                self._leave(editor, how)
                return True
        return super().eventFilter(editor, event)

    def _leave(self, editor: QWidget, how: str) -> None:
        if editor.property("left"):
            return  # already committed and closed
        editor.setProperty("left", True)
        path = tuple(editor.property("cellPath") or ())
        column = int(editor.property("cellColumn") or 0)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        self.moved.emit(path, column, how)
