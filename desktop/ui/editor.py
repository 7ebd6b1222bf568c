"""The editor on the right: 基本信息, 项目资金, 绩效目标, 绩效指标.

Widgets show the project; each confirmed change becomes one undo command that writes the
whole project at once. Typing is saved after a short pause (and when the field is left), so
nothing that was on screen a moment earlier can be lost; consecutive typing in one field is
one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import GOAL_HEADER_DEFAULT, Project, goal_header_choices
from desktop.domain.taxonomy import taxonomy
from desktop.ui.audit_text import finding_text
from desktop.ui.commands import EditProjectCommand, close_merging, undo_text
from desktop.ui.editor_keys import FirstFocus, FocusOut, KeyFlow
from desktop.ui.funds_page import FundsPage
from desktop.ui.indicator_page import PARTS, IndicatorPage, suggestions
from desktop.ui.session import Session
from desktop.ui.widgets import (
    DateField,
    InlineMessage,
    MoneyEdit,
    YearEdit,
)

SAVE_DELAY_MS = 400
AUDIT_STYLE = "border: 1px solid #d97706; background: #fff7e6;"


class ProjectEditor(QTabWidget):
    #: a short note for the window's status bar
    status = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.project: Project | None = None
        self._refused: dict[tuple[str, str], str] = {}  # (project id, field) → refused text
        self._filling = False
        self._pending: dict[str, Callable[[], None]] = {}
        # Asked before each edit is written (the review loop: an approved form asks for
        # 调整 first, a received form is read-only for its reviewer); False refuses it.
        self.edit_guard: Callable[[Project], bool] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(lambda: self.flush(entries=False))

        self.basic = QWidget()
        self.goals = QWidget()
        self.indicators = IndicatorPage(session, self)
        self._build_basic()
        self.funds = FundsPage(session, self)
        self.money = self.funds.money
        self._build_goals()
        self.addTab(self.basic, self.tr("基本信息"))
        self.addTab(self.funds, self.tr("项目资金"))
        self.addTab(self.goals, self.tr("绩效目标"))
        self.addTab(self.indicators, self.tr("绩效指标"))
        self.currentChanged.connect(
            lambda _i: self.currentWidget() is self.indicators and self.indicators.build()
        )
        session.projectChanged.connect(self._on_saved)
        # The four combos' suggestion lists (values used in the file) are read when one of
        # them is first entered, not for the first project shown: at 50,000 projects the
        # read takes ≈ 0.2 s of the start.
        self._suggested = False
        FirstFocus(self._text_combos(), self._read_suggestions)  # (owned by the first combo)
        self._flow = KeyFlow(self)
        for widget in self.form_chain()[:-1]:  # (the tree has its own keys)
            self._flow.watch(widget)
        self.set_project(None)

    def __getattr__(self, name: str):
        # the indicator page's parts (tree, tree_model, act_add…), as the window and the
        # keyboard flow know them; asking for one builds the page
        if name in PARTS:
            return getattr(self.indicators, name)
        raise AttributeError(name)

    # -- keyboard flow ---------------------------------------------------------------------
    def form_chain(self) -> list[QWidget]:
        """Every field in form order, the four tabs one after the other."""
        return [
            self.name,
            self.year,
            self.nature,
            self.category,
            self.department,
            self.unit,
            self.start,
            self.end,
            *(self.money[key] for key, _row, _side in FundsPage.FUND_ROWS),
            self.goal_edits["goal_overall"],
            self.goal_edits["goal_annual"],
            self.tree if self.indicators.built else self.indicators,  # (built when entered)
        ]

    def chain_field(self, widget: QObject) -> QWidget | None:
        for field in self.form_chain():
            if widget is field or (isinstance(widget, QWidget) and field.isAncestorOf(widget)):
                return field
        return None

    def _page_of(self, widget: QWidget) -> QWidget:
        return next(
            p
            for p in (self.basic, self.funds, self.goals, self.indicators)
            if p.isAncestorOf(widget)
        )

    def step_from(self, field: QWidget, step: int) -> bool:
        """Confirm ``field`` and go to the next (+1) or previous (-1) field; a refused entry
        keeps the focus. Returns True (the key is used)."""
        if isinstance(field, (MoneyEdit, DateField, YearEdit)):
            field._finish()
            if field.has_error():
                return True
        self._finished()  # written now, whether or not the window is active
        chain = self.form_chain()
        target = chain[max(0, min(len(chain) - 1, chain.index(field) + step))]
        if target is field:
            return True
        self.focus_field(target, step > 0)
        return True

    def focus_field(self, target: QWidget, forward: bool = True) -> None:
        if target is self.indicators:  # the tree, not built yet
            target = self.tree
        page = self._page_of(target)
        if self.currentWidget() is not page:
            self.setCurrentWidget(page)
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        if self.indicators.built and target is self.tree:
            if not self.tree.currentIndex().isValid():
                first = self.tree_model.first_indicator_index()
                self.tree.setCurrentIndex(first)
        elif isinstance(target, QPlainTextEdit):
            target.moveCursor(target.textCursor().MoveOperation.End)
        elif isinstance(target, DateField):
            target.line.selectAll()
        elif isinstance(target, QLineEdit):
            target.selectAll()
        elif isinstance(target, QComboBox):
            target.lineEdit().selectAll()

    # -- the edit path ---------------------------------------------------------------------
    def _edit(self, after: Project, text: str, merge_key: str | None = None) -> None:
        if self.project is None or self._filling or self.session.read_only:
            return
        if after == self.project:
            return
        if self.edit_guard is not None and not self.edit_guard(self.project):
            self._pending.clear()
            self._fill()  # the fields show again what is stored
            return
        before = self.project
        self.project = after
        self.session.undo_stack.push(
            EditProjectCommand(self.session, before, after, text, merge_key)
        )

    def _later(self, key: str, commit: Callable[[], None]) -> None:
        """Save this field after a short pause in typing."""
        if self._filling:
            return
        self._pending[key] = commit
        self._timer.start()

    def flush(self, entries: bool = True) -> None:
        """Write every pending field now (before switching project, undo, closing, a menu
        command): the text fields typed into, and (``entries``) an amount, date or year
        typed but not yet confirmed — read as if Enter was pressed: saved, or refused and
        left red. The pause after typing writes the text fields only: an amount being
        typed is read when it is left, as a whole."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for commit in pending.values():
            commit()
        if entries and self.project is not None and not self._filling:
            for field in self._refusing_fields().values():
                if not field.has_error():
                    field._finish()

    def refused_entries(self) -> list[tuple[str, str]]:
        """(project name, text) of every entry refused and not saved: in the fields shown
        and kept for other projects."""
        out = [
            (self.project.name, text)
            for field in self._refusing_fields().values()
            if self.project is not None and (text := field.refused_text()) is not None
        ]
        names = {}
        for (pid, _key), text in self._refused.items():
            if pid not in names:
                try:
                    names[pid] = self.session.repo.get(pid).name
                except Exception:
                    names[pid] = pid
            out.append((names[pid], text))
        return out

    def _finished(self) -> None:
        try:
            self.flush(entries=False)
            close_merging(self.session)
        except RuntimeError:  # focus left a field while the window was being torn down
            pass

    def _on_saved(self, saved: Project) -> None:
        if self.project is None or saved.id != self.project.id:
            return
        same = saved.content() == self.project.content()
        self.project = saved
        if not same:  # undo, redo, or a reload after a conflict
            self._pending.clear()
            self._fill()

    def _refusing_fields(self) -> dict[str, MoneyEdit | DateField | YearEdit]:
        return {
            "year": self.year,
            "start_date": self.start,
            "end_date": self.end,
            **{f"funds.{k}": e for k, e in self.money.items()},
        }

    def set_project(self, project: Project | None) -> None:
        self.flush()
        old = self.project
        if old is not None and (project is None or project.id != old.id):
            # A refused entry is never dropped silently: it waits, red, for the clerk's
            # return to this project, and the status bar says so.
            for key, field in self._refusing_fields().items():
                text = field.refused_text()
                if text is not None:
                    self._refused[(old.id, key)] = text
                    self.status.emit(
                        self.tr("“{0}”中有未保存的输入“{1}”（无效），回到该项目时仍在原处").format(
                            old.name, text
                        )
                    )
        self.project = project
        self.setEnabled(project is not None)
        self._fill()
        if project is not None:
            for key, field in self._refusing_fields().items():
                text = self._refused.pop((project.id, key), None)
                if text is not None:
                    field.keep_refused(text)

    def _fill(self) -> None:
        self._filling = True
        try:
            self._fill_basic()
            self.funds.fill()
            self._fill_goals()
            self.indicators.fill()
        finally:
            self._filling = False

    # -- 基本信息 ----------------------------------------------------------------------------
    def _build_basic(self) -> None:
        form = QFormLayout(self.basic)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("必填，如：法律援助费"))
        self.name_message = InlineMessage()
        self.year = YearEdit()
        self.year.setRange(2000, 2100)
        tax = taxonomy()
        self.nature = self._combo(tax.natures)
        self.category = self._combo(tax.categories)
        self.department = self._combo(())
        self.unit = self._combo(())
        self.start = DateField()
        self.start.setObjectName("startDate")
        self.end = DateField()
        self.end.setObjectName("endDate")

        form.addRow(self.tr("项目名称(&N)"), self.name)
        form.addRow("", self.name_message)
        form.addRow(self.tr("年度(&Y)"), self.year)
        form.addRow("", self.year.message)
        form.addRow(self.tr("项目性质(&X)"), self.nature)
        form.addRow(self.tr("项目类别(&L)"), self.category)
        form.addRow(self.tr("主管部门(&D)"), self.department)
        form.addRow(self.tr("实施单位(&U)"), self.unit)
        form.addRow(self.tr("计划开始日期(&S)"), self.start)
        form.addRow(self.tr("计划完成日期(&W)"), self.end)

        self.name.textEdited.connect(lambda: self._later("name", self._commit_name))
        self.name.editingFinished.connect(self._finished)
        self.year.valueChanged.connect(self._commit_year)
        for key, combo in (
            ("nature", self.nature),
            ("category", self.category),
            ("department", self.department),
            ("implementing_unit", self.unit),
        ):
            combo.currentTextChanged.connect(
                lambda _t, k=key, c=combo: self._later(k, lambda: self._commit_text(k, c))
            )
            combo.lineEdit().editingFinished.connect(self._finished)
        self.start.changed.connect(lambda: self._commit_dates(self.start))
        self.end.changed.connect(lambda: self._commit_dates(self.end))

    def _combo(self, items) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(list(items))
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        return combo

    def _text_combos(self) -> list[QComboBox]:
        return [self.nature, self.category, self.department, self.unit]

    def _fill_basic(self) -> None:
        p = self.project or Project(year=QDate.currentDate().year())
        self.name.setText(p.name)
        self.name_message.show_message("")
        self.year.setValue(p.year)
        values = (p.nature, p.category, p.department, p.implementing_unit)
        self._fill_combos(values)
        for edit, value in ((self.start, p.start_date), (self.end, p.end_date)):
            edit.set_date(value, p.date_style)
            edit.default_year = p.year

    def _fill_combos(self, values) -> None:
        """The four text combos: the official choices, the values used in the file (once
        read) and ``values`` as their texts."""
        repo = self.session.repo
        tax = taxonomy()
        for combo, column, official, value in zip(
            self._text_combos(),
            ("nature", "category", "department", "implementing_unit"),
            (tax.natures, tax.categories, (), ()),
            values,
            strict=True,
        ):
            # No project shown, or none of the combos entered yet: none read.
            read = self.project is not None and self._suggested
            values_used = suggestions(repo.distinct_values, column) if read else []
            used = [v for v in values_used if v not in official]
            combo.clear()
            combo.addItems([*official, *used])
            combo.setCurrentIndex(-1)
            combo.setEditText(value)

    def _read_suggestions(self) -> None:
        """One of the combos is entered for the first time: its lists get the values used."""
        self._suggested = True
        filling, self._filling = self._filling, True
        try:
            self._fill_combos([c.currentText() for c in self._text_combos()])
        finally:
            self._filling = filling

    def _commit_name(self) -> None:
        if self.project is None:
            return
        name = self.name.text().strip()
        if not name:
            self.name_message.show_message(self.tr("项目名称不能为空；已保存的名称保持不变。"))
            return
        self.name_message.show_message("")
        self._edit(
            self.project.with_changes(name=name),
            undo_text(QT_TRANSLATE_NOOP("Commands", "修改项目名称")),
            "name",
        )

    def _commit_year(self, year: int) -> None:
        if self.project is None or self._filling:
            return
        pairs = [(i.level1, i.level2) for i in self.project.indicators]
        profile = taxonomy().best_profile(year, pairs).id
        self._edit(
            self.project.with_changes(year=year, profile=profile),
            undo_text(QT_TRANSLATE_NOOP("Commands", "修改年度")),
            "year",
        )
        self.indicators.fill()

    def _commit_text(self, key: str, combo: QComboBox) -> None:
        if self.project is None:
            return
        labels = {
            "nature": QT_TRANSLATE_NOOP("Commands", "修改项目性质"),
            "category": QT_TRANSLATE_NOOP("Commands", "修改项目类别"),
            "department": QT_TRANSLATE_NOOP("Commands", "修改主管部门"),
            "implementing_unit": QT_TRANSLATE_NOOP("Commands", "修改实施单位"),
        }
        value = combo.currentText().strip()
        self._edit(self.project.with_changes(**{key: value}), undo_text(labels[key]), key)

    def _commit_dates(self, field: DateField) -> None:
        if self.project is None or self._filling:
            return
        start, end = self.start.date(), self.end.date()
        if start and end and end < start:
            stored = self.project.start_date if field is self.start else self.project.end_date
            field.refuse(
                self.tr("计划完成日期不能早于计划开始日期；未保存"),
                stored,
                self.project.date_style,
            )
            return
        # the form keeps the clerk's way of writing dates (typed 2024/1/1 prints 2024/1/1)
        style = field.date_style()
        self._edit(
            self.project.with_changes(start_date=start, end_date=end, date_style=style),
            undo_text(QT_TRANSLATE_NOOP("Commands", "修改计划日期")),
            "dates",
        )
        other = self.end if field is self.start else self.start
        if other.date_style() != style and not other.has_error():
            other.set_date(other.date(), style)

    # -- 绩效目标 ----------------------------------------------------------------------------
    def _build_goals(self) -> None:
        layout = QVBoxLayout(self.goals)
        self.goal_edits: dict[str, QPlainTextEdit] = {}
        self.goal_counts: dict[str, QLabel] = {}
        for key, title in (
            ("goal_overall", self.tr("项目总目标(&O)")),
            ("goal_annual", self.tr("年度总体目标(&A)")),
        ):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setToolTip(self.tr("Enter 到下一栏，Ctrl+Enter 换行"))
            label = QLabel(title)
            label.setBuddy(edit)
            count = QLabel()
            head = QHBoxLayout()
            head.addWidget(label)
            if key == "goal_overall":
                # the column's header as the form writes it (printed as chosen)
                self.goal_header = QComboBox()
                self.goal_header.setObjectName("goal_header")
                self.goal_header.setToolTip(
                    self.tr("打印时这一栏的表头：按原表的写法（项目总目标 / 项目总体目标）")
                )
                self.goal_header.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                self.goal_header.activated.connect(self._commit_goal_header)
                head.addWidget(QLabel(self.tr("表头：")))
                head.addWidget(self.goal_header)
            head.addStretch(1)
            head.addWidget(count)
            layout.addLayout(head)
            layout.addWidget(edit, 1)
            edit.textChanged.connect(lambda k=key: self._goal_changed(k))
            FocusOut(edit, self._finished)
            self.goal_edits[key] = edit
            self.goal_counts[key] = count

    def _goal_changed(self, key: str) -> None:
        text = self.goal_edits[key].toPlainText()
        self.goal_counts[key].setText(self.tr("{0} 字").format(len(text)))
        self._later(key, lambda: self._commit_goal(key))

    def _commit_goal(self, key: str) -> None:
        if self.project is None:
            return
        labels = {
            "goal_overall": QT_TRANSLATE_NOOP("Commands", "修改项目总目标"),
            "goal_annual": QT_TRANSLATE_NOOP("Commands", "修改年度总体目标"),
        }
        text = self.goal_edits[key].toPlainText()
        self._edit(self.project.with_changes(**{key: text}), undo_text(labels[key]), key)

    def _commit_goal_header(self, index: int) -> None:
        if self.project is None or index < 0:
            return
        text = self.goal_header.itemText(index)
        value = "" if text == GOAL_HEADER_DEFAULT else text
        self._edit(self.project.with_changes(goal_header=value), self.tr("修改目标表头"))

    def _fill_goals(self) -> None:
        p = self.project
        self.goal_header.clear()
        if p is not None:
            choices = goal_header_choices(p)
            self.goal_header.addItems(choices)
            self.goal_header.setCurrentIndex(choices.index(p.goal_header or GOAL_HEADER_DEFAULT))
        self.goal_header.setEnabled(p is not None)
        for key, edit in self.goal_edits.items():
            text = getattr(self.project, key) if self.project else ""
            if edit.toPlainText() != text:
                edit.setPlainText(text)
            self.goal_counts[key].setText(self.tr("{0} 字").format(len(text)))

    # -- 审核 ---------------------------------------------------------------------------------
    def field_widget(self, field: str) -> QWidget | None:
        if field.startswith("funds."):
            return self.money.get(field.removeprefix("funds."))
        return {
            "year": self.year,
            "name": self.name,
            "nature": self.nature,
            "category": self.category,
            "department": self.department,
            "implementing_unit": self.unit,
            "start_date": self.start.line,
            "end_date": self.end.line,
            "goal_overall": self.goal_edits["goal_overall"],
            "goal_annual": self.goal_edits["goal_annual"],
        }.get(field)

    def apply_findings(self, findings) -> None:
        """Mark the fields and indicator rows that have problems; clear the rest."""
        marked: dict[QWidget, list[str]] = {}
        rows: dict[int, tuple[str, str]] = {}
        for f in findings:
            if f.location.indicator is not None:
                if f.location.indicator not in rows or f.severity == "error":
                    rows[f.location.indicator] = (f.severity, finding_text(f.message))
                continue
            widget = self.field_widget(f.location.field)
            if widget is not None:
                marked.setdefault(widget, []).append(finding_text(f.message))
        for field in (*Project.FIELD_LABELS, *(f"funds.{k}" for k in self.money)):
            widget = self.field_widget(field)
            messages = marked.get(widget)
            owner = widget.parentWidget()
            if (isinstance(widget, (MoneyEdit, YearEdit)) and widget.has_error()) or (
                isinstance(owner, DateField) and owner.has_error()
            ):
                continue  # its own inline message shows
            widget.setStyleSheet(AUDIT_STYLE if messages else "")
            widget.setToolTip("\n".join(messages) if messages else "")
        if self.project is not None:
            self.indicators.set_problems(self.project.indicators, rows)

    def show_finding(self, location) -> None:
        """Go to the field or row a finding is about."""
        tabs = {
            "basic": self.basic,
            "funds": self.funds,
            "goals": self.goals,
            "indicators": self.indicators,
        }
        self.setCurrentWidget(tabs[location.tab])
        if location.tab == "indicators":
            index = None
            if location.indicator is not None and self.project is not None:
                path = self.tree_model.path_of_indicator(
                    self.project.indicators[location.indicator]
                )
                if path is not None:
                    column = 1 if location.field == "value" else 0
                    index = self.tree_model.index_for_path(path, column)
            elif location.field in self.tree_model.profile.level1_names:
                row = self.tree_model.profile.level1_names.index(location.field)
                index = self.tree_model.index_for_path((row,))
            if index is not None and index.isValid():
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
            self.tree.setFocus()
            return
        widget = self.field_widget(location.field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
