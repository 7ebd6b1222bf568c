"""Line breaking for cells: any CJK character may start a line, Latin words stay whole when
they fit, runs without break opportunities are broken where needed, and closing punctuation
(，。、）…) never starts a line: the character before it moves down with it. Nothing is
drawn outside its cell."""

from __future__ import annotations

from desktop.domain.chars import is_wide
from desktop.printing.fonts import FontChain

NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’,.;:?!)]}%％·…—～")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")


def _break_before(prev: str, ch: str) -> bool:
    """May a line break fall between ``prev`` and ``ch``?"""
    if ch in NO_LINE_START or prev in NO_LINE_END:
        return False
    if prev == " " or ch == " ":
        return True
    return is_wide(prev) or is_wide(ch)


def wrap(chain: FontChain, text: str, width: float, size: float) -> list[str]:
    """The lines of ``text`` in a column ``width`` points wide at ``size`` points."""
    lines: list[str] = []
    width = max(width, size)  # at least one character per line, whatever the column
    for para in chain.clean(text).split("\n"):
        if chain.width(para, size) <= width:
            lines.append(para.rstrip())
            continue
        line: list[str] = []
        line_width = 0.0
        last_break = -1  # index in ``line`` before which a break is allowed
        for ch in para:
            w = chain.char_width(ch, size)
            if line and _break_before(line[-1], ch):
                last_break = len(line)
            if line_width + w > width and line:
                if ch == " ":
                    lines.append("".join(line).rstrip())
                    line, line_width, last_break = [], 0.0, -1
                    continue
                cut = last_break if last_break > 0 else len(line)
                if ch in NO_LINE_START and cut == len(line) and len(line) > 1:
                    cut -= 1  # take the previous character along: no line starts with "，"
                lines.append("".join(line[:cut]).rstrip())
                line = line[cut:]
                while line and line[0] == " ":
                    line.pop(0)
                line_width = sum(chain.char_width(c, size) for c in line)
                last_break = -1
            line.append(ch)
            line_width += w
        lines.append("".join(line).rstrip())
    return lines
