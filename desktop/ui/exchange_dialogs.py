"""The merge preview of another machine's file (with its differences and per-field picks),
and asking what to export."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.combine import MINE, THEIRS
from desktop.domain.diff import field_name, indicator_label
from desktop.domain.money import format_money
from desktop.store.merge import CHOICE_LABELS, STATUS_LABELS, Choice, MergePlan, Status
from desktop.ui.audit_text import finding_text
from desktop.ui.screen import fit_to_screen

STATUS_COLORS = {
    Status.SAME_NAME: "#fde7c8",
    Status.NEW: "#e7f5e9",
    Status.THEIRS_NEWER: "#e8f0fe",
    Status.CONFLICT: "#fde7c8",
    Status.CHANGED_THERE: "#fde7c8",
    Status.CHANGED_HERE: "#fde7c8",
    Status.DELETED_THERE: "#f3e8fd",
    Status.FORGED: "#fbd5d5",
}
ORDER = [
    Status.FORGED,
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
    """Incoming projects grouped by status, and for the selected one its handling (radio
    buttons, reachable by Tab and the arrow keys, with mnemonics), its differences (the
    changed text with context, coloured and marked 〔+…〕/〔−…〕) and, where both sides
    changed the same field, a pick per field (我的 / 对方的). The defaults lose nothing:
    different fields changed on each side are combined (合并双方的修改), the same field
    changed both ways keeps both. Enter merges."""

    COLUMNS = 6  # 项目, 年度, 实施单位, 项目资金总额, 情况, 处理

    def __init__(self, parent: QWidget | None, plan: MergePlan, note: str = ""):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("合并预览：{0}").format(plan.source))
        self.head = self._build_head(plan, note)
        self.items = sorted(plan.items, key=lambda i: (ORDER.index(i.status), i.name))
        self._build_table()
        self._build_choices()
        self.table.itemSelectionChanged.connect(self._show_details)
        self._build_layout(plan)
        fit_to_screen(self, 1000, 700)
        self._count_duplicates()
        if self.items:
            self.table.selectRow(0)
        self.table.setFocus()

    def _build_head(self, plan: MergePlan, note: str) -> QLabel:
        """What the file holds, counted by status, and what merging keeps."""
        counts = self.tr("，").join(
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
        return head

    def _build_table(self) -> None:
        """One row per incoming project: name, year, unit, total, status, handling."""
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
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the choices
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, item in enumerate(self.items):
            self._fill_row(row, item)
        for col in (1, 2, 3, 4, 5):
            self.table.resizeColumnToContents(col)
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 200))
        self.table.setColumnWidth(5, max(self.table.columnWidth(5), 130))

    def _fill_row(self, row: int, item) -> None:
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
            QTableWidgetItem(self._choice(item.choice, item.status)),
        ]
        cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        color = STATUS_COLORS.get(item.status)
        for col, cell in enumerate(cells):
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if color:
                cell.setBackground(QBrush(QColor(color)))
            self.table.setItem(row, col, cell)

    def _build_choices(self) -> None:
        """The selected row's handling, the per-field picks, its differences, duplicates."""
        # the selected project's handling: one radio button per choice
        self.choice_box = QGroupBox(self.tr("处理"))
        self.choice_layout = QHBoxLayout(self.choice_box)
        self.choice_layout.addStretch(1)  # the buttons side by side, on the left
        self.choice_group = QButtonGroup(self)
        self.choice_group.idClicked.connect(self._choice_clicked)
        self.choice_buttons: list[QRadioButton] = []
        # per field, where both sides changed it: 我的 / 对方的
        self.picks_box = QGroupBox(
            self.tr("双方都修改过的内容：逐项选择（选择后按“合并双方的修改”处理）")
        )
        self.picks_layout = QGridLayout(self.picks_box)
        self.pick_groups: list[QButtonGroup] = []
        self.picks_box.hide()
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText(
            self.tr("选择一行，这里显示对方的版本与我的版本有哪些不同。")
        )
        self.duplicates = QLabel()
        self.duplicates.setWordWrap(True)
        self.duplicates.setStyleSheet("color: #8a4b00")

    def _build_layout(self, plan: MergePlan) -> None:
        """The parts one under another, the file's problems, and the buttons."""
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.choice_box)
        layout.addWidget(self.picks_box)
        label = QLabel(self.tr("不同之处(&D)（〔+…〕加上的文字，〔−…〕删去的文字）："))
        label.setBuddy(self.details)
        layout.addWidget(label)
        layout.addWidget(self.details, 2)
        layout.addWidget(self.duplicates)
        if plan.problems:
            problems = QPlainTextEdit("\n".join(finding_text(p) for p in plan.problems))
            problems.setReadOnly(True)
            problems.setMaximumHeight(90)
            layout.addWidget(QLabel(self.tr("以下内容有错误，不会导入：")))
            layout.addWidget(problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("合并(&M)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # -- the selected row -------------------------------------------------------------
    def current(self):
        rows = self.table.selectionModel().selectedRows()
        return (rows[0].row(), self.items[rows[0].row()]) if rows else (None, None)

    def _show_details(self) -> None:
        _row, item = self.current()
        self._fill_choices(item)
        self._fill_picks(item)
        self._render(item)

    def _render(self, item) -> None:
        """The selected project's differences (again after a pick: the combined version
        changed), leaving the buttons, and the focus, as they are."""
        if item is None:
            self.details.clear()
            return
        lines: list[str] = []
        if item.status == Status.SAME_NAME and item.mine is not None:
            lines.append(
                escape(self.tr("本机也新建了同名项目（同一年度），可以合为一个或两份都保留："))
            )
        if item.status == Status.FORGED:
            lines.append(
                escape(
                    self.tr(
                        "这个文件记录的本机修改次数比本机自己记录的多：版本记录被改动过"
                        "（或本机的数据文件是从较早的备份恢复的）。为安全起见，它不会替换本机的"
                        "版本，只另存为一个新项目供核对。"
                    )
                )
            )
        if item.choice == Choice.BOTH and item.status in (Status.SAME_NAME, Status.CONFLICT):
            lines.append(
                "<b>"
                + escape(
                    self.tr(
                        "两份都保留后，列表中会有两个同名（同一年度）的项目；审核会提示“可能重复”，"
                        "直到删除或改名其中一个。"
                    )
                )
                + "</b>"
            )
        changes = item.change_lines
        if changes:
            lines += [html_line(c) for c in changes]
        elif item.status in (Status.DELETED_THERE, Status.CHANGED_HERE):
            lines.append(escape(self.tr("对方已彻底删除这个项目。")))
        elif item.status in (Status.DELETED_HERE, Status.CHANGED_THERE):
            lines.append(escape(self.tr("本机已彻底删除这个项目。")))
        elif item.status == Status.NEW:
            lines.append(escape(self.tr("本机没有这个项目。")))
        elif item.status == Status.IDENTICAL:
            lines.append(escape(self.tr("内容完全相同。")))
        self.details.setHtml("<br>".join(lines))

    def _fill_choices(self, item) -> None:
        for button in self.choice_buttons:
            self.choice_group.removeButton(button)
            button.setParent(None)  # out of the focus chain now, not at the next event
            button.deleteLater()
        self.choice_buttons = []
        if item is None:
            return
        for n, choice in enumerate(item.choices):
            button = QRadioButton(self._choice(choice, item.status, mnemonic=True))
            button.setChecked(choice == item.choice)
            self.choice_group.addButton(button, n)
            self.choice_layout.insertWidget(n, button)
            button.show()  # now, not at the next event: Tab may come first
            self.choice_buttons.append(button)
        self.choice_box.setEnabled(len(item.choices) > 1)
        self.setTabOrder(self.table, self.choice_buttons[0])

    def _choice_clicked(self, n: int) -> None:
        row, item = self.current()
        if item is None:
            return
        item.choice = item.choices[n]
        self.table.item(row, 5).setText(self._choice(item.choice, item.status))
        self._count_duplicates()
        self._render(item)

    def _fill_picks(self, item) -> None:
        while self.picks_layout.count():
            widget = self.picks_layout.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.pick_groups = []
        combined = item.combined if item is not None else None
        if combined is None or combined.clean:
            self.picks_box.hide()
            return
        previous = self.choice_buttons[-1] if self.choice_buttons else self.table
        for n, conflict in enumerate(combined.conflicts):
            label = QLabel(field_title(conflict.key, item.mine))
            mine = QRadioButton(self.tr("我的"))
            theirs = QRadioButton(self.tr("对方的"))
            group = QButtonGroup(self.picks_box)
            group.addButton(mine, 0)
            group.addButton(theirs, 1)
            (theirs if item.picks.get(conflict.key) == THEIRS else mine).setChecked(True)
            group.idClicked.connect(
                lambda which, key=conflict.key: self._pick(key, THEIRS if which else MINE)
            )
            self.picks_layout.addWidget(label, n, 0)
            self.picks_layout.addWidget(mine, n, 1)
            self.picks_layout.addWidget(theirs, n, 2)
            for widget in (label, mine, theirs):
                widget.show()
            self.pick_groups.append(group)
            self.setTabOrder(previous, mine)
            previous = mine
        self.picks_layout.setColumnStretch(0, 1)
        self.picks_box.show()

    def _pick(self, key: str, side: str) -> None:
        row, item = self.current()
        if item is None:
            return
        item.picks[key] = side
        if item.choice != Choice.COMBINE:  # a pick means: one project, as picked
            item.choice = Choice.COMBINE
            self.table.item(row, 5).setText(self._choice(item.choice, item.status))
            for n, button in enumerate(self.choice_buttons):
                button.setChecked(item.choices[n] == Choice.COMBINE)
            self._count_duplicates()
        self._render(item)

    def _count_duplicates(self) -> None:
        both = [
            i.name
            for i in self.items
            if i.choice == Choice.BOTH and i.status in (Status.SAME_NAME, Status.CONFLICT)
        ]
        self.duplicates.setText(
            self.tr(
                "按当前选择，合并后有 %n 个项目会有同名（同一年度）的两份：{0}。", "", len(both)
            ).format(self.tr("、").join(both[:5]) + ("…" if len(both) > 5 else ""))
            if both
            else ""
        )
        self.duplicates.setVisible(bool(both))

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
            Status.FORGED: self.tr("版本记录可疑"),
        }
        return labels.get(status, STATUS_LABELS[status])

    def _choice(self, choice: Choice, status: Status, mnemonic: bool = False) -> str:
        text = self._choice_text(choice, status)
        if not mnemonic:
            return text
        key = {Choice.COMBINE: "C", Choice.BOTH: "B", Choice.MINE: "K", Choice.THEIRS: "T"}
        return f"{text}(&{key[choice]})"

    def _choice_text(self, choice: Choice, status: Status) -> str:
        if status == Status.NEW:
            return self.tr("导入") if choice == Choice.THEIRS else self.tr("不导入")
        if status == Status.FORGED:
            return self.tr("另存为新项目供核对") if choice == Choice.BOTH else self.tr("不导入")
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
            Choice.COMBINE: self.tr("合并双方的修改"),
        }
        return labels.get(choice, CHOICE_LABELS[choice])

    def keyPressEvent(self, event) -> None:
        """Enter merges wherever the focus is (the list, a choice, a pick), except on the
        cancel button; Esc cancels."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers()
        if enter and self.focusWidget() is not self.cancel:
            self._accept()
            return
        super().keyPressEvent(event)

    def _accept(self) -> None:
        self.accept()


def field_title(key: str, project) -> str:
    """A merge field's name as the form says it (an indicator by its names)."""
    if key.startswith("ind:") and project is not None:
        for i in project.indicators:
            if f"ind:{i.uid}" == key:
                return QCoreApplication.translate("MergeDialog", "指标 {0}").format(
                    indicator_label(i)
                )
        return QCoreApplication.translate("MergeDialog", "指标")
    return finding_text(field_name(key))  # the form's word, in the window's language


INSERTED_STYLE = "background:#d4f7d4;color:#0a5a0a;"
REMOVED_STYLE = "background:#fbd5d5;color:#8a0d0d;text-decoration:line-through;"


def html_line(change) -> str:
    """One line of differences as HTML: inserted text green, removed red and struck
    through, both also marked 〔+…〕/〔−…〕 (read without colour, and by screen readers)."""
    from desktop.domain.diff import INSERTED, REMOVED
    from desktop.ui.audit_text import finding_text as said  # in the window's language

    words = lambda text: QCoreApplication.translate("audit", text)  # noqa: E731
    label = escape(said(change.label)).replace("  ", "&nbsp;&nbsp;")
    if not change.segments:
        return label
    parts = []
    for kind, text in change.segments:
        if kind == INSERTED:
            mark = words("〔+{text}〕").format(text=escape(said(text)))
            parts.append(f'<span style="{INSERTED_STYLE}">{mark}</span>')
        elif kind == REMOVED:
            mark = words("〔−{text}〕").format(text=escape(said(text)))
            parts.append(f'<span style="{REMOVED_STYLE}">{mark}</span>')
        else:
            parts.append(escape(said(text)))
    return words("{label}：{change}").format(label=label, change="".join(parts))


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
                "ExportScope", "没有选中任何项目。要导出全部 %n 个项目吗？", None, total
            ),
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
            "只导出选中的 %n 个项目吗？\n\n选“是”导出选中的 %n 个项目，选“否”导出全部 {0} 个项目。",
            None,
            selected,
        ).format(total),
        buttons,
        QMessageBox.StandardButton.Yes,
    )
    if answer == QMessageBox.StandardButton.Yes:
        return "selected"
    if answer == QMessageBox.StandardButton.No:
        return "all"
    return None
