"""The clerk's whole day at the keyboard, on a real X display: fill a 2026 form into an empty
database, check it (审核), print it to PDF, export it, merge it into a second copy of the
program, edit it there, export it back and merge it back — keys only, sent by xdotool
(Chinese text through the clipboard, one Ctrl+V per run, as an input method commits it).

Run on a virtual screen of 1366×768 with a window manager for focus::

    Xvfb :19 -screen 0 1366x768x24 & DISPLAY=:19 openbox &
    DISPLAY=:19 .venv/bin/python docs/screenshots/clerk_day.py

It writes ``docs/screenshots/day-*.png`` (one per step) and prints the key count per step
for docs/benchmarks.md; it checks the two databases at the end and exits 1 if the day's
work is not all there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(__file__).resolve().parent
PYTHON = sys.executable

FORM = {
    "name": "学生资助专项经费",
    "year": "2026",
    "nature": "经常性项目",
    "category": "特定目标类",
    "department": "上海市普陀区教育局",
    "unit": "上海市普陀区学生资助管理中心",
    "start": "2026/1/1",
    "end": "2026/12/31",
    "funds": ["386.5万", "386.5万", "", "386.5万", "3865000", "", ""],
    "goal_overall": "落实国家和本市学生资助政策，保障家庭经济困难学生顺利完成学业，"
    "做到应助尽助、精准资助，促进教育公平。",
    "goal_annual": "2026年资助家庭经济困难学生不少于4200人次，资助资金按时足额发放，"
    "受助学生及家长满意度达到95%以上。",
    # (一级 row: 0 成本指标 … 3 满意度指标; the 二级 in the menu Enter opens, counted in
    # the menu's order: the groups present first, then the missing ones; None: the 一级 has
    # one 二级 only and Enter adds the row at once; the rows)
    "indicators": [
        (0, 0, [("生均资助标准", "≤920元")]),
        (1, 0, [("资助学生人次", "≥4200人次")]),
        (1, 1, [("资助对象认定准确率", "=100%")]),
        (1, 2, [("资助资金发放及时率", "≥98%")]),
        (2, 1, [("家庭经济困难学生因贫失学率", "=0%")]),
        (3, None, [("受助学生及家长满意度", "≥95%")]),
    ],
}


class Day:
    def __init__(self, work: Path):
        self.work = work
        self.env = dict(
            os.environ,
            HOME=str(work / "home"),
            XDG_CONFIG_HOME=str(work / "home" / ".config"),
            JIXIAO_DATA_DIR=str(work / "data"),
            PYTHONPATH=str(ROOT),
        )
        (work / "home").mkdir(parents=True, exist_ok=True)
        self.count = 0
        self.steps: list[tuple[str, int, str]] = []
        self.apps: dict[str, subprocess.Popen] = {}

    # -- keys ------------------------------------------------------------------------------
    def key(self, *names: str, pause: float = 0.12) -> None:
        for name in names:
            subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)
            self.count += 1
            time.sleep(pause)

    def type(self, text: str) -> None:
        for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
            if run.isascii():
                subprocess.run(["xdotool", "type", "--delay", "40", run], check=True)
                self.count += len(run)
            else:  # an input method commits the run at once: one key, as in the tests
                subprocess.run(["xclip", "-selection", "clipboard"], input=run.encode(), check=True)
                time.sleep(0.1)
                subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+v"], check=True)
                self.count += 1
            time.sleep(0.15)

    def wait(self, seconds: float = 0.8) -> None:
        time.sleep(seconds)

    def step(self, name: str, what: str) -> None:
        """Ends a step: a screenshot and its key count."""
        self.wait(0.6)
        shot = SHOTS / f"day-{len(self.steps) + 1}-{name}.png"
        subprocess.run(["import", "-window", "root", str(shot)], check=True)
        self.steps.append((what, self.count, shot.name))
        print(f"{what}: {self.count} keys ({shot.name})", flush=True)
        self.count = 0

    # -- programs --------------------------------------------------------------------------
    def start(self, label: str, db: Path) -> None:
        self.apps[label] = subprocess.Popen(
            [PYTHON, "-m", "desktop", "--db", str(db)],
            env=self.env,
            cwd=str(ROOT),
            stdout=subprocess.DEVNULL,
            stderr=open(self.work / f"{label}.log", "w"),  # noqa: SIM115
        )
        subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", re.escape(db.name)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        self.wait(1.5)

    def activate(self, db: Path) -> None:
        out = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", re.escape(db.name)],
            capture_output=True,
            text=True,
        ).stdout.split()
        subprocess.run(["xdotool", "windowactivate", "--sync", out[-1]], check=True)
        self.wait(0.5)

    def stop(self, label: str) -> None:
        app = self.apps.pop(label)
        try:
            app.wait(timeout=15)
        except subprocess.TimeoutExpired:
            app.terminate()
            app.wait(timeout=10)


def fill(day: Day) -> None:
    f = FORM
    day.key("ctrl+n")  # 新建项目: the cursor is in 项目名称, selected
    day.type(f["name"])
    day.key("Return")
    day.type(f["year"])
    day.key("Return")
    for text in (f["nature"], f["category"], f["department"], f["unit"]):
        day.type(text)
        day.key("Return")
    day.type(f["start"])
    day.key("Return")
    day.type(f["end"])
    day.key("Return")  # → 项目资金, in 项目资金总额
    for amount in f["funds"]:
        if amount:
            day.type(amount)
        day.key("Return")
    day.type(f["goal_overall"])  # → 绩效目标
    day.key("Return")
    day.type(f["goal_annual"])
    day.key("Return")  # → 绩效指标, in the tree
    day.wait()
    rows_above = {0: 0, 1: 0, 2: 0, 3: 0}  # rows shown under each 一级 so far
    for level1, level2, rows in f["indicators"]:
        day.key("ctrl+4", "Home")  # into the tree, on the first 一级 (成本指标)
        downs = sum(1 + rows_above[k] for k in range(level1))
        for _ in range(downs):
            day.key("Down")
        day.key("Return")  # Enter on a 一级: which 二级?
        day.wait(0.6)
        if level2 is not None:
            for _ in range(level2):
                day.key("Down")
            day.key("Return")
            day.wait(0.6)
        for n, (name, value) in enumerate(rows):
            day.type(name)
            day.key("Tab")
            day.type(value)
            day.key("Tab" if n == len(rows) - 1 else "Return")
            day.wait(0.4)
        rows_above[level1] += 1 + len(rows)


def audit(day: Day) -> None:
    day.key("F7")  # the panel was open: F7 hides it (the menu's check mark says so)
    day.key("F7")  # shown again, with the keyboard in it
    day.key("Down")


def print_pdf(day: Day, pdf: Path) -> None:
    day.key("ctrl+p")
    day.wait(2.5)  # the preview is drawn
    day.step("print-preview", "打印预览（Ctrl+P）")
    day.key("alt+e")  # 导出 PDF(&E)…
    day.wait(1.2)
    day.key("ctrl+a")
    day.type(str(pdf))
    day.key("Return")
    day.wait(2.0)
    day.key("Escape")  # the print dialog closes
    day.wait(0.8)


def export(day: Day, target: Path) -> None:
    day.key("ctrl+e")
    day.wait(1.2)
    day.key("ctrl+a")
    day.type(str(target))
    day.key("Return")
    day.wait(1.5)


def merge(day: Day, source: Path) -> None:
    day.key("ctrl+i")
    day.wait(1.2)
    day.key("ctrl+a")
    day.type(str(source))
    day.key("Return")
    day.wait(2.0)


def main() -> int:
    if not os.environ.get("DISPLAY"):
        print("needs an X display (Xvfb) with a window manager", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="clerk-day-"))
    a_db, b_db = work / "区教育局.db", work / "财政局复核.db"
    exported, returned = work / "学生资助-导出.db", work / "学生资助-复核后.db"
    pdf = work / "学生资助.pdf"
    day = Day(work)
    try:
        day.start("A", a_db)
        fill(day)
        day.step("fill", "填写一份 2026 年申报表（四个标签页，6 条指标）")
        audit(day)
        day.step("audit", "审核（F7 两次：隐藏、显示并进入面板）")
        print_pdf(day, pdf)
        day.step("print", "导出 PDF（打印对话框 Alt+E，输入文件名）")
        export(day, exported)
        day.step("export", "导出到文件（Ctrl+E，.db）")
        day.start("B", b_db)
        merge(day, exported)
        day.step("merge-preview", "在第二份程序中导入（Ctrl+I）：合并预览")
        day.key("alt+m")  # 合并(&M)
        day.wait(1.5)
        day.step("merged", "合并（Alt+M）")
        day.key("ctrl+2")  # 项目资金: 项目资金总额, selected
        day.key("Tab")  # 财政资金
        day.type("380万")
        day.key("Tab")
        day.type("6.5万")
        day.key("Return")
        day.wait(0.5)
        day.step("edit", "在第二份程序中修改资金（财政 380万、其他 6.5万）")
        export(day, returned)
        day.key("ctrl+q")
        day.wait(2.0)
        day.stop("B")
        day.step("export-back", "第二份程序导出并退出（Ctrl+E，Ctrl+Q）")
        day.activate(a_db)
        merge(day, returned)
        day.key("alt+m")
        day.wait(1.5)
        day.key("ctrl+2")
        day.wait(0.5)
        day.step("merge-back", "合并回第一份程序（Ctrl+I，Alt+M），查看资金")
        day.key("ctrl+q")
        day.wait(2.0)
        day.stop("A")
        return check(a_db, pdf)
    finally:
        for label in list(day.apps):
            day.apps[label].terminate()
        print("\n| 步骤 | 按键 | 截图 |\n|---|---:|---|")
        for what, keys, shot in day.steps:
            print(f"| {what} | {keys} | {shot} |")
        shutil.rmtree(work, ignore_errors=True)
        del b_db


def check(a_db: Path, pdf: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from desktop.store import open_repository

    with open_repository(a_db) as repo:
        projects = list(repo.all_projects())
    problems = []
    if len(projects) != 1:
        problems.append(f"{len(projects)} projects in A")
    else:
        p = projects[0]
        if p.funds.fiscal != 380_000_000 or p.funds.other != 6_500_000:
            problems.append(f"funds not merged back: {p.funds}")
        if len(p.indicators) != 6 or p.name != FORM["name"] or p.date_style != "slash":
            problems.append(f"form: {p.name} {len(p.indicators)} indicators {p.date_style}")
    if not pdf.is_file() or pdf.stat().st_size < 10_000:
        problems.append("no PDF")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
