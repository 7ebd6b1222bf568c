"""The floor for printing speed: plain reportlab drawing the same pages with the same fonts.

    .venv/bin/python bench/print_floor.py DB OUT.pdf

The pages are laid out by the program first (not timed) and recorded as the text lines
(with their font runs) and rectangles it draws; then a plain reportlab script — a Canvas,
``beginText``/``setFont``/``textOut`` per line, ``rect`` per cell, ``save`` — draws them,
timed. The program's own printing (bench_print.py) must be no slower than this, although
it also does the layout. Prints: seconds, pages, peak RSS in MB.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from desktop.printing.fonts import load_chain  # noqa: E402
from desktop.printing.layout import (  # noqa: E402
    LEADING,
    PAD_X,
    PAD_Y,
    PAGE_H,
    PAGE_W,
    SIZE,
    FormBuilder,
    paginate,
)
from desktop.printing.render import ASCENT, SignOff, _Drawer, draw_page  # noqa: E402
from desktop.store import open_repository  # noqa: E402


class _Ops(list):
    """The recorder's page: rectangles written as raw operators become rect operations;
    other raw operators (line width, the header rule) are left out."""

    at = (0.0, 0.0)  # where the batch total goes (the translation before the form)

    def append(self, op) -> None:
        if isinstance(op, str):
            if op.endswith(" re S"):
                super().append(("rect", *map(float, op.split()[:4])))
            elif op.startswith("q 1 0 0 1 ") and op.endswith(" cm"):
                self.at = tuple(map(float, op.split()[5:7]))
            return
        super().append(op)


class _Sink:
    """Stands in for the canvas while recording."""

    def __init__(self) -> None:
        self._code = _Ops()

    def doForm(self, name: str) -> None:
        self._code.append(("total", *self._code.at))


class Recorder(_Drawer):
    """The program's drawing calls, kept as plain data."""

    def __init__(self, chain) -> None:
        super().__init__(_Sink(), chain)

    @property
    def ops(self) -> list[tuple]:
        return self.c._code

    @ops.setter
    def ops(self, value) -> None:
        self.c._code = _Ops(value)

    def text_line(self, x, baseline, text, size, bold=False, remember=True):
        if text:
            self.ops.append(("text", x, baseline, self.chain.runs(text), size, bold))

    def rect(self, x, y, w, h):
        self.ops.append(("rect", x, y, w, h))

    def lines(self, lines, x0, x1, top, bottom, align, size=SIZE, valign_top=False):
        """The same positions as the program's, one text_line per line."""
        leading = LEADING * size / SIZE
        y = top - PAD_Y
        if not valign_top:
            y -= max(0.0, (top - bottom - 2 * PAD_Y - len(lines) * leading) / 2)
        drop = (leading - size) / 2 + ASCENT * size
        for line in lines:
            if line:
                if align == "left":
                    x = x0 + PAD_X
                elif align == "right":
                    x = x1 - PAD_X - self.chain.width(line, size)
                else:
                    x = (x0 + x1 - self.chain.width(line, size)) / 2
                self.text_line(x, y - drop, line, size)
            y -= leading


def record(db: str) -> list[list[tuple]]:
    """Every page of every form, as drawing operations."""
    chain = load_chain()
    recorder = Recorder(chain)
    builder = FormBuilder(chain)
    signoff = SignOff()
    pages: list[list[tuple]] = []
    with open_repository(db, read_only=True) as repo:
        projects = list(repo.all_projects())
    number = 0
    for project in projects:
        laid = paginate(builder.rows(project), True, builder.grid)
        for n, page in enumerate(laid, 1):
            number += 1
            recorder.ops = []
            draw_page(recorder, page, project, n, len(laid), signoff, False, number)
            pages.append(list(recorder.ops))
    total = recorder.chain.runs(f"共 {number} 页")  # the batch total: text on each page
    for ops in pages:
        for i, op in enumerate(ops):
            if op[0] == "total":
                ops[i] = ("text", op[1], op[2], total, 9.0, False)
    return pages


def draw(pages: list[list[tuple]], out: str, primary: str) -> None:
    """Plain reportlab."""
    c = Canvas(out, pagesize=(PAGE_W, PAGE_H), pageCompression=1, initialFontName=primary)
    for ops in pages:
        c.setLineWidth(0.6)
        for op in ops:
            if op[0] == "rect":
                c.rect(op[1], op[2], op[3], op[4], stroke=1, fill=0)
                continue
            _, x, y, runs, size, bold = op
            if bold:
                c.saveState()
                c.setLineWidth(size / 30)
            t = c.beginText(x, y)
            if bold:
                t.setTextRenderMode(2)
            for font, run in runs:
                t.setFont(font, size)
                t.textOut(run)
            c.drawText(t)
            if bold:
                c.restoreState()
        c.showPage()
    c.save()


def main() -> None:
    db, out = sys.argv[1], sys.argv[2]
    pages = record(db)
    primary = load_chain().primary
    t0 = time.perf_counter()
    draw(pages, out, primary)
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(seconds, len(pages), rss)


if __name__ == "__main__":
    main()
