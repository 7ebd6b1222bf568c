"""Reading Excel workbooks (openpyxl, read-only): each visible sheet is read as rows of
cells by the same label-driven parser as the published text, so hand-made sheets of the
official layout work too (merged-cell variations, blank rows, numbers stored as numbers or
text, dates as dates or text). What the parser doubts is reported with its cell
(``Sheet!B7``). For our own workbooks (``xlsx_format``), the hidden data sheet supplies the
bookkeeping; where the visible sheet was edited, the sheet wins and the report says so.

Bounded before parsing: the zip's members, unpacked sizes, shared strings, styles and
sheets are counted from the parts; the cells read are counted against ``limits.MAX_CELLS``.
"""

from __future__ import annotations

import os
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from desktop.domain import file_text as say
from desktop.domain import limits
from desktop.domain.codec import CodecError, project_from_dict
from desktop.domain.messages import Message
from desktop.domain.model import Project, carry_indicator_ids
from desktop.domain.taxonomy import group_indicators, taxonomy
from desktop.io.published_text import parse_records
from desktop.io.records import Record
from desktop.io.report import INFO, REVIEW, ImportFormatError, ImportResult
from desktop.io.xlsx_format import DATA_SHEET, SUMMARY_SHEET


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


# Shared strings, styles and sheets (``limits.MAX_SHARED_STRINGS`` …) are counted in every
# part but the worksheets, so a part placed where we do not look counts too.
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
    limit = {
        "shared": limits.MAX_SHARED_STRINGS,
        "styles": limits.MAX_STYLES,
        "sheets": limits.MAX_SHEETS,
    }
    what = {
        "shared": ("的共享字符串太多", f"{limits.MAX_SHARED_STRINGS:,} 个"),
        "styles": ("的单元格样式太多", f"{limits.MAX_STYLES:,} 个"),
        "sheets": ("的工作表太多", f"{limits.MAX_SHEETS:,} 个"),
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
        raise ImportFormatError(Message(say.NOT_WORKBOOK, name=path.name, detail=reason)) from exc
    except Exception as exc:  # broken XML, bad references: never a traceback
        detail = type(exc).__name__
        raise ImportFormatError(Message(say.NOT_WORKBOOK, name=path.name, detail=detail)) from exc
    try:
        return _read_workbook(wb, path, _Budget(path.name))
    except (limits.LimitError, ImportFormatError):
        raise
    except Exception as exc:  # damaged parts found while streaming
        detail = type(exc).__name__
        raise ImportFormatError(
            Message(say.DAMAGED_FORM_FILE, name=path.name, detail=detail)
        ) from exc
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
        raise ImportFormatError(Message(say.NO_FORM_IN, name=path.name))
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
