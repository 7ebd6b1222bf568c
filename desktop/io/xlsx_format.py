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

import json
import os
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
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


def _text(ws: Worksheet, ref: str, value: str) -> None:
    cell = ws[ref]
    cell.value = clean_text(value)  # a control character stored earlier: Excel refuses it
    cell.data_type = "s"  # text, even when it starts with "="


# Dates stay Excel dates, shown in the form's own style (as printed; see format_date).
DATE_FORMATS = {
    "": "yyyy-mm-dd",
    "iso": "yyyy-mm-dd",
    "slash": "yyyy/m/d",
    "dot": "yyyy.m.d",
    "cn": 'yyyy"年"m"月"d"日"',
    "compact": "yyyymmdd",
}


def _goal_header(p: Project) -> str:
    """As on the printed form (printing.layout.goal_header): as the form writes it."""
    return goal_header_text(p)


def _box(
    ws: Worksheet,
    first: str,
    last: str | None = None,
    value=None,
    align: Alignment = LEFT,
    money: bool = False,
    date_style: str = "",
) -> None:
    """One (merged) bordered cell."""
    if last and last != first:
        ws.merge_cells(f"{first}:{last}")
    for row in ws[f"{first}:{last or first}"]:
        for c in row:
            c.border = BORDER
            c.font = FONT
    cell = ws[first]
    if money:
        cell.value = float(fen_to_decimal(value))
        cell.number_format = MONEY_FORMAT
        cell.alignment = RIGHT
    elif isinstance(value, date):
        cell.value = datetime(value.year, value.month, value.day)
        cell.number_format = DATE_FORMATS.get(date_style, DATE_FORMATS[""])
        cell.alignment = CENTER
    else:
        _text(ws, first, "" if value is None else str(value))
        cell.alignment = align


def _form_sheet(ws: Worksheet, p: Project) -> None:
    for i, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.merge_cells("A1:H1")
    _text(ws, "A1", TITLE)
    ws["A1"].font = Font(name="宋体", size=18, bold=True)
    ws["A1"].alignment = CENTER
    ws.row_dimensions[1].height = 30
    ws.merge_cells("A2:H2")
    _text(ws, "A2", f"（{p.year}年度）")
    ws["A2"].font = Font(name="宋体", size=12)
    ws["A2"].alignment = CENTER
    r = 3
    _box(ws, f"A{r}", f"B{r}", "项目名称", CENTER)
    _box(ws, f"C{r}", f"D{r}", p.name)
    _box(ws, f"E{r}", None, "项目性质", CENTER)
    _box(ws, f"F{r}", None, p.nature, CENTER)
    _box(ws, f"G{r}", None, "项目类别", CENTER)
    _box(ws, f"H{r}", None, p.category, CENTER)
    r += 1
    _box(ws, f"A{r}", f"B{r}", "主管部门", CENTER)
    _box(ws, f"C{r}", f"D{r}", p.department)
    _box(ws, f"E{r}", None, "实施单位", CENTER)
    _box(ws, f"F{r}", f"H{r}", p.implementing_unit)
    r += 1
    _box(ws, f"A{r}", f"B{r}", "计划开始日期", CENTER)
    _box(ws, f"C{r}", f"D{r}", p.start_date, CENTER, date_style=p.date_style)
    _box(ws, f"E{r}", None, "计划完成日期", CENTER)
    _box(ws, f"F{r}", f"H{r}", p.end_date, CENTER, date_style=p.date_style)
    r += 1
    f = p.funds
    _box(ws, f"A{r}", f"B{r + 3}", "项目资金（元）", CENTER)
    for left, left_amount, right, right_amount in (
        ("项目资金总额", f.total, "年度资金申请总额", f.annual_total),
        ("其中：财政资金", f.fiscal, "其中：当年财政拨款", f.annual_appropriation),
        ("", None, "上年结转资金", f.annual_carryover),
        ("其他资金", f.other, "其他资金", f.annual_other),
    ):
        _box(ws, f"C{r}", f"D{r}", left, CENTER)
        if left_amount is None:
            _box(ws, f"E{r}", None, "", CENTER)
        else:
            _box(ws, f"E{r}", None, left_amount, money=True)
        _box(ws, f"F{r}", f"G{r}", right, CENTER)
        _box(ws, f"H{r}", None, right_amount, money=True)
        r += 1
    _box(ws, f"A{r}", f"A{r + 1}", "项目绩效目标", CENTER)
    _box(ws, f"B{r}", f"E{r}", _goal_header(p), CENTER)
    _box(ws, f"F{r}", f"H{r}", "年度总体目标", CENTER)
    r += 1
    _box(ws, f"B{r}", f"E{r}", p.goal_overall)
    _box(ws, f"F{r}", f"H{r}", p.goal_annual)
    lines = max(len(p.goal_overall) / 24, len(p.goal_annual) / 19, 1)
    ws.row_dimensions[r].height = min(409, 15 * (int(lines) + 1) + 4)
    r += 1
    _indicator_rows(ws, p, r)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.print_title_rows = None


def _indicator_rows(ws: Worksheet, p: Project, r: int) -> None:
    """The 绩效指标 part from row ``r``: 一级 and 二级 merged over their rows."""
    order = taxonomy().profile_of(p).level1_names
    groups = group_indicators(p.indicators, order)
    rows = sum(len(inds) for _, subs in groups for _, inds in subs)
    _box(ws, f"A{r}", f"A{r + max(rows, 1)}", "绩效指标", CENTER)
    _box(ws, f"B{r}", None, "一级指标", CENTER)
    _box(ws, f"C{r}", None, "二级指标", CENTER)
    _box(ws, f"D{r}", f"F{r}", "三级指标", CENTER)
    _box(ws, f"G{r}", f"H{r}", "年度(/项目)指标值", CENTER)
    r += 1
    if not rows:
        for first, last in (("B", None), ("C", None), ("D", "F"), ("G", "H")):
            _box(ws, f"{first}{r}", f"{last}{r}" if last else None, "")
        r += 1
    for l1, subs in groups:
        l1_rows = sum(len(inds) for _, inds in subs)
        _box(ws, f"B{r}", f"B{r + l1_rows - 1}", l1, CENTER)
        for l2, inds in subs:
            _box(ws, f"C{r}", f"C{r + len(inds) - 1}", l2, CENTER)
            for ind in inds:
                _box(ws, f"D{r}", f"F{r}", ind.name)
                _box(ws, f"G{r}", f"H{r}", ind.value.shown, CENTER)
                label_lines = max(
                    len(l2) / 6, len(l1) / 5 if l1_rows == 1 else 0, len(ind.name) / 18
                )
                if (len(inds) == 1 and label_lines > 1) or len(ind.name) > 18:
                    ws.row_dimensions[r].height = 15 * (int(label_lines) + 1) + 2
                r += 1


def _summary_sheet(ws: Worksheet, summaries: list[ProjectSummary | Project]) -> None:
    years = sorted({s.year for s in summaries}, reverse=True)
    headers = ("项目名称", "项目性质", "项目类别", "实施单位", "项目资金总额", "年度资金申请总额")
    for i, width in enumerate((30, 12, 12, 26, 16, 16), 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    r = 1
    for year in years:
        s = summarize(year, summaries)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        _text(ws, f"A{r}", f"{year}年度项目汇总")
        ws[f"A{r}"].font = Font(name="宋体", size=14, bold=True)
        r += 1
        for col, h in enumerate(headers, 1):
            c = ws.cell(r, col)
            c.value, c.border, c.font, c.alignment = h, BORDER, Font(name="宋体", bold=True), CENTER
        r += 1
        for line in s.lines:
            values = (line.name, line.nature, line.category, line.unit)
            for col, v in enumerate(values, 1):
                c = ws.cell(r, col)
                c.value, c.border, c.font = clean_text(v), BORDER, FONT
                c.data_type = "s"
            for col, v in ((5, line.total), (6, line.annual_total)):
                c = ws.cell(r, col)
                c.value, c.number_format, c.border = float(fen_to_decimal(v)), MONEY_FORMAT, BORDER
            r += 1
        for title, subtotals in (("按项目类别小计", s.by_category), ("按实施单位小计", s.by_unit)):
            _text(ws, f"A{r}", title)
            ws[f"A{r}"].font = Font(name="宋体", bold=True)
            r += 1
            for sub in subtotals:
                ws.cell(r, 1).value = clean_text(f"{sub.key}（{sub.count} 个项目）")
                for col, v in ((5, sub.total), (6, sub.annual_total)):
                    c = ws.cell(r, col)
                    c.value, c.number_format = float(fen_to_decimal(v)), MONEY_FORMAT
                r += 1
        ws.cell(r, 1).value = f"合计（{len(s.lines)} 个项目）"
        ws.cell(r, 1).font = Font(name="宋体", bold=True)
        for col, v in ((5, s.total), (6, s.annual_total)):
            c = ws.cell(r, col)
            c.value, c.number_format = float(fen_to_decimal(v)), MONEY_FORMAT
            c.font = Font(name="宋体", bold=True)
        r += 2
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def export_xlsx(
    projects: list[Project],
    target: str | os.PathLike,
    summaries: list[ProjectSummary] | None = None,
) -> None:
    """``summaries``: what the 汇总 sheet covers (default: the exported projects)."""
    """Write the workbook atomically: 汇总, one sheet per form, and the hidden data sheet."""
    wb = Workbook()
    summary_ws = wb.active
    summary_ws.title = SUMMARY_SHEET
    _summary_sheet(summary_ws, summaries if summaries is not None else projects)
    data = wb.create_sheet(DATA_SHEET)
    data.sheet_state = "hidden"
    taken: set[str] = set()
    for n, p in enumerate(projects, 2):
        ws = wb.create_sheet(_sheet_title(p.name, taken))
        _form_sheet(ws, p)
        _text(data, f"A{n}", ws.title)
        _text(data, f"B{n}", json.dumps(project_to_dict(p), ensure_ascii=False))
    _text(data, "A1", "jixiao-projects")
    _text(data, "B1", "1")
    wb.move_sheet(DATA_SHEET, offset=len(wb.sheetnames))
    atomic_write(target, wb.save)


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


def _check_zip(path: Path) -> None:
    """Refuse a workbook whose parts unpack to too much, before anything is unpacked."""
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
    return visible.with_changes(
        field_flags=tuple(sorted(flags.items())),
        date_style=stored.date_style if same_dates else visible.date_style,
    )
