"""Our own workbook read back (``xlsx_format``'s layout, its hidden data sheet holding the
stored project): cells are read where the export put them, as text as typed — the published
form's reading rules (wrapped lines joined, spaces between CJK characters dropped, cells
trimmed) are for other people's forms, not for ours.

A sheet whose cells are exactly those the export wrote gives the stored project. A sheet
edited in place (values changed, its labels and rows as exported) gives the stored project
with the edited cells' values; a sheet whose layout was changed (rows added or removed,
labels edited) is left to the form's reader (``xlsx_read``)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from desktop.domain.dates import DateError, parse_date
from desktop.domain.model import Project
from desktop.domain.money import MoneyError, parse_money, to_fen
from desktop.domain.taxonomy import group_indicators, taxonomy
from desktop.domain.values import parse_value
from desktop.io.xlsx_format import FIELD_CELLS, FIRST_INDICATOR_ROW, INDICATOR_COLUMNS, form_cells

_YEAR = re.compile(r"（(\d{4})年度）")


class _Unreadable(Exception):
    """An edited cell that does not hold what its field takes."""


def cell_value(value):
    """A cell's value as it reads back from the file: text with its line ends as XML keeps
    them, an empty text as no value, a whole number as an integer."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def cells_of(rows) -> dict[tuple[int, int], object]:
    """(row, column) → value of the rows ``(number, values)`` a sheet reader gives."""
    out = {}
    for number, row in rows:
        for col, v in enumerate(row, 1):
            if (v := cell_value(v)) is not None:
                out[(number, col)] = v
    return out


def exported_cells(p: Project) -> dict[tuple[int, int], object]:
    cells = ((at, cell_value(v)) for at, v in form_cells(p).items())
    return {at: v for at, v in cells if v is not None}


def exported_order(p: Project) -> list:
    """``p``'s indicators in the order the sheet shows them."""
    order = taxonomy().profile_of(p).level1_names
    return [i for _, subs in group_indicators(p.indicators, order) for _, g in subs for i in g]


def read_in_place(rows, stored: Project) -> Project | None:
    """``stored`` with the values of the cells edited in the sheet (None: the layout was
    changed, or an edited cell holds what its field cannot take)."""
    sheet, ours = cells_of(rows), exported_cells(stored)
    indicators = exported_order(stored)
    data = set(FIELD_CELLS.values())
    data.update(
        (r, c)
        for r in range(FIRST_INDICATOR_ROW, FIRST_INDICATOR_ROW + len(indicators))
        for c in INDICATOR_COLUMNS
    )
    if any(sheet.get(at) != ours.get(at) for at in (sheet.keys() | ours.keys()) - data):
        return None  # labels edited, cells added outside the form's boxes
    try:
        changes = _fields(sheet, ours, stored)
        changes.update(_indicators(sheet, ours, stored, indicators))
    except _Unreadable:
        return None
    return replace(stored, **changes)


def _edited(sheet: dict, ours: dict, at: tuple[int, int]) -> bool:
    return sheet.get(at) != ours.get(at)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return str(value)


def _fields(sheet: dict, ours: dict, stored: Project) -> dict:
    changes: dict = {}
    funds = {}
    for key, at in FIELD_CELLS.items():
        if not _edited(sheet, ours, at):
            continue
        value = sheet.get(at)
        if key == "year":
            m = _YEAR.fullmatch(_text(value))
            if m is None:
                raise _Unreadable(key)
            changes["year"] = int(m.group(1))
        elif key in ("start_date", "end_date"):
            changes[key] = _date(value)
        elif key.startswith("funds."):
            funds[key[6:]] = _amount(value)
        else:
            changes[key] = _text(value)
    if funds:
        changes["funds"] = replace(stored.funds, **funds)
    return changes


def _date(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    try:
        return parse_date(_text(value).strip())
    except DateError as exc:
        raise _Unreadable("date") from exc


def _amount(value) -> int:
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return to_fen(Decimal(repr(value)))
        return parse_money(_text(value).strip()) if value is not None else 0
    except (MoneyError, ValueError) as exc:
        raise _Unreadable("amount") from exc


def _indicators(sheet: dict, ours: dict, stored: Project, indicators: list) -> dict:
    """The rows as the sheet shows them: an edited row with its new 一级/二级 (a merged
    cell's value for each row under it), 三级 and value (read as the editor reads typed
    text), its id kept, in the stored order; nothing when no row was edited."""
    out = []
    group1 = group2 = ""
    for n, ind in enumerate(indicators):
        b, c, d, g = ((FIRST_INDICATOR_ROW + n, col) for col in INDICATOR_COLUMNS)
        first1 = n == 0 or ind.level1 != indicators[n - 1].level1
        first2 = first1 or ind.level2 != indicators[n - 1].level2
        if first1:
            group1 = _text(sheet.get(b)) if _edited(sheet, ours, b) else ind.level1
        if first2:
            group2 = _text(sheet.get(c)) if _edited(sheet, ours, c) else ind.level2
        # a value typed into a covered cell of a merge counts for its own row
        level1 = _text(sheet.get(b)) if not first1 and _edited(sheet, ours, b) else group1
        level2 = _text(sheet.get(c)) if not first2 and _edited(sheet, ours, c) else group2
        name = _text(sheet.get(d)) if _edited(sheet, ours, d) else ind.name
        value = parse_value(_text(sheet.get(g))) if _edited(sheet, ours, g) else ind.value
        out.append(replace(ind, level1=level1, level2=level2, name=name, value=value))
    if all(a == b for a, b in zip(out, indicators, strict=True)):
        return {}
    by_id = {i.uid: i for i in out}
    if len(by_id) == len(out):  # in the stored order (the sheet shows them grouped)
        return {"indicators": tuple(by_id[i.uid] for i in stored.indicators)}
    return {"indicators": tuple(out)}
