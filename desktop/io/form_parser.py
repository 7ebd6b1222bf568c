"""The one parser of 财政项目支出绩效目标申报表 forms from rows of cells (published text,
spreadsheet rows, PDF table rows): it reads cells by what they say (see
``desktop.io.published_text``) and hands each finished form to ``form_finish``."""

from __future__ import annotations

import re
from decimal import Decimal

from desktop.domain import flag_text
from desktop.domain import report_text as report_say
from desktop.domain.chars import has_wide_gap
from desktop.domain.flag_text import NO_AMOUNT
from desktop.domain.flag_text import reason as why
from desktop.domain.messages import Message, sentence_of
from desktop.domain.model import Indicator
from desktop.domain.money import MoneyError, format_money
from desktop.domain.taxonomy import taxonomy
from desktop.domain.values import parse_value
from desktop.io.form_finish import finish_form, with_note
from desktop.io.form_state import Form, Section
from desktop.io.records import Record, key
from desktop.io.report import INFO, WARNING, ImportResult
from desktop.io.variants import (
    FUND_ATTR,
    WAN,
    WAN_YUAN,
    YUAN,
    IndicatorHeader,
    amounts_in_text,
    group_variants,
    indicator_header,
    is_numbered_line,
    label_key,
    parse_amount,
    strip_code,
    synonyms,
    unit_in_label,
    unit_note,
)
from desktop.io.wrapping import join_wrapped

# Goal headers of the official form's own wording (项目总目标, 项目总体目标, 项目总体目标
# (2024年-2026年)): kept as the form writes them; other layouts' headers (中长期目标 …) are
# not the official form's and leave it to the default.
GOAL_HEADER_OWN = ("项目总目标", "项目总体目标")
# An amount written as plain digits in 元 (0, 5100000, 5,100,000.00): kept as written when it
# differs from the canonical text
_PLAIN_AMOUNT = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?$|^\d+(?:\.\d{1,2})?$")


_TITLE = re.compile(r"绩效目标(?:申报)?表")


_YEAR = re.compile(r"(\d{4})\s*年度?")


_YEAR_LINE = re.compile(r"^\(?(\d{4})年度?\)?$")


_CUT_OFF_ENDINGS = tuple("及和与或并的、，,;；:：（(")


def _is_label(k: str) -> bool:
    return synonyms().is_label(label_key(k))


def _group_reasons(table) -> list[str]:
    """Why a row's groups need review: one missing, or not in the indicator system."""
    reasons = []
    if not table.l1:
        reasons.append(why(flag_text.NO_LEVEL1))
    elif not table.l2:
        reasons.append(why(flag_text.NO_LEVEL2))
    if not table.l1_known:
        reasons.append(why(flag_text.LEVEL1_UNKNOWN, name=table.l1))
    if not table.l2_known:
        reasons.append(why(flag_text.LEVEL2_UNKNOWN, name=table.l2))
    return reasons


def _is_title(k: str) -> bool:
    return bool(_TITLE.search(k)) and len(k) <= 60


class FormParser:
    def __init__(self, result: ImportResult, cell_ref=None, source_name: str = ""):
        self.result = result
        self.cell_ref = cell_ref  # (line, col) → "Sheet!B7", for spreadsheets
        self.source_name = source_name
        self.tax = taxonomy()
        self.syn = synonyms()
        self.groups = group_variants()
        self.form: Form | None = None
        self.pending_unit: Decimal | None = None  # a 单位：万元 note above the form

    # -- driving ------------------------------------------------------------------------
    def feed(self, rec: Record) -> None:
        filled = rec.filled()
        if not filled:
            return
        syn = self.syn
        keys = [key(c) for _, c in filled]
        lkeys = [label_key(c) for _, c in filled]
        if self._heading(rec, filled, keys, lkeys):
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
            form.table.columns = header
            form.section = Section.INDICATORS
            form.table.period = self._period_of(lkeys) or form.table.period
            return
        if form.section != Section.FOOTER and self._is_footer(keys, lkeys):
            if form.section in (Section.INDICATORS, Section.GOALS) or form.indicators:
                form.section = Section.FOOTER
                return
            if not any(syn.field_of(k) or syn.fund_of(k) for k in lkeys[1:]):
                return  # 填报单位：… above the table: not part of the form
        if form.section == Section.INDICATORS or (
            form.section == Section.GOALS
            and (
                self.groups.canonical_l1(lkeys[0]) is not None or lkeys[0] in syn.indicators_marker
            )
        ):
            if form.section != Section.INDICATORS:
                form.section = Section.INDICATORS
                form.table.columns = IndicatorHeader()
            self._indicator_row(rec)
            return
        if form.section == Section.FOOTER:
            return
        if any(syn.goal_kind(k) for k in lkeys) or (
            lkeys[0] in syn.goals_marker
            and len(filled) > 1
            and not any(syn.is_label(k) for k in lkeys[1:])
        ):
            form.section = Section.GOALS
            self._goal_header(rec)
            return
        if form.section == Section.GOALS and not any(
            syn.field_of(k) or syn.fund_of(k) for k in lkeys
        ):
            self._goal_text(rec)
            return
        self._label_row(rec)

    def _heading(self, rec: Record, filled, keys: list[str], lkeys: list[str]) -> bool:
        """A title line (a new form), a year line, or a 单位：万元 note; True when the row
        says nothing else."""
        if len(filled) == 1 and _is_title(keys[0]):
            self._start(rec.line)
            if m := _YEAR.search(keys[0]):
                self.form.year = int(m.group(1))
            return True
        if len(filled) == 1 and (m := _YEAR_LINE.match(keys[0])):
            if self.form is None:
                self._start(rec.line)
            if self.form.year is None:
                self.form.year = int(m.group(1))
            return True
        if len(filled) <= 2 and any(unit_note(c) for _, c in filled):
            unit = WAN if any(unit_note(c) == WAN_YUAN for _, c in filled) else Decimal(1)
            if self.form is None or self.form.section == Section.FOOTER:
                self.pending_unit = unit
            elif self.form.section is not Section.INDICATORS:
                self.form.money.unit = unit
            return not any(self.syn.is_label(k) for k in lkeys)
        return False

    def _is_footer(self, keys: list[str], lkeys: list[str]) -> bool:
        """注：…, 审核意见, 填表人 … first in the row; in the table also 联系电话 etc. anywhere."""
        if self.syn.is_footer(keys[0]):
            return True
        return self.form.section == Section.INDICATORS and self.syn.ends_table(keys)

    def _period_of(self, lkeys: list[str]) -> str:
        for k in lkeys:
            if (p := self.syn.indicator_periods.get(k)) is not None:
                return p
        return ""

    def _start(self, line: int) -> None:
        self.finish()
        self.form = Form(first_line=line)
        if self.pending_unit is not None:
            self.form.money.unit = self.pending_unit
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
            form.money.period_cols = periods
            for _, c, _ in cells:
                marker, unit = syn.funds_marker_unit(label_key(c))
                if marker:
                    form.section = Section.FUNDS
                    if unit:
                        form.money.unit = WAN if unit == WAN_YUAN else Decimal(1)
            form.labels_seen += 1
            return
        i = 0
        while i < len(cells):
            col, cell, _ = cells[i]
            k = label_key(cell)
            target = None
            marker, unit = syn.funds_marker_unit(k)
            if marker:
                form.section = Section.FUNDS
                if unit:
                    form.money.unit = WAN if unit == WAN_YUAN else Decimal(1)
                form.labels_seen += 1
                i += 1
                continue
            if (u := unit_note(cell)) is not None:
                form.money.unit = WAN if u == WAN_YUAN else Decimal(1)
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
                    form.note(WARNING, Message(report_say.CELL_UNKNOWN, cell=cell), rec.line)
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
        return WAN_YUAN if self.form.money.unit == WAN else YUAN

    def _assign_basic(self, name: str, label: str, values, line: int, col: int) -> None:
        form = self.form
        text = values[0][1] if values else ""
        value_col = values[0][0] if values else col
        text, rest = self.syn.cut_at_label(text)
        if rest:
            form.note(
                WARNING, Message(report_say.VALUE_TAIL, label=label_key(label), rest=rest), line
            )
        for _, extra in values[1:]:
            form.note(
                WARNING, Message(report_say.CELL_AFTER, label=label_key(label), extra=extra), line
            )
            # not a label: it may be the rest of a wrapped value — the clerk decides
            form.flags.setdefault(name, why(flag_text.SAME_LINE_EXTRA, extra=extra))
        if name in ("name", "department", "implementing_unit"):
            text = strip_code(text).strip()
        if name in form.basic and form.basic[name] != text:
            if not form.basic[name]:
                form.basic[name] = text
                form.basic_lines[name] = (line, value_col)
                return
            form.note(WARNING, Message(report_say.TWICE, label=label_key(label)), line, value_col)
            return
        form.basic[name] = text
        form.basic_lines[name] = (line, value_col)

    def _side(self, label, col: int, value_col: int | None) -> str:
        form = self.form
        if label.side is not None:
            return label.side
        if form.money.period_cols and value_col is not None:
            nearest = min(form.money.period_cols, key=lambda c: abs(c - value_col))
            return form.money.period_cols[nearest]
        left, right = form.money.cols.get("left"), form.money.cols.get("right")
        if left is not None and right is not None:
            if abs(col - left) != abs(col - right):
                return "project" if abs(col - left) < abs(col - right) else "annual"
            return "annual" if "other" in form.money.amounts else "project"
        return form.money.side or "project"

    def _assign_fund(self, label, label_text: str, values, line: int, col: int) -> None:
        form = self.form
        unit = unit_in_label(label_text) or self._unit_name()
        if label.side == "project":
            form.money.cols.setdefault("left", col)
        elif label.side == "annual":
            form.money.cols.setdefault("right", col)
        amounts = [(c, v) for c, v in values if unit_note(v) is None]
        for _, v in values:
            if (u := unit_note(v)) is not None:
                unit = u  # 250 | 万元: the unit in the next cell
        if form.money.period_cols and len(amounts) > 1:
            pairs = amounts
        else:
            pairs = amounts[:1]
            for c, extra in amounts[1:]:
                message = Message(report_say.CELL_AFTER, label=label_key(label_text), extra=extra)
                form.note(WARNING, message, line, c)
        if not pairs:
            attr = FUND_ATTR[(label.kind, self._side(label, col, None))]
            form.note(
                WARNING, Message(report_say.NO_AMOUNT, label=label_key(label_text)), line, col
            )
            form.flags.setdefault(f"funds.{attr}", why(NO_AMOUNT, label=label_key(label_text)))
            return
        for value_col, text in pairs:
            try:
                fen, read_in = parse_amount(text, unit)
            except MoneyError as exc:
                attr = FUND_ATTR[(label.kind, self._side(label, col, value_col))]
                message = Message(
                    report_say.AMOUNT_UNREAD, label=label_key(label_text), problem=sentence_of(exc)
                )
                form.note(WARNING, message, line, value_col)
                form.money.amounts.setdefault(attr, 0)
                form.flags.setdefault(f"funds.{attr}", why(flag_text.AMOUNT_UNREAD, text=text))
                continue
            attr = self._set_fund(label, label_text, fen, read_in, line, col, value_col)
            plain = text.strip()
            if (
                attr
                and read_in == YUAN
                and _PLAIN_AMOUNT.match(plain)
                and plain != format_money(fen)
            ):
                form.money.written[attr] = plain  # the form writes 0, not 0.00: kept
            # 854万(含上年结转54万): further amounts named inside the same cell
            tail = text[len(text.split("(")[0].split("（")[0]) :]
            for inner, inner_text, inner_fen, inner_unit in amounts_in_text(tail, read_in):
                self._set_fund(inner, inner_text, inner_fen, inner_unit, line, col, value_col)

    def _set_fund(self, label, label_text, fen, read_in, line, col, value_col=None) -> str | None:
        """Record an amount; its field's name, or None when the field was already read."""
        form = self.form
        side = self._side(label, col, value_col)
        if label.side is not None:
            form.money.side = label.side
        attr = FUND_ATTR[(label.kind, side)]
        if attr in form.money.amounts and form.money.sources.get(attr):
            if form.money.amounts[attr] != fen:
                message = Message(report_say.TWICE, label=label_key(label_text))
                form.note(WARNING, message, line, col)
            return None
        form.money.amounts[attr] = fen
        form.money.sources[attr] = read_in
        form.flags.pop(f"funds.{attr}", None)
        return attr

    # -- goals ----------------------------------------------------------------------------
    def _goal_header(self, rec: Record) -> None:
        form = self.form
        current = None
        kinds = [self.syn.goal_kind(label_key(c)) for _, c in rec.filled()]
        repeated = [k for k in kinds if k]
        if (form.goal.texts["overall"] or form.goal.texts["annual"]) and all(
            k in form.goal.cols for k in repeated
        ):
            form.goal.continues = True  # repeated on a new page: the texts go on
        for (col, cell), kind in zip(rec.filled(), kinds, strict=True):
            k = label_key(cell)
            split = self.syn.split_label(cell)
            if split and (inline := self.syn.goal_kind(label_key(split[0]))):
                current = inline  # 年度目标：文字 — the text in the header's own cell
                form.goal.cols[inline] = col
                form.goal.last = inline
                if split[1]:
                    form.goal.texts[inline].append(split[1])
                    form.goal.continues = False
                continue
            if kind:
                form.goal.last = kind
            if kind == "annual":
                current = "annual"
                form.goal.cols["annual"] = col
            elif kind == "overall":
                current = "overall"
                form.goal.cols["overall"] = col
                written = re.sub(r"\s+", "", cell)
                if (
                    written.startswith(GOAL_HEADER_OWN)
                    and written != GOAL_HEADER_OWN[0]  # 项目总目标: the default ("")
                    and not form.goal.header
                ):
                    form.goal.header = written  # 项目总目标 / 项目总体目标(2024年-2026年)
            elif k in self.syn.goals_marker:
                if current is None and not any(kinds):
                    current = "overall"  # 项目绩效目标 | 文字: the form's one goal
                    form.goal.cols["overall"] = col
                    form.goal.last = "overall"
                continue
            elif current is not None:
                form.goal.texts[current].append(cell)  # the text stands beside its header
                form.goal.continues = False
            else:
                split = self.syn.split_label(cell)
                if split and (gk := self.syn.goal_kind(label_key(split[0]))):
                    form.goal.texts[gk].append(split[1])

    def _goal_text(self, rec: Record) -> None:
        form = self.form
        cells = [(col, c) for col, c in rec.filled() if label_key(c) not in self.syn.goals_marker]
        cols = form.goal.cols
        for n, (col, cell) in enumerate(cells):
            if len(cols) == 1:
                which = next(iter(cols))
            elif len(set(cols.values())) == 1:
                which = form.goal.last or "overall"  # headers one above the other
            elif len(cells) == 2 and len(cols) == 2:
                which = ("overall", "annual")[n]
            else:
                d_overall = abs(col - cols.get("overall", 10**6))
                d_annual = abs(col - cols.get("annual", 10**6))
                which = "overall" if d_overall <= d_annual else "annual"
            if form.goal.continues and form.goal.texts[which] and not is_numbered_line(cell):
                form.goal.texts[which][-1] += cell  # one text split by a page break
            else:
                form.goal.texts[which].append(cell)
        form.goal.continues = False
        if len(cells) > 2:
            message = Message(report_say.GOAL_CELLS)
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
            and getattr(self.form.table.columns, "extended", False)
        ):
            return role  # 满意度指标 in the 二级 column of a provincial table
        if is_l1 and is_l2:  # 成本指标: a 一级 from 2021, a 二级 of 产出指标 before
            nk = self.groups.canonical_l2(next_key) if next_key else None
            if nk is not None and c1 in self.tax.parents_of(nk):
                return "l1"
            return "l2" if self.form.table.l1 == "产出指标" else "l1"
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
        form.table.l2_raw, form.table.l2_known = k, known
        if known and not l1_in_row:
            if form.table.l1 not in self.tax.parents_of(canonical):
                parents = sorted(self.tax.parents_of(canonical))
                placed = self.groups.place(form.table.l1, canonical)
                if len(parents) == 1:
                    form.note(
                        INFO,
                        Message(report_say.PLACED_UNDER, name=k, parent=parents[0]),
                        line,
                    )
                    # in the 二级 column under another 一级 (a provincial taxonomy): keep the
                    # original group; shifted out of its column: an extraction artefact
                    keep = in_column and placed[0] == parents[0] and form.table.l1_known
                    form.table.l1_raw = (form.table.l1_raw or form.table.l1) if keep else ""
                    form.table.l1_inferred = not keep  # not on the form: kept for 审核 only
                    form.table.l1, form.table.l1_known = parents[0], True
                elif placed[0] not in self.tax.parents_of(placed[1]) and form.table.l1_known:
                    reasons.append(why(flag_text.NOT_UNDER, level2=k, level1=form.table.l1))
        elif known and form.table.l1_known:
            placed = self.groups.place(form.table.l1, canonical)
            if placed[0] not in self.tax.parents_of(placed[1]):
                reasons.append(why(flag_text.NOT_UNDER, level2=k, level1=form.table.l1))
        form.table.l2 = canonical

    def _indicator_row(self, rec: Record) -> None:
        form = self.form
        cols = form.table.columns or IndicatorHeader()
        cells = []
        for col, c in rec.filled():
            lk = label_key(c)
            if lk in self.syn.indicators_marker:
                continue
            if (period := self.syn.indicator_periods.get(lk)) is not None:
                form.table.period = period
                continue
            cells.append((col, c))
        if not cells:
            return
        reasons: list[str] = []
        i, l1_col, l2_col = self._group_labels(cells, cols, rec.line, reasons)
        rest = cells[i:]
        if not rest:
            return  # a row of labels only: it opens a group
        # The row's shift against the header columns, from its labels or its first cell.
        if l2_col is not None:
            shift = l2_col - cols.l2
            if l1_col is not None and l1_col - cols.l1 != shift:
                reasons.append(why(flag_text.COLUMNS_APART))
        elif l1_col is not None:
            shift = l1_col - cols.l1
        else:
            shift = rest[0][0] - cols.name
            if shift < 0:
                reasons.append(why(flag_text.GROUP_UNKNOWN))
        extra_notes: list[str] = []
        if cols.extended and (read := cols.read_row(rest, shift)) is not None:
            name, value_text, extra_notes, problems = read
            reasons.extend(problems)
        else:
            name, value_text = self._by_order(rest, cols, shift, reasons)
        if has_wide_gap(name) or has_wide_gap(value_text):
            reasons.append(why(flag_text.TWO_PIECES))
        # a line break inside a cell, extracted as a space: gone between CJK characters
        name, value_text = join_wrapped(name, True), join_wrapped(value_text, True)
        if name.endswith(_CUT_OFF_ENDINGS):
            reasons.append(why(flag_text.NAME_CUT))
        reasons.extend(_group_reasons(form.table))
        if not value_text and name:
            form.note(WARNING, Message(report_say.NO_VALUE, name=name), rec.line)
        l1, l2 = (
            self.groups.place(form.table.l1, form.table.l2)
            if form.table.l1_known and form.table.l2_known
            else (form.table.l1, form.table.l2)
        )
        raw_groups = (form.table.l1_raw or form.table.l1, form.table.l2_raw or form.table.l2)
        if form.table.l1_inferred:
            # the form had no 一级 for the row: the inferred one is kept for 审核, and the
            # printout shows the form's empty cell until the clerk confirms it
            raw_groups = ("", raw_groups[1])
            reasons.append(why(flag_text.LEVEL1_INFERRED, level1=l1))
        notes = []
        if raw_groups != (l1, l2) and any(raw_groups):
            groups = dict(zip(("level1", "level2"), raw_groups, strict=True))
            notes.append(flag_text.note(flag_text.ORIGINAL_GROUPS, **groups))
        notes.extend(extra_notes)
        reasons = list(dict.fromkeys(reasons))
        indicator = Indicator(
            level1=l1,
            level2=l2,
            name=name,
            value=parse_value(value_text),
            needs_review=bool(reasons),
            review_note=flag_text.joined(*reasons),
            raw_text=rec.raw if reasons else "",
            source_line=rec.line,
        )
        indicator = with_note(indicator, "；".join(notes))
        (form.long_term if form.table.period == "long_term" else form.indicators).append(indicator)

    def _group_labels(self, cells, cols: IndicatorHeader, line: int, reasons: list[str]):
        """The 一级/二级 labels at the start of an indicator row set the current groups;
        returns where the row's own cells start and the labels' columns."""
        form = self.form
        l1_col = l2_col = None
        i = 0
        while i < len(cells):
            k = key(cells[i][1])
            next_key = key(cells[i + 1][1]) if i + 1 < len(cells) else None
            role = cols.role_at(cells[i][0]) if cols.roles else None
            kind = self._classify_label(k, next_key, role)
            later = [c for c, _ in cells[i + 1 :] if c > cols.l2]
            if kind == "l1" and l1_col is None and l2_col is None:
                form.table.l1, form.table.l1_raw, form.table.l1_known = (
                    self.groups.canonical_l1(k),
                    k,
                    True,
                )
                form.table.l1_inferred = False
                form.table.l2, form.table.l2_raw, form.table.l2_known = "", "", True
                l1_col = cells[i][0]
            elif (
                kind == "l2" or (kind == "l1" and self.groups.canonical_l2(k) is not None)
            ) and l2_col is None:
                l2_col = cells[i][0]
                self._set_l2(k, True, line, l1_col is not None, reasons, cells[i][0] == cols.l2)
            elif kind is None and role == "l1" and l1_col is None and len(later) >= 2:
                # a group name this program does not know, in the 一级 column: kept as written
                form.table.l1, form.table.l1_raw, form.table.l1_known = k, k, False
                form.table.l2, form.table.l2_raw, form.table.l2_known = "", "", True
                form.table.l1_inferred = False
                l1_col = cells[i][0]
            elif kind is None and role == "l2" and l2_col is None and len(later) >= 2:
                l2_col = cells[i][0]
                self._set_l2(k, False, line, l1_col is not None, reasons, True)
            else:
                break
            i += 1
        return i, l1_col, l2_col

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
            reasons.append(why(flag_text.CELLS_OUT_OF_PLACE))
        return (name_cell[1] if name_cell else ""), (value_cell[1] if value_cell else "")

    def finish(self) -> None:
        form, self.form = self.form, None
        if form is not None:
            finish_form(form, self.result, self.cell_ref, self.source_name)
