"""The official layout as rows of cells, and its pagination.

Column widths follow the official Shanghai grid (docs/printing.md has the measurements):
the 项目总目标 column is ≈1.45 times as wide as 年度总体目标, 项目资金（元） sits on two
lines. Amounts never wrap: an amount too wide for its cell is set smaller (down to
MONEY_FLOOR points), and only past that floor that form's money columns widen, taking
width from their neighbours.

The form is one bordered table of 8 columns. Rows carry ordinary cells and *spans* — cells
merged down consecutive rows (项目资金（元）, 项目绩效目标, 绩效指标, and each 一级/二级 group).
Pagination is done here, not by a table library: a span never crosses a page; a section
continued on a new page repeats its header row and its labels; a row taller than the space
left is moved, or split by lines when it cannot fit on a whole page (goal texts split
cleanly at the page end); a span's segment on a page grows its last row until its label
fits. Nothing is truncated and no input makes layout fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from reportlab.lib.pagesizes import A4

from desktop.domain.dates import format_date
from desktop.domain.model import Indicator, Project, funds_text, goal_header_text
from desktop.domain.money import format_money
from desktop.domain.taxonomy import group_indicators, inferred_level1, taxonomy
from desktop.printing.fonts import FontChain
from desktop.printing.text import wrap

PAGE_W, PAGE_H = A4
MARGIN_X = 40.0
MARGIN_TOP = 40.0
MARGIN_BOTTOM = 48.0
# 0 side labels | 1 一级 | 2 二级 | 3 | 4 amounts (left) | 5 | 6 | 7 amounts (right)
# 项目总目标 = columns 1–4 (286 pt), 年度总体目标 = columns 5–7 (199 pt): 1.44. Column 5
# (项目性质's value) is 62 pt so that 经常性项目 has 6 pt on each side.
COLS = (30.0, 58.0, 76.0, 56.0, 96.0, 62.0, 47.0, 90.0)
TABLE_W = sum(COLS)
MONEY_FLOOR = 7.5  # points: amounts are never set smaller
# A money column wider than COLS takes width from these neighbours, down to their minimum.
MONEY_DONORS = {4: ((3, 36.0), (2, 44.0)), 7: ((5, 34.0), (6, 30.0))}

WRAP_CACHE_CHARS = 1_000_000  # wrapped texts remembered (a few MB at most)
SIZE = 10.0  # body text
LEADING = 13.5
PAD_X = 3.0
PAD_Y = 3.5
TITLE = "财政项目支出绩效目标申报表"
TITLE_SIZE = 18.0
YEAR_SIZE = 12.0
# The official 一级/二级 cells: the published 2024 forms wrap them at the column's width
# (服务对象满意度/指标, 可持续影响指标 whole); the 2026 forms break them after 4 characters
# (社会效益/指标). From GROUP_CHARS_FROM on, labels take the 4-character breaks.
GROUP_CHARS = 4
GROUP_CHARS_FROM = 2026
GROUP_SUFFIX = "指标"
SIGNOFF_H = 64.0
MIN_SPLIT_LINES = 3
LABEL_CAP = 0.45  # of a page: taller span labels continue across their segments


class Grid:
    """The column edges of one form (COLS unless a long amount needed more room)."""

    def __init__(self, cols: tuple[float, ...] = COLS):
        self.cols = tuple(cols)
        self.x = tuple(MARGIN_X + sum(self.cols[:i]) for i in range(len(self.cols) + 1))

    def width(self, col: int, span: int) -> float:
        return self.x[col + span] - self.x[col]


DEFAULT_GRID = Grid()


@dataclass
class Cell:
    col: int
    span: int
    lines: list[str]
    align: str = "left"  # left, center, right
    size: float = SIZE
    top: bool = False  # top-aligned (both parts of a row split across pages)
    bold: bool = False


@dataclass
class Span:
    col: int
    span: int
    key: tuple  # rows with the same key at the same column merge into one cell
    lines: list[str]
    size: float = SIZE
    absurd: bool = False  # taller than LABEL_CAP: drawn in pieces across segments
    align: str = "center"


@dataclass
class Row:
    cells: list[Cell]
    spans: list[Span]
    section: str
    header: bool = False  # repeated when its section continues on a new page
    splittable: bool = False  # may split at a page end (goal texts)
    extra: float = 0.0  # growth so that span labels fit
    natural: float = field(init=False)  # height of its text, set once

    def __post_init__(self) -> None:
        n = max((len(c.lines) * c.size / SIZE for c in self.cells), default=1)
        self.natural = max(n, 1) * LEADING + 2 * PAD_Y

    @property
    def height(self) -> float:
        return self.natural + self.extra

    def line_count(self) -> int:
        return max((len(c.lines) for c in self.cells), default=1)

    def split(self, lines: int) -> tuple[Row, Row]:
        """The first ``lines`` lines of every cell, and the rest."""
        first = [replace(c, lines=c.lines[:lines], top=True) for c in self.cells]
        rest = [replace(c, lines=c.lines[lines:], top=True) for c in self.cells]
        return replace(self, cells=first, extra=0.0), replace(self, cells=rest, extra=0.0)


def goal_header(p: Project) -> str:
    """The goal column's header as the form writes it (项目总目标, 项目总体目标, 项目总体目标
    (2024年-2026年)): part of the form, stored, printed as stored."""
    return goal_header_text(p)


def date_text(p: Project, d: date | None) -> str:
    """A date as printed: in the form's own style (an imported ``2026/1/1`` prints as
    ``2026/1/1``), else the program's convention, ISO ``2026-01-01``."""
    return format_date(d, p.date_style) if d else ""


def value_text(ind: Indicator) -> str:
    """An indicator value as printed: the text as the clerk typed it or the form had it
    (``985米`` stays ``985米``); the canonical reading only for values built in code."""
    return ind.value.shown


def balanced(chain: FontChain, lines: list[str], width: float, size: float) -> list[str]:
    """A short label whose last line would be one character wrapped evenly (可持续影/响指标,
    not 可持续影响指/标); otherwise the natural breaks, as on the official form
    (服务对象满意度/指标)."""
    if len(lines) < 2 or len(lines) > 4 or len(lines[-1]) > 1:
        return lines
    text = "".join(lines)
    if not text or " " in text or len(text) > 40:
        return lines
    per = -(-len(text) // len(lines))
    even = [text[i : i + per] for i in range(0, len(text), per)]
    if len(even) == len(lines) and all(chain.width(x, size) <= width for x in even):
        return even
    return lines


def group_label(text: str, year: int = GROUP_CHARS_FROM) -> str:
    """A 一级/二级 label with the official line breaks of the form's year: from
    GROUP_CHARS_FROM at most GROUP_CHARS characters a line, the 指标 suffix on a line of its
    own (社会效益/指标, 服务对象/满意度/指标, 可持续/影响/指标, 产出指标 whole); before, as the
    column wraps it. Labels with spaces or Latin text, and long ones, wrap normally."""
    text = text or ""
    if (
        year < GROUP_CHARS_FROM
        or len(text) <= GROUP_CHARS
        or len(text) > 24
        or not text.isalpha()
        or text.isascii()
    ):
        return text
    stem, suffix = text, ""
    if text.endswith(GROUP_SUFFIX) and len(text) > len(GROUP_SUFFIX):
        stem, suffix = text[: -len(GROUP_SUFFIX)], GROUP_SUFFIX
    n = -(-len(stem) // GROUP_CHARS)  # lines of the stem, filled evenly
    per, extra = divmod(len(stem), n)
    lines, at = [], 0
    for k in range(n):
        size = per + (1 if k < extra else 0)
        lines.append(stem[at : at + size])
        at += size
    return "\n".join([*lines, suffix] if suffix else lines)


def label_height(span: Span) -> float:
    return len(span.lines) * LEADING * span.size / SIZE + 2 * PAD_Y


@dataclass
class Page:
    rows: list[Row] = field(default_factory=list)
    first: bool = False  # a form's first page: title above the table
    signoff: bool = False
    grid: Grid = DEFAULT_GRID

    @property
    def top(self) -> float:
        """Distance from the page's top edge to the table's top (the title and the year are
        the table's first rows, as on the official form)."""
        return MARGIN_TOP


CAPACITY = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM


class FormBuilder:
    """Rows of one project's form."""

    def __init__(self, chain: FontChain):
        self.chain = chain
        self.grid = DEFAULT_GRID
        self._wrapped: dict[tuple[str, float], list[str]] = {}
        self._wrapped_chars = 0

    def wrap(self, text: str, width: float) -> list[str]:
        """Lines of ``text`` at SIZE, remembered (labels, indicator texts, goals shared by
        forms repeat) up to WRAP_CACHE_CHARS characters, so memory stays bounded."""
        key = (text, width)
        lines = self._wrapped.get(key)
        if lines is None:
            lines = wrap(self.chain, text, width, SIZE)
            self._wrapped_chars += len(text) + 16
            if self._wrapped_chars > WRAP_CACHE_CHARS:
                self._wrapped.clear()
                self._wrapped_chars = len(text) + 16
            self._wrapped[key] = lines
        return list(lines)

    def cell(self, col: int, span: int, text: str, align: str = "left") -> Cell:
        width = self.grid.width(col, span) - 2 * PAD_X
        return Cell(col, span, self.wrap(text or "", width), align)

    def money(self, col: int, text: str) -> Cell:
        """An amount on one line: smaller type if need be (the grid was widened for it)."""
        inner = self.grid.width(col, 1) - 2 * PAD_X
        size = SIZE
        width = self.chain.width(text, 1.0)
        if width * SIZE > inner:
            size = max(MONEY_FLOOR, int(inner / width * 4) / 4)
        if width * size > inner + 1e-6:  # past the floor and the neighbours' room: wrap
            return Cell(col, 1, wrap(self.chain, text, inner, size), "right", size)
        return Cell(col, 1, [text], "right", size)

    def grid_for(self, p: Project) -> Grid:
        """COLS, with a money column widened when an amount is too wide even at the floor."""
        f = p.funds
        amounts = {
            4: (f.total, f.fiscal, f.other),
            7: (f.annual_total, f.annual_appropriation, f.annual_carryover, f.annual_other),
        }
        cols = list(COLS)
        for col, values in amounts.items():
            need = max(self.chain.width(format_money(v), MONEY_FLOOR) for v in values)
            extra = need + 2 * PAD_X - cols[col]
            for donor, minimum in MONEY_DONORS[col]:
                if extra <= 0:
                    break
                take = min(extra, cols[donor] - minimum)
                cols[donor] -= take
                cols[col] += take
                extra -= take
        return DEFAULT_GRID if tuple(cols) == COLS else Grid(tuple(cols))

    def span(self, col: int, span: int, key: tuple, text: str) -> Span:
        width = self.grid.width(col, span) - 2 * PAD_X
        size = SIZE
        lines = self.wrap(text or "", width)
        cap = CAPACITY * LABEL_CAP
        while len(lines) * LEADING * size / SIZE + 2 * PAD_Y > cap and size > 5:
            size -= 1  # an absurdly long label: smaller type first
            lines = wrap(self.chain, text or "", width, size)
        if "\n" not in (text or ""):
            lines = balanced(self.chain, lines, width, size)
        result = Span(col, span, key, lines, size)
        result.absurd = label_height(result) > cap
        return result

    def rows(self, p: Project) -> list[Row]:
        self.grid = self.grid_for(p)
        rows = self._head_rows(p)
        rows.extend(self._funds_rows(p))
        rows.extend(self._goal_rows(p))
        rows.extend(self.indicator_rows(p))
        return rows

    def _head_rows(self, p: Project) -> list[Row]:
        c = self.cell
        rows = [
            Row([Cell(0, 8, [TITLE], "center", TITLE_SIZE, bold=True)], [], "title"),
            Row([Cell(0, 8, [f"（{p.year}年度）"], "center", YEAR_SIZE)], [], "title"),
            Row(
                [
                    c(0, 2, "项目名称", "center"),
                    c(2, 2, p.name),
                    c(4, 1, "项目性质", "center"),
                    c(5, 1, p.nature, "center"),
                    c(6, 1, "项目类别", "center"),
                    c(7, 1, p.category, "center"),
                ],
                [],
                "basic",
            ),
            Row(
                [
                    c(0, 2, "主管部门", "center"),
                    c(2, 2, p.department),
                    c(4, 1, "实施单位", "center"),
                    c(5, 3, p.implementing_unit),
                ],
                [],
                "basic",
            ),
            Row(
                [
                    c(0, 2, "计划开始日期", "center"),
                    c(2, 2, date_text(p, p.start_date), "center"),
                    c(4, 1, "计划完成日期", "center"),
                    c(5, 3, date_text(p, p.end_date), "center"),
                ],
                [],
                "basic",
            ),
        ]
        return rows

    def _funds_rows(self, p: Project) -> list[Row]:
        c = self.cell
        rows: list[Row] = []
        funds_label = self.span(0, 2, ("funds",), "项目资金\n（元）")
        for left, left_key, right, right_key in (
            ("项目资金总额", "total", "年度资金申请总额", "annual_total"),
            ("其中：财政资金", "fiscal", "其中：当年财政拨款", "annual_appropriation"),
        ):
            rows.append(
                Row(
                    [
                        c(2, 2, left, "center"),
                        self.money(4, funds_text(p, left_key)),
                        c(5, 2, right, "center"),
                        self.money(7, funds_text(p, right_key)),
                    ],
                    [funds_label],
                    "funds",
                )
            )
        # The project's 其他资金 faces two rows of the year's side (上年结转资金, 其他资金):
        # on the official grid its label and amount are cells merged over both rows.
        other = self.money(4, funds_text(p, "other"))
        left_spans = [
            funds_label,
            self.span(2, 2, ("funds-other",), "其他资金"),
            Span(4, 1, ("funds-other-amount",), other.lines, other.size, align="right"),
        ]
        for right, right_key in (
            ("上年结转资金", "annual_carryover"),
            ("其他资金", "annual_other"),
        ):
            rows.append(
                Row(
                    [c(5, 2, right, "center"), self.money(7, funds_text(p, right_key))],
                    list(left_spans),
                    "funds",
                )
            )
        return rows

    def _goal_rows(self, p: Project) -> list[Row]:
        c = self.cell
        rows: list[Row] = []
        goals_label = self.span(0, 1, ("goals",), "项目绩效目标")
        rows.append(
            Row(
                [c(1, 4, goal_header(p), "center"), c(5, 3, "年度总体目标", "center")],
                [goals_label],
                "goals",
                header=True,
            )
        )
        rows.append(
            Row(
                [c(1, 4, p.goal_overall), c(5, 3, p.goal_annual)],
                [goals_label],
                "goals",
                splittable=True,
            )
        )
        return rows

    def indicator_rows(self, p: Project) -> list[Row]:
        c = self.cell
        label = self.span(0, 1, ("indicators",), "绩效指标")
        rows = [
            Row(
                [
                    c(1, 1, "一级指标", "center"),
                    c(2, 1, "二级指标", "center"),
                    c(3, 3, "三级指标", "center"),
                    c(6, 2, "年度(/项目)指标值", "center"),
                ],
                [label],
                "indicators",
                header=True,
            )
        ]
        order = taxonomy().profile_of(p).level1_names
        groups = group_indicators(p.indicators, order)
        for i, (l1, subgroups) in enumerate(groups):
            # a 一级 the form did not have (worked out on import, not confirmed): printed as
            # the form had it — empty — until the clerk confirms it
            as_form = "" if all(inferred_level1(x) for _, xs in subgroups for x in xs) else l1
            l1_span = self.span(1, 1, ("l1", i), group_label(as_form, p.year))
            for j, (l2, inds) in enumerate(subgroups):
                l2_span = self.span(2, 1, ("l2", i, j), group_label(l2, p.year))
                group_rows = [
                    Row(
                        [c(3, 3, ind.name), c(6, 2, value_text(ind), "center")],
                        [label, l1_span, l2_span],
                        "indicators",
                    )
                    for ind in inds
                ]
                rows.extend(group_rows)
        if len(rows) == 1:  # no indicators yet: one empty row under the header
            rows.append(
                Row([c(1, 1, ""), c(2, 1, ""), c(3, 3, ""), c(6, 2, "")], [label], "indicators")
            )
        return self._fill_absurd(rows)

    def _fill_absurd(self, rows: list[Row]) -> list[Row]:
        """Give groups whose label is taller than LABEL_CAP enough (empty) rows to carry it;
        the label is then drawn in pieces down the group's segments."""
        out: list[Row] = []
        for i, row in enumerate(rows):
            out.append(row)
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            absurd = [s for s in row.spans if s.absurd]
            for span in sorted(absurd, key=lambda s: -s.col):  # inner groups first
                if nxt is not None and any(s.key == span.key for s in nxt.spans):
                    continue
                height = sum(r.natural for r in out if any(s.key == span.key for s in r.spans))
                missing = label_height(span) - height + 2 * LEADING
                filler = [replace(c, lines=[]) for c in row.cells]
                while missing > 0:
                    out.append(Row(filler, list(row.spans), row.section))
                    missing -= out[-1].natural
        return out


def _growth(rows: list[Row], segments: dict[int, tuple[Span, int]]) -> float:
    """How much the last row must grow so that every given segment, ending at that row, is
    tall enough for its label (inner spans first; growth also lengthens outer ones)."""
    growth = 0.0
    for col in sorted(segments, reverse=True):
        span, start = segments[col]
        if span.absurd:
            continue  # carried by filler rows, drawn in pieces
        need = label_height(span) - growth
        height = 0.0
        for i in range(len(rows) - 1, start - 1, -1):  # from the end: usually a row or two
            height += rows[i].height
            if height >= need:
                break
        growth += max(0.0, need - height)
    return growth


class _Paginator:
    def __init__(
        self,
        rows: list[Row],
        signoff: bool = False,
        grid: Grid = DEFAULT_GRID,
        break_before: frozenset[int] = frozenset(),
    ):
        for row in rows:
            row.extra = 0.0  # growth is worked out again on every run
        self.break_before = break_before  # ids of rows that start a new page (keep-with)
        self.queue = list(rows)
        self.headers = {r.section: r for r in rows if r.header}
        self.pages: list[Page] = []
        self.grid = grid
        self.signoff = signoff
        self.reserve = 0.0  # room kept free under the row being placed (the sign-off)
        self._start_page(None)

    # -- page state ---------------------------------------------------------------------------
    def _start_page(self, section: str | None) -> None:
        self.pages.append(Page(first=not self.pages, grid=self.grid))
        self.used = 0.0
        self.segments: dict[int, tuple[Span, int]] = {}
        header = self.headers.get(section) if section else None
        if header is not None and not self._try_add(replace(header, extra=0.0)):
            self._force_add(replace(header, extra=0.0))

    def _end_page(self) -> None:
        rows = self.pages[-1].rows
        if rows and self.segments:
            rows[-1].extra += _growth(rows, self.segments)
        self.segments = {}

    @property
    def capacity(self) -> float:
        return PAGE_H - MARGIN_BOTTOM - self.pages[-1].top

    # -- adding rows ------------------------------------------------------------------------------
    def _split_segments(self, row: Row):
        ended = {
            c: v
            for c, v in self.segments.items()
            if not any(s.col == c and s.key == v[0].key for s in row.spans)
        }
        kept = {c: v for c, v in self.segments.items() if c not in ended}
        return ended, kept

    def _try_add(self, row: Row) -> bool:
        rows = self.pages[-1].rows
        ended, kept = self._split_segments(row)
        g1 = _growth(rows, ended) if rows and ended else 0.0
        if rows:
            rows[-1].extra += g1
        new = dict(kept)
        for s in row.spans:
            if s.col not in new:
                new[s.col] = (s, len(rows))
        rows.append(row)  # on trial
        g2 = _growth(rows, new)
        if self.used + g1 + row.height + g2 + self.reserve > self.capacity + 1e-6:
            rows.pop()
            if rows:
                rows[-1].extra -= g1
            return False
        self.segments = new
        self.used += g1 + row.height
        return True

    def _force_add(self, row: Row) -> None:
        rows = self.pages[-1].rows
        ended, kept = self._split_segments(row)
        if rows and ended:
            g1 = _growth(rows, ended)
            rows[-1].extra += g1
            self.used += g1
        for s in row.spans:
            if s.col not in kept:
                kept[s.col] = (s, len(rows))
        rows.append(row)
        self.segments = kept
        self.used += row.height

    def _place_split(self, row: Row, minimum: int) -> bool:
        """Put as many of ``row``'s lines as fit here (at least ``minimum``); queue the rest."""
        room = self.capacity - self.used - 2 * PAD_Y
        rest = MIN_SPLIT_LINES if minimum > 1 else 1  # lines left for the next page
        k = min(int(room // LEADING), row.line_count() - rest)
        while k >= minimum:
            first, rest = row.split(k)
            if self._try_add(first):
                self.queue.insert(0, rest)
                return True
            k -= 1
        return False

    def run(self) -> list[Page]:
        while self.queue:
            row = self.queue.pop(0)
            # The sign-off block stays with the last row: room for it is kept under that row,
            # so the last row (with its header repeated) moves to a new page rather than the
            # block going alone on a page of its own.
            self.reserve = SIGNOFF_H if self.signoff and not self.queue else 0.0
            if id(row) in self.break_before and any(not r.header for r in self.pages[-1].rows):
                self._next_page(row)
            if self._try_add(row):
                continue
            rows = self.pages[-1].rows
            body_here = any(not r.header for r in rows)
            if not body_here:
                # Even a fresh page cannot hold it whole: split it, or (one line) force it.
                if row.line_count() > 1 and self._place_split(row, 1):
                    self._next_page(row)
                    continue
                self._force_add(row)
                continue
            tall = row.line_count() >= 2 * MIN_SPLIT_LINES  # moving it whole leaves a gap
            if (row.splittable or tall) and self._place_split(row, MIN_SPLIT_LINES):
                self._next_page(row)
                continue
            if rows[-1].header and rows[-1].section == row.section:
                orphan = rows.pop()  # a header never ends a page; it is repeated anyway
                self.used -= orphan.height
                self.segments = {c: v for c, v in self.segments.items() if v[1] < len(rows)}
            self._next_page(row)
            self.queue.insert(0, row)
        self._end_page()
        return [p for p in self.pages if p.rows]

    def _next_page(self, upcoming: Row) -> None:
        """Continue on a new page; the upcoming row's section header is repeated first."""
        self._end_page()
        self._start_page(None if upcoming.header else upcoming.section)


def _lone_row(pages: list[Page], rows: list[Row]) -> Row | None:
    """The row to move along when the form's last page holds a single indicator row: the
    indicator row before it (an original row, so it can be moved whole)."""
    if len(pages) < 2:
        return None
    body = [r for r in pages[-1].rows if not r.header]
    before = [r for r in pages[-2].rows if not r.header]
    if len(body) != 1 or body[0].section != "indicators" or len(before) < 2:
        return None
    prev = before[-1]
    if prev.section != "indicators" or not any(prev is r for r in rows):
        return None
    return prev


def paginate(rows: list[Row], signoff: bool, grid: Grid = DEFAULT_GRID) -> list[Page]:
    """Lay one form's rows onto pages; the sign-off block goes under the table on the last
    page, never alone on a page, and a single indicator row is never alone on the form's
    last page when the row before it can go along (keep-with: the two move together)."""
    pages = _Paginator(rows, signoff, grid).run()
    breaks: frozenset[int] = frozenset()
    for _ in range(3):
        prev = _lone_row(pages, rows)
        if prev is None:
            break
        breaks = breaks | {id(prev)}
        again = _Paginator(rows, signoff, grid, breaks).run()
        if len(again) > len(pages):  # the two rows do not fit there either: as it was
            # (run again: a run sets the rows' growth for its own pages)
            pages = _Paginator(rows, signoff, grid, breaks - {id(prev)}).run()
            break
        pages = again
    pages = pages or [Page(first=True, grid=grid)]
    pages[0].first = True
    pages[-1].signoff = signoff
    return pages
