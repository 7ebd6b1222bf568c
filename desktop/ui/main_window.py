"""The main window: project list on the left, editor tabs on the right, menus, toolbar.

This file is the frame — layout, actions, menus, window state and the session's signals.
The rooms are composed from their own files, each a controller the window owns:
``window_list`` (the project list and moving between projects), ``window_projects``
(new/duplicate/delete/trash, next year, summary), ``window_files`` (databases, import/export,
merging, history), ``window_print`` (printing and PDF), ``window_review`` (the review loop),
``window_audit`` (the 审核 panel) and ``window_keys`` (the keyboard route)."""

from __future__ import annotations

import contextlib
import html
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.domain.model import Project
from desktop.store import LockedError, StoreError
from desktop.ui.audit_text import error_text
from desktop.ui.editor import ProjectEditor
from desktop.ui.keyboard_aids import ApplicationFilters
from desktop.ui.paths import app_name, settings
from desktop.ui.project_list import (
    ProjectFilterModel,
    ProjectTableModel,
)
from desktop.ui.screen import fit_to_screen, is_small
from desktop.ui.session import Session
from desktop.ui.widgets import LinkBanner
from desktop.ui.window_audit import AuditActions
from desktop.ui.window_files import FileActions, ReportDialog
from desktop.ui.window_keys import KeyboardRoute
from desktop.ui.window_list import ProjectNavigation
from desktop.ui.window_print import PrintActions
from desktop.ui.window_projects import ProjectActions, TrashDialog
from desktop.ui.window_review import ReviewActions

__all__ = ["MainWindow", "ReportDialog", "TrashDialog"]


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
        # The window's rooms, each with what it needs passed in.
        self.nav = ProjectNavigation(self, session)
        self.projects = ProjectActions(self, session)
        self.files = FileActions(self, session)
        self.printing = PrintActions(self, session)
        self.review = ReviewActions(self, session)
        self.keys = KeyboardRoute(self)
        self.checking = AuditActions(self, session)
        self.nav._build_left()
        nav = self.nav  # the list's widgets, as the window and its tests know them
        self.table, self.search, self.left = nav.table, nav.search, nav.left
        self.year_filter, self.status_filter, self.count_label = (
            nav.year_filter,
            nav.status_filter,
            nav.count_label,
        )
        self._build_right()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.editor.status.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.checking.build()
        self.project_menu.addSeparator()
        self.project_menu.addActions([self.act_summary, self.act_rollover])
        self.project_menu.addSeparator()
        self.project_menu.addActions([self.act_library, self.act_audit])
        self.review.build()
        self.editor.edit_guard = self.review.may_edit

        self._connect_session(session)

        self.nav.reload()
        self._restore_state()
        self._update_title()
        self._update_actions()
        self._show_first()

        # The window's Ctrl+letter shortcuts win over a text field's Emacs keys (on Linux a
        # line edit takes Ctrl+E as end of line, Ctrl+D as delete, Ctrl+H as backspace).
        ApplicationFilters.of(QApplication.instance()).add(self.keys)
        QApplication.instance().focusChanged.connect(self.keys.remember_focus)

    def _connect_session(self, session: Session) -> None:
        """The session's signals, the 审核 timer and the watch on the file."""
        session.projectChanged.connect(self._on_project_changed)
        session.projectsAdded.connect(self._on_added)
        session.projectsRemoved.connect(self._on_removed)
        for signal in (session.projectChanged, session.projectsAdded, session.projectsRemoved):
            signal.connect(self._show_saved)
        session.conflict.connect(self._on_conflict)
        session.heldChanged.connect(self._on_held)
        session.showProject.connect(self.nav.select_project)
        session.undo_stack.indexChanged.connect(self._update_actions)
        # Another program (a second window on the same file) may change it: look every so
        # often whether SQLite says the file changed, and show the change.
        self._audit_timer = QTimer(self, singleShot=True, interval=150)
        self._audit_timer.timeout.connect(self.refresh_audit)
        self._watch = QTimer(self)
        self._watch.setInterval(1500)
        self._watch.timeout.connect(self.files.check_outside_changes)
        self._watch.start()

    def _show_first(self) -> None:
        """At start: the first project, when none is current."""
        if self.nav.current_id() is None and self.proxy.rowCount():
            # The first project, ready to edit (one that cannot be read says why in place).
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    # -- the window's public face; its rooms do the work ---------------------------------
    def select_project(self, project_id: str) -> None:
        self.nav.select_project(project_id)

    def reload(self) -> None:
        self.nav.reload()

    def selected_ids(self) -> list[str]:
        return self.nav.selected_ids()

    def current_id(self) -> str | None:
        return self.nav.current_id()

    def new_project(self) -> None:
        self.projects.new_project()

    def import_file(self, path: str | None = None) -> None:
        self.files.import_file(path)

    def export_file(self) -> None:
        self.files.export_file()

    def merge_from(self, path: str) -> bool:
        return self.files.merge_from(path)

    def show_damaged(self, problem: str) -> None:
        """The file is damaged and opened read-only: say so, with 从备份恢复 at hand."""
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.links_by_keyboard()  # Tab from the list, Enter opens it
        self.banner.setText(
            html.escape(error_text(problem))
            + "<br>"
            + self.tr("为避免进一步损坏，文件以只读方式打开：可以查看、打印和导出，不能修改。")
            + ' <a href="restore">'
            + self.tr("从备份恢复…")
            + "</a>"
        )
        self.banner.show()

    def show_needing_repair(self, problems: dict[str, str]) -> None:
        """Projects whose stored rows cannot be read (wrong types, broken values): the rest
        of the file works; these are named, with 从备份恢复 and 移出损坏的项目 at hand. None
        (any more: moved out): the list and the banner say so no longer."""
        if not problems:
            if self.model.needing_repair():
                self.model.set_needing_repair({})
                self.nav._update_count()
                if self._repair_banner:
                    self.banner.hide()
                    self._repair_banner = False
                self._update_actions()
            return
        self.model.set_needing_repair(problems)
        self._update_actions()
        self.nav._update_count()  # their amounts leave the footer's total
        names = []
        for pid in list(problems)[:5]:
            row = self.model.row_of(pid)
            name = self.model.summary(row).name if row is not None else ""
            names.append(f"“{name or pid}”")
        listed = self.tr("、").join(names) + (self.tr("等") if len(problems) > 5 else "")
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.links_by_keyboard()  # Tab from the list, Enter opens it
        self.banner.setText(
            html.escape(
                self.tr(
                    "%n 个项目的数据有误，需要修复：{0}。其余项目可以正常使用。", "", len(problems)
                ).format(listed)
            )
            + ' <a href="restore">'
            + self.tr("从备份恢复…")
            + '</a> <a href="move-out">'
            + self.tr("移出损坏的项目…")
            + "</a>"
        )
        self._repair_banner = True
        self.banner.show()

    def _banner_link(self, link: str) -> None:
        if link == "move-out":
            self.projects.move_out_damaged()
        else:
            self.restoreRequested.emit()

    def show_hint(self, why: str) -> None:
        """The text of the pane without an editor: how to choose a project, or ``why`` the
        chosen one cannot be shown (said here, not in a box: the arrows keep browsing)."""
        if why:
            text = self.tr(
                "这个项目不能显示：{0}\n\n可以从备份恢复（上方横幅或“文件 → 恢复备份”）；"
                "没有备份时，可以把它移出列表（“项目 → 移出损坏的项目”，数据原样留在文件中）。"
                "其余项目可以正常使用。"
            )
            self.empty_hint.setText(text.format(why))
            self.empty_hint.setStyleSheet("color: #b91c1c;")
        else:
            self.empty_hint.setText(self.tr("在左侧选择一个项目，或按 Ctrl+N 新建项目。"))
            self.empty_hint.setStyleSheet("")

    # -- layout ---------------------------------------------------------------------------
    def _build_right(self) -> None:
        self.banner = LinkBanner(
            self.tr(
                "此文件以只读方式打开（文件或所在文件夹不可写），不能修改。"
                "如需修改，请用“文件 › 另存副本…”保存到可写的位置后打开副本。"
            )
        )
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3bf; border: 1px solid #e0c060; padding: 6px;")
        self.banner.setVisible(self.session.read_only)
        self._repair_banner = False  # the banner names projects needing repair
        self.banner.linkActivated.connect(self._banner_link)
        self.held_banner = QLabel()
        self.held_banner.setObjectName("heldBanner")
        self.held_banner.setWordWrap(True)
        self.held_banner.setStyleSheet(
            "background: #ffe3e3; border: 1px solid #e08080; padding: 6px;"
        )
        self.held_banner.hide()
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.show_hint("")
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.banner)
        box.addWidget(self.held_banner)
        box.addWidget(self.empty_hint, 1)  # the space, not the banners, when no editor shows
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
            self.tr("新建数据库(&N)…"), "Ctrl+Shift+N", self.keys.guarded(self.files.new_database)
        )
        self.act_open = self._action(
            self.tr("打开(&O)…"),
            QKeySequence.StandardKey.Open,
            self.keys.guarded(self.files.open_database),
            sp.SP_DialogOpenButton,
        )
        self.act_save_copy = self._action(
            self.tr("另存副本(&A)…"), "Ctrl+Shift+S", self.files.save_copy
        )
        self.act_import = self._action(
            self.tr("从文件导入(&I)…"),
            "Ctrl+I",
            self.keys.guarded(self.files.import_file),
            sp.SP_ArrowDown,
        )
        self.act_export = self._action(
            self.tr("导出到文件(&E)…"),
            "Ctrl+E",
            self.keys.guarded(self.files.export_file),
            sp.SP_ArrowUp,
        )
        self.act_restore_backup = self._action(
            self.tr("恢复备份(&B)…"), None, self.keys.guarded(self.restoreRequested.emit)
        )
        self.act_history = self._action(self.tr("历史版本(&H)…"), "Ctrl+H", self.files.show_history)
        self.act_library = self._action(
            self.tr("常用指标库(&L)…"), None, self.projects.edit_library
        )
        self.act_summary = self._action(
            self.tr("年度汇总(&S)…"), "Ctrl+T", self.projects.show_summary
        )
        self.act_rollover = self._action(
            self.tr("复制到下一年度(&Y)"), None, self.projects.next_year
        )
        self.act_print = self._action(
            self.tr("打印(&P)…"),
            QKeySequence.StandardKey.Print,
            self.keys.guarded(self.printing.print_forms),
        )
        self.act_export_pdf = self._action(
            self.tr("导出 PDF(&D)…"), "Ctrl+Shift+E", self.keys.guarded(self.printing.export_pdf)
        )
        self.act_check_paper = self._action(
            self.tr("核对纸质件(&K)…"), "F8", self.printing.check_paper
        )
        self.act_quit = self._action(self.tr("退出(&X)"), QKeySequence.StandardKey.Quit, self.close)
        self._build_edit_actions(sp)
        self._build_project_actions(sp)

    def _build_edit_actions(self, sp) -> None:
        """Undo, redo, find, settings."""
        self.act_undo = self.session.undo_stack.createUndoAction(self, self.tr("撤销(&U)"))
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_undo.setIcon(self.style().standardIcon(sp.SP_ArrowBack))
        self.act_redo = self.session.undo_stack.createRedoAction(self, self.tr("重做(&R)"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_redo.setIcon(self.style().standardIcon(sp.SP_ArrowForward))
        # Typing not yet saved is written first, so undo undoes what is on screen.
        self.act_undo.triggered.disconnect()
        self.act_undo.triggered.connect(self.projects.undo)
        self.act_redo.triggered.disconnect()
        self.act_redo.triggered.connect(self.projects.redo)
        self.act_find = self._action(
            self.tr("查找项目(&F)"), QKeySequence.StandardKey.Find, self.nav._focus_search
        )
        self.act_settings = self._action(self.tr("设置(&S)…"), None, self.show_settings)

    def _build_project_actions(self, sp) -> None:
        """Projects: new, duplicate, delete, trash, next/previous, save, indicators, help."""
        self.act_new_project = self._action(
            self.tr("新建项目(&N)"),
            QKeySequence.StandardKey.New,
            self.projects.new_project,
            sp.SP_FileIcon,
        )
        self.act_duplicate = self._action(
            self.tr("复制项目(&C)"),
            "Ctrl+D",
            self.projects.duplicate_projects,
            sp.SP_FileDialogNewFolder,
        )
        self.act_delete = self._action(
            self.tr("删除项目(&D)"), "Ctrl+Del", self.projects.delete_projects, sp.SP_TrashIcon
        )
        self.act_trash = self._action(self.tr("回收站(&T)…"), None, self.projects.show_trash)
        self.act_move_out = self._action(
            self.tr("移出损坏的项目(&M)…"), None, self.projects.move_out_damaged
        )
        # Keys no field uses (Alt+↓ opens a combo box's list, Ctrl+↑/↓ move indicators).
        self.act_next = self._action(
            self.tr("下一个项目(&X)"), "Ctrl+PgDown", lambda: self.nav._step(1)
        )
        self.act_prev = self._action(
            self.tr("上一个项目(&V)"), "Ctrl+PgUp", lambda: self.nav._step(-1)
        )
        self.act_save = self._action(
            self.tr("保存(&S)"), QKeySequence.StandardKey.Save, self.save_now
        )
        self.act_copy_indicators = self._action(
            self.tr("从其他项目复制指标(&I)…"), None, self.copy_indicators
        )
        self.act_confirm_flags = self._action(
            self.tr("确认需复核的字段(&F)…"), None, self.confirm_flags
        )
        self.keys.build_actions()
        # after a merge or restore: why the steps before it cannot be undone
        self.act_undo_note = QAction(self)
        self.act_undo_note.setEnabled(False)
        self.act_undo_note.setVisible(False)
        self.act_about = self._action(self.tr("关于(&A)"), None, self.show_about)
        self.act_guide = self._action(
            self.tr("使用说明(&G)"), QKeySequence.StandardKey.HelpContents, self.show_guide
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("文件(&F)"))
        m.addActions([self.act_new_db, self.act_open, self.act_save])
        self.recent_menu = m.addMenu(self.tr("最近打开(&R)"))
        self.recent_menu.aboutToShow.connect(self.files._fill_recent)
        m.addActions([self.act_save_copy, self.act_restore_backup])
        m.addSeparator()
        m.addActions([self.act_import, self.act_export])
        m.addSeparator()
        m.addActions([self.act_print, self.act_export_pdf, self.act_check_paper])
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("编辑(&E)"))
        m.addActions([self.act_undo, self.act_redo, self.act_undo_note])
        m.addSeparator()
        go = m.addMenu(self.tr("转到(&G)"))
        go.addActions([self.act_list, *self.act_tabs])
        go.addSeparator()
        go.addActions([self.act_next_pane, self.act_prev_pane])
        m.addSeparator()
        m.addAction(self.act_find)
        m.addSeparator()
        m.addAction(self.act_settings)
        m = self.project_menu = bar.addMenu(self.tr("项目(&P)"))
        m.addActions([self.act_new_project, self.act_duplicate, self.act_delete])
        m.addSeparator()
        m.addActions([self.act_prev, self.act_next])
        m.addSeparator()
        m.addAction(self.act_copy_indicators)
        m.addAction(self.act_confirm_flags)
        m.addActions([self.act_history, self.act_trash, self.act_move_out])
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

    def go_to_pane(self, pane: int) -> None:
        self.keys.go_to_pane(pane)

    def entries_ok(self, closing: bool = False) -> bool:
        return self.keys.entries_ok(closing)

    def refresh_audit(self) -> None:
        """Check the current project (or all) again and show the findings."""
        self.checking.refresh()

    def show_undo_note(self, text: str) -> None:
        """编辑 › (greyed): why the steps before a merge or restore cannot be undone."""
        self.act_undo_note.setText(text)
        self.act_undo_note.setVisible(bool(text))

    # -- state ----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = settings()
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, 1280, 800)
            if is_small(self):  # 1366×768: all of it, status bar included
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        else:  # first start: the editor gets the height, the 审核 panel a strip
            self.resizeDocks([self.audit_panel], [150], Qt.Orientation.Vertical)
        splitter = s.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _save_state(self) -> None:
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())

    def _update_title(self) -> None:
        title = f"{self.path.name} — {app_name()}"
        if self.session.read_only:
            title += self.tr(" [只读]")
        self.setWindowTitle(title)

    def _update_actions(self) -> None:
        writable = not self.session.read_only
        selected = bool(self.nav.selected_ids())
        self.act_new_project.setEnabled(writable)
        self.act_import.setEnabled(writable)
        self.act_duplicate.setEnabled(writable and selected)
        self.act_delete.setEnabled(writable and selected)
        self.act_copy_indicators.setEnabled(writable and self.editor.project is not None)
        self.act_confirm_flags.setEnabled(writable and self.editor.project is not None)
        self.act_undo.setEnabled(self.session.undo_stack.canUndo())
        self.act_redo.setEnabled(self.session.undo_stack.canRedo())
        self.act_move_out.setEnabled(bool(self.model.needing_repair()))

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
            self.nav._fill_years()
        self.nav._update_count()

    def _on_added(self, ids: list[str]) -> None:
        for pid in ids:
            self.model.upsert(self.session.repo.summary(pid))
        self.nav._fill_years()
        self.nav._update_count()
        if ids:
            self.nav.select_project(ids[0])

    def _on_removed(self, ids: list[str]) -> None:
        # the project shown, or the one whose row was current when it could not be shown
        # (a project needing repair, moved out of the way): either way its pane goes
        showing = self.editor.project.id if self.editor.project else self.current_id()
        with self.nav.rows_going():  # the current row moves onto rows about to go too
            for pid in ids:
                self.model.remove(pid)
        if showing in ids:
            self.nav._show(None)
            current = self.table.currentIndex()
            if current.isValid():
                self.nav._current_changed(current, QModelIndex())
        self.nav._fill_years()
        self.nav._update_count()

    def _show_saved(self, *_args) -> None:
        """已保存 with the time, after each write."""
        self.saved_label.setText(
            self.tr("已保存 {0}").format(QTime.currentTime().toString("HH:mm:ss"))
        )
        self.saved_label.setToolTip(self.tr("每次修改都立即写入文件，不需要另外保存"))

    def save_now(self) -> None:
        """Ctrl+S: every edit is already written; write the last keystrokes and say so."""
        self.editor.flush()
        if self.session.held:
            self.session.retry_held()
        if self.session.held:
            self.statusBar().showMessage(
                self.tr("文件正被其他程序占用，修改尚未写入；程序会自动重试。"), 8000
            )
            return
        self._show_saved()
        self.statusBar().showMessage(
            self.tr("所有修改都已保存（每次修改都立即写入文件，无需另外保存）。"), 8000
        )

    def copy_indicators(self) -> None:
        self.editor.indicators.copy_from_project()

    def confirm_flags(self) -> None:
        from desktop.ui.flag_review import confirm_flags

        confirm_flags(self)

    def _on_held(self, held: bool) -> None:
        """Another program holds the file: the edit stays on screen, marked as not yet
        written, and is written as soon as the file is free (no dialog every retry)."""
        if held:
            self.saved_label.setText(self.tr("未写入（文件被占用）"))
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
        QMessageBox.warning(self, app_name(), message)
        if self.editor.project is not None:
            try:
                self.nav._show(self.session.load(self.editor.project.id))
            except LockedError:  # cannot read it now either: show the last stored state
                pid = self.editor.project.id
                self.nav._show(self.session.last_stored(pid) or self.editor.project)
            except StoreError:
                self.nav._show(None)
        # Still locked: the list is read again after the next change.
        with contextlib.suppress(StoreError):
            self.nav.reload()

    # -- project actions ---------------------------------------------------------------------

    # -- dialogs ---------------------------------------------------------------------------------
    def show_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        identity = None if self.session.read_only else self.session.identity()
        dialog = SettingsDialog(self, identity)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.identity()
        if chosen is not None and chosen != identity:
            try:
                self.session.set_identity(chosen)
            except StoreError as exc:
                QMessageBox.warning(self, app_name(), error_text(exc))
        if dialog.changed():
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
            self.tr("关于 {0}").format(app_name()),
            self.tr(
                "<h3>{0} {1}</h3>"
                "<p>填写、审核、打印和交换财政项目支出绩效目标申报表的离线程序。</p>"
                "<p>数据文件：{2}</p>"
            ).format(app_name(), __version__, self.path),
        )

    def disconnect_session(self) -> None:
        """This window no longer shows the session (closing, or rebuilt in another language)."""
        self._watch.stop()
        self._audit_timer.stop()  # a 审核 rerun due would read a closed database
        s = self.session
        for signal, slot in (
            (s.projectChanged, self._on_project_changed),
            (s.projectsAdded, self._on_added),
            (s.projectsRemoved, self._on_removed),
            (s.conflict, self._on_conflict),
            (s.heldChanged, self._on_held),
            (s.showProject, self.nav.select_project),
            (s.undo_stack.indexChanged, self._update_actions),
            (s.projectChanged, self.editor._on_saved),
            (QApplication.instance().focusChanged, self.keys.remember_focus),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.flush()  # nothing is ever unsaved; this writes the last keystrokes
        if self.closing_for_good and not self.entries_ok(closing=True):
            event.ignore()
            return
        if self.closing_for_good and not self.session.retry_held():
            answer = QMessageBox.question(
                self,
                app_name(),
                self.tr(
                    "“{0}”仍被其他程序占用，最近的修改还没有写入文件，关闭后会丢失。仍要关闭吗？"
                ).format(self.path.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self._save_state()
        super().closeEvent(event)
