"""What a character is, the one way the program decides it."""

from __future__ import annotations

import unicodedata


def is_wide(ch: str) -> bool:
    """A character that takes two columns — CJK ideographs and punctuation, full-width forms
    (Unicode's East Asian Width W or F)."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


#: punctuation of East Asian Width "A" (ambiguous: narrow in Latin text) that Chinese text
#: sets as part of its own run — a line wrapped next to it leaves no space
CJK_RUN_PUNCTUATION = frozenset("\u2014\u2018\u2019\u201c\u201d\u2026")  # — ‘ ’ “ ” …


def joins_wrapped(ch: str) -> bool:
    """A line wrapped next to this character joins without a space when the character on the
    other side of the break is one too: wide characters (``is_wide``) and the quotation
    marks, dash and ellipsis Chinese text uses (``CJK_RUN_PUNCTUATION``); white space never."""
    return not ch.isspace() and (is_wide(ch) or ch in CJK_RUN_PUNCTUATION)


def has_wide_gap(text: str) -> bool:
    """White space between two wide characters: two pieces of text run together (in a cell
    read from a table: two rows merged)."""
    n = len(text)
    i = 0
    while i < n:
        if text[i].isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            if i > 0 and j < n and is_wide(text[i - 1]) and is_wide(text[j]):
                return True
            i = j
        else:
            i += 1
    return False
