"""汇总 as a PDF: the year's projects in a table with subtotals, same fonts as the forms.

The columns are laid out for what they hold: the money columns and 项目性质/项目类别 as wide
as their widest entry and their header on one line (no ``年度资金申请总/额``), the rest of
the width shared by 项目名称 and 实施单位 by how long their texts are. A wrapped name never
leaves a single character on its last line (``运维项/目``): its lines are balanced. Pages
are laid out before they are drawn, so the foot says 第 x 页 共 N 页; the unit and the money
unit stand over the table, and a line for the date and signatures under it, kept with the
last rows.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from desktop.domain.money import format_money
from desktop.domain.summary import YearSummary
from desktop.printing.fonts import FontChain, load_chain
from desktop.printing.layout import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W
from desktop.printing.render import _Drawer
from desktop.printing.text import wrap

HEADERS = ("项目名称", "项目性质", "项目类别", "实施单位", "项目资金总额", "年度资金申请总额")
MONEY = (4, 5)
FIXED = (1, 2, 4, 5)  # as wide as their widest entry
TABLE_W = PAGE_W - 2 * MARGIN_X
SIZE = 9.0
LEADING = 12.0
PAD = 3.0
TITLE_SIZE = 16.0
HEAD_H = 34.0  # title
META_H = 18.0  # 编制单位 … 金额单位：元
SIGN_H = 40.0  # the line under the table
MIN_TEXT_COL = 4 * SIZE + 2 * PAD  # 项目名称 / 实施单位 never narrower than 4 characters


@dataclass
class _Row:
    cells: list[list[str]]
    bold: bool
    rule: bool
    height: float
    merged: bool = False  # a subtotal: its label in one cell over the first four columns


def _widths(chain: FontChain, rows: list[list[str]]) -> list[float]:
    """Column widths: fixed columns fit their widest cell and header on one line; the rest
    of the table goes to 项目名称 and 实施单位 in proportion to their longest texts."""
    widths = [0.0] * len(HEADERS)
    for i in FIXED:
        widest = max(chain.width(r[i], SIZE) for r in rows) if rows else 0.0
        widths[i] = max(widest, chain.width(HEADERS[i], SIZE)) + 2 * PAD + 1
    free = TABLE_W - sum(widths)
    need = [max((chain.width(r[i], SIZE) for r in rows), default=0.0) for i in (0, 3)]
    need = [
        max(n, chain.width(HEADERS[i], SIZE)) + 2 * PAD for n, i in zip(need, (0, 3), strict=True)
    ]
    # 实施单位 on one line when it can have that without taking more than 45 % of the room;
    # the names get the rest (they are the longer texts and wrap evenly)
    widths[3] = max(MIN_TEXT_COL, min(need[1], free * 0.45))
    widths[0] = max(MIN_TEXT_COL, free - widths[3])
    return widths


def balanced_lines(chain: FontChain, text: str, width: float, size: float) -> list[str]:
    """Lines of ``text`` in ``width``, never with one character alone on the last line when
    the lines can be evened out (``运维项/目`` → ``运维/项目``-like even breaks)."""
    lines = wrap(chain, text, width, size)
    if len(lines) < 2 or len(lines[-1].strip()) > 1:
        return lines
    narrower = width
    for _ in range(40):
        narrower -= size / 2
        if narrower < size * 2:
            break
        trial = wrap(chain, text, narrower, size)
        if len(trial) > len(lines):
            break
        if len(trial[-1].strip()) > 1:
            return trial
    return lines


def _rows(chain: FontChain, summary: YearSummary, widths: list[float]) -> list[_Row]:
    def row(cells: list[str], bold: bool = False, rule: bool = True, merged=False) -> _Row:
        room = list(widths)
        if merged:
            room[0] = sum(widths[:4])
        wrapped = [
            [c] if i in MONEY else balanced_lines(chain, c, w - 2 * PAD, SIZE)
            for i, (c, w) in enumerate(zip(cells, room, strict=True))
        ]
        height = max(len(x) for x in wrapped) * LEADING + 2 * PAD
        return _Row(wrapped, bold, rule, height, merged)

    out = [row(list(HEADERS), bold=True)]
    for line in summary.lines:
        out.append(row(_line_cells(line)))
    for heading, subtotals in (
        ("按项目类别小计", summary.by_category),
        ("按实施单位小计", summary.by_unit),
    ):
        out.append(row([heading, "", "", "", "", ""], bold=True, rule=False))
        for sub in subtotals:
            out.append(
                row(
                    [
                        f"{sub.key}（{sub.count} 个项目）",
                        "",
                        "",
                        "",
                        format_money(sub.total),
                        format_money(sub.annual_total),
                    ],
                    merged=True,
                )
            )
    out.append(
        row(
            [
                f"合计（{len(summary.lines)} 个项目）",
                "",
                "",
                "",
                format_money(summary.total),
                format_money(summary.annual_total),
            ],
            bold=True,
            merged=True,
        )
    )
    return out


def _line_cells(line) -> list[str]:
    return [
        line.name,
        line.nature,
        line.category,
        line.unit,
        format_money(line.total),
        format_money(line.annual_total),
    ]


def _paginate(rows: list[_Row]) -> list[list[_Row]]:
    """Rows onto pages (the header row repeated on each); the last row keeps room for the
    signature line under it."""
    header, body = rows[0], rows[1:]
    pages: list[list[_Row]] = [[header]]
    room = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM - HEAD_H - META_H - header.height
    for n, r in enumerate(body):
        need = r.height + (SIGN_H if n == len(body) - 1 else 0.0)
        if need > room and len(pages[-1]) > 1:
            pages.append([header])
            room = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM - META_H - header.height
        pages[-1].append(r)
        room -= r.height
    return pages


def render_summary(summary: YearSummary, target: str | os.PathLike) -> int:
    """Write the summary; returns the number of pages."""
    chain = load_chain()
    target = os.fspath(target) if isinstance(target, os.PathLike) else target
    c = Canvas(target, pagesize=(PAGE_W, PAGE_H), initialFontName=chain.primary)
    c.setTitle(f"{summary.year}年度项目汇总")
    d = _Drawer(c, chain)
    cells = [_line_cells(line) for line in summary.lines]
    totals = [
        ["", "", "", "", format_money(x.total), format_money(x.annual_total)]
        for x in (*summary.by_category, *summary.by_unit, summary)
    ]
    widths = _widths(chain, [list(HEADERS), *cells, *totals])
    pages = _paginate(_rows(chain, summary, widths))
    units = {line.unit for line in summary.lines if line.unit}
    unit = units.pop() if len(units) == 1 else "＿＿＿＿＿＿＿＿"
    for number, page in enumerate(pages, 1):
        y = PAGE_H - MARGIN_TOP
        if number == 1:
            title = f"{summary.year}年度项目汇总"
            d.text_line(
                (PAGE_W - chain.width(title, TITLE_SIZE)) / 2,
                y - TITLE_SIZE,
                title,
                TITLE_SIZE,
                True,
            )
            y -= HEAD_H
        d.text_line(MARGIN_X, y - 12, f"编制单位：{unit}", SIZE)
        money_unit = "金额单位：元"
        d.text_line(MARGIN_X + TABLE_W - chain.width(money_unit, SIZE), y - 12, money_unit, SIZE)
        y -= META_H
        for r in page:
            for n, (width, lines) in enumerate(zip(widths, r.cells, strict=True)):
                x = MARGIN_X + sum(widths[:n])
                if r.merged and n in (1, 2, 3):
                    continue
                if r.merged and n == 0:
                    width = sum(widths[:4])
                if r.rule:
                    c.rect(x, y - r.height, width, r.height)
                for i, line in enumerate(lines):
                    base = y - PAD - (i + 1) * LEADING + 3
                    if n in MONEY:
                        left = x + width - PAD - chain.width(line, SIZE)
                    elif r is page[0] or n in (1, 2):
                        left = x + (width - chain.width(line, SIZE)) / 2
                    else:
                        left = x + PAD
                    d.text_line(left, base, line, SIZE, r.bold)
            y -= r.height
        if number == len(pages):
            sign = (
                "负责人（签字）：＿＿＿＿＿＿　　填报人：＿＿＿＿＿＿"
                "　　填报日期：　　　　年　　月　　日"
            )
            d.text_line(MARGIN_X, y - 24, sign, SIZE + 0.5)
        foot = f"第 {number} 页 共 {len(pages)} 页"
        d.text_line((PAGE_W - chain.width(foot, 9)) / 2, MARGIN_BOTTOM - 18, foot, 9)
        c.showPage()
    c.save()
    return len(pages)
