"""Excel workbooks (openpyxl): one sheet per form in the official layout, plus a 汇总 sheet.

Export: merged cells, borders, column widths, A4 portrait fitted to the page width; every
indicator value is text (``=85.00(%)`` never becomes a formula); amounts are numbers with
thousands separators; dates are Excel dates. A hidden sheet keeps what the layout does not
show (ids, versions, review notes) so that our own workbooks come back exactly.

Import: each visible sheet is read as rows of cells by the same label-driven parser as the
published text, so hand-made sheets of this layout work too (merged-cell variations, blank
rows, numbers stored as numbers or text, dates as dates or text). What the parser doubts is
reported with its cell (``Sheet!B7``). For our own workbooks, the hidden data supplies the
bookkeeping; where the visible sheet was edited, the sheet wins and the report says so.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain import limits
from desktop.domain.codec import CodecError, clean_text, project_from_dict, project_to_dict
from desktop.domain.model import (
    Project,
    ProjectSummary,
    carry_indicator_ids,
    goal_header_text,
)
from desktop.domain.money import fen_to_decimal
from desktop.domain.summary import summarize
from desktop.domain.taxonomy import group_indicators, taxonomy
from desktop.io.published_text import parse_records
from desktop.io.records import Record
from desktop.io.report import INFO, REVIEW, ImportFormatError, ImportResult
from desktop.store.safefile import atomic_write

DATA_SHEET = "_jixiao"
SUMMARY_SHEET = "汇总"
TITLE = "财政项目支出绩效目标申报表"
WIDTHS = (6.5, 10, 12, 10, 13.5, 10, 15.5, 15.5)  # characters; the PDF's column plan
MONEY_FORMAT = "#,##0.00"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
FONT = Font(name="宋体", size=10.5)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(name: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("_", name).strip("'") or "项目"
    base = base[:28]
    title, n = base, 2
    while title in taken or title in (SUMMARY_SHEET, DATA_SHEET):
        title = f"{base[:26]}-{n}"
        n += 1
    taken.add(title)
    return title


# Dates stay Excel dates, shown in the form's own style (as printed; see format_date).
DATE_FORMATS = {
    "": "yyyy-mm-dd",
    "iso": "yyyy-mm-dd",
    "slash": "yyyy/m/d",
    "dot": "yyyy.m.d",
    "cn": 'yyyy"年"m"月"d"日"',
    "compact": "yyyymmdd",
}


def _styles() -> list[NamedStyle]:
    """Every cell format of the export, as named styles registered once per workbook: a
    cell refers to one by name instead of carrying its own font, border and alignment."""
    bold = Font(name="宋体", bold=True)
    plain = DEFAULT_FONT  # a cell without a font of its own
    styles = [
        NamedStyle("jx_box", font=FONT, border=BORDER),  # a covered cell of a merged box
        NamedStyle("jx_left", font=FONT, border=BORDER, alignment=LEFT),
        NamedStyle("jx_center", font=FONT, border=BORDER, alignment=CENTER),
        NamedStyle(
            "jx_money", font=FONT, border=BORDER, alignment=RIGHT, number_format=MONEY_FORMAT
        ),
        NamedStyle("jx_title", font=Font(name="宋体", size=18, bold=True), alignment=CENTER),
        NamedStyle("jx_year", font=Font(name="宋体", size=12), alignment=CENTER),
        NamedStyle("jx_sum_title", font=Font(name="宋体", size=14, bold=True)),
        NamedStyle("jx_sum_head", font=bold, border=BORDER, alignment=CENTER),
        NamedStyle("jx_sum_cell", font=FONT, border=BORDER),
        NamedStyle("jx_sum_money", font=plain, border=BORDER, number_format=MONEY_FORMAT),
        NamedStyle("jx_bold", font=bold),
        NamedStyle("jx_plain_money", font=plain, number_format=MONEY_FORMAT),
        NamedStyle("jx_bold_money", font=bold, number_format=MONEY_FORMAT),
    ]
    for key, fmt in DATE_FORMATS.items():
        styles.append(
            NamedStyle(
                _date_style(key),
                font=FONT,
                border=BORDER,
                alignment=CENTER,
                number_format=fmt,
            )
        )
    return styles


def _date_style(key: str) -> str:
    return f"jx_date_{key or 'default'}"


class _Grid:
    """One sheet's cells, merged ranges and row heights, gathered before the sheet is
    streamed: a write-only sheet takes its rows in order, each cell once, and its merged
    ranges are set once, as ranges (never cell by cell)."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], tuple] = {}  # (row, col) → (value, style, text)
        self.merges: list[str] = []
        self.heights: dict[int, float] = {}

    def put(self, row: int, col: int, value=None, style: str | None = None, text=False) -> None:
        if value is None and style is None:
            return
        self.cells[(row, col)] = (value, style, text)

    def write(self, ws, widths: tuple[float, ...] = ()) -> None:
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        for row, height in self.heights.items():
            ws.row_dimensions[row].height = height
        # Set once, as text: adding ranges one by one checks each against all before it,
        # and the writer parses each range again anyway (openpyxl < 3.2).
        ws.merged_cells = MultiCellRange()
        ws.merged_cells.ranges = set(self.merges)
        last = max((r for r, _ in self.cells), default=0)
        rows: list[list] = [[] for _ in range(last)]
        for (r, c), cell in sorted(self.cells.items()):
            line = rows[r - 1]
            line.extend([None] * (c - 1 - len(line)))
            line.append(cell)
        for line in rows:
            ws.append([None if cell is None else _cell(ws, *cell) for cell in line])


def _cell(ws, value, style: str | None, text: bool) -> Cell:
    cell = Cell(ws, row=1, column=1, value=value, style_array=_style_array(ws, style))
    if text:
        cell.data_type = "s"  # text, even when it starts with "="
    return cell


def _style_array(ws, name: str | None):
    """The cell format of a named style, worked out once per workbook: naming the style
    on each cell looks it up among all of them every time (a tenth of the export)."""
    if name is None:
        return None
    known = ws.parent.__dict__.setdefault("_jx_style_arrays", {})
    if name not in known:
        probe = WriteOnlyCell(ws)
        probe.style = name
        known[name] = probe._style  # openpyxl's cell format (pinned below 3.2)
    return known[name]


def _goal_header(p: Project) -> str:
    """As on the printed form (printing.layout.goal_header): as the form writes it."""
    return goal_header_text(p)


def _box(
    g: _Grid,
    first: str,
    last: str | None = None,
    value=None,
    align: str = "jx_left",
    money: bool = False,
    date_style: str = "",
) -> None:
    """One (merged) bordered cell."""
    col0, row0, col1, row1 = range_boundaries(f"{first}:{last or first}")
    if (col0, row0) != (col1, row1):
        g.merges.append(f"{first}:{last}")
    for r in range(row0, row1 + 1):
        for c in range(col0, col1 + 1):
            g.put(r, c, style="jx_box")
    if money:
        g.put(row0, col0, float(fen_to_decimal(value)), "jx_money")
    elif isinstance(value, date):
        style = date_style if date_style in DATE_FORMATS else ""
        g.put(row0, col0, datetime(value.year, value.month, value.day), _date_style(style))
    else:
        # cleaned: a control character stored earlier makes Excel refuse the file
        g.put(row0, col0, clean_text("" if value is None else str(value)), align, True)


def _form_sheet(p: Project) -> _Grid:
    g = _Grid()
    g.merges += ["A1:H1", "A2:H2"]
    g.put(1, 1, clean_text(TITLE), "jx_title", True)
    g.heights[1] = 30
    g.put(2, 1, clean_text(f"（{p.year}年度）"), "jx_year", True)
    r = 3
    _box(g, f"A{r}", f"B{r}", "项目名称", "jx_center")
    _box(g, f"C{r}", f"D{r}", p.name)
    _box(g, f"E{r}", None, "项目性质", "jx_center")
    _box(g, f"F{r}", None, p.nature, "jx_center")
    _box(g, f"G{r}", None, "项目类别", "jx_center")
    _box(g, f"H{r}", None, p.category, "jx_center")
    r += 1
    _box(g, f"A{r}", f"B{r}", "主管部门", "jx_center")
    _box(g, f"C{r}", f"D{r}", p.department)
    _box(g, f"E{r}", None, "实施单位", "jx_center")
    _box(g, f"F{r}", f"H{r}", p.implementing_unit)
    r += 1
    _box(g, f"A{r}", f"B{r}", "计划开始日期", "jx_center")
    _box(g, f"C{r}", f"D{r}", p.start_date, "jx_center", date_style=p.date_style)
    _box(g, f"E{r}", None, "计划完成日期", "jx_center")
    _box(g, f"F{r}", f"H{r}", p.end_date, "jx_center", date_style=p.date_style)
    r += 1
    f = p.funds
    _box(g, f"A{r}", f"B{r + 3}", "项目资金（元）", "jx_center")
    for left, left_amount, right, right_amount in (
        ("项目资金总额", f.total, "年度资金申请总额", f.annual_total),
        ("其中：财政资金", f.fiscal, "其中：当年财政拨款", f.annual_appropriation),
        ("", None, "上年结转资金", f.annual_carryover),
        ("其他资金", f.other, "其他资金", f.annual_other),
    ):
        _box(g, f"C{r}", f"D{r}", left, "jx_center")
        if left_amount is None:
            _box(g, f"E{r}", None, "", "jx_center")
        else:
            _box(g, f"E{r}", None, left_amount, money=True)
        _box(g, f"F{r}", f"G{r}", right, "jx_center")
        _box(g, f"H{r}", None, right_amount, money=True)
        r += 1
    _box(g, f"A{r}", f"A{r + 1}", "项目绩效目标", "jx_center")
    _box(g, f"B{r}", f"E{r}", _goal_header(p), "jx_center")
    _box(g, f"F{r}", f"H{r}", "年度总体目标", "jx_center")
    r += 1
    _box(g, f"B{r}", f"E{r}", p.goal_overall)
    _box(g, f"F{r}", f"H{r}", p.goal_annual)
    lines = max(len(p.goal_overall) / 24, len(p.goal_annual) / 19, 1)
    g.heights[r] = min(409, 15 * (int(lines) + 1) + 4)
    r += 1
    _indicator_rows(g, p, r)
    return g


def _indicator_rows(g: _Grid, p: Project, r: int) -> None:
    """The 绩效指标 part from row ``r``: 一级 and 二级 merged over their rows."""
    order = taxonomy().profile_of(p).level1_names
    groups = group_indicators(p.indicators, order)
    rows = sum(len(inds) for _, subs in groups for _, inds in subs)
    _box(g, f"A{r}", f"A{r + max(rows, 1)}", "绩效指标", "jx_center")
    _box(g, f"B{r}", None, "一级指标", "jx_center")
    _box(g, f"C{r}", None, "二级指标", "jx_center")
    _box(g, f"D{r}", f"F{r}", "三级指标", "jx_center")
    _box(g, f"G{r}", f"H{r}", "年度(/项目)指标值", "jx_center")
    r += 1
    if not rows:
        for first, last in (("B", None), ("C", None), ("D", "F"), ("G", "H")):
            _box(g, f"{first}{r}", f"{last}{r}" if last else None, "")
        r += 1
    for l1, subs in groups:
        l1_rows = sum(len(inds) for _, inds in subs)
        _box(g, f"B{r}", f"B{r + l1_rows - 1}", l1, "jx_center")
        for l2, inds in subs:
            _box(g, f"C{r}", f"C{r + len(inds) - 1}", l2, "jx_center")
            for ind in inds:
                _box(g, f"D{r}", f"F{r}", ind.name)
                _box(g, f"G{r}", f"H{r}", ind.value.shown, "jx_center")
                label_lines = max(
                    len(l2) / 6, len(l1) / 5 if l1_rows == 1 else 0, len(ind.name) / 18
                )
                if (len(inds) == 1 and label_lines > 1) or len(ind.name) > 18:
                    g.heights[r] = 15 * (int(label_lines) + 1) + 2
                r += 1


def _page_setup(ws, portrait: bool = True) -> None:
    """A4, fitted to the page width (set before the first row: a streamed sheet writes
    its properties first)."""
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    if portrait:
        ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if portrait:
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5


def _summary_sheet(summaries: Iterable[ProjectSummary | Project]) -> _Grid:
    summaries = list(summaries)
    g = _Grid()
    years = sorted({s.year for s in summaries}, reverse=True)
    headers = ("项目名称", "项目性质", "项目类别", "实施单位", "项目资金总额", "年度资金申请总额")
    r = 1
    for year in years:
        s = summarize(year, summaries)
        g.merges.append(f"A{r}:F{r}")
        g.put(r, 1, clean_text(f"{year}年度项目汇总"), "jx_sum_title", True)
        r += 1
        for col, h in enumerate(headers, 1):
            g.put(r, col, h, "jx_sum_head")
        r += 1
        for line in s.lines:
            values = (line.name, line.nature, line.category, line.unit)
            for col, v in enumerate(values, 1):
                g.put(r, col, clean_text(v), "jx_sum_cell", True)
            for col, v in ((5, line.total), (6, line.annual_total)):
                g.put(r, col, float(fen_to_decimal(v)), "jx_sum_money")
            r += 1
        for title, subtotals in (("按项目类别小计", s.by_category), ("按实施单位小计", s.by_unit)):
            g.put(r, 1, clean_text(title), "jx_bold", True)
            r += 1
            for sub in subtotals:  # the key is a 项目类别 or 实施单位 as typed: text
                g.put(r, 1, clean_text(f"{sub.key}（{sub.count} 个项目）"), None, True)
                for col, v in ((5, sub.total), (6, sub.annual_total)):
                    g.put(r, col, float(fen_to_decimal(v)), "jx_plain_money")
                r += 1
        g.put(r, 1, f"合计（{len(s.lines)} 个项目）", "jx_bold")
        for col, v in ((5, s.total), (6, s.annual_total)):
            g.put(r, col, float(fen_to_decimal(v)), "jx_bold_money")
        r += 2
    return g


def export_xlsx(
    projects: Iterable[Project],
    target: str | os.PathLike,
    summaries: Iterable[ProjectSummary] | None = None,
) -> None:
    """Write the workbook atomically: 汇总, one sheet per form, and the hidden data sheet.

    ``summaries``: what the 汇总 sheet covers (default: the exported projects). The workbook
    is streamed (openpyxl's write-only mode): each form's sheet goes to a temporary file
    as soon as it is laid out, so memory does not grow with the number of projects when
    ``projects`` is a generator and ``summaries`` is given."""
    if summaries is None:
        projects = list(projects)
        summaries = projects
    wb = Workbook(write_only=True)
    for style in _styles():
        wb.add_named_style(style)
    summary_ws = wb.create_sheet(SUMMARY_SHEET)
    _page_setup(summary_ws, portrait=False)
    _summary_sheet(summaries).write(summary_ws, (30, 12, 12, 26, 16, 16))
    summary_ws.close()
    data = wb.create_sheet(DATA_SHEET)
    data.sheet_state = "hidden"
    data.append([_cell(data, "jixiao-projects", None, True), _cell(data, "1", None, True)])
    taken: set[str] = set()
    for p in projects:
        ws = wb.create_sheet(_sheet_title(p.name, taken))
        _page_setup(ws)
        ws.print_title_rows = None
        _form_sheet(p).write(ws, WIDTHS)
        _close(ws)
        record = json.dumps(project_to_dict(p), ensure_ascii=False)
        data.append(
            [
                _cell(data, clean_text(ws.title), None, True),
                _cell(data, clean_text(record), None, True),
            ]
        )
    wb.move_sheet(DATA_SHEET, offset=len(wb.sheetnames))
    try:
        atomic_write(target, lambda fh: _save(wb, fh))
    finally:  # a target that cannot be written: the streamed sheets still open are ended
        for ws in wb.worksheets:  # here, not by the collector (``Exception ignored …``)
            if not ws.closed:
                with contextlib.suppress(Exception):
                    ws.close()


def _save(wb: Workbook, fh) -> None:
    """``wb.save`` into an open file, with the zip closed on every path: openpyxl leaves its
    ZipFile open when a write fails (a full disk), and its finaliser then complains on
    stderr (``Exception ignored … seek of closed file``) after the file is gone."""
    from openpyxl.writer.excel import ExcelWriter

    with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        try:
            ExcelWriter(wb, archive).write_data()
        except BaseException:
            archive.fp = None  # nothing more is written: the temporary file is removed
            raise


def _close(ws) -> None:
    """Finish a streamed sheet now (its rows are in its temporary file) and drop what it
    no longer needs, so that thousands of sheets keep neither files open nor memory."""
    ws.close()
    ws.merged_cells = MultiCellRange()
    ws.row_dimensions.clear()
    ws.column_dimensions.clear()


# -- import -------------------------------------------------------------------------------------


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return str(value).strip()


class _Budget:
    """Cells left to read in one workbook (``limits.MAX_CELLS``)."""

    def __init__(self, name: str):
        self.name = name
        self.cells = limits.MAX_CELLS

    def spend(self, n: int) -> None:
        self.cells -= n
        if self.cells < 0:
            raise limits.refusal(self.name, "的单元格太多", f"{limits.MAX_CELLS:,} 个")


def _rows(ws, budget: _Budget):
    """(row number, cell values) of a read-only sheet, as stored: missing rows are not
    made up, rows are cut at ``limits.MAX_SHEET_COLUMNS``, every cell counts against the
    budget (a cell at XFD1048576 is one cell, not a grid of 17 billion)."""
    from openpyxl.worksheet._reader import WorkSheetParser

    wb = ws.parent
    with ws._get_source() as src:
        parser = WorkSheetParser(
            src,
            ws._shared_strings,
            data_only=wb.data_only,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        for count, (number, cells) in enumerate(parser.parse(), 1):
            budget.spend(len(cells) + 1)
            if count > limits.MAX_SHEET_ROWS:
                raise limits.refusal(
                    budget.name, f"的工作表“{ws.title}”行数太多", f"{limits.MAX_SHEET_ROWS:,} 行"
                )
            values: dict[int, object] = {}
            for cell in cells:
                column = cell.get("column") or 0
                if 1 <= column <= limits.MAX_SHEET_COLUMNS and cell.get("value") is not None:
                    values[column] = cell["value"]
            if values:
                width = max(values)
                yield number, tuple(values.get(c) for c in range(1, width + 1))


def _records(ws, budget: _Budget) -> list[Record]:
    out = []
    for number, row in _rows(ws, budget):
        cells = tuple(_cell_text(v) for v in row)
        if any(cells):
            raw = "\t".join(cells)
            out.append(Record(number, cells, raw))
    return out


# Counted in the zip's parts before openpyxl parses them (it builds every shared string,
# every style and every sheet's object up front, whatever the cells use). Each tag is
# counted in every part but the worksheets, so a part placed where we do not look counts too.
MAX_SHARED_STRINGS = 200_000  # no readable workbook uses more than its MAX_CELLS cells
MAX_STYLES = 20_000  # cell formats, fonts, fills, borders (Excel's own limit: 64,000)
MAX_SHEETS = 2_000  # a form a sheet; MAX_CELLS is about 1,300 forms
_COUNTED = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(si|sheet|xf|font|fill|border|numFmt|dxf)[\s/>]")
_KIND = {
    b"si": "shared",
    b"sheet": "sheets",
    b"xf": "styles",
    b"font": "styles",
    b"fill": "styles",
    b"border": "styles",
    b"numFmt": "styles",
    b"dxf": "styles",
}


def _count_parts(z: zipfile.ZipFile, name: str) -> None:
    """Shared strings, styles and sheets, counted by streaming the unpacked parts (the
    counts the parts declare may lie); ``LimitError`` as soon as one is over its limit."""
    limit = {"shared": MAX_SHARED_STRINGS, "styles": MAX_STYLES, "sheets": MAX_SHEETS}
    what = {
        "shared": ("的共享字符串太多", f"{MAX_SHARED_STRINGS:,} 个"),
        "styles": ("的单元格样式太多", f"{MAX_STYLES:,} 个"),
        "sheets": ("的工作表太多", f"{MAX_SHEETS:,} 个"),
    }
    counts = dict.fromkeys(limit, 0)
    for info in z.infolist():
        lower = info.filename.lower()
        if lower.startswith("xl/worksheets/") or not lower.endswith((".xml", ".rels")):
            continue
        tail = b""
        with z.open(info) as fh:
            while chunk := fh.read(1 << 20):
                data = tail + chunk
                # a tag cut by the chunk's end is counted in the next round
                cut = max(0, data.rfind(b"<", max(0, len(data) - 64)))
                head, tail = (data[:cut], data[cut:]) if cut else (data, b"")
                for m in _COUNTED.finditer(head):
                    kind = _KIND[m.group(1)]
                    counts[kind] += 1
                    if counts[kind] > limit[kind]:
                        raise limits.refusal(name, *what[kind])
            for m in _COUNTED.finditer(tail + b" "):
                counts[_KIND[m.group(1)]] += 1
        for kind, n in counts.items():
            if n > limit[kind]:
                raise limits.refusal(name, *what[kind])


def _check_zip(path: Path) -> None:
    """Refuse a workbook whose parts unpack to too much, before anything is unpacked, then
    one whose parts hold too many shared strings, styles or sheets, before they are parsed."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        if len(infos) > limits.MAX_XLSX_MEMBERS:
            raise limits.refusal(path.name, "的部件太多", f"{limits.MAX_XLSX_MEMBERS:,} 个")
        total = 0
        for info in infos:
            total += info.file_size
            if info.filename.startswith("xl/worksheets/") and (
                info.file_size > limits.MAX_SHEET_XML
            ):
                raise limits.refusal(
                    path.name, "中有一个工作表解压后太大", f"{limits.MAX_SHEET_XML // limits.MB} MB"
                )
        if total > limits.MAX_XLSX_INFLATED:
            raise limits.refusal(
                path.name, "解压后太大", f"{limits.MAX_XLSX_INFLATED // limits.MB} MB"
            )
        _count_parts(z, path.name)


def load_xlsx(path: str | os.PathLike) -> ImportResult:
    """Read every form sheet of a workbook. Raises ImportFormatError for a file that is
    not a readable workbook or holds no form."""
    path = Path(path)
    try:
        _check_zip(path)
        wb = load_workbook(path, data_only=True, read_only=True)
    except limits.LimitError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        reason = " ".join(str(exc).split())[:200]
        raise ImportFormatError(f"“{path.name}”不是可以读取的 Excel 工作簿（{reason}）") from exc
    except Exception as exc:  # broken XML, bad references: never a traceback
        raise ImportFormatError(
            f"“{path.name}”不是可以读取的 Excel 工作簿（{type(exc).__name__}）"
        ) from exc
    try:
        return _read_workbook(wb, path, _Budget(path.name))
    except (limits.LimitError, ImportFormatError):
        raise
    except Exception as exc:  # damaged parts found while streaming
        raise ImportFormatError(f"“{path.name}”已损坏，无法读取（{type(exc).__name__}）") from exc
    finally:
        wb.close()


def _read_workbook(wb, path: Path, budget: _Budget) -> ImportResult:
    hidden = _hidden_data(wb, budget)
    result = ImportResult()
    for ws in wb.worksheets:
        if ws.title in (DATA_SHEET, SUMMARY_SHEET) or ws.sheet_state != "visible":
            continue
        records = _records(ws, budget)
        if not records:
            continue
        sheet = parse_records(
            records,
            source_name=path.name,
            cell_ref=lambda line, col, t=ws.title: (
                f"{t}!{get_column_letter(col + 1)}{line}" if col is not None else f"{t}!{line}"
            ),
        )
        restored = [_with_hidden(p, hidden.get(ws.title), ws.title, result) for p in sheet.projects]
        for before, after in zip(sheet.projects, restored, strict=True):
            if before.id in sheet.fund_sources:
                result.fund_sources[after.id] = sheet.fund_sources[before.id]
        exact = (
            hidden.get(ws.title) is not None
            and len(restored) == 1
            and restored[0] == _stored(hidden.get(ws.title))
        )
        if exact:  # our own sheet, unchanged: its review marks are the stored ones
            for ind in restored[0].indicators:
                if ind.needs_review:
                    result.add(
                        REVIEW,
                        f"{ind.level1}/{ind.level2}/{ind.name}：{ind.review_note}",
                        ind.source_line,
                        restored[0].name,
                    )
        else:
            result.items.extend(sheet.items)
        result.projects.extend(restored)
    if not result.projects:
        raise ImportFormatError(f"“{path.name}”中没有找到财政项目支出绩效目标申报表")
    return result


def _hidden_data(wb, budget: _Budget) -> dict[str, dict]:
    if DATA_SHEET not in wb.sheetnames:
        return {}
    ws = wb[DATA_SHEET]
    out = {}
    for number, row in _rows(ws, budget):
        if number >= 2 and len(row) >= 2 and isinstance(row[0], str) and isinstance(row[1], str):
            try:
                out[row[0]] = limits.load_json(row[1], budget.name)
            except ValueError:  # over a limit, or not JSON: the visible sheet is read alone
                continue
    return out


def _stored(data: dict | None) -> Project | None:
    try:
        return project_from_dict(data) if data is not None else None
    except CodecError:
        return None


def _with_hidden(visible: Project, data: dict | None, sheet: str, result: ImportResult) -> Project:
    """Our own workbook: restore what the sheet does not show."""
    if data is None:
        return visible
    try:
        stored = project_from_dict(data)
    except CodecError:
        return visible

    def rows(indicators):
        return [(i.level1, i.level2, i.name, i.value.shown) for i in indicators]

    order = taxonomy().profile_of(stored).level1_names
    as_exported = [
        i for _, subs in group_indicators(stored.indicators, order) for _, g in subs for i in g
    ]
    same_indicators = rows(visible.indicators) in (rows(stored.indicators), rows(as_exported))
    shown = (
        visible.with_changes(profile=stored.profile, indicators=stored.indicators)
        if same_indicators
        # rows edited in the sheet: those still of the same names keep their ids
        else visible.with_changes(
            indicators=carry_indicator_ids(visible.indicators, stored.indicators)
        )
    )
    shown = _with_stored_flags(shown, stored)
    if shown.content() == stored.content():
        return stored
    result.add(INFO, f"工作表“{sheet}”在导出后被修改过，按表格中的内容导入", project=visible.name)
    return shown.with_changes(
        id=stored.id,
        created_at=stored.created_at,
        revision=stored.revision,
        versions=stored.versions,
        field_versions=stored.field_versions,
    )


def _field_value(p: Project, key: str):
    return getattr(p.funds, key[6:], None) if key.startswith("funds.") else getattr(p, key, None)


def _with_stored_flags(visible: Project, stored: Project) -> Project:
    """Flags (需复核) and the date style of our own workbook's project, for the fields the
    sheet still shows as they were; a field changed in the sheet keeps the sheet's reading."""
    flags = {
        k: r for k, r in stored.field_flags if _field_value(visible, k) == _field_value(stored, k)
    }
    for k, r in visible.field_flags:
        if _field_value(visible, k) != _field_value(stored, k):
            flags.setdefault(k, r)
    same_dates = (visible.start_date, visible.end_date) == (stored.start_date, stored.end_date)
    # the sheet holds amounts as numbers: how the form wrote them is the stored record's,
    # for the amounts the sheet still shows as they were
    written = tuple(
        (k, t)
        for k, t in stored.funds_written
        if getattr(visible.funds, k) == getattr(stored.funds, k)
    )
    return visible.with_changes(
        field_flags=tuple(sorted(flags.items())),
        date_style=stored.date_style if same_dates else visible.date_style,
        funds_written=written,
    )
