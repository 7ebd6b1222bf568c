"""The 绩效指标 tree: 一级 → 二级 → 三级, as a custom QAbstractItemModel.

The project stores a flat, ordered tuple of indicators; the model groups it into a tree whose
top level always shows the profile's 一级 (so there is somewhere to add), plus any other 一级
the data uses. The model owns its nodes, and an index carries a node's id, never a pointer:
``createIndex`` does not keep Python objects alive, and an index made before a reset must find
nothing rather than freed memory.

The model never changes itself: every operation computes the new flat tuple and hands it to
``on_change(indicators, text, select)``; the editor turns that into one undo command, and the
saved project comes back through ``set_indicators``. Edits that keep the tree's shape update
rows in place; others reset the model.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.model import Indicator, with_new_indicator_ids
from desktop.domain.taxonomy import Profile, group_indicators
from desktop.domain.values import IndicatorValue, parse_value
from desktop.ui.audit_text import note_text, reason_text
from desktop.ui.commands import undo_text


def reading(value: IndicatorValue) -> str:
    """The structured reading of a value, in words: ``运算符 ≥ · 数值 95 · 单位 %``, or
    ``文字：提升``."""
    if value.is_empty:
        return QCoreApplication.translate("IndicatorTreeModel", "（空）")
    if not value.is_quantitative:
        return QCoreApplication.translate("IndicatorTreeModel", "文字：{0}").format(value.text)
    parts = []
    if value.op:
        parts.append(
            QCoreApplication.translate("IndicatorTreeModel", "运算符 {0}").format(value.op)
        )
    parts.append(
        QCoreApplication.translate("IndicatorTreeModel", "数值 {0}").format(
            f"{value.number.normalize():f}"
        )
    )
    if value.unit:
        parts.append(
            QCoreApplication.translate("IndicatorTreeModel", "单位 {0}").format(value.unit)
        )
    return " · ".join(parts)


MIME = "application/x-jixiao-indicator-paths"
VALUE_ROLE = Qt.ItemDataRole.UserRole + 10
KIND_ROLE = Qt.ItemDataRole.UserRole + 11

Index = QModelIndex | QPersistentModelIndex
# Nested groups: [(一级, [(二级, [Indicator, ...]), ...]), ...]
Tree = list[tuple[str, list[tuple[str, list[Indicator]]]]]
ChangeCallback = Callable[[tuple[Indicator, ...], str, int | None], None]

_uids = itertools.count(1)  # node ids are never reused, so a stale index finds no node
REVIEW_BRUSH = QBrush(QColor("#fde7c8"))
ERROR_BRUSH = QBrush(QColor("#fbd5d5"))
OPINION_BRUSH = QBrush(QColor("#dbeafe"))  # a reviewer's open opinion (审核意见)
PLACEHOLDER_BRUSH = QBrush(QColor("#999999"))


class Node:
    __slots__ = ("children", "kind", "parent", "path", "uid")

    def __init__(self, kind: str, path: tuple[int, ...], parent: Node | None):
        self.uid = next(_uids)  # the index's internal id (never a pointer: see node())
        self.kind = kind  # "l1", "l2" or "ind"
        self.path = path  # (i,), (i, j) or (i, j, k) into the tree
        self.parent = parent
        self.children: list[Node] = []

    @property
    def row(self) -> int:
        return self.path[-1]


def build_tree(indicators: Sequence[Indicator], profile: Profile) -> Tree:
    return group_indicators(indicators, profile.level1_names, keep_empty=True)


def flatten(tree: Tree) -> tuple[Indicator, ...]:
    out = []
    for l1, groups in tree:
        for l2, inds in groups:
            out.extend(replace(i, level1=l1, level2=l2) for i in inds)
    return tuple(out)


def copy_tree(tree: Tree) -> Tree:
    return [(l1, [(l2, list(inds)) for l2, inds in groups]) for l1, groups in tree]


def flat_index(tree: Tree, path: tuple[int, int, int]) -> int:
    i, j, k = path
    n = 0
    for a, (_, groups) in enumerate(tree):
        for b, (_, inds) in enumerate(groups):
            if (a, b) == (i, j):
                return n + k
            n += len(inds)
    return n


class IndicatorTreeModel(QAbstractItemModel):
    def __init__(self, profile: Profile, on_change: ChangeCallback, parent=None):
        super().__init__(parent)
        self.profile = profile
        self.on_change = on_change
        self.read_only = False
        self._problems: dict[int, tuple[str, str]] = {}  # id(indicator) → (severity, message)
        self._tree: Tree = build_tree((), profile)
        self._roots: list[Node] = []
        self._all: list[Node] = []  # owns every node
        self._rebuild_nodes()

    # -- content ---------------------------------------------------------------------------
    @property
    def tree(self) -> Tree:
        return self._tree

    def indicators(self) -> tuple[Indicator, ...]:
        return flatten(self._tree)

    def set_indicators(self, indicators: Sequence[Indicator], profile: Profile) -> None:
        new_tree = build_tree(indicators, profile)
        if profile == self.profile and self._shape(new_tree) == self._shape(self._tree):
            self._tree = new_tree
            for node in self._all:
                if node.kind == "ind":
                    left = self.createIndex(node.row, 0, node.uid)
                    self.dataChanged.emit(left, self.createIndex(node.row, 1, node.uid))
            return
        self.beginResetModel()
        self.profile = profile
        self._tree = new_tree
        self._rebuild_nodes()
        self.endResetModel()

    @staticmethod
    def _shape(tree: Tree):
        return [(l1, [(l2, len(inds)) for l2, inds in groups]) for l1, groups in tree]

    def _rebuild_nodes(self) -> None:
        self._roots, self._all = [], []
        for i, (_, groups) in enumerate(self._tree):
            root = Node("l1", (i,), None)
            self._roots.append(root)
            self._all.append(root)
            for j, (_, inds) in enumerate(groups):
                mid = Node("l2", (i, j), root)
                root.children.append(mid)
                self._all.append(mid)
                for k in range(len(inds)):
                    leaf = Node("ind", (i, j, k), mid)
                    mid.children.append(leaf)
                    self._all.append(leaf)
        # An index made before a reset may still be used (a view's stale index, a test's):
        # indexes carry a node id, never a pointer, and an id of an old tree finds nothing.
        self._by_uid = {n.uid: n for n in self._all}

    def set_problems(self, indicators: Sequence[Indicator], problems: dict[int, tuple]) -> None:
        """Mark rows with 审核 findings: ``problems`` maps an index in ``indicators`` to
        ``(severity, message)``."""
        self._problems = {
            id(indicators[n]): v for n, v in problems.items() if 0 <= n < len(indicators)
        }
        for node in self._all:  # one range per group of siblings
            if node.kind == "l2" and node.children:
                first, last = node.children[0], node.children[-1]
                self.dataChanged.emit(
                    self.createIndex(first.row, 0, first.uid),
                    self.createIndex(last.row, 1, last.uid),
                )

    def path_of_indicator(self, indicator: Indicator) -> tuple[int, int, int] | None:
        """Where an indicator object of the shown project sits in the tree."""
        for node in self._all:
            if node.kind == "ind" and self.indicator_at(node.path) is indicator:
                return node.path
        return None

    def node(self, index: Index) -> Node | None:
        """The node of an index of the current tree (None for a stale one)."""
        if not index.isValid():
            return None
        return self._by_uid.get(index.internalId())

    def index_for_path(self, path: tuple[int, ...], column: int = 0) -> QModelIndex:
        nodes = self._roots
        node = None
        for step in path:
            if step >= len(nodes):
                return QModelIndex()
            node = nodes[step]
            nodes = node.children
        return self.createIndex(node.row, column, node.uid) if node else QModelIndex()

    def indicator_at(self, path: tuple[int, int, int]) -> Indicator:
        i, j, k = path
        return self._tree[i][1][j][1][k]

    def path_of_flat(self, flat: int) -> tuple[int, int, int] | None:
        n = 0
        for i, (_, groups) in enumerate(self._tree):
            for j, (_, inds) in enumerate(groups):
                if flat < n + len(inds):
                    return (i, j, flat - n)
                n += len(inds)
        return None

    # -- Qt model --------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column > 1 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            siblings = self._roots
        else:
            up = self.node(parent)
            siblings = up.children if up is not None else []
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row].uid)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        up = node.parent if node is not None else None
        return QModelIndex() if up is None else self.createIndex(up.row, 0, up.uid)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._roots)
        if parent.column() != 0:
            return 0
        node = self.node(parent)
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("指标（一级 › 二级 › 三级）"), self.tr("今年要达到的值"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("申报表“绩效指标”栏：一级指标、二级指标下逐条填写的三级指标名称"),
                self.tr(
                    "申报表上的“年度(/项目)指标值”：本年度（或整个项目期）要达到的目标，"
                    "照表上写法输入，如 ≥95%、10个、≤510万元、提升"
                ),
            )[section]
        return None

    def first_indicator_index(self) -> QModelIndex:
        """The first 三级 row (or the first 一级 when there is none)."""
        node = next((n for n in self._all if n.kind == "ind"), None)
        if node is None:
            return self.index(0, 0)
        return self.createIndex(node.row, 0, node.uid)

    def indicator_paths(self) -> list[tuple[int, int, int]]:
        """Every 三级 row's path, in form order."""
        return [n.path for n in self._all if n.kind == "ind"]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        node = self.node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return flags
        if node.kind == "ind":
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        elif node.kind == "l2":
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
            if index.column() == 0:
                flags |= Qt.ItemFlag.ItemIsEditable
        else:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        col = index.column()
        if role == KIND_ROLE:
            return node.kind
        if node.kind == "l1":
            name = self._tree[node.path[0]][0]
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return name or self.tr("（未分类）")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and not self._tree[node.path[0]][1]:
                return PLACEHOLDER_BRUSH  # an empty 一级: there to add under
            if (
                role == Qt.ItemDataRole.ToolTipRole
                and col == 0
                and name not in (self.profile.level1_names)
            ):
                return self.tr("这个一级指标不在本年度的指标体系中")
            return None
        if node.kind == "l2":
            i, j = node.path
            name = self._tree[i][1][j][0]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole) and col == 0:
                return name or (
                    self.tr("（无二级指标）") if role == Qt.ItemDataRole.DisplayRole else ""
                )
            misfit = not self.profile.fits(self._tree[i][0], name)
            if role == Qt.ItemDataRole.ToolTipRole and col == 0 and misfit:
                return self.tr("二级指标“{0}”不属于一级指标“{1}”").format(name, self._tree[i][0])
            return None
        ind = self.indicator_at(node.path)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return ind.name or self.tr("（请填写指标名称）")
            return ind.value.shown
        if role == Qt.ItemDataRole.EditRole:
            return ind.name if col == 0 else ind.value.shown
        if role == VALUE_ROLE:
            return ind.value
        if role == Qt.ItemDataRole.ForegroundRole and col == 0 and not ind.name:
            return PLACEHOLDER_BRUSH
        problem = self._problems.get(id(ind))
        if problem is not None and not ind.needs_review:
            if role == Qt.ItemDataRole.BackgroundRole and problem[0] == "error":
                return ERROR_BRUSH
            if role == Qt.ItemDataRole.BackgroundRole and problem[0] == "opinion":
                return OPINION_BRUSH
            if role == Qt.ItemDataRole.ToolTipRole:
                note = "\n" + self.tr("原表：{0}").format(note_text(ind.note)) if ind.note else ""
                return problem[1] + note
        if ind.needs_review:
            if role == Qt.ItemDataRole.BackgroundRole:
                return REVIEW_BRUSH
            if role == Qt.ItemDataRole.ToolTipRole:
                text = self.tr("需复核：{0}").format(reason_text(ind.review_note))
                if ind.raw_text:
                    source = ind.raw_text.replace("\t", " | ")
                    line = self.tr("第 {0} 行").format(ind.source_line) if ind.source_line else ""
                    text += "\n" + self.tr("原文{0}：{1}").format(line, source)
                if ind.note:
                    text += "\n" + self.tr("原表：{0}").format(note_text(ind.note))
                return text
        if role == Qt.ItemDataRole.ToolTipRole and col == 1 and not ind.value.is_empty:
            return self.tr("读作：{0}").format(reading(ind.value))
        if ind.note and role == Qt.ItemDataRole.ToolTipRole:
            # what the source form said beside it: original group names, extra columns
            return self.tr("原表：{0}").format(note_text(ind.note))
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        tree = copy_tree(self._tree)
        if node.kind == "l2" and index.column() == 0:
            name = str(value).strip()
            i, j = node.path
            if name == tree[i][1][j][0]:
                return False
            moving = tree[i][1].pop(j)[1]
            target = next((g for g in tree[i][1] if g[0] == name), None)
            if target is None:
                tree[i][1].insert(j, (name, moving))
            else:
                target[1].extend(moving)
            self._emit(tree, undo_text(QT_TRANSLATE_NOOP("Commands", "修改二级指标")), None)
            return True
        if node.kind != "ind":
            return False
        i, j, k = node.path
        ind = tree[i][1][j][1][k]
        if index.column() == 0:
            name = str(value).strip()
            if name == ind.name:
                return False
            tree[i][1][j][1][k] = replace(ind, name=name)
            text = undo_text(QT_TRANSLATE_NOOP("Commands", "修改指标名称"))
        else:
            new_value = value if isinstance(value, IndicatorValue) else parse_value(str(value))
            if new_value == ind.value:
                return False
            tree[i][1][j][1][k] = replace(ind, value=new_value)
            text = undo_text(QT_TRANSLATE_NOOP("Commands", "修改指标值"))
        self._emit(tree, text, None)
        return True

    def _emit(self, tree: Tree, text: str, select: int | None) -> None:
        self.on_change(flatten(tree), text, select)

    # -- operations (each one undo step) ----------------------------------------------------
    def add_indicator(self, at: Node | None) -> None:
        """A new 三级 after ``at`` (a 三级), at the end of ``at`` (a 二级), or in the first
        group of ``at`` (a 一级; a group of the first taxonomy 二级 is made if needed)."""
        tree = copy_tree(self._tree)
        new = Indicator()
        if at is None:
            at = self._roots[0] if self._roots else None
            if at is None:
                return
        if at.kind == "ind":
            i, j, k = at.path
            tree[i][1][j][1].insert(k + 1, new)
            path = (i, j, k + 1)
        elif at.kind == "l2":
            i, j = at.path
            tree[i][1][j][1].append(new)
            path = (i, j, len(tree[i][1][j][1]) - 1)
        else:
            (i,) = at.path
            if not tree[i][1]:
                options = self.profile.level2_for(tree[i][0])
                tree[i][1].append((options[0] if options else "", []))
            tree[i][1][0][1].append(new)
            path = (i, 0, len(tree[i][1][0][1]) - 1)
        self._emit(
            tree, undo_text(QT_TRANSLATE_NOOP("Commands", "添加指标")), flat_index(tree, path)
        )

    def add_group(self, l1_row: int, level2: str) -> None:
        """A new 二级 group (with one empty 三级) under a 一级; an existing group gets a row."""
        tree = copy_tree(self._tree)
        groups = tree[l1_row][1]
        j = next((n for n, g in enumerate(groups) if g[0] == level2), None)
        if j is None:
            groups.append((level2, []))
            j = len(groups) - 1
        groups[j][1].append(Indicator())
        path = (l1_row, j, len(groups[j][1]) - 1)
        self._emit(
            tree, undo_text(QT_TRANSLATE_NOOP("Commands", "添加二级指标")), flat_index(tree, path)
        )

    def add_rows(self, rows: Sequence[Indicator], text: str) -> None:
        """Add indicators (pasted, or copied from another project) in one step: each goes
        after the last row of its (一级, 二级) group, a new group at the end of its 一级.
        They are new rows of this form: new ids (a row copied from another project, or
        pasted twice, is not the same indicator)."""
        rows = with_new_indicator_ids(rows)
        tree = copy_tree(self._tree)
        for ind in rows:
            l1 = next((n for n, (name, _) in enumerate(tree) if name == ind.level1), None)
            if l1 is None:
                tree.append((ind.level1, []))
                l1 = len(tree) - 1
            groups = tree[l1][1]
            l2 = next((n for n, (name, _) in enumerate(groups) if name == ind.level2), None)
            if l2 is None:
                groups.append((ind.level2, []))
                l2 = len(groups) - 1
            groups[l2][1].append(ind)
        last = rows[-1] if rows else None
        select = None
        if last is not None:
            flat = flatten(tree)
            select = max(
                n
                for n, i in enumerate(flat)
                if i.name == last.name and (i.level1, i.level2) == (last.level1, last.level2)
            )
        self._emit(tree, text, select)

    def missing_groups(self, l1_row: int) -> list[str]:
        l1, groups = self._tree[l1_row]
        present = {g[0] for g in groups}
        return [n for n in self.profile.level2_for(l1) if n not in present]

    def delete(self, nodes: Sequence[Node]) -> None:
        if not nodes:
            return
        tree = copy_tree(self._tree)
        doomed_ind = {n.path for n in nodes if n.kind == "ind"}
        doomed_l2 = {n.path for n in nodes if n.kind == "l2"}
        doomed_l1 = {n.path for n in nodes if n.kind == "l1"}
        new: Tree = []
        for i, (l1, groups) in enumerate(tree):
            kept_groups = []
            for j, (l2, inds) in enumerate(groups):
                if (i,) in doomed_l1 or (i, j) in doomed_l2:
                    continue
                kept = [x for k, x in enumerate(inds) if (i, j, k) not in doomed_ind]
                if kept:
                    kept_groups.append((l2, kept))
            new.append((l1, kept_groups))
        if flatten(new) == flatten(tree):
            return
        first = min((n.path for n in nodes), default=None)
        self._emit(
            new, undo_text(QT_TRANSLATE_NOOP("Commands", "删除指标")), self._nearest(new, first)
        )

    def _nearest(self, tree: Tree, path: tuple[int, ...] | None) -> int | None:
        """The flat position a deletion at ``path`` leaves the cursor at."""
        total = len(flatten(tree))
        if not total or path is None:
            return None
        full = (*path, 0, 0)[:3]
        return min(flat_index(tree, full), total - 1)

    def move(self, node: Node, step: int) -> None:
        """Move a 三级 within its 二级, or a 二级 within its 一级, by ``step`` (±1)."""
        tree = copy_tree(self._tree)
        if node.kind == "ind":
            i, j, k = node.path
            inds = tree[i][1][j][1]
            if not 0 <= k + step < len(inds):
                return
            inds[k], inds[k + step] = inds[k + step], inds[k]
            self._emit(
                tree,
                undo_text(QT_TRANSLATE_NOOP("Commands", "移动指标")),
                flat_index(tree, (i, j, k + step)),
            )
        elif node.kind == "l2":
            i, j = node.path
            groups = tree[i][1]
            if not 0 <= j + step < len(groups):
                return
            groups[j], groups[j + step] = groups[j + step], groups[j]
            self._emit(
                tree,
                undo_text(QT_TRANSLATE_NOOP("Commands", "移动二级指标")),
                flat_index(tree, (i, j + step, 0)),
            )

    def mark_reviewed(self, nodes: Sequence[Node]) -> None:
        tree = copy_tree(self._tree)
        changed = False
        for n in nodes:
            if n.kind != "ind":
                continue
            i, j, k = n.path
            ind = tree[i][1][j][1][k]
            if ind.needs_review:
                tree[i][1][j][1][k] = replace(ind, needs_review=False)
                changed = True
        if changed:
            self._emit(tree, undo_text(QT_TRANSLATE_NOOP("Commands", "标记为已复核")), None)

    # -- drag and drop ---------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:
        paths = sorted({self.node(i).path for i in indexes if self.node(i) is not None})
        data = QMimeData()
        data.setData(MIME, QByteArray(json.dumps(paths).encode()))
        return data

    def _decode(self, data: QMimeData) -> list[tuple[int, ...]] | None:
        if not data.hasFormat(MIME):
            return None
        try:
            paths = [tuple(p) for p in json.loads(bytes(data.data(MIME)).decode())]
        except (ValueError, TypeError):
            return None
        kinds = {len(p) for p in paths}
        if len(kinds) != 1 or kinds == {1}:
            return None
        return paths

    def _target(self, paths, row: int, parent: Index):
        """Where a drop lands: (container path, insert position) or None."""
        node = self.node(parent)
        if len(paths[0]) == 3:  # 三级 rows go into a 二级
            if node is None:
                return None
            if node.kind == "ind":
                return node.parent.path, node.row
            if node.kind == "l2":
                return node.path, row
            if node.kind == "l1" and node.children:
                return node.children[0].path, row if row >= 0 else -1
            return None
        if node is None:  # 二级 groups go into a 一级
            return None
        if node.kind == "l2":
            return node.parent.path, node.row
        if node.kind == "l1":
            return node.path, row
        return None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        if self.read_only or action != Qt.DropAction.MoveAction:
            return False
        paths = self._decode(data)
        return paths is not None and self._target(paths, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        paths = self._decode(data)
        container, pos = self._target(paths, row, parent)
        tree = copy_tree(self._tree)
        if len(paths[0]) == 3:
            ci, cj = container
            target = tree[ci][1][cj][1]
            moving = [self._tree[i][1][j][1][k] for i, j, k in paths]
            pos = len(target) if pos < 0 else pos
            pos -= sum(1 for i, j, k in paths if (i, j) == (ci, cj) and k < pos)
            for i, j, k in sorted(paths, reverse=True):
                del tree[i][1][j][1][k]
            target = tree[ci][1][cj][1]
            target[pos:pos] = moving
            select = flat_index(tree, (ci, cj, pos))  # empty groups hold no positions
            tree = [(l1, [g for g in groups if g[1]]) for l1, groups in tree]
            self._emit(tree, undo_text(QT_TRANSLATE_NOOP("Commands", "拖动指标")), select)
        else:
            (ci,) = container
            moving = [self._tree[i][1][j] for i, j in paths]
            pos = len(tree[ci][1]) if pos < 0 else pos
            pos -= sum(1 for i, j in paths if i == ci and j < pos)
            for i, j in sorted(paths, reverse=True):
                del tree[i][1][j]
            tree[ci][1][pos:pos] = [(name, list(inds)) for name, inds in moving]
            self._emit(tree, self.tr("拖动二级指标"), None)
        return False  # the model is rebuilt from the saved project; nothing for the view to remove
