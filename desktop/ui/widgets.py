"""Small editing widgets: money, year and date fields, the line that selects its text on
entering, inline messages."""

from __future__ import annotations

import unicodedata
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionFrame,
    QToolButton,
    QWidget,
)

from desktop.domain.dates import DateError, format_date, parse_date, typed_style
from desktop.domain.model import form_label
from desktop.domain.money import MAX_FEN, MoneyError, format_money, format_wan, parse_money
from desktop.ui.audit_text import finding_text

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


class LinkBanner(QLabel):
    """A banner whose link, once ``links_by_keyboard`` is on, is a Tab stop of its own:
    Tab (or Shift+Tab) into the banner lands on the link, so Enter opens it at once."""

    def links_by_keyboard(self) -> None:
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        tab = event.reason() == Qt.FocusReason.TabFocusReason
        if (tab or event.reason() == Qt.FocusReason.BacktabFocusReason) and (
            self.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        ):
            self.focusNextPrevChild(tab)  # the (first or last) link, not the label


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

    def _whole_amount_width(self) -> int:
        """Wide enough for the largest amount read (``money.MAX_FEN``), at any font and
        scale: the text, the line edit's own margins, its frame and the cursor."""
        text = format_money(MAX_FEN)
        margins = self.textMargins()
        inner = (
            self.fontMetrics().horizontalAdvance(text)
            + margins.left()
            + margins.right()
            + 2 * 2  # QLineEdit's horizontal margin on each side
            + 2  # the cursor after the last digit
        )
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_LineEdit, option, QSize(inner, 0), self
        )
        return size.width() + 2  # room for the error style's border

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._whole_amount_width()), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._whole_amount_width()), hint.height())

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
