"""Excel workbooks (openpyxl): one sheet per form in the official layout, plus a 汇总 sheet.

Export: merged cells, borders, column widths, A4 portrait fitted to the page width; every
indicator value is text (``=85.00(%)`` never becomes a formula); amounts are numbers with
thousands separators; dates are Excel dates. A hidden sheet keeps what the layout does not
show (ids, versions, review notes) so that our own workbooks come back exactly.

Import: ``xlsx_read``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import zipfile
from collections.abc import Iterable
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.codec import clean_text, project_to_dict
from desktop.domain.model import (
    Project,
    ProjectSummary,
    goal_header_text,
)
from desktop.domain.money import fen_to_decimal
from desktop.domain.summary import summarize
from desktop.domain.taxonomy import group_indicators, taxonomy
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
# Excel's forbidden characters, and control characters (a tab or CR would not survive the
# XML attribute that holds the title: the hidden data sheet could not find its form)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")


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
        if isinstance(value, str) and "\r" in value:
            # a cell's line break is LF (as Excel writes it); a CR in the sheet's XML came
            # back as an extra line break on Windows. The exact text is in the stored copy.
            value = value.replace("\r\n", "\n").replace("\r", "\n")
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


# Where ``_form_sheet`` writes each field: (row, column); the year is in the 年度 line.
FIELD_CELLS = {
    "year": (2, 1),
    "name": (3, 3),
    "nature": (3, 6),
    "category": (3, 8),
    "department": (4, 3),
    "implementing_unit": (4, 6),
    "start_date": (5, 3),
    "end_date": (5, 6),
    "funds.total": (6, 5),
    "funds.annual_total": (6, 8),
    "funds.fiscal": (7, 5),
    "funds.annual_appropriation": (7, 8),
    "funds.annual_carryover": (8, 8),
    "funds.other": (9, 5),
    "funds.annual_other": (9, 8),
    "goal_header": (10, 2),
    "goal_overall": (11, 2),
    "goal_annual": (11, 6),
}
FIRST_INDICATOR_ROW = 13  # then one row each, in ``group_indicators`` order
INDICATOR_COLUMNS = (2, 3, 4, 7)  # 一级 (merged over its rows), 二级 (merged), 三级, 指标值


def form_cells(p: Project) -> dict[tuple[int, int], object]:
    """(row, column) → the value the export writes into that cell of ``p``'s form sheet
    (text, an amount as a number, a date as a datetime); cells without a value left out."""
    return {at: cell[0] for at, cell in _form_sheet(p).cells.items() if cell[0] is not None}


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

    ``summaries``: what the 汇总 sheet covers (default: the exported projects). It is read
    after ``projects`` (the 汇总 is laid out last and moved to the front), so a caller whose
    generator leaves out projects that cannot be read can leave them out of the 汇总 too.
    The workbook is streamed (openpyxl's write-only mode): each form's sheet goes to a
    temporary file as soon as it is laid out, so memory does not grow with the number of
    projects when ``projects`` is a generator and ``summaries`` is given."""
    if summaries is None:
        projects = list(projects)
        summaries = projects
    wb = Workbook(write_only=True)
    try:
        _write_sheets(wb, projects, summaries)
        atomic_write(target, lambda fh: _save(wb, fh))
    finally:  # a target that cannot be written, a project that cannot be read: the streamed
        for ws in wb.worksheets:  # sheets still open are ended here, not by the collector
            if not ws.closed:  # (``Exception ignored …``)
                with contextlib.suppress(Exception):
                    ws.close()


def _write_sheets(wb: Workbook, projects: Iterable[Project], summaries: Iterable) -> None:
    for style in _styles():
        wb.add_named_style(style)
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
    summary_ws = wb.create_sheet(SUMMARY_SHEET)
    _page_setup(summary_ws, portrait=False)
    _summary_sheet(summaries).write(summary_ws, (30, 12, 12, 26, 16, 16))
    summary_ws.close()
    wb.move_sheet(SUMMARY_SHEET, offset=-(len(wb.sheetnames) - 1))
    wb.move_sheet(DATA_SHEET, offset=len(wb.sheetnames))


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
