"""Why the importer (or a copy to a new year) marked a field or an indicator 需复核 — the
reasons a project keeps in ``Project.field_flags`` and ``Indicator.review_note``.

They are stored as the Chinese sentence (files of every version hold them so, and the CLI
prints them). A window in another language reads a stored reason back into its template and
arguments (``read``) and says it in its own words; a reason this table does not know (a
file from another program, a reviewer's text) is shown as it is. Several reasons of one
indicator are joined with ``；`` (``joined``).
"""

from __future__ import annotations

import re
from functools import cache

from desktop.domain.messages import QT_TRANSLATE_NOOP, Listing, Message, Term

# -- a field the form did not give, or gave in a way that had to be worked out -------------------
NOT_FOUND = QT_TRANSLATE_NOOP("audit", "表中没有找到{label}")
YEAR_GUESSED = QT_TRANSLATE_NOOP("audit", "表头没有年度，按{how}推断为 {year} 年")
PERIOD_YEARS_ONLY = QT_TRANSLATE_NOOP("audit", "“{period}”只写到年，日期按年初/年末填入")
PERIOD_MONTHS_ONLY = QT_TRANSLATE_NOOP("audit", "实施期限“{period}”只写到月，日期按月初/月末填入")
NOT_A_DATE = QT_TRANSLATE_NOOP("audit", "“{text}”无法识别为日期")
TOTAL_SUMMED = QT_TRANSLATE_NOOP("audit", "表中没有总额，由分项金额合计得出")
PART_BY_DIFFERENCE = QT_TRANSLATE_NOOP("audit", "表中没有此项，由总额减去其他分项得出")
ONLY_ANNUAL = QT_TRANSLATE_NOOP("audit", "表中只有年度资金，按年度资金填入")
ONLY_PROJECT = QT_TRANSLATE_NOOP("audit", "表中只有项目资金，按项目资金填入")
MADE_UP_LIKE_OTHER = QT_TRANSLATE_NOOP(
    "audit", "表中没有此项；项目资金总额与年度资金相同，按另一方的构成推算"
)
SAME_LINE_EXTRA = QT_TRANSLATE_NOOP("audit", "同一行还有“{extra}”，未并入，请核对")
NO_AMOUNT = QT_TRANSLATE_NOOP("audit", "“{label}”没有金额")
AMOUNT_UNREAD = QT_TRANSLATE_NOOP("audit", "金额“{text}”无法识别")

# -- an indicator row the importer could not read for certain -----------------------------------
TWO_PIECES = QT_TRANSLATE_NOOP("audit", "单元格中有空格分开的两段文字，可能是两行合并")
NAME_CUT = QT_TRANSLATE_NOOP("audit", "指标名称可能被截断")
NO_LEVEL1 = QT_TRANSLATE_NOOP("audit", "缺少一级指标")
NO_LEVEL2 = QT_TRANSLATE_NOOP("audit", "缺少二级指标")
LEVEL1_UNKNOWN = QT_TRANSLATE_NOOP("audit", "一级指标“{name}”不在指标体系中，按原名称导入")
LEVEL2_UNKNOWN = QT_TRANSLATE_NOOP("audit", "二级指标“{name}”不在指标体系中，按原名称导入")
LEVEL1_INFERRED = QT_TRANSLATE_NOOP(
    "audit", "原表没有一级指标，已按指标体系推断为“{level1}”，复核确认后打印"
)
NOT_UNDER = QT_TRANSLATE_NOOP("audit", "二级指标“{level2}”不属于一级指标“{level1}”")
COLUMNS_APART = QT_TRANSLATE_NOOP("audit", "一级、二级指标不在同一列位置")
GROUP_UNKNOWN = QT_TRANSLATE_NOOP(
    "audit", "指标写在了一级或二级指标的位置上，无法确定它属于哪个分组"
)
CELLS_OUT_OF_PLACE = QT_TRANSLATE_NOOP("audit", "单元格位置错乱")
DIRECTION_UNREAD = QT_TRANSLATE_NOOP("audit", "指标方向“{direction}”无法识别")
ONLY_LONG_TERM = QT_TRANSLATE_NOOP("audit", "只在中长期指标中出现，请确认本年度的指标值")
COPIED_FROM_YEAR = QT_TRANSLATE_NOOP("audit", "从{year}年度复制，请核对本年度的指标值")

# -- what the importer notes on an indicator (``Indicator.note``, shown as 原表：…) ----------------
LONG_TERM = QT_TRANSLATE_NOOP("audit", "中长期指标")
LONG_TERM_VALUE = QT_TRANSLATE_NOOP("audit", "中长期指标值：{value}")
ORIGINAL_GROUPS = QT_TRANSLATE_NOOP("audit", "原分组：{level1}/{level2}")
DIRECTION = QT_TRANSLATE_NOOP("audit", "指标方向：{direction}")

#: what joins the reasons of one indicator
REASON_SEPARATOR = QT_TRANSLATE_NOOP("audit", "；")

_TEMPLATES = (
    NOT_FOUND,
    YEAR_GUESSED,
    PERIOD_YEARS_ONLY,
    PERIOD_MONTHS_ONLY,
    NOT_A_DATE,
    TOTAL_SUMMED,
    PART_BY_DIFFERENCE,
    ONLY_ANNUAL,
    ONLY_PROJECT,
    MADE_UP_LIKE_OTHER,
    SAME_LINE_EXTRA,
    NO_AMOUNT,
    AMOUNT_UNREAD,
    TWO_PIECES,
    NAME_CUT,
    NO_LEVEL1,
    NO_LEVEL2,
    LEVEL1_UNKNOWN,
    LEVEL2_UNKNOWN,
    LEVEL1_INFERRED,
    NOT_UNDER,
    COLUMNS_APART,
    GROUP_UNKNOWN,
    CELLS_OUT_OF_PLACE,
    DIRECTION_UNREAD,
    ONLY_LONG_TERM,
    COPIED_FROM_YEAR,
)

#: in which templates an argument is a word of the form rather than the clerk's data
_TERM_ARGS = {
    NOT_FOUND: {"label"},
    YEAR_GUESSED: {"how"},
    LEVEL1_INFERRED: {"level1"},
}


class Reasons(Listing):
    """An indicator's reasons, one after another: joined with ``；`` in Chinese; a window in
    another language joins them with its own separator (``messages.Listing``)."""

    __slots__ = ()
    separator = REASON_SEPARATOR


def reason(template: str, **args) -> Message:
    """One reason, in Chinese, that remembers its template (the form's words as ``Term``)."""
    terms = _TERM_ARGS.get(template, ())
    return Message(template, **{k: Term(v) if k in terms else v for k, v in args.items()})


def joined(*reasons: str) -> str:
    """Reasons of one indicator (an empty one left out, one said twice kept once)."""
    return REASON_SEPARATOR.join(dict.fromkeys(r for r in reasons if r))


_NOTES = (LONG_TERM, LONG_TERM_VALUE, ORIGINAL_GROUPS, DIRECTION)


def note(template: str, **args) -> Message:
    """One of the importer's notes on an indicator (the rest of a note is the form's)."""
    return Message(template, **args)


@cache
def _patterns(templates: tuple[str, ...] = _TEMPLATES) -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for template in templates:
        pattern, seen, at = [], set(), 0
        for m in re.finditer(r"\{(\w+)\}", template):
            pattern.append(re.escape(template[at : m.start()]))
            name = m.group(1)
            pattern.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
            seen.add(name)
            at = m.end()
        pattern.append(re.escape(template[at:]))
        out.append((template, re.compile("".join(pattern), re.DOTALL)))
    return tuple(out)


def _one(text: str, templates: tuple[str, ...]) -> Message | None:
    for template, pattern in _patterns(templates):
        if (m := pattern.fullmatch(text)) is not None:
            return reason(template, **m.groupdict())
    return None


def read_note(stored: str) -> str:
    """An indicator's note as ``read`` reads a reason: the importer's own words (中长期指标值：…,
    原分组：…) as messages, the form's words (its other columns) as they are."""
    return read(stored, _NOTES)


def read(stored: str, templates: tuple[str, ...] = _TEMPLATES) -> str:
    """A stored reason as the sentences it was made of: a ``Message`` for one this table
    knows, ``Reasons`` for several (the unknown ones kept as text), the text itself when
    nothing in it is known. The Chinese text is unchanged (``str(read(s)) == s``)."""
    if not stored:
        return stored
    parts = stored.split(REASON_SEPARATOR)
    items: list[str] = []
    at = 0
    while at < len(parts):
        # the shortest run of parts that is one reason: a reason whose text holds a ；
        # (a cell's words) still reads whole, and two reasons are never read as one
        for end in range(at + 1, len(parts) + 1):
            found = _one(REASON_SEPARATOR.join(parts[at:end]), templates)
            if found is not None:
                items.append(found)
                at = end
                break
        else:
            items.append(parts[at])
            at += 1
    if len(items) == 1:
        return items[0]
    if not any(isinstance(i, Message) for i in items):
        return stored
    return Reasons(items)
