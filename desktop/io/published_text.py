"""Importer for published 财政项目支出绩效目标申报表 as text extracted from the PDF.

The format: one line per table row, cells separated by tabs, title lines outside the table.
Extraction is imperfect, so the parser reads cells by what they say rather than where they
stand: labels (项目名称, 项目资金总额, 产出指标, 数量指标, …) are recognised wherever they
are, and positions are used only to tell sides and columns apart.

Indicator rows are read against the columns of their header row (一级指标 | 二级指标 |
三级指标 | 指标值). A whole row shifted left or right is an extraction artefact and is
corrected; a 二级 without its 一级 gets the 一级 the taxonomy gives it (reported). What
cannot be told from the text — a plain row sitting in the 二级 column, cells that do not
line up, two rows merged into one cell, a name cut off — is imported as written, marked
needs-review with its source line, and listed in the report. Nothing is dropped silently.

Also read: quoted cells with line breaks inside (``"阶段\\n性项\\n目"``), 8-column layouts,
amounts in 元 or 万元, dates such as ``2026/1/1``, goal headers such as
``项目总体目标(2024 年-2026 年)``, and 成本指标 as a 一级 or a 二级.

Other bureaus', provinces' and years' forms: the labels, fund labels, indicator columns and
group names they use are data (``variants.py`` and ``domain/data/``). A field this parser
could not fill, or only worked out (a total from its parts, a year from the file name), is
flagged on the project (``Project.field_flags``), never left as a silent 0 or blank.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from desktop.domain.dates import DateError, date_style, parse_date
from desktop.domain.model import Funds, Indicator, Project, field_label, now_timestamp
from desktop.domain.money import MoneyError
from desktop.domain.taxonomy import taxonomy
from desktop.domain.values import parse_value
from desktop.io.report import ERROR, INFO, REVIEW, WARNING, ImportFormatError, ImportResult
from desktop.io.variants import (
    FUND_ATTR,
    WAN,
    WAN_YUAN,
    YUAN,
    IndicatorHeader,
    amounts_in_text,
    compose_value,
    group_variants,
    indicator_header,
    is_numbered_line,
    label_key,
    parse_amount,
    strip_code,
    synonyms,
    unit_in_label,
    unit_note,
    year_from_file_name,
    years_in_period,
)

# -- reading records --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Record:
    line: int  # 1-based line where the record starts
    cells: tuple[str, ...]  # stripped cell texts, in-cell line breaks resolved
    raw: str  # the record exactly as in the file

    def filled(self) -> list[tuple[int, str]]:
        return [(col, c) for col, c in enumerate(self.cells) if c]


_QUOTE_SCAN_LIMIT = 20_000


def _closing_quote(text: str, start: int) -> int:
    """Index of the quote closing a CSV-style quoted cell opened at ``start``, or -1."""
    j = start + 1
    n = len(text)
    while True:
        k = text.find('"', j)
        if k == -1 or k - start > _QUOTE_SCAN_LIMIT:
            return -1
        if k + 1 < n and text[k + 1] == '"':
            j = k + 2
            continue
        return k if k + 1 == n or text[k + 1] in "\t\n" else -1


def _is_wide(ch: str) -> bool:
    return ord(ch) > 0x2E7F  # CJK, full-width forms and CJK punctuation


def _join_wrapped(cell: str) -> str:
    """Resolve line breaks inside a cell: none between CJK characters, a space otherwise."""
    if "\n" not in cell:
        return cell
    parts = [p.strip() for p in cell.split("\n")]
    out = ""
    for part in parts:
        if not part:
            continue
        if out and is_numbered_line(part):
            out += "\n"  # a numbered line (1. 2. …) stays a line of its own
        elif out and not (_is_wide(out[-1]) and _is_wide(part[0])):
            out += " "
        out += part
    return out


def read_records(text: str) -> list[Record]:
    """Split the text into records of tab-separated cells (quoted cells may span lines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    records: list[Record] = []
    n = len(text)
    i = 0
    line = 1
    while i < n or (i == n and n and text[-1] != "\n" and not records):
        start, start_line = i, line
        cells: list[str] = []
        while True:
            if i < n and text[i] == '"' and (end := _closing_quote(text, i)) != -1:
                cell = text[i + 1 : end].replace('""', '"')
                line += text.count("\n", i, end)
                i = end + 1
            else:
                end = i
                while end < n and text[end] not in "\t\n":
                    end += 1
                cell = text[i:end]
                i = end
            cells.append(_join_wrapped(cell.strip()).strip())
            if i < n and text[i] == "\t":
                i += 1
                continue
            break
        raw = text[start:i]
        if i < n:  # the newline ending the record
            i += 1
            line += 1
        records.append(Record(start_line, tuple(cells), raw))
        if i >= n:
            break
    return records


# -- recognising labels -----------------------------------------------------------------

_WS = re.compile(r"\s+")


def key(cell: str) -> str:
    """A cell as a label: NFKC (full-width to ASCII) without any white space."""
    return _WS.sub("", unicodedata.normalize("NFKC", cell))


_FOOTER = ("填报人", "联系电话", "单位负责人", "填报日期", "审核人", "财务负责人", "单位(盖章)")
_TITLE = re.compile(r"绩效目标(?:申报)?表")
_YEAR = re.compile(r"(\d{4})\s*年度?")
_YEAR_LINE = re.compile(r"^\(?(\d{4})年度?\)?$")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BREAK_TAG = re.compile(r"<br\s*/?>|</p>\s*<p[^<>]*>", re.IGNORECASE)
# A gap between two wide characters inside one cell: two text pieces, e.g. two merged rows.
_WIDE_GAP = re.compile(r"[^\x00-\x7f]\s+[^\x00-\x7f]")
_CUT_OFF_ENDINGS = tuple("及和与或并的、，,;；:：（(")
_INLINE_GOAL = re.compile(
    r"(?P<label>项目中长期目标|中长期目标|长期目标|项目总体目标|项目总目标|总体目标|"
    r"年度总体目标|年度绩效目标|年度目标|本年度目标)\s*[:：]"
)
# Fund fields by side, the total first.
_SIDES = {
    "project": ("total", "fiscal", "other"),
    "annual": ("annual_total", "annual_appropriation", "annual_carryover", "annual_other"),
}
_COPY = {  # a side the form does not have at all, from the other side
    "total": "annual_total",
    "fiscal": "annual_appropriation",
    "other": "annual_other",
}
DERIVED = "推算"  # a fund source: worked out from other amounts, not read


def _is_label(k: str) -> bool:
    return synonyms().is_label(label_key(k))


def _is_title(k: str) -> bool:
    return bool(_TITLE.search(k)) and len(k) <= 60


def strip_html(text: str) -> str:
    """Remove HTML tags such as ``<p>`` left in published goal texts; keep real ``<``."""
    text = _BREAK_TAG.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    return html.unescape(text).strip()


# -- one form ---------------------------------------------------------------------------


@dataclass
class _Form:
    first_line: int
    year: int | None = None
    basic: dict[str, str] = field(default_factory=dict)
    basic_lines: dict[str, int] = field(default_factory=dict)
    funds: dict[str, int] = field(default_factory=dict)
    fund_sources: dict[str, str] = field(default_factory=dict)  # attr → 元 / 万元 / 推算
    fund_unit: Decimal = Decimal(1)
    fund_cols: dict[str, int] = field(default_factory=dict)
    fund_side: str | None = None  # the side the last explicit fund label named
    fund_period_cols: dict[int, str] = field(default_factory=dict)  # column → side
    flags: dict[str, str] = field(default_factory=dict)  # field key → why it needs review
    section: str = "basic"
    goal_cols: dict[str, int] = field(default_factory=dict)
    goals: dict[str, list[str]] = field(default_factory=lambda: {"overall": [], "annual": []})
    columns: IndicatorHeader | None = None
    l1: str = ""
    l2: str = ""
    l1_raw: str = ""
    l2_raw: str = ""
    l1_known: bool = True
    l2_known: bool = True
    period: str = ""  # "long_term" while reading a table's 中长期 half
    indicators: list[Indicator] = field(default_factory=list)
    long_term: list[Indicator] = field(default_factory=list)
    notes: list[tuple[str, str, int | None]] = field(default_factory=list)
    labels_seen: int = 0

    goal_continues: bool = False  # a goal header repeated on a new page: text goes on
    goal_last: str = ""  # the goal header read last

    def note(self, severity: str, message: str, line: int | None, col: int | None = None) -> None:
        self.notes.append((severity, message, line, col))


class _Parser:
    def __init__(self, result: ImportResult, cell_ref=None, source_name: str = ""):
        self.result = result
        self.cell_ref = cell_ref  # (line, col) → "Sheet!B7", for spreadsheets
        self.source_name = source_name
        self.tax = taxonomy()
        self.syn = synonyms()
        self.groups = group_variants()
        self.form: _Form | None = None
        self.pending_unit: Decimal | None = None  # a 单位：万元 note above the form

    # -- driving ------------------------------------------------------------------------
    def feed(self, rec: Record) -> None:
        filled = rec.filled()
        if not filled:
            return
        syn = self.syn
        keys = [key(c) for _, c in filled]
        lkeys = [label_key(c) for _, c in filled]
        if len(filled) == 1 and _is_title(keys[0]):
            self._start(rec.line)
            if m := _YEAR.search(keys[0]):
                self.form.year = int(m.group(1))
            return
        if len(filled) == 1 and (m := _YEAR_LINE.match(keys[0])):
            if self.form is None:
                self._start(rec.line)
            if self.form.year is None:
                self.form.year = int(m.group(1))
            return
        if len(filled) <= 2 and any(unit_note(c) for _, c in filled):
            unit = WAN if any(unit_note(c) == WAN_YUAN for _, c in filled) else Decimal(1)
            if self.form is None or self.form.section == "footer":
                self.pending_unit = unit
            elif self.form.section not in ("indicators",):
                self.form.fund_unit = unit
            if not any(syn.is_label(k) for k in lkeys):
                return
        if (
            self.form is not None
            and self.form.basic.get("name")
            and (
                any(syn.field_of(k) == "name" for k in lkeys)
                or any(
                    (s := syn.split_label(c)) and syn.field_of(label_key(s[0])) == "name"
                    for _, c in filled
                )
            )
        ):
            self._start(rec.line)  # a new form without a title line
        if self.form is None:
            if not any(_is_label(c) or syn.split_label(c) for _, c in filled):
                return  # text before the first form
            self._start(rec.line)
        form = self.form
        header = indicator_header(filled)
        if header is not None:
            form.columns = header
            form.section = "indicators"
            form.period = self._period_of(lkeys) or form.period
            return
        if form.section != "footer" and self._is_footer(keys, lkeys):
            if form.section in ("indicators", "goals") or form.indicators:
                form.section = "footer"
                return
            if not any(syn.field_of(k) or syn.fund_of(k) for k in lkeys[1:]):
                return  # 填报单位：… above the table: not part of the form
        if form.section == "indicators" or (
            form.section == "goals"
            and (
                self.groups.canonical_l1(lkeys[0]) is not None or lkeys[0] in syn.indicators_marker
            )
        ):
            if form.section != "indicators":
                form.section = "indicators"
                form.columns = IndicatorHeader()
            self._indicator_row(rec)
            return
        if form.section == "footer":
            return
        if any(syn.goal_kind(k) for k in lkeys) or (
            lkeys[0] in syn.goals_marker
            and len(filled) > 1
            and not any(syn.is_label(k) for k in lkeys[1:])
        ):
            form.section = "goals"
            self._goal_header(rec)
            return
        if form.section == "goals" and not any(syn.field_of(k) or syn.fund_of(k) for k in lkeys):
            self._goal_text(rec)
            return
        self._label_row(rec)

    def _is_footer(self, keys: list[str], lkeys: list[str]) -> bool:
        """注：…, 审核意见, 填表人 … first in the row; in the table also 联系电话 etc. anywhere."""
        if self.syn.is_footer(keys[0]):
            return True
        return self.form.section == "indicators" and any(k.startswith(_FOOTER) for k in keys)

    def _period_of(self, lkeys: list[str]) -> str:
        for k in lkeys:
            if (p := self.syn.indicator_periods.get(k)) is not None:
                return p
        return ""

    def _start(self, line: int) -> None:
        self.finish()
        self.form = _Form(first_line=line)
        if self.pending_unit is not None:
            self.form.fund_unit = self.pending_unit
            self.pending_unit = None

    # -- basic information and funds ----------------------------------------------------
    def _split_cells(self, filled: list[tuple[int, str]]) -> list[tuple[int, str, bool]]:
        """The row's cells with ``label：value`` cells split in two: (col, text, is_label)."""
        out: list[tuple[int, str, bool]] = []
        for col, cell in filled:
            text = cell
            for _ in range(20):  # 项目类别：甲 项目性质：乙 — several labels in one cell
                split = self.syn.split_label(text)
                if split is None:
                    out.append((col, text, self.syn.is_label(label_key(text))))
                    break
                label, value = split
                out.append((col, label, True))
                value, rest = self.syn.cut_at_label(value)
                if value:
                    out.append((col, value, False))
                if not rest:
                    break
                text = rest
        return out

    def _label_row(self, rec: Record) -> None:
        form = self.form
        syn = self.syn
        cells = self._split_cells(rec.filled())
        # A row of period headers only (中期资金总额 | 年度资金总额): the columns of the amounts.
        periods = {
            col: syn.fund_periods[label_key(c)]
            for col, c, is_label in cells
            if label_key(c) in syn.fund_periods
        }
        if (
            len(periods) >= 2
            and len(set(periods.values())) == 2
            and all(
                is_label or label_key(c) in syn.fund_periods or unit_note(c)
                for _, c, is_label in cells
            )
        ):
            form.fund_period_cols = periods
            for _, c, _ in cells:
                marker, unit = syn.funds_marker_unit(label_key(c))
                if marker:
                    form.section = "funds"
                    if unit:
                        form.fund_unit = WAN if unit == WAN_YUAN else Decimal(1)
            form.labels_seen += 1
            return
        i = 0
        while i < len(cells):
            col, cell, _ = cells[i]
            k = label_key(cell)
            target = None
            marker, unit = syn.funds_marker_unit(k)
            if marker:
                form.section = "funds"
                if unit:
                    form.fund_unit = WAN if unit == WAN_YUAN else Decimal(1)
                form.labels_seen += 1
                i += 1
                continue
            if (u := unit_note(cell)) is not None:
                form.fund_unit = WAN if u == WAN_YUAN else Decimal(1)
                i += 1
                continue
            if (name := syn.field_of(k)) is not None:
                target = ("basic", name)
            elif (fund := syn.fund_of(k)) is not None:
                target = ("fund", fund)
            elif syn.is_ignored(k):
                j = i + 1
                while j < len(cells) and not cells[j][2]:
                    j += 1
                i = j  # a label the form has but this program does not keep, and its value
                continue
            elif k in syn.goals_marker or k in syn.indicators_marker:
                i += 1
                continue
            if target is None:
                if inline := amounts_in_text(cell, self._unit_name()):
                    for label, text, fen, read_in in inline:
                        self._set_fund(label, text, fen, read_in, rec.line, col)
                else:
                    form.note(WARNING, f"无法识别的单元格“{cell}”，已忽略", rec.line)
                i += 1
                continue
            form.labels_seen += 1
            values: list[tuple[int, str]] = []
            j = i + 1
            while j < len(cells) and not cells[j][2]:
                values.append((cells[j][0], cells[j][1]))
                j += 1
            if target[0] == "basic":
                self._assign_basic(target[1], cell, values, rec.line, col)
            else:
                self._assign_fund(target[1], cell, values, rec.line, col)
            i = j

    def _unit_name(self) -> str:
        return WAN_YUAN if self.form.fund_unit == WAN else YUAN

    def _assign_basic(self, name: str, label: str, values, line: int, col: int) -> None:
        form = self.form
        text = values[0][1] if values else ""
        value_col = values[0][0] if values else col
        text, rest = self.syn.cut_at_label(text)
        if rest:
            form.note(WARNING, f"“{label_key(label)}”的值后面的“{rest}”不属于它，已忽略", line)
        for _, extra in values[1:]:
            form.note(WARNING, f"“{label_key(label)}”后的单元格“{extra}”不属于它，已忽略", line)
            # not a label: it may be the rest of a wrapped value — the clerk decides
            form.flags.setdefault(name, f"同一行还有“{extra}”，未并入，请核对")
        if name in ("name", "department", "implementing_unit"):
            text = strip_code(text).strip()
        if name in form.basic and form.basic[name] != text:
            if not form.basic[name]:
                form.basic[name] = text
                form.basic_lines[name] = (line, value_col)
                return
            form.note(WARNING, f"“{label_key(label)}”出现了两次，保留第一次的值", line, value_col)
            return
        form.basic[name] = text
        form.basic_lines[name] = (line, value_col)

    def _side(self, label, col: int, value_col: int | None) -> str:
        form = self.form
        if label.side is not None:
            return label.side
        if form.fund_period_cols and value_col is not None:
            nearest = min(form.fund_period_cols, key=lambda c: abs(c - value_col))
            return form.fund_period_cols[nearest]
        left, right = form.fund_cols.get("left"), form.fund_cols.get("right")
        if left is not None and right is not None:
            if abs(col - left) != abs(col - right):
                return "project" if abs(col - left) < abs(col - right) else "annual"
            return "annual" if "other" in form.funds else "project"
        return form.fund_side or "project"

    def _assign_fund(self, label, label_text: str, values, line: int, col: int) -> None:
        form = self.form
        unit = unit_in_label(label_text) or self._unit_name()
        if label.side == "project":
            form.fund_cols.setdefault("left", col)
        elif label.side == "annual":
            form.fund_cols.setdefault("right", col)
        amounts = [(c, v) for c, v in values if unit_note(v) is None]
        for _, v in values:
            if (u := unit_note(v)) is not None:
                unit = u  # 250 | 万元: the unit in the next cell
        if form.fund_period_cols and len(amounts) > 1:
            pairs = amounts
        else:
            pairs = amounts[:1]
            for c, extra in amounts[1:]:
                message = f"“{label_key(label_text)}”后的单元格“{extra}”不属于它，已忽略"
                form.note(WARNING, message, line, c)
        if not pairs:
            attr = FUND_ATTR[(label.kind, self._side(label, col, None))]
            form.note(WARNING, f"“{label_key(label_text)}”没有金额", line, col)
            form.flags.setdefault(f"funds.{attr}", f"“{label_key(label_text)}”没有金额")
            return
        for value_col, text in pairs:
            try:
                fen, read_in = parse_amount(text, unit)
            except MoneyError as exc:
                attr = FUND_ATTR[(label.kind, self._side(label, col, value_col))]
                message = f"“{label_key(label_text)}”的金额无法识别（{exc}），按 0 导入"
                form.note(WARNING, message, line, value_col)
                form.funds.setdefault(attr, 0)
                form.flags.setdefault(f"funds.{attr}", f"金额“{text}”无法识别")
                continue
            self._set_fund(label, label_text, fen, read_in, line, col, value_col)
            # 854万(含上年结转54万): further amounts named inside the same cell
            tail = text[len(text.split("(")[0].split("（")[0]) :]
            for inner, inner_text, inner_fen, inner_unit in amounts_in_text(tail, read_in):
                self._set_fund(inner, inner_text, inner_fen, inner_unit, line, col, value_col)

    def _set_fund(self, label, label_text, fen, read_in, line, col, value_col=None) -> None:
        form = self.form
        side = self._side(label, col, value_col)
        if label.side is not None:
            form.fund_side = label.side
        attr = FUND_ATTR[(label.kind, side)]
        if attr in form.funds and form.fund_sources.get(attr):
            if form.funds[attr] != fen:
                message = f"“{label_key(label_text)}”出现了两次，保留第一次的值"
                form.note(WARNING, message, line, col)
            return
        form.funds[attr] = fen
        form.fund_sources[attr] = read_in
        form.flags.pop(f"funds.{attr}", None)

    # -- goals ----------------------------------------------------------------------------
    def _goal_header(self, rec: Record) -> None:
        form = self.form
        current = None
        kinds = [self.syn.goal_kind(label_key(c)) for _, c in rec.filled()]
        repeated = [k for k in kinds if k]
        if (form.goals["overall"] or form.goals["annual"]) and all(
            k in form.goal_cols for k in repeated
        ):
            form.goal_continues = True  # repeated on a new page: the texts go on
        for (col, cell), kind in zip(rec.filled(), kinds, strict=True):
            k = label_key(cell)
            split = self.syn.split_label(cell)
            if split and (inline := self.syn.goal_kind(label_key(split[0]))):
                current = inline  # 年度目标：文字 — the text in the header's own cell
                form.goal_cols[inline] = col
                form.goal_last = inline
                if split[1]:
                    form.goals[inline].append(split[1])
                    form.goal_continues = False
                continue
            if kind:
                form.goal_last = kind
            if kind == "annual":
                current = "annual"
                form.goal_cols["annual"] = col
            elif kind == "overall":
                current = "overall"
                form.goal_cols["overall"] = col
            elif k in self.syn.goals_marker:
                if current is None and not any(kinds):
                    current = "overall"  # 项目绩效目标 | 文字: the form's one goal
                    form.goal_cols["overall"] = col
                    form.goal_last = "overall"
                continue
            elif current is not None:
                form.goals[current].append(cell)  # the text stands beside its header
                form.goal_continues = False
            else:
                split = self.syn.split_label(cell)
                if split and (gk := self.syn.goal_kind(label_key(split[0]))):
                    form.goals[gk].append(split[1])

    def _goal_text(self, rec: Record) -> None:
        form = self.form
        cells = [(col, c) for col, c in rec.filled() if label_key(c) not in self.syn.goals_marker]
        cols = form.goal_cols
        for n, (col, cell) in enumerate(cells):
            if len(cols) == 1:
                which = next(iter(cols))
            elif len(set(cols.values())) == 1:
                which = form.goal_last or "overall"  # headers one above the other
            elif len(cells) == 2 and len(cols) == 2:
                which = ("overall", "annual")[n]
            else:
                d_overall = abs(col - cols.get("overall", 10**6))
                d_annual = abs(col - cols.get("annual", 10**6))
                which = "overall" if d_overall <= d_annual else "annual"
            if form.goal_continues and form.goals[which] and not is_numbered_line(cell):
                form.goals[which][-1] += cell  # one text split by a page break
            else:
                form.goals[which].append(cell)
        form.goal_continues = False
        if len(cells) > 2:
            message = "绩效目标一行中有两个以上的文字单元格，已按列位置归入总目标和年度目标"
            form.note(WARNING, message, rec.line)

    # -- indicators -----------------------------------------------------------------------
    def _classify_label(self, k: str, next_key: str | None, role: str | None) -> str | None:
        """``"l1"``, ``"l2"`` or None for a cell at the start of an indicator row."""
        c1, c2 = self.groups.canonical_l1(k), self.groups.canonical_l2(k)
        is_l1, is_l2 = c1 is not None, c2 is not None
        if (
            is_l1
            and is_l2
            and role in ("l1", "l2")
            and getattr(self.form.columns, "extended", False)
        ):
            return role  # 满意度指标 in the 二级 column of a provincial table
        if is_l1 and is_l2:  # 成本指标: a 一级 from 2021, a 二级 of 产出指标 before
            nk = self.groups.canonical_l2(next_key) if next_key else None
            if nk is not None and c1 in self.tax.parents_of(nk):
                return "l1"
            return "l2" if self.form.l1 == "产出指标" else "l1"
        if is_l1:
            return "l1"
        if is_l2:
            return "l2"
        return None

    def _set_l2(
        self, k: str, known: bool, line: int, l1_in_row: bool, reasons: list, in_column: bool
    ) -> None:
        form = self.form
        canonical = (self.groups.canonical_l2(k) or k) if known else k
        form.l2_raw, form.l2_known = k, known
        if known and not l1_in_row:
            if form.l1 not in self.tax.parents_of(canonical):
                parents = sorted(self.tax.parents_of(canonical))
                placed = self.groups.place(form.l1, canonical)
                if len(parents) == 1:
                    form.note(
                        INFO,
                        f"二级指标“{k}”缺少一级指标，已按指标体系归入“{parents[0]}”",
                        line,
                    )
                    # in the 二级 column under another 一级 (a provincial taxonomy): keep the
                    # original group; shifted out of its column: an extraction artefact
                    keep = in_column and placed[0] == parents[0] and form.l1_known
                    form.l1_raw = (form.l1_raw or form.l1) if keep else ""
                    form.l1, form.l1_known = parents[0], True
                elif placed[0] not in self.tax.parents_of(placed[1]) and form.l1_known:
                    reasons.append(f"二级指标“{k}”不属于一级指标“{form.l1}”")
        elif known and form.l1_known:
            placed = self.groups.place(form.l1, canonical)
            if placed[0] not in self.tax.parents_of(placed[1]):
                reasons.append(f"二级指标“{k}”不属于一级指标“{form.l1}”")
        form.l2 = canonical

    def _indicator_row(self, rec: Record) -> None:
        form = self.form
        cols = form.columns or IndicatorHeader()
        cells = []
        for col, c in rec.filled():
            lk = label_key(c)
            if lk in self.syn.indicators_marker:
                continue
            if (period := self.syn.indicator_periods.get(lk)) is not None:
                form.period = period
                continue
            cells.append((col, c))
        if not cells:
            return
        reasons: list[str] = []
        l1_col = l2_col = None
        i = 0
        while i < len(cells):
            k = key(cells[i][1])
            next_key = key(cells[i + 1][1]) if i + 1 < len(cells) else None
            role = cols.role_at(cells[i][0]) if cols.roles else None
            kind = self._classify_label(k, next_key, role)
            later = [c for c, _ in cells[i + 1 :] if c > cols.l2]
            if kind == "l1" and l1_col is None and l2_col is None:
                form.l1, form.l1_raw, form.l1_known = self.groups.canonical_l1(k), k, True
                form.l2, form.l2_raw, form.l2_known = "", "", True
                l1_col = cells[i][0]
            elif (
                kind == "l2" or (kind == "l1" and self.groups.canonical_l2(k) is not None)
            ) and l2_col is None:
                l2_col = cells[i][0]
                self._set_l2(k, True, rec.line, l1_col is not None, reasons, cells[i][0] == cols.l2)
            elif kind is None and role == "l1" and l1_col is None and len(later) >= 2:
                # a group name this program does not know, in the 一级 column: kept as written
                form.l1, form.l1_raw, form.l1_known = k, k, False
                form.l2, form.l2_raw, form.l2_known = "", "", True
                l1_col = cells[i][0]
            elif kind is None and role == "l2" and l2_col is None and len(later) >= 2:
                l2_col = cells[i][0]
                self._set_l2(k, False, rec.line, l1_col is not None, reasons, True)
            else:
                break
            i += 1
        rest = cells[i:]
        if not rest:
            return  # a row of labels only: it opens a group
        # The row's shift against the header columns, from its labels or its first cell.
        if l2_col is not None:
            shift = l2_col - cols.l2
            if l1_col is not None and l1_col - cols.l1 != shift:
                reasons.append("一级、二级指标不在同一列位置")
        elif l1_col is not None:
            shift = l1_col - cols.l1
        else:
            shift = rest[0][0] - cols.name
            if shift < 0:
                reasons.append("指标写在了一级或二级指标的位置上，无法确定它属于哪个分组")
        extra_notes: list[str] = []
        if cols.extended and (read := self._by_columns(rest, cols, shift)) is not None:
            name, value_text, extra_notes, problems = read
            reasons.extend(problems)
        else:
            name, value_text = self._by_order(rest, cols, shift, reasons)
        if _WIDE_GAP.search(name) or _WIDE_GAP.search(value_text):
            reasons.append("单元格中有空格分开的两段文字，可能是两行合并")
        if name.endswith(_CUT_OFF_ENDINGS):
            reasons.append("指标名称可能被截断")
        if not form.l1:
            reasons.append("缺少一级指标")
        elif not form.l2:
            reasons.append("缺少二级指标")
        if not form.l1_known:
            reasons.append(f"一级指标“{form.l1}”不在指标体系中，按原名称导入")
        if not form.l2_known:
            reasons.append(f"二级指标“{form.l2}”不在指标体系中，按原名称导入")
        if not value_text and name:
            form.note(WARNING, f"指标“{name}”没有指标值", rec.line)
        l1, l2 = (
            self.groups.place(form.l1, form.l2)
            if form.l1_known and form.l2_known
            else (form.l1, form.l2)
        )
        raw_groups = (form.l1_raw or form.l1, form.l2_raw or form.l2)
        notes = []
        if raw_groups != (l1, l2) and any(raw_groups):
            notes.append(f"原分组：{raw_groups[0]}/{raw_groups[1]}")
        notes.extend(extra_notes)
        reasons = list(dict.fromkeys(reasons))
        indicator = Indicator(
            level1=l1,
            level2=l2,
            name=name,
            value=parse_value(value_text),
            needs_review=bool(reasons),
            review_note="；".join(reasons),
            raw_text=rec.raw if reasons else "",
            source_line=rec.line,
        )
        indicator = _with_note(indicator, "；".join(notes))
        (form.long_term if form.period == "long_term" else form.indicators).append(indicator)

    def _by_order(self, rest, cols, shift: int, reasons: list[str]) -> tuple[str, str]:
        """Name and value of a four-column row: the first cell and the second."""
        name_cell = rest[0]
        value_cell = rest[1] if len(rest) > 1 else None
        if len(rest) == 1:
            quantitative = parse_value(rest[0][1]).is_quantitative
            if rest[0][0] == cols.value + shift or quantitative:
                name_cell, value_cell = None, rest[0]
                reasons.append("只有指标值，缺少三级指标名称")
        if len(rest) > 2:
            reasons.append("一行中的单元格多于指标名称和指标值，可能是两行合并")
            value_cell = (rest[1][0], " ".join(c for _, c in rest[1:]))
        name_misplaced = name_cell is not None and name_cell[0] != cols.name + shift
        value_misplaced = (
            value_cell is not None and len(rest) == 2 and value_cell[0] != cols.value + shift
        )
        if name_misplaced or value_misplaced:
            reasons.append("单元格位置错乱")
        return (name_cell[1] if name_cell else ""), (value_cell[1] if value_cell else "")

    def _by_columns(self, rest, cols: IndicatorHeader, shift: int):
        """Name, value, notes and problems of a row read against its header's named columns
        (指标值, 计量单位, 指标方向, 备注 …); None when the cells do not sit in them."""
        parts: dict[str, str] = {}
        notes: list[str] = []
        problems: list[str] = []
        for col, text in rest:
            role = cols.role_at(col - shift)
            if role is None or role in ("l1", "l2"):
                return None
            if role in ("name", "value", "unit", "direction"):
                parts[role] = text
            else:
                title = label_key(cols.titles.get(col - shift, "")) or "其他"
                notes.append(f"{title}：{text}")
        if "name" not in parts:
            return None
        value, problem = compose_value(
            parts.get("value", ""), parts.get("unit", ""), parts.get("direction", "")
        )
        if problem:
            problems.append(problem)
            notes.append(f"指标方向：{parts['direction']}")
        return parts["name"], value, notes, problems

    # -- finishing a form -------------------------------------------------------------------
    def _year(self, form: _Form, dates: dict, note) -> int:
        if form.year is not None:
            return form.year
        period_years = years_in_period(form.basic.get("period", ""))
        if period_years:
            year, how = period_years[0], "实施期限"
        elif dates["start_date"] or dates["end_date"]:
            year, how = (dates["start_date"] or dates["end_date"]).year, "计划日期"
        elif (from_name := year_from_file_name(self.source_name)) is not None:
            year, how = from_name, "文件名"
        else:
            year, how = date.today().year, "当前年份"
        form.flags["year"] = f"表头没有年度，按{how}推断为 {year} 年"
        note(WARNING, f"没有找到年度，按{how}推断为 {year} 年（已标记需复核）", form.first_line)
        return year

    def _dates_from_period(self, form: _Form) -> None:
        period = form.basic.get("period", "")
        if not period or ("start_date" in form.basic and "end_date" in form.basic):
            return
        text = unicodedata.normalize("NFKC", period)
        for sep in ("至", "到", "~", "—", "–", "-"):
            parts = [p.strip() for p in text.split(sep)]
            if len(parts) == 2:
                break
        else:
            return
        for attr, text, last in (("start_date", parts[0], False), ("end_date", parts[1], True)):
            if attr in form.basic:
                continue
            try:
                parse_date(text)
                form.basic[attr] = text
            except DateError:
                m = re.match(r"^(\d{4})\s*[年./-]\s*(\d{1,2})\s*月?$", text.strip())
                if not m:
                    continue
                y, mo = int(m.group(1)), int(m.group(2))
                if not 1 <= mo <= 12:
                    continue
                days = (date(y + (mo == 12), mo % 12 + 1, 1) - date(y, mo, 1)).days
                day = days if last else 1
                form.basic[attr] = f"{y}-{mo:02d}-{day:02d}"
                form.flags[attr] = f"实施期限“{period}”只写到月，日期按月初/月末填入"
            form.basic_lines[attr] = form.basic_lines.get("period")

    def _derive_funds(self, form: _Form) -> None:
        funds, flags, sources = form.funds, form.flags, form.fund_sources
        read = {a for a in funds if sources.get(a)}
        for attrs in _SIDES.values():
            total, parts = attrs[0], attrs[1:]
            seen = [a for a in parts if a in read]
            if total not in read and seen:
                funds[total] = sum(funds[a] for a in seen)
                sources[total] = DERIVED
                flags[f"funds.{total}"] = "表中没有总额，由分项金额合计得出"
            elif total in read:
                missing = [a for a in parts if a not in read]
                rest = funds[total] - sum(funds[a] for a in seen)
                if missing and rest == 0:
                    for a in missing:
                        funds[a] = 0  # the parts the form gives add up to the total
                elif len(missing) == 1 and rest > 0 and seen:
                    funds[missing[0]] = rest
                    sources[missing[0]] = DERIVED
                    flags[f"funds.{missing[0]}"] = "表中没有此项，由总额减去其他分项得出"
        has = {side: any(a in funds for a in attrs) for side, attrs in _SIDES.items()}
        if has["project"] != has["annual"]:
            copied = set()
            for project_attr, annual_attr in _COPY.items():
                src, dst = (
                    (annual_attr, project_attr) if has["annual"] else (project_attr, annual_attr)
                )
                if src in funds and dst not in funds:
                    funds[dst] = funds[src]
                    copied.add(dst)
                    sources[dst] = DERIVED
                    where = "年度资金" if has["annual"] else "项目资金"
                    flags[f"funds.{dst}"] = f"表中只有{where}，按{where}填入"
            if "fiscal" in copied and funds.get("annual_carryover"):
                funds["fiscal"] = funds.get("fiscal", 0) + funds["annual_carryover"]
            if not has["annual"]:
                funds.setdefault("annual_carryover", 0)
        elif has["project"] and funds.get("total") == funds.get("annual_total"):
            _same_make_up(funds, sources, flags)
        for attr, label in Funds.FIELD_LABELS.items():
            if attr not in funds:
                funds[attr] = 0
                flags.setdefault(f"funds.{attr}", f"表中没有找到{label}")

    def finish(self) -> None:
        form, self.form = self.form, None
        if form is None:
            return
        result = self.result
        name = form.basic.get("name", "")
        if not name and not form.indicators and not form.funds:
            if form.labels_seen:
                result.add(
                    ERROR,
                    "这一段不是完整的申报表（没有项目名称、金额和绩效指标），已跳过",
                    form.first_line,
                )
            return

        def note(severity: str, message: str, line=None, col: int | None = None) -> None:
            if isinstance(line, tuple):
                line, col = line
            cell = self.cell_ref(line, col) if self.cell_ref and line is not None else ""
            result.add(severity, message, line, name, cell)

        for severity, message, line, col in form.notes:
            note(severity, message, line, col)
        flags = form.flags
        if not name:
            note(WARNING, "没有找到项目名称", form.first_line)
            flags["name"] = "表中没有找到项目名称"
        self._dates_from_period(form)
        dates: dict[str, date | None] = {}
        for field_name, label in (("start_date", "计划开始日期"), ("end_date", "计划完成日期")):
            text = form.basic.get(field_name, "")
            dates[field_name] = None
            if not text:
                note(WARNING, f"没有找到{label}", form.basic_lines.get(field_name, form.first_line))
                flags[field_name] = f"表中没有找到{label}"
                continue
            try:
                dates[field_name] = parse_date(text)
            except DateError as exc:
                note(WARNING, f"{label}无法识别：{exc}", form.basic_lines.get(field_name))
                flags[field_name] = f"“{text}”无法识别为日期"
        year = self._year(form, dates, note)
        tax = self.tax
        nature = self._choice(form, "nature", tax.natures, "项目性质", note)
        category = self._choice(form, "category", tax.categories, "项目类别", note)
        for attr, label in (("department", "主管部门"), ("implementing_unit", "实施单位")):
            if not form.basic.get(attr):
                flags[attr] = f"表中没有找到{label}"
        self._derive_funds(form)
        goals = {k: strip_html("\n".join(v)) for k, v in form.goals.items()}
        if goals["overall"] and not goals["annual"]:
            goals = _split_goals(goals["overall"], "overall") or goals
        elif goals["annual"] and not goals["overall"]:
            goals = _split_goals(goals["annual"], "annual") or goals
        if not form.goal_cols:
            note(WARNING, "没有找到项目绩效目标", form.first_line)
        for attr, label in (("overall", "项目总目标"), ("annual", "年度总体目标")):
            if not goals[attr]:
                flags[f"goal_{attr}"] = f"表中没有找到{label}"
        indicators = _merge_long_term(form.indicators, form.long_term)
        if not indicators:
            note(WARNING, "没有找到绩效指标", form.first_line)
        for ind in indicators:
            if ind.needs_review:
                note(
                    REVIEW,
                    f"{ind.level1}/{ind.level2}/{ind.name or '（无名称）'}：{ind.review_note}",
                    ind.source_line,
                )
        for field_key, reason in sorted(flags.items()):
            note(REVIEW, f"{field_label(field_key)}：{reason}", form.basic_lines.get(field_key))
        profile = tax.best_profile(year, ((i.level1, i.level2) for i in indicators))
        stamp = now_timestamp()
        project = Project(
            year=year,
            name=name,
            nature=nature,
            category=category,
            department=form.basic.get("department", ""),
            implementing_unit=form.basic.get("implementing_unit", ""),
            start_date=dates["start_date"],
            end_date=dates["end_date"],
            funds=Funds(**{a: v for a, v in form.funds.items() if a in Funds.FIELD_LABELS}),
            goal_overall=goals["overall"],
            goal_annual=goals["annual"],
            indicators=tuple(indicators),
            profile=profile.id,
            created_at=stamp,
            updated_at=stamp,
            revision=1,
        )
        written = form.basic.get("start_date", "") or form.basic.get("end_date", "")
        if dates["start_date"] or dates["end_date"]:
            try:
                style = date_style(written)
                if style != "iso":  # ISO is the program's convention ("")
                    project = project.with_changes(date_style=style)
            except DateError:
                pass
        project = _with_flags(project, flags)
        result.projects.append(project)
        result.fund_sources[project.id] = dict(form.fund_sources)

    def _choice(self, form: _Form, attr: str, official: tuple[str, ...], label: str, note) -> str:
        raw = form.basic.get(attr, "")
        value = key(raw)
        if not value:
            form.flags[attr] = f"表中没有找到{label}"
        elif value not in official:
            note(INFO, f"{label}“{value}”不在标准列表中，按原样导入", form.basic_lines.get(attr))
        return value


def _same_make_up(funds: dict, sources: dict, flags: dict) -> None:
    """项目资金总额 equal to 年度资金申请总额 and one side without any parts: that side is made
    up like the other (a one-year project), flagged as worked out."""
    project_parts, annual_parts = ("fiscal", "other"), _SIDES["annual"][1:]
    reason = "表中没有此项；项目资金总额与年度资金相同，按另一方的构成推算"
    if not any(a in funds for a in project_parts) and all(a in funds for a in annual_parts):
        made = {
            "fiscal": funds["annual_appropriation"] + funds["annual_carryover"],
            "other": funds["annual_other"],
        }
    elif not any(a in funds for a in annual_parts) and all(a in funds for a in project_parts):
        made = {
            "annual_appropriation": funds["fiscal"],
            "annual_carryover": 0,
            "annual_other": funds["other"],
        }
    else:
        return
    for attr, fen in made.items():
        funds[attr] = fen
        sources[attr] = DERIVED
        flags[f"funds.{attr}"] = reason


def _split_goals(text: str, first: str) -> dict[str, str] | None:
    """``长期目标：… 年度目标：…`` in one text (read as the ``first`` goal) → the two goals;
    None when it is one goal."""
    found = list(_INLINE_GOAL.finditer(text))
    kinds = {synonyms().goal_kind(label_key(m.group("label"))) for m in found}
    if not found or (kinds != {"overall", "annual"} and kinds == {first}):
        return None
    out: dict[str, list[str]] = {"overall": [], "annual": []}
    if head := text[: found[0].start()].strip():
        out[first].append(head)
    for n, m in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(text)
        kind = synonyms().goal_kind(label_key(m.group("label")))
        out[kind].append(text[m.end() : end].strip())
    return {k: "\n".join(v).strip() for k, v in out.items()}


def _merge_long_term(annual: list[Indicator], long_term: list[Indicator]) -> list[Indicator]:
    """A table in two halves (中长期 / 年度): the 年度 rows are the indicators; a 中长期 value
    goes into the note of its 年度 row, and a 中长期 row without one is kept, flagged."""
    if not long_term:
        return annual
    if not annual:
        return [_with_note(i, _join_notes(i, "中长期指标")) for i in long_term]
    out = list(annual)
    index = {(i.level1, i.level2, i.name): n for n, i in enumerate(out)}
    for ind in long_term:
        n = index.get((ind.level1, ind.level2, ind.name))
        if n is not None:
            out[n] = _with_note(out[n], _join_notes(out[n], f"中长期指标值：{ind.value.display()}"))
        else:
            reason = "只在中长期指标中出现，请确认本年度的指标值"
            out.append(
                replace(
                    _with_note(ind, _join_notes(ind, "中长期指标")),
                    needs_review=True,
                    review_note="；".join(x for x in (ind.review_note, reason) if x),
                )
            )
    return out


def _join_notes(ind: Indicator, extra: str) -> str:
    current = getattr(ind, "note", "")
    return "；".join(x for x in (current, extra) if x)


def _with_note(ind: Indicator, note: str) -> Indicator:
    if not note or not hasattr(ind, "note"):
        return ind
    return replace(ind, note=note)


def _with_flags(project: Project, flags: dict[str, str]) -> Project:
    if not flags or not hasattr(project, "field_flags"):
        return project
    return project.with_changes(field_flags=tuple(sorted(flags.items())))


def parse_records(records, cell_ref=None, source_name: str = "") -> ImportResult:
    """Parse forms from rows of cells (text lines, spreadsheet rows, PDF table rows).
    ``source_name`` (the file's name) gives the year when the form names none."""
    result = ImportResult()
    parser = _Parser(result, cell_ref, source_name)
    for rec in records:
        parser.feed(rec)
    parser.finish()
    return result


def parse_published_text(text: str, source_name: str = "") -> ImportResult:
    """Parse every form in the text. Raises ImportFormatError if there is none at all."""
    result = parse_records(read_records(text), source_name=source_name)
    if not result.projects:
        raise ImportFormatError("文件中没有找到财政项目支出绩效目标申报表")
    return result
