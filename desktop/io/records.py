"""Rows of cells from published text: records of tab-separated cells (quoted cells may span
lines), and what every reader of forms needs about a cell — its label key, its wrapped
lines joined, HTML left in it removed."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from desktop.domain.chars import joins_wrapped
from desktop.domain.limits import MAX_QUOTED_CELL
from desktop.io.variants import is_numbered_line, squash


@dataclass(frozen=True, slots=True)
class Record:
    line: int  # 1-based line where the record starts
    cells: tuple[str, ...]  # stripped cell texts, in-cell line breaks resolved
    raw: str  # the record exactly as in the file

    def filled(self) -> list[tuple[int, str]]:
        return [(col, c) for col, c in enumerate(self.cells) if c]


def _closing_quote(text: str, start: int) -> int:
    """Index of the quote closing a CSV-style quoted cell opened at ``start``, or -1."""
    j = start + 1
    n = len(text)
    while True:
        k = text.find('"', j)
        if k == -1 or k - start > MAX_QUOTED_CELL:
            return -1
        if k + 1 < n and text[k + 1] == '"':
            j = k + 2
            continue
        return k if k + 1 == n or text[k + 1] in "\t\n" else -1


def join_wrapped(cell: str) -> str:
    """Resolve line breaks inside a cell: none between CJK characters, a space otherwise."""
    if "\n" not in cell:
        return cell
    parts = [p.strip() for p in cell.split("\n")]
    out = ""
    for part in parts:
        if not part:
            continue
        if out and is_numbered_line(part):
            out += "\n"  # a numbered line (1. 2. …) stays a line of its own
        elif out and not (joins_wrapped(out[-1]) and joins_wrapped(part[0])):
            out += " "
        out += part
    return out


def read_records(text: str) -> list[Record]:
    """Split the text into records of tab-separated cells (quoted cells may span lines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    records: list[Record] = []
    n = len(text)
    i = 0
    line = 1
    while i < n or (i == n and n and text[-1] != "\n" and not records):
        start, start_line = i, line
        cells: list[str] = []
        while True:
            if i < n and text[i] == '"' and (end := _closing_quote(text, i)) != -1:
                cell = text[i + 1 : end].replace('""', '"')
                line += text.count("\n", i, end)
                i = end + 1
            else:
                end = i
                while end < n and text[end] not in "\t\n":
                    end += 1
                cell = text[i:end]
                i = end
            cells.append(join_wrapped(cell.strip()).strip())
            if i < n and text[i] == "\t":
                i += 1
                continue
            break
        raw = text[start:i]
        if i < n:  # the newline ending the record
            i += 1
            line += 1
        records.append(Record(start_line, tuple(cells), raw))
        if i >= n:
            break
    return records


#: a cell as a label: NFKC (full-width to ASCII) without any white space
key = squash


_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


_BREAK_TAG = re.compile(r"<br\s*/?>|</p>\s*<p[^<>]*>", re.IGNORECASE)


def strip_html(text: str) -> str:
    """Remove HTML tags such as ``<p>`` left in published goal texts; keep real ``<``."""
    text = _BREAK_TAG.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    return html.unescape(text).strip()
