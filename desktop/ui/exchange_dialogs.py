"""Dialogs for moving forms between machines: the merge preview, a project's history of
replaced versions, and restoring a backup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.money import format_money
from desktop.store.backups import Backup
from desktop.store.merge import CHOICE_LABELS, STATUS_LABELS, Choice, MergePlan, Status
from desktop.store.repository import HistoryEntry
from desktop.ui.screen import fit_to_screen

STATUS_COLORS = {
    Status.NEW: "#e7f5e9",
    Status.THEIRS_NEWER: "#e8f0fe",
    Status.CONFLICT: "#fde7c8",
    Status.CHANGED_THERE: "#fde7c8",
    Status.CHANGED_HERE: "#fde7c8",
    Status.DELETED_THERE: "#f3e8fd",
}
ORDER = [
    Status.CONFLICT,
    Status.CHANGED_THERE,
    Status.CHANGED_HERE,
    Status.THEIRS_NEWER,
    Status.NEW,
    Status.DELETED_THERE,
    Status.MINE_NEWER,
    Status.DELETED_HERE,
    Status.IDENTICAL,
]


class MergeDialog(QDialog):
    """Incoming projects grouped by status, with a choice per project; the defaults lose
    nothing (conflicts keep both)."""

    def __init__(self, parent: QWidget, plan: MergePlan):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("合并预览：{0}").format(plan.source))
        counts = "，".join(
            f"{self._status(s)} {plan.count(s)}" for s in ORDER if plan.count(s)
        ) or self.tr("文件中没有项目")
        head = QLabel(
            self.tr(
                "“{0}”中的项目：{1}。请检查每一项的处理方式，"
                "默认的处理不会丢失任何内容；被替换的版本会保存在历史版本中，"
                "合并前会自动备份。"
            ).format(plan.source, counts)
        )
        head.setWordWrap(True)
        self.items = sorted(plan.items, key=lambda i: (ORDER.index(i.status), i.name))
        self.table = QTableWidget(len(self.items), 3)
        self.table.setHorizontalHeaderLabels([self.tr("项目"), self.tr("情况"), self.tr("处理")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        for row, item in enumerate(self.items):
            name = QTableWidgetItem(item.name or self.tr("（未命名）"))
            name.setToolTip(item.project_id)
            status = QTableWidgetItem(self._status(item.status))
            color = STATUS_COLORS.get(item.status)
            for cell in (name, status):
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if color:
                    cell.setBackground(QBrush(QColor(color)))
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, status)
            combo = QComboBox()
            for choice in item.choices:
                combo.addItem(self._choice(choice, item.status), choice)
            combo.setCurrentIndex(max(0, combo.findData(item.choice)))
            combo.setEnabled(len(item.choices) > 1)
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(1)
        self.table.setColumnWidth(2, 160)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.table, 1)
        if plan.problems:
            problems = QPlainTextEdit("\n".join(plan.problems))
            problems.setReadOnly(True)
            problems.setMaximumHeight(110)
            layout.addWidget(QLabel(self.tr("以下内容有错误，不会导入：")))
            layout.addWidget(problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("合并(&M)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 520)

    def _status(self, status: Status) -> str:
        labels = {
            Status.NEW: self.tr("新项目"),
            Status.IDENTICAL: self.tr("完全相同"),
            Status.THEIRS_NEWER: self.tr("对方的较新"),
            Status.MINE_NEWER: self.tr("我的较新"),
            Status.CONFLICT: self.tr("双方都修改过"),
            Status.DELETED_HERE: self.tr("我已删除"),
            Status.CHANGED_THERE: self.tr("我已删除，对方又修改过"),
            Status.DELETED_THERE: self.tr("对方已删除"),
            Status.CHANGED_HERE: self.tr("对方已删除，我又修改过"),
        }
        return labels.get(status, STATUS_LABELS[status])

    def _choice(self, choice: Choice, status: Status) -> str:
        if status == Status.NEW:
            return self.tr("导入") if choice == Choice.THEIRS else self.tr("不导入")
        if status in (Status.DELETED_THERE, Status.CHANGED_HERE) and choice == Choice.THEIRS:
            return self.tr("移入回收站")
        if status in (Status.DELETED_HERE, Status.CHANGED_THERE):
            return self.tr("恢复对方的") if choice == Choice.THEIRS else self.tr("保持删除")
        labels = {
            Choice.MINE: self.tr("保留我的"),
            Choice.THEIRS: self.tr("采用对方的"),
            Choice.BOTH: self.tr("两份都保留"),
        }
        return labels.get(choice, CHOICE_LABELS[choice])

    def _accept(self) -> None:
        for item, combo in zip(self.items, self.combos, strict=True):
            item.choice = combo.currentData()
        self.accept()


class HistoryDialog(QDialog):
    """Earlier versions of one project (replaced by merges or restores); restore one."""

    def __init__(self, parent: QWidget, entries: list[HistoryEntry]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("历史版本"))
        self.entries = entries
        self.chosen: HistoryEntry | None = None
        self.table = QTableWidget(len(entries), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("原因"), self.tr("项目名称"), self.tr("项目资金总额")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, e in enumerate(entries):
            for col, text in enumerate(
                (
                    e.replaced_at.replace("T", " ")[:19],
                    e.reason,
                    e.project.name,
                    format_money(e.project.funds.total),
                )
            ):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            self.tr("恢复此版本(&R)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(entries))
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text = self.tr("合并时被替换或未采用的版本保存在这里。恢复会替换当前内容（可以撤销）。")
        if not entries:
            text = self.tr("这个项目没有历史版本。")
        layout.addWidget(QLabel(text))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        if entries:
            self.table.selectRow(0)
        fit_to_screen(self, 720, 360)

    def _restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.chosen = self.entries[rows[0].row()]
            self.accept()


class BackupDialog(QDialog):
    """Automatic backups of the open database; restore one (the current state is backed up
    first)."""

    def __init__(self, parent: QWidget, backups: list[Backup]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复备份"))
        self.backups = backups
        self.chosen: Backup | None = None
        self.table = QTableWidget(len(backups), 3)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("类型"), self.tr("大小")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, b in enumerate(backups):
            size = b.path.stat().st_size if b.path.exists() else 0
            kinds = {
                "daily": self.tr("每日备份"),
                "merge": self.tr("合并前"),
                "migrate": self.tr("升级前"),
                "restore": self.tr("恢复前"),
                "manual": self.tr("手动"),
            }
            for col, text in enumerate(
                (
                    b.taken.strftime("%Y-%m-%d %H:%M:%S"),
                    kinds.get(b.reason, b.label),
                    f"{size / 1024:,.0f} KB",
                )
            ):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            self.tr("恢复(&R)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "程序在每天第一次打开、合并和升级之前自动备份"
                    "（保留最近 7 天和之前 4 周各一份）。恢复前会先备份当前的数据。"
                )
                if backups
                else self.tr("还没有备份。")
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        if backups:
            self.table.selectRow(0)
        fit_to_screen(self, 560, 360)

    def _restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.chosen = self.backups[rows[0].row()]
            self.accept()
