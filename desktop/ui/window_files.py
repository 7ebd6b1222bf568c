"""The window's file room: databases, import and export, merging another machine's file,
history, and changes made by another program."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.merge_text import BEFORE_RESTORE
from desktop.store import StoreError
from desktop.ui.audit_text import error_text, finding_text
from desktop.ui.commands import AddProjectsCommand
from desktop.ui.paths import app_name, dialog_path, remember_dialog_path, settings
from desktop.ui.screen import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session


class FileActions(QObject):
    """Database files, import, export, merge and history (the window's ``files``)."""

    def __init__(self, window: MainWindow, session: Session):
        super().__init__(window)  # the window owns it; ``window`` is its parent
        self.session = session
        self._data_version = session.repo.data_version()  # see check_outside_changes

    @property
    def window(self) -> MainWindow:
        return self.parent()  # not held in Python: no reference cycle keeps a closed window

    def _db_filter(self) -> str:
        return self.tr("绩效目标申报数据 (*.db);;所有文件 (*)")

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("新建数据库"),
            dialog_path("新数据库.db"),
            self._db_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is refused
        )
        remember_dialog_path(path)
        if path:
            self.window.newRequested.emit(path)

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("打开数据库"), dialog_path(), self._db_filter()
        )
        remember_dialog_path(path)
        if path:
            self.window.openRequested.emit(path)

    def _fill_recent(self) -> None:
        self.window.recent_menu.clear()
        for path in settings().value("recent", []) or []:
            act = self.window.recent_menu.addAction(path)
            act.triggered.connect(lambda _c=False, p=path: self.window.openRequested.emit(p))
        if self.window.recent_menu.isEmpty():
            self.window.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    def save_copy(self) -> None:
        self.window.editor.flush()
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("另存副本"),
            dialog_path(self.window.path.stem + "-副本.db"),
            self._db_filter(),
        )
        remember_dialog_path(path)
        if not path:
            return
        if Path(path).resolve() == self.window.path.resolve():
            QMessageBox.warning(self.window, app_name(), self.tr("副本不能保存到正在使用的文件。"))
            return
        try:
            self.session.repo.copy_to(path)
        except (OSError, StoreError) as exc:
            QMessageBox.critical(
                self.window, app_name(), self.tr("无法保存副本：{0}").format(error_text(exc))
            )
            return
        self.window.statusBar().showMessage(self.tr("已保存副本：{0}").format(path), 8000)

    def import_file(self, path: str | None = None) -> None:
        # Loaded when first needed: the window opens faster without them.
        from desktop.io.files import IMPORT_FORMATS, load_file, plan_import
        from desktop.io.report import ImportFormatError

        if self.session.read_only:
            return
        self.window.editor.flush()
        # afterwards the keyboard is back where it was, on the same project
        current, focused = self.window.nav.current_id(), QApplication.focusWidget()
        if not path:
            patterns = " ".join(f"*{ext}" for ext in (*IMPORT_FORMATS, ".db"))
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("导入申报表"),
                dialog_path(),
                self.tr("申报表 ({0});;所有文件 (*)").format(patterns),
            )
            remember_dialog_path(path)
            if not path:
                return
        if path.lower().endswith(".db"):
            self.merge_from(path)
            return
        from desktop.store.merge import split_reimport

        try:
            result = load_file(path)
            # Our own export brought back (.xlsx, PDF, JSON): the projects this file knows
            # go through the merge preview by project id, their edits shown as changes.
            incoming, result.projects = split_reimport(
                self.session.repo, result.projects, Path(path).name
            )
        except (ImportFormatError, StoreError) as exc:
            QMessageBox.warning(
                self.window, app_name(), self.tr("无法导入：{0}").format(error_text(exc))
            )
            return
        if incoming is not None:
            self._merge_incoming(incoming, edited_outside=True)
            if not result.projects:
                return  # only known projects: the merge said what it did
        try:
            to_add, summary = plan_import(self.session.repo, result)
        except StoreError as exc:
            QMessageBox.warning(
                self.window, app_name(), self.tr("无法导入：{0}").format(error_text(exc))
            )
            return
        if to_add:
            from desktop.ui.import_preview import ImportPreviewDialog

            preview = ImportPreviewDialog(self.window, Path(path).name, result, to_add)
            if preview.exec() != QDialog.DialogCode.Accepted:
                self.window.statusBar().showMessage(self.tr("已取消导入，没有保存任何内容"), 8000)
                return
            text = self.tr("导入 %n 个项目", "", len(to_add))
            self.session.undo_stack.push(AddProjectsCommand(self.session, to_add, text))
        ReportDialog(self.window, Path(path).name, result, summary).exec()
        if current:
            self.window.nav.select_project(current)
        self._focus_again(focused, None, 0)

    def export_file(self) -> None:
        from desktop.io import json_format
        from desktop.io.files import atomic_write_text
        from desktop.store.exchange import export_db, shared_bases
        from desktop.ui.exchange_dialogs import ask_export_scope

        self.window.editor.flush()
        ids = self.window.nav.selected_ids()
        scope = ask_export_scope(self.window, len(ids), self.session.repo.count())
        if scope is None:
            return
        everything = scope == "all"
        title = (
            self.tr("导出全部项目") if everything else self.tr("导出选中的 %n 个项目", "", len(ids))
        )
        filters = {
            ".db": self.tr("数据文件，可在其他电脑上合并 (*.db)"),
            ".xlsx": self.tr("Excel 工作簿 (*.xlsx)"),
            ".json": self.tr("JSON 文件 (*.json)"),
        }
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            title,
            dialog_path(self.window.path.stem + "-导出.db"),
            ";;".join(filters.values()),
        )
        remember_dialog_path(path)
        if not path:
            return
        kind = Path(path).suffix.lower()
        if kind not in filters:
            kind = next((k for k, f in filters.items() if f == chosen), ".db")
            path += kind
        if (
            kind == ".db"
            and Path(path).exists()
            and Path(path).resolve() == self.window.path.resolve()
        ):
            QMessageBox.warning(
                self.window, app_name(), self.tr("不能导出到正在使用的数据文件本身。")
            )
            return
        try:
            repo = self.session.repo
            if kind == ".db":  # everything travels: the trash and the deletions too
                projects = (
                    list(repo.all_projects(trash=True))
                    if everything
                    else [repo.get(i) for i in ids]
                )
                from desktop.store.review import approved_versions, records

                export_db(
                    projects,
                    path,
                    repo.tombstones() if everything else [],
                    shared_bases(repo, projects),  # each form's last shared version (原来的)
                    # the review loop's status and opinions of these projects travel too
                    reviews=records(repo, [p.id for p in projects]),
                    approved=approved_versions(repo, projects),
                )
            else:
                projects = list(repo.all_projects()) if everything else [repo.get(i) for i in ids]
                if kind == ".xlsx":
                    from desktop.io.xlsx_format import export_xlsx

                    export_xlsx(projects, path)
                else:
                    atomic_write_text(path, json_format.dumps(projects))
        except (OSError, StoreError) as exc:
            QMessageBox.critical(
                self.window, app_name(), self.tr("无法导出：{0}").format(error_text(exc))
            )
            return
        self.window.statusBar().showMessage(
            self.tr("已导出 %n 个项目到 {0}", "", len(projects)).format(path), 8000
        )

    # -- exchange, history, outside changes --------------------------------------------------------
    def merge_from(self, path: str) -> bool:
        """Merge another machine's .db file after a preview; True if merged."""
        from desktop.store.exchange import read_untrusted

        try:
            incoming = read_untrusted(path)
        except StoreError as exc:
            QMessageBox.warning(
                self.window, app_name(), self.tr("无法导入：{0}").format(error_text(exc))
            )
            return False
        return self._merge_incoming(incoming)

    def _merge_incoming(self, incoming, *, edited_outside: bool = False) -> bool:
        """Preview and apply a merge (shown again if another program changed its projects
        while the preview was open); True if merged."""
        from desktop.ui.exchange_dialogs import run_merge

        repo = self.session.repo
        window = self.window
        focused = QApplication.focusWidget()  # where the clerk was: back there afterwards
        tree = window.editor.tree
        in_tree = focused is not None and (focused is tree or tree.isAncestorOf(focused))
        tree_at = window.editor.tree_model.node(tree.currentIndex()) if in_tree else None
        tree_column = max(tree.currentIndex().column(), 0)
        try:
            result = run_merge(window, repo, incoming, edited_outside=edited_outside)
        except StoreError as exc:
            QMessageBox.critical(
                self.window,
                app_name(),
                self.tr("合并失败，数据未改变：{0}").format(error_text(exc)),
            )
            return False
        if result is None:
            return False
        # Commands recorded before the merge may refer to replaced versions: they cannot be
        # undone; the edits made after it can, and 编辑 says why the earlier ones are gone.
        self.session.undo_stack.clear()
        window.show_undo_note(
            self.tr("合并之前的修改不能撤销（合并已写入文件；被替换的版本在“历史版本”中）")
        )
        self._data_version = repo.data_version()
        window._show_saved()  # written to the file, as after an import or an edit
        current = window.nav.current_id()
        window.nav.reload()
        if current:
            # shown afresh (merged content); an entry refused and not saved waits, red, for
            # the project to be shown again, as on any project switch — never dropped
            window.editor.set_project(None)
            window.nav.select_project(current)
            window.nav._current_changed(window.table.currentIndex(), QModelIndex())
        self._focus_again(focused, tree_at.path if tree_at is not None else None, tree_column)
        self.window.statusBar().showMessage(
            self.tr(
                "已合并：新增 {0} 个，替换 {1} 个，另存副本 {2} 个，移入回收站 {3} 个。"
                "被替换的版本可在“项目 › 历史版本”中恢复。"
            ).format(result.added, result.replaced, result.copies, result.deleted)
            + (
                self.tr("新的审核记录（状态、意见、答复）%n 条。", "", result.reviews)
                if result.reviews
                else ""
            ),
            15000,
        )
        return True

    def _focus_again(self, focused, tree_path, column: int) -> None:
        """After a merge or an import: the keyboard where it was — the same field, the same
        indicator row (by its place in the tree), or the list."""
        window = self.window
        if tree_path is not None and window.editor.project is not None:
            model = window.editor.tree_model
            path = tuple(tree_path)
            while path and not model.index_for_path(path, column).isValid():
                path = path[:-1]
            if path:
                window.editor.focus_field(window.editor.tree)
                window.editor.tree.setCurrentIndex(model.index_for_path(path, column))
                return
        if (
            focused is not None
            and shiboken6.isValid(focused)
            and focused.window() is window
            and focused.isVisible()
            and focused.isEnabled()
        ):
            focused.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            window.go_to_pane(1 if window.editor.project is not None else 0)

    def show_history(self) -> None:
        from desktop.ui.commands import EditProjectCommand
        from desktop.ui.version_dialogs import HistoryDialog

        current = self.window.editor.project
        if current is None:
            return
        self.window.editor.flush()
        current = self.window.editor.project
        dialog = HistoryDialog(self.window, self.session.repo.history(current.id))
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
        self.session.repo.add_history(current, BEFORE_RESTORE)  # stored in Chinese
        self.session.undo_stack.push(
            EditProjectCommand(self.session, current, restored, self.tr("恢复历史版本"))
        )
        self.window.editor._on_saved(self.session.load(current.id))

    def check_outside_changes(self) -> None:
        """Show changes another program (another window) committed to the same file."""
        try:
            version = self.session.repo.data_version()
        except Exception:  # the database is being closed
            return
        if version == self._data_version:
            return
        self._data_version = version
        self.window.editor.flush()
        self.window.nav.reload()
        project = self.window.editor.project
        if project is not None:
            try:
                stored = self.session.repo.revision(project.id)
            except StoreError:
                stored = None
            if stored is None:
                self.window.nav._show(None)
            elif stored != project.revision:
                self.window.editor.set_project(self.session.load(project.id))
        self.window.statusBar().showMessage(
            self.tr("另一个程序修改了这个文件，已显示最新内容。"), 8000
        )


class ReportDialog(QDialog):
    """What an import did: counts, and every item of the report."""

    def __init__(self, parent: QWidget, source: str, result, summary):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入报告"))
        layout = QVBoxLayout(self)
        from desktop.io.report import REVIEW

        # counted from the lines listed below (a project that went to the merge preview
        # is not among ``result.projects`` any more, but its lines are still listed)
        reviews = len(result.of(REVIEW))
        head = self.tr("从“{0}”读取 %n 个项目，", "", len(result.projects)).format(
            source
        ) + self.tr("新增 %n 个。", "", summary.added)
        if summary.skipped_identical:
            head += self.tr("%n 个已存在相同内容，未重复导入。", "", summary.skipped_identical)
        if reviews:
            head += self.tr(
                "%n 处需要人工复核（下面标为[需复核]的行；字段和指标已在项目中标出）。", "", reviews
            )
        if no_funds := result.projects_without_funds:
            head += self.tr("%n 个项目的资金全部为 0 或没有找到。", "", len(no_funds))
        label = QLabel(head)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.text = QPlainTextEdit(
            "\n".join(finding_text(i.describe()) for i in result.items)
            or self.tr("没有需要注意的问题。")
        )
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 420)
