"""Dates as clerks write them: 2024-01-01, 2024/1/1, 2024.1.1, 2024年1月1日, 20240101.

``parse_date`` reads any of these; ``date_style`` tells which one a text uses, and
``format_date`` writes a date back in a style, so that a form imported with ``2026/1/1``
prints ``2026/1/1``. The program's own convention (style ``""``) is ISO: ``2026-01-01``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message

_YMD = re.compile(r"^(\d{4})\s*([-/.年])\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*(日?)$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")

# style → an example; "" is the program's convention (ISO).
DATE_STYLES = {
    "iso": "2025-01-01",
    "slash": "2025/1/1",
    "dot": "2025.1.1",
    "cn": "2025年1月1日",
    "compact": "20250101",
}
_SEPARATOR_STYLE = {"-": "iso", "/": "slash", ".": "dot", "年": "cn"}


class DateError(ValueError):
    """A date that cannot be read. ``str(err)`` is a message for the user."""


def _match(text: str) -> tuple[re.Match[str], str]:
    s = unicodedata.normalize("NFKC", text or "").strip()
    if not s:
        raise DateError(Message(QT_TRANSLATE_NOOP("domain", "日期为空")))
    if len(s) > 40:
        raise DateError(Message(QT_TRANSLATE_NOOP("domain", "日期太长")))
    m = _YMD.match(s)
    if m is not None:
        return m, _SEPARATOR_STYLE[m.group(2)]
    m = _COMPACT.match(s)
    if m is not None:
        return m, "compact"
    # "2024-01-01 00:00:00" as spreadsheets write it
    head = s.split()[0] if " " in s else ""
    m = _YMD.match(head) if head else None
    if m is not None:
        return m, _SEPARATOR_STYLE[m.group(2)]
    raise DateError(
        Message(
            QT_TRANSLATE_NOOP(
                "domain",
                "“{text}”不是日期（可写成 2025-01-01、2025/1/1、2025.1.1、20250101 或 "
                "2025年1月1日）",
            ),
            text=(text or "").strip(),
        )
    )


def parse_date(text: str) -> date:
    m, _style = _match(text)
    if m.re is _COMPACT:
        y, mo, d = m.group(1), m.group(2), m.group(3)
    else:
        y, mo, d = m.group(1), m.group(3), m.group(4)
    try:
        return date(int(y), int(mo), int(d))
    except ValueError as exc:
        raise DateError(
            Message(QT_TRANSLATE_NOOP("domain", "“{text}”不是有效的日期"), text=text.strip())
        ) from exc


def date_style(text: str) -> str:
    """The style of a written date (``"iso"``, ``"slash"``, ``"dot"``, ``"cn"``,
    ``"compact"``); DateError when the text is no date."""
    return _match(text)[1]


def typed_style(current: str, typed: str) -> str:
    """The form's date style after the clerk typed ``typed`` into one of its dates: the
    style of what was typed (``2024/1/1`` makes the form print ``2024/1/1``), except that
    an ISO date typed into a form of the program's convention keeps ``""``. Empty or
    unreadable text keeps ``current``."""
    try:
        style = date_style(typed) if (typed or "").strip() else current
    except DateError:
        return current
    if style == "iso" and current in ("", "iso"):
        return current
    return style


def format_date(d: date, style: str = "") -> str:
    """Write a date in a style; ``""`` or an unknown style gives ISO ``2025-01-01``."""
    if style == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "compact":
        return f"{d.year:04d}{d.month:02d}{d.day:02d}"
    return d.isoformat()
