"""The project list: a table model over project summaries, and its filter/sort proxy.

The model caches ``ProjectSummary`` rows (no indicators) and finds rows by id, so a change
to one project updates one row. Filtering matches every search word against the stored
search text (name, units, indicator names) and the year.
"""

from __future__ import annotations

import bisect
from itertools import compress
from operator import itemgetter

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
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
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)
#: a change to this many rows at once is followed in one pass (``_source_changed``,
#: ``_source_inserted``)
WHOLE_COLUMN = 64


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
        self._repair: dict[str, str] = {}  # id → why its stored rows cannot be read
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

    def append_rows(self, rows: list[ProjectSummary]) -> None:
        """More rows after the last (the rest of a list read in steps)."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._row_of.update((s.id, first + n) for n, s in enumerate(rows))
        self.endInsertRows()

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

    def set_needing_repair(self, problems: dict[str, str]) -> None:
        """Projects whose stored rows cannot be read (id → why): their 审核 cell says
        需要修复 instead of counts read from wrong data."""
        self._repair = dict(problems)
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, COL_YEAR), self.index(last, COL_STATUS))

    def needing_repair(self) -> dict[str, str]:
        """The projects needing repair, as the banner names them (id → why)."""
        return dict(self._repair)

    def needs_repair(self, project_id: str) -> bool:
        return project_id in self._repair

    def review_status(self, project_id: str) -> str:
        return self._review.get(project_id, rv.DRAFT)

    def review_key(self, project_id: str) -> int:
        """The 状态 column's sort key: the loop's order, then the open opinions."""
        return REVIEW_ORDER[self.review_status(project_id)] * 10000 + self._open.get(project_id, 0)

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
        return self.cell(index.row(), index.column(), role) if index.isValid() else None

    def cell(self, row: int, col: int, role: int):
        """The data of a cell by its row and column (the filter asks without an index)."""
        s = self._rows[row]
        if s.id in self._repair and col in (COL_YEAR, COL_STATUS):
            return self._repair_data(s, col, role)
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
                    text = self.tr("错误 %n", "", s.audit_errors)
                elif s.audit_status == 1:
                    text = self.tr("警告 %n", "", s.audit_warnings)
                else:
                    return self.tr("通过")
                if self.is_published(s):
                    text += self.tr(" · 原表")
                return text
            if col == COL_REVIEW:
                return self._review_text(s.id)
        elif role == SORT_ROLE:
            if col == COL_REVIEW:
                return self.review_key(s.id)
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
            return self.tr("{0} · %n 条指标", "", s.indicator_count).format(s.name)
        return None

    def _repair_data(self, s: ProjectSummary, col: int, role: int):
        """The 年度 and 审核 cells of a project whose rows cannot be read."""
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_YEAR:
                return str(s.year) if s.year else ""  # 0: the stored year was not a year
            return self.tr("需要修复")
        if role == SORT_ROLE:
            return s.year if col == COL_YEAR else 30000  # after every counted error
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == COL_YEAR
                else None
            )
        if col != COL_STATUS:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons[2]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#b91c1c"))
        if role == Qt.ItemDataRole.ToolTipRole:  # why, in the window's language
            from desktop.ui.audit_text import finding_text

            return finding_text(self._repair[s.id])
        return None

    def _review_text(self, project_id: str) -> str:
        text = review_label(self.review_status(project_id))
        n = self._open.get(project_id, 0)
        return self.tr("{0} · 意见 %n", "", n).format(text) if n else text


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


def _packed(texts: list[str]) -> list[str]:
    """The same texts, copied one after another in memory (slices of one joined string):
    a pass over them then reads memory in order — 1.5–2× faster at 50,000 than over the
    texts where the summaries were read, scattered among other objects."""
    whole = "".join(texts)
    packed, at = [], 0
    for text in texts:
        end = at + len(text)
        packed.append(whole[at:end])
        at = end
    return packed


class ProjectFilterModel(QAbstractProxyModel):
    """Search words (all must match), a year and a 审核 status; sorting by a column.

    Holds the shown rows itself (source row numbers, in the order shown): a filter change
    computes the matches in one pass over the cached summaries and hands Qt the ready
    answer as one layout change, instead of Qt asking a Python callback once per row
    (50,000 calls a keystroke in a reviewer's file). Edits of one project move, show or
    hide that one row."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self._year: int | None = None
        self._status: int | None = None  # 0 通过, 1 with warnings, 2 with errors
        self._review: str | None = None  # a review status (domain.review), or any
        self._unit: str | None = None  # one 实施单位 (a reviewer's file holds many), or any
        self._texts: list[str] | None = None  # the source rows' search texts
        self._narrow: tuple[list[str], list[int]] | None = None  # the last words' matches
        self._rank: list[int] | None = None  # source row → its place in the sorted order
        self._order: list[int] = []  # the source rows in the sorted order (with _rank)
        self._shown: list[int] = []  # source rows, in the order shown
        self._at_rows: dict[int, int] | None = {}  # source row → row shown, when asked
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- filtering and sorting -----------------------------------------------------------
    def set_search(self, text: str) -> None:
        words = text.lower().split()
        if words != self._words:
            self._words = words
            self._relayout()

    def set_year(self, year: int | None) -> None:
        if year != self._year:
            self._year = year
            self._relayout()

    def set_status(self, status: int | None) -> None:
        if status != self._status:
            self._status = status
            self._relayout()

    def set_unit(self, unit: str | None) -> None:
        if unit != self._unit:
            self._unit = unit
            self._relayout()

    def set_review(self, status: str | None) -> None:
        if status != self._review:
            self._review = status
            self._relayout()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) != (self._sort_column, self._sort_order):
            self._sort_column, self._sort_order = column, order
            self._rank = None
            self._relayout()

    def sortColumn(self) -> int:
        return self._sort_column

    def sortOrder(self) -> Qt.SortOrder:
        return self._sort_order

    def _accepts(self, s: ProjectSummary) -> bool:
        if self._year is not None and s.year != self._year:
            return False
        if self._status is not None and self._status != (
            2 if self.sourceModel().needs_repair(s.id) else s.audit_status
        ):
            return False
        if self._review is not None and self.sourceModel().review_status(s.id) != self._review:
            return False
        if self._unit is not None and s.implementing_unit != self._unit:
            return False
        haystack = s.search_text
        return all(w in haystack for w in self._words)

    def _matches(self) -> list[int]:
        """The source rows that pass the filters, in source order: one pass."""
        rows = self._source_rows()
        year, status, words = self._year, self._status, self._words
        if year is None and status is None and self._review is None and self._unit is None:
            if not words:
                return list(range(len(rows)))
            return self._word_matches(words)
        accepts = self._accepts
        return [i for i, s in enumerate(rows) if accepts(s)]

    def _word_matches(self, words: list[str]) -> list[int]:
        """The source rows whose search text holds every word. A search that only adds to
        the last one (typing on: 法 → 法律 → 法律 援助) looks only among its matches."""
        if self._texts is None:
            self._texts = _packed([s.search_text for s in self._source_rows()])
            self._narrow = None
        texts, last = self._texts, self._narrow
        found: list[int] | None = None
        if last is not None and all(any(old in new for new in words) for old in last[0]):
            found = last[1]  # every row that matches now matched then
            words = [w for w in words if w not in last[0]]  # those hold for all of them
        # a pass a word (the longest first: it leaves the fewest rows for the next), each
        # a list comprehension with one ``in`` a row, not a generator a row
        for word in sorted(words, key=len, reverse=True):
            if found is None:
                found = [i for i, text in enumerate(texts) if word in text]
            else:
                found = [i for i in found if word in texts[i]]
        assert found is not None  # (there was a word, or the last matches)
        self._narrow = (self._words, found)
        return found

    def _forget_texts(self) -> None:
        """The source rows changed: the search texts, the last matches and the sorted order
        are read again."""
        self._texts = None
        self._narrow = None
        self._rank = None

    def _key(self, column: int):
        """The sort key of a source row in ``column`` (ties keep the source order)."""
        rows = self._source_rows()
        if column == COL_NAME:
            return lambda i: rows[i].name
        if column == COL_YEAR:
            return lambda i: rows[i].year
        if column == COL_UNIT:
            return lambda i: rows[i].implementing_unit
        if column == COL_TOTAL:
            return lambda i: rows[i].total
        if column == COL_REVIEW:
            key = self.sourceModel().review_key
            return lambda i: key(rows[i].id)
        repair = self.sourceModel().needs_repair  # unreadable rows: after every counted error
        return lambda i: (
            30000
            if repair(rows[i].id)
            else rows[i].audit_status * 10000 + rows[i].audit_errors * 100 + rows[i].audit_warnings
        )

    def _ordered(self, shown: list[int]) -> list[int]:
        """The matches (in source order) in the order shown. The sorted order of every
        source row is computed once (a stable sort; ties in source order), kept while the
        rows and the sort do not change, and the matches take their places in it."""
        if self._sort_column < 0:
            return shown
        few = len(shown) * 16 < len(self._source_rows())
        if few and self._rank is None:  # (not worth sorting every row for: sorted alone)
            descending = self._sort_order == Qt.SortOrder.DescendingOrder
            return sorted(shown, key=self._key(self._sort_column), reverse=descending)
        rank = self._ranks()
        if few:  # sorted by their places
            return sorted(shown, key=rank.__getitem__)
        order = self._order  # many: the sorted order, keeping the matches (in C)
        wanted = bytearray(len(rank))
        for row in shown:
            wanted[row] = 1
        return list(compress(order, itemgetter(*order)(wanted))) if len(order) > 1 else shown

    def _ranks(self) -> list[int]:
        if self._rank is None:
            descending = self._sort_order == Qt.SortOrder.DescendingOrder
            rows = range(len(self._source_rows()))
            self._order = sorted(rows, key=self._key(self._sort_column), reverse=descending)
            self._rank = [0] * len(self._order)
            for place, row in enumerate(self._order):
                self._rank[row] = place
        return self._rank

    def _place(self, shown: list[int], row: int) -> int | None:
        """Where a source row is among rows in the order shown (found by bisection, not a
        map of every row); None if it is not among them."""
        if self._sort_column >= 0 and self._rank is None:  # a few rows sorted alone
            return shown.index(row) if row in shown else None
        key = None if self._sort_column < 0 else self._ranks().__getitem__
        at = bisect.bisect_left(shown, row if key is None else key(row), key=key)
        return at if at < len(shown) and shown[at] == row else None

    def _source_rows(self) -> list[ProjectSummary]:
        model = self.sourceModel()
        return model._rows if model is not None else []

    def _relayout(self) -> None:
        """Show the rows the filters and the sort now give, keeping the selection and the
        current row where they are still shown."""
        shown = self._ordered(self._matches())
        # Rows that views hold (the current and selected ones) and that now go are removed
        # first, each with the run of going rows around it, as Qt's own proxy removes
        # rows: the view then moves its current row to a row that stays, and says so
        # (currentRowChanged), which a layout change would not.
        held = {self._shown[i.row()] for i in self.persistentIndexList() if i.isValid()}
        going = {row for row in held if self._place(shown, row) is None}
        if going:
            keep = set(shown)
            for row in sorted(going, key=self._at.__getitem__, reverse=True):
                if row not in self._at:
                    continue  # went with an earlier run
                first = last = self._at[row]
                while first > 0 and self._shown[first - 1] not in keep:
                    first -= 1
                while last + 1 < len(self._shown) and self._shown[last + 1] not in keep:
                    last += 1
                self.beginRemoveRows(QModelIndex(), first, last)
                self._set_shown(self._shown[:first] + self._shown[last + 1 :])
                self.endRemoveRows()
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        sources = [self._shown[i.row()] if i.isValid() else -1 for i in before]
        places = {r: self._place(shown, r) for r in set(sources) if r >= 0}
        self._set_shown(shown)
        after = [
            QModelIndex() if places.get(r) is None else self.index(places[r], i.column())
            for r, i in zip(sources, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _set_shown(self, shown: list[int]) -> None:
        self._shown = shown
        self._at_rows = None

    @property
    def _at(self) -> dict[int, int]:
        """Source row → row shown, made when first asked after a change (a keystroke that
        shows 50,000 rows does not build it)."""
        if self._at_rows is None:
            self._at_rows = {r: i for i, r in enumerate(self._shown)}
        return self._at_rows

    # -- following the source ------------------------------------------------------------
    def setSourceModel(self, model: ProjectTableModel) -> None:
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.rowsInserted.connect(self._source_inserted)
        model.rowsAboutToBeRemoved.connect(self._source_removing)
        model.rowsRemoved.connect(self._source_removed)
        model.dataChanged.connect(self._source_changed)
        self.beginResetModel()
        self._source_reset()

    def _source_reset(self) -> None:
        self._forget_texts()
        self._set_shown(self._ordered(self._matches()))
        self.endResetModel()

    def _source_inserted(self, parent: Index, first: int, last: int) -> None:
        self._forget_texts()
        rows = self._source_rows()
        shift = last - first + 1
        if first < len(rows) - shift:  # inserted before the end (the model appends)
            self._set_shown([r + shift if r >= first else r for r in self._shown])
        if shift >= WHOLE_COLUMN:  # many rows (the rest of the list): one pass
            self._relayout()
            return
        for row in range(first, last + 1):
            if self._accepts(rows[row]):
                self._insert(row)

    def _insert(self, row: int) -> None:
        at = self._position(row)
        self.beginInsertRows(QModelIndex(), at, at)
        self._shown.insert(at, row)
        self._at_rows = None
        self.endInsertRows()

    def _position(self, row: int) -> int:
        """Where a source row goes among the rows shown (they are in order)."""
        if self._sort_column < 0:
            return bisect.bisect_left(self._shown, row)
        before = self._before()
        low, high = 0, len(self._shown)
        while low < high:
            mid = (low + high) // 2
            if before(self._shown[mid], row):
                low = mid + 1
            else:
                high = mid
        return low

    def _before(self):
        """Whether source row a is shown before row b in the sorted order: by the column's
        key, ties in source order (as a stable sort leaves them)."""
        key = self._key(self._sort_column)
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            return lambda a, b: key(a) > key(b) or (key(a) == key(b) and a < b)
        return lambda a, b: (key(a), a) < (key(b), b)

    def _source_removing(self, parent: Index, first: int, last: int) -> None:
        self._forget_texts()
        for row in range(last, first - 1, -1):
            at = self._at.get(row)
            if at is not None:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self._shown[at]
                self._at_rows = None
                self.endRemoveRows()

    def _source_removed(self, parent: Index, first: int, last: int) -> None:
        self._forget_texts()
        shift = last - first + 1
        self._set_shown([r - shift if r > last else r for r in self._shown])

    def _source_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        self._forget_texts()
        rows = self._source_rows()
        if bottom_right.row() - top_left.row() >= WHOLE_COLUMN:
            # a column of every row (the 审核 marks, the review statuses): one pass, not a
            # filter test and a signal per row
            self._relayout()
            if self._shown:
                self.dataChanged.emit(
                    self.index(0, top_left.column()),
                    self.index(len(self._shown) - 1, bottom_right.column()),
                )
            return
        for row in range(top_left.row(), bottom_right.row() + 1):
            at = self._at.get(row)
            accepted = self._accepts(rows[row])
            if at is None:
                if accepted:
                    self._insert(row)
            elif not accepted:
                self._source_removing(QModelIndex(), row, row)
            elif self._sort_column >= 0 and self._position_moved(row, at):
                self._relayout()
            else:
                self.dataChanged.emit(
                    self.index(at, top_left.column()), self.index(at, bottom_right.column())
                )

    def _position_moved(self, row: int, at: int) -> bool:
        before = self._before()
        shown = self._shown
        return (at > 0 and not before(shown[at - 1], row)) or (
            at + 1 < len(shown) and not before(row, shown[at + 1])
        )

    # -- Qt proxy ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._shown)) or not (0 <= column < 6):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Index | None = None):  # type: ignore[override]
        if index is None:  # QObject.parent()
            return QObject.parent(self)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and bool(self._shown)

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        if not proxy_index.isValid() or proxy_index.row() >= len(self._shown):
            return QModelIndex()
        return self.sourceModel().index(self._shown[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        at = self._at.get(source_index.row())
        return QModelIndex() if at is None else self.createIndex(at, source_index.column())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        # straight to the row (no source index made and checked for each cell and role)
        return self.sourceModel().cell(self._shown[index.row()], index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # the source's flags (QAbstractTableModel's), without mapping each index there
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return self.sourceModel().headerData(section, orientation, role)

    def shown_total(self) -> int:
        """项目资金总额 of the rows shown, in 分, without the rows that need repair (their
        amounts were not read as valid: ``shown_needing_repair``)."""
        rows, repair = self._source_rows(), self.sourceModel().needs_repair
        return sum(rows[r].total for r in self._shown if not repair(rows[r].id))

    def shown_needing_repair(self) -> int:
        rows, repair = self._source_rows(), self.sourceModel().needs_repair
        return sum(1 for r in self._shown if repair(rows[r].id))

    def project_id(self, proxy_index: Index) -> str:
        return self.mapToSource(proxy_index).data(ID_ROLE)
