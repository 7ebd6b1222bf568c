"""The variants of the 绩效目标表: labels, amounts, indicator columns and group names as
different bureaus, provinces and years write them.

Shared by every importer that reads a form as rows of cells (published text, .xlsx, PDF
tables — see ``published_text.parse_records``). What varies is data, not code:

- ``domain/data/import_synonyms.json``: field labels (项目支出名称, 预算单位, 主管部门及编码 …),
  fund labels with their kind and side (项目/年度), goal and indicator headers, indicator
  columns (指标值, 本年目标值, 计量单位, 指标方向, 备注 …), direction words and footer lines.
- ``domain/data/taxonomy_variants.json``: provincial and older group names (项目完成指标,
  效益指标 › 满意度指标 …) mapped onto the taxonomy profile's 一级/二级.

Matching is on ``label_key``: NFKC (full-width to ASCII), no white space, no trailing colon,
no leading ``其中``. A ``[077]``-style code before a name is not part of the name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from importlib import resources

from desktop.domain import flag_text
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message
from desktop.domain.money import MoneyError, to_fen
from desktop.domain.taxonomy import taxonomy
from desktop.domain.values import parse_value

WAN = Decimal(10000)
YUAN, WAN_YUAN = "元", "万元"

_WS = re.compile(r"\s+")
_CODE_PREFIX = re.compile(r"^\s*[\[【〔(（]\s*[0-9A-Za-z][0-9A-Za-z.\-]{0,24}\s*[\]】〕)）]\s*")
_UNIT_IN_LABEL = re.compile(r"[(（]\s*(万?元)\s*[)）]")
_NUMBERED = re.compile(
    r"^(?:\d{1,2}\s*[.、．)）](?!\d)|[(（]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]{1,2}\s*[、.．]"
    r"|目标\s*\d{1,2}\s*[:：]|[①②③④⑤⑥⑦⑧⑨⑩])"
)


def squash(cell: str) -> str:
    """NFKC without any white space (the parser's ``key``)."""
    return _WS.sub("", unicodedata.normalize("NFKC", cell or ""))


@lru_cache(maxsize=8192)
def label_key(cell: str) -> str:
    """A cell as a label: ``squash`` without a trailing colon, a leading 其中 or a code."""
    k = squash(strip_code(cell))
    k = k.rstrip(":")
    for prefix in ("其中:", "其中"):
        if k.startswith(prefix) and len(k) > len(prefix):
            k = k[len(prefix) :]
            break
    return k


def strip_code(text: str) -> str:
    """``[077]上海市某局`` → ``上海市某局``; text without a code is returned unchanged."""
    stripped = _CODE_PREFIX.sub("", text or "", count=1)
    return stripped if stripped.strip() else text


def is_numbered_line(text: str) -> bool:
    """``1.``, ``2、``, ``(3)``, ``一、``, ``目标1：`` — a line that starts a numbered item."""
    return bool(_NUMBERED.match(text.strip()))


# -- the synonym table --------------------------------------------------------------------


@dataclass(frozen=True)
class FundLabel:
    kind: str  # total | fiscal | carryover | other
    side: str | None  # project | annual | None (from the layout)


FUND_ATTR = {
    ("total", "project"): "total",
    ("fiscal", "project"): "fiscal",
    ("other", "project"): "other",
    ("total", "annual"): "annual_total",
    ("fiscal", "annual"): "annual_appropriation",
    ("carryover", "annual"): "annual_carryover",
    ("carryover", "project"): "annual_carryover",
    ("other", "annual"): "annual_other",
}


@dataclass(frozen=True)
class Synonyms:
    fields: dict[str, str]  # label → Project field (or "period")
    ignored: frozenset[str]
    funds_marker: tuple[str, ...]
    funds: dict[str, FundLabel]
    fund_periods: dict[str, str]  # header cell → side
    goals_marker: frozenset[str]
    goal_overall: tuple[str, ...]
    goal_annual: tuple[str, ...]
    indicators_marker: frozenset[str]
    indicator_periods: dict[str, str]  # label → long_term | annual
    indicator_columns: dict[str, str]  # header → role
    directions: dict[str, str]  # word → operator ("" = qualitative)
    footer: tuple[str, ...]  # lines under the table: footer + footer_in_table of the data
    footer_in_table: tuple[str, ...]  # sign-off labels ending the table anywhere in a row
    inline_goal: re.Pattern[str]  # a goal label and its colon inside a goal text
    wan_notes: frozenset[str] = frozenset()  # notes saying the amounts are in 万元

    # -- labels --------------------------------------------------------------------------
    def field_of(self, k: str) -> str | None:
        return self.fields.get(_without_unit(k))

    def fund_of(self, k: str) -> FundLabel | None:
        return self.funds.get(_without_unit(k))

    def is_ignored(self, k: str) -> bool:
        return k in self.ignored

    def funds_marker_unit(self, k: str) -> tuple[bool, str | None]:
        """(is a 项目资金 section label, its unit if it names one)."""
        base = _without_unit(k)
        if base in self.funds_marker:
            return True, unit_in_label(k)
        return False, None

    def goal_kind(self, k: str) -> str | None:
        """``"annual"`` or ``"overall"`` for a goal header (项目总目标, 中长期目标, 年度目标 …)."""
        if k.startswith(self.goal_annual):
            return "annual"
        if k.startswith(self.goal_overall):
            return "overall"
        return None

    def is_footer(self, cell: str) -> bool:
        """注：…, 填表人：…, 审核意见 — a line under the table, not an indicator."""
        k = squash(cell)
        for label in self.footer:
            if len(label) == 1:
                if k == label:
                    return True
            elif k.startswith(label):
                return True
        return False

    def ends_table(self, keys: list[str]) -> bool:
        """A sign-off label (填报人, 联系电话 …) anywhere in a row of squashed cells."""
        return any(k.startswith(self.footer_in_table) for k in keys)

    def is_label(self, k: str) -> bool:
        """Any label this table knows (a value collection stops at it)."""
        return (
            self.field_of(k) is not None
            or self.fund_of(k) is not None
            or self.is_ignored(k)
            or self.funds_marker_unit(k)[0]
            or k in self.goals_marker
            or k in self.indicators_marker
            or self.goal_kind(k) is not None
        )

    def direction(self, text: str) -> str | None:
        """The operator a 指标方向 cell means (``""`` = qualitative), None if unknown."""
        return self.directions.get(squash(text))

    # -- labels inside a cell ------------------------------------------------------------------
    def split_label(self, cell: str) -> tuple[str, str] | None:
        """``项目名称：某项目`` → (``项目名称``, ``某项目``) when the part before the colon is a
        known label; None otherwise."""
        text = cell.strip()
        m = re.match(r"^([^:：]{1,20}?)\s*[:：]\s*(.*)$", text, re.DOTALL)
        if not m:
            return None
        k = label_key(m.group(1))
        if self.is_label(k) or unit_note(m.group(0)):
            return m.group(1).strip(), m.group(2).strip()
        return None

    def cut_at_label(self, value: str) -> tuple[str, str]:
        """A value that ran on into the next label of its row (``主体班 项目负责人：张三``):
        (the value, the rest) — the rest is "" when nothing was cut."""
        for m in re.finditer(r"\s+", value):
            rest = value[m.end() :]
            head = re.split(r"[:：\s]", rest, maxsplit=1)[0]
            if head and self.is_label(label_key(head)):
                return value[: m.start()].strip(), rest
        return value, ""

    @property
    def amount_labels(self) -> list[str]:
        """Every fund label, longest first (for finding them inside one cell)."""
        return sorted(self.funds, key=len, reverse=True)


def _without_unit(k: str) -> str:
    return _UNIT_IN_LABEL.sub("", k).rstrip(":")


def unit_in_label(k: str) -> str | None:
    m = _UNIT_IN_LABEL.search(unicodedata.normalize("NFKC", k))
    return m.group(1) if m else None


_UNIT_NOTE = re.compile(r"^(?:(?:金额)?单位|金额)?[:]?[(]?(万?元)[)]?$")


def unit_note(cell: str) -> str | None:
    """``单位：万元``, ``金额单位：元``, ``(万元)``, ``金额（万元）`` (or a note listed in the
    table's ``wan_notes``) → the unit; else None."""
    k = squash(cell)
    m = _UNIT_NOTE.match(k)
    if m:
        return m.group(1)
    return WAN_YUAN if k in synonyms().wan_notes else None


@cache
def synonyms() -> Synonyms:
    raw = json.loads(_data("import_synonyms.json"))
    if raw.get("format") != "jixiao-import-synonyms":
        raise ValueError("not a synonym table")
    fields: dict[str, str] = {}
    for name, labels in raw["fields"].items():
        for label in labels:
            fields[label_key(label)] = name
    funds: dict[str, FundLabel] = {}
    for entry in raw["funds"]:
        for label in entry["labels"]:
            funds[label_key(label)] = FundLabel(entry["kind"], entry["side"])
    periods = {label_key(lb): side for side, lbs in raw["fund_periods"].items() for lb in lbs}
    ind_periods = {
        label_key(lb): period for period, lbs in raw["indicator_periods"].items() for lb in lbs
    }
    columns = {label_key(lb): role for role, lbs in raw["indicator_columns"].items() for lb in lbs}
    directions = {squash(w): op for op, words in raw["directions"].items() for w in words}
    goals = raw["goals"]
    goal_labels = sorted({label_key(x) for x in goals["overall"] + goals["annual"]}, key=len)
    inline_goal = re.compile(
        "(?P<label>" + "|".join(re.escape(x) for x in reversed(goal_labels)) + r")\s*[:：]"
    )  # the longest label first: 年度总体目标 before 总体目标
    in_table = tuple(squash(x) for x in raw["footer_in_table"])
    return Synonyms(
        fields=fields,
        ignored=frozenset(label_key(x) for x in raw["ignored_labels"]),
        funds_marker=tuple(label_key(x) for x in raw["funds_marker"]),
        funds=funds,
        fund_periods=periods,
        goals_marker=frozenset(label_key(x) for x in goals["marker"]),
        goal_overall=tuple(label_key(x) for x in goals["overall"]),
        goal_annual=tuple(label_key(x) for x in goals["annual"]),
        indicators_marker=frozenset(label_key(x) for x in raw["indicators_marker"]),
        indicator_periods=ind_periods,
        indicator_columns=columns,
        directions=directions,
        footer=tuple(squash(x) for x in raw["footer"]) + in_table,
        footer_in_table=in_table,
        inline_goal=inline_goal,
        wan_notes=frozenset(squash(x) for x in raw.get("wan_notes", ())),
    )


def _data(name: str) -> str:
    return resources.files("desktop.domain").joinpath(f"data/{name}").read_text("utf-8")


# -- amounts ------------------------------------------------------------------------------

_AMOUNT = re.compile(
    r"^[¥￥]?\s*(?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>万元|万|元)?"
)


def _not_amount(text: str) -> Message:
    return Message(QT_TRANSLATE_NOOP("domain", "“{text}”不是金额"), text=text.strip())


def parse_amount(text: str, unit: str = YUAN) -> tuple[int, str]:
    """An amount as written → (分, the unit it was read in: ``元`` or ``万元``).

    The unit written with the number (``250万``, ``10000万元``) wins over ``unit`` (the
    label's or the form's). Words after the amount (``854万(含上年结转54万)``) are not part
    of it. Exact: 万 is multiplied as a Decimal; a fraction of a 分 is refused."""
    s = unicodedata.normalize("NFKC", text or "").strip().replace("，", ",")
    if not s:
        raise MoneyError(Message(QT_TRANSLATE_NOOP("domain", "金额为空")))
    m = _AMOUNT.match(s)
    if not m:
        raise MoneyError(_not_amount(text))
    rest = s[m.end() :].strip()
    if rest and (
        not rest.startswith(("(", "[", ",", ";", "；", "、", "含", "其中"))
        or re.match(r"^[,.]\d", rest)
    ):
        raise MoneyError(_not_amount(text))
    try:
        number = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits numbers only
        raise MoneyError(_not_amount(text)) from exc
    if number < 0:
        raise MoneyError(
            Message(QT_TRANSLATE_NOOP("domain", "金额“{text}”不能是负数"), text=text.strip())
        )
    written = m.group("unit")
    read_in = WAN_YUAN if written in ("万", "万元") else (YUAN if written == "元" else unit)
    if number >= Decimal("1e13"):
        raise MoneyError(
            Message(QT_TRANSLATE_NOOP("domain", "金额“{text}”太大"), text=text.strip())
        )
    return to_fen(number * WAN if read_in == WAN_YUAN else number), read_in


def amounts_in_text(text: str, unit: str = YUAN) -> list[tuple[FundLabel, str, int, str]]:
    """Every ``label amount`` pair in one cell (``资金总额：250万元（其中：财政拨款200万元，
    其他资金50万元）``) as (label, label text, 分, unit). Labels are matched longest first."""
    syn = synonyms()
    s = unicodedata.normalize("NFKC", text)
    if not any(ch.isdigit() for ch in s):
        return []
    out = []
    for m in _amount_pattern(syn).finditer(s):
        try:
            fen, read_in = parse_amount(m.group("amount"), m.group("lunit") or unit)
        except MoneyError:
            continue
        out.append((syn.funds[m.group("label")], m.group("label"), fen, read_in))
    return out


_PATTERNS: list[tuple[Synonyms, re.Pattern[str]]] = []


def _amount_pattern(syn: Synonyms) -> re.Pattern[str]:
    """The regex finding ``label amount`` pairs, built once per synonym table."""
    if _PATTERNS and _PATTERNS[0][0] is syn:
        return _PATTERNS[0][1]
    alternatives = "|".join(re.escape(lb) for lb in syn.amount_labels)
    pattern = re.compile(
        rf"(?P<label>{alternatives})\s*(?:\((?P<lunit>万?元)\))?\s*[:为是]?\s*"
        r"(?P<amount>[¥￥]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万元|万|元)?)"
    )
    _PATTERNS[:] = [(syn, pattern)]
    return pattern


# -- indicator tables ---------------------------------------------------------------------


@dataclass
class IndicatorHeader:
    """Where a header row put each column of the indicator table (by name)."""

    l1: int = 1
    l2: int = 2
    name: int = 3
    value: int = 4
    roles: dict[int, str] = field(default_factory=dict)  # column → role
    titles: dict[int, str] = field(default_factory=dict)  # column → header text
    extended: bool = False  # more than 一级 | 二级 | 三级 | 指标值

    def role_at(self, col: int) -> str | None:
        return self.roles.get(col)

    def read_row(self, rest, shift: int):
        """Name, value, notes and problems of a row read against this header's named
        columns (指标值, 计量单位, 指标方向, 备注 …); None when the cells do not sit in them."""
        parts: dict[str, str] = {}
        notes: list[str] = []
        problems: list[str] = []
        for col, text in rest:
            role = self.role_at(col - shift)
            if role is None or role in ("l1", "l2"):
                return None
            if role in ("name", "value", "unit", "direction"):
                parts[role] = text
            else:
                title = label_key(self.titles.get(col - shift, "")) or "其他"
                notes.append(f"{title}：{text}")
        if "name" not in parts:
            return None
        value, problem = compose_value(
            parts.get("value", ""), parts.get("unit", ""), parts.get("direction", "")
        )
        if problem:
            problems.append(problem)
            notes.append(flag_text.note(flag_text.DIRECTION, direction=parts["direction"]))
        return parts["name"], value, notes, problems


def indicator_header(cells: list[tuple[int, str]]) -> IndicatorHeader | None:
    """The header of an indicator table, or None if the row is not one. A header names at
    least two of 一级指标 / 二级指标 / 三级指标 / 指标值 (by any of their synonyms)."""
    if sum(1 for _, c in cells if "指标" in c or "值" in c) < 2:
        return None  # every header names at least two of its columns so
    syn = synonyms()
    roles: dict[int, str] = {}
    titles: dict[int, str] = {}
    for col, cell in cells:
        k = label_key(cell)
        role = syn.indicator_columns.get(k)
        if role is None and "指标值" in k:
            role = "value_current" if ("年度" in k or "本年" in k) else "value"
        if role is None:
            continue
        roles[col] = role
        titles[col] = cell.strip()
    found = set(roles.values())
    core = found & {"l1", "l2", "name"}
    values = found & {"value", "value_current"}
    if not ({"l1", "l2"} <= found or (core and values)):
        return None
    head = IndicatorHeader(roles=roles, titles=titles)
    by_role: dict[str, int] = {}
    for col, role in sorted(roles.items()):
        by_role.setdefault(role, col)
    head.l1 = by_role.get("l1", head.l1)
    head.l2 = by_role.get("l2", head.l2)
    head.name = by_role.get("name", head.name)
    current = [c for c, r in roles.items() if r == "value_current"]
    generic = [c for c, r in roles.items() if r == "value"]
    if current:
        head.value = current[0]
        for c in current[1:] + generic:
            roles[c] = "note"
    elif generic:
        head.value = generic[0]
        for c in generic[1:]:
            roles[c] = "note"
    roles[head.value] = "value"
    head.extended = (
        any(r not in ("l1", "l2", "name", "value") for r in roles.values()) or "l1" not in by_role
    )
    return head


def compose_value(value: str, unit: str, direction: str) -> tuple[str, str | None]:
    """A value from its 指标值, 计量单位 and 指标方向 cells → (text to parse, problem).

    ``95`` + ``%`` + ``正向`` → ``≥95(%)``; a value that already carries an operator or its
    unit keeps them. ``problem`` names a direction word the table does not know."""
    syn = synonyms()
    v = (value or "").strip()
    unit = (unit or "").strip()
    problem = None
    op = ""
    if direction and direction.strip():
        found = syn.direction(direction)
        if found is None:
            problem = flag_text.reason(flag_text.DIRECTION_UNREAD, direction=direction.strip())
        else:
            op = found
    if not v:
        return "", problem
    nv = unicodedata.normalize("NFKC", v)
    numeric = bool(re.match(r"^[+-]?\d[\d,]*(?:\.\d+)?$", nv))
    has_op = nv[:1] in "=≥≤<>≧≦" or nv.startswith(tuple(w for w in syn.directions if w))
    text = v
    if numeric and unit and unit not in ("/", "-", "无"):
        text = f"{v}({unit})"
    reading = parse_value(v)
    quantity = numeric or (reading.is_quantitative and reading.op is None)
    if quantity and op and not has_op:
        text = op + text  # 4次 with 正向: ≥4次
    return text, problem


# -- indicator groups (taxonomy variants) ----------------------------------------------------


@dataclass(frozen=True)
class GroupVariants:
    level1: dict[str, str]
    level2: dict[str, str]
    pairs: dict[tuple[str, str], tuple[str, str]]

    known_l1: frozenset[str] = frozenset()  # the taxonomy's own names
    known_l2: frozenset[str] = frozenset()

    def canonical_l1(self, k: str) -> str | None:
        return k if k in self.known_l1 else self.level1.get(k)

    def canonical_l2(self, k: str) -> str | None:
        return k if k in self.known_l2 else self.level2.get(k)

    def place(self, l1: str, l2: str) -> tuple[str, str]:
        """The (一级, 二级) a pair of canonical names belongs under (pairs moved as a whole)."""
        return self.pairs.get((l1, l2), (l1, l2))


@cache
def group_variants() -> GroupVariants:
    raw = json.loads(_data("taxonomy_variants.json"))
    if raw.get("format") != "jixiao-taxonomy-variants":
        raise ValueError("not a taxonomy variants table")
    return GroupVariants(
        level1={label_key(k): v for k, v in raw["level1"].items()},
        level2={label_key(k): v for k, v in raw["level2"].items()},
        pairs={tuple(p["from"]): tuple(p["to"]) for p in raw["pairs"]},
        known_l1=taxonomy().level1_names,
        known_l2=taxonomy().level2_names,
    )


# -- years ----------------------------------------------------------------------------------

_FILE_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)")


def year_from_file_name(name: str) -> int | None:
    m = _FILE_YEAR.search(name or "")
    return int(m.group(1)) if m else None


_PERIOD_YEARS = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def years_in_period(text: str) -> list[int]:
    """The years named in a period cell (``2019年1月-2019年12月``, ``2023-2025``)."""
    return [int(y) for y in _PERIOD_YEARS.findall(unicodedata.normalize("NFKC", text or ""))]
