"""Undo commands: each change a clerk makes is one of these, written to SQLite at once.

Commands hold whole project snapshots (projects are immutable), so undo writes back the
"before" and redo the "after". Consecutive edits of one field merge into one step while the
field keeps focus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.domain.model import Project
from desktop.store import LockedError, StoreError
from desktop.ui.audit_text import error_text
from desktop.ui.session import Session

EDIT_ID = 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


class UndoText(str):
    """An undo step's text in the window's language that remembers its source (Chinese)
    and arguments, so that the steps already made are said again in the new language when
    the clerk switches (编辑 › 撤销 “修改项目名称” became “Undo 修改项目名称”)."""

    source: str
    args: tuple

    def __new__(cls, source: str, *args):
        self = super().__new__(cls, tr(source).format(*args))
        self.source = source
        self.args = args
        return self


def undo_text(source: str, *args) -> UndoText:
    """``undo_text(QT_TRANSLATE_NOOP("Commands", "修改{0}"), label)``: the step's text,
    translated now and again after a language switch (``retranslate``)."""
    return UndoText(source, *args)


def retranslate(stack) -> None:
    """Say every step of an undo stack in the language now installed."""
    for i in range(stack.count()):
        cmd = stack.command(i)
        text = getattr(cmd, "undo_text", None)
        if isinstance(text, UndoText):
            cmd.setText(UndoText(text.source, *text.args))


class _Command(QUndoCommand):
    def __init__(self, session: Session, text: str):
        super().__init__(text)
        self.session = session
        self.undo_text = text

    def _safely(self, action, on_locked=None) -> None:
        """Run a write; if the file refuses it, drop this command and say why — or, for a
        lock with ``on_locked``, hand the change over to be retried."""
        try:
            action()
        except StoreError as exc:
            self.setObsolete(True)
            if on_locked is not None and isinstance(exc, LockedError):
                on_locked()
            else:
                self.session.conflict.emit(error_text(exc))


class EditProjectCommand(_Command):
    """Replace a project's content (any field, the indicators, anything)."""

    def __init__(
        self,
        session: Session,
        before: Project,
        after: Project,
        text: str,
        merge_key: str | None = None,
    ):
        super().__init__(session, text)
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self.closed = merge_key is None
        self._first = True

    def id(self) -> int:
        return EDIT_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, EditProjectCommand)
            or self.closed
            or other.merge_key != self.merge_key
            or other.after.id != self.after.id
        ):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if not self._first:
            self.session.showProject.emit(self.after.id)
        first, self._first = self._first, False
        # A new edit the locked file refuses stays on screen and is written once it is free.
        hold = (lambda: self.session.hold(self.after, self._retry())) if first else None
        self._safely(lambda: self.session.put(self.after), on_locked=hold)

    def undo(self) -> None:
        self.session.showProject.emit(self.before.id)
        self._safely(lambda: self.session.put(self.before))

    def _retry(self):
        """How to build the undo step that writes this held edit once the file is free
        (this command is dropped, and deleted, when the file refuses it)."""
        session, after, text = self.session, self.after, self.undo_text
        return lambda before: EditProjectCommand(session, before, after, text)


class AddProjectsCommand(_Command):
    """New, duplicated or imported projects."""

    def __init__(self, session: Session, projects: list[Project], text: str):
        super().__init__(session, text)
        self.projects = projects

    def redo(self) -> None:
        self._safely(lambda: self.session.add(self.projects))

    def undo(self) -> None:
        def remove():
            # Redo brings back the state they had when the creation was undone.
            self.projects = self.session.remove_for_good([p.id for p in self.projects])

        self._safely(remove)


class TrashProjectsCommand(_Command):
    def __init__(self, session: Session, ids: list[str], text: str):
        super().__init__(session, text)
        self.ids = ids

    def redo(self) -> None:
        self._safely(lambda: self.session.trash(self.ids))

    def undo(self) -> None:
        self._safely(lambda: self.session.restore(self.ids))


class RestoreProjectsCommand(TrashProjectsCommand):
    def redo(self) -> None:
        self._safely(lambda: self.session.restore(self.ids))

    def undo(self) -> None:
        self._safely(lambda: self.session.trash(self.ids))


class QuarantineCommand(_Command):
    """Projects that need repair moved out of the way (``Session.quarantine``); undo puts
    their rows back as they were. The copy for support is written the first time only."""

    def __init__(self, session: Session, keys: list[str], support, text: str):
        super().__init__(session, text)
        self.keys = keys
        self.support = support
        self.batch: str | None = None

    def redo(self) -> None:
        def move():
            self.batch = self.session.quarantine(self.keys, self.support)
            self.support = None

        self._safely(move)

    def undo(self) -> None:
        if self.batch is not None:
            self._safely(lambda: self.session.put_back(self.batch))


def close_merging(session: Session) -> None:
    """The field lost focus: the next edit of it starts a new undo step."""
    stack = session.undo_stack
    index = stack.index() - 1
    if index >= 0:
        cmd = stack.command(index)
        if isinstance(cmd, EditProjectCommand):
            cmd.closed = True
