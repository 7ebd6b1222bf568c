"""Small editing widgets: money fields, the 指标值 editor and its delegate, inline messages."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QWidget,
)

from desktop.domain.money import MoneyError, format_money, parse_money
from desktop.domain.values import OPERATORS, IndicatorValue
from desktop.ui.indicator_model import KIND_ROLE, VALUE_ROLE

UNITS = [
    "%",
    "次",
    "个",
    "份",
    "场",
    "件",
    "人次",
    "人",
    "家",
    "元",
    "万元",
    "天",
    "月",
    "年",
    "项",
    "户",
    "所",
    "条",
    "篇",
    "台",
    "套",
    "小时",
    "分钟",
    "平方米",
    "公里",
]
QUALITATIVE = "定性"
ERROR_STYLE = "border: 1px solid #c0392b; background: #fdecea;"


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


class MoneyEdit(QLineEdit):
    """An amount in 元, shown ``5,100,000.00``; accepts ``5100000`` and ``5,100,000.00``.

    ``committed(fen)`` fires when a valid amount is confirmed (Enter or leaving the field);
    invalid text shows ``message`` and is not committed, so the stored value stays.
    """

    committed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.message = InlineMessage()
        self._fen = 0
        self.editingFinished.connect(self._finish)
        self.textEdited.connect(self._check)

    def fen(self) -> int:
        return self._fen

    def set_fen(self, fen: int) -> None:
        self._fen = fen
        self.setText(format_money(fen))
        self._show_error("")

    def _show_error(self, text: str) -> None:
        self.message.show_message(text)
        self.setStyleSheet(ERROR_STYLE if text else "")

    def _parse(self) -> int | None:
        try:
            return parse_money(self.text())
        except MoneyError as exc:
            self._show_error(
                self.tr("金额无效：{0}。请输入数字，如 5100000 或 5,100,000.00").format(exc)
            )
            return None

    def _check(self) -> None:
        if self.text().strip() and self._parse() is None:
            return
        self._show_error("")

    def _finish(self) -> None:
        if not self.text().strip():
            self.setText("0")
        fen = self._parse()
        if fen is None:
            return
        self.setText(format_money(fen))
        self._show_error("")
        if fen != self._fen:
            self._fen = fen
            self.committed.emit(fen)

    def has_error(self) -> bool:
        return self.message.isVisible()


class ValueEditor(QWidget):
    """年度指标值: operator (= ≥ ≤ > < or 定性), number and unit — or free text."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.op = QComboBox()
        self.op.addItems(["=", "≥", "≤", ">", "<", self.tr("（无）"), self.tr("定性")])
        self.op.setToolTip(self.tr("运算符；选“定性”填写文字"))
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("数值"))
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(["", *UNITS])
        self.unit.setToolTip(self.tr("单位，可自行输入"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("定性指标值，如：提高"))
        for w in (self.op, self.number, self.unit, self.text):
            layout.addWidget(w)
        layout.setStretch(1, 2)
        layout.setStretch(3, 3)
        self.op.currentIndexChanged.connect(self._mode_changed)
        self.setFocusProxy(self.op)
        self._mode_changed()
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _qualitative(self) -> bool:
        return self.op.currentIndex() == self.op.count() - 1

    def _mode_changed(self) -> None:
        qualitative = self._qualitative()
        self.number.setVisible(not qualitative)
        self.unit.setVisible(not qualitative)
        self.text.setVisible(qualitative)

    def set_value(self, value: IndicatorValue) -> None:
        if value.is_quantitative:
            op_index = OPERATORS.index(value.op) if value.op in OPERATORS else 5
            self.op.setCurrentIndex(op_index)
            self.number.setText(str(value.number))
            self.unit.setCurrentText(value.unit)
        elif value.is_empty:
            self.op.setCurrentIndex(0)
        else:
            self.op.setCurrentIndex(self.op.count() - 1)
            self.text.setText(value.text)
        self._mode_changed()

    def value(self) -> IndicatorValue | None:
        """The edited value, or None when the number is not a number."""
        if self._qualitative():
            return IndicatorValue.qualitative(self.text.text())
        raw = self.number.text().strip().replace(",", "").replace("，", "")
        if not raw:
            return IndicatorValue()
        try:
            number = Decimal(raw)
        except InvalidOperation:
            return None
        if not number.is_finite():
            return None
        op_index = self.op.currentIndex()
        op = OPERATORS[op_index] if op_index < len(OPERATORS) else None
        return IndicatorValue.quantitative(op, number, self.unit.currentText())

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab moves between the parts of the editor, not out of it (Enter confirms)."""
        chain = [w for w in (self.op, self.number, self.unit, self.text) if w.isVisible()]
        current = next(
            (
                w
                for w in chain
                if w.isAncestorOf(QApplication.focusWidget()) or w is QApplication.focusWidget()
            ),
            None,
        )
        if current is None or not chain:
            return super().focusNextPrevChild(forward)
        step = 1 if forward else -1
        chain[(chain.index(current) + step) % len(chain)].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and not (new is self or self.isAncestorOf(new)):
            inside_popup = isinstance(new.window(), QWidget) and new.window() is not self.window()
            if not inside_popup:
                QTimer.singleShot(0, self, self.done.emit)  # dropped if the editor is gone


class ValueDelegate(QStyledItemDelegate):
    """Edits column 1 of the indicator tree with a ValueEditor; 三级 names with completion
    from the indicator library and this database; 二级 with a choice from the taxonomy."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.suggest = lambda level2: []  # names offered while typing a 三级 name
        self.units = lambda: []  # units used in this database

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        if index.data(KIND_ROLE) == "l2":
            combo = QComboBox(parent)
            combo.setEditable(True)
            model = index.model()
            level1 = model.tree[model.node(index).path[0]][0]
            combo.addItems(list(model.profile.level2_for(level1)))
            return combo
        if index.column() != 1:
            editor = super().createEditor(parent, option, index)
            if isinstance(editor, QLineEdit) and index.data(KIND_ROLE) == "ind":
                model = index.model()
                node = model.node(index)
                level2 = model.tree[node.path[0]][1][node.path[1]][0]
                completer = QCompleter(self.suggest(level2), editor)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                editor.setCompleter(completer)
            return editor
        editor = ValueEditor(parent)
        for unit in self.units():
            if editor.unit.findText(unit) < 0:
                editor.unit.addItem(unit)
        editor.done.connect(lambda e=editor: self._finish(e))
        return editor

    def _finish(self, editor: ValueEditor) -> None:
        try:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        except RuntimeError:  # the editor is already gone
            pass

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")
        elif isinstance(editor, ValueEditor):
            editor.set_value(index.data(VALUE_ROLE) or IndicatorValue())
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, ValueEditor):
            value = editor.value()
            if value is not None:
                model.setData(index, value)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option, index: QModelIndex) -> None:
        rect = option.rect
        if isinstance(editor, ValueEditor):
            rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            isinstance(editor, ValueEditor)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._finish(editor)
            return True
        return super().eventFilter(editor, event)
