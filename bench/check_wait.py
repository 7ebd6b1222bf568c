"""How long the clerk's commit waits behind each of the window's background checks:

    .venv/bin/python -m bench.check_wait /tmp/jixiao-bench/v12/50000.db

The file is copied to a scratch folder (the commits change it); each check runs in a thread
on its own connection as the window runs it, while another connection (busy timeout 120 s)
commits one value five times, 0.2 s into the check and then every 0.4 s. Printed per
check: how long it ran, the longest and the median commit. "whole" rows are the checks as one
statement (what the window ran before ``store/in_pieces.py``), for comparison.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path


def _checks(root: Path) -> dict:
    from desktop.store import backups, integrity_problem, screened_problems
    from desktop.store.opening import _locked_integrity_problem
    from desktop.store.rows import TOLERANT_TEXT, screen

    def whole_screen(path):
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        conn.text_factory = TOLERANT_TEXT
        try:
            return screen(conn, whole_file_limit=False)
        finally:
            conn.close()

    return {
        "row screen, whole": whole_screen,
        "row screen, in pieces": screened_problems,
        "integrity_check, locked": _locked_integrity_problem,
        "integrity_check, unlocked": integrity_problem,
        "day's backup (copy in steps, checks on the copy)": lambda p: backups.take(
            sqlite3.connect(f"file:{p}?mode=ro", uri=True), p, "daily", root=root
        ),
    }


def measure(path: Path, check) -> tuple[float, list[float]]:
    clerk = sqlite3.connect(path, timeout=120, isolation_level=None)
    thread = threading.Thread(target=check, args=(path,))
    t0 = time.perf_counter()
    thread.start()
    waits = []
    for k in range(5):
        time.sleep(0.2 if k == 0 else 0.4)
        c0 = time.perf_counter()
        clerk.execute("INSERT OR REPLACE INTO meta VALUES ('bench-commit', ?)", [str(k)])
        waits.append(time.perf_counter() - c0)
    thread.join()
    clerk.close()
    return time.perf_counter() - t0, waits


def main() -> None:
    source = Path(sys.argv[1])
    scratch = Path(tempfile.mkdtemp(prefix="check-wait-"))
    path = scratch / source.name
    shutil.copyfile(source, path)
    try:
        for name, check in _checks(scratch).items():
            took, waits = measure(path, check)
            print(
                f"{name}: ran {took:.2f} s; commit longest {max(waits) * 1000:.0f} ms, "
                f"median {statistics.median(waits) * 1000:.0f} ms",
                flush=True,
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
