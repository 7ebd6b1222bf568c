"""The window's print room: printing and exporting the forms as PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QFileDialog,
)

from desktop.domain.model import Project
from desktop.store import StoreError
from desktop.ui.audit_text import error_text
from desktop.ui.paths import dialog_path, remember_dialog_path, safe_file_name

if TYPE_CHECKING:
    from desktop.printing import RenderResult
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session


class PrintActions(QObject):
    """The forms on paper and as PDF (the window's ``printing``)."""

    def __init__(self, window: MainWindow, session: Session):
        super().__init__(window)  # the window owns it; ``window`` is its parent
        self.session = session

    @property
    def window(self) -> MainWindow:
        return self.parent()  # not held in Python: no reference cycle keeps a closed window

    def _selected_projects(self) -> list[Project]:
        self.window.editor.flush()
        return [self.session.repo.get(pid) for pid in self.window.nav.selected_ids()]

    def print_forms(self) -> None:
        from desktop.store.paper import stored_hashes
        from desktop.ui.print_dialog import PrintDialog  # reportlab and QtPdf on demand

        repo = self.session.repo
        dialog = PrintDialog(
            self.window,
            self._selected_projects(),
            lambda: list(repo.all_projects()),
            self.record,
            stored_hashes(repo),
        )
        dialog.exec()

    def export_pdf(self) -> None:
        from desktop.ui.print_dialog import confirm_drafts, drafts_of, export_pdf

        projects = self._selected_projects() or list(self.session.repo.all_projects())
        if not projects or not confirm_drafts(self.window, drafts_of(projects)):
            return
        default = projects[0].name if len(projects) == 1 else self.window.path.stem
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("导出 PDF"),
            dialog_path(f"{safe_file_name(default)}.pdf"),  # a project name may hold / or \\
            self.tr("PDF 文件 (*.pdf)"),
        )
        remember_dialog_path(path)
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from desktop.store.paper import stored_hashes

        hashes = stored_hashes(self.session.repo)
        if export_pdf(self.window, projects, path, record=self.record, content_hash=hashes):
            self.window.statusBar().showMessage(
                self.tr("已导出 %n 个项目到 {0}", "", len(projects)).format(path), 8000
            )

    def record(self, projects: list[Project], result: RenderResult) -> str | None:
        """Keep each version printed with check codes (the store's record of prints), so a
        paper can be checked after the form changed; a problem is returned as a sentence."""
        repo = self.session.repo
        if repo.read_only or not result.forms:
            return None
        from desktop.store.paper import record_print

        try:
            with repo.atomic():
                for project, form in zip(projects, result.forms, strict=False):
                    record_print(repo, project, form.pages, form.printed_at, form.content_hash)
        except StoreError as exc:
            return self.tr("打印的版本未能记入数据文件（核对纸质件时将无法列出改动）：{0}").format(
                error_text(exc)
            )
        return None

    def check_paper(self) -> None:
        """文件 › 核对纸质件…: codes typed or scanned, one page after another."""
        from desktop.ui.paper_check import PaperCheckDialog

        self.window.editor.flush()  # what is on screen is what the paper is checked against
        PaperCheckDialog(self.window, self.session.repo).exec()
