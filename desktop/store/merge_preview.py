"""A conflict's preview lines: what each side changed, and the fields both changed."""

from __future__ import annotations

from desktop.domain.combine import Combined, merge_values
from desktop.domain.diff import Change, field_change, text_diff
from desktop.domain.messages import Message
from desktop.domain.model import Project


def combined_changes(mine: Project, theirs: Project, c: Combined) -> list[Change]:
    """A conflict's preview: what the combined version takes from theirs, what it keeps of
    mine's own edits, and the fields both changed (我的 / 对方的 / 原来的)."""
    am, at = merge_values(mine), merge_values(theirs)
    out: list[Change] = []
    if c.conflicts:
        out.append(Change(f"双方都修改了 {len(c.conflicts)} 处（请逐项选择，或两份都保留）："))
        for k in c.conflicts:
            label = (field_change(k.key, k.mine, k.theirs) or [Change(k.key)])[0].label
            label = label.split("：")[0]
            out.append(Change(f"  ◆ {label}"))
            if k.key.startswith("ind:"):
                mine_text = k.mine.value.shown if k.mine is not None else "（已删除）"
                theirs_text = k.theirs.value.shown if k.theirs is not None else "（已删除）"
                base_text = k.base.value.shown if k.base is not None else "（无）"
            elif k.base_known and _is_text(k.base) and _is_text(k.mine) and _is_text(k.theirs):
                # long texts: each side as its change from the original, then the original
                out.append(Change("    我的（与原来的相比）", text_diff(k.base[0], k.mine[0])))
                out.append(Change("    对方的（与原来的相比）", text_diff(k.base[0], k.theirs[0])))
                out.append(Change(f"    原来的：{_plain(k.key, k.base)}"))
                continue
            else:
                mine_text, theirs_text = _plain(k.key, k.mine), _plain(k.key, k.theirs)
                base_text = _plain(k.key, k.base) if k.base_known else "（历史中没有记录）"
            out.append(Change(f"    我的：{mine_text}"))
            out.append(Change(f"    对方的：{theirs_text}"))
            out.append(Change(f"    原来的：{base_text}"))
    out += _side_changes("对方修改的（合并后采用）：", c.from_theirs, am, at, theirs, "对方")
    added = [k for k in at if k.startswith("ind:") and k not in am and k in _kept(c)]
    removed = [k for k in am if k.startswith("ind:") and k not in _kept(c)]
    for key in added:
        out.append(_indent(field_change(key, None, at[key])[0]))
    for key in removed:
        out.append(_indent(field_change(key, am[key], None)[0]))
    out += _side_changes("我修改的（合并后保留）：", c.from_mine, at, am, mine, "我")
    return out


def _side_changes(title: str, keys, old: dict, new: dict, side: Project, who: str) -> list:
    """The fields one side changed (``keys``), from the other side's values to its own."""
    if not keys:
        return []
    out = [Change(title)]
    for key in keys:
        if key not in ("order", "trash"):
            out += [_indent(x) for x in field_change(key, old.get(key), new.get(key))]
    if "order" in keys:
        out.append(Change("  指标的顺序"))
    if "trash" in keys:
        moved = "移入回收站（合并后在回收站中，可以恢复）" if side.deleted_at else "从回收站恢复"
        out.append(Change(f"  {who}已把这个项目{moved}"))
    return out


def _is_text(value) -> bool:
    return isinstance(value, tuple) and isinstance(value[0], str) and len(value[0]) > 40


def _kept(c: Combined) -> set[str]:
    return {f"ind:{i.uid}" for i in c.project.indicators}


def _indent(change: Change) -> Change:
    """The line set in under its title (its label still a Message, said in any language)."""
    return Change(Message("  {label}", label=change.label), change.segments)


def _plain(key: str, value) -> str:
    """A field's whole value, as the conflict list shows it."""
    from desktop.domain.money import format_money

    if isinstance(value, tuple):
        value = value[0]
    if value is None or value == "":
        return "（空）"
    if key.startswith("funds."):
        return format_money(value)
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text.replace("\n", "⏎")
