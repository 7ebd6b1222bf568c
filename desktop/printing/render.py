"""Draw paginated forms on a reportlab canvas: the official 财政项目支出绩效目标申报表."""

from __future__ import annotations

import base64
import io
import json
import os
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from reportlab import rl_config
from reportlab.lib.colors import Color, black
from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFInfo, PDFString
from reportlab.pdfgen.canvas import Canvas

from desktop import APP_NAME, __version__
from desktop.domain.model import Project
from desktop.printing.fonts import FontChain, load_chain
from desktop.printing.layout import (
    COL_X,
    LEADING,
    MARGIN_BOTTOM,
    MARGIN_X,
    PAD_X,
    PAD_Y,
    PAGE_H,
    PAGE_W,
    SIZE,
    TABLE_W,
    TITLE_SIZE,
    YEAR_SIZE,
    Cell,
    FormBuilder,
    Page,
    Row,
    Span,
    label_height,
    paginate,
)

rl_config.useA85 = 0  # binary (compressed) streams: smaller files, faster output

TITLE = "财政项目支出绩效目标申报表"
LINE_WIDTH = 0.6
ASCENT = 0.86  # of the font size, from a line's top to its baseline (CJK faces)
DRAFT_COLOR = Color(0.75, 0.75, 0.75, alpha=0.35)


@dataclass
class SignOff:
    """The block under the table for the signed paper copy."""

    enabled: bool = True
    filled_by: str = ""  # 填报人
    phone: str = ""  # 联系电话


@dataclass
class RenderResult:
    pages: int = 0
    pages_per_project: dict[str, int] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)  # characters printed as □


class _Drawer:
    def __init__(self, canvas: Canvas, chain: FontChain):
        self.c = canvas
        self.chain = chain

    def text_line(
        self, x: float, baseline: float, text: str, size: float, bold: bool = False
    ) -> None:
        if bold:
            self.c.saveState()  # the text render mode outlives the text object
            self.c.setLineWidth(size / 30)
        t = self.c.beginText(x, baseline)
        if bold:
            t.setTextRenderMode(2)  # fill and stroke: a bold face for fonts without one
        for font, run in self.chain.runs(text):
            t.setFont(font, size)
            t.textOut(run)
        self.c.drawText(t)
        if bold:
            self.c.restoreState()

    def centered(self, y_top: float, text: str, size: float, bold: bool = False) -> None:
        width = self.chain.width(text, size)
        self.text_line((PAGE_W - width) / 2, y_top - ASCENT * size, text, size, bold)

    def lines(
        self,
        lines: list[str],
        x0: float,
        x1: float,
        top: float,
        bottom: float,
        align: str,
        size: float = SIZE,
    ) -> None:
        """Draw lines inside a cell, vertically centred (top-aligned when they fill it)."""
        leading = LEADING * size / SIZE
        block = len(lines) * leading
        inner = top - bottom - 2 * PAD_Y
        y = top - PAD_Y - max(0.0, (inner - block) / 2)
        for line in lines:
            baseline = y - (leading - size) / 2 - ASCENT * size
            if align == "left":
                x = x0 + PAD_X
            else:
                width = self.chain.width(line, size)
                x = x1 - PAD_X - width if align == "right" else (x0 + x1 - width) / 2
            if line:
                self.text_line(x, baseline, line, size)
            y -= leading


def _y(page: Page, offset: float) -> float:
    """PDF y of a point ``offset`` below the table's top on this page."""
    return PAGE_H - page.top - offset


def draw_page(
    d: _Drawer,
    page: Page,
    project: Project,
    number: int,
    total: int,
    signoff: SignOff | None,
    draft: bool,
) -> None:
    c = d.c
    if draft:
        c.saveState()
        c.setFillColor(DRAFT_COLOR)
        c.translate(PAGE_W / 2, PAGE_H / 2)
        c.rotate(35)
        d.text_line(-1.1 * 110, -40, "草稿", 110)
        c.restoreState()
    c.setLineWidth(LINE_WIDTH)
    c.setStrokeColor(black)
    c.setFillColor(black)
    if page.first:
        d.centered(PAGE_H - 40, TITLE, TITLE_SIZE, bold=True)
        d.centered(PAGE_H - 40 - TITLE_SIZE - 10, f"（{project.year}年度）", YEAR_SIZE)
    offsets = []
    y = 0.0
    for row in page.rows:
        offsets.append(y)
        y += row.height
    for row, off in zip(page.rows, offsets, strict=True):
        top, bottom = _y(page, off), _y(page, off + row.height)
        for cell in row.cells:
            _draw_cell(d, cell, top, bottom)
    _draw_spans(d, page, offsets)
    if signoff is not None and signoff.enabled and page.signoff:
        _draw_signoff(d, _y(page, y) - 24, signoff)
    d.centered(MARGIN_BOTTOM - 18, f"第 {number} 页 共 {total} 页", 9)


def _draw_cell(d: _Drawer, cell: Cell, top: float, bottom: float) -> None:
    x0, x1 = COL_X[cell.col], COL_X[cell.col + cell.span]
    d.c.rect(x0, bottom, x1 - x0, top - bottom, stroke=1, fill=0)
    d.lines(cell.lines, x0, x1, top, bottom, cell.align, cell.size)


def _draw_spans(d: _Drawer, page: Page, offsets: list[float]) -> None:
    """Merged cells: each run of rows sharing a span key at a column is one cell."""
    runs: list[tuple[Span, int, int]] = []
    open_runs: dict[int, tuple[Span, int]] = {}
    for i, row in enumerate(page.rows):
        present = {s.col: s for s in row.spans}
        for col, (span, start) in list(open_runs.items()):
            if col not in present or present[col].key != span.key:
                runs.append((span, start, i - 1))
                del open_runs[col]
        for col, span in present.items():
            if col not in open_runs:
                open_runs[col] = (span, i)
    for span, start in open_runs.values():
        runs.append((span, start, len(page.rows) - 1))
    for span, start, end in runs:
        top = _y(page, offsets[start])
        bottom = _y(page, offsets[end] + page.rows[end].height)
        x0, x1 = COL_X[span.col], COL_X[span.col + span.span]
        d.c.rect(x0, bottom, x1 - x0, top - bottom, stroke=1, fill=0)
        lines = span.lines
        if span.absurd:  # a label taller than a page share: continue where it left off
            leading = LEADING * span.size / SIZE
            fit = max(1, int((top - bottom - 2 * PAD_Y) // leading))
            consumed = getattr(span, "_consumed", 0)
            lines = span.lines[consumed : consumed + fit]
            span._consumed = consumed + len(lines)  # type: ignore[attr-defined]
        elif label_height(span) > top - bottom + 1e-6:
            lines = lines  # cannot happen: pagination grows the segment to fit
        d.lines(lines, x0, x1, top, bottom, "center", span.size)


def _draw_signoff(d: _Drawer, top: float, s: SignOff) -> None:
    size = 10.5
    blank = "＿＿＿＿＿＿"
    first = (
        f"填报人：{s.filled_by or blank}　　联系电话：{s.phone or blank}"
        "　　填报日期：　　　　年　　月　　日"
    )
    second = "单位负责人（签字）：＿＿＿＿＿＿＿＿　　　　单位（盖章）："
    d.text_line(MARGIN_X, top - ASCENT * size, first, size)
    d.text_line(MARGIN_X, top - ASCENT * size - 26, second, size)


DATA_KEY = "JixiaoProjects"


class _InfoWithData(PDFInfo):
    """The document information dictionary, plus the forms as data (compressed JSON), so
    that importing our own printout gives back exactly the projects that were printed."""

    def __init__(self, base: PDFInfo, data: str):
        super().__init__()
        self.__dict__.update(base.__dict__)
        self.data = data

    def format(self, document):
        d = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            DATA_KEY: PDFString(self.data),
        }
        d["ModDate"] = d["CreationDate"] = PDFDate(
            ts=document._timeStamp, dateFormatter=self._dateFormatter
        )
        return PDFDictionary(d).format(document)


def _embed(canvas: Canvas, projects: list[Project], pages: list[int]) -> None:
    from desktop.domain.codec import project_to_dict

    doc = {
        "format": "jixiao-projects",
        "version": 1,
        "pages": pages,
        "projects": [project_to_dict(p) for p in projects],
    }
    packed = zlib.compress(json.dumps(doc, ensure_ascii=False).encode("utf-8"), 9)
    canvas._doc.info = _InfoWithData(canvas._doc.info, base64.b64encode(packed).decode("ascii"))


def render(
    projects: Iterable[Project],
    target: str | os.PathLike | io.BufferedIOBase,
    *,
    signoff: SignOff | None = None,
    drafts: Iterable[str] = (),
    embed: bool = True,
) -> RenderResult:
    """Write the forms of ``projects`` into one PDF; each form starts on a new page.
    ``embed`` also stores the projects as data in the file (for importing it again)."""
    projects = list(projects)
    chain = load_chain()
    signoff = SignOff() if signoff is None else signoff
    drafts = set(drafts)
    canvas = Canvas(
        target if not isinstance(target, os.PathLike) else os.fspath(target),
        pagesize=(PAGE_W, PAGE_H),
        pageCompression=1,
        initialFontName=chain.primary,  # no unembedded Helvetica in the file
        initialFontSize=SIZE,
    )
    canvas.setCreator(f"{APP_NAME} {__version__}")
    canvas.setTitle(TITLE)
    drawer = _Drawer(canvas, chain)
    builder = FormBuilder(chain)
    result = RenderResult()
    for project in projects:
        rows: list[Row] = builder.rows(project)
        pages = paginate(rows, signoff.enabled)
        for n, page in enumerate(pages, 1):
            draw_page(drawer, page, project, n, len(pages), signoff, project.id in drafts)
            canvas.showPage()
        result.pages_per_project[project.id] = len(pages)
        result.pages += len(pages)
    if result.pages == 0:
        canvas.showPage()  # a valid, empty document
    if embed:
        _embed(canvas, projects, [result.pages_per_project[p.id] for p in projects])
    canvas.save()
    result.missing = set(chain.missing)
    return result


__all__ = ["TABLE_W", "RenderResult", "SignOff", "render"]
