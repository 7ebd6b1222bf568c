"""The window's project room: new, duplicate, delete, trash, next year, summary, library,
undo and redo."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
)

from desktop.domain.model import Project, new_id, now_timestamp, with_new_indicator_ids
from desktop.store import StoreError
from desktop.ui.commands import (
    AddProjectsCommand,
    QuarantineCommand,
    RestoreProjectsCommand,
    TrashProjectsCommand,
)
from desktop.ui.paths import app_name
from desktop.ui.project_list import (
    ProjectTableModel,
)
from desktop.ui.screen import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session


def budget_year(today: date) -> int:
    """The year a new form is for: budgets are drawn up the autumn before, so from
    September on it is next year (editable on the form)."""
    return today.year + 1 if today.month >= 9 else today.year


class ProjectActions(QObject):
    """新建/复制/删除 projects, undo, the trash, the summary, next year's forms
    (the window's ``projects``)."""

    def __init__(self, window: MainWindow, session: Session):
        super().__init__(window)  # the window owns it; ``window`` is its parent
        self.session = session

    @property
    def window(self) -> MainWindow:
        return self.parent()  # not held in Python: no reference cycle keeps a closed window

    def undo(self) -> None:
        self.window.editor.flush()
        self.session.undo_stack.undo()

    def redo(self) -> None:
        self.window.editor.flush()
        self.session.undo_stack.redo()

    def new_project(self) -> None:
        if self.session.read_only:
            return
        self.window.editor.flush()
        project = Project(year=budget_year(QDate.currentDate().toPython()))
        template = self.window.editor.project
        if template is not None:
            project = project.with_changes(
                department=template.department, implementing_unit=template.implementing_unit
            )
        project = project.with_changes(name=self.tr("新项目"), revision=1)
        self.session.undo_stack.push(
            AddProjectsCommand(self.session, [project], self.tr("新建项目"))
        )
        self.window.editor.setCurrentIndex(0)
        self.window.editor.name.setFocus()
        self.window.editor.name.selectAll()

    def duplicate_projects(self) -> None:
        ids = self.window.nav.selected_ids()
        if not ids or self.session.read_only:
            return
        self.window.editor.flush()
        stamp = now_timestamp()
        copies = [
            (original := self.session.repo.get(pid)).with_changes(
                id=new_id(),
                name=original.name + self.tr("（副本）"),
                created_at=stamp,
                updated_at=stamp,
                revision=1,
                indicators=with_new_indicator_ids(original.indicators),  # a new form
                field_versions=(),
            )
            for pid in ids
        ]
        text = self.tr("复制项目") if len(ids) == 1 else self.tr("复制 {0} 个项目").format(len(ids))
        self.session.undo_stack.push(AddProjectsCommand(self.session, copies, text))

    def delete_projects(self) -> None:
        ids = self.window.nav.selected_ids()
        if not ids or self.session.read_only:
            return
        self.window.editor.flush()
        text = self.tr("删除项目") if len(ids) == 1 else self.tr("删除 {0} 个项目").format(len(ids))
        command = TrashProjectsCommand(self.session, ids, text)
        self.session.undo_stack.push(command)
        if not shiboken6.isValid(command) or command.isObsolete():
            return  # refused (a box said why): nothing went to the trash
        self.window.statusBar().showMessage(
            self.tr("已移到回收站；可按 Ctrl+Z 撤销，或在“项目 › 回收站”中恢复。"), 8000
        )

    def move_out_damaged(self) -> None:
        """移出损坏的项目: the projects needing repair (the banner's) moved out of the live
        tables once the clerk confirms — their rows kept in the file as they were, and a
        copy beside it for support if wished; Ctrl+Z puts them back. The way out when no
        backup has them (none is taken of a file with bad rows)."""
        window = self.window
        keys = list(window.model.needing_repair())
        if not keys:
            return
        repo = self.session.repo
        if self.session.read_only:
            QMessageBox.warning(
                window,
                app_name(),
                self.tr("“{0}”以只读方式打开，不能移出损坏的项目。").format(repo.path.name),
            )
            return
        window.editor.flush()
        names = [f"“{self._name_of(key)}”" for key in keys[:10]]
        listed = self.tr("、").join(names) + (self.tr("等") if len(keys) > 10 else "")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        support = repo.path.with_name(
            self.tr("{0}-移出的项目-{1}.db").format(repo.path.stem, stamp)
        )
        box = QMessageBox(window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("移出损坏的项目"))
        box.setText(self.tr("把 %n 个数据有误的项目移出列表：{0}？", "", len(keys)).format(listed))
        box.setInformativeText(
            self.tr(
                "不会删除任何数据：这些项目的全部数据（项目、指标、历史版本、审核记录）"
                "原样保存在本文件中单独的一处，不再出现在列表、导出和合并中，"
                "此后每日备份可以照常进行。\n\n可以用“编辑 › 撤销”（Ctrl+Z）放回。"
                "另存的副本在数据文件旁：{0}"
            ).format(support.name)
        )
        check = QCheckBox(self.tr("同时另存一份副本，交给技术支持(&S)"))
        check.setChecked(True)
        box.setCheckBox(check)
        move = box.addButton(self.tr("移出(&M)"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(move)
        box.exec()
        if box.clickedButton() is not move:
            return
        copy = support if check.isChecked() else None
        text = self.tr("移出 %n 个损坏的项目", "", len(keys))
        command = QuarantineCommand(self.session, keys, copy, text)
        self.session.undo_stack.push(command)
        if not shiboken6.isValid(command) or command.isObsolete():
            return  # refused (a box said why): nothing was moved
        said = self.tr("已移出 %n 个项目，数据原样保存在文件中；可按 Ctrl+Z 放回。", "", len(keys))
        if copy is not None:
            said += self.tr("副本：{0}").format(copy.name)
        window.statusBar().showMessage(said, 30000)

    def _name_of(self, key: str) -> str:
        try:
            return self.session.repo.summary(key).name or key
        except StoreError:
            return key

    def show_trash(self) -> None:
        TrashDialog(self.window).exec()

    def show_summary(self) -> None:
        from desktop.ui.summary_dialog import SummaryDialog

        self.window.editor.flush()
        year = self.window.year_filter.currentData() or (
            self.window.editor.project.year if self.window.editor.project else None
        )
        SummaryDialog(self.window, self.session.repo, year).exec()

    def next_year(self) -> None:
        from desktop.domain.model import next_year_copy

        ids = self.window.nav.selected_ids()
        if not ids or self.session.read_only:
            return
        self.window.editor.flush()
        copies = [next_year_copy(self.session.repo.get(pid)) for pid in ids]
        text = self.tr("复制 %n 个项目到下一年度", "", len(copies))
        self.session.undo_stack.push(AddProjectsCommand(self.session, copies, text))
        self.window.statusBar().showMessage(
            self.tr("已复制到下一年度；指标已标为待核对，请逐条核对本年度的指标值。"), 10000
        )

    def edit_library(self) -> None:
        from desktop.ui.library_dialog import LibraryDialog

        LibraryDialog(self.window, self.session.repo).exec()


class TrashDialog(QDialog):
    """Projects in the trash: restore (undoable) or delete for good."""

    def __init__(self, window):  # the MainWindow
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
        fit_to_screen(self, 720, 400)
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
            self.tr("彻底删除 %n 个项目？此操作不能撤销。", "", len(ids)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        repo = self.window_.session.repo
        for pid in ids:
            repo.purge(pid)
        self.window_.session.undo_stack.clear()  # commands may refer to them
        self.reload()
