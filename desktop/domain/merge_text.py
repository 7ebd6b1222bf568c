"""The merge's sentences: the lines of a conflict's preview (``store/merge_preview``). The
store writes them in Chinese as ``messages.Message``s (the CLI prints them so); they are
marked here, in the domain, for Qt's lupdate, and a window in another language says them
in its own (``ui/audit_text.finding_text``). The clerk's values inside them are data."""

from __future__ import annotations

from desktop.domain.messages import QT_TRANSLATE_NOOP, Term

# a conflict: the fields both sides changed, each with both values and the original
CONFLICTS = QT_TRANSLATE_NOOP("audit", "双方都修改了 {count} 处（请逐项选择，或两份都保留）：")
MINE_VALUE = QT_TRANSLATE_NOOP("audit", "我的：{value}")
THEIRS_VALUE = QT_TRANSLATE_NOOP("audit", "对方的：{value}")
BASE_VALUE = QT_TRANSLATE_NOOP("audit", "原来的：{value}")
MINE_CHANGE = Term(QT_TRANSLATE_NOOP("audit", "我的（与原来的相比）"))
THEIRS_CHANGE = Term(QT_TRANSLATE_NOOP("audit", "对方的（与原来的相比）"))
DELETED = Term(QT_TRANSLATE_NOOP("audit", "（已删除）"))
NO_BASE = Term(QT_TRANSLATE_NOOP("audit", "（无）"))
NOT_IN_HISTORY = Term(QT_TRANSLATE_NOOP("audit", "（历史中没有记录）"))
INDICATOR_ADDED = Term(QT_TRANSLATE_NOOP("audit", "新增指标"))
INDICATOR_REMOVED = Term(QT_TRANSLATE_NOOP("audit", "删除指标"))

# what one side changed alone
FROM_THEIRS = QT_TRANSLATE_NOOP("audit", "对方修改的（合并后采用）：")
FROM_MINE = QT_TRANSLATE_NOOP("audit", "我修改的（合并后保留）：")
TRASHED = {
    True: QT_TRANSLATE_NOOP("audit", "我已把这个项目移入回收站（合并后在回收站中，可以恢复）"),
    False: QT_TRANSLATE_NOOP("audit", "对方已把这个项目移入回收站（合并后在回收站中，可以恢复）"),
}
RESTORED = {
    True: QT_TRANSLATE_NOOP("audit", "我已把这个项目从回收站恢复"),
    False: QT_TRANSLATE_NOOP("audit", "对方已把这个项目从回收站恢复"),
}
