"""Indicator rows as our own writer leaves them, checked a column at a time and read
without the one-by-one path of ``codec.project_from_dict`` (the store's bulk reader and the
bulk 审核 use it); anything unusual returns None and is read one by one, for its sentence.
Pure Python: no I/O, no Qt, no SQL."""

from __future__ import annotations

from itertools import chain

from desktop.domain.codec import (
    _BAD_CHARS,
    _CANONICAL_UUID,
    _INDICATOR_LIMITS,
    _VALUES,
    MAX_INDICATORS,
    _kept_value,
)
from desktop.domain.model import Indicator
from desktop.domain.values import IndicatorValue

#: the fields of a row ``plain_indicators`` reads, in its order (the JSON keys)
PLAIN_FIELDS = (
    "level1",
    "level2",
    "name",
    "op",
    "number",
    "unit",
    "text",
    "needs_review",
    "review_note",
    "raw_text",
    "source_line",
    "entered",
    "note",
    "uid",
)
_PLAIN_TEXTS = tuple((PLAIN_FIELDS.index(k), limit) for k, limit in _INDICATOR_LIMITS)
_OP, _NUMBER, _NEEDS_REVIEW, _SOURCE_LINE, _UID = map(
    PLAIN_FIELDS.index, ("op", "number", "needs_review", "source_line", "uid")
)
_TEXT_OR_NONE = {str, type(None)}


def plain_columns(rows: list[tuple]) -> list[tuple] | None:
    """The columns of one project's rows of plain values (``checked_columns``)."""
    if not rows or len(rows) > MAX_INDICATORS:
        return None if rows else [() for _ in PLAIN_FIELDS]
    return checked_columns(list(zip(*rows, strict=True)))


def checked_columns(columns: list[tuple]) -> list[tuple] | None:
    """Columns of rows of plain values (in the order of ``PLAIN_FIELDS``; an empty text
    None, given as "") — when every row is as our own writer leaves it: texts text or None,
    within their limits, without a character to replace; ``op`` and ``number`` text or None;
    ``needs_review`` 0 or 1; ``source_line`` an integer or None; ``uid`` canonical or empty.
    Each check is made once for each distinct value of a column, in C. None when any row
    needs a closer look (the values are not read here: ``stored_value``)."""
    texts = [set(columns[k]) for k, _ in _PLAIN_TEXTS]
    ops, numbers, uids = set(columns[_OP]), set(columns[_NUMBER]), columns[_UID]
    if (
        not set(map(type, chain(*texts, ops, numbers, uids))) <= _TEXT_OR_NONE
        or any(
            max(map(len, filter(None, c)), default=0) > most
            for c, (_, most) in zip(texts, _PLAIN_TEXTS, strict=True)
        )
        or not set(map(type, columns[_NEEDS_REVIEW])) <= {int, bool}
        or not set(columns[_NEEDS_REVIEW]) <= {0, 1}
        or not set(map(type, columns[_SOURCE_LINE])) <= {int, type(None)}
        or not all(map(_CANONICAL_UUID.fullmatch, filter(None, uids)))
        or _BAD_CHARS.search("".join(filter(None, chain(*texts, ops, numbers))))
    ):
        return None
    for k, _ in _PLAIN_TEXTS:
        if None in columns[k]:
            columns[k] = tuple("" if v is None else v for v in columns[k])
    return columns


def stored_value(op, number, unit: str, text: str, entered: str) -> IndicatorValue:
    """The value of a plain row's columns (``plain_columns``) as ``project_from_dict`` reads
    it; raises ``CodecError`` (or ``ValueError``/``TypeError``) for one it refuses."""
    return _kept_value(op, number, unit, text, entered, {}, "")


def plain_indicators(rows: list[tuple]) -> tuple[Indicator, ...] | None:
    """The indicators of rows of plain values (in the order of ``PLAIN_FIELDS``, None for
    an empty text) — when every row is as our own writer leaves it (``plain_columns``) and
    every value valid; the indicators are those ``project_from_dict`` reads from the same
    rows as dicts (a missing ``uid`` stays "": the project derives it). None when any row
    needs a closer look: read one by one, it gives the error or the cleaned text."""
    columns = plain_columns(rows)
    if columns is None:
        return None
    out = []
    try:
        for (
            l1,
            l2,
            name,
            op,
            number,
            unit,
            text,
            review,
            note_r,
            raw,
            line,
            entered,
            note,
            uid,
        ) in zip(*columns, strict=True):
            out.append(
                Indicator(  # by position: level1, level2, name, value, needs_review, …
                    l1,
                    l2,
                    name,
                    _VALUES.get((op, number, unit, text, entered))  # only values that passed
                    or _kept_value(op, number, unit, text, entered, {}, ""),
                    bool(review),
                    note_r,
                    raw,
                    line,
                    note,
                    uid or "",
                )
            )
    except (ValueError, TypeError):  # a value refused: read one by one, it gets its error
        return None
    return tuple(out)
