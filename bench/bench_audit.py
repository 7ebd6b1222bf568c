"""审核 speed: checking 10,000 projects (the rules only, projects already in memory), and
the refresh of stored statuses when the rules change (load + check + write).

    .venv/bin/python bench/bench_audit.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from bench.generate import make
    from desktop.domain import audit
    from desktop.store import open_repository

    db = make(10_000, Path(tempfile.mkdtemp()) / "10000.db")
    with open_repository(db) as repo:
        projects = list(repo.all_projects())
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            findings = sum(len(audit.check(p)) for p in projects)
            runs.append(time.perf_counter() - t0)
        print(
            f"check 10,000 projects: median {statistics.median(runs):.2f} s ({findings} findings)"
        )
        repo.set_meta("audit_rules", "0")
        t0 = time.perf_counter()
        repo._refresh_audit()
        print(f"recompute stored statuses (load, check, write): {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
