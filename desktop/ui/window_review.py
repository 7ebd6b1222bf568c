"""The main window's review loop: status in the list and the editor, the reviewer's opinions
(F9 on a field or an indicator row), 退回修改 / 审核通过 on the selected projects, the unit's
answers, 报送, 申请调整 of an approved form, 打印审核意见.

The records are written through the session (``store/review.py``), never as SQL; they are
append-only, so these steps are not on the undo stack (each one asks first, or is itself
the answer to a question)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
)

from desktop.domain import review as rv
from desktop.domain.model import Project
from desktop.store import StoreError
from desktop.ui.audit_text import error_text, finding_text
from desktop.ui.project_list import review_label
from desktop.ui.review_dialogs import (
    AnswerDialog,
    OpinionDialog,
    ReasonDialog,
    reason_words,
    state_words,
)

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session

RECEIVED = "received"


class ReviewActions(QObject):
    """The review loop in the window (the window's ``review``)."""

    def __init__(self, window: MainWindow, session: Session):
        super().__init__(window)  # the window owns it; ``window`` is its parent
        self.session = session

    @property
    def window(self) -> MainWindow:
        return self.parent()  # not held in Python: no reference cycle keeps a closed window

    @property
    def editor(self):
        return self.window.editor

    def statusBar(self):  # the window's
        return self.window.statusBar()

    # -- building ---------------------------------------------------------------------------
    def build(self) -> None:
        self._refusal: dict[str, str | None] = {}  # project id → why it may not be edited
        self.review_label = QLabel()
        self.review_label.setObjectName("reviewStatus")
        self.review_label.setContentsMargins(8, 0, 8, 0)
        self.editor.setCornerWidget(self.review_label, Qt.Corner.TopRightCorner)

        def action(text: str, shortcut, slot) -> QAction:
            act = QAction(text, self.window)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            self.window.addAction(act)  # its key works wherever the focus is
            return act

        self.act_add_opinion = action(self.tr("添加审核意见(&O)…"), "F9", self.add_opinion_here)
        self.act_return = action(self.tr("退回修改(&R)…"), None, self.return_selected)
        self.act_approve = action(self.tr("审核通过(&A)"), None, self.approve_selected)
        self.act_confirm = action(self.tr("确认意见已处理(&C)"), None, self.confirm_opinion)
        self.act_submit = action(self.tr("报送(&S)"), None, self.submit_selected)
        self.act_answer = action(self.tr("答复审核意见(&W)…"), "F9", self.answer_opinion)
        self.act_adjust = action(self.tr("申请调整(&J)…"), None, self.adjust_current)
        self.act_print_opinions = action(self.tr("打印审核意见(&P)…"), None, self.print_opinions)
        self.act_export_unit = action(self.tr("导出给报送单位(&E)…"), None, self.export_for_unit)
        menu = self.menu = QMenu(self.tr("审核流程(&V)"), self.window)
        bar = self.window.menuBar()
        if bar.actions():  # before 帮助, the last menu of the bar
            bar.insertMenu(bar.actions()[-1], menu)
        else:
            bar.addMenu(menu)
        menu.addActions([self.act_submit, self.act_answer, self.act_adjust])
        menu.addSeparator()
        menu.addActions([self.act_add_opinion, self.act_confirm, self.act_return, self.act_approve])
        menu.addAction(self.act_export_unit)
        menu.addSeparator()
        menu.addAction(self.act_print_opinions)
        self.session.reviewChanged.connect(self._on_review_changed)
        self.refresh_review()

    # -- state ----------------------------------------------------------------------------
    def _identity(self):
        try:
            return self.session.identity()
        except StoreError:
            from desktop.store.review import Identity

            return Identity()

    def refresh_review(self) -> None:
        """Statuses and open opinions into the list; the current project's status."""
        try:
            statuses, open_counts = self.session.review_overview()
        except StoreError:
            return
        self.window.model.set_review(statuses, open_counts)
        self._open = open_counts
        self._refusal.clear()
        self.show_status()
        self._update_review_actions()

    def _on_review_changed(self, _ids: list) -> None:
        self.refresh_review()
        self.window.refresh_audit()

    def _records(self, project_id: str) -> rv.Records:
        try:
            return self.session.review_records(project_id)
        except StoreError:
            return rv.Records()

    def open_projects(self) -> list[str]:
        """Projects with opinions still 未处理."""
        return [pid for pid, n in getattr(self, "_open", {}).items() if n]

    def show_status(self) -> None:
        """The current project's status in the editor's corner."""
        project = self.editor.project
        if project is None:
            self.review_label.setText("")
            return
        recs = self._records(project.id)
        status = rv.current_status(recs.events)
        last = rv.last_event(recs.events)
        text = self.tr("状态：{0}").format(review_label(status))
        if last is not None:
            text += self.tr("（{0} {1}）").format(last.at[:10], last.unit)
        n = sum(s.is_open for s in rv.opinion_states(recs, project.id))
        if n:
            text += self.tr(" · 未处理意见 %n 条", "", n)
        tip = ""
        if status == rv.ADJUSTING:  # the 调整 shows what changed since approval
            changes = self.changes_since_approval(project.id)
            if changes:
                text += self.tr(" · 审核通过以来修改 %n 处", "", len(changes))
                tip = self.tr("审核通过以来的修改：\n{0}").format("\n".join(changes))
            elif changes is None:
                tip = self.tr("这个文件中没有审核通过的版本，无法比较。")
        self.review_label.setText(text)
        self.review_label.setToolTip(tip)
        color = {rv.RETURNED: "#b91c1c", rv.APPROVED: "#15803d"}.get(status, "#1d4ed8")
        self.review_label.setStyleSheet(f"color: {color}; font-weight: bold;")

    def _update_review_actions(self) -> None:
        reviewer = self._identity().is_reviewer
        writable = not self.session.read_only
        for act in (
            self.act_add_opinion,
            self.act_return,
            self.act_approve,
            self.act_confirm,
            self.act_export_unit,
        ):
            act.setVisible(reviewer)
            act.setEnabled(writable)
        # F9 is the opinion at the focus: the reviewer adds one, the unit answers it.
        self.act_answer.setVisible(not reviewer)
        for act in (self.act_submit, self.act_answer, self.act_adjust):
            act.setEnabled(writable)

    def opinion_findings(self, project: Project) -> list:
        """The current project's open opinions, marked and listed like 审核 findings."""
        recs = self._records(project.id)
        return rv.opinion_findings(project, rv.opinion_states(recs, project.id))

    # -- approved means locked ------------------------------------------------------------
    def may_edit(self, project: Project) -> bool:
        """Asked by the editor before each edit: an approved form asks for 调整 with a
        reason first; a form a unit submitted to this reviewer is read-only here."""
        if project.id not in self._refusal:
            try:
                self._refusal[project.id] = self.session.edit_refusal(project.id)
            except StoreError:
                self._refusal[project.id] = None
        why = self._refusal[project.id]
        if why is None:
            return True
        if getattr(self, "_asking", False):  # the field lost focus to the question itself
            return False
        if why == RECEIVED:
            self.statusBar().showMessage(
                self.tr("这是报送来的项目，审核单位不能修改；按 F9 在当前位置添加审核意见。"),
                10000,
            )
            return False
        return self._ask_adjustment(project, before_edit=True)

    def _ask_adjustment(self, project: Project, *, before_edit: bool = False) -> bool:
        prompt = self.tr(
            "“{0}”已审核通过。审核通过的目标一般不再修改；确需修改的，请说明调整的原因。"
            "审核通过的版本保留在历史版本中，调整后需要重新报送。"
        ).format(project.name)
        dialog = ReasonDialog(self.window, self.tr("申请调整"), prompt)
        self._asking = True
        try:
            answered = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self._asking = False
        if not answered or not dialog.reason():
            if before_edit:
                self.statusBar().showMessage(self.tr("没有申请调整，修改未保存。"), 8000)
            return False
        try:
            self.session.move([project.id], rv.ADJUSTING, dialog.reason())
        except StoreError as exc:
            QMessageBox.warning(self.window, self.tr("申请调整"), error_text(exc))
            return False
        self.statusBar().showMessage(self.tr("已申请调整，可以修改了。"), 8000)
        return True

    def adjust_current(self) -> None:
        project = self.editor.project
        if project is None:
            return
        if self.session.edit_refusal(project.id) != rv.APPROVED:
            QMessageBox.information(
                self.window, self.tr("申请调整"), self.tr("只有审核通过的项目需要申请调整。")
            )
            return
        self._ask_adjustment(project)

    def changes_since_approval(self, project_id: str) -> list[str] | None:
        """What the 调整 changed since approval, one line a field, in the window's language."""
        from desktop.store.review import changes_since_approval

        try:
            changes = changes_since_approval(self.session.repo, project_id)
        except StoreError:
            return None
        return None if changes is None else [finding_text(c) for c in changes]

    # -- the reviewer ---------------------------------------------------------------------
    def _place_here(self) -> tuple[str | None, int | None, str]:
        """The field or indicator row the focus is on: (field key, indicator position,
        words for the dialog); both None for the project as a whole."""
        project = self.editor.project
        focus = QApplication.focusWidget()
        if project is None:
            return None, None, ""
        tree = self.editor.tree
        if focus is tree or (focus is not None and tree.isAncestorOf(focus)):
            node = self.editor.tree_model.node(tree.currentIndex())
            if node is not None and node.kind == "ind":
                indicator = self.editor.tree_model.indicator_at(node.path)
                for n, ind in enumerate(project.indicators):
                    if ind is indicator:
                        return None, n, finding_text(rv.indicator_place(project, n))
        keys = [*Project.FIELD_LABELS, *(f"funds.{k}" for k in self.editor.money)]
        for key in keys:
            widget = self.editor.field_widget(key)
            if (
                widget is not None
                and focus is not None
                and (focus is widget or widget.isAncestorOf(focus))
            ):
                return key, None, finding_text(rv.field_place(key))
        return None, None, self.tr("整个项目")

    def add_opinion_here(self) -> None:
        project = self.editor.project
        if project is None or not self._identity().is_reviewer:
            return
        field, indicator, place = self._place_here()
        dialog = OpinionDialog(self.window, place)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        code, text = dialog.chosen()
        try:
            self.session.add_opinion(project.id, code, text, field=field, indicator=indicator)
        except StoreError as exc:
            QMessageBox.warning(self.window, self.tr("添加审核意见"), error_text(exc))
            return
        self.statusBar().showMessage(
            self.tr("已添加意见：{0} {1}").format(code, reason_words(code)), 8000
        )

    def _move_selected(self, to: str, title: str, note: str = "") -> None:
        ids = self.window.nav.selected_ids()
        if not ids and self.editor.project is not None:
            ids = [self.editor.project.id]
        if not ids:
            return
        try:
            self.session.move(ids, to, note)
        except StoreError as exc:
            QMessageBox.warning(self.window, title, error_text(exc))
            return
        self.statusBar().showMessage(
            self.tr("{0}：%n 个项目", "", len(ids)).format(review_label(to)), 8000
        )

    def return_selected(self) -> None:
        dialog = ReasonDialog(
            self.window,
            self.tr("退回修改"),
            self.tr("退回选中的项目。已提出的未处理意见会随文件交回；也可以在这里写明退回的原因："),
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._move_selected(rv.RETURNED, self.tr("退回修改"), dialog.reason())

    def approve_selected(self) -> None:
        answer = QMessageBox.question(
            self.window,
            self.tr("审核通过"),
            self.tr("把选中的项目标为审核通过？审核通过的版本保留在历史版本中。"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._move_selected(rv.APPROVED, self.tr("审核通过"))

    def confirm_opinion(self) -> None:
        state = self._pick_opinion(lambda s: s.state in (rv.FIXED, rv.EXPLAINED, rv.OPEN))
        if state is None:
            return
        try:
            self.session.set_opinion_state(state.opinion, rv.CONFIRMED)
        except StoreError as exc:
            QMessageBox.warning(self.window, self.tr("确认意见"), error_text(exc))

    # -- the unit -----------------------------------------------------------------------
    def submit_selected(self) -> None:
        project = self.editor.project
        if project is not None and project.id in self.window.nav.selected_ids():
            recs = self._records(project.id)
            if rv.current_status(recs.events) == rv.ADJUSTING:
                changes = self.changes_since_approval(project.id) or []
                answer = QMessageBox.question(
                    self.window,
                    self.tr("报送调整"),
                    self.tr("“{0}”审核通过以来的修改：\n{1}\n\n报送这些调整？").format(
                        project.name, "\n".join(changes) or self.tr("（没有修改）")
                    ),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
        self._move_selected(rv.SUBMITTED, self.tr("报送"))
        if self._identity().unit:
            self.statusBar().showMessage(
                self.tr("已报送；请用“文件 › 导出到文件…”导出 .db 文件交给审核单位。"), 10000
            )

    def _pick_opinion(self, wanted) -> rv.OpinionState | None:
        """The opinion at the focused place, or one chosen from the project's."""
        project = self.editor.project
        if project is None:
            return None
        states = [s for s in rv.opinion_states(self._records(project.id), project.id) if wanted(s)]
        if not states:
            self.statusBar().showMessage(self.tr("当前项目没有需要处理的审核意见。"), 8000)
            return None
        field, indicator, _ = self._place_here()
        here = [
            s
            for s in states
            if (field is not None and s.opinion.target == field)
            or (
                indicator is not None
                and s.opinion.target == rv.indicator_key(project.indicators[indicator])
            )
        ]
        if len(here) == 1:
            return here[0]
        choices = here or states
        if len(choices) == 1:
            return choices[0]
        labels = [
            self.tr("{0} — {1} {2}：{3}（{4}）").format(
                finding_text(rv.opinion_place(s.opinion, project)),
                s.opinion.code,
                reason_words(s.opinion.code),
                s.opinion.text,
                state_words(s.state),
            )
            for s in choices
        ]
        label, ok = QInputDialog.getItem(
            self.window, self.tr("审核意见"), self.tr("选择一条意见："), labels, 0, False
        )
        return choices[labels.index(label)] if ok else None

    def answer_opinion(self) -> None:
        state = self._pick_opinion(lambda s: s.state != rv.CONFIRMED)
        if state is None:
            return
        place = finding_text(rv.opinion_place(state.opinion, self.editor.project))
        dialog = AnswerDialog(self.window, state, place)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        how, text = dialog.chosen()
        try:
            self.session.set_opinion_state(state.opinion, how, text)
        except StoreError as exc:
            QMessageBox.warning(self.window, self.tr("答复审核意见"), error_text(exc))

    # -- print ----------------------------------------------------------------------------
    def export_for_unit(self) -> None:
        """The file for one unit: the forms it submitted, with their status and opinions
        (never the other units' forms)."""
        from desktop.store import review as review_store
        from desktop.store.exchange import export_db, shared_bases
        from desktop.ui.paths import dialog_path, remember_dialog_path, safe_file_name

        repo = self.session.repo
        try:
            units = review_store.submitting_units(repo)
        except StoreError as exc:
            QMessageBox.warning(self.window, self.tr("导出给报送单位"), error_text(exc))
            return
        if not units:
            QMessageBox.information(
                self.window, self.tr("导出给报送单位"), self.tr("还没有单位报送过项目。")
            )
            return
        unit, ok = QInputDialog.getItem(
            self.window, self.tr("导出给报送单位"), self.tr("报送单位："), units, 0, False
        )
        if not ok:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("导出给报送单位"),
            dialog_path(f"{safe_file_name(unit)}-审核结果.db"),
            self.tr("数据文件 (*.db)"),
        )
        remember_dialog_path(path)
        if not path:
            return
        if not path.lower().endswith(".db"):
            path += ".db"
        self.editor.flush()
        try:
            projects = list(repo.all_projects(review_store.submitted_by(repo, unit)))
            export_db(
                projects,
                path,
                (),
                shared_bases(repo, projects),
                reviews=review_store.records(repo, [p.id for p in projects]),
                approved=review_store.approved_versions(repo, projects),
            )
        except (OSError, StoreError) as exc:
            QMessageBox.critical(self.window, self.tr("导出给报送单位"), error_text(exc))
            return
        self.statusBar().showMessage(
            self.tr("已导出“{0}”的 %n 个项目（含状态和审核意见）到 {1}", "", len(projects)).format(
                unit, path
            ),
            10000,
        )

    def print_opinions(self) -> None:
        project = self.editor.project
        if project is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("打印审核意见"),
            str(Path.home() / f"{project.name or 'project'}-审核意见.pdf"),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if not path:
            return
        from desktop.io.files import atomic_write
        from desktop.printing.opinions_pdf import render_opinions

        recs = self._records(project.id)
        states = rv.opinion_states(recs, project.id)
        status = rv.current_status(recs.events)
        try:
            atomic_write(
                path,
                lambda fh: render_opinions(project, states, fh, status=status, events=recs.events),
            )
        except OSError as exc:
            QMessageBox.warning(
                self.window, self.tr("打印审核意见"), error_text(exc.strerror or exc)
            )
            return
        self.statusBar().showMessage(self.tr("已保存到“{0}”").format(path), 8000)


__all__ = ["ReviewActions"]
