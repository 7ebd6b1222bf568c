"""Every benchmark at scale in one run, each figure against its floor measured in the same run:

    .venv/bin/python bench/run_all.py 50000 [--code PATH] [--out FILE.json] [--only a,b]

Sizes 1,000, 10,000 and the given largest one (50,000 is the reviewer's merged database);
the inputs are generated once (``bench/scale_prep.py``, fixed seed) under
``$JIXIAO_BENCH_DIR`` (default ``/tmp/jixiao-bench``, never in the repository), one folder
per schema version. Each measurement runs in a fresh process (``bench/scale_work.py``), the
program and its floor alternating, so both see the same load; the median is reported, with
the ratio to the floor and the growth from the smallest size.

``--code PATH`` measures another checkout of the program (the "before" column in
docs/benchmarks.md: ``git worktree add /tmp/before <commit>``); floors do not depend on it.

Figures (what is timed; both sides start after imports and reading their input):

- import: 1,000 new projects from a JSON file into the database (plan + write) — floor:
  the same rows inserted with ``executemany`` in one transaction;
- merge: a 1,000-project file (500 new, 250 newer there, 250 changed on both sides): read
  and check the file, plan, apply (no backup) — floor: ATTACH + INSERT OR REPLACE;
- edit: one committed value in the window (a goal of a 10-indicator project) and going on
  to the next project, with the CPU time of what their timers do afterwards — no floor:
  the goal is its cost at 1,000;
- filter: one keystroke in the search field (21 keystrokes a process, on the whole list),
  wall clock and CPU time — floor: the same rows in a QStandardItemModel behind a
  QSortFilterProxyModel filtering in C++;
- startup: process start to the window shown with the list — floor: a bare window;
- check: ``python -m desktop check`` over every project — floor: reading every row;
- xlsx: ``python -m desktop export x.xlsx`` (time, peak RSS) — floor: plain openpyxl with
  the same sheets and values (no styles, no merged cells); up to 10,000 projects;
- print: every form of the 1,000-project database in one PDF, with the check codes —
  floor: plain reportlab drawing the same pages with the same fonts (``bench/print_floor.py``);
  1,000 only (``bench/bench_print.py`` has 5,000, one form from the CLI and memory); the
  CPU time of both sides is reported beside the wall clock (less moved by a loaded machine).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
FIGURES = ("import", "merge", "edit", "filter", "startup", "check", "xlsx", "print")
REPEATS = {
    "import": 3,
    "merge": 3,
    "edit": 2,
    "filter": 2,
    "startup": 5,
    "check": 3,
    "xlsx": 1,
    "print": 3,
}
LARGEST = {"xlsx": 10_000, "print": 1_000}  # sizes above are not measured


def machine() -> str:
    memory = ""
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory = f", {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GiB"
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores{memory}; "
        f"Python {platform.python_version()}"
    )


def env(code: Path) -> dict:
    return {**os.environ, "PYTHONPATH": str(code), "QT_QPA_PLATFORM": "offscreen"}


def schema_version(code: Path) -> int:
    out = subprocess.run(
        [sys.executable, "-c", "from desktop.store.schema import LATEST_VERSION as v; print(v)"],
        env=env(code),
        cwd="/",
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout)


def work(code: Path, figure: str, side: str, *args: str) -> dict:
    argv = [sys.executable, str(BENCH / "scale_work.py"), figure, side, *map(str, args)]
    if figure == "startup":
        argv = [*argv, repr(time.time())]
    proc = subprocess.run(argv, env=env(code), cwd="/", capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{figure} {side}: {proc.stderr.strip().splitlines()[-3:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def fresh(src: Path, scratch: Path) -> Path:
    target = scratch / src.name
    for side in ("", "-journal"):
        Path(f"{target}{side}").unlink(missing_ok=True)
    shutil.copyfile(src, target)
    with open(target, "rb+") as fh:  # on disk now, not at the measured work's first commit
        os.fsync(fh.fileno())
    return target


def measure(code: Path, data: Path, scratch: Path, n: int, figure: str) -> dict:
    facts = json.loads((data / f"{n}.json").read_text())
    db = data / f"{n}.db"
    ours: list[dict] = []
    floor: list[dict] = []
    for _ in range(REPEATS[figure]):
        if figure == "import":
            ours.append(work(code, "import", "ours", fresh(db, scratch), data / "import.json"))
            floor.append(work(code, "import", "floor", fresh(db, scratch), data / "import.db"))
        elif figure == "merge":
            target, incoming = data / f"merge-{n}.db", data / f"incoming-{n}.db"
            ours.append(work(code, "merge", "ours", fresh(target, scratch), incoming))
            floor.append(work(code, "merge", "floor", fresh(target, scratch), incoming))
        elif figure == "edit":
            ours.append(work(code, "edit", "ours", fresh(db, scratch), facts["ten"]))
        elif figure in ("xlsx", "print"):
            suffix = ".xlsx" if figure == "xlsx" else ".pdf"
            ours.append(work(code, figure, "ours", db, scratch / f"ours{suffix}"))
            floor.append(work(code, figure, "floor", db, scratch / f"floor{suffix}"))
        else:
            ours.append(work(code, figure, "ours", db))
            floor.append(work(code, figure, "floor", db))
    times = [t for r in ours for t in r["t"]]
    result = {
        "ours": statistics.median(times),
        "ours_max": max(times),
        "ours_rss": max(r["rss"] for r in ours),
    }
    if "cpu" in ours[0]:  # the CPU time too (the filter's keystrokes)
        result["ours_cpu"] = statistics.median(t for r in ours for t in r["cpu"])
    if floor:
        result["floor"] = statistics.median(t for r in floor for t in r["t"])
        if "cpu" in floor[0]:
            result["floor_cpu"] = statistics.median(t for r in floor for t in r["cpu"])
            result["cpu_ratio"] = result["ours_cpu"] / result["floor_cpu"]
        result["floor_rss"] = max(r["rss"] for r in floor)
        result["ratio"] = result["ours"] / result["floor"]
    if floor and all("cpu" in r for r in ours + floor):  # CPU time too: less moved by load
        result["cpu"] = statistics.median(t for r in ours for t in r["cpu"])
        result["floor_cpu"] = statistics.median(t for r in floor for t in r["cpu"])
        result["cpu_ratio"] = result["cpu"] / result["floor_cpu"]
    if figure == "startup":
        result["modules"] = ours[-1].get("modules", [])
    return result


def report(results: dict) -> str:
    sizes = sorted({int(n) for r in results.values() for n in r})
    lines = [
        "| figure | " + " | ".join(f"{n:,}: ours / floor = ratio" for n in sizes) + " | growth |",
        "|---|" + "---|" * (len(sizes) + 1),
    ]
    for figure, by_size in results.items():
        cells = []
        for n in sizes:
            r = by_size.get(str(n)) or by_size.get(n)
            if r is None:
                cells.append("—")
                continue
            unit, scale = ("ms", 1000) if r["ours"] < 1 else ("s", 1)
            text = f"{r['ours'] * scale:.{0 if unit == 'ms' and r['ours'] > 0.1 else 1}f} {unit}"
            if "floor" in r:
                text += f" / {r['floor'] * scale:.1f} = **{r['ratio']:.2f}×**"
            if figure == "xlsx":
                text += f", {r['ours_rss']:.0f} MB (floor {r['floor_rss']:.0f} MB)"
            if "cpu_ratio" in r:
                text += f"; CPU {r['cpu']:.2f} s / {r['floor_cpu']:.2f} = **{r['cpu_ratio']:.2f}×**"
            cells.append(text)
        present = [by_size.get(str(n)) or by_size.get(n) for n in sizes]
        present = [r for r in present if r]
        growth = " → ".join(f"{r['ours'] / present[0]['ours']:.2f}" for r in present)
        lines.append(f"| {figure} | " + " | ".join(cells) + f" | {growth} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("largest", type=int, nargs="?", default=50_000)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--only", default=",".join(FIGURES))
    parser.add_argument("--sizes", default="")
    args = parser.parse_args()
    sizes = (
        [int(s) for s in args.sizes.split(",")]
        if args.sizes
        else sorted({n for n in (1_000, 10_000, args.largest) if n <= args.largest})
    )
    code = args.code.resolve()
    base = Path(os.environ.get("JIXIAO_BENCH_DIR", "/tmp/jixiao-bench"))
    data = base / f"v{schema_version(code)}"
    scratch = base / f"scratch-{os.getpid()}"
    scratch.mkdir(parents=True, exist_ok=True)
    print(f"# {time.strftime('%Y-%m-%d %H:%M')} · {machine()} · code {code}", flush=True)
    # Compiled first, as an installed program is (pip and PyInstaller compile it; the floor's
    # PySide6 is compiled too): where PYTHONDONTWRITEBYTECODE is set, as on this machine,
    # every start would otherwise compile ≈ 65 modules again (0.1–0.2 s of start-up).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(code / "desktop")], check=True)
    for n in sizes:
        subprocess.run(
            [sys.executable, str(BENCH / "scale_prep.py"), str(data), str(n)],
            env=env(code),
            cwd="/",
            check=True,
        )
    results: dict[str, dict] = {}
    if args.out and args.out.exists():  # a run continued (figures measured again replace)
        results = json.loads(args.out.read_text())
    try:
        for figure in args.only.split(","):
            results.setdefault(figure, {})
            for n in sizes:
                if n > LARGEST.get(figure, n):
                    continue
                started = time.perf_counter()
                r = measure(code, data, scratch, n, figure)
                results[figure][str(n)] = r
                shown = {k: v for k, v in r.items() if k != "modules"}
                print(
                    f"{figure} {n}: {json.dumps(shown)} ({time.perf_counter() - started:.0f} s)",
                    flush=True,
                )
                if args.out:
                    args.out.write_text(json.dumps(results, indent=1))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
