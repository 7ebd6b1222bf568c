"""汇总 as a PDF: the year's projects in a table with subtotals, same fonts as the forms."""

from __future__ import annotations

import os

from reportlab.pdfgen.canvas import Canvas

from desktop.domain.money import format_money
from desktop.domain.summary import YearSummary
from desktop.printing.fonts import load_chain
from desktop.printing.layout import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W
from desktop.printing.render import _Drawer
from desktop.printing.text import wrap

COLUMNS = (
    ("项目名称", 150),
    ("项目性质", 52),
    ("项目类别", 56),
    ("实施单位", 109),
    ("项目资金总额", 74),
    ("年度资金申请总额", 74),
)
SIZE = 9.0
LEADING = 12.0
PAD = 3.0


class _Pages:
    """The summary's pages: rows of cells, a new page (with the header row again) when the
    next row does not fit, the page number at the foot."""

    def __init__(self, c: Canvas, chain):
        self.c, self.chain = c, chain
        self.drawer = _Drawer(c, chain)
        self.pages = 1
        self.y = PAGE_H - MARGIN_TOP

    def text(self, x: float, baseline: float, s: str, size: float = SIZE, bold=False) -> None:
        self.drawer.text_line(x, baseline, s, size, bold)

    def row(self, cells: list[str], bold: bool = False, rule: bool = True) -> None:
        chain, c = self.chain, self.c
        wrapped = [
            wrap(chain, s, w - 2 * PAD, SIZE) for s, (_, w) in zip(cells, COLUMNS, strict=False)
        ]
        height = max(len(lines) for lines in wrapped) * LEADING + 2 * PAD
        if self.y - height < MARGIN_BOTTOM:
            self.footer()
            c.showPage()
            self.pages += 1
            self.y = PAGE_H - MARGIN_TOP
            self.row([h for h, _ in COLUMNS], bold=True)
        x = MARGIN_X
        for n, ((_, width), lines) in enumerate(zip(COLUMNS, wrapped, strict=False)):
            if rule:
                c.rect(x, self.y - height, width, height)
            for i, line in enumerate(lines):
                base = self.y - PAD - (i + 1) * LEADING + 3
                if n >= 4:
                    self.text(x + width - PAD - chain.width(line, SIZE), base, line, bold=bold)
                else:
                    self.text(x + PAD, base, line, bold=bold)
            x += width
        self.y -= height

    def footer(self) -> None:
        label = f"第 {self.pages} 页"
        self.text((PAGE_W - self.chain.width(label, 9)) / 2, MARGIN_BOTTOM - 18, label, 9)


def render_summary(summary: YearSummary, target: str | os.PathLike) -> int:
    """Write the summary; returns the number of pages."""
    chain = load_chain()
    target = os.fspath(target) if isinstance(target, os.PathLike) else target
    c = Canvas(target, pagesize=(PAGE_W, PAGE_H), initialFontName=chain.primary)
    c.setTitle(f"{summary.year}年度项目汇总")
    out = _Pages(c, chain)
    title = f"{summary.year}年度项目汇总"
    out.text((PAGE_W - chain.width(title, 16)) / 2, out.y - 16, title, 16, bold=True)
    out.y -= 34
    out.row([h for h, _ in COLUMNS], bold=True)
    for line in summary.lines:
        out.row(
            [
                line.name,
                line.nature,
                line.category,
                line.unit,
                format_money(line.total),
                format_money(line.annual_total),
            ]
        )
    for heading, subtotals in (
        ("按项目类别小计", summary.by_category),
        ("按实施单位小计", summary.by_unit),
    ):
        out.row([heading, "", "", "", "", ""], bold=True, rule=False)
        for sub in subtotals:
            out.row(
                [
                    f"{sub.key}（{sub.count} 个项目）",
                    "",
                    "",
                    "",
                    format_money(sub.total),
                    format_money(sub.annual_total),
                ]
            )
    out.row(
        [
            f"合计（{len(summary.lines)} 个项目）",
            "",
            "",
            "",
            format_money(summary.total),
            format_money(summary.annual_total),
        ],
        bold=True,
    )
    out.footer()
    c.showPage()
    c.save()
    return out.pages
