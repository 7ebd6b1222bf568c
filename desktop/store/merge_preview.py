"""A conflict's preview lines: what each side changed, and the fields both changed.

Every line is a ``messages.Message`` (its templates in ``domain/merge_text``): Chinese as
it is (the CLI's ``merge --dry-run``), and said in the window's language by the UI."""

from __future__ import annotations

from desktop.domain import merge_text as say
from desktop.domain.combine import Combined, FieldConflict, merge_values
from desktop.domain.diff import (
    EMPTY_TEXT,
    Change,
    field_change,
    field_name,
    indicator_label,
    text_diff,
)
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message
from desktop.domain.model import Project


def combined_changes(mine: Project, theirs: Project, c: Combined) -> list[Change]:
    """A conflict's preview: what the combined version takes from theirs, what it keeps of
    mine's own edits, and the fields both changed (我的 / 对方的 / 原来的)."""
    am, at = merge_values(mine), merge_values(theirs)
    out: list[Change] = []
    if c.conflicts:
        out.append(Change(Message(say.CONFLICTS, count=len(c.conflicts))))
        for k in c.conflicts:
            out += _conflict_lines(k)
    out += _side_changes(say.FROM_THEIRS, c.from_theirs, am, at, theirs, mine=False)
    added = [k for k in at if k.startswith("ind:") and k not in am and k in _kept(c)]
    removed = [k for k in am if k.startswith("ind:") and k not in _kept(c)]
    for key in added:
        out.append(_indent(field_change(key, None, at[key])[0]))
    for key in removed:
        out.append(_indent(field_change(key, am[key], None)[0]))
    out += _side_changes(say.FROM_MINE, c.from_mine, at, am, mine, mine=True)
    return out


def _conflict_lines(k: FieldConflict) -> list[Change]:
    """One field both sides changed: its name, then mine, theirs and the original."""
    out = [Change(Message("  ◆ {label}", label=_conflict_label(k)))]
    if k.key.startswith("ind:"):
        mine_text = k.mine.value.shown if k.mine is not None else say.DELETED
        theirs_text = k.theirs.value.shown if k.theirs is not None else say.DELETED
        base_text = k.base.value.shown if k.base is not None else say.NO_BASE
    elif k.base_known and _is_text(k.base) and _is_text(k.mine) and _is_text(k.theirs):
        # long texts: each side as its change from the original, then the original
        out.append(Change(_deeper(say.MINE_CHANGE), text_diff(k.base[0], k.mine[0])))
        out.append(Change(_deeper(say.THEIRS_CHANGE), text_diff(k.base[0], k.theirs[0])))
        out.append(Change(_deeper(Message(say.BASE_VALUE, value=_plain(k.key, k.base)))))
        return out
    else:
        mine_text, theirs_text = _plain(k.key, k.mine), _plain(k.key, k.theirs)
        base_text = _plain(k.key, k.base) if k.base_known else say.NOT_IN_HISTORY
    out.append(Change(_deeper(Message(say.MINE_VALUE, value=mine_text))))
    out.append(Change(_deeper(Message(say.THEIRS_VALUE, value=theirs_text))))
    out.append(Change(_deeper(Message(say.BASE_VALUE, value=base_text))))
    return out


def _conflict_label(k: FieldConflict) -> str:
    """The name of a field both changed: the form's label, or the indicator by its names
    (as renamed from mine, when its names changed)."""
    if k.key.startswith("ind:"):
        if k.mine is None or k.theirs is None:
            return say.INDICATOR_ADDED if k.mine is None else say.INDICATOR_REMOVED
        names = lambda i: (i.level1, i.level2, i.name)  # noqa: E731
        if names(k.mine) != names(k.theirs):
            template = QT_TRANSLATE_NOOP("audit", "指标 {name} 改名")
            return Message(template, name=indicator_label(k.mine))
        return Message(QT_TRANSLATE_NOOP("audit", "指标 {name}"), name=indicator_label(k.theirs))
    if k.key.startswith("funds.") or k.key in Project.FIELD_LABELS:
        return field_name(k.key)
    changes = field_change(k.key, k.mine, k.theirs)  # 指标体系, 日期写法 …: as the diff says
    return changes[0].label if changes else field_name(k.key)


def _side_changes(title: str, keys, old: dict, new: dict, side: Project, mine: bool) -> list:
    """The fields one side changed (``keys``), from the other side's values to its own."""
    if not keys:
        return []
    out = [Change(Message(title))]
    for key in keys:
        if key not in ("order", "trash"):
            out += [_indent(x) for x in field_change(key, old.get(key), new.get(key))]
    if "order" in keys:
        out.append(Change(Message("  {label}", label=field_name("order"))))
    if "trash" in keys:
        moved = say.TRASHED[mine] if side.deleted_at else say.RESTORED[mine]
        out.append(Change(Message("  {line}", line=Message(moved))))
    return out


def _is_text(value) -> bool:
    return isinstance(value, tuple) and isinstance(value[0], str) and len(value[0]) > 40


def _kept(c: Combined) -> set[str]:
    return {f"ind:{i.uid}" for i in c.project.indicators}


def _indent(change: Change) -> Change:
    """The line set in under its title (its label still a Message, said in any language)."""
    return Change(Message("  {label}", label=change.label), change.segments)


def _deeper(label: str) -> Message:
    """A conflict's line, set in under the field's name."""
    return Message("    {label}", label=label)


def _plain(key: str, value) -> str:
    """A field's whole value, as the conflict list shows it."""
    from desktop.domain.money import format_money

    if isinstance(value, tuple):
        value = value[0]
    if value is None or value == "":
        return EMPTY_TEXT
    if key.startswith("funds."):
        return format_money(value)
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text.replace("\n", "⏎")
