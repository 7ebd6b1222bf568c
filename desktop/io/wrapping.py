"""Undo the line breaks of a published cell without touching what the form really wrote.

A PDF's text extraction (and the text the sample was copied from) turns every line break
inside a cell into a space: ``普遍设 律师事务所``, ``…工 程``, ``开 展``. Chinese is written
without spaces, so a space between two CJK characters (or a CJK character and CJK
punctuation) is a broken line and goes; spaces the form really has — between Latin words,
between digits and units (``=100.00 (%)``), around a Latin word — stay. A numbered item
(``1.``, ``（1）``, ``一、``, ``①``) that a wrap or the extraction ran into the previous one
starts its own line again, as on the official form. Nothing else is changed: quotation
marks, ``<p>`` and every other character of the source stay as written.
"""

from __future__ import annotations

import re

from desktop.domain.chars import joins_wrapped

_SPACES = " \u00a0\u3000"
_SPACE_RUN = re.compile(f"[{_SPACES}]+")
# An item number: 1. 1、 1．(not 1.5), （1） (1), 一、 二. , ① …
_ITEM = r"(?:\d{1,2}[.、．](?!\d)|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}[、．]|[①-⑳])"
# …where an earlier item ended: after a sentence end or semicolon, or after a wrap.
_ITEM_START = re.compile(f"(?<=[；;。！？!?])[{_SPACES}]*(?={_ITEM})|[{_SPACES}]+(?={_ITEM})")


def join_wrapped(text: str, single_line: bool = False) -> str:
    """``text`` with the spaces line breaks left inside CJK words removed and numbered items
    on lines of their own; real spaces and every other character kept. ``single_line``: a
    field of one line (a name, a unit, an indicator), where a line break inside the cell (a
    workbook's) is a wrap too."""
    if not text:
        return text
    if single_line:
        text = " ".join(part.strip() for part in text.split("\n") if part.strip())
    lines = [_item_lines(line) for line in text.split("\n")]
    return "\n".join(_join_line(line) for line in "\n".join(lines).split("\n"))


def _join_line(line: str) -> str:
    """The spaces of one line between two characters a wrap joins (``joins_wrapped``) go."""

    def keep(m: re.Match) -> str:
        start, end = m.span()
        inside = start > 0 and end < len(line)
        if inside and joins_wrapped(line[start - 1]) and joins_wrapped(line[end]):
            return ""
        return m.group(0)

    return _SPACE_RUN.sub(keep, line)


def _item_lines(line: str) -> str:
    """A line holding several numbered items: one line each (the first item, and a number
    that is the line's own start, stay where they are)."""
    if not re.search(_ITEM, line):
        return line
    first = re.match(f"[{_SPACES}]*{_ITEM}", line)
    out: list[str] = []
    last = 0
    for m in _ITEM_START.finditer(line):
        if m.start() == 0 or (first and m.start() < first.end()):
            continue
        if not _numbered_sequence(line, m.end()):
            continue
        out.append(line[last : m.start()].rstrip(_SPACES))
        last = m.end()
    out.append(line[last:])
    return "\n".join(out)


def _numbered_sequence(line: str, at: int) -> bool:
    """The item at ``at`` is numbered after an earlier one in the same line (``2.`` after
    ``1.``): a lone ``3、`` in running text is not an item list."""
    m = re.match(_ITEM, line[at:])
    if not m:
        return False
    token = m.group(0)
    digits = re.search(r"\d+", token)
    if digits:
        n = int(digits.group(0))
        before = line[:at]
        return n >= 2 and bool(re.search(rf"(?<!\d){n - 1}\s*[.、．)）]", before))
    if token[0] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return token[0] != "①" and chr(ord(token[0]) - 1) in line[:at]
    numerals = "一二三四五六七八九十"
    head = token.rstrip("、．")
    if len(head) == 1 and head in numerals and head != "一":
        return numerals[numerals.index(head) - 1] + token[-1] in line[:at]
    return False
