"""The indicator tree's cell editors: the 指标值 line with its reading, the 三级 name with
suggestions, and the delegate that opens them and moves on with Tab, Shift+Tab and Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QWidget,
)

from desktop.domain.values import IndicatorValue, parse_value
from desktop.ui.indicator_model import KIND_ROLE, VALUE_ROLE, reading


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
