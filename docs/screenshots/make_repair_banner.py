"""The main window on a working file two of whose projects cannot be read (a year that is
not a number, a JSON column cut short): the banner names them, with 从备份恢复.

    .venv/bin/python docs/screenshots/make_repair_banner.py
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

# a desktop-sized offscreen screen (see make_screenshots.py)
_config = Path(tempfile.mkdtemp()) / "screen.json"
_config.write_text(
    json.dumps(
        {
            "synchronousWindowSystemEvents": False,
            "windowFrameMargins": False,
            "screens": [
                {"name": "desk", "x": 0, "y": 0, "width": 1920, "height": 1200, "logicalDpi": 96}
            ],
        }
    )
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_config}"
os.environ.setdefault("JIXIAO_DATA_DIR", tempfile.mkdtemp())
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())

from desktop.io.files import load_file  # noqa: E402
from desktop.store import open_repository  # noqa: E402
from desktop.ui.app import Controller, make_app  # noqa: E402


def main() -> None:
    app, translators = make_app([])
    translators.use("zh_CN")
    path = Path(tempfile.mkdtemp()) / "办公.db"
    with open_repository(path) as repo:
        repo.add(
            load_file(ROOT / "resources" / "samples" / "2024-putuo-justice-bureau.txt").projects
        )
    conn = sqlite3.connect(path)
    conn.execute("UPDATE projects SET year = 'abc' WHERE name = '司法调解'")
    conn.execute(
        "UPDATE projects SET versions = substr(versions, 1, length(versions) - 1) "
        "WHERE name = '法治宣传'"
    )
    conn.commit()
    conn.close()
    controller = Controller(app, translators)
    controller.open(path)
    controller.wait_for_checks()
    window = controller.window
    window.resize(1280, 760)
    window.splitter.setSizes([560, 720])
    rows = {
        window.model.summary(r).name: window.model.summary(r).id
        for r in range(window.model.rowCount())
    }
    window.select_project(rows["人民调解"])
    QApplication.processEvents()
    out = HERE / "12-repair-banner.png"
    window.grab().save(str(out))
    controller.shutdown()
    print("saved", out)


if __name__ == "__main__":
    main()
