"""What changed between two versions of a form, for the merge preview and ``merge --dry-run``.

Long texts are compared character by character (difflib): the changed parts with a little
context on either side, the inserted text marked 〔+…〕 and the removed text 〔−…〕 (so the
change reads without colour; the window colours them too). Amounts are old → new with the
difference; indicators are matched by id and reported as added, removed or changed.

Each line is a ``messages.Message``: Chinese text that keeps its template, the form's words
(field labels, （空）) as ``Term``s and the clerk's data as it is, so that a window in another
language shows it in that language (``ui/audit_text.finding_text``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date

from desktop.domain.dates import format_date
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, Term
from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.money import format_money

SAME, INSERTED, REMOVED = "same", "ins", "del"
CONTEXT = 12  # characters of unchanged text shown on either side of a change
SHORT = 40  # texts up to this long are shown whole (old → new)
_EXAMPLE_DAY = date(2025, 1, 31)  # a date style shown by this date written in it
EMPTY_TEXT = Term(QT_TRANSLATE_NOOP("audit", "（空）"))


@dataclass
class Change:
    """One line of differences: a label and either segments (a text diff) or plain text."""

    label: str  # a Term (a field label) or a Message
    segments: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)

    def text(self) -> str:
        """The line without colour: inserted 〔+…〕, removed 〔−…〕."""
        if not self.segments:
            return self.label
        return Message(
            QT_TRANSLATE_NOOP("audit", "{label}：{change}"),
            label=self.label,
            change=marked(self.segments),
        )


def marked(segments: list[tuple[str, str]]) -> str:
    """The segments as one text (a Message: its Terms, such as （空）, translate)."""
    out, args = [], {}
    for kind, text in segments:
        if kind in (INSERTED, REMOVED):  # the marks are the window's words, the text data
            template = (
                QT_TRANSLATE_NOOP("audit", "〔+{text}〕")
                if kind == INSERTED
                else QT_TRANSLATE_NOOP("audit", "〔−{text}〕")
            )
            text = Message(template, text=text)
        if isinstance(text, (Term, Message)):
            key = f"a{len(args)}"
            args[key] = text
            out.append("{" + key + "}")
        else:  # the clerk's data: braces kept as they are
            out.append(text.replace("{", "{{").replace("}", "}}"))
    return Message("".join(out), **args)


def _one_line(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "⏎")


def text_diff(old: str, new: str, context: int = CONTEXT) -> list[tuple[str, str]]:
    """Segments of a character-level diff, unchanged stretches longer than twice the
    context cut to their ends (``…``)."""
    old, new = _one_line(old), _one_line(new)
    if not old or not new or (len(old) <= SHORT and len(new) <= SHORT) or _unlike(old, new):
        # short values, or nothing in common: old → new, whole
        return [
            (REMOVED, old) if old else (SAME, EMPTY_TEXT),
            (SAME, " → "),
            (INSERTED, new) if new else (SAME, EMPTY_TEXT),
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
        Message(
            QT_TRANSLATE_NOOP("audit", "{label}：{old} → {new}（{delta}）"),
            label=Term(label),
            old=format_money(old),
            new=format_money(new),
            delta=sign + format_money(abs(delta)),
        )
    )


def indicator_label(i: Indicator) -> str:
    return "/".join(x for x in (i.level1, i.level2, i.name) if x) or Term(
        QT_TRANSLATE_NOOP("audit", "（未命名指标）")
    )


def _indicator_line(added: bool, i: Indicator) -> Message:
    """新增/删除指标: its names and value (the value left out when empty)."""
    if i.value.shown:
        template = (
            QT_TRANSLATE_NOOP("audit", "新增指标：{name} {value}")
            if added
            else QT_TRANSLATE_NOOP("audit", "删除指标：{name} {value}")
        )
        return Message(template, name=indicator_label(i), value=i.value.shown)
    template = (
        QT_TRANSLATE_NOOP("audit", "新增指标：{name}")
        if added
        else QT_TRANSLATE_NOOP("audit", "删除指标：{name}")
    )
    return Message(template, name=indicator_label(i))


def indicator_changes(old: Indicator, new: Indicator) -> list[Change]:
    """What differs in one indicator (matched by id)."""
    label = indicator_label(new)
    out = []
    if (old.level1, old.level2, old.name) != (new.level1, new.level2, new.name):
        out.append(
            Change(
                Message(QT_TRANSLATE_NOOP("audit", "指标 {name} 改名"), name=indicator_label(old)),
                text_diff(indicator_label(old), indicator_label(new)),
            )
        )
    if old.value.shown != new.value.shown or old.value != new.value:
        out.append(
            Change(
                Message(QT_TRANSLATE_NOOP("audit", "指标 {name}"), name=label),
                text_diff(old.value.shown, new.value.shown),
            )
        )
    if not out and old != new:
        out.append(
            Change(
                Message(QT_TRANSLATE_NOOP("audit", "指标 {name}：复核标记或备注不同"), name=label)
            )
        )
    return out


def _flag_differs(label: str) -> Change:
    return Change(Message(QT_TRANSLATE_NOOP("audit", "{label}：需复核标记不同"), label=Term(label)))


# the merge's other fields, as the form's words
_OTHER_LABELS = {
    "profile": QT_TRANSLATE_NOOP("audit", "指标体系"),
    "date_style": QT_TRANSLATE_NOOP("audit", "日期写法"),
    "goal_header": QT_TRANSLATE_NOOP("audit", "目标表头"),
    "funds_written": QT_TRANSLATE_NOOP("audit", "金额的写法"),
    "flag.indicators": QT_TRANSLATE_NOOP("audit", "指标的需复核标记"),
    "trash": QT_TRANSLATE_NOOP("audit", "回收站"),
    "order": QT_TRANSLATE_NOOP("audit", "指标的顺序"),
}


def field_name(key: str) -> str:
    """A merge field's name, as the form's words (a ``Term``); the key when unknown."""
    if key.startswith("funds.") and key[6:] in Funds.FIELD_LABELS:
        return Term(Funds.FIELD_LABELS[key[6:]])
    if key in Project.FIELD_LABELS:
        return Term(Project.FIELD_LABELS[key])
    return Term(_OTHER_LABELS[key]) if key in _OTHER_LABELS else key


def field_change(key: str, old, new) -> list[Change]:
    """The differences of one merge field (``combine.merge_values`` keys and values)."""
    if key.startswith("ind:"):
        if old is None:
            return [Change(_indicator_line(True, new))]
        if new is None:
            return [Change(_indicator_line(False, old))]
        return indicator_changes(old, new)
    if key.startswith("funds."):
        label = Funds.FIELD_LABELS[key[6:]]
        (a, fa), (b, fb) = old, new
        out = [amount_change(label, a, b)] if a != b else []
        if fa != fb:
            out.append(_flag_differs(label))
        return out
    if key in Project.FIELD_LABELS:
        label = Project.FIELD_LABELS[key]
        (a, fa), (b, fb) = old, new
        out = [Change(Term(label), text_diff(_value_text(a), _value_text(b)))] if a != b else []
        if fa != fb:
            out.append(_flag_differs(label))
        return out
    if key in ("order", "trash", "flag.indicators"):
        label = Term(_OTHER_LABELS[key])
        return [Change(Message(QT_TRANSLATE_NOOP("audit", "{label}不同"), label=label))]
    label = Term(_OTHER_LABELS[key]) if key in _OTHER_LABELS else key
    if key == "date_style":  # a date written each way, not the style's code name
        old, new = (format_date(_EXAMPLE_DAY, s or "") for s in (old, new))
    return [Change(label, text_diff(_value_text(old), _value_text(new)))]


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
        order = Term(_OTHER_LABELS["order"])
        out.append(Change(Message(QT_TRANSLATE_NOOP("audit", "{label}不同"), label=order)))
    if not out and old.content() != new.content():
        out.append(Change(Message(QT_TRANSLATE_NOOP("audit", "其他内容不同（复核标记、备注等）"))))
    return out


def field_changes(old: Project, new: Project) -> list[str]:
    """What differs between two versions of a form, one line per field: texts as the
    changed part with context (〔+inserted〕〔−removed〕), amounts old → new with the
    difference, indicators (by id) added, removed and changed."""
    return [c.text() for c in project_changes(old, new)]
