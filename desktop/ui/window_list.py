"""The window's list room: the project list, its filters, and moving between projects."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import review as rv
from desktop.domain.model import Project
from desktop.domain.money import format_money
from desktop.store import StoreError, listing
from desktop.ui.audit_text import error_text
from desktop.ui.project_list import (
    COL_NAME,
    COL_REVIEW,
    COL_STATUS,
    COL_TOTAL,
    COL_UNIT,
    COL_YEAR,
    review_label,
)
from desktop.ui.screen import after_paint

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session

#: a file with more than ``READ_WHOLE`` projects (read whole in ≈ 30 ms) shows the window
#: with the first ``FIRST_SCREEN`` rows of the list, and reads the rest in steps of
#: ``LIST_STEP`` rows of the file once the window is up
READ_WHOLE = 2000
FIRST_SCREEN = 200
LIST_STEP = 2500


class ProjectNavigation(QObject):
    """The list on the left and which project the editor shows (the window's ``nav``)."""

    def __init__(self, window: MainWindow, session: Session):
        super().__init__(window)  # the window owns it; ``window`` is its parent
        self.session = session

    @property
    def window(self) -> MainWindow:
        return self.parent()  # not held in Python: no reference cycle keeps a closed window

    def _build_left(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索项目名称、实施单位、指标…"))
        self.search.setClearButtonEnabled(True)
        self.year_filter = QComboBox()
        self.year_filter.setToolTip(self.tr("按年度筛选"))
        self.status_filter = QComboBox()
        self.status_filter.setToolTip(self.tr("按审核结果筛选"))
        for text, value in (
            (self.tr("全部"), None),
            (self.tr("有错误"), 2),
            (self.tr("有警告"), 1),
            (self.tr("通过"), 0),
        ):
            self.status_filter.addItem(text, value)
        self.review_filter = QComboBox()
        self.review_filter.setObjectName("reviewFilter")
        self.review_filter.setToolTip(self.tr("按报送、审核的状态筛选"))
        self.review_filter.addItem(self.tr("全部状态"), None)
        for status in rv.STATUS_LABELS:
            self.review_filter.addItem(review_label(status), status)
        self.unit_filter = QComboBox()
        self.unit_filter.setObjectName("unitFilter")
        self.unit_filter.setToolTip(self.tr("按实施单位筛选（审核单位汇总多个单位的申报表时）"))
        # narrow in the row (long unit names would widen the whole window); the list opens wide
        self.unit_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit_filter.setMinimumContentsLength(4)
        self.unit_filter.view().setMinimumWidth(240)
        self.table = QTableView()
        self.table.setObjectName("projectTable")
        self.table.setModel(self.window.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # the name takes the room the other columns leave, but never less than a name's worth
        # (a stretched column shrinks to nothing when the others are wider than the list, as
        # in English: the name column showed “ct”); the list scrolls sideways instead
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        self._name_floor = 0  # set by _size_columns
        self._size_columns()
        self.table.viewport().installEventFilter(self)
        header.sectionResized.connect(self._other_column_resized)
        self.window.model.publishedChanged.connect(self._size_columns)
        self.count_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.year_filter)
        top.addWidget(self.status_filter)
        # the review loop's filters on a row of their own: the list pane stays as narrow
        second = QHBoxLayout()
        second.addWidget(self.review_filter)
        second.addWidget(self.unit_filter, 1)
        box = QVBoxLayout()
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addLayout(second)
        box.addWidget(self.table, 1)
        box.addWidget(self.count_label)
        self.left = QWidget()
        self.left.setLayout(box)

        self.search.textChanged.connect(self._filter_changed)
        self.year_filter.currentIndexChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.review_filter.currentIndexChanged.connect(self._filter_changed)
        self.unit_filter.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.window._update_actions()
        )

    def _size_columns(self) -> None:
        """Widths from the font, not from the contents (measuring 10,000 rows is slow): wide
        enough for a long value and for the column's title in the language shown (English
        titles are longer: “Total project funds”)."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        icon = self.table.iconSize().width()
        if icon <= 0:
            icon = self.table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)

        def cell_text(text: str, n: int = -1) -> str:  # as ProjectTableModel.data translates it
            return QCoreApplication.translate("ProjectTableModel", text, None, n)

        # the sample forms' “· 原表” mark, only where there are sample forms
        mark = cell_text(" · 原表") if self.window.model.has_published() else ""

        for col, samples, extra in (
            (COL_YEAR, ["20240"], 0),
            (COL_UNIT, ["上海市普陀区司法局局"], 0),
            (COL_TOTAL, ["99,999,999.00"], 0),
            (
                COL_STATUS,
                [
                    cell_text("错误 %n", 99) + mark,
                    cell_text("警告 %n", 99) + mark,
                ],
                icon + 6,
            ),
            (COL_REVIEW, [cell_text("{0} · 意见 %n", 99).format(review_label(rv.RETURNED))], 0),
        ):
            cell = max(metrics.horizontalAdvance(t) for t in samples) + extra + 16
            header.resizeSection(col, max(cell, header.sectionSizeHint(col)))
        # a name of ten characters (上海市普陀区法律援助) and the column's title, whole
        self._name_floor = max(
            metrics.horizontalAdvance("上海市普陀区法律援助") + 16, header.sectionSizeHint(COL_NAME)
        )
        self._fit_name_column()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_name_column()
        return super().eventFilter(watched, event)

    def _other_column_resized(self, col: int, _old: int, _new: int) -> None:
        if col != COL_NAME:
            self._fit_name_column()

    def _fit_name_column(self) -> None:
        """The name column fills what the other columns leave of the list's width, at least
        ``_name_floor``."""
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != COL_NAME and not header.isSectionHidden(c)
        )
        width = max(self._name_floor, self.table.viewport().width() - others)
        if header.sectionSize(COL_NAME) != width:
            header.resizeSection(COL_NAME, width)

    def scroll_to_start(self) -> None:
        """The list seen from its left edge (the name first), as after a language switch, an
        open or a refill."""
        self.table.horizontalScrollBar().setValue(0)

    def _update_count(self) -> None:
        if self.loading:  # the whole file's count; what is shown, once read
            self.count_label.setText(self.tr("共 %n 个项目", "", self._expected))
            self.window.statusBar().showMessage(str(self.window.path))
            return
        shown, total = self.window.proxy.rowCount(), self.window.model.rowCount()
        money = self.window.proxy.shown_total() if shown <= 2000 else None
        text = self.tr("共 %n 个项目", "", total)
        if shown != total:
            text = self.tr("显示 {0} / %n 个项目", "", total).format(shown)
        if money is not None:
            text += self.tr("，项目资金合计 {0} 元").format(format_money(money))
            if repair := self.window.proxy.shown_needing_repair():
                text += self.tr("（另有 %n 个项目需要修复，未计入）", "", repair)
        self.count_label.setText(text)
        self.window.statusBar().showMessage(str(self.window.path))

    # -- the list ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the list again, keeping the selection and the project in the editor. The
        first reading of a big file shows the first screen of the list at once and reads
        the rest in steps once the window is up (``loading``)."""
        self._steps = None  # a reading in steps still going is replaced by this one
        if self.window.model.rowCount() or not self._read_first_screen():
            self._set_rows(self.session.repo.summaries())
        self._after_reading()

    def _read_first_screen(self) -> bool:
        repo = self.session.repo
        total = repo.count()
        if total <= max(READ_WHOLE, FIRST_SCREEN):
            return False
        self.window.model.set_rows(listing.first_summaries(repo, FIRST_SCREEN))
        self._steps = listing.summaries_stepwise(repo, LIST_STEP)
        self._expected = total
        if not hasattr(self, "_step_timer"):
            self._step_timer = QTimer(self)
            self._step_timer.setSingleShot(True)
            self._step_timer.timeout.connect(self._read_step)
        after_paint(self.window, lambda: self._step_timer.start(0))  # the first screen first
        return True

    @property
    def loading(self) -> bool:
        """The list is still being read (the first screen of a big file is shown)."""
        return getattr(self, "_steps", None) is not None

    def _read_step(self) -> None:
        if self._steps is None:
            return
        try:
            rows = next(self._steps)
        except StoreError as exc:  # busy for the moment: the list is read whole later
            self._steps = None
            self.window.statusBar().showMessage(error_text(exc), 10000)
            return
        if rows is None:
            self._step_timer.start(0)
            return
        self._steps = None
        model = self.window.model
        have = [model.summary(r).id for r in range(model.rowCount())]
        if [s.id for s in rows[: len(have)]] == have:  # the first screen starts the list
            model.append_rows(rows[len(have) :])
            self._fill_units()
            self._update_count()
        else:  # changed meanwhile (an edit moved a row, a project came or went)
            self._set_rows(rows)
            self._after_reading()
        panel = getattr(self.window, "audit_panel", None)
        if panel is not None and panel.show_all:  # the findings of every project
            self.window.refresh_audit()

    def finish_loading(self) -> None:
        """Read the rest of the list now (a project not yet listed is asked for)."""
        while self.loading:
            self._read_step()

    def _set_rows(self, rows) -> None:
        current = self.current_id()
        selected = set(self.selected_ids())
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            self.window.model.set_rows(rows)
            for pid in selected | ({current} if current else set()):
                row = self.window.model.row_of(pid)
                if row is None:
                    continue
                index = self.window.proxy.mapFromSource(self.window.model.index(row, 0))
                flags = QItemSelectionModel.SelectionFlag.Select
                if pid == current:
                    selection.setCurrentIndex(index, flags | QItemSelectionModel.SelectionFlag.Rows)
                else:
                    selection.select(index, flags | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()
        if current and self.window.model.row_of(current) is None:
            self._show(None)

    def _after_reading(self) -> None:
        self._fill_years()
        self._fill_units()
        self._update_count()
        self.scroll_to_start()
        self.window.review.refresh_review()  # statuses and opinions may have come with it

    def _fill_years(self) -> None:
        current = self.year_filter.currentData()
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("全部年度"), None)
        for year in self.session.repo.years():
            self.year_filter.addItem(self.tr("{0} 年度").format(year), year)
        index = self.year_filter.findData(current)
        self.year_filter.setCurrentIndex(max(index, 0))
        self.year_filter.blockSignals(False)

    def _fill_units(self) -> None:
        """The 实施单位 of the projects in the list, for the unit filter."""
        current = self.unit_filter.currentData()
        model = self.window.model
        units = sorted({model.summary(r).implementing_unit for r in range(model.rowCount())} - {""})
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(self.tr("全部单位"), None)
        for unit in units:
            self.unit_filter.addItem(unit, unit)
        self.unit_filter.setCurrentIndex(max(self.unit_filter.findData(current), 0))
        self.unit_filter.blockSignals(False)

    def _filter_changed(self) -> None:
        self.window.proxy.set_search(self.search.text())
        self.window.proxy.set_year(self.year_filter.currentData())
        self.window.proxy.set_status(self.status_filter.currentData())
        self.window.proxy.set_review(self.review_filter.currentData())
        self.window.proxy.set_unit(self.unit_filter.currentData())
        self._update_count()
        self._keep_a_selection()

    def _keep_a_selection(self) -> None:
        """After a filter change that hid the chosen project (or cleared the search), the
        first project shown is chosen again, as at start: otherwise 打印/导出 would have
        nothing selected and the editor would stay empty."""
        if (
            getattr(self, "_choosing", False)
            or self.selected_ids()
            or not self.window.proxy.rowCount()
        ):
            return
        current = self.table.currentIndex()
        index = current if current.isValid() else self.window.proxy.index(0, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if not current.isValid():
            self._current_changed(index, QModelIndex())  # in case the index did not change
        self.table.scrollTo(index)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [self.window.proxy.project_id(i) for i in sorted(rows, key=lambda i: i.row())]

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.window.proxy.project_id(index) if index.isValid() else None

    def select_project(self, project_id: str) -> None:
        """Make a project current (clearing a filter that hides it)."""
        row = self.window.model.row_of(project_id)
        if row is None and self.loading:
            self.finish_loading()
            row = self.window.model.row_of(project_id)
        if row is None:
            return
        proxy_index = self.window.proxy.mapFromSource(self.window.model.index(row, 0))
        if not proxy_index.isValid():
            self._choosing = True  # not the first row on the way: this project is chosen
            try:
                self.search.clear()
                self.year_filter.setCurrentIndex(0)
                self.status_filter.setCurrentIndex(0)
                self.review_filter.setCurrentIndex(0)
                self.unit_filter.setCurrentIndex(0)
            finally:
                self._choosing = False
            proxy_index = self.window.proxy.mapFromSource(self.window.model.index(row, 0))
        if self.table.currentIndex().row() != proxy_index.row() or not self.selected_ids():
            self.table.selectionModel().setCurrentIndex(
                proxy_index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.scrollTo(proxy_index)

    @contextlib.contextmanager
    def rows_going(self):
        """Rows are being removed one by one: the current row is not loaded meanwhile (it
        may already be gone from the file); the caller picks the row to show after."""
        self._rows_going = True
        try:
            yield
        finally:
            self._rows_going = False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if getattr(self, "_rows_going", False):
            return
        self.window.editor.flush()
        if not current.isValid():
            self._show(None)
            return
        project_id = self.window.proxy.project_id(current)
        if self.window.editor.project is not None and self.window.editor.project.id == project_id:
            return
        try:
            self._show(self.session.load(project_id))
        except StoreError as exc:
            # said in place, in the pane (no box): arrows keep browsing the list
            why = error_text(exc)
            if self.window.model.needs_repair(project_id):  # the screen's reason, translated
                status = current.siblingAtColumn(COL_STATUS)
                why = status.data(Qt.ItemDataRole.ToolTipRole) or why
            self.window.statusBar().showMessage(why, 15000)
            self._show(None, why=why)

    def _show(self, project: Project | None, why: str = "") -> None:
        """The project in the editor; none: the hint (``why`` the current row cannot be
        shown, when it cannot)."""
        self.window.editor.set_project(project)
        self.window.editor.setVisible(project is not None)
        self.window.show_hint(why)
        self.window.empty_hint.setVisible(project is None)
        self.window._update_actions()
        self.window.refresh_audit()

    def _step(self, step: int) -> None:
        row = self.table.currentIndex().row() + step
        if 0 <= row < self.window.proxy.rowCount():
            # not table.setCurrentIndex: with Ctrl held (Ctrl+PgDn) the view would toggle or
            # extend the selection, leaving other projects selected for print/delete/export
            self.table.selectionModel().setCurrentIndex(
                self.window.proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
