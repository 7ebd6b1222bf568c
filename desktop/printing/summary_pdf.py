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


def render_summary(summary: YearSummary, target: str | os.PathLike) -> int:
    """Write the summary; returns the number of pages."""
    chain = load_chain()
    target = os.fspath(target) if isinstance(target, os.PathLike) else target
    c = Canvas(target, pagesize=(PAGE_W, PAGE_H), initialFontName=chain.primary)
    c.setTitle(f"{summary.year}年度项目汇总")
    pages = 1
    y = PAGE_H - MARGIN_TOP

    drawer = _Drawer(c, chain)

    def text(x: float, baseline: float, s: str, size: float = SIZE, bold: bool = False) -> None:
        drawer.text_line(x, baseline, s, size, bold)

    def row(cells: list[str], bold: bool = False, rule: bool = True) -> None:
        nonlocal y, pages
        wrapped = [
            wrap(chain, s, w - 2 * PAD, SIZE) for s, (_, w) in zip(cells, COLUMNS, strict=False)
        ]
        height = max(len(lines) for lines in wrapped) * LEADING + 2 * PAD
        if y - height < MARGIN_BOTTOM:
            footer()
            c.showPage()
            pages += 1
            y = PAGE_H - MARGIN_TOP
            row([h for h, _ in COLUMNS], bold=True)
        x = MARGIN_X
        for n, ((_, width), lines) in enumerate(zip(COLUMNS, wrapped, strict=False)):
            if rule:
                c.rect(x, y - height, width, height)
            for i, line in enumerate(lines):
                base = y - PAD - (i + 1) * LEADING + 3
                if n >= 4:
                    text(x + width - PAD - chain.width(line, SIZE), base, line, bold=bold)
                else:
                    text(x + PAD, base, line, bold=bold)
            x += width
        y -= height

    def footer() -> None:
        label = f"第 {pages} 页"
        text((PAGE_W - chain.width(label, 9)) / 2, MARGIN_BOTTOM - 18, label, 9)

    title = f"{summary.year}年度项目汇总"
    text((PAGE_W - chain.width(title, 16)) / 2, y - 16, title, 16, bold=True)
    y -= 34
    row([h for h, _ in COLUMNS], bold=True)
    for line in summary.lines:
        row(
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
        row([heading, "", "", "", "", ""], bold=True, rule=False)
        for sub in subtotals:
            row(
                [
                    f"{sub.key}（{sub.count} 个项目）",
                    "",
                    "",
                    "",
                    format_money(sub.total),
                    format_money(sub.annual_total),
                ]
            )
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
    )
    footer()
    c.showPage()
    c.save()
    return pages
