"""Printing speed: one form from the CLI (with interpreter start), 1,000 forms in one PDF.

    .venv/bin/python bench/bench_print.py

Each figure is the median of several fresh processes; peak memory is the process's maximum
resident set size.
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
from desktop.store import open_repository
from desktop.printing import render
with open_repository(sys.argv[1], read_only=True) as repo:
    projects = list(repo.all_projects())
t0 = time.perf_counter()
result = render(projects, sys.argv[2])
print(time.perf_counter() - t0, result.pages,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> None:
    from bench.generate import make

    folder = Path(tempfile.mkdtemp())
    one_db = make(1, folder / "one.db")
    big_db = make(1000, folder / "thousand.db")
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
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                BATCH.format(root=str(ROOT)),
                str(big_db),
                str(folder / "thousand.pdf"),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        runs.append((float(out[0]), int(out[1]), float(out[2])))
    seconds = statistics.median(r[0] for r in runs)
    print(
        f"1,000 forms in one PDF: median {seconds:.2f} s, {runs[0][1]} pages, "
        f"peak RSS {max(r[2] for r in runs):.0f} MB, "
        f"{(folder / 'thousand.pdf').stat().st_size / 1e6:.1f} MB file"
    )


if __name__ == "__main__":
    main()
