"""Printing speed and memory.

    .venv/bin/python bench/bench_print.py

- one form from the CLI (interpreter start included), median of 7 fresh processes;
- 1,000 and 5,000 forms in one PDF: the program's time against the floor — plain
  reportlab drawing the same pages with the same fonts (``bench/print_floor.py``) — in the
  same run, alternating fresh processes (median of 3); both
  have the projects in memory before the clock starts (the floor even has its pages laid
  out). Then the program's peak memory (maximum resident set size of its process) when it
  reads the projects one at a time from the database, as the CLI and the print dialog do.
  The goal: ratio ≤ 1.0, peak ≤ 200 MB at 5,000 forms. The program prints with its
  check codes and QR codes (the default; the floor draws none); the same run also times it
  without them (``codes=False``) for their cost.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BATCH = """
import resource, sys, time
sys.path.insert(0, {root!r})
from desktop.printing import render
from desktop.printing.fonts import load_chain
from desktop.store import open_repository
from desktop.store.paper import stored_hashes
load_chain()  # the fonts are read once per process, as in the floor before its clock starts
with open_repository(sys.argv[1], read_only=True) as repo:
    if sys.argv[3] == "list":  # speed: the projects read first, as the floor's pages are
        projects = list(repo.all_projects())
    else:  # memory: one project at a time from the database
        projects = repo.all_projects()
    t0 = time.perf_counter()
    # the content hashes the database keeps, as the CLI and the print dialog pass them
    result = render(
        projects, sys.argv[2], codes=sys.argv[4] == "codes", content_hash=stored_hashes(repo)
    )
    seconds = time.perf_counter() - t0
print(seconds, result.pages, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def run(args: list[str]) -> tuple[float, int, float]:
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


def ours(db: Path, pdf: Path, mode: str = "list", codes: bool = True) -> tuple[float, int, float]:
    flag = "codes" if codes else "plain"
    return run([sys.executable, "-c", BATCH.format(root=str(ROOT)), str(db), str(pdf), mode, flag])


def floor(db: Path, pdf: Path) -> tuple[float, int, float]:
    return run([sys.executable, str(ROOT / "bench" / "print_floor.py"), str(db), str(pdf)])


def one_form(folder: Path) -> None:
    from bench.generate import make

    one_db = make(1, folder / "one.db")
    pid = subprocess.run(
        [sys.executable, "-m", "desktop", "list", "--db", str(one_db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[0]
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "print",
                "--db",
                str(one_db),
                "--project",
                pid,
                "--out",
                str(folder / "one.pdf"),
            ],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        times.append(time.perf_counter() - t0)
    print(
        f"one form from the CLI, interpreter start included: "
        f"median {statistics.median(times):.3f} s"
    )


def batch(folder: Path, n: int, repeats: int) -> None:
    from bench.generate import make

    db = make(n, folder / f"{n}.db")
    mine, base, plain = [], [], []
    for _ in range(repeats):  # alternate, so that all see the same machine load
        mine.append(ours(db, folder / f"{n}.pdf"))
        base.append(floor(db, folder / f"{n}-floor.pdf"))
        plain.append(ours(db, folder / f"{n}-plain.pdf", codes=False))
    streamed = ours(db, folder / f"{n}-streamed.pdf", "stream")
    seconds = statistics.median(r[0] for r in mine)
    floor_seconds = statistics.median(r[0] for r in base)
    size = (folder / f"{n}.pdf").stat().st_size / 1e6
    print(
        f"{n:,} forms in one PDF ({mine[0][1]:,} pages, {size:.1f} MB): "
        f"{seconds:.2f} s against the floor (plain reportlab, same pages and fonts) "
        f"{floor_seconds:.2f} s: ratio {seconds / floor_seconds:.2f}",
        flush=True,
    )
    without = statistics.median(r[0] for r in plain)
    print(
        f"  without check codes: {without:.2f} s, ratio {without / floor_seconds:.2f} "
        f"(the codes cost {(seconds - without) / mine[0][1] * 1000:.2f} ms a page)",
        flush=True,
    )
    print(
        f"  reading the projects one at a time from the database: {streamed[0]:.2f} s, "
        f"peak RSS {streamed[2]:.0f} MB (the floor, holding its pages: "
        f"{max(r[2] for r in base):.0f} MB)",
        flush=True,
    )


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    one_form(folder)
    batch(folder, 1_000, 3)
    batch(folder, 5_000, 3)


if __name__ == "__main__":
    main()
