"""The settings dialog (interface language; whether printed pages carry the check code and
QR code; this database's unit and role in the review loop: 本机单位, 填报单位 / 审核单位,
经办人)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import review as rv
from desktop.store.review import Identity
from desktop.ui.paths import settings

LANGUAGES = [("zh_CN", "简体中文"), ("en", "English")]


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget, identity: Identity | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.initial = settings().value("language", "zh_CN")
        self.combo = QComboBox()
        for code, name in LANGUAGES:
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(self.combo.findData(self.initial), 0))
        label = QLabel(self.tr("界面语言(&L)："))
        label.setBuddy(self.combo)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # the same setting as the print dialog's 校验码 option (``print/codes``): every form
        # printed or exported from the window follows it
        self.codes = QCheckBox(self.tr("打印时每页印校验码和二维码(&Q)"))
        self.codes.setChecked(settings().value("print/codes", True, type=bool))
        self.codes.setToolTip(self.tr("用于核对纸质件与数据是否一致；不得有其他内容的表可以不印"))
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.codes)
        self.initial_identity = identity
        if identity is not None:
            box = QGroupBox(self.tr("审核流程（保存在这个数据文件中）"))
            form = QFormLayout(box)
            self.unit = QLineEdit(identity.unit)
            self.unit.setPlaceholderText(self.tr("报送、审核时署名的单位"))
            self.role = QComboBox()
            self.role.addItem(self.tr("填报单位"), rv.ROLE_UNIT)
            self.role.addItem(self.tr("审核单位"), rv.ROLE_REVIEWER)
            self.role.setCurrentIndex(max(self.role.findData(identity.role), 0))
            self.person = QLineEdit(identity.person)
            form.addRow(self.tr("本机单位(&U)："), self.unit)
            form.addRow(self.tr("本机角色(&R)："), self.role)
            form.addRow(self.tr("经办人(&P)："), self.person)
            layout.addWidget(box)
        layout.addWidget(buttons)

    def accept(self) -> None:
        settings().setValue("print/codes", self.codes.isChecked())
        super().accept()

    def language(self) -> str:
        return self.combo.currentData()

    def changed(self) -> bool:
        return self.language() != self.initial

    def identity(self) -> Identity | None:
        """The unit, role and person as set (None when the dialog did not show them)."""
        if self.initial_identity is None:
            return None
        return Identity(self.unit.text().strip(), self.role.currentData(), self.person.text())
