"""The indicators of one project as columns, for the 审核 rules of ``audit``.

What a rule asks of a value (a placeholder, an operator without a number, a percentage
outside 0–100 …) is worked out once for each distinct value (``ValueFacts``), what it asks
of a 三级 name once for each distinct name, whether a (一级, 二级) pair fits once for each
distinct pair of the project; a rule then looks only at the rows it concerns. The window's
审核 of one project builds the columns from its ``Indicator`` objects (``IndicatorColumns.of``),
the 审核 of a whole file from the stored rows (``store.bulk_audit``), without an object a
row; both run the same rules. Pure Python.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from itertools import compress
from operator import add, attrgetter

from desktop.domain.codec import MAX_INDICATORS
from desktop.domain.codec_plain import PLAIN_FIELDS, checked_columns, stored_value
from desktop.domain.values import OPERATORS, IndicatorValue, normalize_value_text

# What a template leaves in a value for the clerk to fill in: ≥**%, XX, ××, ＊＊.
_PLACEHOLDER = re.compile(r"[*＊]{1,}|[XxＸｘ×]{2,}")
_OPERATOR_START = (*OPERATORS, ">", "<", "≧", "≦")
_ZERO, _HUNDRED = Decimal(0), Decimal(100)
# 三级 names that promise a number (a 定量 indicator): a text value does not fit them.
_QUANTITATIVE_NAME = re.compile(r"(率|数|数量|人次|次数|金额|费用|成本|面积|比例|时长|天数|户数)$")

#: the facts of a value that single out rows for a rule (``IndicatorColumns.where``)
FLAGS = (
    "empty",
    "placeholder",
    "text_not_placeholder",
    "percent_out",
    "operator_without_number",
    "number_without_operator",
)


class ValueFacts:
    """What the 审核 rules ask of one value, worked out once (values are immutable): which
    of ``FLAGS`` it has."""

    __slots__ = ("flags", "quantitative", "size", "value")

    def __init__(self, v: IndicatorValue) -> None:
        self.value = v
        kind = v.kind
        quantitative = self.quantitative = v.number is not None
        placeholder = bool(_PLACEHOLDER.search(v.shown or v.text or ""))
        text = normalize_value_text(v.text) if kind == "text" else ""
        facts = {
            "empty": kind == "empty",
            "placeholder": placeholder,
            "text_not_placeholder": kind == "text" and not placeholder,
            "percent_out": quantitative and v.unit == "%" and not _ZERO <= v.number <= _HUNDRED,
            "operator_without_number": bool(
                text
                and not placeholder  # said by indicators.placeholder, with its code
                and text[0] in _OPERATOR_START
                and not any(ch.isdigit() for ch in text)
            ),
            "number_without_operator": quantitative and v.op is None and bool(v.unit),
        }
        self.flags = frozenset(f for f in FLAGS if facts[f])
        self.size = len(v.unit) + len(v.text) + len(v.entered)  # the codec's text total


_FACTS: dict[IndicatorValue, ValueFacts] = {}
_FACTS_KEPT = 4096


def facts_of(value: IndicatorValue) -> ValueFacts:
    """The facts of a value, the same object for equal values seen lately."""
    facts = _FACTS.get(value)
    if facts is None:
        if len(_FACTS) >= _FACTS_KEPT:
            _FACTS.clear()
        facts = _FACTS[value] = ValueFacts(value)
    return facts


@functools.lru_cache(maxsize=4096)
def quantitative_name(name: str) -> bool:
    """A (stripped) 三级 name that promises a number; not 效率: how well work goes."""
    return bool(_QUANTITATIVE_NAME.search(name)) and not name.endswith("效率")


class IndicatorColumns:
    """A project's indicators, a list a column, in the form's order (row n is indicator n)."""

    __slots__ = (
        "_flags",
        "_used",
        "facts",
        "level1",
        "level2",
        "name",
        "needs_review",
        "review_note",
        "stripped",
        "year",
    )

    def __init__(
        self,
        year: int,
        level1: Sequence[str],
        level2: Sequence[str],
        name: Sequence[str],
        facts: Sequence[ValueFacts],
        needs_review: Sequence[bool],
        review_note: Sequence[str],
    ) -> None:
        self.year = year
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.stripped = list(map(str.strip, name))
        self.facts = facts
        self.needs_review = needs_review
        self.review_note = review_note
        self._flags: frozenset[str] | None = None
        self._used: set[str] | None = None

    @classmethod
    def of(cls, project) -> IndicatorColumns:
        """The columns of a ``Project``'s indicators."""
        inds = project.indicators
        return cls(
            project.year,
            [i.level1 for i in inds],
            [i.level2 for i in inds],
            [i.name for i in inds],
            [facts_of(i.value) for i in inds],
            [i.needs_review for i in inds],
            [i.review_note for i in inds],
        )

    def __len__(self) -> int:
        return len(self.name)

    def where(self, flag: str) -> list[int]:
        """The rows whose value has ``flag`` (one of ``FLAGS``)."""
        if self._flags is None:
            self._flags = frozenset().union(*(f.flags for f in set(self.facts)))
        if flag not in self._flags:
            return []
        return [n for n, f in enumerate(self.facts) if flag in f.flags]

    @property
    def used_level1(self) -> set[str]:
        """The 一级 of the rows that have a 三级 name."""
        if self._used is None:
            self._used = set(compress(self.level1, self.stripped))
        return self._used


# The facts of the values of stored rows, by their columns (op, number, unit, text, entered):
# a value seen before is neither read nor checked again (only values that passed are kept).
_STORED: dict[tuple, ValueFacts] = {}
_STORED_KEPT = 65536
_SIZE = attrgetter("size")
_UID = PLAIN_FIELDS.index("uid")


def columns_of_rows(
    columns: list[tuple], spans: list[tuple[int, int, int]]
) -> list[tuple[IndicatorColumns, int] | None]:
    """The indicator rows of several projects, given as columns of plain values (in the
    order of ``codec_plain.PLAIN_FIELDS``; each project's rows together, in order), as each
    project's columns, with the characters of all their text (the codec's count), a project
    a ``(year, first row, end)`` span — for each project whose rows are as our writer leaves
    them (``codec_plain.checked_columns``), whose values are valid and whose rows have ids of
    their own; None for the others (``project_from_dict`` then gives the same indicators or
    the error). The checks are made once for all the rows, each distinct value read once."""
    checked = checked_columns(list(columns))
    if checked is None or not all(checked[_UID]):
        if len(spans) == 1:
            return [None]
        return [
            columns_of_rows([c[a:b] for c in columns], [(year, 0, b - a)])[0]
            for year, a, b in spans
        ]
    level1, level2, name, op, number, unit, text, review, note_r, raw, _, entered, note, uid = (
        checked
    )
    facts = _facts(list(zip(op, number, unit, text, entered, strict=True)))
    refused = None in facts
    # the codec's count of each row's text (its value's texts as the value reads them)
    sizes = [0 if f is None else f.size for f in facts] if refused else list(map(_SIZE, facts))
    for column in (level1, level2, name, note_r, raw, note):
        sizes = list(map(add, sizes, map(len, column)))
    unique = len(set(uid)) == len(uid)
    out: list[tuple[IndicatorColumns, int] | None] = []
    for year, a, b in spans:
        f = facts[a:b]
        if b - a > MAX_INDICATORS or (refused and None in f):
            out.append(None)  # too many rows, or a value refused
        elif not unique and len(set(uid[a:b])) != b - a:
            out.append(None)  # the same id twice
        else:
            rows_of = IndicatorColumns(
                year, level1[a:b], level2[a:b], name[a:b], f, review[a:b], note_r[a:b]
            )
            out.append((rows_of, sum(sizes[a:b])))
    return out


def _facts(keys: list[tuple]) -> list[ValueFacts | None]:
    """The facts of each row's value (None for a value refused)."""
    facts = list(map(_STORED.get, keys))
    if None in facts:
        for n, key in enumerate(keys):
            if facts[n] is None:
                try:
                    value = stored_value(*key)
                except (ValueError, TypeError):  # CodecError too: the one by one reader says it
                    continue
                if len(_STORED) >= _STORED_KEPT:
                    _STORED.clear()
                facts[n] = _STORED[key] = facts_of(value)
    return facts
