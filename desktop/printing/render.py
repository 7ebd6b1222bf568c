"""Draw paginated forms on a reportlab canvas: the official 财政项目支出绩效目标申报表.

Speed and memory: text is written as PDF operators straight into the page (each distinct
string is encoded once per document), not through reportlab's text objects; each finished
page's content is compressed at once and kept in a temporary file until the document is
written, so memory does not grow with the number of forms (the projects may come from a
generator). Every page says what it belongs to: continuation pages carry a header line
with the project's name, year and page within its form; with several forms, the foot also
counts the pages of the whole batch (a form XObject filled in when the total is known).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from desktop import APP_NAME, __version__
from desktop.domain.model import Project
from desktop.printing import check_stamp, watermark
from desktop.printing.check_stamp import PrintedForm
from desktop.printing.fonts import CACHE_LIMIT, CACHE_MAX_LEN, FontChain, load_chain
from desktop.printing.layout import (
    LEADING,
    MARGIN_BOTTOM,
    MARGIN_X,
    PAD_X,
    PAD_Y,
    PAGE_H,
    PAGE_W,
    SIZE,
    TABLE_W,
    TITLE,
    Cell,
    FormBuilder,
    Page,
    Row,
    Span,
    label_height,
    paginate,
)
from desktop.printing.pdf_stream import _Embedding, _InfoWithData, _StreamingDocument

rl_config.useA85 = 0  # binary (compressed) streams: smaller files, faster output

LINE_WIDTH = 0.6
ASCENT = 0.86  # of the font size, from a line's top to its baseline (CJK faces)
DRAFT_COLOR = Color(0.75, 0.75, 0.75, alpha=0.35)
DRAFT_SIZE = 110.0
FOOT_SIZE = 9.0
HEADER_BASELINE = PAGE_H - 28.0  # continuation pages: project, year, page (in the margin)
BATCH_FORM = "BatchPages"  # form XObject: "共 y 页" of the whole batch


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
    drafts: int = 0  # forms marked 草稿
    forms: list[PrintedForm] = field(default_factory=list)  # with check codes: what each says


def _n(v: float) -> str:
    return f"{v:.2f}"


class _Drawer:
    """Writes text and rules as PDF operators into the canvas's current page."""

    def __init__(self, canvas: Canvas, chain: FontChain):
        self.c = canvas
        self.chain = chain
        self._encoded: dict[tuple[str, float], str] = {}
        self._fonts = {}
        self._glyphs: dict[str, tuple[str, int]] = {}  # character → (font subset, code)

    def _font(self, name: str):
        font = self._fonts.get(name)
        if font is None:
            font = self._fonts[name] = pdfmetrics.getFont(name)
        return font

    def _glyph(self, ch: str) -> tuple[str, int]:
        """The font subset (its name in the page) and code that show ``ch`` (□ for a
        character no font has), assigned by reportlab on first use, then fixed for the
        document."""
        doc = self.c._doc
        ((name, shown),) = self.chain.runs(ch)
        font = self._font(name)
        ((subset, data),) = font.splitString(shown, doc)
        glyph = self._glyphs[ch] = (font.getSubsetInternalName(subset, doc), data[0])
        return glyph

    def encode(self, text: str, size: float, remember: bool = True) -> str:
        """``/F1+0 10 Tf <…> Tj`` for each run of ``text`` in one font subset (short texts:
        once per document); each character's subset and code are looked up (the same as
        reportlab's ``splitString`` of the font's runs, character by character)."""
        key = (text, size)
        ops = self._encoded.get(key)
        if ops is None:
            glyphs = self._glyphs
            parts = []
            name, codes = "", bytearray()
            for ch in text:
                subset, code = glyphs.get(ch) or self._glyph(ch)
                if subset != name:
                    if codes:
                        parts.append(f"{name} {size:.2f} Tf <{codes.hex()}> Tj")
                    name, codes = subset, bytearray()
                codes.append(code)
            if codes:
                parts.append(f"{name} {size:.2f} Tf <{codes.hex()}> Tj")
            ops = " ".join(parts)
            if remember and len(text) <= CACHE_MAX_LEN:
                if len(self._encoded) > CACHE_LIMIT:
                    self._encoded.clear()
                self._encoded[key] = ops
        return ops

    def text_line(
        self,
        x: float,
        baseline: float,
        text: str,
        size: float,
        bold: bool = False,
        remember: bool = True,
    ) -> None:
        """``remember=False``: a text printed once (a page number), not worth keeping."""
        if not text:
            return
        ops = self.encode(text, size, remember)
        if bold:  # fill and stroke: a bold face for fonts without one
            self.c._code.append(
                f"q {size / 30:.2f} w BT 2 Tr 1 0 0 1 {x:.2f} {baseline:.2f} Tm {ops} ET Q"
            )
        else:
            self.c._code.append(f"BT 1 0 0 1 {x:.2f} {baseline:.2f} Tm {ops} ET")

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        self.c._code.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re S")

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
        valign_top: bool = False,
    ) -> None:
        """Draw lines inside a cell, vertically centred (or from its top). The hot path of
        printing: text_line and encode inlined."""
        leading = LEADING * size / SIZE
        y = top - PAD_Y
        if not valign_top:
            y -= max(0.0, (top - bottom - 2 * PAD_Y - len(lines) * leading) / 2)
        drop = (leading - size) / 2 + ASCENT * size
        append = self.c._code.append
        encoded = self._encoded
        width = self.chain.width
        for line in lines:
            if line:
                ops = encoded.get((line, size)) or self.encode(line, size)
                if align == "left":
                    x = x0 + PAD_X
                elif align == "right":
                    x = x1 - PAD_X - width(line, size)
                else:
                    x = (x0 + x1 - width(line, size)) / 2
                append(f"BT 1 0 0 1 {x:.2f} {y - drop:.2f} Tm {ops} ET")
            y -= leading


def _y(page: Page, offset: float) -> float:
    """PDF y of a point ``offset`` below the table's top on this page."""
    return PAGE_H - page.top - offset


def _draft_mark(d: _Drawer) -> None:
    """草稿 across the page as filled outlines: no text, so nothing to copy or extract."""
    c = d.c
    c.saveState()
    c.setFillColor(DRAFT_COLOR)
    c.translate(PAGE_W / 2, PAGE_H / 2)
    c.rotate(35)
    c._code.append(watermark.path_ops(-DRAFT_SIZE, -40, DRAFT_SIZE))
    c.restoreState()


def _continuation_header(d: _Drawer, project: Project, number: int, total: int) -> None:
    """Name, year and page within the form, over the table of pages 2, 3, …"""
    right = f"{project.year}年度　第 {number} 页 共 {total} 页（续）"
    room = TABLE_W - d.chain.width(right, FOOT_SIZE) - 2 * FOOT_SIZE
    name = d.chain.clean(project.name).replace("\n", " ").strip() or "（未命名项目）"
    if d.chain.width(name, FOOT_SIZE) > room:  # a long name: as much as fits, then …
        used = d.chain.width("…", FOOT_SIZE)
        for i, ch in enumerate(name):
            used += d.chain.char_width(ch, FOOT_SIZE)
            if used > room:
                name = name[:i] + "…"
                break
    d.text_line(MARGIN_X, HEADER_BASELINE, name, FOOT_SIZE)
    width = d.chain.width(right, FOOT_SIZE)
    d.text_line(MARGIN_X + TABLE_W - width, HEADER_BASELINE, right, FOOT_SIZE)
    d.c._code.append(
        f"{_n(MARGIN_X)} {_n(HEADER_BASELINE - 4)} m {_n(MARGIN_X + TABLE_W)} "
        f"{_n(HEADER_BASELINE - 4)} l S"
    )


def draw_page(
    d: _Drawer,
    page: Page,
    project: Project,
    number: int,
    total: int,
    signoff: SignOff | None,
    draft: bool,
    batch_page: int = 0,
) -> None:
    """One page; ``batch_page`` > 0 also numbers it within the batch (共 y 页 via a form)."""
    c = d.c
    if draft:
        _draft_mark(d)
    c._code.append(f"{LINE_WIDTH} w 0 G 0 g")
    if not page.first:  # the first page's title and year are rows of the table
        _continuation_header(d, project, number, total)
    offsets = []
    y = 0.0
    for row in page.rows:
        offsets.append(y)
        y += row.height
    x = page.grid.x
    for row, off in zip(page.rows, offsets, strict=True):
        top, bottom = _y(page, off), _y(page, off + row.height)
        for cell in row.cells:
            _draw_cell(d, x, cell, top, bottom)
    _draw_spans(d, page, offsets)
    if signoff is not None and signoff.enabled and page.signoff:
        _draw_signoff(d, _y(page, y) - 24, signoff)
    d.centered(MARGIN_BOTTOM - 18, f"第 {number} 页 共 {total} 页", FOOT_SIZE)
    if batch_page:
        label = f"全部第 {batch_page} 页 "
        base = MARGIN_BOTTOM - 18 - ASCENT * FOOT_SIZE
        left = MARGIN_X + TABLE_W - 112
        d.text_line(left, base, label, FOOT_SIZE, remember=False)
        shift = sum(d.chain.char_width(ch, FOOT_SIZE) for ch in label)
        c._code.append(f"q 1 0 0 1 {_n(left + shift)} {_n(base)} cm")
        c.doForm(BATCH_FORM)
        c._code.append("Q")


def _draw_cell(d: _Drawer, x: tuple[float, ...], cell: Cell, top: float, bottom: float) -> None:
    x0, x1 = x[cell.col], x[cell.col + cell.span]
    d.c._code.append(f"{x0:.2f} {bottom:.2f} {x1 - x0:.2f} {top - bottom:.2f} re S")
    if cell.bold:  # the title row: one bold line, centred
        for i, line in enumerate(cell.lines):
            width = d.chain.width(line, cell.size)
            leading = LEADING * cell.size / SIZE
            base = top - PAD_Y - i * leading - (leading - cell.size) / 2 - ASCENT * cell.size
            d.text_line((x0 + x1 - width) / 2, base, line, cell.size, bold=True)
    elif cell.lines:
        d.lines(cell.lines, x0, x1, top, bottom, cell.align, cell.size, cell.top)


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
    x = page.grid.x
    for span, start, end in runs:
        top = _y(page, offsets[start])
        bottom = _y(page, offsets[end] + page.rows[end].height)
        x0, x1 = x[span.col], x[span.col + span.span]
        d.rect(x0, bottom, x1 - x0, top - bottom)
        lines = span.lines
        if span.absurd:  # a label taller than a page share: continue where it left off
            leading = LEADING * span.size / SIZE
            fit = max(1, int((top - bottom - 2 * PAD_Y) // leading))
            consumed = getattr(span, "_consumed", 0)
            lines = span.lines[consumed : consumed + fit]
            span._consumed = consumed + len(lines)  # type: ignore[attr-defined]
        elif label_height(span) > top - bottom + 1e-6:
            lines = lines  # cannot happen: pagination grows the segment to fit
        d.lines(lines, x0, x1, top, bottom, span.align, span.size)


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


@dataclass
class _About:
    """What the document information says: gathered form by form, bounded in size."""

    first: Project | None = None
    count: int = 0
    years: set[int] = field(default_factory=set)
    units: set[str] = field(default_factory=set)  # up to two: one unit, or several

    def add(self, p: Project) -> None:
        self.first = self.first or p
        self.count += 1
        self.years.add(p.year)
        if len(self.units) < 2:
            self.units |= {p.implementing_unit or p.department} - {""}


def _metadata(canvas: Canvas, about: _About, signoff: SignOff) -> None:
    """Author: who filled it in (sign-off), else the implementing unit when all forms have
    the same; Subject: the project, or how many forms of which years."""
    if signoff.enabled and signoff.filled_by:
        author = signoff.filled_by
    elif len(about.units) == 1:
        author = next(iter(about.units))
    else:
        author = APP_NAME
    if about.count == 1 and about.first is not None:
        p = about.first
        subject = f"{p.year}年度 {p.name or '（未命名项目）'} 绩效目标申报表"
    else:
        years = sorted(about.years)
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(map(str, years))
        subject = f"{span}年度 " if span else ""
        subject += f"{about.count} 份绩效目标申报表"
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setKeywords("绩效目标申报表")


def _lookahead(items: Iterable[Project]) -> Iterator[tuple[Project, bool]]:
    """Each item with whether another follows."""
    it = iter(items)
    try:
        current = next(it)
    except StopIteration:
        return
    for nxt in it:
        yield current, True
        current = nxt
    yield current, False


def _draw_form(
    d: _Drawer,
    pages: list[Page],
    project: Project,
    signoff: SignOff,
    draft: bool,
    form: PrintedForm | None,
    before: int | None,
) -> None:
    """Draw a form's pages; ``before``: the pages of the batch before it (None: no batch)."""
    for n, page in enumerate(pages, 1):
        batch_number = 0 if before is None else before + n
        draw_page(d, page, project, n, len(pages), signoff, draft, batch_number)
        if form is not None:
            d.c._doc.page_tail = check_stamp.draw(d, form, n)
        d.c.showPage()


def _batch_total(d: _Drawer, pages: int) -> None:
    """Fill in the form XObject that each page's foot shows: 共 y 页 of the whole batch."""
    d.c.beginForm(BATCH_FORM, lowerx=0, lowery=-5, upperx=200, uppery=20)
    d.text_line(0, 0, f"共 {pages} 页", FOOT_SIZE)
    d.c.endForm()


def _draft_test(drafts: Iterable[str] | Callable[[Project], bool]) -> Callable[[Project], bool]:
    if callable(drafts):
        return drafts
    draft_ids = set(drafts)

    def is_draft(p: Project) -> bool:
        return p.id in draft_ids

    return is_draft


def _new_canvas(target: str | os.PathLike | io.BufferedIOBase, chain: FontChain) -> Canvas:
    canvas = Canvas(
        target if not isinstance(target, os.PathLike) else os.fspath(target),
        pagesize=(PAGE_W, PAGE_H),
        pageCompression=1,
        initialFontName=chain.primary,  # no unembedded Helvetica in the file
        initialFontSize=SIZE,
    )
    canvas._doc.__class__ = _StreamingDocument
    canvas.setCreator(f"{APP_NAME} {__version__}")
    canvas.setTitle(TITLE)
    return canvas


def render(
    projects: Iterable[Project],
    target: str | os.PathLike | io.BufferedIOBase,
    *,
    signoff: SignOff | None = None,
    drafts: Iterable[str] | Callable[[Project], bool] = (),
    embed: bool = True,
    codes: bool = True,
    printed_at: datetime | None = None,
    on_form: Callable[[Project, PrintedForm], None] | None = None,
    content_hash: Callable[[Project], str] | None = None,
) -> RenderResult:
    """Write the forms of ``projects`` into one PDF; each form starts on a new page.
    ``drafts``: the ids of the forms to mark 草稿, or a test applied to each form.
    ``embed`` also stores the projects as data in the file (for importing it again).
    ``codes`` prints a check code and a QR code in each page's footer (``check_stamp``),
    saying which project, version and page it is and when it was printed (``printed_at``,
    local time; now by default); ``on_form`` is told of each form printed with them (to
    record the print); ``content_hash`` gives a form's content hash when it is known (the
    database keeps it: ``store.paper.stored_hashes``), instead of computing it.
    ``projects`` may be a generator: they are read one at a time."""
    chain = load_chain()
    signoff = SignOff() if signoff is None else signoff
    is_draft = _draft_test(drafts)
    canvas = _new_canvas(target, chain)
    drawer = _Drawer(canvas, chain)
    builder = FormBuilder(chain)
    result = RenderResult()
    embedding = _Embedding() if embed else None
    order: list[int] = []
    about = _About()
    printed_at = printed_at or datetime.now()
    with tempfile.TemporaryFile() as spill:
        canvas._doc.spill = spill
        canvas._doc.shared = {}
        batch = False
        for project, more in _lookahead(projects):
            batch = batch or more
            about.add(project)
            draft = is_draft(project)
            result.drafts += draft
            rows: list[Row] = builder.rows(project)
            pages = paginate(rows, signoff.enabled, builder.grid)
            form = None
            if codes:
                digest = content_hash(project) if content_hash is not None else ""
                form = PrintedForm.of(project, len(pages), printed_at, digest)
            _draw_form(
                drawer, pages, project, signoff, draft, form, result.pages if batch else None
            )
            result.pages += len(pages)
            result.pages_per_project[project.id] = len(pages)
            order.append(len(pages))
            if embedding is not None:
                embedding.add(project)
            if form is not None:
                result.forms.append(form)
                if on_form is not None:
                    on_form(project, form)
        if result.pages == 0:
            canvas.showPage()  # a valid, empty document
        if batch:
            _batch_total(drawer, result.pages)
        _metadata(canvas, about, signoff)
        if embedding is not None:
            canvas._doc.info = _InfoWithData(
                canvas._doc.info, embedding.finish(order, result.forms)
            )
        canvas.save()
    result.missing = set(chain.missing)
    return result


__all__ = ["TABLE_W", "RenderResult", "SignOff", "render"]
