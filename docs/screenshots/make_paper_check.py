"""文件 › 核对纸质件… after a pile of pages was scanned: the sample printed (one form made
long enough for two pages), one form edited afterwards, pages scanned in any order, one
code mistyped, one page of another file.

    .venv/bin/python docs/screenshots/make_paper_check.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from datetime import datetime

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.domain import checkcode
    from desktop.domain.values import parse_value
    from desktop.io.published_text import parse_published_text
    from desktop.printing import render
    from desktop.store import open_repository
    from desktop.store.paper import record_print
    from desktop.ui.paper_check import PaperCheckDialog

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    sample = ROOT / "resources" / "samples" / "2024-putuo-justice-bureau.txt"
    projects = parse_published_text(sample.read_text(encoding="utf-8")).projects[:4]
    projects[0] = projects[0].with_changes(indicators=projects[0].indicators * 6)
    repo = open_repository(folder / "申报.db")
    repo.add(projects)
    saved = [repo.get(p.id) for p in projects]
    result = render(saved, folder / "out.pdf", printed_at=datetime(2026, 12, 4, 9, 30))
    for project, form in zip(saved, result.forms, strict=True):
        record_print(repo, project, form.pages, form.printed_at)
    edited = saved[2]
    first = edited.indicators[0]
    repo.save(
        edited.with_changes(
            indicators=(replace(first, value=parse_value("≥98(%)")), *edited.indicators[1:])
        )
    )
    dialog = PaperCheckDialog(None, repo)
    dialog.resize(900, 600)
    dialog.show()
    stranger = checkcode.stamp_for("another-file", "ab" * 32, 3, 1, 1, datetime(2026, 11, 2))
    typed = checkcode.grouped(result.forms[3].codes[0])
    wrong = typed[:5] + typed[6] + typed[5] + typed[7:]
    for text in (
        result.forms[0].qr[1],
        result.forms[1].qr[0],
        result.forms[2].qr[0],
        stranger.qr_text,
        typed.lower(),
        wrong,
    ):
        dialog.field.setText("")
        QTest.keyClicks(dialog.field, text)
        QTest.keyClick(dialog.field, Qt.Key.Key_Return)
        app.processEvents()
    dialog.results.expandAll()
    app.processEvents()
    dialog.grab().save(str(HERE / "10-paper-check.png"))
    repo.close()
    print("saved", HERE / "10-paper-check.png")


if __name__ == "__main__":
    main()
