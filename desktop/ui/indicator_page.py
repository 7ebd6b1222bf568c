"""The 绩效指标 page of the editor: the indicator tree with its keys (Enter, Tab, Ins,
Esc on a new row), its actions, copy and paste, and the suggestions for indicator names.
Edits go through the editor's edit path (``ProjectEditor._edit``): one undo step each."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.library import META_KEY, Library
from desktop.domain.taxonomy import taxonomy
from desktop.store import StoreError
from desktop.ui.indicator_model import IndicatorTreeModel
from desktop.ui.session import Session
from desktop.ui.tree_editors import ENTER, PREVIOUS, ValueDelegate

if TYPE_CHECKING:
    from desktop.ui.editor import ProjectEditor


def suggestions(read, *args):
    """Suggestions for a combo box or completer; none while the file cannot be read (locked
    by another program) — they are a convenience, not worth an error."""
    try:
        return read(*args)
    except StoreError:
        return []


#: the page's parts, built on first use (``IndicatorPage.build``)
PARTS = frozenset(
    {"tree_model", "tree", "delegate", "review_hint"}
    | {
        f"act_{name}"
        for name in ("add", "add_group", "delete", "up", "down", "reviewed", "copy", "paste")
    }
)


class IndicatorPage(QWidget):
    """The 绩效指标 tab: ``tree`` over ``tree_model``, the toolbar's actions.

    The parts (``PARTS``) are built when first asked for — the tab shown, Ctrl+4, a
    finding to go to —, not at start, where 基本信息 is shown."""

    def __init__(self, session: Session, editor: ProjectEditor):
        super().__init__()
        self.session = session
        self._editor = weakref.ref(editor)  # no reference cycle between editor and page
        self._blank_row: tuple[str, int] | None = None  # a row Enter added, still empty
        # the row being entered in a run of new rows (project id, path): Enter on its
        # value adds the next row; on an existing row Enter goes to the next row's value
        self._entering: tuple[str, tuple] | None = None
        self._problems: tuple | None = None  # 审核 findings given before the parts exist
        self.built = False
        QVBoxLayout(self)

    def __getattr__(self, name: str):
        # called only for an attribute not (yet) set: the parts, before they are built
        if name in PARTS and not self.built:
            self.build()
            return getattr(self, name)
        raise AttributeError(name)

    def build(self) -> None:
        if self.built:
            return
        self.built = True
        layout = self.layout()
        self.tree_model = IndicatorTreeModel(
            taxonomy().profiles[-1], self._indicators_changed, self
        )
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.delegate = ValueDelegate(self.tree)
        self.delegate.suggest = self._suggest_names
        self.delegate.moved.connect(self._tree_moved)
        self.delegate.closeEditor.connect(self._tree_editor_closed)
        self.tree.setItemDelegate(self.delegate)
        self.tree.installEventFilter(self)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().resizeSection(1, 220)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        bar = self._build_actions()
        self.review_hint = QLabel()
        self.review_hint.setStyleSheet("background: #fde7c8; padding: 4px;")
        self.review_hint.setWordWrap(True)
        layout.addWidget(bar)
        layout.addWidget(self.review_hint)
        layout.addWidget(self.tree, 1)
        bar.show()  # at once, should the page be on screen already (its tab chosen)
        self.tree.show()
        editor = self.editor
        filling, editor._filling = editor._filling, True
        try:
            self.fill()
        finally:
            editor._filling = filling
        if self._problems is not None:
            self.tree_model.set_problems(*self._problems)
            self._problems = None

    def _build_actions(self) -> QToolBar:
        """The tree's actions (keys while the tree has the focus), on a tool bar."""
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.act_add = self._tree_action(self.tr("添加指标(&A)"), "Ins", self._add_indicator)
        self.act_add_group = self._tree_action(
            self.tr("添加二级指标(&G)…"), "Ctrl+Ins", self._add_group
        )
        self.act_delete = self._tree_action(
            self.tr("删除指标(&D)"), QKeySequence.StandardKey.Delete, self._delete_indicators
        )
        self.act_up = self._tree_action(self.tr("上移(&U)"), "Ctrl+Up", lambda: self._move(-1))
        self.act_down = self._tree_action(self.tr("下移(&N)"), "Ctrl+Down", lambda: self._move(1))
        self.act_reviewed = self._tree_action(
            self.tr("标记为已复核(&R)"), "Ctrl+R", self._mark_reviewed
        )
        self.act_copy = self._tree_action(
            self.tr("复制行(&C)"), QKeySequence.StandardKey.Copy, self.copy_rows
        )
        self.act_paste = self._tree_action(
            self.tr("粘贴行(&T)"), QKeySequence.StandardKey.Paste, lambda: self.paste_rows()
        )
        self.act_copy.setToolTip(self.tr("复制选中的指标，可粘贴到 Excel/WPS 或其他项目"))
        self.act_paste.setToolTip(
            self.tr("粘贴从 Excel/WPS 复制的指标（一级、二级、三级、指标值列，或三级、指标值）")
        )
        for act in (
            self.act_add,
            self.act_add_group,
            self.act_delete,
            self.act_up,
            self.act_down,
            self.act_reviewed,
            self.act_copy,
            self.act_paste,
        ):
            bar.addAction(act)
            self.tree.addAction(act)
        return bar

    def set_problems(self, indicators, rows: dict[int, tuple[str, str]]) -> None:
        """Mark the rows with 审核 findings (kept until the parts exist)."""
        if self.built:
            self.tree_model.set_problems(indicators, rows)
        else:
            self._problems = (indicators, rows)

    def _tree_action(self, text: str, shortcut, slot) -> QAction:
        act = QAction(text, self.tree)
        act.setIconText(text)  # the tool bar's button keeps the mnemonic (Alt+letter)
        act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(slot)
        return act

    @property
    def editor(self) -> ProjectEditor:
        return self._editor()

    def fill(self) -> None:
        if not self.built:  # filled when built
            return
        p = self.editor.project
        indicators = p.indicators if p else ()
        profile = taxonomy().profile_of(p) if p else taxonomy().profiles[-1]
        self.tree_model.read_only = self.session.read_only
        was = self.tree_model.node(self.tree.currentIndex())
        column = max(self.tree.currentIndex().column(), 0)
        self.tree_model.set_indicators(indicators, profile)
        self.tree.expandAll()
        if was is not None and p is not None and not self.tree.currentIndex().isValid():
            self._keep_current(was.path, column)
        reviews = sum(1 for i in indicators if i.needs_review)
        self.review_hint.setText(
            self.tr(
                "有 %n 条指标在导入时无法确定，已用底色标出（鼠标停留可看原文）。"
                "核对修改后选中它们，按“标记为已复核”。",
                "",
                reviews,
            )
        )
        self.review_hint.setVisible(bool(reviews))

    def _keep_current(self, path: tuple[int, ...], column: int) -> None:
        """After the rows were rebuilt (undo, Esc on a new row, Delete) the cursor stays
        where it was, or on the neighbour before it, so Up/Down go on from there."""
        model = self.tree_model
        while path:
            index = model.index_for_path(path, column)
            if index.isValid():
                break
            path = (*path[:-1], path[-1] - 1) if path[-1] > 0 else path[:-1]
        else:
            index = model.index(0, 0)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _indicators_changed(self, indicators, text: str, select: int | None) -> None:
        if self.editor.project is None:
            return
        self.editor._edit(self.editor.project.with_changes(indicators=indicators), text)
        self.fill()
        if select is not None:
            path = self.tree_model.path_of_flat(select)
            if path is not None:
                index = self.tree_model.index_for_path(path)
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)

    def _current_node(self):
        return self.tree_model.node(self.tree.currentIndex())

    def _selected_nodes(self):
        rows = self.tree.selectionModel().selectedRows(0)
        nodes = [self.tree_model.node(i) for i in rows]
        return [n for n in nodes if n is not None] or (
            [self._current_node()] if self._current_node() else []
        )

    def _add_indicator(self) -> None:
        node = self._current_node()
        if (
            node is not None
            and node.kind == "l1"
            and len(self.tree_model.missing_groups(node.path[0])) + len(node.children) > 1
        ):
            self._add_group(every=True)  # which 二级? the clerk says; nothing picked silently
            return
        self.tree_model.add_indicator(node)
        self._blank_row = self._current_flat()
        self._mark_entering()
        self.tree.edit(self.tree.currentIndex())

    def _mark_entering(self) -> None:
        node = self._current_node()
        project = self.editor.project
        self._entering = (
            (project.id, node.path)
            if project is not None and node is not None and node.kind == "ind"
            else None
        )

    def _current_flat(self) -> tuple[str, int] | None:
        node = self._current_node()
        if self.editor.project is None or node is None or node.kind != "ind":
            return None
        return self.editor.project.id, self.tree_model.indicator_paths().index(node.path)

    # -- keys in the tree ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self.tree.state() != QAbstractItemView.State.EditingState
        ):
            # Right/Left: between an indicator's name and its value (on a group row they
            # open and close it, as in any tree)
            index = self.tree.currentIndex()
            node = self.tree_model.node(index)
            column = 1 if event.key() == Qt.Key.Key_Right else 0
            if node is not None and node.kind == "ind" and index.column() != column:
                self.tree.setCurrentIndex(index.siblingAtColumn(column))
                return True
            return False
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.tree.state() != QAbstractItemView.State.EditingState
            and not self.session.read_only
        ):
            index = self.tree.currentIndex()
            node = self.tree_model.node(index)
            if node is None:
                return False
            if node.kind == "ind":
                self.tree.edit(index)
            elif node.kind == "l2":
                self.tree.setCurrentIndex(index.siblingAtColumn(0))
                self._add_indicator_after(node)
            else:
                self._add_indicator()
            return True
        return super().eventFilter(watched, event)

    def _add_indicator_after(self, node) -> None:
        self.tree_model.add_indicator(node)
        self._blank_row = self._current_flat()
        self._mark_entering()
        self.tree.edit(self.tree.currentIndex())

    def _tree_editor_closed(self, editor: QWidget, hint) -> None:
        """Esc in a row just added and still empty takes the row away again, as Enter does
        (a mistaken Ins must not leave an empty row with two 审核 errors behind)."""
        if (
            hint != QAbstractItemDelegate.EndEditHint.RevertModelCache
            or self.editor.project is None
        ):
            return
        path = tuple(editor.property("cellPath") or ())
        paths = self.tree_model.indicator_paths()
        if self._blank_row is None or len(path) != 3 or path not in paths:
            return
        ind = self.tree_model.indicator_at(path)
        if (
            self._blank_row == (self.editor.project.id, paths.index(path))
            and not ind.name
            and ind.value.is_empty
        ):
            self._blank_row = None
            QTimer.singleShot(0, self, self._take_back_blank_row)

    def _take_back_blank_row(self) -> None:
        self.session.undo_stack.undo()  # the row Ins/Enter added and nobody filled
        self.tree.setFocus()

    def _tree_moved(self, path: tuple, column: int, how: str) -> None:
        """An editor in the tree was left with Tab, Shift+Tab or Enter (already committed):
        name → value → next row's name; Enter on a group's last value adds a row; Enter on
        a row just added and left empty takes it away again."""
        QTimer.singleShot(0, self, lambda: self._move_in_tree(tuple(path), column, how))

    def _move_in_tree(self, path: tuple, column: int, how: str) -> None:
        self.tree.setFocus()
        model = self.tree_model
        paths = model.indicator_paths()
        if len(path) == 2:  # a 二级 name was edited: go to its first row
            index = model.index_for_path(path)
            if how != PREVIOUS and model.rowCount(index):
                self._edit_cell(model.index(0, 0, index))
            return
        if len(path) != 3 or path not in paths:
            return
        n = paths.index(path)
        ind = model.indicator_at(path)
        if (
            how == ENTER
            and column == 0
            and not ind.name
            and ind.value.is_empty
            and self.editor.project is not None
            and self._blank_row == (self.editor.project.id, n)
        ):
            self._blank_row = None
            self.session.undo_stack.undo()  # the row Enter added and nobody filled
            self.tree.setFocus()
            return
        if how == PREVIOUS:
            if column == 1:
                self._edit_cell(model.index_for_path(path, 0))
            elif n > 0:
                self._edit_cell(model.index_for_path(paths[n - 1], 1))
            return
        if column == 0:
            self._edit_cell(model.index_for_path(path, 1))
            return
        last_in_group = n + 1 >= len(paths) or paths[n + 1][:2] != path[:2]
        project = self.editor.project
        entering = project is not None and self._entering == (project.id, path)
        if how == ENTER and not entering:
            # a correction of an existing row: on to the next row's value, no new row
            if n + 1 < len(paths):
                self._edit_cell(model.index_for_path(paths[n + 1], 1))
            else:
                self.tree.setCurrentIndex(model.index_for_path(path, 1))
            return
        if how == ENTER and last_in_group and not self.session.read_only:
            self.tree.setCurrentIndex(model.index_for_path(path, 0))
            self._add_indicator_after(model.node(model.index_for_path(path)))
            return
        if n + 1 < len(paths):
            self._edit_cell(model.index_for_path(paths[n + 1], 0))
        else:
            self.tree.setCurrentIndex(model.index_for_path(path, 1))

    def _edit_cell(self, index) -> None:
        if not index.isValid():
            return
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self.tree.edit(index)

    # -- copy and paste ---------------------------------------------------------------------
    def _selected_indicators(self) -> list:
        nodes = self._selected_nodes()
        paths: list = []
        for node in nodes:
            if node.kind == "ind":
                paths.append(node.path)
            else:
                stack = [node]
                while stack:
                    n = stack.pop(0)
                    if n.kind == "ind":
                        paths.append(n.path)
                    stack[0:0] = n.children
        order = self.tree_model.indicator_paths()
        return [self.tree_model.indicator_at(p) for p in sorted(set(paths), key=order.index)]

    def copy_rows(self) -> None:
        from desktop.ui.indicator_paste import rows_text

        rows = self._selected_indicators()
        if rows:
            QApplication.clipboard().setText(rows_text(rows))
            self.editor.status.emit(
                self.tr("已复制 %n 条指标，可粘贴到 Excel/WPS 或其他项目", "", len(rows))
            )

    def paste_rows(self, text: str | None = None) -> None:
        """Add the rows of a tab-separated block (Excel/WPS) under the right groups, one
        undo step; a block of more than one row is shown first."""
        from desktop.ui.indicator_paste import PastePreview, read_rows

        if self.editor.project is None or self.session.read_only:
            return
        if text is None:
            text = QApplication.clipboard().text()
        node = self._current_node()
        level1 = level2 = ""
        if node is not None:
            level1 = self.tree_model.tree[node.path[0]][0]
            if len(node.path) >= 2:
                level2 = self.tree_model.tree[node.path[0]][1][node.path[1]][0]
        result = read_rows(text, self.tree_model.profile, level1, level2)
        if not result.indicators:
            QMessageBox.information(
                self,
                self.tr("粘贴指标"),
                "\n".join(result.problems)
                or self.tr(
                    "剪贴板里没有可粘贴的指标。请在 Excel/WPS 中选中“一级、二级、三级、指标值”"
                    "四列（或“三级、指标值”两列）复制后再粘贴。"
                ),
            )
            self.tree.setFocus()
            return
        if len(result.indicators) > 1 or result.problems:
            dialog = PastePreview(self, result)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            self.window().activateWindow()  # back to the tree, ready for the next key
            self.tree.setFocus()
            if not accepted:
                return
        self.tree_model.add_rows(
            result.indicators, self.tr("粘贴 %n 条指标", "", len(result.indicators))
        )
        self.tree.setFocus()

    def copy_from_project(self) -> None:
        """项目 › 从其他项目复制指标…"""
        from desktop.ui.indicator_paste import CopyFromProject

        if self.editor.project is None or self.session.read_only:
            return
        self.editor.flush()
        dialog = CopyFromProject(self, self.session.repo, self.editor.project)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        if chosen:
            self.editor.setCurrentWidget(self)
            self.tree_model.add_rows(chosen, self.tr("从其他项目复制 %n 条指标", "", len(chosen)))
            self.tree.setFocus()

    def _add_group(self, every: bool = False) -> None:
        """Ask which 二级 to add a row to: the missing ones (添加二级指标…), or ``every`` one
        of the 一级 (Ins or Enter on a 一级: nothing is picked silently)."""
        node = self._current_node()
        if node is None:
            return
        l1_row = node.path[0]
        options = self.tree_model.missing_groups(l1_row)
        if every:
            present = [name for name, _ in self.tree_model.tree[l1_row][1]]
            options = [*present, *(n for n in options if n not in present)]
        if not options:
            self.tree_model.add_indicator(node)
            return
        menu = QMenu(self)
        chosen = []
        for name in options:
            menu.addAction(name, lambda n=name: chosen.append(self.tree_model.add_group(l1_row, n)))
        rect = self.tree.visualRect(self.tree.currentIndex())
        first = menu.actions()[0]
        QTimer.singleShot(0, menu, lambda: menu.setActiveAction(first))  # Enter takes it
        menu.exec(self.tree.viewport().mapToGlobal(rect.bottomLeft()))
        self.window().activateWindow()  # back in the tree whatever was chosen
        self.tree.setFocus()
        if chosen:
            self._blank_row = self._current_flat()
            self._mark_entering()
            self.tree.edit(self.tree.currentIndex())

    def _delete_indicators(self) -> None:
        self.tree_model.delete(self._selected_nodes())

    def _move(self, step: int) -> None:
        node = self._current_node()
        if node is not None:
            self.tree_model.move(node, step)

    def _mark_reviewed(self) -> None:
        self.tree_model.mark_reviewed(self._selected_nodes())

    def _suggest_names(self, level2: str) -> list[str]:
        library = Library.from_json(suggestions(self.session.repo.meta, META_KEY) or "")
        names = library.names(level2)
        used = suggestions(self.session.repo.indicator_names)
        return names + [n for n in used if n not in names]
