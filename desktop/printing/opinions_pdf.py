"""打印审核意见: one project's review opinions and the unit's answers as one A4 table, for
the file (the same fonts and text drawing as the forms; text is drawn, never parsed as
markup)."""

from __future__ import annotations

import os
from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from desktop.domain import review as rv
from desktop.domain.model import Project
from desktop.printing.fonts import load_chain
from desktop.printing.layout import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W
from desktop.printing.render import _Drawer
from desktop.printing.text import wrap

COLUMNS = (
    ("序号", 26),
    ("位置", 104),
    ("原因", 78),
    ("审核意见", 118),
    ("提出", 66),
    ("处理情况", 123),
)  # 515 pt: the form's table width
SIZE = 9.0
LEADING = 12.0
PAD = 3.0


def _date(stamp: str) -> str:
    return stamp[:10]


def _headings(project: Project, status: str, events: Sequence[rv.StatusEvent]) -> list[str]:
    """The lines above the table: the project, its unit and its review status."""
    last = max(events, key=lambda e: e.order, default=None)
    when = f"（{_date(last.at)}，{last.unit}）" if last is not None else ""
    return [
        f"项目名称：{project.name}　　年度：{project.year}",
        f"实施单位：{project.implementing_unit}　　主管部门：{project.department}",
        f"审核状态：{rv.STATUS_LABELS.get(status, status)}{when}",
    ]


def _cells(n: int, state: rv.OpinionState, project: Project) -> list[str]:
    """One opinion's row: number, place, code and reason, text, author, handling."""
    o = state.opinion
    return [
        str(n),
        rv.opinion_place(o, project),
        f"{o.code} {o.reason}",
        o.text,
        " ".join(x for x in (o.unit, o.person, _date(o.at)) if x),
        rv.handling(state),
    ]


def render_opinions(
    project: Project,
    states: Sequence[rv.OpinionState],
    target,
    *,
    status: str = rv.DRAFT,
    events: Sequence[rv.StatusEvent] = (),
) -> int:
    """Write the table of ``states`` (one project's opinions); returns the page count."""
    chain = load_chain()
    target = os.fspath(target) if isinstance(target, os.PathLike) else target
    c = Canvas(target, pagesize=(PAGE_W, PAGE_H), initialFontName=chain.primary)
    c.setTitle(f"审核意见：{project.name}")
    drawer = _Drawer(c, chain)
    pages = 1
    y = PAGE_H - MARGIN_TOP
    width = sum(w for _, w in COLUMNS)

    def text(x: float, baseline: float, s: str, size: float = SIZE, bold: bool = False) -> None:
        drawer.text_line(x, baseline, s, size, bold)

    def footer() -> None:
        label = f"第 {pages} 页"
        text((PAGE_W - chain.width(label, 9)) / 2, MARGIN_BOTTOM - 18, label, 9)

    def row(cells: list[str], bold: bool = False) -> None:
        nonlocal y, pages
        wrapped = [
            wrap(chain, s, w - 2 * PAD, SIZE) or [""]
            for s, (_, w) in zip(cells, COLUMNS, strict=True)
        ]
        height = max(len(lines) for lines in wrapped) * LEADING + 2 * PAD
        if y - height < MARGIN_BOTTOM and not bold:
            footer()
            c.showPage()
            pages += 1
            y = PAGE_H - MARGIN_TOP
            text(MARGIN_X, y - 10, f"{project.name}（续）", 9)
            y -= 18
            row([h for h, _ in COLUMNS], bold=True)
        x = MARGIN_X
        for (_, w), lines in zip(COLUMNS, wrapped, strict=True):
            c.rect(x, y - height, w, height)
            for i, line in enumerate(lines):
                text(x + PAD, y - PAD - (i + 1) * LEADING + 3, line, bold=bold)
            x += w
        y -= height

    def line(s: str, size: float = 10.0) -> None:
        nonlocal y
        for part in wrap(chain, s, width, size):
            text(MARGIN_X, y - size, part, size)
            y -= size + 5

    title = "绩效目标审核意见"
    text((PAGE_W - chain.width(title, 16)) / 2, y - 16, title, 16, bold=True)
    y -= 34
    for heading in _headings(project, status, events):
        line(heading)
    y -= 6
    row([h for h, _ in COLUMNS], bold=True)
    if not states:
        row(["", "", "", "没有审核意见", "", ""])
    for n, s in enumerate(states, 1):
        row(_cells(n, s, project))
    footer()
    c.showPage()
    c.save()
    return pages
