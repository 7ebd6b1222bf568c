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
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.domain.dates import DateError, parse_date
from desktop.domain.model import Funds, Indicator, Project, now_timestamp
from desktop.domain.money import MoneyError, parse_decimal_amount, to_fen
from desktop.domain.taxonomy import taxonomy
from desktop.domain.values import parse_value
from desktop.io.report import ERROR, INFO, REVIEW, WARNING, ImportFormatError, ImportResult

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
        if out and not (_is_wide(out[-1]) and _is_wide(part[0])):
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


def _fund_key(cell: str) -> str:
    k = key(cell)
    for prefix in ("其中:", "其中"):
        if k.startswith(prefix):
            return k[len(prefix) :]
    return k


_BASIC = {
    "项目名称": "name",
    "项目性质": "nature",
    "项目类别": "category",
    "主管部门": "department",
    "主管部门及代码": "department",
    "实施单位": "implementing_unit",
    "计划开始日期": "start_date",
    "开始日期": "start_date",
    "计划完成日期": "end_date",
    "计划结束日期": "end_date",
    "完成日期": "end_date",
}
_FUND_LEFT = {"项目资金总额": "total", "资金总额": "total", "财政资金": "fiscal"}
_FUND_RIGHT = {
    "年度资金申请总额": "annual_total",
    "年度资金总额": "annual_total",
    "当年财政拨款": "annual_appropriation",
    "上年结转资金": "annual_carryover",
    "上年结转": "annual_carryover",
}
_FUND_OTHER = "其他资金"
_FUNDS_MARKER = re.compile(r"^项目资金(?:\((万?元)\))?$")
_GOALS_MARKER = {"项目绩效目标", "绩效目标", "项目绩效目标(元)"}
_INDICATORS_MARKER = {"绩效指标", "项目绩效指标"}
_GOAL_OVERALL = ("项目总目标", "项目总体目标", "总体目标", "项目中长期目标", "中长期目标")
_GOAL_ANNUAL = ("年度总体目标", "年度目标", "年度绩效目标", "当年目标")
_FOOTER = ("填报人", "联系电话", "单位负责人", "填报日期", "审核人", "财务负责人", "单位(盖章)")
_TITLE = "绩效目标申报表"
_YEAR = re.compile(r"(\d{4})\s*年度?")
_YEAR_LINE = re.compile(r"^\(?(\d{4})年度?\)?$")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BREAK_TAG = re.compile(r"<br\s*/?>|</p>\s*<p[^<>]*>", re.IGNORECASE)
# A gap between two wide characters inside one cell: two text pieces, e.g. two merged rows.
_WIDE_GAP = re.compile(r"[^\x00-\x7f]\s+[^\x00-\x7f]")
_CUT_OFF_ENDINGS = tuple("及和与或并的、，,;；:：（(")


def _is_goal_overall(k: str) -> bool:
    return k.startswith(_GOAL_OVERALL) and not k.startswith(_GOAL_ANNUAL)


def _is_goal_annual(k: str) -> bool:
    return k.startswith(_GOAL_ANNUAL)


def _is_label(k: str) -> bool:
    return (
        k in _BASIC
        or k.removeprefix("其中:").removeprefix("其中") in _FUND_LEFT
        or k.removeprefix("其中:").removeprefix("其中") in _FUND_RIGHT
        or k == _FUND_OTHER
        or bool(_FUNDS_MARKER.match(k))
        or k in _GOALS_MARKER
        or k in _INDICATORS_MARKER
        or _is_goal_overall(k)
        or _is_goal_annual(k)
    )


def strip_html(text: str) -> str:
    """Remove HTML tags such as ``<p>`` left in published goal texts; keep real ``<``."""
    text = _BREAK_TAG.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    return html.unescape(text).strip()


# -- one form ---------------------------------------------------------------------------


@dataclass
class _Columns:
    """Where the indicator header put 一级, 二级, 三级 and the value."""

    l1: int = 1
    l2: int = 2
    name: int = 3
    value: int = 4


@dataclass
class _Form:
    first_line: int
    year: int | None = None
    basic: dict[str, str] = field(default_factory=dict)
    basic_lines: dict[str, int] = field(default_factory=dict)
    funds: dict[str, int] = field(default_factory=dict)
    fund_unit: Decimal = Decimal(1)
    fund_cols: dict[str, int] = field(default_factory=dict)
    section: str = "basic"
    goal_cols: dict[str, int] = field(default_factory=dict)
    goals: dict[str, list[str]] = field(default_factory=lambda: {"overall": [], "annual": []})
    columns: _Columns | None = None
    l1: str = ""
    l2: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    notes: list[tuple[str, str, int | None]] = field(default_factory=list)
    labels_seen: int = 0

    goal_continues: bool = False  # a goal header repeated on a new page: text goes on

    def note(self, severity: str, message: str, line: int | None, col: int | None = None) -> None:
        self.notes.append((severity, message, line, col))


class _Parser:
    def __init__(self, result: ImportResult, cell_ref=None):
        self.result = result
        self.cell_ref = cell_ref  # (line, col) → "Sheet!B7", for spreadsheets
        self.tax = taxonomy()
        self.l1_names = self.tax.level1_names
        self.l2_names = self.tax.level2_names
        self.form: _Form | None = None

    # -- driving ------------------------------------------------------------------------
    def feed(self, rec: Record) -> None:
        filled = rec.filled()
        if not filled:
            return
        keys = [key(c) for _, c in filled]
        if len(filled) == 1 and _TITLE in keys[0]:
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
        if "项目名称" in keys and self.form is not None and "name" in self.form.basic:
            self._start(rec.line)  # a new form without a title line
        if self.form is None:
            if not any(_is_label(k) for k in keys):
                return  # text before the first form
            self._start(rec.line)
        form = self.form
        if "一级指标" in keys and "二级指标" in keys:
            form.columns = self._header_columns(rec)
            form.section = "indicators"
            return
        if form.section == "indicators" or (
            form.section == "goals" and (keys[0] in self.l1_names or keys[0] in _INDICATORS_MARKER)
        ):
            if any(k.startswith(_FOOTER) for k in keys):
                form.section = "footer"
                return
            if form.section != "indicators":
                form.section = "indicators"
                form.columns = _Columns()
            self._indicator_row(rec)
            return
        if form.section == "footer":
            return
        if any(_is_goal_overall(k) or _is_goal_annual(k) for k in keys):
            form.section = "goals"
            self._goal_header(rec)
            return
        if form.section == "goals" and not any(
            k in _BASIC or _fund_key(c) in _FUND_LEFT or _fund_key(c) in _FUND_RIGHT
            for (_, c), k in zip(filled, keys, strict=True)
        ):
            self._goal_text(rec)
            return
        self._label_row(rec)

    def _start(self, line: int) -> None:
        self.finish()
        self.form = _Form(first_line=line)

    # -- basic information and funds ----------------------------------------------------
    def _label_row(self, rec: Record) -> None:
        form = self.form
        filled = rec.filled()
        i = 0
        while i < len(filled):
            col, cell = filled[i]
            k = key(cell)
            fk = _fund_key(cell)
            target = None
            if k in _BASIC:
                target = ("basic", _BASIC[k])
            elif m := _FUNDS_MARKER.match(k):
                form.section = "funds"
                form.fund_unit = Decimal(10000) if m.group(1) == "万元" else Decimal(1)
                form.labels_seen += 1
                i += 1
                continue
            elif fk in _FUND_LEFT:
                target = ("fund", _FUND_LEFT[fk])
                form.fund_cols.setdefault("left", col)
            elif fk in _FUND_RIGHT:
                target = ("fund", _FUND_RIGHT[fk])
                form.fund_cols.setdefault("right", col)
            elif k == _FUND_OTHER:
                target = ("fund", self._other_side(col))
            elif k in _GOALS_MARKER or k in _INDICATORS_MARKER:
                i += 1
                continue
            if target is None:
                form.note(WARNING, f"无法识别的单元格“{cell}”，已忽略", rec.line)
                i += 1
                continue
            form.labels_seen += 1
            values = []
            j = i + 1
            while j < len(filled) and not _is_label(key(filled[j][1])):
                values.append(filled[j][1])
                j += 1
            value_col = filled[i + 1][0] if i + 1 < j else col
            self._assign(target, cell, values, rec.line, value_col)
            i = j

    def _other_side(self, col: int) -> str:
        form = self.form
        left, right = form.fund_cols.get("left"), form.fund_cols.get("right")
        if left is not None and right is not None and abs(col - left) != abs(col - right):
            return "other" if abs(col - left) < abs(col - right) else "annual_other"
        return "annual_other" if "other" in form.funds else "other"

    def _assign(
        self, target: tuple[str, str], label: str, values: list[str], line: int, col: int
    ) -> None:
        form = self.form
        kind, name = target
        if len(values) > 1:
            form.note(WARNING, f"“{key(label)}”后有多个单元格，已合并为一个值", line, col)
        value = " ".join(values)
        if kind == "basic":
            if name in form.basic and form.basic[name] != value:
                form.note(WARNING, f"“{key(label)}”出现了两次，保留第一次的值", line, col)
                return
            form.basic[name] = value
            form.basic_lines[name] = (line, col)
            return
        if name in form.funds:
            form.note(WARNING, f"“{key(label)}”出现了两次，保留第一次的值", line, col)
            return
        if not value:
            form.note(WARNING, f"“{key(label)}”没有金额，按 0 导入", line, col)
            form.funds[name] = 0
            return
        try:
            form.funds[name] = to_fen(parse_decimal_amount(value) * form.fund_unit)
        except MoneyError as exc:
            form.note(WARNING, f"“{key(label)}”的金额无法识别（{exc}），按 0 导入", line, col)
            form.funds[name] = 0

    # -- goals ----------------------------------------------------------------------------
    def _goal_header(self, rec: Record) -> None:
        form = self.form
        current = None
        if form.goals["overall"] or form.goals["annual"]:
            form.goal_continues = True  # repeated on a new page: the texts go on
        for col, cell in rec.filled():
            k = key(cell)
            if _is_goal_annual(k):
                current = "annual"
                form.goal_cols["annual"] = col
            elif _is_goal_overall(k):
                current = "overall"
                form.goal_cols["overall"] = col
            elif k in _GOALS_MARKER:
                continue
            elif current is not None:
                form.goals[current].append(cell)  # the text stands beside its header

    def _goal_text(self, rec: Record) -> None:
        form = self.form
        cells = [(col, c) for col, c in rec.filled() if key(c) not in _GOALS_MARKER]
        cols = form.goal_cols
        for n, (col, cell) in enumerate(cells):
            if len(cols) == 1:
                which = next(iter(cols))
            elif len(cells) == 2 and len(cols) == 2:
                which = ("overall", "annual")[n]
            else:
                d_overall = abs(col - cols.get("overall", 10**6))
                d_annual = abs(col - cols.get("annual", 10**6))
                which = "overall" if d_overall <= d_annual else "annual"
            if form.goal_continues and form.goals[which]:
                form.goals[which][-1] += cell  # one text split by a page break
            else:
                form.goals[which].append(cell)
        form.goal_continues = False
        if len(cells) > 2:
            message = "绩效目标一行中有两个以上的文字单元格，已按列位置归入总目标和年度目标"
            form.note(WARNING, message, rec.line)

    # -- indicators -----------------------------------------------------------------------
    def _header_columns(self, rec: Record) -> _Columns:
        cols = _Columns()
        for col, cell in rec.filled():
            k = key(cell)
            if k == "一级指标":
                cols.l1 = col
            elif k == "二级指标":
                cols.l2 = col
            elif k == "三级指标":
                cols.name = col
            elif "指标值" in k:
                cols.value = col
        return cols

    def _classify_label(self, k: str, next_key: str | None) -> str | None:
        """``"l1"``, ``"l2"`` or None for a cell at the start of an indicator row."""
        is_l1, is_l2 = k in self.l1_names, k in self.l2_names
        if is_l1 and is_l2:  # 成本指标: a 一级 from 2021, a 二级 of 产出指标 before
            if next_key in self.l2_names and k in self.tax.parents_of(next_key):
                return "l1"
            return "l2" if self.form.l1 == "产出指标" else "l1"
        if is_l1:
            return "l1"
        if is_l2:
            return "l2"
        return None

    def _indicator_row(self, rec: Record) -> None:
        form = self.form
        cols = form.columns or _Columns()
        cells = [(col, c) for col, c in rec.filled() if key(c) not in _INDICATORS_MARKER]
        if not cells:
            return
        reasons: list[str] = []
        l1_col = l2_col = None
        i = 0
        while i < len(cells):
            k = key(cells[i][1])
            next_key = key(cells[i + 1][1]) if i + 1 < len(cells) else None
            kind = self._classify_label(k, next_key)
            if kind == "l1" and l1_col is None and l2_col is None:
                form.l1, form.l2 = k, ""
                l1_col = cells[i][0]
            elif kind == "l2" and l2_col is None:
                l2_col = cells[i][0]
                if l1_col is None and form.l1 not in self.tax.parents_of(k):
                    parents = sorted(self.tax.parents_of(k))
                    if len(parents) == 1:
                        form.note(
                            INFO,
                            f"二级指标“{k}”缺少一级指标，已按指标体系归入“{parents[0]}”",
                            rec.line,
                        )
                        form.l1 = parents[0]
                    else:
                        reasons.append(f"二级指标“{k}”不属于一级指标“{form.l1}”")
                elif l1_col is not None and form.l1 not in self.tax.parents_of(k):
                    reasons.append(f"二级指标“{k}”不属于一级指标“{form.l1}”")
                form.l2 = k
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
        name = name_cell[1] if name_cell else ""
        value_text = value_cell[1] if value_cell else ""
        if _WIDE_GAP.search(name) or _WIDE_GAP.search(value_text):
            reasons.append("单元格中有空格分开的两段文字，可能是两行合并")
        if name.endswith(_CUT_OFF_ENDINGS):
            reasons.append("指标名称可能被截断")
        if not form.l1:
            reasons.append("缺少一级指标")
        elif not form.l2:
            reasons.append("缺少二级指标")
        if value_cell is None and name_cell is not None:
            form.note(WARNING, f"指标“{name}”没有指标值", rec.line)
        reasons = list(dict.fromkeys(reasons))
        form.indicators.append(
            Indicator(
                level1=form.l1,
                level2=form.l2,
                name=name,
                value=parse_value(value_text),
                needs_review=bool(reasons),
                review_note="；".join(reasons),
                raw_text=rec.raw if reasons else "",
                source_line=rec.line,
            )
        )

    # -- finishing a form -------------------------------------------------------------------
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
        if not name:
            note(WARNING, "没有找到项目名称", form.first_line)
        dates: dict[str, date | None] = {}
        for field_name, label in (("start_date", "计划开始日期"), ("end_date", "计划完成日期")):
            text = form.basic.get(field_name, "")
            dates[field_name] = None
            if not text:
                note(WARNING, f"没有找到{label}", form.basic_lines.get(field_name, form.first_line))
                continue
            try:
                dates[field_name] = parse_date(text)
            except DateError as exc:
                note(WARNING, f"{label}无法识别：{exc}", form.basic_lines.get(field_name))
        year = form.year
        if year is None:
            fallback = dates["start_date"] or dates["end_date"]
            year = fallback.year if fallback else date.today().year
            note(WARNING, f"没有找到年度，按 {year} 年导入", form.first_line)
        tax = self.tax
        nature = self._choice(form, "nature", tax.natures, "项目性质", note)
        category = self._choice(form, "category", tax.categories, "项目类别", note)
        for attr, label in Funds.FIELD_LABELS.items():
            if attr not in form.funds:
                note(WARNING, f"没有找到{label}，按 0 导入", form.first_line)
        goals = {k: strip_html("\n".join(v)) for k, v in form.goals.items()}
        if not form.goal_cols:
            note(WARNING, "没有找到项目绩效目标", form.first_line)
        if not form.indicators:
            note(WARNING, "没有找到绩效指标", form.first_line)
        for ind in form.indicators:
            if ind.needs_review:
                note(
                    REVIEW,
                    f"{ind.level1}/{ind.level2}/{ind.name or '（无名称）'}：{ind.review_note}",
                    ind.source_line,
                )
        profile = tax.best_profile(year, ((i.level1, i.level2) for i in form.indicators))
        stamp = now_timestamp()
        result.projects.append(
            Project(
                year=year,
                name=name,
                nature=nature,
                category=category,
                department=form.basic.get("department", ""),
                implementing_unit=form.basic.get("implementing_unit", ""),
                start_date=dates["start_date"],
                end_date=dates["end_date"],
                funds=Funds(**form.funds),
                goal_overall=goals["overall"],
                goal_annual=goals["annual"],
                indicators=tuple(form.indicators),
                profile=profile.id,
                created_at=stamp,
                updated_at=stamp,
                revision=1,
            )
        )

    @staticmethod
    def _choice(form: _Form, attr: str, official: tuple[str, ...], label: str, note) -> str:
        raw = form.basic.get(attr, "")
        value = key(raw)
        if value and value not in official:
            note(INFO, f"{label}“{value}”不在标准列表中，按原样导入", form.basic_lines.get(attr))
        return value


def parse_records(records, cell_ref=None) -> ImportResult:
    """Parse forms from rows of cells (text lines, spreadsheet rows, PDF table rows)."""
    result = ImportResult()
    parser = _Parser(result, cell_ref)
    for rec in records:
        parser.feed(rec)
    parser.finish()
    return result


def parse_published_text(text: str) -> ImportResult:
    """Parse every form in the text. Raises ImportFormatError if there is none at all."""
    result = parse_records(read_records(text))
    if not result.projects:
        raise ImportFormatError("文件中没有找到财政项目支出绩效目标申报表")
    return result
