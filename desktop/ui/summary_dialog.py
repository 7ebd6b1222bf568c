"""年度汇总: all projects of a year with subtotals; export as PDF or Excel, or print."""

from __future__ import annotations

import io

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QFont
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.money import format_money
from desktop.domain.summary import YearSummary, summarize
from desktop.io.files import atomic_write
from desktop.store import Repository
from desktop.ui.audit_text import error_text
from desktop.ui.paths import app_name, dialog_path, remember_dialog_path
from desktop.ui.screen import fit_to_screen


class SummaryDialog(QDialog):
    def __init__(self, parent: QWidget, repo: Repository, year: int | None = None):
        super().__init__(parent)
        self.repo = repo
        self.setWindowTitle(self.tr("年度汇总"))
        self.year = QComboBox()
        for y in repo.years():
            self.year.addItem(self.tr("{0} 年度").format(y), y)
        if year is not None and self.year.findData(year) >= 0:
            self.year.setCurrentIndex(self.year.findData(year))
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("项目名称"),
                self.tr("项目性质"),
                self.tr("项目类别"),
                self.tr("实施单位"),
                self.tr("项目资金总额"),
                self.tr("年度资金申请总额"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        label = QLabel(self.tr("年度(&Y)："))
        label.setBuddy(self.year)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.year)
        top.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.pdf_button = buttons.addButton(
            self.tr("导出 PDF(&D)…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.xlsx_button = buttons.addButton(
            self.tr("导出 Excel(&X)…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button = buttons.addButton(
            self.tr("打印(&P)…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.rejected.connect(self.reject)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.print_button.clicked.connect(self.print_)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.year.currentIndexChanged.connect(self.fill)
        fit_to_screen(self, 900, 600)
        self.fill()

    def summary(self) -> YearSummary:
        year = self.year.currentData()
        return summarize(year, self.repo.summaries(year=year)) if year else YearSummary(0)

    def fill(self) -> None:
        s = self.summary()
        rows: list[tuple[list[str], bool]] = [
            (
                [
                    x.name,
                    x.nature,
                    x.category,
                    x.unit,
                    format_money(x.total),
                    format_money(x.annual_total),
                ],
                False,
            )
            for x in s.lines
        ]
        for heading, subs in (
            (self.tr("按项目类别小计"), s.by_category),
            (self.tr("按实施单位小计"), s.by_unit),
        ):
            rows.append(([heading, "", "", "", "", ""], True))
            rows += [
                (
                    [
                        self.tr("{0}（%n 个项目）", "", x.count).format(x.key),
                        "",
                        "",
                        "",
                        format_money(x.total),
                        format_money(x.annual_total),
                    ],
                    False,
                )
                for x in subs
            ]
        rows.append(
            (
                [
                    self.tr("合计（%n 个项目）", "", len(s.lines)),
                    "",
                    "",
                    "",
                    format_money(s.total),
                    format_money(s.annual_total),
                ],
                True,
            )
        )
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for r, (cells, strong) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if strong:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def _pdf_bytes(self) -> bytes:
        from desktop.printing.summary_pdf import render_summary

        out = io.BytesIO()
        render_summary(self.summary(), out)
        return out.getvalue()

    def export(self, kind: str) -> None:
        year = self.year.currentData()
        if not year:
            return
        filters = {"pdf": self.tr("PDF 文件 (*.pdf)"), "xlsx": self.tr("Excel 工作簿 (*.xlsx)")}
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出汇总"),
            dialog_path(self.tr("{0}年度项目汇总.{1}").format(year, kind)),
            filters[kind],
        )
        if not path:
            return
        remember_dialog_path(path)
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            if kind == "pdf":
                data = self._pdf_bytes()
                atomic_write(path, lambda fh: fh.write(data))
            else:
                from desktop.io.xlsx_format import export_xlsx

                export_xlsx([], path, summaries=self.repo.summaries(year=year))
        except OSError as exc:
            QMessageBox.critical(self, app_name(), self.tr("无法导出：{0}").format(error_text(exc)))
            return

    def print_(self) -> None:
        from desktop.ui.print_dialog import PRINT_DPI, no_printer, print_document

        if no_printer(self, lambda: self.export("pdf")):
            return
        document = QPdfDocument(self)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self._pdf_bytes()))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            print_document(document, printer)
