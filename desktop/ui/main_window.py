"""The main window: project list on the left, editor tabs on the right, menus, toolbar."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.domain import audit
from desktop.domain.model import Project, new_id, now_timestamp
from desktop.domain.money import format_money
from desktop.store import LockedError, StoreError
from desktop.ui.audit_panel import AuditPanel
from desktop.ui.commands import AddProjectsCommand, RestoreProjectsCommand, TrashProjectsCommand
from desktop.ui.editor import ProjectEditor
from desktop.ui.paths import settings
from desktop.ui.project_list import (
    COL_NAME,
    COL_STATUS,
    COL_TOTAL,
    COL_UNIT,
    COL_YEAR,
    ProjectFilterModel,
    ProjectTableModel,
)
from desktop.ui.session import Session


class MainWindow(QMainWindow):
    #: ask the application to open another database (path)
    openRequested = Signal(str)
    #: ask the application to create a new database (path)
    newRequested = Signal(str)
    #: the language setting changed; the application rebuilds the window
    languageChanged = Signal(str)
    #: the clerk asked to restore a backup of this database
    restoreRequested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.path = Path(session.repo.path)
        self.closing_for_good = True  # False while rebuilt in another language
        self.setObjectName("MainWindow")

        self.model = ProjectTableModel(self)
        self.proxy = ProjectFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.editor = ProjectEditor(session)
        self._build_left()
        self._build_right()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.statusBar()
        self.audit_panel = AuditPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.audit_panel)
        self.audit_panel.activated.connect(self.go_to_finding)
        self.audit_panel.scopeChanged.connect(lambda _all: self.refresh_audit())
        self.act_audit = self.audit_panel.toggleViewAction()
        self.act_audit.setText(self.tr("审核面板(&K)"))
        self.act_audit.setShortcut(QKeySequence("F7"))
        self.project_menu.addSeparator()
        self.project_menu.addActions([self.act_summary, self.act_rollover])
        self.project_menu.addSeparator()
        self.project_menu.addActions([self.act_library, self.act_audit])

        session.projectChanged.connect(self._on_project_changed)
        session.projectsAdded.connect(self._on_added)
        session.projectsRemoved.connect(self._on_removed)
        session.conflict.connect(self._on_conflict)
        session.heldChanged.connect(self._on_held)
        session.showProject.connect(self.select_project)
        session.undo_stack.indexChanged.connect(self._update_actions)
        # Another program (a second window on the same file) may change it: look every so
        # often whether SQLite says the file changed, and show the change.
        self._audit_timer = QTimer(self)
        self._audit_timer.setSingleShot(True)
        self._audit_timer.setInterval(150)
        self._audit_timer.timeout.connect(self.refresh_audit)
        self._data_version = session.repo.data_version()
        self._watch = QTimer(self)
        self._watch.setInterval(1500)
        self._watch.timeout.connect(self.check_outside_changes)
        self._watch.start()

        self.reload()
        self._restore_state()
        self._update_title()
        self._update_actions()

    # -- layout ---------------------------------------------------------------------------
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
        self.table = QTableView()
        self.table.setObjectName("projectTable")
        self.table.setModel(self.proxy)
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
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from the contents: measuring 10,000 rows is slow.
        metrics = self.table.fontMetrics()
        for col, sample in (
            (COL_YEAR, "20240"),
            (COL_UNIT, "上海市普陀区司法局局"),
            (COL_TOTAL, "99,999,999.00"),
            (COL_STATUS, "99 条需复核"),
        ):
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 16)
        self.count_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.year_filter)
        top.addWidget(self.status_filter)
        box = QVBoxLayout()
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addWidget(self.count_label)
        self.left = QWidget()
        self.left.setLayout(box)

        self.search.textChanged.connect(self._filter_changed)
        self.year_filter.currentIndexChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

    def _build_right(self) -> None:
        self.banner = QLabel(
            self.tr(
                "此文件以只读方式打开（文件或所在文件夹不可写），不能修改。"
                "如需修改，请用“文件 › 另存副本…”保存到可写的位置后打开副本。"
            )
        )
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3bf; border: 1px solid #e0c060; padding: 6px;")
        self.banner.setVisible(self.session.read_only)
        self.held_banner = QLabel()
        self.held_banner.setObjectName("heldBanner")
        self.held_banner.setWordWrap(True)
        self.held_banner.setStyleSheet(
            "background: #ffe3e3; border: 1px solid #e08080; padding: 6px;"
        )
        self.held_banner.hide()
        self.empty_hint = QLabel(self.tr("在左侧选择一个项目，或按 Ctrl+N 新建项目。"))
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.banner)
        box.addWidget(self.held_banner)
        box.addWidget(self.empty_hint)
        box.addWidget(self.editor, 1)
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 720])
        self.setCentralWidget(self.splitter)

    def _action(self, text: str, shortcut=None, slot=None, icon=None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            act.setIcon(self.style().standardIcon(icon))
        if slot is not None:
            act.triggered.connect(slot)
        return act

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.act_new_db = self._action(
            self.tr("新建数据库(&N)…"), "Ctrl+Shift+N", self.new_database
        )
        self.act_open = self._action(
            self.tr("打开(&O)…"),
            QKeySequence.StandardKey.Open,
            self.open_database,
            sp.SP_DialogOpenButton,
        )
        self.act_save_copy = self._action(self.tr("另存副本(&A)…"), "Ctrl+Shift+S", self.save_copy)
        self.act_import = self._action(
            self.tr("从文件导入(&I)…"), "Ctrl+I", self.import_file, sp.SP_ArrowDown
        )
        self.act_export = self._action(
            self.tr("导出到文件(&E)…"), "Ctrl+E", self.export_file, sp.SP_ArrowUp
        )
        self.act_restore_backup = self._action(
            self.tr("恢复备份(&B)…"), None, lambda: self.restoreRequested.emit()
        )
        self.act_history = self._action(self.tr("历史版本(&H)…"), "Ctrl+H", self.show_history)
        self.act_library = self._action(self.tr("常用指标库(&L)…"), None, self.edit_library)
        self.act_summary = self._action(self.tr("年度汇总(&S)…"), "Ctrl+T", self.show_summary)
        self.act_rollover = self._action(self.tr("复制到下一年度(&Y)"), None, self.next_year)
        self.act_print = self._action(
            self.tr("打印(&P)…"), QKeySequence.StandardKey.Print, self.print_forms
        )
        self.act_export_pdf = self._action(
            self.tr("导出 PDF(&D)…"), "Ctrl+Shift+E", self.export_pdf
        )
        self.act_quit = self._action(self.tr("退出(&X)"), QKeySequence.StandardKey.Quit, self.close)
        self.act_undo = self.session.undo_stack.createUndoAction(self, self.tr("撤销"))
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_undo.setIcon(self.style().standardIcon(sp.SP_ArrowBack))
        self.act_redo = self.session.undo_stack.createRedoAction(self, self.tr("重做"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_redo.setIcon(self.style().standardIcon(sp.SP_ArrowForward))
        # Typing not yet saved is written first, so undo undoes what is on screen.
        self.act_undo.triggered.disconnect()
        self.act_undo.triggered.connect(self.undo)
        self.act_redo.triggered.disconnect()
        self.act_redo.triggered.connect(self.redo)
        self.act_find = self._action(
            self.tr("查找项目(&F)"), QKeySequence.StandardKey.Find, self._focus_search
        )
        self.act_settings = self._action(self.tr("设置(&S)…"), None, self.show_settings)
        self.act_new_project = self._action(
            self.tr("新建项目(&N)"), QKeySequence.StandardKey.New, self.new_project, sp.SP_FileIcon
        )
        self.act_duplicate = self._action(
            self.tr("复制项目(&C)"), "Ctrl+D", self.duplicate_projects, sp.SP_FileDialogNewFolder
        )
        self.act_delete = self._action(
            self.tr("删除项目(&D)"), "Ctrl+Del", self.delete_projects, sp.SP_TrashIcon
        )
        self.act_trash = self._action(self.tr("回收站(&T)…"), None, self.show_trash)
        self.act_next = self._action(self.tr("下一个项目"), "Alt+Down", lambda: self._step(1))
        self.act_prev = self._action(self.tr("上一个项目"), "Alt+Up", lambda: self._step(-1))
        self.act_about = self._action(self.tr("关于(&A)"), None, self.show_about)
        self.act_guide = self._action(
            self.tr("使用说明(&G)"), QKeySequence.StandardKey.HelpContents, self.show_guide
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("文件(&F)"))
        m.addActions([self.act_new_db, self.act_open])
        self.recent_menu = m.addMenu(self.tr("最近打开(&R)"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addActions([self.act_save_copy, self.act_restore_backup])
        m.addSeparator()
        m.addActions([self.act_import, self.act_export])
        m.addSeparator()
        m.addActions([self.act_print, self.act_export_pdf])
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("编辑(&E)"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addAction(self.act_find)
        m.addSeparator()
        m.addAction(self.act_settings)
        m = self.project_menu = bar.addMenu(self.tr("项目(&P)"))
        m.addActions([self.act_new_project, self.act_duplicate, self.act_delete])
        m.addSeparator()
        m.addActions([self.act_prev, self.act_next])
        m.addSeparator()
        m.addActions([self.act_history, self.act_trash])
        m = bar.addMenu(self.tr("帮助(&H)"))
        m.addActions([self.act_guide, self.act_about])

    def _build_toolbar(self) -> None:
        tb = self.addToolBar(self.tr("工具栏"))
        tb.setObjectName("mainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.addActions([self.act_new_project, self.act_duplicate, self.act_delete])
        tb.addSeparator()
        tb.addActions([self.act_undo, self.act_redo])
        tb.addSeparator()
        tb.addActions([self.act_import, self.act_export])

    # -- state ----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = settings()
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = s.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _save_state(self) -> None:
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())

    def _update_title(self) -> None:
        title = f"{self.path.name} — {APP_NAME}"
        if self.session.read_only:
            title += self.tr(" [只读]")
        self.setWindowTitle(title)

    def _update_actions(self) -> None:
        writable = not self.session.read_only
        selected = bool(self.selected_ids())
        self.act_new_project.setEnabled(writable)
        self.act_import.setEnabled(writable)
        self.act_duplicate.setEnabled(writable and selected)
        self.act_delete.setEnabled(writable and selected)
        self.act_undo.setEnabled(self.session.undo_stack.canUndo())
        self.act_redo.setEnabled(self.session.undo_stack.canRedo())

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        money = (
            sum(
                self.model.summary(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).total
                for r in range(shown)
            )
            if shown <= 2000
            else None
        )
        text = self.tr("共 {0} 个项目").format(total)
        if shown != total:
            text = self.tr("显示 {0} / {1} 个项目").format(shown, total)
        if money is not None:
            text += self.tr("，项目资金合计 {0} 元").format(format_money(money))
        self.count_label.setText(text)
        self.statusBar().showMessage(str(self.path))

    # -- the list ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the list again, keeping the selection and the project in the editor."""
        current = self.current_id()
        selected = set(self.selected_ids())
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            self.model.set_rows(self.session.repo.summaries())
            for pid in selected | ({current} if current else set()):
                row = self.model.row_of(pid)
                if row is None:
                    continue
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                flags = QItemSelectionModel.SelectionFlag.Select
                if pid == current:
                    selection.setCurrentIndex(index, flags | QItemSelectionModel.SelectionFlag.Rows)
                else:
                    selection.select(index, flags | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()
        if current and self.model.row_of(current) is None:
            self._show(None)
        self._fill_years()
        self._update_count()

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

    def _filter_changed(self) -> None:
        self.proxy.set_search(self.search.text())
        self.proxy.set_year(self.year_filter.currentData())
        self.proxy.set_status(self.status_filter.currentData())
        self._update_count()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.project_id(i) for i in sorted(rows, key=lambda i: i.row())]

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.proxy.project_id(index) if index.isValid() else None

    def select_project(self, project_id: str) -> None:
        """Make a project current (clearing a filter that hides it)."""
        row = self.model.row_of(project_id)
        if row is None:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.search.clear()
            self.year_filter.setCurrentIndex(0)
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if self.table.currentIndex().row() != proxy_index.row() or not self.selected_ids():
            self.table.selectionModel().setCurrentIndex(
                proxy_index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.scrollTo(proxy_index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.editor.flush()
        if not current.isValid():
            self._show(None)
            return
        project_id = self.proxy.project_id(current)
        if self.editor.project is not None and self.editor.project.id == project_id:
            return
        try:
            self._show(self.session.load(project_id))
        except StoreError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            self._show(None)

    def _show(self, project: Project | None) -> None:
        self.editor.set_project(project)
        self.editor.setVisible(project is not None)
        self.empty_hint.setVisible(project is None)
        self._update_actions()
        self.refresh_audit()

    # -- 审核 -----------------------------------------------------------------------------------
    def refresh_audit(self) -> None:
        """Check the current project (or all) again and show the findings."""
        project = self.editor.project
        findings = audit.check(project) if project is not None else []
        self.editor.apply_findings(findings)
        if not hasattr(self, "audit_panel"):
            return
        if self.audit_panel.show_all:
            repo = self.session.repo
            ids = [s.id for s in self.model._rows if s.audit_status]
            results = []
            for p in repo.all_projects(ids):
                if project is not None and p.id == project.id:
                    p = project
                results.append((p, audit.check(p)))
            self.audit_panel.show_findings(results)
        else:
            self.audit_panel.show_findings([(project, findings)] if project else [])

    def go_to_finding(self, project_id: str, finding) -> None:
        if self.editor.project is None or self.editor.project.id != project_id:
            self.select_project(project_id)
        self.editor.show_finding(finding.location)

    def show_summary(self) -> None:
        from desktop.ui.summary_dialog import SummaryDialog

        self.editor.flush()
        year = self.year_filter.currentData() or (
            self.editor.project.year if self.editor.project else None
        )
        SummaryDialog(self, self.session.repo, year).exec()

    def next_year(self) -> None:
        from desktop.domain.model import next_year_copy

        ids = self.selected_ids()
        if not ids or self.session.read_only:
            return
        self.editor.flush()
        copies = [next_year_copy(self.session.repo.get(pid)) for pid in ids]
        text = self.tr("复制 {0} 个项目到下一年度").format(len(copies))
        self.session.undo_stack.push(AddProjectsCommand(self.session, copies, text))
        self.statusBar().showMessage(
            self.tr("已复制到下一年度；指标已标为待核对，请逐条核对本年度的指标值。"), 10000
        )

    def edit_library(self) -> None:
        from desktop.ui.library_dialog import LibraryDialog

        LibraryDialog(self, self.session.repo).exec()

    def _step(self, step: int) -> None:
        row = self.table.currentIndex().row() + step
        if 0 <= row < self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(row, 0))

    # -- session signals --------------------------------------------------------------------
    def _on_project_changed(self, saved: Project) -> None:
        # The row as stored: its 审核 status was worked out when it was written.
        with contextlib.suppress(StoreError):  # locked again at once: the row stays as it was
            self.model.upsert(self.session.repo.summary(saved.id))
        if self.editor.project is not None and saved.id == self.editor.project.id:
            self._audit_timer.start()  # checks rerun as the clerk types
        if saved.year not in [
            self.year_filter.itemData(i) for i in range(self.year_filter.count())
        ]:
            self._fill_years()
        self._update_count()

    def _on_added(self, ids: list[str]) -> None:
        for pid in ids:
            self.model.upsert(self.session.repo.summary(pid))
        self._fill_years()
        self._update_count()
        if ids:
            self.select_project(ids[0])

    def _on_removed(self, ids: list[str]) -> None:
        showing = self.editor.project.id if self.editor.project else None
        for pid in ids:
            self.model.remove(pid)
        if showing in ids:
            self._show(None)
            current = self.table.currentIndex()
            if current.isValid():
                self._current_changed(current, QModelIndex())
        self._fill_years()
        self._update_count()

    def _on_held(self, held: bool) -> None:
        """Another program holds the file: the edit stays on screen, marked as not yet
        written, and is written as soon as the file is free (no dialog every retry)."""
        if held:
            self.held_banner.setText(
                self.tr(
                    "“{0}”正被其他程序占用：刚才的修改还没有写入文件，程序每隔几秒自动重试。"
                    "请关闭占用它的程序；在写入之前请不要关闭本程序。"
                ).format(self.path.name)
            )
        else:
            self.statusBar().showMessage(self.tr("文件已可写入，修改已保存。"), 8000)
        self.held_banner.setVisible(held)

    def _on_conflict(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)
        if self.editor.project is not None:
            try:
                self._show(self.session.load(self.editor.project.id))
            except LockedError:  # cannot read it now either: show the last stored state
                pid = self.editor.project.id
                self._show(self.session.last_stored(pid) or self.editor.project)
            except StoreError:
                self._show(None)
        # Still locked: the list is read again after the next change.
        with contextlib.suppress(StoreError):
            self.reload()

    # -- project actions ---------------------------------------------------------------------
    def undo(self) -> None:
        self.editor.flush()
        self.session.undo_stack.undo()

    def redo(self) -> None:
        self.editor.flush()
        self.session.undo_stack.redo()

    def new_project(self) -> None:
        if self.session.read_only:
            return
        self.editor.flush()
        year = self.year_filter.currentData() or (
            self.editor.project.year if self.editor.project else None
        )
        project = Project(year=year) if year else Project()
        template = self.editor.project
        if template is not None:
            project = project.with_changes(
                department=template.department, implementing_unit=template.implementing_unit
            )
        project = project.with_changes(name=self.tr("新项目"), revision=1)
        self.session.undo_stack.push(
            AddProjectsCommand(self.session, [project], self.tr("新建项目"))
        )
        self.editor.setCurrentIndex(0)
        self.editor.name.setFocus()
        self.editor.name.selectAll()

    def duplicate_projects(self) -> None:
        ids = self.selected_ids()
        if not ids or self.session.read_only:
            return
        self.editor.flush()
        stamp = now_timestamp()
        copies = [
            self.session.repo.get(pid).with_changes(
                id=new_id(),
                name=self.session.repo.get(pid).name + self.tr("（副本）"),
                created_at=stamp,
                updated_at=stamp,
                revision=1,
            )
            for pid in ids
        ]
        text = self.tr("复制项目") if len(ids) == 1 else self.tr("复制 {0} 个项目").format(len(ids))
        self.session.undo_stack.push(AddProjectsCommand(self.session, copies, text))

    def delete_projects(self) -> None:
        ids = self.selected_ids()
        if not ids or self.session.read_only:
            return
        self.editor.flush()
        text = self.tr("删除项目") if len(ids) == 1 else self.tr("删除 {0} 个项目").format(len(ids))
        self.session.undo_stack.push(TrashProjectsCommand(self.session, ids, text))
        self.statusBar().showMessage(
            self.tr("已移到回收站；可按 Ctrl+Z 撤销，或在“项目 › 回收站”中恢复。"), 8000
        )

    def show_trash(self) -> None:
        TrashDialog(self).exec()

    # -- files -----------------------------------------------------------------------------------
    def _db_filter(self) -> str:
        return self.tr("绩效目标申报数据 (*.db);;所有文件 (*)")

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("新建数据库"),
            str(self.path.parent / "新数据库.db"),
            self._db_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is refused
        )
        if path:
            self.newRequested.emit(path)

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("打开数据库"), str(self.path.parent), self._db_filter()
        )
        if path:
            self.openRequested.emit(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in settings().value("recent", []) or []:
            act = self.recent_menu.addAction(path)
            act.triggered.connect(lambda _c=False, p=path: self.openRequested.emit(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    def save_copy(self) -> None:
        self.editor.flush()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("另存副本"),
            str(self.path.with_name(self.path.stem + "-副本.db")),
            self._db_filter(),
        )
        if not path:
            return
        if Path(path).resolve() == self.path.resolve():
            QMessageBox.warning(self, APP_NAME, self.tr("副本不能保存到正在使用的文件。"))
            return
        try:
            self.session.repo.copy_to(path)
        except (OSError, StoreError) as exc:
            QMessageBox.critical(self, APP_NAME, self.tr("无法保存副本：{0}").format(exc))
            return
        self.statusBar().showMessage(self.tr("已保存副本：{0}").format(path), 8000)

    def import_file(self, path: str | None = None) -> None:
        # Loaded when first needed: the window opens faster without them.
        from desktop.io.files import IMPORT_FORMATS, load_file, plan_import
        from desktop.io.report import ImportFormatError

        if self.session.read_only:
            return
        self.editor.flush()
        if not path:
            patterns = " ".join(f"*{ext}" for ext in (*IMPORT_FORMATS, ".db"))
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("导入申报表"),
                str(self.path.parent),
                self.tr("申报表 ({0});;所有文件 (*)").format(patterns),
            )
            if not path:
                return
        if path.lower().endswith(".db"):
            self.merge_from(path)
            return
        try:
            result = load_file(path)
            to_add, summary = plan_import(self.session.repo, result)
        except (ImportFormatError, StoreError) as exc:
            QMessageBox.warning(self, APP_NAME, self.tr("无法导入：{0}").format(exc))
            return
        if to_add:
            text = self.tr("导入 {0} 个项目").format(len(to_add))
            self.session.undo_stack.push(AddProjectsCommand(self.session, to_add, text))
        ReportDialog(self, Path(path).name, result, summary).exec()

    def export_file(self) -> None:
        from desktop.io import json_format
        from desktop.io.files import atomic_write_text
        from desktop.store.exchange import export_db

        self.editor.flush()
        ids = self.selected_ids()
        everything = len(ids) <= 1
        title = (
            self.tr("导出全部项目")
            if everything
            else self.tr("导出选中的 {0} 个项目").format(len(ids))
        )
        filters = {
            ".db": self.tr("数据文件，可在其他电脑上合并 (*.db)"),
            ".xlsx": self.tr("Excel 工作簿 (*.xlsx)"),
            ".json": self.tr("JSON 文件 (*.json)"),
        }
        path, chosen = QFileDialog.getSaveFileName(
            self,
            title,
            str(self.path.with_name(self.path.stem + "-导出.db")),
            ";;".join(filters.values()),
        )
        if not path:
            return
        kind = Path(path).suffix.lower()
        if kind not in filters:
            kind = next((k for k, f in filters.items() if f == chosen), ".db")
            path += kind
        if kind == ".db" and Path(path).exists() and Path(path).resolve() == self.path.resolve():
            QMessageBox.warning(self, APP_NAME, self.tr("不能导出到正在使用的数据文件本身。"))
            return
        try:
            repo = self.session.repo
            if kind == ".db":  # everything travels: the trash and the deletions too
                projects = (
                    list(repo.all_projects(trash=True))
                    if everything
                    else [repo.get(i) for i in ids]
                )
                export_db(projects, path, repo.tombstones() if everything else [])
            else:
                projects = list(repo.all_projects()) if everything else [repo.get(i) for i in ids]
                if kind == ".xlsx":
                    from desktop.io.xlsx_format import export_xlsx

                    export_xlsx(projects, path)
                else:
                    atomic_write_text(path, json_format.dumps(projects))
        except (OSError, StoreError) as exc:
            QMessageBox.critical(self, APP_NAME, self.tr("无法导出：{0}").format(exc))
            return
        self.statusBar().showMessage(
            self.tr("已导出 {0} 个项目到 {1}").format(len(projects), path), 8000
        )

    # -- exchange, history, outside changes --------------------------------------------------------
    def merge_from(self, path: str) -> bool:
        """Merge another machine's .db file after a preview; True if merged."""
        from desktop.store.exchange import read_untrusted
        from desktop.store.merge import apply_merge, plan_merge
        from desktop.ui.exchange_dialogs import MergeDialog

        repo = self.session.repo
        try:
            plan = plan_merge(repo, read_untrusted(path))
        except StoreError as exc:
            QMessageBox.warning(self, APP_NAME, self.tr("无法导入：{0}").format(exc))
            return False
        if MergeDialog(self, plan).exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            result = apply_merge(repo, plan)
        except StoreError as exc:
            QMessageBox.critical(self, APP_NAME, self.tr("合并失败，数据未改变：{0}").format(exc))
            return False
        # Commands recorded before the merge may refer to replaced versions.
        self.session.undo_stack.clear()
        self._data_version = repo.data_version()
        current = self.current_id()
        self.reload()
        if current:
            self.editor.project = None
            self.select_project(current)
            self._current_changed(self.table.currentIndex(), QModelIndex())
        self.statusBar().showMessage(
            self.tr(
                "已合并：新增 {0} 个，替换 {1} 个，另存副本 {2} 个，移入回收站 {3} 个。"
                "被替换的版本可在“项目 › 历史版本”中恢复。"
            ).format(result.added, result.replaced, result.copies, result.deleted),
            15000,
        )
        return True

    def show_history(self) -> None:
        from desktop.ui.commands import EditProjectCommand
        from desktop.ui.exchange_dialogs import HistoryDialog

        current = self.editor.project
        if current is None:
            return
        self.editor.flush()
        current = self.editor.project
        dialog = HistoryDialog(self, self.session.repo.history(current.id))
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        restored = dialog.chosen.project.with_changes(  # its content, today's bookkeeping
            id=current.id,
            created_at=current.created_at,
            updated_at=current.updated_at,
            revision=current.revision,
            versions=current.versions,
            deleted_at=current.deleted_at,
        )
        self.session.repo.add_history(current, self.tr("恢复历史版本前"))
        self.session.undo_stack.push(
            EditProjectCommand(self.session, current, restored, self.tr("恢复历史版本"))
        )
        self.editor._on_saved(self.session.load(current.id))

    def check_outside_changes(self) -> None:
        """Show changes another program (another window) committed to the same file."""
        try:
            version = self.session.repo.data_version()
        except Exception:  # the database is being closed
            return
        if version == self._data_version:
            return
        self._data_version = version
        self.editor.flush()
        self.reload()
        project = self.editor.project
        if project is not None:
            try:
                stored = self.session.repo.revision(project.id)
            except StoreError:
                stored = None
            if stored is None:
                self._show(None)
            elif stored != project.revision:
                self.editor.set_project(self.session.load(project.id))
        self.statusBar().showMessage(self.tr("另一个程序修改了这个文件，已显示最新内容。"), 8000)

    # -- printing --------------------------------------------------------------------------------
    def _selected_projects(self) -> list[Project]:
        self.editor.flush()
        return [self.session.repo.get(pid) for pid in self.selected_ids()]

    def print_forms(self) -> None:
        from desktop.ui.print_dialog import PrintDialog  # reportlab and QtPdf on demand

        repo = self.session.repo
        dialog = PrintDialog(self, self._selected_projects(), lambda: list(repo.all_projects()))
        dialog.exec()

    def export_pdf(self) -> None:
        from desktop.ui.print_dialog import confirm_drafts, drafts_of, export_pdf

        projects = self._selected_projects() or list(self.session.repo.all_projects())
        if not projects or not confirm_drafts(self, drafts_of(projects)):
            return
        default = projects[0].name if len(projects) == 1 else self.path.stem
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出 PDF"),
            str(self.path.with_name(f"{default}.pdf")),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        if export_pdf(self, projects, path):
            self.statusBar().showMessage(
                self.tr("已导出 {0} 个项目到 {1}").format(len(projects), path), 8000
            )

    # -- dialogs ---------------------------------------------------------------------------------
    def show_settings(self) -> None:
        dialog = SettingsDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.changed():
            settings().setValue("language", dialog.language())
            self.languageChanged.emit(dialog.language())

    def show_guide(self) -> None:
        from desktop.ui.help_dialog import HelpDialog

        dialog = HelpDialog(self)
        dialog.setModal(False)
        dialog.show()
        self._guide = dialog  # keep it open beside the window

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于 {0}").format(APP_NAME),
            self.tr(
                "<h3>{0} {1}</h3>"
                "<p>填写、审核、打印和交换财政项目支出绩效目标申报表的离线程序。</p>"
                "<p>数据文件：{2}</p>"
            ).format(APP_NAME, __version__, self.path),
        )

    def disconnect_session(self) -> None:
        """This window no longer shows the session (closing, or rebuilt in another language)."""
        self._watch.stop()
        s = self.session
        for signal, slot in (
            (s.projectChanged, self._on_project_changed),
            (s.projectsAdded, self._on_added),
            (s.projectsRemoved, self._on_removed),
            (s.conflict, self._on_conflict),
            (s.heldChanged, self._on_held),
            (s.showProject, self.select_project),
            (s.undo_stack.indexChanged, self._update_actions),
            (s.projectChanged, self.editor._on_saved),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.flush()  # nothing is ever unsaved; this writes the last keystrokes
        if self.closing_for_good and not self.session.retry_held():
            answer = QMessageBox.question(
                self,
                APP_NAME,
                self.tr(
                    "“{0}”仍被其他程序占用，最近的修改还没有写入文件，关闭后会丢失。仍要关闭吗？"
                ).format(self.path.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self._save_state()
        super().closeEvent(event)


class ReportDialog(QDialog):
    """What an import did: counts, and every item of the report."""

    def __init__(self, parent: QWidget, source: str, result, summary):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入报告"))
        layout = QVBoxLayout(self)
        reviews = sum(p.review_count for p in result.projects)
        head = self.tr("从“{0}”读取 {1} 个项目，新增 {2} 个。").format(
            source, len(result.projects), summary.added
        )
        if summary.skipped_identical:
            head += self.tr("{0} 个已存在相同内容，未重复导入。").format(summary.skipped_identical)
        if reviews:
            head += self.tr("{0} 条指标需要人工复核（已用底色标出）。").format(reviews)
        layout.addWidget(QLabel(head))
        self.text = QPlainTextEdit(
            "\n".join(i.describe() for i in result.items) or self.tr("没有需要注意的问题。")
        )
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(760, 420)


class TrashDialog(QDialog):
    """Projects in the trash: restore (undoable) or delete for good."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("回收站"))
        self.model = ProjectTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            self.tr("恢复(&R)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.purge_button = buttons.addButton(
            self.tr("彻底删除(&D)"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore)
        self.purge_button.clicked.connect(self.purge)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("删除的项目保存在这里，可以恢复。")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 400)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.window_.session.repo.summaries(trash=True))
        writable = not self.window_.session.read_only
        self.restore_button.setEnabled(writable and self.model.rowCount() > 0)
        self.purge_button.setEnabled(writable and self.model.rowCount() > 0)

    def _selected(self) -> list[str]:
        return [self.model.summary(i.row()).id for i in self.table.selectionModel().selectedRows()]

    def restore(self) -> None:
        ids = self._selected()
        if ids:
            session = self.window_.session
            session.undo_stack.push(RestoreProjectsCommand(session, ids, self.tr("恢复项目")))
            self.reload()

    def purge(self) -> None:
        ids = self._selected()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("彻底删除"),
            self.tr("彻底删除 {0} 个项目？此操作不能撤销。").format(len(ids)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        repo = self.window_.session.repo
        for pid in ids:
            repo.purge(pid)
        self.window_.session.undo_stack.clear()  # commands may refer to them
        self.reload()


LANGUAGES = [("zh_CN", "简体中文"), ("en", "English")]


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.initial = settings().value("language", "zh_CN")
        self.combo = QComboBox()
        for code, name in LANGUAGES:
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(self.combo.findData(self.initial), 0))
        label = QLabel(self.tr("界面语言(&L)："))
        label.setBuddy(self.combo)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def language(self) -> str:
        return self.combo.currentData()

    def changed(self) -> bool:
        return self.language() != self.initial
