"""The project list's columns."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui_helpers import shown


def test_the_list_columns_are_wide_enough_for_their_titles_in_english(make_controller, tmp_path):
    # QA: in English the list showed `tal project fun` and `2 warn…`
    c = make_controller(tmp_path / "lang.db")
    c.load_sample()
    for language in ("en", "zh_CN"):
        c.set_language(language)
        w = shown(c.window)
        header = w.table.horizontalHeader()
        for col in range(1, w.model.columnCount()):
            title = w.model.headerData(col, Qt.Orientation.Horizontal)
            needed = header.fontMetrics().horizontalAdvance(title)
            assert header.sectionSize(col) >= max(needed, header.sectionSizeHint(col)), title
        status = max((w.model.index(r, 4).data() for r in range(w.model.rowCount())), key=len)
        room = header.sectionSize(4) - 16 - 6  # the icon, the margins
        assert w.table.fontMetrics().horizontalAdvance(status) <= room, status
    assert w.model.headerData(3, Qt.Orientation.Horizontal) == "项目资金总额"
