"""Indicators between the tree and spreadsheets or other projects.

Excel and WPS put copied cells on the clipboard as tab-separated text (a cell holding a tab,
a line break or a quote is quoted, ``""`` inside). A block of 1–4 columns is read as
一级/二级/三级/值 (4), 二级/三级/值 (3), 三级/值 (2) or 三级 (1): what the block leaves out
comes from the selected 二级 (or the taxonomy, for a 二级 whose 一级 is missing); an empty
一级/二级 cell repeats the one above (merged cells arrive that way). Copying rows writes the
same format back. The reading functions are plain Python; the dialogs are Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message
from desktop.domain.model import Indicator, Project
from desktop.domain.taxonomy import Profile, taxonomy
from desktop.domain.values import parse_value
from desktop.ui.audit_text import finding_text
from desktop.ui.indicator_model import reading
from desktop.ui.screen import fit_to_screen

HEADER_WORDS = {"一级指标", "二级指标", "三级指标", "指标值", "年度(/项目)指标值", "年度指标值"}


def split_cells(text: str) -> list[list[str]]:
    """Tab-separated text as Excel/WPS write it: rows of cells, quoted cells unquoted."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"':
            # a quoted cell: up to the closing quote ("" is a quote inside)
            i += 1
            while i < n:
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        cell.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                cell.append(text[i])
                i += 1
            at_cell_start = False
            continue
        if ch == "\t":
            row.append("".join(cell))
            cell = []
            at_cell_start = True
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
            at_cell_start = True
        else:
            cell.append(ch)
            at_cell_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


_NO_NAME = QT_TRANSLATE_NOOP("audit", "第 {n} 行没有三级指标名称，未添加")
_NO_GROUP = QT_TRANSLATE_NOOP(
    "audit",
    "第 {n} 行“{name}”不知道属于哪个一级/二级指标：请先选中一个二级指标，"
    "或在复制的表格中带上一级、二级指标两列",
)
_NOT_UNDER = QT_TRANSLATE_NOOP(
    "audit", "第 {n} 行：二级指标“{level2}”不属于一级指标“{level1}”（照原样添加，请核对）"
)


@dataclass
class PasteResult:
    indicators: list[Indicator] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_rows(text: str, profile: Profile, level1: str = "", level2: str = "") -> PasteResult:
    """Indicators from a pasted block; ``level1``/``level2``: the selected group, for
    blocks without those columns. Values keep the text as pasted (``entered``)."""
    result = PasteResult()
    rows = [[c.strip() for c in r] for r in split_cells(text)]
    rows = [r for r in rows if any(r)]
    if rows and any(c in HEADER_WORDS for c in rows[0]):
        rows = rows[1:]
    if not rows:
        return result
    width = max(len(r) for r in rows)
    last_l1, last_l2 = level1, level2
    tax = taxonomy()
    for number, cells in enumerate(rows, 1):
        cells = cells + [""] * (width - len(cells))
        extra = ""
        if width >= 4:
            l1, l2, name, value = cells[:4]
            extra = " | ".join(c for c in cells[4:] if c)
        elif width == 3:
            l1, (l2, name, value) = "", cells
        elif width == 2:
            l1, l2, (name, value) = "", "", cells
        else:
            l1, l2, name, value = "", "", cells[0], ""
        l2 = l2 or last_l2
        if not l1:
            if l2 and l2 == last_l2 and last_l1:
                l1 = last_l1
            else:
                parents = [p for p in profile.level1_names if p in tax.parents_of(l2)]
                l1 = parents[0] if parents else last_l1
        if not name:
            result.problems.append(Message(_NO_NAME, n=number))
            continue
        if not l1 or not l2:
            result.problems.append(Message(_NO_GROUP, n=number, name=name))
            continue
        if not profile.fits(l1, l2):
            result.problems.append(Message(_NOT_UNDER, n=number, level2=l2, level1=l1))
        result.indicators.append(Indicator(l1, l2, name, parse_value(value), note=extra))
        last_l1, last_l2 = l1, l2
    return result


def rows_text(indicators: Sequence[Indicator]) -> str:
    """Indicators as Excel/WPS rows: 一级, 二级, 三级, 值 (the value as entered)."""

    def cell(text: str) -> str:
        if any(c in text for c in '\t\n\r"'):
            return '"' + text.replace('"', '""') + '"'
        return text

    return "".join(
        "\t".join(cell(c) for c in (i.level1, i.level2, i.name, i.value.shown)) + "\r\n"
        for i in indicators
    )


def _table(parent: QWidget, indicators: Sequence[Indicator]) -> QTableWidget:
    table = QTableWidget(len(indicators), 5, parent)
    table.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("PastePreview", "一级指标"),
            QCoreApplication.translate("PastePreview", "二级指标"),
            QCoreApplication.translate("PastePreview", "三级指标"),
            QCoreApplication.translate("PastePreview", "指标值"),
            QCoreApplication.translate("PastePreview", "读作"),
        ]
    )
    for r, ind in enumerate(indicators):
        for c, text in enumerate(
            (ind.level1, ind.level2, ind.name, ind.value.shown, reading(ind.value))
        ):
            table.setItem(r, c, QTableWidgetItem(text))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    table.resizeColumnsToContents()
    table.setWordWrap(True)
    return table


class PastePreview(QDialog):
    """What a pasted block will add; Enter adds them (one undo step), Esc does nothing."""

    def __init__(self, parent: QWidget, result: PasteResult):
        super().__init__(parent)
        self.setObjectName("pastePreview")
        self.setWindowTitle(self.tr("粘贴指标"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "将添加 %n 条指标（可一步撤销）。按 Enter 添加，Esc 取消。",
                    "",
                    len(result.indicators),
                )
            )
        )
        self.table = _table(self, result.indicators)
        layout.addWidget(self.table, 1)
        if result.problems:
            problems = QLabel("\n".join(finding_text(p) for p in result.problems))
            problems.setWordWrap(True)
            problems.setStyleSheet("color: #b45309;")
            layout.addWidget(problems)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("添加(&A)"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter goes to the 添加 button
        fit_to_screen(self, 820, 420)


class CopyFromProject(QDialog):
    """项目 › 从其他项目复制指标…: pick a project, tick indicators, copy them."""

    def __init__(self, parent: QWidget, repo, current: Project):
        super().__init__(parent)
        self.setObjectName("copyIndicators")
        self.setWindowTitle(self.tr("从其他项目复制指标"))
        self.repo = repo
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for s in repo.summaries():
            if s.id != current.id:
                self.combo.addItem(f"{s.year} {s.name}（{s.implementing_unit}）", s.id)
        label = QLabel(self.tr("来源项目(&S)："))
        label.setBuddy(self.combo)
        self.list = QListWidget()
        list_label = QLabel(self.tr("要复制的指标(&I)（空格勾选/取消）："))
        list_label.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("复制(&C)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.combo.currentIndexChanged.connect(self._fill)
        self._indicators: list[Indicator] = []
        self._fill()
        fit_to_screen(self, 640, 520)

    def _fill(self) -> None:
        self.list.clear()
        pid = self.combo.currentData()
        self._indicators = list(self.repo.get(pid).indicators) if pid else []
        for ind in self._indicators:
            item = QListWidgetItem(f"{ind.level1} › {ind.level2} › {ind.name}　{ind.value.shown}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)

    def chosen(self) -> list[Indicator]:
        return [
            replace(ind, needs_review=False, review_note="", raw_text="", source_line=None)
            for n, ind in enumerate(self._indicators)
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        ]
