"""The review loop on a 1366×768 screen: the reviewer's window (forms of two units, their
status in the list, an opinion being added on an indicator row) and the unit's window (the
returned form with its opinions marked and listed in the 审核 panel).

.venv/bin/python docs/screenshots/make_review_screenshots.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
config = Path(tempfile.mkdtemp()) / "screen.json"
config.write_text(
    json.dumps(
        {
            "synchronousWindowSystemEvents": False,
            "windowFrameMargins": False,
            "screens": [
                {
                    "name": "laptop",
                    "x": 0,
                    "y": 0,
                    "width": 1366,
                    "height": 768,
                    "logicalDpi": 96,
                    "dpr": 1,
                }
            ],
        }
    )
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
os.environ["JIXIAO_DATA_DIR"] = tempfile.mkdtemp()

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())

from desktop.domain import review as rv  # noqa: E402
from desktop.io.published_text import parse_published_text  # noqa: E402
from desktop.store import open_repository  # noqa: E402
from desktop.store import review as store  # noqa: E402
from desktop.ui.app import Controller, make_app  # noqa: E402

SAMPLE = HERE.parent.parent / "resources" / "samples" / "2024-putuo-justice-bureau.txt"


def forms():
    projects = parse_published_text(SAMPLE.read_text(encoding="utf-8")).projects
    return {p.name: p for p in projects}


def reviewer_db(path: Path) -> dict:
    """The 司法局's finance section: forms of two units, submitted, some reviewed."""
    all_forms = forms()
    units = {
        "人民调解": "普陀区人民调解中心",
        "法律援助费": "普陀区法律援助中心",
        "法治宣传": "普陀区人民调解中心",
        "司法鉴定": "普陀区法律援助中心",
        "医患纠纷": "普陀区人民调解中心",
    }
    chosen = [all_forms[n].with_changes(implementing_unit=u) for n, u in units.items()]
    with open_repository(path) as repo:
        repo.add(chosen)
        store.set_identity(repo, store.Identity("普陀区司法局财务科", rv.ROLE_REVIEWER, "李四"))
        ids = {p.name: p.id for p in chosen}
        for p in chosen:
            store.move(repo, [p.id], rv.SUBMITTED, unit=p.implementing_unit, person="张三")
        p = next(x for x in chosen if x.name == "人民调解")
        store.add_opinion(repo, p.id, 4, "组织数量写“不变”，请填写具体个数", indicator=2)
        store.add_opinion(repo, p.id, 11, "财政资金与预算批复不一致，请核对", field="funds.fiscal")
        store.move(repo, [p.id], rv.RETURNED)
        store.move(repo, [ids["司法鉴定"]], rv.APPROVED)
    return ids


def grab(window, name: str) -> None:
    QApplication.processEvents()
    image = window.grab()
    out = HERE / name
    image.save(str(out))
    print("wrote", out, image.width(), "×", image.height())


def main() -> None:
    app, translators = make_app([])
    translators.use("zh_CN")
    folder = Path(tempfile.mkdtemp())

    # The reviewer.
    ids = reviewer_db(folder / "审核.db")
    controller = Controller(app, translators)
    controller.open(folder / "审核.db")
    window = controller.window
    window.show()
    window.activateWindow()
    QApplication.processEvents()
    window.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by unit
    window.nav.select_project(ids["法律援助费"])
    ed = window.editor
    ed.setCurrentWidget(ed.indicators)
    ed.show_finding(rv.opinion_location(  # the 社会效益 row
        rv.Opinion("", "", rv.ON_INDICATOR, rv.indicator_key(ed.project.indicators[3]),
                   "", 0, "", "", "", ""), ed.project))  # fmt: skip
    QApplication.processEvents()

    def shoot_dialog():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, shoot_dialog)
            return
        QTest.keyClick(dialog.code, Qt.Key.Key_4)
        dialog.text.setFocus()
        QApplication.processEvents()
        # The window with the dialog over it, as the reviewer sees the screen.
        shot = window.grab()
        painter = QPainter(shot)
        top_left = dialog.mapToGlobal(dialog.rect().topLeft()) - window.mapToGlobal(
            window.rect().topLeft()
        )
        painter.drawPixmap(top_left, dialog.grab())
        painter.end()
        shot.save(str(HERE / "10-review-reviewer.png"))
        print("wrote", HERE / "10-review-reviewer.png")
        dialog.reject()

    QTimer.singleShot(100, shoot_dialog)
    QTest.keyClick(ed.tree, Qt.Key.Key_F9)
    controller.shutdown()

    # The unit that got 人民调解 back.
    unit = folder / "调解中心.db"
    with open_repository(folder / "审核.db") as repo:
        from desktop.store.exchange import export_db

        mine = [repo.get(ids[n]) for n in ("人民调解", "法治宣传", "医患纠纷")]
        export_db(mine, unit, reviews=store.records(repo, [p.id for p in mine]))
    with open_repository(unit) as repo:
        store.set_identity(repo, store.Identity("普陀区人民调解中心", rv.ROLE_UNIT, "张三"))
    controller = Controller(app, translators)
    controller.open(unit)
    window = controller.window
    window.show()
    window.activateWindow()
    window.audit_panel.show()
    window.nav.select_project(ids["人民调解"])
    window.editor.setCurrentWidget(window.editor.indicators)
    QApplication.processEvents()
    grab(window, "11-review-clerk.png")
    controller.shutdown()


if __name__ == "__main__":
    main()
