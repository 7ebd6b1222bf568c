"""常用指标库: the 三级 names offered while typing, per 二级 — the bundled list plus this
database's own additions and removals."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.library import META_KEY, Library
from desktop.domain.taxonomy import taxonomy
from desktop.store import Repository
from desktop.ui.screen import fit_to_screen


class LibraryDialog(QDialog):
    def __init__(self, parent: QWidget, repo: Repository):
        super().__init__(parent)
        self.repo = repo
        self.library = Library.from_json(repo.meta(META_KEY))
        self.setWindowTitle(self.tr("常用指标库"))
        self.level2 = QComboBox()
        seen: list[str] = []
        for profile in taxonomy().profiles:
            for _, children in profile.level1:
                seen += [c for c in children if c not in seen]
        self.level2.addItems(seen)
        self.names = QListWidget()
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("新的三级指标名称"))
        self.add_button = QPushButton(self.tr("添加(&A)"))
        self.remove_button = QPushButton(self.tr("删除(&D)"))
        self.add_button.setEnabled(not repo.read_only)
        self.remove_button.setEnabled(not repo.read_only)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        label = QLabel(self.tr("二级指标(&L)："))
        label.setBuddy(self.level2)
        head = QHBoxLayout()
        head.addWidget(label)
        head.addWidget(self.level2, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("填写三级指标名称时会提示这些名称；修改保存在这个数据文件中。"))
        )
        layout.addLayout(head)
        layout.addWidget(self.names, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.level2.currentTextChanged.connect(self.fill)
        self.add_button.clicked.connect(self.add)
        self.new_name.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.fill()
        fit_to_screen(self, 460, 480)

    def fill(self) -> None:
        self.names.clear()
        self.names.addItems(self.library.names(self.level2.currentText()))

    def _save(self) -> None:
        self.repo.set_meta(META_KEY, self.library.to_json())
        self.fill()

    def add(self) -> None:
        if self.new_name.text().strip():
            self.library.add(self.level2.currentText(), self.new_name.text())
            self.new_name.clear()
            self._save()

    def remove(self) -> None:
        item = self.names.currentItem()
        if item is not None:
            self.library.remove(self.level2.currentText(), item.text())
            self._save()
