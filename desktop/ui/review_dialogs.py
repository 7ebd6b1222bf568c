"""Small dialogs of the review loop: an opinion (code first, text optional), an answer
(已修改 / 已说明), a reason (调整, 退回修改), and the reason words in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import review as rv
from desktop.ui.screen import fit_to_screen


def reason_words(code: int) -> str:
    """The standard reason of ``code`` in the interface language (data: review_reasons.json)."""
    known = {
        1: QCoreApplication.translate("reasons", "指标不够完整"),
        2: QCoreApplication.translate("reasons", "指标不够细化、量化"),
        3: QCoreApplication.translate("reasons", "指标与项目的相关性不够"),
        4: QCoreApplication.translate("reasons", "指标与指标值不匹配"),
        5: QCoreApplication.translate("reasons", "建议拆分指标"),
        6: QCoreApplication.translate("reasons", "一级指标类型错误"),
        7: QCoreApplication.translate("reasons", "二级指标类型错误"),
        8: QCoreApplication.translate("reasons", "建议增加明确效益指标"),
        9: QCoreApplication.translate("reasons", "建议增加明确产出指标"),
        10: QCoreApplication.translate("reasons", "建议增加满意度指标"),
        11: QCoreApplication.translate("reasons", "其他"),
    }
    text = rv.reason_text(code)
    # A reason list edited since (other words for a code) is shown as the data says.
    return known[code] if code in known and text == _SOURCE.get(code) else text


_SOURCE = {r.code: r.text for r in rv.reasons()}


def state_words(state: str) -> str:
    return {
        rv.OPEN: QCoreApplication.translate("review", "未处理"),
        rv.FIXED: QCoreApplication.translate("review", "已修改"),
        rv.EXPLAINED: QCoreApplication.translate("review", "已说明"),
        rv.CONFIRMED: QCoreApplication.translate("review", "已确认"),
    }[state]


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class OpinionDialog(QDialog):
    """A reviewer's opinion on one place: the reason code first (type its number), then
    free text if wanted; Enter adds it."""

    def __init__(self, parent: QWidget | None, place: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加审核意见"))
        self.code = QComboBox()
        for r in rv.reasons():
            self.code.addItem(f"{r.code} {reason_words(r.code)}", r.code)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("可不填"))
        form = QFormLayout()
        form.addRow(self.tr("位置："), QLabel(place))
        form.addRow(self.tr("原因(&R)："), self.code)
        form.addRow(self.tr("意见(&T)："), self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))
        self.code.setFocus()
        fit_to_screen(self, 520, 180)

    def chosen(self) -> tuple[int, str]:
        return self.code.currentData(), self.text.text()


class AnswerDialog(QDialog):
    """The unit's answer to an opinion: 已修改 (a note if wanted) or 已说明 (a text)."""

    def __init__(self, parent: QWidget | None, state: rv.OpinionState, place: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("答复审核意见"))
        o = state.opinion
        about = QLabel(
            self.tr("{0}\n{1} {2}：{3}").format(place, o.code, reason_words(o.code), o.text)
        )
        about.setWordWrap(True)
        self.fixed = QRadioButton(self.tr("已修改(&F)"))
        self.explained = QRadioButton(self.tr("已说明(&E)"))
        group = QButtonGroup(self)
        group.addButton(self.fixed)
        group.addButton(self.explained)
        self.fixed.setChecked(True)
        self.answer = QPlainTextEdit(state.answer)
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(self.tr("已说明时必填：为什么不改，或改成了什么"))
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.fixed)
        layout.addWidget(self.explained)
        layout.addWidget(self.answer, 1)
        layout.addWidget(_buttons(self))
        fit_to_screen(self, 520, 300)

    def chosen(self) -> tuple[str, str]:
        state = rv.FIXED if self.fixed.isChecked() else rv.EXPLAINED
        return state, self.answer.toPlainText()


class ReasonDialog(QDialog):
    """One text: why a form is adjusted after approval, or why it is returned."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, text: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(_buttons(self))
        self.text.setFocus()
        fit_to_screen(self, 480, 240)

    def reason(self) -> str:
        return self.text.toPlainText().strip()
