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

from desktop.domain.codec import clean_text
from desktop.domain.values import MAX_NUMBER_DECIMALS, MAX_NUMBER_EXPONENT, number_in_range

MB = 1024 * 1024

# -- files --------------------------------------------------------------------------------
MAX_IMPORT_BYTES = 50 * MB  # .json/.xlsx/.pdf on disk
MAX_TEXT_IMPORT_BYTES = 4 * MB  # published text (.txt/.tsv): ≈ 2,500 forms, ≈ 5 s to read
MAX_DB_BYTES = 1024 * MB  # a .db opened or received (10,000 projects ≈ 66 MB)
MAX_SIDE_BYTES = 256 * MB  # a received .db's -journal / -wal beside it
# -- content ------------------------------------------------------------------------------
MAX_PROJECTS = 200_000  # projects in one file
MAX_TEXT = 100_000  # characters in one text field (domain.codec enforces it)
MAX_JSON_INT_DIGITS = 30  # digits of an integer literal in JSON
MAX_JSON_DEPTH = 64  # nesting of JSON arrays/objects
# -- workbooks ----------------------------------------------------------------------------
MAX_XLSX_INFLATED = 200 * MB  # all parts of the zip, unpacked
MAX_XLSX_MEMBERS = 10_000  # parts in the zip
MAX_SHEET_XML = 32 * MB  # one worksheet part, unpacked (a form sheet is ≈ 50 KB)
MAX_SHEET_ROWS = 100_000  # rows read from one sheet
MAX_CELLS = 200_000  # cells read from one workbook (≈ 155 a form: about 1,300 forms)
MAX_SHEET_COLUMNS = 200  # a form uses 8 columns; wider rows are cut here
# -- PDF ----------------------------------------------------------------------------------
MAX_PAGES = 5_000  # pages of a PDF (checked before the pages are built)
MAX_PDF_OBJECTS = 50_000  # objects in a PDF (our printouts: about 3 a page)
MAX_TABLE_PAGES = 500  # pages of a PDF read as tables (not our printout)
MAX_PAGE_CHARS = 50_000  # characters on one page read as a table
MAX_STREAM_INFLATED = 32 * MB  # one content stream, inflated
MAX_PDF_INFLATED = 256 * MB  # all content streams of a file, inflated
MAX_EMBEDDED_JSON = 64 * MB  # our printouts' embedded data, inflated

__all__ = [
    "MAX_NUMBER_DECIMALS",
    "MAX_NUMBER_EXPONENT",
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
    return f"{n // MB} MB" if n >= MB else f"{n:,} 字节"


def refusal(name: str, what: str, limit: str) -> LimitError:
    """“x.xlsx”的单元格太多（上限 2,000,000 个），为安全起见未读取。"""
    return LimitError(f"“{name}”{what}（上限 {limit}），为安全起见未读取。")


def check_size(path, limit: int, what: str = "太大") -> int:
    """The file's size in bytes; ``LimitError`` when it is over ``limit``."""
    from pathlib import Path

    path = Path(path)
    size = path.stat().st_size
    if size > limit:
        raise refusal(path.name, f"{what}（{_size_text(size)}）", _size_text(limit))
    return size


def inflate(data: bytes, limit: int, name: str, what: str = "压缩的数据解压后太大") -> bytes:
    """zlib-inflate ``data`` without ever holding more than ``limit`` bytes of output."""
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


def _parse_constant(text: str):
    raise LimitError(f"不允许的数值 {text}")


def _clean_json(value, depth: int = 0):
    if depth > MAX_JSON_DEPTH:
        raise LimitError(f"嵌套太深（上限 {MAX_JSON_DEPTH} 层）")
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
    except LimitError as exc:
        raise LimitError(f"“{name}”中{exc}，为安全起见未读取。") from exc
    except RecursionError as exc:
        raise LimitError(f"“{name}”嵌套太深，为安全起见未读取。") from exc
    try:
        return _clean_json(doc)
    except LimitError as exc:
        raise LimitError(f"“{name}”{exc}，为安全起见未读取。") from exc
