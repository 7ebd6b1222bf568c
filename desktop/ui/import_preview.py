"""Import preview: what was read from a form file, per project, before anything is stored.

One row per project — name, year, units, the amounts with the unit they were read in (元,
万元, or worked out), the indicator count and what needs review — and, for the selected
project, every field with its 需复核 reason. The clerk sees a wrong reading (an amount read in
元 that was meant in 万元, a guessed year) and can cancel before it is saved.
"""

from __future__ import annotations

from dataclasses import astuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Funds, Project
from desktop.domain.money import format_money, format_wan
from desktop.ui.audit_text import note_text, reason_text
from desktop.ui.screen import fit_to_screen
from desktop.ui.widgets import field_text

FLAGGED = QColor("#ffd7d2")  # a field the reader could not fill or only worked out
FIELDS = tuple(Project.FIELD_LABELS)


class ImportPreviewDialog(QDialog):
    """Accept = store the projects as read; reject = store nothing."""

    COLUMNS = 8

    def __init__(self, parent: QWidget | None, source: str, result, to_add: list[Project]):
        super().__init__(parent)
        self.import_result = result
        self.projects = list(to_add)
        self.setWindowTitle(self.tr("导入预览 — {0}").format(source))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary_text(source))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(self.projects), self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("项目名称"),
                self.tr("年度"),
                self.tr("实施单位"),
                self.tr("项目资金总额"),
                self.tr("年度资金申请总额"),
                self.tr("指标"),
                self.tr("需复核"),
                self.tr("资金来源"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for n, p in enumerate(self.projects):
            self._fill_row(n, p)
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([220, 260])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("导入(&I)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(bool(self.projects))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        if self.projects:
            self.table.selectRow(0)
            self._show(0)
        else:
            self.details.setPlainText(self.tr("没有要导入的新项目（文件中的项目都已存在）。"))
        fit_to_screen(self, 980, 560)

    # -- the table ----------------------------------------------------------------------------
    def _summary_text(self, source: str) -> str:
        text = self.tr("从“{0}”读取 %n 个项目，", "", len(self.import_result.projects)).format(
            source
        ) + self.tr("将新增 %n 个。", "", len(self.projects))
        flagged = sum(1 for p in self.projects if p.field_flags or p.review_count)
        if flagged:
            text += self.tr("%n 个项目有需复核的字段或指标（红色底色）。", "", flagged)
        no_funds = [p for p in self.projects if not any(astuple(p.funds))]
        if no_funds:
            text += self.tr("%n 个项目的资金全部为 0 或没有找到。", "", len(no_funds))
        return text + self.tr("请核对后再导入。")

    def _item(self, text: str, reason: str | None = None) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if reason:
            item.setBackground(QBrush(FLAGGED))
            item.setToolTip(self.tr("需复核：{0}").format(reason_text(reason)))
        return item

    def amount_text(self, project: Project, attr: str) -> str:
        """``2,500,000.00 元（250万元）``: the amount, and how it was read."""
        fen = getattr(project.funds, attr)
        source = self.import_result.fund_sources.get(project.id, {}).get(attr, "")
        text = self.tr("{0} 元").format(format_money(fen))
        if source == "万元":
            text += self.tr("（按万元读取：{0}）").format(format_wan(fen))
        elif source == "推算":
            text += self.tr("（推算）")
        elif not source and project.flag(f"funds.{attr}"):
            text += self.tr("（未找到）")
        return text

    def _fill_row(self, n: int, p: Project) -> None:
        sources = set(self.import_result.fund_sources.get(p.id, {}).values())
        cells = [
            self._item(p.name or self.tr("（无名称）"), p.flag("name")),
            self._item(str(p.year), p.flag("year")),
            self._item(p.implementing_unit, p.flag("implementing_unit")),
            self._item(self.amount_text(p, "total"), p.flag("funds.total")),
            self._item(self.amount_text(p, "annual_total"), p.flag("funds.annual_total")),
            self._item(str(len(p.indicators))),
            self._item(
                self._review_text(p),
                self.tr("、").join(field_text(k) for k, _ in p.field_flags) or None,
            ),
            self._item(self.tr("、").join(w for s, w in self._sources() if s in sources) or "—"),
        ]
        for col, item in enumerate(cells):
            if col in (1, 3, 4, 5):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(n, col, item)

    def _review_text(self, p: Project) -> str:
        parts = []
        if p.field_flags:
            parts.append(self.tr("字段 %n 个", "", len(p.field_flags)))
        if p.review_count:
            parts.append(self.tr("指标 %n 条", "", p.review_count))
        return self.tr("，").join(parts) or self.tr("无")

    def _sources(self) -> tuple[tuple[str, str], ...]:
        """How amounts were read (``ImportResult.fund_sources``), in the window's words."""
        return (("万元", self.tr("万元")), ("元", self.tr("元")), ("推算", self.tr("推算")))

    # -- the selected project -----------------------------------------------------------------
    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.projects):
            return
        p = self.projects[row]
        lines = []
        for attr in FIELDS:
            value = getattr(p, attr)
            shown = "" if value is None else str(value)
            if attr.startswith("goal_") and shown:
                shown = shown.replace("\n", " ⏎ ")
            lines.append(self._line(field_text(attr), shown, p.flag(attr)))
        for attr in Funds.FIELD_LABELS:
            amount = self.amount_text(p, attr)
            lines.append(self._line(field_text(f"funds.{attr}"), amount, p.flag(f"funds.{attr}")))
        lines.append(
            self.tr("绩效指标：%n 条，", "", len(p.indicators))
            + self.tr("其中需复核 %n 条", "", p.review_count)
        )
        for ind in p.indicators:
            mark = "⚠ " if ind.needs_review else "  "
            line = mark + self.tr("{0}/{1}/{2}：{3}").format(
                ind.level1, ind.level2, ind.name, ind.value.shown
            )
            if ind.note:
                line += self.tr("  〔{0}〕").format(note_text(ind.note))
            if ind.needs_review:
                line += f"  — {reason_text(ind.review_note)}"
            lines.append(line)
        self.details.setPlainText("\n".join(lines))

    def _line(self, label: str, value: str, reason: str | None) -> str:
        empty = self.tr("（空）")
        line = self.tr("{0}：{1}").format(label, value or empty)
        if reason:
            line = "⚠ " + line + self.tr("  — 需复核：{0}").format(reason_text(reason))
        return line
