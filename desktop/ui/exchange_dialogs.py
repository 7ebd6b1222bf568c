"""Dialogs for moving forms between machines: the merge preview, a project's history of
replaced versions, and restoring a backup."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.money import format_money
from desktop.store.backups import Backup
from desktop.store.merge import CHOICE_LABELS, STATUS_LABELS, Choice, MergePlan, Status
from desktop.store.rows import HistoryEntry
from desktop.ui.screen import fit_to_screen

STATUS_COLORS = {
    Status.SAME_NAME: "#fde7c8",
    Status.NEW: "#e7f5e9",
    Status.THEIRS_NEWER: "#e8f0fe",
    Status.CONFLICT: "#fde7c8",
    Status.CHANGED_THERE: "#fde7c8",
    Status.CHANGED_HERE: "#fde7c8",
    Status.DELETED_THERE: "#f3e8fd",
}
ORDER = [
    Status.CONFLICT,
    Status.SAME_NAME,
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
    nothing (conflicts keep both). Year, unit and total tell projects apart; the row's
    differences (field by field, old → new) show below the table."""

    COLUMNS = 6  # 项目, 年度, 实施单位, 项目资金总额, 情况, 处理

    def __init__(self, parent: QWidget | None, plan: MergePlan, note: str = ""):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("合并预览：{0}").format(plan.source))
        counts = "，".join(
            f"{self._status(s)} {plan.count(s)}" for s in ORDER if plan.count(s)
        ) or self.tr("文件中没有项目")
        head = QLabel(
            (note + "\n" if note else "")
            + self.tr(
                "“{0}”中的项目：{1}。请检查每一项的处理方式，"
                "默认的处理不会丢失任何内容；被替换的版本会保存在历史版本中，"
                "合并前会自动备份。"
            ).format(plan.source, counts)
        )
        head.setWordWrap(True)
        self.head = head
        self.items = sorted(plan.items, key=lambda i: (ORDER.index(i.status), i.name))
        self.table = QTableWidget(len(self.items), self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("项目"),
                self.tr("年度"),
                self.tr("实施单位"),
                self.tr("项目资金总额"),
                self.tr("情况"),
                self.tr("处理"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        for row, item in enumerate(self.items):
            self._fill_row(row, item)
        for col in (1, 2, 3, 4):
            self.table.resizeColumnToContents(col)
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 200))
        self.table.setColumnWidth(5, 160)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(140)
        self.details.setPlaceholderText(
            self.tr("选择一行，这里显示对方的版本与我的版本有哪些不同。")
        )
        self.table.itemSelectionChanged.connect(self._show_details)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("不同之处（我的 → 对方的）：")))
        layout.addWidget(self.details)
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
        fit_to_screen(self, 900, 600)
        if self.items:
            self.table.selectRow(0)

    def _fill_row(self, row: int, item) -> None:
        """One incoming project: what it is, its status (coloured) and the choice."""
        shown = item.incoming or item.mine
        year = str(shown.year) if shown is not None else ""
        unit = shown.implementing_unit if shown is not None else ""
        total = format_money(shown.funds.total) if shown is not None else ""
        if item.incoming is None and item.tombstone is not None:
            total = ""
        cells = [
            QTableWidgetItem(item.name or self.tr("（未命名）")),
            QTableWidgetItem(year),
            QTableWidgetItem(unit),
            QTableWidgetItem(total),
            QTableWidgetItem(self._status(item.status)),
        ]
        cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        color = STATUS_COLORS.get(item.status)
        for col, cell in enumerate(cells):
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if color:
                cell.setBackground(QBrush(QColor(color)))
            self.table.setItem(row, col, cell)
        combo = QComboBox()
        for choice in item.choices:
            combo.addItem(self._choice(choice, item.status), choice)
        combo.setCurrentIndex(max(0, combo.findData(item.choice)))
        combo.setEnabled(len(item.choices) > 1)
        self.table.setCellWidget(row, 5, combo)
        self.combos.append(combo)

    def _show_details(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.details.clear()
            return
        item = self.items[rows[0].row()]
        if item.status == Status.SAME_NAME and item.mine is not None:
            lines = [self.tr("本机也新建了同名项目（同一年度），可以合为一个或两份都保留：")]
        else:
            lines = []
        changes = item.changes
        if changes:
            lines += changes
        elif item.status in (Status.DELETED_THERE, Status.CHANGED_HERE):
            lines.append(self.tr("对方已彻底删除这个项目。"))
        elif item.status in (Status.DELETED_HERE, Status.CHANGED_THERE):
            lines.append(self.tr("本机已彻底删除这个项目。"))
        elif item.status == Status.NEW:
            lines.append(self.tr("本机没有这个项目。"))
        elif item.status == Status.IDENTICAL:
            lines.append(self.tr("内容完全相同。"))
        self.details.setPlainText("\n".join(lines))

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
            Status.SAME_NAME: self.tr("双方都新建了同名项目"),
        }
        return labels.get(status, STATUS_LABELS[status])

    def _choice(self, choice: Choice, status: Status) -> str:
        if status == Status.NEW:
            return self.tr("导入") if choice == Choice.THEIRS else self.tr("不导入")
        if status in (Status.DELETED_THERE, Status.CHANGED_HERE) and choice == Choice.THEIRS:
            return self.tr("移入回收站")
        if status in (Status.DELETED_HERE, Status.CHANGED_THERE):
            return self.tr("恢复对方的") if choice == Choice.THEIRS else self.tr("保持删除")
        if status == Status.SAME_NAME:
            return {
                Choice.BOTH: self.tr("两份都保留"),
                Choice.MINE: self.tr("合为一个，用我的"),
                Choice.THEIRS: self.tr("合为一个，用对方的"),
            }[choice]
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


def run_merge(
    parent: QWidget | None,
    repo,
    incoming,
    *,
    edited_outside: bool = False,
    dialog_hook=None,
):
    """Preview and apply a merge; returns the ``MergeResult``, or None if cancelled.

    The merge is applied under the file's write lock only if none of its projects changed
    since the preview was made; if another program saved one of them meanwhile, the clerk
    is told and sees the new preview (choices kept where the situation is the same) — an
    edit made while the preview was open is never overwritten unseen. ``dialog_hook`` (for
    tests) is called with each dialog before it is shown."""
    from desktop.store.merge import PlanChangedError, apply_merge, plan_merge

    plan = plan_merge(repo, incoming, edited_outside=edited_outside)
    note = ""
    while True:
        dialog = MergeDialog(parent, plan, note)
        if dialog_hook is not None:
            dialog_hook(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            return apply_merge(repo, plan)
        except PlanChangedError as exc:
            plan = exc.plan
            note = QCoreApplication.translate(
                "MergeDialog", "预览显示期间，其他程序修改了其中的项目，下面是重新比较的结果。"
            )


def ask_export_scope(parent: QWidget | None, selected: int, total: int) -> str | None:
    """选中 / 全部: which projects to export. Returns "selected", "all" or None (cancel)."""
    if selected >= total:
        return "all"
    if selected == 0:  # nothing chosen (say the search shows nothing): ask, do not assume
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ExportScope", "导出"),
            QCoreApplication.translate(
                "ExportScope", "没有选中任何项目。要导出全部 {0} 个项目吗？"
            ).format(total),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return "all" if answer == QMessageBox.StandardButton.Yes else None
    buttons = (
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel
    )
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ExportScope", "导出"),
        QCoreApplication.translate(
            "ExportScope",
            "只导出选中的 {0} 个项目吗？\n\n"
            "选“是”导出选中的 {0} 个项目，选“否”导出全部 {1} 个项目。",
        ).format(selected, total),
        buttons,
        QMessageBox.StandardButton.Yes,
    )
    if answer == QMessageBox.StandardButton.Yes:
        return "selected"
    if answer == QMessageBox.StandardButton.No:
        return "all"
    return None
