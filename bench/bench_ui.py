"""Main-window speed at scale: start-up to a usable window, filtering, opening a project.

    .venv/bin/python bench/bench_ui.py [projects]      (default 10000)

Start-up is measured in fresh processes (median of 5) against a bare PySide6 window with a
table and a tree, in the same run, so the ratio means something on a noisy machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTableView, QTreeView
from PySide6.QtGui import QStandardItemModel
app = QApplication([])
w = QMainWindow(); s = QSplitter(); t = QTableView(); m = QStandardItemModel(100, 5)
t.setModel(m); s.addWidget(t); s.addWidget(QTreeView()); w.setCentralWidget(s); w.show()
app.processEvents()
print(time.perf_counter() - t0)
"""

OURS = """
import time, sys, tempfile
t0 = time.perf_counter()
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
from desktop.ui.app import Controller, make_app
app, tr = make_app([])
c = Controller(app, tr)
c.open(sys.argv[1])
app.processEvents()
assert c.window.model.rowCount() > 0
print(time.perf_counter() - t0)
"""


def run(code: str, *args: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def peak_rss_mb(code: str, *args: str) -> float:
    wrapped = code + "\nimport resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    out = subprocess.run(
        [sys.executable, "-c", wrapped, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    from bench.generate import make

    db = make(n, Path(tempfile.mkdtemp()) / f"{n}.db")
    bare = [run(BARE) for _ in range(5)]
    ours = [run(OURS, str(db)) for _ in range(5)]
    print(
        f"start-up, {n} projects: median {statistics.median(ours):.3f} s "
        f"(bare PySide6 window {statistics.median(bare):.3f} s, "
        f"ratio {statistics.median(ours) / statistics.median(bare):.1f}x)"
    )
    print(f"peak RSS: ours {peak_rss_mb(OURS, str(db)):.0f} MB, bare {peak_rss_mb(BARE):.0f} MB")

    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from desktop.ui.app import Controller, make_app

    app, translators = make_app([])
    controller = Controller(app, translators)
    controller.open(db)
    window = controller.window
    times = []
    for text in ("法", "法律", "法律援", "法律援助", "法律援助 满", "法律援助 满意度", ""):
        t0 = time.perf_counter()
        window.search.setText(text)
        app.processEvents()
        times.append(time.perf_counter() - t0)
    print(
        f"filter per keystroke: median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms"
    )
    ids = [s.id for s in controller.session.repo.summaries() if s.indicator_count == 50][:10]
    opens = []
    for pid in ids:
        t0 = time.perf_counter()
        window.select_project(pid)
        app.processEvents()
        opens.append(time.perf_counter() - t0)
    print(f"open a project with 50 indicators: median {statistics.median(opens) * 1000:.1f} ms")
    controller.shutdown()


if __name__ == "__main__":
    main()
