"""What changed between two versions of a form, for the merge preview and ``merge --dry-run``.

Long texts are compared character by character (difflib): the changed parts with a little
context on either side, the inserted text marked 〔+…〕 and the removed text 〔−…〕 (so the
change reads without colour; the window colours them too). Amounts are old → new with the
difference; indicators are matched by id and reported as added, removed or changed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.money import format_money

SAME, INSERTED, REMOVED = "same", "ins", "del"
CONTEXT = 12  # characters of unchanged text shown on either side of a change
SHORT = 40  # texts up to this long are shown whole (old → new)


@dataclass
class Change:
    """One line of differences: a label and either segments (a text diff) or plain text."""

    label: str
    segments: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)

    def text(self) -> str:
        """The line without colour: inserted 〔+…〕, removed 〔−…〕."""
        return f"{self.label}：" + marked(self.segments) if self.segments else self.label


def marked(segments: list[tuple[str, str]]) -> str:
    out = []
    for kind, text in segments:
        if kind == INSERTED:
            out.append(f"〔+{text}〕")
        elif kind == REMOVED:
            out.append(f"〔−{text}〕")
        else:
            out.append(text)
    return "".join(out)


def _one_line(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "⏎")


def text_diff(old: str, new: str, context: int = CONTEXT) -> list[tuple[str, str]]:
    """Segments of a character-level diff, unchanged stretches longer than twice the
    context cut to their ends (``…``)."""
    old, new = _one_line(old), _one_line(new)
    if not old or not new or (len(old) <= SHORT and len(new) <= SHORT) or _unlike(old, new):
        # short values, or nothing in common: old → new, whole
        return [
            (REMOVED, old) if old else (SAME, "（空）"),
            (SAME, " → "),
            (INSERTED, new) if new else (SAME, "（空）"),
        ]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    out: list[tuple[str, str]] = []
    opcodes = matcher.get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            text = old[i1:i2]
            first, last = n == 0, n == len(opcodes) - 1
            if first and len(text) > context:
                text = "…" + text[-context:]
            elif last and len(text) > context:
                text = text[:context] + "…"
            elif len(text) > 2 * context:
                text = text[:context] + "…" + text[-context:]
            out.append((SAME, text))
            continue
        if i2 > i1:
            out.append((REMOVED, old[i1:i2]))
        if j2 > j1:
            out.append((INSERTED, new[j1:j2]))
    return out


def _unlike(a: str, b: str) -> bool:
    """Texts with little in common read better whole than as a patchwork."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).quick_ratio() < 0.3


def _value_text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def amount_change(label: str, old: int, new: int) -> Change:
    delta = new - old
    sign = "+" if delta > 0 else "−"
    return Change(
        f"{label}：{format_money(old)} → {format_money(new)}（{sign}{format_money(abs(delta))}）"
    )


def indicator_label(i: Indicator) -> str:
    return "/".join(x for x in (i.level1, i.level2, i.name) if x) or "（未命名指标）"


def indicator_changes(old: Indicator, new: Indicator) -> list[Change]:
    """What differs in one indicator (matched by id)."""
    label = indicator_label(new)
    out = []
    if (old.level1, old.level2, old.name) != (new.level1, new.level2, new.name):
        out.append(
            Change(
                f"指标 {indicator_label(old)} 改名",
                text_diff(indicator_label(old), indicator_label(new)),
            )
        )
    if old.value.shown != new.value.shown or old.value != new.value:
        out.append(Change(f"指标 {label}", text_diff(old.value.shown, new.value.shown)))
    if not out and old != new:
        out.append(Change(f"指标 {label}：复核标记或备注不同"))
    return out


def field_change(key: str, old, new) -> list[Change]:
    """The differences of one merge field (``combine.merge_values`` keys and values)."""
    if key.startswith("ind:"):
        if old is None:
            return [Change(f"新增指标：{indicator_label(new)} {new.value.shown}".rstrip())]
        if new is None:
            return [Change(f"删除指标：{indicator_label(old)} {old.value.shown}".rstrip())]
        return indicator_changes(old, new)
    if key.startswith("funds."):
        label = Funds.FIELD_LABELS[key[6:]]
        (a, fa), (b, fb) = old, new
        out = [amount_change(label, a, b)] if a != b else []
        if fa != fb:
            out.append(Change(f"{label}：需复核标记不同"))
        return out
    if key in Project.FIELD_LABELS:
        label = Project.FIELD_LABELS[key]
        (a, fa), (b, fb) = old, new
        out = [Change(label, text_diff(_value_text(a), _value_text(b)))] if a != b else []
        if fa != fb:
            out.append(Change(f"{label}：需复核标记不同"))
        return out
    labels = {
        "profile": "指标体系",
        "date_style": "日期写法",
        "goal_header": "目标表头",
        "flag.indicators": "指标的需复核标记",
        "trash": "回收站",
        "order": "指标的顺序",
    }
    if key in ("order", "trash", "flag.indicators"):
        return [Change(f"{labels[key]}不同")]
    return [Change(labels.get(key, key), text_diff(_value_text(old), _value_text(new)))]


def project_changes(old: Project, new: Project) -> list[Change]:
    """Field by field, what turning ``old`` into ``new`` changes; indicators by id."""
    from desktop.domain.combine import merge_values

    a, b = merge_values(old), merge_values(new)
    out: list[Change] = []
    for key in list(a) + [k for k in b if k not in a]:
        if key in ("order", "trash"):
            continue
        if a.get(key) != b.get(key) or (key in a) != (key in b):
            out += field_change(key, a.get(key), b.get(key))
    common = [u for u in a["order"] if u in set(b["order"])]  # type: ignore[union-attr]
    if common != [u for u in b["order"] if u in set(a["order"])]:  # type: ignore[union-attr]
        out.append(Change("指标的顺序不同"))
    if not out and old.content() != new.content():
        out.append(Change("其他内容不同（复核标记、备注等）"))
    return out


def field_changes(old: Project, new: Project) -> list[str]:
    """What differs between two versions of a form, one line per field: texts as the
    changed part with context (〔+inserted〕〔−removed〕), amounts old → new with the
    difference, indicators (by id) added, removed and changed."""
    return [c.text() for c in project_changes(old, new)]
