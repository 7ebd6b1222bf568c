"""打印预览: the forms as they will print (QPdfView), printing through the system dialog,
and 导出 PDF. The PDF is made by ``desktop.printing``; printing renders its pages at 300 dpi."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
)
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import audit
from desktop.domain.messages import Message
from desktop.domain.model import Project
from desktop.io.files import atomic_write
from desktop.printing import RenderResult, SignOff, render
from desktop.printing.check_stamp import QR_BOTTOM
from desktop.printing.layout import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X
from desktop.ui.audit_text import error_text
from desktop.ui.paths import app_name, dialog_path, remember_dialog_path, safe_file_name, settings
from desktop.ui.screen import fit_to_screen

PRINT_DPI = 300
MIN_PRINT_DPI, MAX_PRINT_DPI = 300, 600


def signoff_from_settings() -> SignOff:
    s = settings()
    return SignOff(
        enabled=s.value("print/signoff", True, type=bool),
        filled_by=s.value("print/filled_by", "", type=str),
        phone=s.value("print/phone", "", type=str),
    )


def codes_from_settings() -> bool:
    """Print the check code and QR code in each page's footer (on unless turned off)."""
    return settings().value("print/codes", True, type=bool)


Recorder = Callable[[list[Project], RenderResult], str | None]


def drafts_of(projects: list[Project]) -> set[str]:
    """Projects with 审核 errors: they print with a 草稿 mark."""
    return {p.id for p in projects if audit.status(audit.check(p)) == audit.STATUS_ERROR}


def confirm_drafts(parent: QWidget, drafts: set[str]) -> bool:
    if not drafts:
        return True
    answer = QMessageBox.question(
        parent,
        app_name(),
        QCoreApplication.translate(
            "PrintDialog",
            "%n 个项目有审核错误，将带“草稿”水印打印。仍要继续吗？",
            None,
            len(drafts),
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def export_pdf(
    parent: QWidget,
    projects: list[Project],
    path: str,
    signoff: SignOff | None = None,
    record: Recorder | None = None,
    codes: bool | None = None,
    content_hash: Callable[[Project], str] | None = None,
) -> bool:
    """Write the forms to ``path`` (atomically); report problems in a dialog. ``record``
    keeps what was printed with check codes (see ``PrintActions.record``)."""
    signoff = signoff or signoff_from_settings()
    codes = codes_from_settings() if codes is None else codes
    drafts = drafts_of(projects)
    try:
        result = atomic_write(
            path,
            lambda fh: render(
                projects,
                fh,
                signoff=signoff,
                drafts=drafts,
                codes=codes,
                content_hash=content_hash,
            ),
        )
    except OSError as exc:  # our own sentence (a file held open) in the window's language
        said = error_text(exc) if isinstance(exc.strerror, Message) else exc.strerror or exc
        QMessageBox.critical(
            parent,
            app_name(),
            QCoreApplication.translate("PrintDialog", "无法保存 PDF：{0}").format(said),
        )
        return False
    if result.missing:
        QMessageBox.warning(
            parent,
            app_name(),
            QCoreApplication.translate("PrintDialog", "字体中没有这些字符，已印为 □：{0}").format(
                "".join(sorted(result.missing))
            ),
        )
    if record is not None:
        problem = record(projects, result)
        if problem:
            QMessageBox.warning(parent, app_name(), problem)
    return True


# The part of a form page that carries ink, in points from the page's edges (left, top,
# right, bottom): the table inside the layout's margins, the page number under it; with
# check codes, the QR code too (from QR_BOTTOM = 12 pt, 4.2 mm: within an ordinary laser
# printer's reach, so only printers with wider dead edges shrink the page for it)
INK_MARGINS_PT = (MARGIN_X, MARGIN_TOP, MARGIN_X, MARGIN_BOTTOM - 24)
INK_WITH_CODES_PT = (MARGIN_X, MARGIN_TOP, MARGIN_X, QR_BOTTOM)


@dataclass(frozen=True)
class Placement:
    """Where a form page goes on the paper, in points from the paper's top-left corner."""

    rect: QRectF
    scale: float  # 1.0 = true size


def place_page(
    paper: QSizeF,
    page: QSizeF,
    physical: tuple[float, float, float, float],
    ink: tuple[float, float, float, float] = INK_MARGINS_PT,
) -> Placement:
    """A form page at true size on the paper (centred if the sizes differ), unless the
    printer's unprintable edges (``physical``: left, top, right, bottom, points) would cut
    into its ink: then shrunk about the paper's centre just enough to fit."""
    x0 = (paper.width() - page.width()) / 2
    y0 = (paper.height() - page.height()) / 2
    cx, cy = paper.width() / 2, paper.height() / 2
    reach = (  # how far the ink reaches from the centre, and the room the printer has there
        (cx - (x0 + ink[0]), cx - physical[0]),
        (cy - (y0 + ink[1]), cy - physical[1]),
        (x0 + page.width() - ink[2] - cx, paper.width() - physical[2] - cx),
        (y0 + page.height() - ink[3] - cy, paper.height() - physical[3] - cy),
    )
    scale = min([1.0, *(room / need for need, room in reach if need > 0)])
    w, h = page.width() * scale, page.height() * scale
    return Placement(QRectF(cx - (cx - x0) * scale, cy - (cy - y0) * scale, w, h), scale)


def printer_placement(
    printer: QPrinter, page_pt: QSizeF, ink: tuple[float, float, float, float] = INK_MARGINS_PT
) -> Placement:
    """Where a page of ``page_pt`` points goes on this printer's paper (its physical margins
    are the layout's minimum margins)."""
    layout = QPageLayout(printer.pageLayout())
    layout.setUnits(QPageLayout.Unit.Point)
    m = layout.minimumMargins()
    physical = (m.left(), m.top(), m.right(), m.bottom())
    return place_page(QSizeF(layout.fullRectPoints().size()), page_pt, physical, ink)


def _gray_page(document: QPdfDocument, index: int, pixels: QSize) -> QImage:
    """One page as an 8-bit grey image on white (a quarter of a colour bitmap's bytes: an
    A4 page at 300 dpi is 8.7 MB instead of 35 MB in the spooler)."""
    rendered = document.render(index, pixels)
    canvas = QImage(pixels, QImage.Format.Format_RGB32)
    canvas.fill(Qt.GlobalColor.white)
    painter = QPainter(canvas)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return canvas.convertToFormat(QImage.Format.Format_Grayscale8)


def print_document(
    document: QPdfDocument,
    printer: QPrinter,
    ink: tuple[float, float, float, float] = INK_MARGINS_PT,
) -> int:
    """Send a PDF's pages to a printer at true size (full-page mode: positions measured from
    the paper's edge, whatever the printer's margins; shrunk only when its unprintable
    edges would cut into the form — see ``printer_placement``), in grey at 300–600 dpi,
    honouring its page range and copies (made here when the driver cannot); returns the
    pages sent."""
    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), min(printer.toPage() or count, count)
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    numbers = list(range(first, last + 1))
    if printer.collateCopies():
        sequence = numbers * copies
    else:
        sequence = [n for n in numbers for _ in range(copies)]
    printer.setFullPage(True)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    device_dpi = printer.resolution()
    dpi = min(max(device_dpi, MIN_PRINT_DPI), MAX_PRINT_DPI)
    try:
        for number in sequence:
            if printed:
                printer.newPage()
            size_pt = document.pagePointSize(number - 1)
            place = printer_placement(printer, size_pt, ink)
            pixels = QSize(
                round(place.rect.width() / 72 * dpi), round(place.rect.height() / 72 * dpi)
            )
            image = _gray_page(document, number - 1, pixels)
            k = device_dpi / 72  # full-page mode: device pixels from the paper's corner
            r = place.rect
            painter.drawImage(QRectF(r.x() * k, r.y() * k, r.width() * k, r.height() * k), image)
            printed += 1
    finally:
        painter.end()
    return printed


def no_printer(parent: QWidget, export=None) -> bool:
    """No printer installed: say so, and offer 导出 PDF instead. True if there is none."""
    if QPrinterInfo.availablePrinterNames():
        return False
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(app_name())
    box.setText(
        QCoreApplication.translate(
            "PrintDialog",
            "这台电脑没有安装打印机，无法打印。\n"
            "可以先导出 PDF，再在有打印机的电脑上打印（按“实际大小”打印）。",
        )
    )
    export_button = box.addButton(
        QCoreApplication.translate("PrintDialog", "导出 PDF(&E)…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is export_button and export is not None:
        export()
    return True


class PrintDialog(QDialog):
    """Preview of the chosen projects, with the sign-off options, print and export."""

    def __init__(
        self,
        parent: QWidget,
        selected: list[Project],
        all_projects,
        record: Recorder | None = None,
        content_hash: Callable[[Project], str] | None = None,
    ):
        super().__init__(parent)
        self.record = record  # keeps what was printed with check codes
        self.content_hash = content_hash  # the hashes the file keeps (``stored_hashes``)
        self.result: RenderResult | None = None
        self.rendered: list[Project] = []
        self.setWindowTitle(self.tr("打印预览"))
        self.selected = selected
        self.all_projects = all_projects  # called only if “all” is chosen
        self.document = QPdfDocument(self)
        self.buffer: QBuffer | None = None
        self.pdf_bytes = b""

        options = self._options()

        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(
            self.tr("打印(&P)…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button = buttons.addButton(
            self.tr("导出 PDF(&E)…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_)
        self.export_button.clicked.connect(self.export)
        self.print_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 1000)  # at 1366×768: the screen height, buttons visible

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        for w in (self.only_selected, self.everything, self.signoff, self.codes):
            w.toggled.connect(self._timer.start)
        for w in (self.filled_by, self.phone):
            w.textChanged.connect(self._timer.start)
        self.refresh()

    def _options(self) -> QHBoxLayout:
        """Which projects, the sign-off (who filled it in, phone) and the check codes."""
        selected = self.selected
        s = signoff_from_settings()
        self.only_selected = QRadioButton(self.tr("选中的 %n 个项目", "", len(selected)))
        self.everything = QRadioButton(self.tr("全部项目"))
        (self.only_selected if selected else self.everything).setChecked(True)
        self.only_selected.setEnabled(bool(selected))
        self.signoff = QCheckBox(self.tr("签字栏(&S)"))
        self.signoff.setChecked(s.enabled)
        self.signoff.setToolTip(self.tr("供签字盖章的纸质件打印签字栏；公开的版本不打印"))
        self.filled_by = QLineEdit(s.filled_by)
        self.filled_by.setPlaceholderText(self.tr("填报人"))
        self.phone = QLineEdit(s.phone)
        self.phone.setPlaceholderText(self.tr("联系电话"))
        self.codes = QCheckBox(self.tr("校验码(&Q)"))
        self.codes.setChecked(codes_from_settings())
        self.codes.setToolTip(
            self.tr(
                "每页页脚印校验码和二维码，可用“文件 › 核对纸质件”核对纸质件与数据是否一致；"
                "不得有其他内容的表可以不印"
            )
        )
        options = QHBoxLayout()
        for w in (self.only_selected, self.everything, self.signoff, self.codes):
            options.addWidget(w)
        options.addWidget(QLabel(self.tr("填报人：")))
        options.addWidget(self.filled_by)
        options.addWidget(QLabel(self.tr("联系电话：")))
        options.addWidget(self.phone)
        options.addStretch(1)
        return options

    def projects(self) -> list[Project]:
        return self.selected if self.only_selected.isChecked() else list(self.all_projects())

    def current_signoff(self) -> SignOff:
        return SignOff(
            self.signoff.isChecked(), self.filled_by.text().strip(), self.phone.text().strip()
        )

    def _remember(self) -> None:
        s = settings()
        so = self.current_signoff()
        s.setValue("print/signoff", so.enabled)
        s.setValue("print/filled_by", so.filled_by)
        s.setValue("print/phone", so.phone)
        s.setValue("print/codes", self.codes.isChecked())

    def refresh(self) -> None:
        """Render the PDF again and show it."""
        self._timer.stop()
        projects = self.projects()
        self.drafts = drafts_of(projects)
        out = io.BytesIO()
        result = render(
            projects,
            out,
            signoff=self.current_signoff(),
            drafts=self.drafts,
            codes=self.codes.isChecked(),
            content_hash=self.content_hash,
        )
        self.result, self.rendered = result, projects
        self.pdf_bytes = out.getvalue()
        self.document.close()
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(self.pdf_bytes))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)
        text = self.tr("%n 个项目，", "", len(projects)) + self.tr("共 %n 页", "", result.pages)
        if self.drafts:
            text += self.tr("；%n 个项目有审核错误，带“草稿”水印", "", len(self.drafts))
        if result.missing:
            text += self.tr("；字体中没有这些字符，已印为 □：{0}").format(
                "".join(sorted(result.missing))
            )
        self.status.setText(text)
        self._remember()

    def print_(self) -> None:
        if self._timer.isActive():
            self.refresh()
        if not confirm_drafts(self, self.drafts):
            return
        if no_printer(self, self.export):
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName(self.tr("财政项目支出绩效目标申报表"))
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ink = INK_WITH_CODES_PT if self.result is not None and self.result.forms else INK_MARGINS_PT
        printed = print_document(self.document, printer, ink)
        if not printed:
            QMessageBox.critical(
                self, app_name(), self.tr("打印机“{0}”无法打印。").format(printer.printerName())
            )
            return
        self._record()
        text = self.tr("已发送 %n 页到打印机（实际大小）", "", printed)
        scale = printer_placement(printer, self.document.pagePointSize(0), ink).scale
        if scale < 0.9995:
            text = self.tr(
                "已发送 %n 页到打印机；打印机的边距放不下整页表格，已缩小到 {0:.1f}%",
                "",
                printed,
            ).format(scale * 100)
        self.status.setText(text)

    def export(self) -> None:
        if not confirm_drafts(self, self.drafts):
            return
        projects = self.projects()
        name = projects[0].name if len(projects) == 1 else self.tr("申报表")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出 PDF"),
            dialog_path(f"{safe_file_name(name)}.pdf"),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if not path:
            return
        remember_dialog_path(path)
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        if export_pdf(
            self,
            self.projects(),
            path,
            self.current_signoff(),
            self.record,
            self.codes.isChecked(),
            self.content_hash,
        ):
            self.status.setText(self.tr("已导出到 {0}").format(path))

    def _record(self) -> None:
        """Keep the printed versions (what the pages' codes name) for 核对纸质件."""
        if self.record is None or self.result is None:
            return
        problem = self.record(self.rendered, self.result)
        if problem:
            QMessageBox.warning(self, app_name(), problem)
