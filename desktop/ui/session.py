"""One open database in the UI: the repository, the undo stack, and change signals.

Every change goes through an undo command (``commands.py``) whose redo/undo call the
methods here, which write to SQLite at once and then tell the views what changed. This
module does not know the commands (they depend on it, not the other way round): an edit
held for a locked file comes with the function that builds its undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.domain import review as rv
from desktop.domain.model import Project
from desktop.store import ConflictError, Repository, quarantine
from desktop.store import review as review_store


class Session(QObject):
    #: a project's content changed (edit, undo, redo); carries the saved project
    projectChanged = Signal(object)
    #: projects appeared in the list (new, duplicated, restored, imported); ids
    projectsAdded = Signal(list)
    #: projects left the list (trashed, purged, creation undone); ids
    projectsRemoved = Signal(list)
    #: a write was refused because another program changed the project; message
    conflict = Signal(str)
    #: ask the window to show this project (undo/redo of a change to it)
    showProject = Signal(str)
    #: an edit waits because another program holds the file (True), or was written (False)
    heldChanged = Signal(bool)
    #: review records (status, opinions, answers) changed for these project ids ([]: any)
    reviewChanged = Signal(list)
    #: projects needing repair were moved out of the way (True) or put back (False): keys
    quarantineChanged = Signal(list, bool)

    RETRY_MS = 2000

    def __init__(self, repo: Repository, parent: QObject | None = None):
        super().__init__(parent)
        self.repo = repo
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(1000)
        self._known: dict[str, int] = {}  # revision of each project as we last wrote/read it
        self._stored: dict[str, Project] = {}  # and its content then
        # edits the locked file refused, each with the function building its undo step
        self._held: dict[str, tuple[Project, Callable[[Project], QUndoCommand]]] = {}
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(self.RETRY_MS)
        self._retry.timeout.connect(self.retry_held)

    # -- edits the file could not take yet (locked by another program) ---------------------
    @property
    def held(self) -> list[Project]:
        return [after for after, _ in self._held.values()]

    def hold(self, after: Project, command: Callable[[Project], QUndoCommand]) -> None:
        """Keep a refused edit (it stays on screen) and try to write it every few seconds.
        ``command(before)`` builds the undo step that writes it. A newer edit of the same
        project replaces it: it contains it."""
        was_held = bool(self._held)
        self._held[after.id] = (after, command)
        self._retry.start()
        if not was_held:
            self.heldChanged.emit(True)

    def retry_held(self) -> bool:
        """Try to write the held edits (each one undoable step); True if none waits now."""
        if not self._held:
            return True
        held, self._held = self._held, {}
        with self.repo.patience(0.05):  # a short try: the window must not freeze
            for after, command in held.values():
                self.undo_stack.push(command(self._stored.get(after.id, after)))
        if self._held:
            return False
        self._retry.stop()
        self.heldChanged.emit(False)
        return True

    @property
    def read_only(self) -> bool:
        return self.repo.read_only

    def close(self) -> None:
        self._retry.stop()
        self._held.clear()  # the clerk chose to close without them (see closeEvent)
        self.undo_stack.clear()
        self.repo.close()

    # -- used by commands -------------------------------------------------------------
    def put(self, content: Project) -> Project:
        """Write a project's content over whatever revision the file holds now.

        The undo stack is the authority for this session's edits; a change made by another
        program since our last write is detected and refused (``conflict``)."""
        current = self.repo.revision(content.id) if self.repo.exists(content.id) else 0
        expected = self._known.get(content.id, current)
        if current != expected:
            self._known[content.id] = current
            raise ConflictError(
                self.tr(
                    "项目“{0}”已被其他程序修改，为避免覆盖，本次修改未保存。已重新载入。"
                ).format(content.name)
            )
        saved = self.repo.save(content.with_changes(revision=current))
        self._known[saved.id] = saved.revision
        self._stored[saved.id] = saved
        self.projectChanged.emit(saved)
        return saved

    def add(self, projects: list[Project]) -> None:
        self.repo.add(projects)
        for p in projects:
            self._known[p.id] = p.revision
        self.projectsAdded.emit([p.id for p in projects])

    def remove_for_good(self, ids: list[str]) -> list[Project]:
        """Delete projects entirely (undo of a creation); returns what was removed."""
        removed = []
        for pid in ids:
            removed.append(self.repo.get(pid))
            self.repo.trash(pid)
            self.repo.purge(pid)
            self._known.pop(pid, None)
        self.projectsRemoved.emit(ids)
        return removed

    def trash(self, ids: list[str]) -> None:
        """All of ``ids`` to the trash, or none (a project that needs repair refuses)."""
        with self.repo.atomic():
            for pid in ids:
                self.repo.trash(pid)
            known = {pid: self.repo.revision(pid) for pid in ids}
        self._known.update(known)
        self.projectsRemoved.emit(ids)

    def restore(self, ids: list[str]) -> None:
        for pid in ids:
            self.repo.restore(pid)
            self._known[pid] = self.repo.revision(pid)
        self.projectsAdded.emit(ids)

    def quarantine(self, keys: list[str], support: Path | None = None) -> str:
        """Move projects that need repair out of the live tables (kept in the file, byte for
        byte; ``support``: a copy for support too), all or none; returns the move's id."""
        moved = quarantine.move_out(self.repo, keys, support)
        self.projectsRemoved.emit(list(keys))
        self.quarantineChanged.emit(list(keys), True)
        return moved.batch

    def put_back(self, batch: str) -> None:
        """Undo a ``quarantine``: the rows back as they were."""
        keys = quarantine.put_back_moved(self.repo, batch)
        listed = [k for k in keys if self.repo.exists(k) and not self.repo.is_trashed(k)]
        if listed:
            self.projectsAdded.emit(listed)
        self.quarantineChanged.emit(keys, False)

    def load(self, project_id: str) -> Project:
        project = self.repo.get(project_id)
        self._known[project_id] = project.revision
        self._stored[project_id] = project
        return project

    # -- the review loop (append-only records beside the forms; not undoable) --------------
    def identity(self) -> review_store.Identity:
        return review_store.identity(self.repo)

    def set_identity(self, identity: review_store.Identity) -> None:
        review_store.set_identity(self.repo, identity)
        self.reviewChanged.emit([])

    def review_overview(self) -> tuple[dict[str, str], dict[str, int]]:
        """Every project's status (absent: 编制中) and count of opinions still 未处理."""
        return review_store.statuses(self.repo), review_store.open_counts(self.repo)

    def review_records(self, project_id: str) -> rv.Records:
        return review_store.records(self.repo, [project_id])

    def move(self, ids: list[str], to: str, note: str = "") -> None:
        """报送 / 退回修改 / 审核通过 / 申请调整, all or none (``ReviewRefused``)."""
        review_store.move(self.repo, ids, to, note=note)
        self.reviewChanged.emit(list(ids))

    def add_opinion(self, project_id: str, code: int, text: str = "", **where) -> rv.Opinion:
        opinion = review_store.add_opinion(self.repo, project_id, code, text, **where)
        self.reviewChanged.emit([project_id])
        return opinion

    def set_opinion_state(self, opinion: rv.Opinion, state: str, answer: str = "") -> None:
        review_store.set_state(self.repo, opinion.id, state, answer)
        self.reviewChanged.emit([opinion.project_id])

    def edit_refusal(self, project_id: str) -> str | None:
        """Why this form may not be edited here now (None: it may): an approved form needs
        申请调整 first; a reviewer edits only the forms no unit has submitted to it."""
        status = rv.current_status(self.review_records(project_id).events)
        if status in rv.LOCKED:
            return rv.APPROVED
        if status != rv.DRAFT and self.identity().is_reviewer:
            return "received"
        return None

    def last_stored(self, project_id: str) -> Project | None:
        """The project as this session last read or wrote it (for when the file cannot be
        read, e.g. locked by another program)."""
        return self._stored.get(project_id)
