"""Render the main window offscreen with the 2024 sample forms and save one PNG per tab.

.venv/bin/python docs/screenshots/make_screenshots.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

# A desktop-sized offscreen screen: on the default 800×800 one the program counts as a small
# screen and starts maximized, and the pictures come out 796×796 whatever size is asked.
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
sys.path.insert(0, str(HERE.parent.parent))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())

from desktop.ui.app import Controller, make_app  # noqa: E402


def shoot(language: str = "zh_CN", suffix: str = "") -> None:
    app, translators = make_app([])
    translators.use(language)
    folder = Path(tempfile.mkdtemp())
    controller = Controller(app, translators)
    controller.open(folder / "示例.db")
    controller.load_sample()
    window = controller.window
    window.resize(1280, 760)
    window.splitter.setSizes([560, 720])
    rows = {
        window.model.summary(r).name: window.model.summary(r).id
        for r in range(window.model.rowCount())
    }
    window.select_project(rows["依法治区"])
    names = ["basic", "funds", "goals", "indicators"]
    for tab, name in enumerate(names):
        window.editor.setCurrentIndex(tab)
        QApplication.processEvents()
        window.grab().save(str(HERE / f"{tab + 1}-{name}{suffix}.png"))
    window.audit_panel.all_projects.setChecked(True)
    window.select_project(rows["依法治区"])
    window.editor.setCurrentIndex(3)
    window.resize(1280, 900)
    QApplication.processEvents()
    window.grab().save(str(HERE / f"8-audit-panel{suffix}.png"))
    window.audit_panel.current_only.setChecked(True)
    window.resize(1280, 760)
    window.search.setText("调解")
    window.select_project(rows["人民调解"])
    window.editor.setCurrentIndex(1)
    QApplication.processEvents()
    window.grab().save(str(HERE / f"5-search{suffix}.png"))
    if not suffix:
        shoot_printing(window, rows)
        shoot_merge(window, rows)
    window.act_guide.trigger()  # the guide in the window's language
    QApplication.processEvents()
    window._guide.grab().save(str(HERE / f"9-user-guide{suffix}.png"))
    window._guide.close()
    controller.shutdown()


def shoot_merge(window, rows) -> None:
    """The merge preview (make_merge_preview.py makes it at 1366×768 on its own)."""
    sys.path.insert(0, str(HERE))
    from make_merge_preview import shoot as shoot_preview

    shoot_preview(window, rows, HERE / "7-merge-preview.png", HERE / "7-merge-conflict.png")


def shoot_printing(window, rows) -> None:
    from desktop.ui.print_dialog import PrintDialog

    repo = window.session.repo
    one = repo.get(rows["安置帮教和社区矫正"])
    dialog = PrintDialog(window, [one], lambda: list(repo.all_projects()))
    dialog.resize(900, 760)
    dialog.show()
    import time

    end = time.monotonic() + 3  # QPdfView renders pages in a background thread
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.05)
    dialog.grab().save(str(HERE / "6-print-preview.png"))
    dialog.close()
    from make_print_screenshots import shoot as shoot_pages  # the page renders (no Qt)

    shoot_pages(Path(tempfile.mkdtemp()))


if __name__ == "__main__":
    shoot()
    shoot("en", "-en")
    print("saved to", HERE)
