"""Projects as plain dicts (the JSON interchange shape), both ways, with validation.

Used by the JSON format, by the history of replaced versions, and to check every row read
from an untrusted database file. Pure Python: no I/O, no Qt, no SQL.
"""

from __future__ import annotations

import re
import uuid
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import chain
from operator import attrgetter, gt
from typing import Any

from desktop.domain import row_text as say
from desktop.domain.dates import DATE_STYLES, DateError, parse_date
from desktop.domain.messages import Message
from desktop.domain.model import Funds, Indicator, Project, legacy_uids
from desktop.domain.money import (
    MoneyError,
    decimal_string,
    parse_decimal_amount,
    parse_money,
    to_fen,
)
from desktop.domain.taxonomy import taxonomy
from desktop.domain.values import OPERATORS, IndicatorValue, number_in_range, parse_value

# C0 controls except tab/newline/return, DEL, C1 controls, and lone surrogates (text that
# was not valid UTF-16/UTF-8): never stored raw, kept visible as U+FFFD. (Excel cannot
# even hold most of them: a workbook export would fail.)
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """``text`` with control characters and lone surrogates shown as �."""
    return _BAD_CHARS.sub(REPLACEMENT, text) if _BAD_CHARS.search(text) else text


FUND_KEYS = tuple(Funds.FIELD_LABELS)  # the JSON keys, in the form's order
# Text lengths, chosen against print time (one form, on a 2020 office PC): a cell's text is
# broken into lines and paginated in time growing faster than its length (a 100,000-character
# name took 7-11 s, 20,000 take 0.16 s, 2,000 take 0.02 s); many rows grow linearly
# (2,000 indicators of 100 characters: 0.4 s). See docs/architecture.md, Trust model.
MAX_SHORT_TEXT = 2_000  # names, labels, 一级/二级/三级, units, values: a line or two on paper
MAX_LONG_TEXT = 20_000  # 项目总目标, 年度总体目标, notes and source lines (≈ 15 pages of goal)
MAX_PROJECT_TEXT = 500_000  # all the text of one form (≈ 1 s to print)
MAX_TEXT = MAX_LONG_TEXT  # the longest any one field may be
LONG_FIELDS = frozenset(
    {"overall", "annual", "goal_overall", "goal_annual", "review_note", "raw_text", "note"}
)
MAX_GOAL_HEADER = 60  # the goal column's header: a short label
MAX_INDICATORS = 2_000


def text_limit(name: str) -> int:
    """The most characters field ``name`` may hold (a JSON key or a model attribute)."""
    return MAX_LONG_TEXT if name in LONG_FIELDS else MAX_SHORT_TEXT


_PROJECT_TEXT_FIELDS = (
    "name",
    "nature",
    "category",
    "department",
    "implementing_unit",
    "goal_overall",
    "goal_annual",
)
_INDICATOR_TEXT_FIELDS = ("level1", "level2", "name", "review_note", "raw_text", "note")
_VALUE_TEXT_FIELDS = ("unit", "text", "entered")
_INDICATOR_TEXTS = attrgetter(*_INDICATOR_TEXT_FIELDS)
_VALUE_TEXTS = attrgetter(*_VALUE_TEXT_FIELDS)
_VALUE = attrgetter("value")


_LABELS = {
    **Project.FIELD_LABELS,
    "level1": "一级指标",
    "level2": "二级指标",
    "unit": "计量单位",
    "text": "指标值",
    "entered": "指标值",
    "review_note": "复核说明",
    "raw_text": "原文",
    "note": "备注",
}


def length_problem(project: Project) -> str | None:
    """Why a project read by a parser (published text, a sheet, a PDF's tables) is too long
    to take, in the words ``project_from_dict`` uses; None when every length is within."""
    indicators = project.indicators
    if len(indicators) <= MAX_INDICATORS:  # the common case, in C: every text short enough
        texts = [
            *map(project.__getattribute__, _PROJECT_TEXT_FIELDS),
            *chain.from_iterable(map(_INDICATOR_TEXTS, indicators)),
            *chain.from_iterable(map(_VALUE_TEXTS, map(_VALUE, indicators))),
        ]
        lengths = list(map(len, texts))
        if max(lengths) <= MAX_SHORT_TEXT and sum(lengths) <= MAX_PROJECT_TEXT:
            return None
    total = 0
    for name in _PROJECT_TEXT_FIELDS:
        n = len(getattr(project, name))
        total += n
        if n > text_limit(name):
            label = _LABELS.get(name, name)
            return f"“{label}”太长（{n:,} 个字符，上限 {text_limit(name):,}）"
    if len(project.indicators) > MAX_INDICATORS:
        return f"指标太多（超过 {MAX_INDICATORS} 条）"
    for k, ind in enumerate(project.indicators, 1):
        for obj, names in ((ind, _INDICATOR_TEXT_FIELDS), (ind.value, _VALUE_TEXT_FIELDS)):
            for name in names:
                n = len(getattr(obj, name))
                total += n
                if n > text_limit(name):
                    label = "三级指标" if name == "name" else _LABELS.get(name, name)
                    limit = text_limit(name)
                    return f"第 {k} 条指标的“{label}”太长（{n:,} 个字符，上限 {limit:,}）"
    if total > MAX_PROJECT_TEXT:
        return f"文字太多（共 {total:,} 个字符，上限 {MAX_PROJECT_TEXT:,}）"
    return None


def indicator_to_dict(ind: Indicator) -> dict[str, Any]:
    v = ind.value
    return {
        "level1": ind.level1,
        "level2": ind.level2,
        "name": ind.name,
        "value": v.display(),
        "op": v.op,
        "number": None if v.number is None else str(v.number),
        "unit": v.unit,
        "text": v.text,
        "needs_review": ind.needs_review,
        "review_note": ind.review_note,
        "raw_text": ind.raw_text,
        "source_line": ind.source_line,
        "entered": v.entered,
        "note": ind.note,
        "uid": ind.uid,
    }


def project_to_dict(p: Project) -> dict[str, Any]:
    return {
        "id": p.id,
        "year": p.year,
        "name": p.name,
        "nature": p.nature,
        "category": p.category,
        "department": p.department,
        "implementing_unit": p.implementing_unit,
        "start_date": p.start_date.isoformat() if p.start_date else None,
        "end_date": p.end_date.isoformat() if p.end_date else None,
        "funds": {k: decimal_string(getattr(p.funds, k)) for k in FUND_KEYS},
        "goals": {"overall": p.goal_overall, "annual": p.goal_annual},
        "indicators": [indicator_to_dict(i) for i in p.indicators],
        "profile": p.profile,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
        "revision": p.revision,
        "versions": dict(p.versions),
        "deleted_at": p.deleted_at,
        "field_flags": dict(p.field_flags),
        "date_style": p.date_style,
        "goal_header": p.goal_header,
        "funds_written": dict(p.funds_written),
        "field_versions": {k: [r, n] for k, r, n in p.field_versions},
    }


# -- reading ------------------------------------------------------------------------------


class CodecError(ValueError):
    """One project is invalid; the message (Chinese) names the field."""


def _text(obj: dict, name: str, *, required: bool = False, where: str = "") -> str:
    value = obj.get(name)
    if type(value) is str and len(value) <= (
        MAX_LONG_TEXT if name in LONG_FIELDS else MAX_SHORT_TEXT
    ):  # the common case first (every field of every row read)
        return _BAD_CHARS.sub(REPLACEMENT, value) if _BAD_CHARS.search(value) else value
    if name not in obj or obj[name] is None:
        if required:
            raise CodecError(
                Message(say.MISSING, where=where, name=say.column(name, indicator=bool(where)))
            )
        return ""
    value = obj[name]
    if not isinstance(value, str):
        raise CodecError(
            Message(say.SHOULD_BE_TEXT, where=where, name=say.column(name, indicator=bool(where)))
        )
    limit = text_limit(name)
    if len(value) > limit:
        raise CodecError(
            Message(
                say.TEXT_TOO_LONG,
                where=where,
                name=say.column(name, indicator=bool(where)),
                length=len(value),
                limit=limit,
            )
        )
    return clean_text(value)


def _int(obj: dict, name: str, default: int | None = None) -> int:
    value = obj.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CodecError(Message(say.SHOULD_BE_INTEGER, name=say.column(name)))
    return value


def _money(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise CodecError(Message(say.AMOUNT_AS_TEXT, name=say.column(name)))
    try:
        return to_fen(parse_decimal_amount(str(value)))
    except MoneyError as exc:
        raise CodecError(
            Message(say.AMOUNT_PROBLEM, name=say.column(name), problem=exc.args[0])
        ) from exc


@lru_cache(maxsize=MAX_INDICATORS)
def _nth_indicator(n: int) -> Message:
    """ "第 n 条指标的": where a problem of an indicator is (made once for each n)."""
    return Message(say.NTH_INDICATOR, n=n)


def _indicator(obj: Any, n: int) -> Indicator:
    where = _nth_indicator(n)
    if not isinstance(obj, dict):
        raise CodecError(Message(say.NOT_AN_OBJECT, n=n))
    op = obj.get("op")
    number = obj.get("number")
    plain = _plain_texts(obj)  # None: one of them needs a closer look, field by field
    if plain is not None:
        unit, text, entered = plain[0], plain[1], plain[2]
    else:
        unit = _text(obj, "unit", where=where)
        text = _text(obj, "text", where=where)
        entered = _text(obj, "entered", where=where)
    value = _kept_value(op, number, unit, text, entered, obj, where)
    needs_review = obj.get("needs_review", False)
    if not isinstance(needs_review, bool):
        raise CodecError(
            Message(
                say.SHOULD_BE_BOOLEAN, where=where, name=say.column("needs_review", indicator=True)
            )
        )
    source_line = obj.get("source_line")
    if source_line is not None and (
        isinstance(source_line, bool) or not isinstance(source_line, int)
    ):
        raise CodecError(
            Message(
                say.NTH_SHOULD_BE_INTEGER,
                where=where,
                name=say.column("source_line", indicator=True),
            )
        )
    if plain is None:
        plain = [None, None, None, *(_text(obj, k, where=where) for k in _INDICATOR_KEYS[3:])]
    return Indicator(
        level1=plain[3],
        level2=plain[4],
        name=plain[5],
        value=value,
        needs_review=needs_review,
        review_note=plain[6],
        raw_text=plain[7],
        source_line=source_line,
        note=plain[8],
        uid=_uid(obj.get("uid"), where),
    )


# The values read lately, by what was read: the same op, number, unit, text and entered give
# the same value (immutable, shared) and the same checks pass, so a value seen before (many
# rows of a file say "≥95%") is not parsed and checked again. Bounded; only values that
# passed are kept, so a bad one still gets its error.
_VALUES: dict[tuple, IndicatorValue] = {}
_VALUES_KEPT = 4096


def _kept_value(op, number, unit: str, text: str, entered: str, obj: dict, where: str):
    """``_value``, or the same value read lately."""
    # Only what the key decides is looked up: a number as text (not 1 or a list), or a
    # value without a number from its texts (not the old files' "value" field).
    if (type(number) is str and (op is None or type(op) is str)) or (
        number is None and op is None and (text or unit or entered)
    ):
        key = (op, number, unit, text, entered)
        value = _VALUES.get(key)
        if value is None:
            value = _value(op, number, unit, text, entered, obj, where)
            if len(_VALUES) >= _VALUES_KEPT:
                _VALUES.clear()
            _VALUES[key] = value
        return value
    return _value(op, number, unit, text, entered, obj, where)


def _value(op, number, unit: str, text: str, entered: str, obj: dict, where: str):
    """An indicator's value from its JSON fields (``number`` and ``op`` as given), checked."""
    if number is not None or op is not None:
        if op is not None and op not in OPERATORS:
            raise CodecError(Message(say.BAD_OPERATOR, where=where, op=op))
        if number is None:
            raise CodecError(Message(say.OPERATOR_NO_NUMBER, where=where))
        if isinstance(number, bool) or not isinstance(number, (str, int)):
            raise CodecError(Message(say.NUMBER_AS_TEXT, where=where))
        shown = str(number)[:40]
        if len(str(number)) > 100:
            raise CodecError(Message(say.NUMBER_TOO_LONG, where=where, value=shown))
        try:
            dec = Decimal(str(number))
        except InvalidOperation as exc:
            raise CodecError(Message(say.NUMBER_INVALID, where=where, value=shown)) from exc
        if not dec.is_finite() or text:
            raise CodecError(Message(say.NUMBER_INVALID, where=where, value=shown))
        if not number_in_range(dec):
            raise CodecError(Message(say.NUMBER_RANGE, where=where, value=shown))
        return IndicatorValue(op=op, number=dec, unit=unit, entered=entered)
    if text or unit:
        if unit:
            raise CodecError(Message(say.UNIT_NO_NUMBER, where=where))
        return IndicatorValue(text=text, entered=entered)
    if entered:
        return parse_value(entered)
    return parse_value(_text(obj, "value", where=where))


# An indicator's text fields in the order ``_indicator`` reads them, with their limits.
_INDICATOR_KEYS = (
    "unit",
    "text",
    "entered",
    "level1",
    "level2",
    "name",
    "review_note",
    "raw_text",
    "note",
)
_INDICATOR_LIMITS = tuple((k, text_limit(k)) for k in _INDICATOR_KEYS)


def _plain_texts(obj: dict) -> list[str] | None:
    """The indicator's text fields as ``_text`` gives each — when every one is text (or
    missing) within its limit and none holds a character to replace: the common case, in
    one pass; None otherwise (then each is read by ``_text``, errors in the usual order)."""
    out = list(map(obj.get, _INDICATOR_KEYS))
    if None in out:
        out = ["" if v is None else v for v in out]
    if set(map(type, out)) != _ONLY_STR or any(map(gt, map(len, out), _INDICATOR_MAX)):
        return None
    if _BAD_CHARS.search("".join(out)):
        return None
    return out


_ONLY_STR = {str}
_INDICATOR_MAX = tuple(limit for _, limit in _INDICATOR_LIMITS)


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _uid(raw: Any, where: str) -> str:
    """An indicator's id as given ("" when missing: derived from the names later)."""
    if raw is None or raw == "":
        return ""
    if not isinstance(raw, str) or len(raw) > 64:
        raise CodecError(Message(say.UID_INVALID, where=where))
    if _CANONICAL_UUID.fullmatch(raw):  # as str(uuid.UUID(raw)) writes it
        return raw
    try:
        return str(uuid.UUID(raw))
    except ValueError as exc:
        raise CodecError(Message(say.UID_NOT_UUID, where=where)) from exc


def _with_uids(pid: str, indicators: tuple[Indicator, ...]) -> tuple[Indicator, ...]:
    """Rows without an id get the one derived from the project id and their names (the
    same as a migrated file gives them); two rows with one id are refused."""
    from dataclasses import replace

    out = indicators
    if not all(i.uid for i in indicators):
        derived = legacy_uids(pid, [(i.level1, i.level2, i.name) for i in indicators])
        out = tuple(
            i if i.uid else replace(i, uid=d) for i, d in zip(indicators, derived, strict=True)
        )
    if len({i.uid for i in out}) != len(out):
        raise CodecError(Message(say.SAME_UID))
    return out


def _field_versions(raw: Any, versions: tuple[tuple[str, int], ...]) -> tuple:
    """``{"goal_annual": ["replica id", 3], …}``: each change's counter within the project's
    own version vector (a counter beyond it is a forged or damaged record)."""
    if raw is None:
        return ()
    if not isinstance(raw, dict) or len(raw) > MAX_INDICATORS + 100:
        raise CodecError(Message(say.FIELD_VERSIONS_SHAPE))
    known = dict(versions)
    out = []
    for key, dot in raw.items():
        if not isinstance(key, str) or not 0 < len(key) <= 80:
            raise CodecError(Message(say.FIELD_VERSIONS_NAME))
        if not isinstance(dot, list) or len(dot) != 2:
            raise CodecError(Message(say.FIELD_VERSIONS_ENTRY))
        replica, n = dot
        if not isinstance(replica, str) or isinstance(n, bool) or not isinstance(n, int):
            raise CodecError(Message(say.FIELD_VERSIONS_ENTRY))
        if not 0 < n <= known.get(replica, 0):
            raise CodecError(Message(say.FIELD_VERSIONS_COUNT))
        out.append((key, replica, n))
    return tuple(sorted(out))


MAX_FLAGS = 100
FLAG_KEYS = frozenset({*Project.FIELD_LABELS, "indicators", *(f"funds.{k}" for k in FUND_KEYS)})


def _field_flags(raw: Any) -> tuple[tuple[str, str], ...]:
    """Fields flagged 需复核: ``{"funds.total": "reason"}``."""
    if raw is None:
        return ()
    if not isinstance(raw, dict) or len(raw) > MAX_FLAGS:
        raise CodecError(Message(say.FIELD_FLAGS_SHAPE))
    out = []
    for key, reason in raw.items():
        if key not in FLAG_KEYS:
            raise CodecError(Message(say.FIELD_FLAGS_UNKNOWN, key=str(key)[:40]))
        if not isinstance(reason, str) or len(reason) > 1000:
            raise CodecError(Message(say.FIELD_FLAGS_REASON))
        out.append((key, reason))
    return tuple(sorted(out))


MAX_REPLICAS = 1_000
# A version counter counts one file's edits of one project: 2^40 is beyond any clerk, and
# leaves room to count on (a counter near 2^62 received from a hostile file would poison
# the project: after one more edit here every other machine would refuse it).
MAX_COUNTER = 2**40


def _versions(raw: Any) -> tuple[tuple[str, int], ...]:
    """A version vector ``{"replica id": count}``; missing means none."""
    if raw is None:
        return ()
    if not isinstance(raw, dict) or len(raw) > MAX_REPLICAS:
        raise CodecError(Message(say.VERSIONS_SHAPE))
    out = []
    for key, n in raw.items():
        if not isinstance(key, str) or not 0 < len(key) <= 64:
            raise CodecError(Message(say.VERSIONS_ID))
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_COUNTER:
            raise CodecError(Message(say.VERSIONS_COUNT))
        out.append((key, n))
    return tuple(sorted(out))


def _dates(obj: dict) -> dict[str, Any]:
    dates = {}
    for name in ("start_date", "end_date"):
        raw = obj.get(name)
        if raw is None or raw == "":
            dates[name] = None
            continue
        if not isinstance(raw, str):
            raise CodecError(Message(say.DATE_FORMAT, name=say.column(name)))
        try:
            dates[name] = parse_date(raw)
        except DateError as exc:
            raise CodecError(
                Message(say.DATE_PROBLEM, name=say.column(name), problem=exc.args[0])
            ) from exc
    return dates


def _extra(obj: dict) -> dict[str, Any]:
    """Timestamps, revision, versions, trash, flags and field records of a project."""
    extra: dict[str, Any] = {}
    for name in ("created_at", "updated_at"):
        if obj.get(name):
            extra[name] = _text(obj, name)
    if "revision" in obj:
        extra["revision"] = _int(obj, "revision")
        if extra["revision"] < 0:
            raise CodecError(Message(say.REVISION_NEGATIVE))
    extra["versions"] = _versions(obj.get("versions"))
    deleted = obj.get("deleted_at")
    if deleted is not None:
        if not isinstance(deleted, str) or not deleted or len(deleted) > 40:
            raise CodecError(Message(say.DELETED_AT))
        extra["deleted_at"] = deleted
    extra["field_flags"] = _field_flags(obj.get("field_flags"))
    extra["field_versions"] = _field_versions(obj.get("field_versions"), extra["versions"])
    return extra


def _funds_written(obj: dict, funds: Funds) -> tuple[tuple[str, str], ...]:
    """The amounts' text as entered, each of which must read as the stored amount."""
    written = obj.get("funds_written") or {}
    if not isinstance(written, dict) or len(written) > len(FUND_KEYS):
        raise CodecError(Message(say.FUNDS_WRITTEN_SHAPE))
    for k, text in written.items():
        if k not in FUND_KEYS or not isinstance(text, str) or not 0 < len(text) <= 40:
            raise CodecError(Message(say.FUNDS_WRITTEN_ENTRY))
        try:
            same = parse_money(text) == getattr(funds, k)
        except ValueError:
            same = False
        if not same:
            raise CodecError(Message(say.FUNDS_WRITTEN_MISMATCH, text=text[:20]))
    return tuple(sorted(written.items()))


def text_total(project: Project) -> int:
    """The characters of all a project's text: its fields, its indicators' and values'."""
    total = sum(len(getattr(project, n)) for n in _PROJECT_TEXT_FIELDS)
    for i in project.indicators:
        total += sum(map(len, _INDICATOR_TEXTS(i))) + sum(map(len, _VALUE_TEXTS(i.value)))
    return total


def _check_total(project: Project) -> None:
    total = text_total(project)
    if total > MAX_PROJECT_TEXT:
        raise CodecError(Message(say.TOO_MUCH_TEXT, total=total, limit=MAX_PROJECT_TEXT))


def project_from_dict(
    obj: Any, *, indicators: tuple[Indicator, ...] | None = None, funds: Funds | None = None
) -> Project:
    """The project a dict describes, checked; raises ``CodecError`` naming what is wrong.
    ``indicators`` (from ``plain_indicators``) stand for ``obj["indicators"]``, ``funds``
    (amounts already checked) for ``obj["funds"]``."""
    if not isinstance(obj, dict):
        raise CodecError(Message(say.PROJECT_NOT_OBJECT))
    pid = _text(obj, "id", required=True)
    try:
        pid = str(uuid.UUID(pid))
    except ValueError as exc:
        raise CodecError(Message(say.BAD_ID, id=pid)) from exc
    year = _int(obj, "year")
    if not 1900 <= year <= 9999:
        raise CodecError(Message(say.BAD_YEAR, year=year))
    dates = _dates(obj)
    if funds is None:
        funds_obj = obj.get("funds", {})
        if not isinstance(funds_obj, dict):
            raise CodecError(Message(say.SHOULD_BE_OBJECT, name=say.column("funds")))
        funds = Funds(**{k: _money(funds_obj.get(k, "0"), k) for k in FUND_KEYS})
    goals = obj.get("goals", {})
    if not isinstance(goals, dict):
        raise CodecError(Message(say.SHOULD_BE_OBJECT, name=say.column("goals")))
    raw_indicators = obj.get("indicators", []) if indicators is None else []
    if not isinstance(raw_indicators, list):
        raise CodecError(Message(say.SHOULD_BE_LIST, name=say.column("indicators")))
    if len(raw_indicators) > MAX_INDICATORS:
        raise CodecError(Message(say.TOO_MANY_INDICATORS, limit=MAX_INDICATORS))
    profile = _text(obj, "profile")
    if profile and profile not in {p.id for p in taxonomy().profiles}:
        raise CodecError(Message(say.UNKNOWN_PROFILE, profile=profile))
    extra = _extra(obj)
    date_style = _text(obj, "date_style")
    if date_style and date_style not in DATE_STYLES:
        raise CodecError(Message(say.UNKNOWN_DATE_STYLE, style=date_style[:20]))
    extra["funds_written"] = _funds_written(obj, funds)
    goal_header = _text(obj, "goal_header")
    if len(goal_header) > MAX_GOAL_HEADER:
        raise CodecError(Message(say.GOAL_HEADER_TOO_LONG, limit=MAX_GOAL_HEADER))
    project = Project(
        id=pid,
        year=year,
        date_style=date_style,
        goal_header=goal_header,
        name=_text(obj, "name"),
        nature=_text(obj, "nature"),
        category=_text(obj, "category"),
        department=_text(obj, "department"),
        implementing_unit=_text(obj, "implementing_unit"),
        start_date=dates["start_date"],
        end_date=dates["end_date"],
        funds=funds,
        goal_overall=_text(goals, "overall"),
        goal_annual=_text(goals, "annual"),
        indicators=_with_uids(
            pid,
            tuple(_indicator(o, n) for n, o in enumerate(raw_indicators, 1))
            if indicators is None
            else indicators,
        ),
        profile=profile,
        **extra,
    )
    _check_total(project)
    return project
