"""Page renders of the printed form (no Qt): a one-page form (2024), a multi-page form of
2026 (its continuation pages, the 2026 label breaks, a goal header as written), the money
stress case (99,999,999,999.99 in every amount) and the 年度汇总 of the sample; the forms
with the check code and QR code in the footer, and the footer of a page at 300 dpi
(``print-check-code.png``: the code legible, the table's last rows above it).

    .venv/bin/python docs/screenshots/make_print_screenshots.py

Needs pdftoppm (Debian: poppler-utils).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from desktop.domain.model import Funds  # noqa: E402
from desktop.domain.summary import summarize  # noqa: E402
from desktop.io.published_text import parse_published_text  # noqa: E402
from desktop.printing import SignOff, render  # noqa: E402
from desktop.printing.summary_pdf import render_summary  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "2024-putuo-justice-bureau.txt"
STRESS = 9_999_999_999_999  # 分: 99,999,999,999.99 元


def forms():
    projects = parse_published_text(SAMPLE.read_text(encoding="utf-8")).projects
    one = next(p for p in projects if p.name == "安置帮教和社区矫正")
    every = [i for p in projects for i in p.indicators if not i.needs_review]
    many = replace(
        one,
        name="安置帮教和社区矫正（多页示例：全部样例指标）",
        year=2026,
        start_date=date(2026, 1, 1),
        end_date=date(2027, 12, 31),
        goal_header="项目总体目标(2026年-2027年)",
        indicators=tuple(every),
    )
    stress = replace(
        one,
        name="资金极大值示例",
        funds=Funds(*([STRESS] * 7)),
    )
    return one, many, stress, projects


def shoot(folder: Path) -> None:
    one, many, stress, projects = forms()
    signoff = SignOff(filled_by="张三", phone="021-52560000")
    for name, batch in (
        ("print-one-page", [one]),
        ("print-multi-page", [many]),
        ("print-money-stress", [stress]),
    ):
        pdf = folder / f"{name}.pdf"
        result = render(batch, pdf, signoff=signoff)
        for old in HERE.glob(f"{name}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(HERE / name)], check=True)
        print(name, result.pages, "pages")
    pdf = folder / "print-summary.pdf"
    pages = render_summary(summarize(2024, projects), pdf)
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-singlefile", str(pdf), str(HERE / "print-summary")],
        check=True,
    )
    print("print-summary", pages, "pages")
    # The footer close up, as printed (300 dpi grey): the QR code and the check code under
    # the table, left of the page number.
    pdf = folder / "print-multi-page.pdf"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "300",
            "-gray",
            "-png",
            "-f",
            "2",
            "-l",
            "2",
            "-x",
            "0",
            "-y",
            "3080",
            "-W",
            "2481",
            "-H",
            "428",
            str(pdf),
            str(folder / "foot"),
        ],
        check=True,
    )
    foot = next(folder.glob("foot*.png"))
    (HERE / "print-check-code.png").write_bytes(foot.read_bytes())


if __name__ == "__main__":
    shoot(Path(tempfile.mkdtemp()))
    print("saved to", HERE)
