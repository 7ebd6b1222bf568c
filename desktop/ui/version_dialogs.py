"""Choosing a version to restore: earlier versions of one project (replaced by merges or
restores) and the automatic backups of the open database."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.merge_text import HISTORY_REASONS
from desktop.domain.money import format_money
from desktop.store.backups import Backup
from desktop.store.rows import HistoryEntry
from desktop.ui.screen import fit_to_screen


def reason_text(reason: str) -> str:
    """Why a version is in the history, in the window's language: a stored reason written
    by one of the program's templates is translated (the file name or unit in it kept as
    written); any other text is shown as stored."""
    for template in HISTORY_REASONS:
        head, brace, rest = template.partition("{")
        if not brace:
            if reason == template:
                return QCoreApplication.translate("history", template)
            continue
        name, _, tail = rest.partition("}")
        match = re.fullmatch(f"{re.escape(head)}(.*){re.escape(tail)}", reason, re.DOTALL)
        if match:
            translated = QCoreApplication.translate("history", template)
            return translated.replace("{" + name + "}", match.group(1))
    return reason


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
                    reason_text(e.reason),
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
