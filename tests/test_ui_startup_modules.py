"""Starting the window (``python -m desktop [--db DB]``) loads the window's modules only:
not the command line's parser and commands, nor the import, export, merge and printing
machinery, the dialogs and the indicator tree's paste machinery the window loads when first
asked for them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.__main__ import window_db
from desktop.store import open_repository

ROOT = Path(__file__).resolve().parent.parent

# what a command or a later dialog needs, never the start of the window
NOT_AT_START = (
    "desktop.cli",
    "desktop.cli_export",
    "desktop.cli_review",
    "desktop.io",
    "desktop.printing",
    "desktop.store.exchange",
    "desktop.store.merge",
    "desktop.store.merge_apply",
    "desktop.store.merge_model",
    "openpyxl",
    "reportlab",
    # the window's dialogs and the tree's paste machinery, loaded when first opened
    "desktop.store.paper",
    "desktop.ui.exchange_dialogs",
    "desktop.ui.flag_review",
    "desktop.ui.help_dialog",
    "desktop.ui.import_preview",
    "desktop.ui.indicator_paste",
    "desktop.ui.library_dialog",
    "desktop.ui.paper_check",
    "desktop.ui.print_dialog",
    "desktop.ui.settings_dialog",
    "desktop.ui.summary_dialog",
    "desktop.ui.version_dialogs",
    "logging.handlers",  # the error log's file, opened at the first error
)

# Runs ``python -m desktop`` as the clerk does; when the event loop would start, the window
# is up: write which modules are loaded and stop.
PROBE = """
import json, os, runpy, sys
from PySide6.QtWidgets import QApplication

def probe(*_args):
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow")
    assert window.isVisible()
    with open(os.environ["PROBE_OUT"], "w") as fh:
        json.dump(sorted(sys.modules), fh)
    os._exit(0)

QApplication.exec = probe
sys.argv = ["desktop", *sys.argv[1:]]
runpy.run_module("desktop", run_name="__main__", alter_sys=True)
"""


def test_starting_the_window_loads_no_command_machinery(tmp_path):
    db = tmp_path / "数据.db"
    open_repository(db).close()
    out = tmp_path / "modules.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PROBE_OUT": str(out),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "JIXIAO_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
    }
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(db)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    loaded = json.loads(out.read_text())
    assert "desktop.ui.main_window" in loaded  # the window was built by this start
    early = [m for m in loaded if any(m == n or m.startswith(n + ".") for n in NOT_AT_START)]
    assert early == []


def test_only_a_bare_start_is_the_window():
    assert window_db([]) == (True, None)
    assert window_db(["--db", "a.db"]) == (True, "a.db")
    assert window_db(["--db=b.db"]) == (True, "b.db")
    for command_line in (
        ["--help"],
        ["--version"],
        ["--self-test"],
        ["list", "--db", "a.db"],
        ["--db", "a.db", "check"],
        ["--db"],  # the commands' parser says what is missing
    ):
        assert window_db(command_line)[0] is False, command_line
