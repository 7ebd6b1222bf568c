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

# a file's records that do not add up (shown with the rows not imported)
FORGED_PROJECT = QT_TRANSLATE_NOOP(
    "audit",
    "“{name}”的版本记录可疑：它记录本机修改过 {theirs} 次，"
    "本机只记录了 {recorded} 次。已另存为副本供核对，不会覆盖本机的版本。",
)
FORGED_DELETION = QT_TRANSLATE_NOOP(
    "audit", "“{name}”的删除记录可疑（本机的修改次数被改高），已忽略。"
)

# Why a version was kept in the history: stored in the file as this Chinese text (queries
# look for some of them), said in the window's language when a stored reason matches one
# (``ui/version_dialogs.reason_text``); the file name or the unit inside it is data.
RECEIVED = QT_TRANSLATE_NOOP("history", "收到的版本（来自“{source}”）")
NOT_TAKEN_DELETED_HERE = QT_TRANSLATE_NOOP("history", "合并时未采用（来自“{source}”，本机已删除）")
PURGED_THERE = QT_TRANSLATE_NOOP("history", "对方已彻底删除（来自“{source}”）")
TRASHED_THERE = QT_TRANSLATE_NOOP("history", "对方已删除（来自“{source}”），移入回收站前的版本")
REPLACED = QT_TRANSLATE_NOOP("history", "合并前的本机版本（被“{source}”中的版本替换）")
NOT_TAKEN = QT_TRANSLATE_NOOP("history", "合并时未采用（来自“{source}”）")
BEFORE_COMBINED = QT_TRANSLATE_NOOP("history", "合并前的本机版本（与“{source}”中的版本合并）")
THEIRS_COMBINED = QT_TRANSLATE_NOOP(
    "history", "合并时对方的版本（来自“{source}”，已与本机版本合并）"
)
BEFORE_PAIRED = QT_TRANSLATE_NOOP("history", "合并前的本机版本（与“{source}”中的同名项目合为一个）")
PAIR_NOT_TAKEN = QT_TRANSLATE_NOOP("history", "合并时未采用（来自“{source}”的同名项目）")
BASE_REASON = QT_TRANSLATE_NOOP("history", "共同的基准版本")
APPROVED_REASON = QT_TRANSLATE_NOOP("history", "审核通过的版本（随审核结果带来）")
APPROVED_BY = QT_TRANSLATE_NOOP("history", "审核通过的版本（{unit}）")
BEFORE_RESTORE = QT_TRANSLATE_NOOP("history", "恢复历史版本前")
# the templates a stored reason is matched against, those without a placeholder first
HISTORY_REASONS = (
    BASE_REASON,
    APPROVED_REASON,
    BEFORE_RESTORE,
    RECEIVED,
    NOT_TAKEN_DELETED_HERE,
    PURGED_THERE,
    TRASHED_THERE,
    REPLACED,
    NOT_TAKEN,
    BEFORE_COMBINED,
    THEIRS_COMBINED,
    BEFORE_PAIRED,
    PAIR_NOT_TAKEN,
    APPROVED_BY,
)
