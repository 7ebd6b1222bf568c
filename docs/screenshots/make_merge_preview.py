"""The merge preview at 1366×768: a file from home where 人民调解 was edited in other fields
than in the office (combined: 合并双方的修改) and 司法鉴定 in the same field (a real conflict).

.venv/bin/python docs/screenshots/make_merge_preview.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def scenario(window, rows, folder: Path):
    """Edits at home and in the office; returns the home file to merge."""
    from desktop.store import open_repository
    from desktop.store.exchange import export_db, read_untrusted, shared_bases
    from desktop.store.merge import apply_merge, plan_merge

    repo = window.session.repo
    export_db(repo.all_projects(), folder / "带回家.db")
    with open_repository(folder / "家里.db") as other:
        received = read_untrusted(folder / "带回家.db")
        apply_merge(other, plan_merge(other, received), backup=False)
        p = next(x for x in other.all_projects() if x.name == "人民调解")
        other.save(
            p.with_changes(
                goal_annual=p.goal_annual + "同时加强调解员队伍建设，全年培训不少于4次。"
            )
        )
        p = next(x for x in other.all_projects() if x.name == "司法鉴定")
        other.save(p.with_changes(goal_annual="家里改过的年度目标。"))
        projects = list(other.all_projects())
        export_db(projects, folder / "交换.db", bases=shared_bases(other, projects))
    p = repo.get(rows["人民调解"])
    repo.save(p.with_changes(goal_overall=p.goal_overall + "覆盖全区所有村居。"))
    p = repo.get(rows["司法鉴定"])
    repo.save(p.with_changes(goal_annual="办公室改过的年度目标。"))
    return folder / "交换.db"


def shoot(window, rows, target: Path, conflict: Path | None = None) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.store.exchange import read_untrusted
    from desktop.store.merge import plan_merge
    from desktop.ui.exchange_dialogs import MergeDialog

    source = scenario(window, rows, Path(tempfile.mkdtemp()))
    dialog = MergeDialog(window, plan_merge(window.session.repo, read_untrusted(source)))
    dialog.show()
    row = next(r for r, i in enumerate(dialog.items) if i.name == "人民调解")
    dialog.table.selectRow(row)
    QApplication.processEvents()
    dialog.grab().save(str(target))
    if conflict is not None:  # the same field changed on both sides: picks per field
        dialog.table.selectRow(next(r for r, i in enumerate(dialog.items) if i.name == "司法鉴定"))
        QApplication.processEvents()
        dialog.grab().save(str(conflict))
    dialog.close()


if __name__ == "__main__":
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": False,
                "windowFrameMargins": False,
                "screens": [
                    {"name": "s", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}
                ],
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ.setdefault("JIXIAO_DATA_DIR", tempfile.mkdtemp())
    sys.path.insert(0, str(HERE.parent.parent))
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from desktop.ui.app import Controller, make_app

    app, translators = make_app([])
    translators.use("zh_CN")
    controller = Controller(app, translators)
    controller.open(Path(tempfile.mkdtemp()) / "示例.db")
    controller.load_sample()
    window = controller.window
    rows = {
        window.model.summary(r).name: window.model.summary(r).id
        for r in range(window.model.rowCount())
    }
    shoot(window, rows, HERE / "7-merge-preview.png", HERE / "7-merge-conflict.png")
    controller.shutdown()
