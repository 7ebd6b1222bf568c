"""Every benchmark in one go, with the machine they ran on:

    .venv/bin/python bench/run_all.py

Generates the 100 / 1,000 / 10,000-project databases (``bench/data``, fixed seed), then runs
each ``bench_*.py`` in a fresh process and prints its figures. Copy them, with the date, into
``docs/benchmarks.md``.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ["bench_ui.py", "bench_print.py", "bench_exchange.py", "bench_audit.py"]


def machine() -> str:
    import PySide6

    memory = ""
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory = f", {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GiB"
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores{memory}; "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}"
    )


def main() -> int:
    print(f"# {time.strftime('%Y-%m-%d %H:%M')} · {machine()}", flush=True)
    for n in (100, 1_000, 10_000):
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(n)], check=True)
    failed = 0
    for script in SCRIPTS:
        print(f"\n## {script}", flush=True)
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, str(ROOT / "bench" / script)], cwd=ROOT)
        failed += proc.returncode != 0
        print(f"({time.perf_counter() - started:.0f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
