"""Limits on the work any input may cause, checked *before* the work is done.

Every file the program reads — published text, JSON, .xlsx, PDF, another machine's .db and
its side files — is bounded here: bytes on disk, bytes after inflating, rows, cells, pages,
projects, text length and the size of numbers. A file over a limit is refused as a whole
with one Chinese line naming the file and the limit (``LimitError``); nothing is read
further and nothing is written.

This module depends on nothing but the standard library and ``domain.values`` (the number
range is a domain rule); it lives in ``domain`` so that ``store`` may use it for .db files too.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import fields, is_dataclass, replace
from decimal import Decimal

# The limits on a form's own content are rules of the domain, kept beside the code that
# enforces them and named here too, so that this module lists every limit there is.
from desktop.domain import file_text
from desktop.domain.codec import (
    MAX_COUNTER,
    MAX_FLAGS,
    MAX_GOAL_HEADER,
    MAX_INDICATORS,
    MAX_LONG_TEXT,
    MAX_PROJECT_TEXT,
    MAX_REPLICAS,
    MAX_SHORT_TEXT,
    clean_text,
)
from desktop.domain.messages import Message, Term
from desktop.domain.review import MAX_NAME as MAX_REVIEW_NAME
from desktop.domain.review import MAX_TEXT as MAX_REVIEW_TEXT
from desktop.domain.values import MAX_NUMBER_DECIMALS, MAX_NUMBER_EXPONENT, number_in_range

MB = 1024 * 1024

# -- files --------------------------------------------------------------------------------
MAX_IMPORT_BYTES = 50 * MB  # .xlsx/.pdf on disk
# A JSON file is parsed whole (≈ 8× its size in memory). The limit admits our own export
# of the largest database exchanged as JSON — 10,000 forms of a reviewer's average (28
# indicators): ≈ 140 MB pretty-printed — and refuses anything larger before reading it.
# Larger files travel as .db (merge: 200,000 projects, read row by row).
MAX_JSON_IMPORT_BYTES = 192 * MB
MAX_TEXT_IMPORT_BYTES = 4 * MB  # published text (.txt/.tsv): ≈ 2,500 forms, ≈ 5 s to read
MAX_DB_BYTES = 1024 * MB  # a .db opened or received (10,000 projects ≈ 66 MB)
MAX_SIDE_BYTES = 256 * MB  # a received .db's -journal / -wal beside it
# -- content ------------------------------------------------------------------------------
MAX_PROJECTS = 200_000  # projects in one file
# characters in one text field: 2,000 for names/labels/values, 20,000 for goals and notes,
# 500,000 for a whole form — chosen against print time (domain.codec enforces them)
MAX_TEXT = MAX_LONG_TEXT
MAX_JSON_INT_DIGITS = 30  # digits of an integer literal in JSON
MAX_JSON_DEPTH = 64  # nesting of JSON arrays/objects
# Counted before a JSON document is parsed, which builds every object and array at once
# (50 MB of "[]," are 17 million lists, gigabytes). A project is about 5 + its indicators
# objects and arrays; our own export of 10,000 forms (≈ 50 MB) holds about 250,000.
MAX_JSON_CONTAINERS = 500_000
MAX_JSON_PROJECTS = 20_000  # ≈ 5 s to import; more forms travel as a .db
MAX_QUOTED_CELL = 20_000  # characters a quoted cell of published text may span
# -- .db files (stored rows; per-field text limits: domain.codec) ----------------------------
MAX_JSON_COLUMN = 100_000  # characters of a versions / field_flags column
MAX_HISTORY_JSON = 5_000_000  # characters of one history row (a whole form as JSON)
#: indicator rows in a whole file, counted before any is read: a file of 10,000 forms has
#: ≈ 200,000; reading 300,000 through the checks takes ≈ 6 s
MAX_INDICATOR_ROWS = 300_000
#: rows per review table (events, opinions, their changes) of a received file: more than a
#: reviewer's file of 50,000 forms holds; counted before any row is read
MAX_REVIEW_ROWS = 500_000
#: 分 in one stored amount column (the codec refuses 10^15 元 and more with a sentence of its
#: own; this bound keeps the screen's arithmetic within 64-bit integers)
MAX_STORED_AMOUNT = 10**17
#: SQLite's own limits on the connection reading a received .db (``sqlite3.setlimit``):
#: a value, a statement, an expression no file of ours comes near; no ATTACH, no trigger
#: depth (the schema check refuses triggers anyway)
RECEIVED_SQLITE_LIMITS = {
    "SQLITE_LIMIT_LENGTH": 10_000_000,
    "SQLITE_LIMIT_SQL_LENGTH": 1_000_000,
    "SQLITE_LIMIT_COLUMN": 200,
    "SQLITE_LIMIT_EXPR_DEPTH": 100,
    "SQLITE_LIMIT_COMPOUND_SELECT": 10,
    "SQLITE_LIMIT_VDBE_OP": 50_000_000,
    "SQLITE_LIMIT_FUNCTION_ARG": 16,
    "SQLITE_LIMIT_ATTACHED": 0,
    "SQLITE_LIMIT_LIKE_PATTERN_LENGTH": 100,
    "SQLITE_LIMIT_VARIABLE_NUMBER": 1000,
    "SQLITE_LIMIT_TRIGGER_DEPTH": 1,
}
# -- workbooks ----------------------------------------------------------------------------
MAX_XLSX_INFLATED = 200 * MB  # all parts of the zip, unpacked
MAX_XLSX_MEMBERS = 10_000  # parts in the zip
MAX_SHEET_XML = 32 * MB  # one worksheet part, unpacked (a form sheet is ≈ 50 KB)
MAX_SHEET_ROWS = 100_000  # rows read from one sheet
MAX_CELLS = 200_000  # cells read from one workbook (≈ 155 a form: about 1,300 forms)
MAX_SHEET_COLUMNS = 200  # a form uses 8 columns; wider rows are cut here
# Counted in the zip's parts before openpyxl parses them (it builds every shared string,
# every style and every sheet's object up front, whatever the cells use).
MAX_SHARED_STRINGS = 200_000  # no readable workbook uses more than its MAX_CELLS cells
MAX_STYLES = 20_000  # cell formats, fonts, fills, borders (Excel's own limit: 64,000)
MAX_SHEETS = 2_000  # a form a sheet; MAX_CELLS is about 1,300 forms
# -- PDF ----------------------------------------------------------------------------------
MAX_PAGES = 5_000  # pages of a PDF (checked before the pages are built)
MAX_PDF_OBJECTS = 50_000  # objects in a PDF (our printouts: about 3 a page)
MAX_TABLE_PAGES = 500  # pages of a PDF read as tables (not our printout)
MAX_PAGE_CHARS = 50_000  # characters on one page read as a table
MAX_STREAM_INFLATED = 32 * MB  # one content stream, inflated
MAX_PDF_INFLATED = 256 * MB  # all content streams of a file, inflated
MAX_EMBEDDED_JSON = 64 * MB  # our printouts' embedded data, inflated
# A budget of the work pdfminer really does, per file (the declared counts bound little: a
# page may draw 50,000 characters, a form XObject may be drawn a thousand times by another
# drawn a thousand times, a reference may point at itself). Measured on our own printout
# read as tables: per page ≈ 14 references, 2,500 tokens, 660 characters, 67 paths, 0.04 s.
# Each limit costs about 3 s of CPU when reached alone (≈ 5 µs a token, 25 µs a character,
# 80 µs a path), so all of them together stay under 10 s.
MAX_PDF_RESOLVES = 500_000  # a reference chain that loops ends here (≈ 0.3 s)
MAX_PDF_TOKENS = 600_000  # operators and operands interpreted (≈ 240 printed pages)
MAX_PDF_CHARS = 120_000  # characters laid out (≈ 180 printed pages)
MAX_PDF_PATHS = 25_000  # lines and rectangles laid out (≈ 370 printed pages)
PDF_DRAWING_COST = 20  # tokens a page or form XObject costs to start (≈ 100 µs)

__all__ = [
    "MAX_COUNTER",
    "MAX_FLAGS",
    "MAX_GOAL_HEADER",
    "MAX_INDICATORS",
    "MAX_LONG_TEXT",
    "MAX_NUMBER_DECIMALS",
    "MAX_NUMBER_EXPONENT",
    "MAX_PROJECT_TEXT",
    "MAX_REPLICAS",
    "MAX_REVIEW_NAME",
    "MAX_REVIEW_TEXT",
    "MAX_SHORT_TEXT",
    "LimitError",
    "check_size",
    "clean_project",
    "clean_text",
    "inflate",
    "load_json",
    "number_in_range",
]


class LimitError(ValueError):
    """An input over one of the limits; ``str(err)`` is one line for the clerk."""


def _size_text(n: int) -> str:
    return Message(file_text.MEGABYTES, n=n // MB) if n >= MB else Message(file_text.BYTES, n=n)


def refusal(name: str, what: str, limit: str) -> LimitError:
    """“x.xlsx”的单元格太多（上限 2,000,000 个），为安全起见未读取。"""
    return LimitError(Message(file_text.REFUSAL, name=name, what=what, limit=limit))


def check_size(path, limit: int, what: str = Term(file_text.TOO_BIG)) -> int:
    """The file's size in bytes; ``LimitError`` when it is over ``limit``."""
    from pathlib import Path

    path = Path(path)
    size = path.stat().st_size
    if size > limit:
        what = Message(file_text.SIZE_IS, what=what, size=_size_text(size))
        raise refusal(path.name, what, _size_text(limit))
    return size


def inflate(
    data: bytes, limit: int, name: str, what: str = Term(file_text.INFLATED_TOO_BIG)
) -> bytes:
    """zlib-inflate ``data`` without ever holding more than ``limit`` bytes of output;
    ``what`` (a ``Term``) says what was too big."""
    d = zlib.decompressobj()
    out = d.decompress(data, limit + 1)
    if len(out) > limit or d.unconsumed_tail:
        raise refusal(name, what, _size_text(limit))
    return out


# -- text ---------------------------------------------------------------------------------


def clean_project(project):
    """A domain dataclass (Project, Indicator, IndicatorValue…) with every text cleaned;
    the same object when there was nothing to clean."""
    changes = {}
    for f in fields(project):
        value = getattr(project, f.name)
        new = _clean_value(value)
        if new is not value:
            changes[f.name] = new
    return replace(project, **changes) if changes else project


def _clean_value(value):
    if isinstance(value, str):
        new = clean_text(value)
        return value if new == value else new
    if is_dataclass(value) and not isinstance(value, type):
        return clean_project(value)
    if isinstance(value, tuple):
        items = [_clean_value(v) for v in value]
        if any(a is not b for a, b in zip(items, value, strict=True)):
            return tuple(items)
    return value


# -- JSON ---------------------------------------------------------------------------------


class OutOfRange:
    """A JSON number too long to convert; whatever expects a number refuses it (that
    project is reported, the others are read)."""

    __slots__ = ("digits",)

    def __init__(self, text: str):
        self.digits = len(text)

    def __repr__(self) -> str:
        return f"<{self.digits} 位的数字>"


def _parse_int(text: str) -> int | OutOfRange:
    if len(text.lstrip("-")) > MAX_JSON_INT_DIGITS:
        return OutOfRange(text)
    return int(text)


def _parse_float(text: str) -> Decimal | OutOfRange:
    if len(text) > MAX_JSON_INT_DIGITS + 10:
        return OutOfRange(text)
    return Decimal(text)


class _NotAllowed(ValueError):
    """NaN or Infinity in a JSON document (its text is the argument)."""


class _TooDeep(ValueError):
    """A JSON document nested deeper than ``MAX_JSON_DEPTH``."""


def _parse_constant(text: str):
    raise _NotAllowed(text)


def _clean_json(value, depth: int = 0):
    if depth > MAX_JSON_DEPTH:
        raise _TooDeep()
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean_json(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {clean_text(k): _clean_json(v, depth + 1) for k, v in value.items()}
    if isinstance(value, Decimal):  # JSON floats: the codec wants text or integers
        return float(value) if value.is_finite() else value
    return value


def load_json(text: str, name: str):
    """``json.loads`` with bounded numbers and nesting, control characters and lone
    surrogates shown as �. Raises ``LimitError`` (over a limit) or ``ValueError``."""
    try:
        doc = json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except _NotAllowed as exc:
        text = exc.args[0]
        raise LimitError(Message(file_text.JSON_VALUE_NOT_ALLOWED, name=name, text=text)) from exc
    except RecursionError as exc:
        raise LimitError(Message(file_text.JSON_TOO_DEEP, name=name)) from exc
    try:
        return _clean_json(doc)
    except _TooDeep as exc:
        deep = Message(file_text.JSON_DEEPER_THAN, name=name, limit=MAX_JSON_DEPTH)
        raise LimitError(deep) from exc
