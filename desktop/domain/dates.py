"""Dates as clerks write them: 2024-01-01, 2024/1/1, 2024.1.1, 2024年1月1日, 20240101."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


class DateError(ValueError):
    """A date that cannot be read. ``str(err)`` is a message for the user."""


def parse_date(text: str) -> date:
    s = unicodedata.normalize("NFKC", text or "").strip()
    if not s:
        raise DateError("日期为空")
    m = _YMD.match(s) or _COMPACT.match(s)
    if m is None:
        # "2024-01-01 00:00:00" as spreadsheets write it
        head = s.split()[0] if " " in s else ""
        m = _YMD.match(head) if head else None
    if m is None:
        raise DateError(f"“{text.strip()}”不是日期（应写成 2024-01-01）")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise DateError(f"“{text.strip()}”不是有效的日期") from exc
