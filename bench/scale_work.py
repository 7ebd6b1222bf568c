"""One measurement of ``bench/run_all.py``, run in a fresh process:

    python bench/scale_work.py FIGURE SIDE ARGS…

FIGURE is import, merge, edit, filter, startup, check, xlsx, print; SIDE is ``ours`` (the program,
whose code is found on ``PYTHONPATH``, so an older checkout can be measured the same way)
or ``floor`` (the same work done plainly: SQLite, Qt or openpyxl alone). Prints one JSON
line: ``{"t": [seconds…], "rss": peak MB}``. Only the work is timed — interpreter start,
imports and reading the input come before the clock starts, on both sides alike.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

KEYS = ("法", "法律", "法律援", "法律援助", "法律援助 满", "法律援助 满意度", "")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def done(times: list[float], **extra) -> None:
    print(json.dumps({"t": times, "rss": rss_mb(), **extra}), flush=True)


# -- import 1,000 new projects ---------------------------------------------------------------
def import_ours(db: str, source: str) -> None:
    from desktop.io.files import load_file, store_import
    from desktop.store import open_repository
    from desktop.store.merge import split_reimport

    result = load_file(source)
    with open_repository(db, backup=False, check=False) as repo:
        t0 = time.perf_counter()
        incoming, fresh = split_reimport(repo, result.projects, "x")
        assert incoming is None
        result.projects = fresh
        summary = store_import(repo, result)
        t = time.perf_counter() - t0
    assert summary.added == 1000, summary
    done([t])


def _rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple]]:
    cursor = conn.execute(f"SELECT * FROM {table}")
    return [d[0] for d in cursor.description], cursor.fetchall()


def import_floor(db: str, source_db: str) -> None:
    """The same 1,000 projects' rows, already built, inserted with executemany."""
    src = sqlite3.connect(source_db)
    pcols, prows = _rows(src, "projects")
    icols, irows = _rows(src, "indicators")
    src.close()
    icols = [c for c in icols if c != "id"]
    irows = [r[1:] for r in irows]
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        f"INSERT INTO projects ({', '.join(pcols)}) VALUES ({', '.join('?' * len(pcols))})",
        prows,
    )
    conn.executemany(
        f"INSERT INTO indicators ({', '.join(icols)}) VALUES ({', '.join('?' * len(icols))})",
        irows,
    )
    conn.execute("COMMIT")
    done([time.perf_counter() - t0])


# -- merge 1,000 incoming -------------------------------------------------------------------
def merge_ours(db: str, incoming: str) -> None:
    os.environ.setdefault("JIXIAO_DATA_DIR", tempfile.mkdtemp())
    from desktop.store import open_repository
    from desktop.store.exchange import read_untrusted
    from desktop.store.merge import apply_merge, plan_merge

    with open_repository(db, backup=False, check=False) as repo:
        t0 = time.perf_counter()
        plan = plan_merge(repo, read_untrusted(incoming))
        result = apply_merge(repo, plan, backup=False)
        t = time.perf_counter() - t0
    assert result.added + result.replaced + result.copies >= 750, result
    done([t])


def merge_floor(db: str, incoming: str) -> None:
    """ATTACH the incoming file and copy its rows over ours with INSERT OR REPLACE."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = FULL")
    t0 = time.perf_counter()
    conn.execute("ATTACH ? AS inc", [incoming])
    conn.execute("BEGIN")
    icols = [r[1] for r in conn.execute("PRAGMA inc.table_info(indicators)") if r[1] != "id"]
    conn.execute("DELETE FROM indicators WHERE project_id IN (SELECT id FROM inc.projects)")
    conn.execute("INSERT OR REPLACE INTO projects SELECT * FROM inc.projects")
    cols = ", ".join(icols)
    conn.execute(f"INSERT INTO indicators ({cols}) SELECT {cols} FROM inc.indicators")
    conn.execute("COMMIT")
    done([time.perf_counter() - t0])


# -- commit one edited value -----------------------------------------------------------------
def _window(db: str):
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from desktop.ui.app import Controller, make_app

    app, translators = make_app([])
    controller = Controller(app, translators)
    controller.open(db)
    app.processEvents()
    return app, controller


def _settle(app, ms: int = 300) -> float:
    """Let timers (the 审核 rerun, deferred refreshes) fire; the CPU time they took."""
    from PySide6.QtTest import QTest

    c0 = time.process_time()
    QTest.qWait(ms)
    app.processEvents()
    return time.process_time() - c0


def edit_ours(db: str, project_id: str) -> None:
    """Commit a goal typed in one project, then go on to the next one (Ctrl+PgDn): the
    time of both, with what their timers do — the list row, the 审核 rerun and the next
    form's suggestion lists, which an edit must not make expensive."""
    app, controller = _window(db)
    window = controller.window
    other = next(s.id for s in controller.session.repo.summaries() if s.id != project_id)
    window.select_project(other)
    app.processEvents()
    _settle(app)
    editor = window.editor
    times = []
    for k in range(9):
        pid, nxt = (project_id, other) if k % 2 == 0 else (other, project_id)
        window.select_project(pid)
        app.processEvents()
        _settle(app)
        edit = editor.goal_edits["goal_annual"]
        edit.setPlainText(f"{edit.toPlainText()}（第 {k} 次修改）")
        app.processEvents()
        t0 = time.perf_counter()
        editor.flush()
        app.processEvents()
        window.select_project(nxt)
        app.processEvents()
        t = time.perf_counter() - t0
        times.append(t + _settle(app))
    assert "（第 8 次修改）" in controller.session.repo.get(project_id).goal_annual
    done(times[1:])
    os._exit(0)  # (tearing down Qt is not measured)


# -- filter the list -------------------------------------------------------------------------
def _keystrokes(app, set_text) -> dict:
    """The wall-clock time of each keystroke, and its CPU time (``cpu``: what a shared,
    busy machine changes least)."""
    times, cpu = [], []
    for _ in range(3):
        for text in KEYS:
            t0, c0 = time.perf_counter(), time.process_time()
            set_text(text)
            app.processEvents()
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    return {"times": times, "cpu": cpu}


def filter_ours(db: str) -> None:
    app, controller = _window(db)
    window = controller.window
    # the whole list, as the floor has it (a big file's list is read in steps after the
    # window shows: keystrokes before then would filter the first screen only)
    window.nav.finish_loading()
    assert window.model.rowCount() == window.session.repo.count()
    _settle(app, 300)
    keys = _keystrokes(app, window.search.setText)
    done(keys["times"], cpu=keys["cpu"])
    os._exit(0)


def filter_floor(db: str) -> None:
    """Qt's own filter: a QStandardItemModel with the same rows (name, year, unit, total,
    status and the search text) behind a QSortFilterProxyModel matching in C++."""
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QLineEdit, QSplitter, QTableView

    from desktop.ui.refcounts import immortalize_singletons

    immortalize_singletons()  # PySide6's lost references of None (as the program does)
    app = QApplication([])
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT name, year, implementing_unit, funds_total, audit_status, search_text "
        "FROM projects WHERE deleted_at IS NULL ORDER BY year DESC, name"
    ).fetchall()
    model = QStandardItemModel(0, 6)
    for r in rows:
        model.appendRow([QStandardItem(str(v)) for v in r])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(5)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    search = QLineEdit()
    search.textChanged.connect(proxy.setFilterFixedString)
    split = QSplitter()
    table = QTableView()
    table.setModel(proxy)
    table.hideColumn(5)
    split.addWidget(search)
    split.addWidget(table)
    split.resize(1200, 700)
    split.show()
    app.processEvents()
    keys = _keystrokes(app, search.setText)
    done(keys["times"], cpu=keys["cpu"])
    os._exit(0)


# -- start-up --------------------------------------------------------------------------------
def startup_ours(db: str, t_start: str) -> None:
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from desktop.ui.app import Controller, make_app

    app, translators = make_app([])
    controller = Controller(app, translators)
    controller.open(db)
    app.processEvents()
    assert controller.window.isVisible() and controller.window.model.rowCount() > 0
    t = time.time() - float(t_start)
    modules = sorted(m for m in sys.modules if m.startswith("desktop."))
    done([t], modules=modules)
    os._exit(0)  # the shutdown is not part of start-up


def startup_floor(db: str, t_start: str) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTableView, QTreeView

    app = QApplication([])
    w = QMainWindow()
    s = QSplitter()
    t = QTableView()
    m = QStandardItemModel(100, 5)
    t.setModel(m)
    s.addWidget(t)
    s.addWidget(QTreeView())
    w.setCentralWidget(s)
    w.show()
    app.processEvents()
    done([time.time() - float(t_start)])
    os._exit(0)


# -- 审核 of every project --------------------------------------------------------------------
def check_ours(db: str) -> None:
    from desktop import cli

    t0 = time.perf_counter()
    with (
        open(os.devnull, "w") as sink,
        contextlib.redirect_stdout(sink),
        contextlib.redirect_stderr(sink),
    ):
        code = cli.main(["--db", db, "check"])
    t = time.perf_counter() - t0
    assert code in (0, 1), code
    done([t])


def check_floor(db: str) -> None:
    """Reading every row of both tables."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    t0 = time.perf_counter()
    n = sum(1 for _ in conn.execute("SELECT * FROM projects WHERE deleted_at IS NULL"))
    n += sum(1 for _ in conn.execute("SELECT * FROM indicators"))
    done([time.perf_counter() - t0], rows=n)


# -- Excel export ----------------------------------------------------------------------------
def xlsx_ours(db: str, target: str) -> None:
    from desktop import cli

    t0 = time.perf_counter()
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        code = cli.main(["--db", db, "export", target])
    t = time.perf_counter() - t0
    assert code == 0, code
    done([t])


def xlsx_floor(db: str, target: str) -> None:
    """Plain openpyxl: the same sheets and cell values (title, year, the labels and values
    of the form, one row per indicator; the data sheet), no styles, no merged cells."""
    from openpyxl import Workbook

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    projects = conn.execute(
        "SELECT id, year, name, nature, category, department, implementing_unit, start_date, "
        "end_date, funds_total, funds_fiscal, funds_other, annual_total, annual_appropriation, "
        "annual_carryover, annual_other, goal_overall, goal_annual FROM projects "
        "WHERE deleted_at IS NULL ORDER BY year DESC, name"
    ).fetchall()
    t0 = time.perf_counter()
    wb = Workbook()
    summary = wb.active
    summary.title = "汇总"
    for p in projects:
        summary.append([p[2], p[3], p[4], p[6], p[9] / 100, p[12] / 100])
    data = wb.create_sheet("_jixiao")
    for n, p in enumerate(projects):
        ws = wb.create_sheet(f"s{n}")
        ws.append(["财政项目支出绩效目标申报表"])
        ws.append([f"（{p[1]}年度）"])
        ws.append(["项目名称", None, p[2], None, "项目性质", p[3], "项目类别", p[4]])
        ws.append(["主管部门", None, p[5], None, "实施单位", p[6]])
        ws.append(["计划开始日期", None, p[7], None, "计划完成日期", p[8]])
        ws.append(
            [
                "项目资金（元）",
                None,
                "项目资金总额",
                None,
                p[9] / 100,
                "年度资金申请总额",
                None,
                p[12] / 100,
            ]
        )
        ws.append(
            [
                None,
                None,
                "其中：财政资金",
                None,
                p[10] / 100,
                "其中：当年财政拨款",
                None,
                p[13] / 100,
            ]
        )
        ws.append([None, None, "", None, "", "上年结转资金", None, p[14] / 100])
        ws.append([None, None, "其他资金", None, p[11] / 100, "其他资金", None, p[15] / 100])
        ws.append(["项目绩效目标", "项目总目标", None, None, None, "年度总体目标"])
        ws.append([None, p[16], None, None, None, p[17]])
        ws.append(["绩效指标", "一级指标", "二级指标", "三级指标", None, None, "年度(/项目)指标值"])
        for i in conn.execute(
            "SELECT level1, level2, name, value_text FROM indicators WHERE project_id = ? "
            "ORDER BY position",
            [p[0]],
        ):
            ws.append([None, i[0], i[1], i[2], None, None, i[3]])
        data.append([ws.title, json.dumps(p, ensure_ascii=False)])
    wb.save(target)
    done([time.perf_counter() - t0])


# -- printing ------------------------------------------------------------------------------
def print_ours(db: str, target: str) -> None:
    """Every form of the database in one PDF, with the check codes (the default), the
    projects read before the clock as the floor's pages are (as bench/bench_print.py)."""
    from desktop.printing import render
    from desktop.printing.fonts import load_chain
    from desktop.store import open_repository
    from desktop.store.paper import stored_hashes

    load_chain()  # the fonts read once a process, as in the floor before its clock starts
    with open_repository(db, read_only=True) as repo:
        projects = list(repo.all_projects())
        t0, c0 = time.perf_counter(), time.process_time()
        render(projects, target, codes=True, content_hash=stored_hashes(repo))
        t, cpu = time.perf_counter() - t0, time.process_time() - c0
    done([t], cpu=[cpu])


def print_floor(db: str, target: str) -> None:
    """Plain reportlab drawing the same pages with the same fonts (bench/print_floor.py:
    the pages laid out before the clock starts)."""
    import print_floor as plain  # bench/, beside this script

    pages = plain.record(db)
    primary = plain.load_chain().primary
    t0, c0 = time.perf_counter(), time.process_time()
    plain.draw(pages, target, primary)
    done([time.perf_counter() - t0], cpu=[time.process_time() - c0])


FIGURES = {
    "import": (import_ours, import_floor),
    "merge": (merge_ours, merge_floor),
    "edit": (edit_ours, None),
    "filter": (filter_ours, filter_floor),
    "startup": (startup_ours, startup_floor),
    "check": (check_ours, check_floor),
    "xlsx": (xlsx_ours, xlsx_floor),
    "print": (print_ours, print_floor),
}

if __name__ == "__main__":
    figure, side, *args = sys.argv[1:]
    ours, floor = FIGURES[figure]
    (ours if side == "ours" else floor)(*args)
    _ = statistics  # (kept importable for ad-hoc use)
