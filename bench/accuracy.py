"""Import accuracy against the hand-written truths, and print fidelity against the sample's
official grid — the tables of docs/benchmarks.md (Accuracy).

    PYTHONPATH=. .venv/bin/python bench/accuracy.py

Not timings: scores. The truths (tests/fixtures/variants/*.truth.txt) are written by a person
reading each form; the grid is the sample's text (one line per table row).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pdfplumber

from desktop.io.files import load_file
from desktop.printing import render
from desktop.resources import resource
from tests.test_printing_grid_fidelity import compare, report, sample_forms
from tests.truth_forms import HERE, TRUTHS, score


def truth_table() -> str:
    lines = ["| form | fields | indicator rows | all |", "|---|---|---|---|"]
    tf = nf = tr = nr = 0
    for t in TRUTHS:
        form = t.name.removesuffix(".truth.txt")
        s = score(t, load_file(HERE / form).projects)
        tf, nf, tr, nr = (
            tf + s.fields_right,
            nf + s.fields_total,
            tr + s.rows_right,
            nr + s.rows_total,
        )
        lines.append(
            f"| {form} | {s.fields_right}/{s.fields_total} | {s.rows_right}/{s.rows_total} "
            f"| {100 * s.right / s.total:.1f} % |"
        )
    lines.append(
        f"| **all {len(TRUTHS)} forms** | {tf}/{nf} ({100 * tf / nf:.1f} %) "
        f"| {tr}/{nr} ({100 * tr / nr:.1f} %) | {100 * (tf + tr) / (nf + nr):.1f} % |"
    )
    return "\n".join(lines)


def grid_table() -> str:
    result = load_file(resource("samples", "2024-putuo-justice-bureau.txt"))
    buf = io.BytesIO()
    printed = render(result.projects, buf)
    buf.seek(0)
    scores = []
    with pdfplumber.open(buf) as pdf:
        start = 0
        for form, project in zip(sample_forms(), result.projects, strict=True):
            n = printed.pages_per_project[project.id]
            scores.append((project.name, compare(form, pdf.pages[start : start + n], project)))
            start += n
    return report(scores)


if __name__ == "__main__":
    print(truth_table())
    print()
    print(grid_table())
