"""The printed forms against the official grid, cell by cell.

The sample (resources/samples/2024-putuo-justice-bureau.txt) is the text of 13 published
forms: one line per table row, tab between cells, a line break inside a cell kept as a
space. Each form is imported, printed, and its table extracted from the PDF with pdfplumber;
then compared with the sample's rows: the number and order of rows, every cell's text as
printed, and the merged label cells (项目资金（元）, 项目绩效目标, 绩效指标, each 一级/二级
group) — each label of the sample must be printed in a merged cell covering its row, and
every printed label must be one the form has there.

Required: 100 % for rows and labels, and for every value cell of a row the importer did not
flag for review (a flagged row is printed as imported, for the clerk to correct).
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field

import pdfplumber
import pytest

from desktop.io.files import load_file
from desktop.printing import render
from desktop.resources import resource

TITLE = "财政项目支出绩效目标申报表"
SIDE_LABELS = {"项目资金(元)", "项目绩效目标", "绩效指标"}
_CJK = r"[\u3001-\u303f\u4e00-\u9fff\uff01-\uff60“”‘’]"
_WRAP = re.compile(f"(?<={_CJK}) (?={_CJK})")


def _as_printed(sample_cell: str) -> str:
    """A sample cell as the official form prints it: a space between two CJK characters is
    where the cell's line broke (full-width and half-width brackets read the same: NFKC)."""
    return _WRAP.sub("", unicodedata.normalize("NFKC", sample_cell.strip()))


def _pdf_text(cell: str | None) -> str:
    return unicodedata.normalize("NFKC", (cell or "").replace("\n", "").strip())


def _label(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@dataclass
class SampleForm:
    rows: list[list[str]]  # the table's rows (title and year first), non-empty cells
    labels: list[tuple[int, str]]  # (row, label) of merged label cells
    cells: list[list[str]]  # per row, the cells that are not labels


def sample_forms() -> list[SampleForm]:
    text = resource("samples", "2024-putuo-justice-bureau.txt").read_text("utf-8")
    forms: list[SampleForm] = []
    for chunk in text.split(TITLE)[1:]:
        lines = [line for line in chunk.split("\n") if line.strip()]
        rows = [[TITLE]] + [[c.strip() for c in line.split("\t") if c.strip()] for line in lines]
        labels, cells = [], []
        in_indicators = False
        for r, row in enumerate(rows):
            mine = [c for c in row if _label(c) not in SIDE_LABELS]
            labels += [(r, _label(c)) for c in row if _label(c) in SIDE_LABELS]
            if "一级指标" in mine:
                in_indicators = True
            elif in_indicators:  # group labels, then 三级 and the value
                labels += [(r, _label(c)) for c in mine[:-2]]
                mine = mine[-2:]
            cells.append([_as_printed(c) for c in mine])
        forms.append(SampleForm(rows, labels, cells))
    return forms


@dataclass
class PrintedCell:
    text: str
    first: int  # rows it covers (a merged cell covers several)
    last: int
    x: float


def printed_cells(pages) -> tuple[int, list[PrintedCell]]:
    """The rows of a form's printed table and its cells (merged ones with every row they
    cover), continuation pages' repeated header rows left out."""
    cells: list[PrintedCell] = []
    count = 0
    for n, page in enumerate(pages):
        for table in page.find_tables():
            texts = table.extract()
            tops = [row.bbox[1] for row in table.rows]
            skip = {
                i
                for i, r in enumerate(texts)
                if n > 0 and _pdf_text(r[1]) in ("一级指标", "项目总目标", "项目总体目标")
            }
            index = {}
            for i in range(len(tops)):
                if i not in skip:
                    index[i] = count
                    count += 1
            for i, row in enumerate(table.rows):
                if i in skip:
                    continue
                for j, bbox in enumerate(row.cells):
                    if bbox is None or not _pdf_text(texts[i][j]):
                        continue
                    last = max(k for k, top in enumerate(tops) if top < bbox[3] - 0.5)
                    last = max(index.get(k, index[i]) for k in range(i, last + 1))
                    cells.append(PrintedCell(_pdf_text(texts[i][j]), index[i], last, bbox[0]))
    return count, cells


@dataclass
class GridScore:
    rows: list[int] = field(default_factory=lambda: [0, 0])
    labels: list[int] = field(default_factory=lambda: [0, 0])
    values: list[int] = field(default_factory=lambda: [0, 0])
    flagged: list[int] = field(default_factory=lambda: [0, 0])
    misses: list[str] = field(default_factory=list)

    def count(self, kind: str, ok: bool, what: str) -> None:
        tally = getattr(self, kind)
        tally[0] += ok
        tally[1] += 1
        if not ok:
            self.misses.append(f"{kind}: {what}")


def compare(form: SampleForm, pages, project) -> GridScore:
    """Each sample cell must be printed in a cell covering its row, in the row's order; each
    printed cell must be a cell the form has in one of the rows it covers."""
    s = GridScore()
    count, printed = printed_cells(pages)
    s.count("rows", count == len(form.rows), f"{count} rows printed, the form has {len(form.rows)}")
    labels = {(r, text) for r, text in form.labels}
    flagged_names = {_as_printed(i.name) for i in project.indicators if i.needs_review}
    used: set[int] = set()
    flagged_rows: set[int] = set()
    for r, row in enumerate(form.rows):
        here = sorted(
            (k for k, c in enumerate(printed) if c.first <= r <= c.last), key=lambda k: printed[k].x
        )
        texts = [_label(c) if (r, _label(c)) in labels else _as_printed(c) for c in row]
        flagged = any(t in flagged_names for t in texts)
        if flagged:
            flagged_rows.add(r)
        at = 0
        for text, raw in zip(texts, row, strict=True):
            is_label = (r, _label(raw)) in labels
            found = next(
                (
                    n
                    for n in range(at, len(here))
                    if here[n] not in used
                    and (_label(printed[here[n]].text) if is_label else printed[here[n]].text)
                    == text
                ),
                None,
            )
            kind = "labels" if is_label else "flagged" if flagged else "values"
            s.count(kind, found is not None, f"row {r + 1}: {text!r} not printed there")
            if found is not None:
                used.add(here[found])
                at = found + 1
    for k, c in enumerate(printed):
        if k not in used:
            rows = set(range(c.first, c.last + 1))
            kind = "flagged" if rows & flagged_rows else "labels" if len(rows) > 1 else "values"
            s.count(
                kind, False, f"rows {c.first + 1}–{c.last + 1}: printed {c.text!r}, not on the form"
            )
    return s


@pytest.fixture(scope="module")
def grid_scores():
    forms = sample_forms()
    result = load_file(resource("samples", "2024-putuo-justice-bureau.txt"))
    buf = io.BytesIO()
    printed = render(result.projects, buf)
    buf.seek(0)
    scores = []
    with pdfplumber.open(buf) as pdf:
        start = 0
        for form, project in zip(forms, result.projects, strict=True):
            n = printed.pages_per_project[project.id]
            scores.append((project.name, compare(form, pdf.pages[start : start + n], project)))
            start += n
    return scores


def report(scores) -> str:
    lines = ["| form | rows | labels | values | values of flagged rows |", "|---|---|---|---|---|"]
    total = {k: [0, 0] for k in ("rows", "labels", "values", "flagged")}
    for name, s in scores:
        cells = []
        for k in total:
            right, n = getattr(s, k)
            total[k][0] += right
            total[k][1] += n
            cells.append(f"{right}/{n}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| all | " + " | ".join(f"{r}/{n}" for r, n in total.values()) + " |")
    return "\n".join(lines)


def test_the_sample_has_thirteen_forms():
    assert len(sample_forms()) == 13


def test_every_printed_form_matches_its_official_grid(grid_scores):
    print("\n" + report(grid_scores))
    misses = [
        f"{name}: {m}" for name, s in grid_scores for m in s.misses if not m.startswith("flagged")
    ]
    assert not misses, "\n".join(misses)
