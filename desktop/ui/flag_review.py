"""Confirming fields flagged 需复核 whose value is right as it stands.

The importer flags a field it could not fill or only worked out (a total from its parts, a
year from the file name). Writing the field clears its flag; a value that is already right
— a derived total that adds up, a guessed year that is the year — is confirmed here instead:
the clerk ticks the fields checked, and the flags go as one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Project
from desktop.domain.money import format_money
from desktop.ui.audit_text import reason_text
from desktop.ui.paths import app_name
from desktop.ui.widgets import field_text


class FlagReviewDialog(QDialog):
    """Every flagged field of one project with its value and reason, ticked to confirm."""

    def __init__(self, parent: QWidget | None, project: Project):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("确认需复核的字段"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "下列字段在导入时无法读到或由其他数据推算。核对原表后，勾选值正确的字段，"
                "它们将不再标为需复核（可撤销）。值不对的字段请直接改写。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        for key, reason in project.field_flags:
            item = QListWidgetItem(
                self.tr("{0}：{1}  — {2}").format(
                    field_text(key), self._value(key), reason_text(reason)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("确认勾选的字段(&C)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 380)

    def confirmed(self) -> set[str]:
        return {
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        }

    def _value(self, key: str) -> str:
        p = self.project
        if key.startswith("funds."):
            return self.tr("{0} 元").format(format_money(getattr(p.funds, key[6:], 0)))
        value = getattr(p, key, "")
        if value in (None, ""):
            return self.tr("（空）")
        text = str(value)
        return text if len(text) <= 30 else text[:29] + "…"


def confirm_flags(window) -> None:
    """项目 › 确认需复核的字段…: the current project's flags, confirmed as one undo step."""
    editor = window.editor
    editor.flush()
    project = editor.project
    if project is None or window.session.read_only:
        return
    if not project.field_flags:
        text = QCoreApplication.translate("FlagReviewDialog", "这个项目没有标为需复核的字段。")
        QMessageBox.information(window, app_name(), text)
        return
    dialog = FlagReviewDialog(window, project)
    if dialog.exec() != QDialog.DialogCode.Accepted or not (keys := dialog.confirmed()):
        return
    after = project.with_changes(
        field_flags=tuple(f for f in project.field_flags if f[0] not in keys)
    )
    text = QCoreApplication.translate("FlagReviewDialog", "确认 %n 个需复核的字段", None, len(keys))
    editor._edit(after, text)
