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
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from desktop.domain import file_text as say
from desktop.domain import limits
from desktop.domain import report_text as report_say
from desktop.domain.codec import CodecError, project_from_dict
from desktop.domain.messages import Message
from desktop.domain.model import Funds, Indicator, Project, carry_indicator_ids
from desktop.io.published_text import parse_records
from desktop.io.records import Record
from desktop.io.report import INFO, REVIEW, ImportFormatError, ImportResult
from desktop.io.xlsx_format import DATA_SHEET, SUMMARY_SHEET, form_cells
from desktop.io.xlsx_own import cell_value, cells_of, exported_cells, exported_order, read_in_place


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
            over = Message(say.XLSX_CELLS, name=self.name, limit=limits.MAX_CELLS)
            raise limits.LimitError(over)


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
                over = Message(
                    say.XLSX_SHEET_ROWS,
                    name=budget.name,
                    sheet=ws.title,
                    limit=limits.MAX_SHEET_ROWS,
                )
                raise limits.LimitError(over)
            values: dict[int, object] = {}
            for cell in cells:
                column = cell.get("column") or 0
                if 1 <= column <= limits.MAX_SHEET_COLUMNS and cell.get("value") is not None:
                    values[column] = cell["value"]
            if values:
                width = max(values)
                yield number, tuple(values.get(c) for c in range(1, width + 1))


def _records(rows) -> list[Record]:
    out = []
    for number, row in rows:
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
    what = {"shared": say.XLSX_SHARED_STRINGS, "styles": say.XLSX_STYLES, "sheets": say.XLSX_SHEETS}
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
                        raise limits.LimitError(Message(what[kind], name=name, limit=limit[kind]))
            for m in _COUNTED.finditer(tail + b" "):
                counts[_KIND[m.group(1)]] += 1
        for kind, n in counts.items():
            if n > limit[kind]:
                raise limits.LimitError(Message(what[kind], name=name, limit=limit[kind]))


def _check_zip(path: Path) -> None:
    """Refuse a workbook whose parts unpack to too much, before anything is unpacked, then
    one whose parts hold too many shared strings, styles or sheets, before they are parsed."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        if len(infos) > limits.MAX_XLSX_MEMBERS:
            over = Message(say.XLSX_PARTS, name=path.name, limit=limits.MAX_XLSX_MEMBERS)
            raise limits.LimitError(over)
        total = 0
        for info in infos:
            total += info.file_size
            if info.filename.startswith("xl/worksheets/") and (
                info.file_size > limits.MAX_SHEET_XML
            ):
                mb = limits.MAX_SHEET_XML // limits.MB
                raise limits.LimitError(Message(say.XLSX_SHEET_INFLATED, name=path.name, limit=mb))
        if total > limits.MAX_XLSX_INFLATED:
            mb = limits.MAX_XLSX_INFLATED // limits.MB
            raise limits.LimitError(Message(say.XLSX_INFLATED, name=path.name, limit=mb))
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
        rows = list(_rows(ws, budget))
        stored = _stored(hidden.get(ws.title))
        if stored is not None and (own := _in_place(rows, stored, ws.title, result)) is not None:
            # our own sheet, as exported or edited in place: every text as typed (its cells
            # are not read by the published form's rules)
            result.add_marks(own, ws.title)
            result.projects.append(own)
            continue
        records = _records(rows)
        if not records:
            continue

        def cell_ref(line, col, t=ws.title):
            return f"{t}!{get_column_letter(col + 1)}{line}" if col is not None else f"{t}!{line}"

        sheet = parse_records(records, source_name=path.name, cell_ref=cell_ref)
        if stored is None:
            result.items.extend(sheet.items)
            result.fund_sources.update(sheet.fund_sources)
            result.projects.extend(sheet.projects)
            continue
        expected = _as_read(stored, path.name) if len(sheet.projects) == 1 else None
        restored = [_with_hidden(p, stored, expected, ws.title, result) for p in sheet.projects]
        for before, after in zip(sheet.projects, restored, strict=True):
            if before.id in sheet.fund_sources and after is not stored:
                result.fund_sources[after.id] = sheet.fund_sources[before.id]
        if restored != [stored]:
            # edited in the sheet: what the reading found, and the marks the projects carry
            result.items.extend(i for i in sheet.items if i.severity != REVIEW)
        for p in restored:
            result.add_marks(p, ws.title)
        result.projects.extend(restored)
    if not result.projects:
        raise ImportFormatError(Message(say.NO_FORM_IN, name=path.name))
    return result


def _exported_rows(p: Project) -> list[tuple[int, tuple]]:
    cells = form_cells(p)
    width = max((c for _, c in cells), default=0)
    rows = sorted({r for r, _ in cells})
    return [(r, tuple(cells.get((r, c)) for c in range(1, width + 1))) for r in rows]


def _in_place(rows, stored: Project, sheet: str, result: ImportResult) -> Project | None:
    """Our own sheet as exported, or edited in place: read where the export wrote each
    field, as typed (None: its layout was changed)."""
    if cells_of(rows) == exported_cells(stored):
        return stored
    edited = read_in_place(rows, stored)
    if edited is None:
        return None
    if edited.content() == stored.content():
        return stored
    result.add(INFO, Message(report_say.SHEET_EDITED, sheet=sheet), project=edited.name)
    # a field edited in the sheet is no longer flagged, nor its amount's text as written
    flags = tuple(
        (k, r) for k, r in stored.field_flags if _field_value(edited, k) == _field_value(stored, k)
    )
    written = tuple(
        (k, t)
        for k, t in stored.funds_written
        if getattr(edited.funds, k) == getattr(stored.funds, k)
    )
    return replace(edited, field_flags=flags, funds_written=written)


def _as_read(stored: Project, source_name: str) -> Project | None:
    """``stored`` as the form's reader reads its exported sheet: a field of an edited sheet
    that reads the same was not edited, and keeps its text as typed."""
    rows = [(n, tuple(cell_value(v) for v in row)) for n, row in _exported_rows(stored)]
    read = parse_records(_records(rows), source_name=source_name).projects
    return read[0] if len(read) == 1 else None


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


def _with_hidden(
    visible: Project, stored: Project, expected: Project | None, sheet: str, result: ImportResult
) -> Project:
    """Our own workbook, edited in the sheet: the sheet's reading of the fields that were
    edited, the stored project for the rest (``expected``: how the reader reads the sheet as
    exported) and for what the sheet does not show."""
    shown = _unedited(visible, expected, stored) if expected is not None else None
    if shown is None:
        shown = _same_rows(visible, stored)
    shown = _with_stored_flags(shown, stored)
    if shown.content() == stored.content():
        return stored
    result.add(INFO, Message(report_say.SHEET_EDITED, sheet=sheet), project=visible.name)
    return shown.with_changes(
        id=stored.id,
        created_at=stored.created_at,
        revision=stored.revision,
        versions=stored.versions,
        field_versions=stored.field_versions,
    )


def _same_rows(visible: Project, stored: Project) -> Project:
    """The sheet's reading with the stored indicators when the rows read as they were."""

    def rows(indicators):
        return [(i.level1, i.level2, i.name, i.value.shown) for i in indicators]

    same = rows(visible.indicators) in (rows(stored.indicators), rows(exported_order(stored)))
    if same:
        return visible.with_changes(profile=stored.profile, indicators=stored.indicators)
    # rows edited in the sheet: those still of the same names keep their ids
    return visible.with_changes(
        indicators=carry_indicator_ids(visible.indicators, stored.indicators)
    )


_PLAIN_FIELDS = (
    "year",
    "name",
    "nature",
    "category",
    "department",
    "implementing_unit",
    "start_date",
    "end_date",
    "goal_overall",
    "goal_annual",
    "goal_header",
)


def _unedited(visible: Project, expected: Project, stored: Project) -> Project | None:
    """``visible`` with every field and indicator row that reads as ``expected`` (not edited
    in the sheet) taken from ``stored``, as typed; None when the rows cannot be paired."""
    exported = exported_order(stored)
    if len(expected.indicators) != len(exported):
        return None
    changes = {
        f: getattr(stored, f) for f in _PLAIN_FIELDS if getattr(visible, f) == getattr(expected, f)
    }
    changes["funds"] = Funds(
        **{
            k: getattr(
                stored.funds
                if getattr(visible.funds, k) == getattr(expected.funds, k)
                else visible.funds,
                k,
            )
            for k in Funds.FIELD_LABELS
        }
    )

    def key(i: Indicator) -> tuple:
        return (i.level1, i.level2, i.name, i.value, i.needs_review, i.review_note, i.note)

    ours, theirs = [key(i) for i in expected.indicators], [key(i) for i in visible.indicators]
    if ours == theirs:
        changes["indicators"], changes["profile"] = stored.indicators, stored.profile
        return replace(visible, **changes)
    kept: list[tuple[bool, Indicator]] = []  # (read as exported, the row)
    matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            kept.extend((True, i) for i in exported[a0:a1])
        else:
            kept.extend((False, i) for i in visible.indicators[b0:b1])
    used = {i.uid for same, i in kept if same}
    rest = [i for i in stored.indicators if i.uid not in used]
    edited = iter(carry_indicator_ids([i for same, i in kept if not same], rest))
    changes["indicators"] = tuple(i if same else next(edited) for same, i in kept)
    return replace(visible, **changes)


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
