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
from desktop.printing.layout import PAGE_H, PAGE_W, FormBuilder, paginate  # noqa: E402
from desktop.printing.render import SignOff, _Drawer, draw_page  # noqa: E402
from desktop.store import open_repository  # noqa: E402


class _Sink:
    """Stands in for the canvas while recording: takes raw operators and forms, ignores them."""

    def __init__(self) -> None:
        self._code: list[str] = []

    def doForm(self, name: str) -> None:
        pass


class Recorder(_Drawer):
    """The program's drawing calls, kept as plain data."""

    def __init__(self, chain) -> None:
        super().__init__(_Sink(), chain)
        self.ops: list[tuple] = []

    def text_line(self, x, baseline, text, size, bold=False):
        if text:
            self.ops.append(("text", x, baseline, self.chain.runs(text), size, bold))

    def rect(self, x, y, w, h):
        self.ops.append(("rect", x, y, w, h))


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
            recorder.text_line(420, 21, f"共 {len(projects)} 页", 9)  # the batch total
            pages.append(recorder.ops)
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
