"""The editor and the print preview on a 1366×768 screen (offscreen, with a screen of that
size), as a clerk on a small laptop sees them: the window starts maximized, every button of
the print preview is on the screen.

.venv/bin/python docs/screenshots/make_small_screen.py
SCREEN=1920x1080@1.5 .venv/bin/python docs/screenshots/make_small_screen.py   # full HD at 150 %
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
# SCREEN=1920x1080@1.5 for a full-HD screen at 150 % (the files get that prefix)
_size, _, _dpr = os.environ.get("SCREEN", "1366x768").partition("@")
SCREEN = dict(zip(("width", "height"), map(int, _size.split("x")), strict=True))
DPR = float(_dpr or 1)
PREFIX = "1366" if not _dpr and _size == "1366x768" else _size + (f"@{_dpr}" if _dpr else "")
config = Path(tempfile.mkdtemp()) / "screen.json"
config.write_text(
    json.dumps(
        {
            "synchronousWindowSystemEvents": False,
            "windowFrameMargins": False,
            "screens": [{"name": "laptop", "x": 0, "y": 0, **SCREEN, "logicalDpi": 96, "dpr": 1}],
        }
    )
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
os.environ["QT_SCALE_FACTOR"] = str(DPR)  # 150 %: the program sees a 1280×720 screen
os.environ["JIXIAO_DATA_DIR"] = tempfile.mkdtemp()

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox  # noqa: E402

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())

from desktop.ui.app import Controller, make_app  # noqa: E402


def type_text(widget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def main() -> None:
    app, translators = make_app([])
    translators.use("zh_CN")
    controller = Controller(app, translators)
    controller.open(Path(tempfile.mkdtemp()) / "示例.db")
    controller.load_sample()
    window = controller.window
    window.show()
    QApplication.processEvents()
    area = app.primaryScreen().availableGeometry()
    print("screen", area.width(), "×", area.height(), "window", window.geometry(), flush=True)
    rows = {
        window.model.summary(r).name: window.model.summary(r).id
        for r in range(window.model.rowCount())
    }
    window.select_project(rows["人民调解"])
    ed = window.editor
    window.activateWindow()

    # 基本信息: a date typed in another form, one refused beside its field
    ed.setCurrentIndex(0)
    ed.start.line.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(ed.start.line, "2024/1/1")
    QTest.keyClick(ed.start.line, Qt.Key.Key_Return)
    ed.end.line.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(ed.end.line, "2024-13-31")
    QTest.keyClick(ed.end.line, Qt.Key.Key_Return)
    QApplication.processEvents()
    window.grab().save(str(HERE / f"{PREFIX}-1-basic.png"))
    QTest.keyClick(ed.end.line, Qt.Key.Key_Escape)

    # 项目资金: an amount typed in 万, with its reading
    ed.setCurrentIndex(1)
    money = ed.money["other"]
    money.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(money, "12.5")
    type_text(money, "万")
    QApplication.processEvents()
    window.grab().save(str(HERE / f"{PREFIX}-2-funds.png"))
    QTest.keyClick(money, Qt.Key.Key_Escape)
    money.set_fen(money.fen())

    # 绩效指标: the value cell being typed, its reading at the right
    ed.setCurrentIndex(3)
    paths = ed.tree_model.indicator_paths()
    index = ed.tree_model.index_for_path(paths[1], 1)
    ed.tree.setFocus()
    ed.tree.setCurrentIndex(index)
    QTest.keyClick(ed.tree, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    type_text(editor, "不低于90%")
    QApplication.processEvents()
    window.grab().save(str(HERE / f"{PREFIX}-3-indicators.png"))
    QTest.keyClick(editor, Qt.Key.Key_Escape)

    # the print preview: fits the screen, 打印 / 导出 PDF / 关闭 visible
    from desktop.ui.print_dialog import PrintDialog

    repo = window.session.repo
    dialog = PrintDialog(window, [repo.get(rows["人民调解"])], lambda: list(repo.all_projects()))

    def shoot():
        QApplication.processEvents()
        box = dialog.findChild(QDialogButtonBox)
        inside = all(
            dialog.rect().contains(b.geometry().translated(box.pos())) for b in box.buttons()
        )
        print("print preview", dialog.geometry(), "buttons inside:", inside, flush=True)
        dialog.grab().save(str(HERE / f"{PREFIX}-4-print-preview.png"))
        dialog.reject()

    QTimer.singleShot(1500, shoot)
    dialog.exec()
    controller.shutdown()


if __name__ == "__main__":
    main()
