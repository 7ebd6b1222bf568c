"""The project list: a table model over project summaries, and its filter/sort proxy.

The model caches ``ProjectSummary`` rows (no indicators) and finds rows by id, so a change
to one project updates one row. Filtering matches every search word against the stored
search text (name, units, indicator names) and the year.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from desktop.domain import review as rv
from desktop.domain.model import ProjectSummary
from desktop.domain.money import format_money

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

COL_NAME, COL_YEAR, COL_UNIT, COL_TOTAL, COL_STATUS, COL_REVIEW = range(6)
# The review statuses in the loop's order (for sorting the 状态 column).
REVIEW_ORDER = {s: n for n, s in enumerate(rv.STATUS_LABELS)}

Index = QModelIndex | QPersistentModelIndex


class ProjectTableModel(QAbstractTableModel):
    #: the sample forms as published were set (the list sizes its 审核 column for the mark)
    publishedChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ProjectSummary] = []
        self._row_of: dict[str, int] = {}
        self._published: dict[str, int] = {}  # sample forms as loaded: id → revision
        self._review: dict[str, str] = {}  # id → review status (absent: 编制中)
        self._open: dict[str, int] = {}  # id → opinions still 未处理
        style = QApplication.style()
        self._icons = {
            0: style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
            1: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            2: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
        }

    # -- content ---------------------------------------------------------------------------
    def set_rows(self, rows: list[ProjectSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self.endResetModel()

    def set_published(self, published: dict[str, int]) -> None:
        """The sample forms as published (id → revision when loaded): while unchanged, their
        审核 cell says that the problems are the published form's own."""
        self._published = dict(published)
        self.publishedChanged.emit()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_STATUS), self.index(len(self._rows) - 1, COL_STATUS)
            )

    def has_published(self) -> bool:
        return bool(self._published)

    def is_published(self, s: ProjectSummary) -> bool:
        return self._published.get(s.id) == s.revision

    def set_review(self, statuses: dict[str, str], open_counts: dict[str, int]) -> None:
        """The review status and open opinions of every project (read from the records)."""
        self._review, self._open = dict(statuses), dict(open_counts)
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, COL_REVIEW), self.index(last, COL_REVIEW))

    def review_status(self, project_id: str) -> str:
        return self._review.get(project_id, rv.DRAFT)

    def _reindex(self) -> None:
        self._row_of = {s.id: i for i, s in enumerate(self._rows)}

    def summary(self, row: int) -> ProjectSummary:
        return self._rows[row]

    def row_of(self, project_id: str) -> int | None:
        return self._row_of.get(project_id)

    def upsert(self, summary: ProjectSummary) -> None:
        row = self._row_of.get(summary.id)
        if row is None:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(summary)
            self._row_of[summary.id] = row
            self.endInsertRows()
        else:
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def remove(self, project_id: str) -> None:
        row = self._row_of.get(project_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._reindex()
        self.endRemoveRows()

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("项目名称"),
                self.tr("年度"),
                self.tr("实施单位"),
                self.tr("项目资金总额"),
                self.tr("审核"),
                self.tr("状态"),
            ][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return s.name or self.tr("（未命名）")
            if col == COL_YEAR:
                return str(s.year)
            if col == COL_UNIT:
                return s.implementing_unit
            if col == COL_TOTAL:
                return format_money(s.total)
            if col == COL_STATUS:
                if s.audit_status == 2:
                    text = self.tr("错误 {0}").format(s.audit_errors)
                elif s.audit_status == 1:
                    text = self.tr("警告 {0}").format(s.audit_warnings)
                else:
                    return self.tr("通过")
                if self.is_published(s):
                    text += self.tr(" · 原表")
                return text
            if col == COL_REVIEW:
                return self._review_text(s.id)
        elif role == SORT_ROLE:
            if col == COL_REVIEW:
                return REVIEW_ORDER[self.review_status(s.id)] * 10000 + self._open.get(s.id, 0)
            return (
                s.name,
                s.year,
                s.implementing_unit,
                s.total,
                s.audit_status * 10000 + s.audit_errors * 100 + s.audit_warnings,
            )[col]
        elif role == Qt.ItemDataRole.DecorationRole and col == COL_STATUS:
            return self._icons[s.audit_status]
        elif role == ID_ROLE:
            return s.id
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (COL_TOTAL, COL_YEAR):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_STATUS and s.audit_status:
                return QBrush(QColor("#b91c1c" if s.audit_status == 2 else "#b45309"))
            if col == COL_NAME and not s.name:
                return QBrush(QColor("#888888"))
            if col == COL_REVIEW:
                color = REVIEW_COLORS.get(self.review_status(s.id))
                return QBrush(QColor(color)) if color else None
        elif role == Qt.ItemDataRole.ToolTipRole and col == COL_STATUS and self.is_published(s):
            return self.tr(
                "示例：公开发布的原表，这些错误和警告是原表本身的问题，照原样载入，"
                "不是程序出错。修改后此标记消失。"
            )
        elif role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME:
            return self.tr("{0} · {1} 条指标").format(s.name, s.indicator_count)
        return None

    def _review_text(self, project_id: str) -> str:
        text = review_label(self.review_status(project_id))
        n = self._open.get(project_id, 0)
        return self.tr("{0} · 意见 {1}").format(text, n) if n else text


REVIEW_COLORS = {rv.RETURNED: "#b91c1c", rv.APPROVED: "#15803d", rv.SUBMITTED: "#1d4ed8"}


def review_label(status: str) -> str:
    """The review status in the interface language."""
    return {
        rv.DRAFT: QCoreApplication.translate("review", "编制中"),
        rv.SUBMITTED: QCoreApplication.translate("review", "已报送"),
        rv.RETURNED: QCoreApplication.translate("review", "退回修改"),
        rv.APPROVED: QCoreApplication.translate("review", "审核通过"),
        rv.ADJUSTING: QCoreApplication.translate("review", "调整中"),
    }[status]


class ProjectFilterModel(QSortFilterProxyModel):
    """Search words (all must match) and an optional year."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self._year: int | None = None
        self._status: int | None = None  # 0 通过, 1 with warnings, 2 with errors
        self._review: str | None = None  # a review status (domain.review), or any
        self._verdicts: list[bool] | None = None  # during a filter change only
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        words = text.lower().split()
        if words != self._words:
            self._refilter(lambda: setattr(self, "_words", words))

    def set_year(self, year: int | None) -> None:
        if year != self._year:
            self._refilter(lambda: setattr(self, "_year", year))

    def set_status(self, status: int | None) -> None:
        if status != self._status:
            self._refilter(lambda: setattr(self, "_status", status))

    def set_review(self, status: str | None) -> None:
        if status != self._review:
            self._refilter(lambda: setattr(self, "_review", status))

    def _refilter(self, change) -> None:
        """Apply a filter change to every row. The verdicts are computed in one pass first,
        so Qt's call back per row only looks one up: at 10,000 projects this halves the time
        of a keystroke in the search field."""
        self.beginFilterChange()
        change()
        rows = self.sourceModel()._rows
        year, status, words = self._year, self._status, self._words
        if year is None and status is None and self._review is None:
            if not words:
                self._verdicts = [True] * len(rows)
            elif len(words) == 1:
                (word,) = words
                self._verdicts = [word in s.search_text for s in rows]
            else:
                self._verdicts = [all(w in s.search_text for w in words) for s in rows]
        else:
            self._verdicts = [self._accepts(s) for s in rows]
        try:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        finally:
            self._verdicts = None  # rows may change from now on: back to asking per row

    def _accepts(self, s: ProjectSummary) -> bool:
        if self._year is not None and s.year != self._year:
            return False
        if self._status is not None and s.audit_status != self._status:
            return False
        if self._review is not None and self.sourceModel().review_status(s.id) != self._review:
            return False
        haystack = s.search_text
        return all(w in haystack for w in self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        verdicts = self._verdicts
        if verdicts is not None:
            return verdicts[source_row]
        if not self._words and self._year is None and self._status is None and not self._review:
            return True  # nothing to filter (the usual case when the list is loaded)
        return self._accepts(self.sourceModel().summary(source_row))

    def project_id(self, proxy_index: Index) -> str:
        return self.mapToSource(proxy_index).data(ID_ROLE)
