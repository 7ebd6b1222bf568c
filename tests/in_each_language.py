"""What the tests of the window's sentences share (the window in each language is the
conftest fixture ``window_in_each_language``): the check that a sentence is the one written
for its language, in English without Chinese but for the user's own names."""

from __future__ import annotations

import re

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def said(text: str, language: str, english: str, chinese: str, name: str = "") -> None:
    """``text`` is the sentence written for ``language``; in English no Chinese but in
    ``name`` (the user's own data)."""
    if language == "en":
        assert text == english
        assert not CJK.search(text.replace(name, "") if name else text), text
    else:
        assert text == chinese
