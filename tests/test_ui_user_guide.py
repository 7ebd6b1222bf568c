"""Help › User Guide (F1) in the window's language: the English window shows the English guide
(docs/user-guide.en.md), the Chinese window the Chinese one (docs/使用说明.md), also after the
language is switched while the program runs. The English guide is a whole translation: the
same chapters in the same order, every key the Chinese guide names, and no Chinese but the
form's own terms it keeps on purpose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui_helpers import shown

ROOT = Path(__file__).resolve().parent.parent
CHINESE = ROOT / "docs" / "使用说明.md"
ENGLISH = ROOT / "docs" / "user-guide.en.md"
GUIDES = {"zh_CN": CHINESE, "en": ENGLISH}

# What the English guide keeps in Chinese, each with an English gloss beside it: the form's own
# terms and what the clerk meets written in Chinese (on the form, in a field, on the paper).
FORM_TERMS = (
    "财政项目支出绩效目标申报表",  # the form's title
    "绩效目标申报",  # the program's file names: 绩效目标申报.exe, 绩效目标申报.db, its folder
    "一级指标",  # the indicator levels and the value, as the form's columns are headed
    "二级指标",
    "三级指标",
    "指标值",
    "项目总体目标",  # the goal column's headers the Header: list offers
    "项目总目标",
    "起止年份",
    "2025年1月1日",  # a date typed as Chinese writes it
    "万元",  # amounts and values with the ten-thousand sign: 510万, 510万元, ≤510万元
    "万",
    "不低于",  # indicator values as forms write them: 不低于90%, 提升
    "提升",
    "校验码",  # printed before the check code in each page's footer
    "草稿",  # the draft watermark
)
# CJK ideographs, CJK punctuation (、。“〔…) and full-width forms (（），：)
CHINESE_TEXT = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def chinese_left(text: str) -> list[str]:
    for term in FORM_TERMS:
        text = text.replace(term, "")
    return CHINESE_TEXT.findall(text)


def headings(path: Path) -> list[tuple[int, str]]:
    """(level, text) of each Markdown heading, in order."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(#+)\s+(.*\S)", line)
        if m:
            found.append((len(m.group(1)), m.group(2)))
    return found


# Keys as the guides write them: Ctrl+…, Shift+…, Alt+… combinations, F-keys and named keys.
KEY = re.compile(
    r"(?<![A-Za-z0-9+])(?:(?:Ctrl|Shift|Alt)\+)*"
    r"(?:F\d{1,2}|PgDn|PgUp|Ins|Del|Delete|Esc|Enter|Tab|[↑↓←→])(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9+])(?:(?:Ctrl|Shift|Alt)\+)+[A-Z0-9](?![A-Za-z0-9])"
)


def keys(path: Path) -> set[str]:
    return set(KEY.findall(path.read_text(encoding="utf-8")))


def open_guide(window, qtbot):
    """F1 on the window, shown and active as the clerk has it."""
    QTest.keyClick(shown(window), Qt.Key.Key_F1)
    guide = window._guide
    qtbot.waitExposed(guide)
    return guide


def test_f1_shows_the_guide_in_the_windows_language(window_in_each_language, qtbot):
    c, language = window_in_each_language
    guide = open_guide(c.window, qtbot)
    text = guide.browser.toPlainText()
    for _, heading in headings(GUIDES[language]):
        assert heading in text, heading
    other = "zh_CN" if language == "en" else "en"
    assert headings(GUIDES[other])[1][1] not in text  # not the other guide
    if language == "en":
        assert guide.windowTitle() == "User Guide"
        assert not chinese_left(text), chinese_left(text)
    else:
        assert guide.windowTitle() == "使用说明"
        assert "第一次启动" in text and "财政项目支出绩效目标申报表" in text
    # Its pictures are found and drawn (no broken-image boxes), scaled to the dialog.
    doc = guide.browser.document()
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDES[language].read_text(encoding="utf-8"))
    assert len(pictures) >= 10
    for name in pictures:
        image = doc.resource(doc.ResourceType.ImageResource.value, name)
        assert image is not None and not image.isNull(), name
    assert guide.browser.horizontalScrollBar().maximum() == 0
    guide.close()


def test_the_guide_follows_a_language_switch_while_running(make_controller, tmp_path, qtbot):
    c = make_controller(tmp_path / "切换.db")
    assert "第一次启动" in open_guide(c.window, qtbot).browser.toPlainText()
    c.set_language("en")
    text = open_guide(c.window, qtbot).browser.toPlainText()
    assert "1. First start" in text and "第一次启动" not in text
    c.set_language("zh_CN")
    assert "第一次启动" in open_guide(c.window, qtbot).browser.toPlainText()


def test_the_english_guide_has_no_chinese_but_the_forms_own_terms():
    text = ENGLISH.read_text(encoding="utf-8")
    assert not chinese_left(text), chinese_left(text)
    # …and each kept term is really used (the allow-list stays as small as the guide needs)
    assert all(term in text for term in FORM_TERMS)


def test_every_chinese_heading_has_its_english_counterpart_in_order():
    chinese, english = headings(CHINESE), headings(ENGLISH)
    assert len(chinese) == len(english) == 11
    assert [level for level, _ in chinese] == [level for level, _ in english]
    # the chapters keep their numbers: 一、… 1. …, 五之二、… 5a. …
    numbers = [re.match(r"[\da-z]+(?=\. )", text) for _, text in english]
    assert [m.group() for m in numbers if m] == ["1", "2", "3", "4", "5", "5a", "6", "7", "8"]


def test_every_key_the_chinese_guide_names_is_in_the_english_one():
    chinese = keys(CHINESE)
    # the pattern finds the guide's keys (not an empty set that trivially passes)
    assert {"Ctrl+N", "Ctrl+Del", "Alt+↓", "Ctrl+PgDn", "Shift+F6", "F7", "F9", "Alt+T"} <= chinese
    assert {"Ins", "Ctrl+Ins", "Esc", "Ctrl+Enter", "Ctrl+↑"} <= chinese
    assert chinese - keys(ENGLISH) == set()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_each_guides_pictures_are_there(language):
    from desktop.resources import guide_path, guide_pictures

    path = guide_path(language)
    assert path == GUIDES[language]
    pictures = guide_pictures(path.read_text(encoding="utf-8"))
    assert pictures and all((path.parent / p).is_file() for p in pictures)
    if language == "en":  # the English window's pictures where there are English ones
        assert {"screenshots/1-basic-en.png", "screenshots/4-indicators-en.png"} <= set(pictures)
