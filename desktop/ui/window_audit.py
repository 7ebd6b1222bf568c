"""The main window's 审核 room: the panel docked under the editor (F7), checking the current
project (or all) again after each change, and going to a finding's field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

from desktop.domain import audit
from desktop.store import StoreError
from desktop.ui.audit_panel import AuditPanel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session


class AuditActions(QObject):
    """The 审核 panel and its findings in the window (the window's ``checking``)."""

    def __init__(self, window: MainWindow, session: Session):
        super().__init__(window)  # the window owns it; ``window`` is its parent
        self.session = session

    @property
    def window(self) -> MainWindow:
        return self.parent()  # not held in Python: no reference cycle keeps a closed window

    def build(self) -> None:
        """The 审核 panel, docked under the editor, and its action (F7)."""
        w = self.window
        w.audit_panel = AuditPanel(w)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, w.audit_panel)
        w.audit_panel.activated.connect(self.go_to_finding)
        w.audit_panel.scopeChanged.connect(lambda _all: self.refresh())
        # F7 shows and hides the panel; the menu's check mark says which it is now, so the
        # first F7 (the panel is open at start) hiding it is what the menu shows
        w.act_audit = w.audit_panel.toggleViewAction()
        w.act_audit.setText(self.tr("显示审核面板(&K)"))
        w.act_audit.setShortcut(QKeySequence("F7"))
        w.act_audit.triggered.connect(w.keys.audit_toggled)

    def refresh(self) -> None:
        """Check the current project (or all) again and show the findings."""
        w = self.window
        project = w.editor.project
        review = w.review
        opinions = review.opinion_findings
        # 可能重复 needs the file's other projects: the store names the shared keys (of the
        # whole file when every project is shown, else of this project's key alone)
        repo = self.session.repo
        try:
            if w.audit_panel.show_all:
                duplicates = repo.duplicate_keys()
            else:
                keys = [audit.duplicate_key(project)] if project is not None else []
                duplicates = repo.shared_keys(keys)
        except StoreError:  # the file is busy: checked again after the next change
            duplicates = set()
        # A reviewer's open opinions first: an error still wins the row's mark.
        findings = (
            [*opinions(project), *audit.check(project, duplicates=duplicates)]
            if project is not None
            else []
        )
        w.editor.apply_findings(findings)
        review.show_status()
        if w.audit_panel.show_all:
            open_ids = set(review.open_projects())
            ids = [s.id for s in w.model._rows if s.audit_status or s.id in open_ids]
            results = []
            # a project whose rows cannot be read is left out (the list and the banner name
            # it as 需要修复), not a box that empties the panel
            for p in repo.all_projects(ids, skip_bad=[]):
                if project is not None and p.id == project.id:
                    p = project
                results.append((p, [*audit.check(p, duplicates=duplicates), *opinions(p)]))
            w.audit_panel.show_findings(results)
        else:
            if project is not None:  # the 审核 findings, then the 审核意见
                findings = [*audit.check(project, duplicates=duplicates), *opinions(project)]
            w.audit_panel.show_findings([(project, findings)] if project else [])

    def go_to_finding(self, project_id: str, finding) -> None:
        w = self.window
        if w.editor.project is None or w.editor.project.id != project_id:
            w.nav.select_project(project_id)
        w.editor.show_finding(finding.location)
