"""The settings dialog (interface language)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.paths import settings

LANGUAGES = [("zh_CN", "简体中文"), ("en", "English")]


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget):
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
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def language(self) -> str:
        return self.combo.currentData()

    def changed(self) -> bool:
        return self.language() != self.initial
