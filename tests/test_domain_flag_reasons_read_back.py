"""Why a field or an indicator needs review is stored as its Chinese sentence (files of every
version hold it so). Read back, each sentence this program writes is its template again with
the same arguments — also several reasons of one indicator joined with ；, and reasons whose
cell text holds a ；. Any other text reads back unchanged. Then, in the English window, every
reason with the clerk's data in ASCII has no Chinese left."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import flag_text
from desktop.domain import report_text as report_say
from desktop.domain.messages import Message, Term
from desktop.domain.model import Funds, Project, field_label
from desktop.domain.taxonomy import taxonomy
from tests.in_each_language import CJK

#: every reason the importer and the copy to a new year write, with what each argument is:
#: a word of the form (translated) or the clerk's data (kept)
LABELS = [field_label(k) for k in Project.FIELD_LABELS] + list(Funds.FIELD_LABELS.values())
TERMS = {
    "label": LABELS,
    "how": [report_say.BY_PERIOD, report_say.BY_DATES, report_say.BY_FILE_NAME],
    "level1": sorted(taxonomy().level1_names),
}
WITH_ARGS = {  # each argument: a word of the form (its list in TERMS) or the clerk's "cell"
    flag_text.NOT_FOUND: {"label": "label"},
    flag_text.YEAR_GUESSED: {"how": "how", "year": "year"},
    flag_text.PERIOD_YEARS_ONLY: {"period": "cell"},
    flag_text.PERIOD_MONTHS_ONLY: {"period": "cell"},
    flag_text.NOT_A_DATE: {"text": "cell"},
    flag_text.SAME_LINE_EXTRA: {"extra": "cell"},
    flag_text.NO_AMOUNT: {"label": "cell"},  # the label as the form wrote it
    flag_text.AMOUNT_UNREAD: {"text": "cell"},
    flag_text.LEVEL1_UNKNOWN: {"name": "cell"},
    flag_text.LEVEL2_UNKNOWN: {"name": "cell"},
    flag_text.LEVEL1_INFERRED: {"level1": "level1"},  # from the indicator system
    flag_text.NOT_UNDER: {"level2": "cell", "level1": "cell"},  # as the form has them
    flag_text.DIRECTION_UNREAD: {"direction": "cell"},
    flag_text.COPIED_FROM_YEAR: {"year": "year"},
}
PLAIN = [
    flag_text.ONLY_ANNUAL,
    flag_text.ONLY_PROJECT,
    flag_text.TOTAL_SUMMED,
    flag_text.PART_BY_DIFFERENCE,
    flag_text.MADE_UP_LIKE_OTHER,
    flag_text.TWO_PIECES,
    flag_text.NAME_CUT,
    flag_text.NO_LEVEL1,
    flag_text.NO_LEVEL2,
    flag_text.COLUMNS_APART,
    flag_text.GROUP_UNKNOWN,
    flag_text.CELLS_OUT_OF_PLACE,
    flag_text.ONLY_LONG_TERM,
]

#: the clerk's data in a cell: Chinese, digits, punctuation, a ；inside too
CELL = st.text(
    alphabet=st.sampled_from("项目年月日2024-/.万元 ；、abc"), min_size=1, max_size=12
).filter(lambda s: s.strip() == s and s)
ASCII_CELL = st.text(alphabet=st.sampled_from("abcXYZ 2024-/."), min_size=1, max_size=10).map(
    lambda s: f"<{s}>"
)


def a_reason(cell):
    def build(draw):
        template = draw(st.sampled_from([*WITH_ARGS, *PLAIN]))
        args = {}
        for name, kind in WITH_ARGS.get(template, {}).items():
            if kind in TERMS:
                args[name] = draw(st.sampled_from(TERMS[kind]))
            elif kind == "year":
                args[name] = str(draw(st.integers(1990, 2100)))
            else:
                args[name] = draw(cell)
        return template, args

    return st.composite(lambda draw: build(draw))()


def test_the_table_knows_each_template_once():
    written = [*WITH_ARGS, *PLAIN]
    assert len(set(written)) == len(written)
    for template in written:  # each sentence the importer writes is read back as itself
        back = flag_text.read(template.replace("{", "").replace("}", ""))
        assert isinstance(back, Message) and back.template == template


@settings(max_examples=300, deadline=None)
@given(st.lists(a_reason(CELL), min_size=1, max_size=4, unique_by=lambda r: repr(r)))
def test_reasons_read_back_as_written(reasons):
    written = [flag_text.reason(t, **a) for t, a in reasons]
    stored = str(flag_text.joined(*written))  # as SQLite gives it back: a plain str
    back = flag_text.read(stored)
    assert str(back) == stored
    items = [back] if isinstance(back, Message) else list(back.items)
    distinct = list(dict.fromkeys(written))
    assert [(i.template, i.args) for i in items] == [(w.template, w.args) for w in distinct]
    for item in items:  # the form's words are translated, the clerk's data kept
        for name, kind in WITH_ARGS.get(item.template, {}).items():
            assert isinstance(item.args[name], Term) == (kind in TERMS), (item.template, name)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_other_text_reads_back_unchanged(text):
    assert str(flag_text.read(text)) == text


@pytest.fixture
def english(app_and_translators):
    _, translators = app_and_translators
    translators.use("en")
    yield
    translators.use("zh_CN")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)  # the fixture only sets the language, the same for every example
@given(st.lists(a_reason(ASCII_CELL), min_size=1, max_size=3, unique_by=lambda r: repr(r)))
def test_in_english_no_chinese_is_left_but_the_clerks_data(english, reasons):
    from desktop.ui.audit_text import reason_text

    stored = str(flag_text.joined(*(flag_text.reason(t, **a) for t, a in reasons)))
    said = reason_text(stored)
    # the indicator system's 一级 names are the form's own words, shown as the form writes
    # them in the English window too (as in the tree and the 审核 panel)
    bare = said
    for word in TERMS["level1"]:
        bare = bare.replace(f"“{word}”", "")
    assert not CJK.search(bare), said
    for template, args in reasons:  # the clerk's data is said as typed
        for name, value in args.items():
            if WITH_ARGS[template][name] == "cell":
                assert value in said


def test_the_english_sentences(english):
    """Written from the translation table by hand: what a clerk reads in English."""
    from desktop.ui.audit_text import reason_text

    stored = "表中没有找到计划开始日期"
    assert reason_text(stored) == "The form has no Planned start date"
    stored = "一级指标“x”不在指标体系中，按原名称导入；指标名称可能被截断"
    assert reason_text(stored) == (
        "The level-1 indicator “x” is not in the indicator system; imported under its own"
        " name. The indicator's name may be cut off"
    )
    assert reason_text("审核人的话") == "审核人的话"  # not ours: shown as it is


NOTES = {  # the importer's own notes on an indicator, and what each argument is
    flag_text.LONG_TERM: {},
    flag_text.LONG_TERM_VALUE: {"value": "cell"},
    flag_text.ORIGINAL_GROUPS: {"level1": "cell", "level2": "cell"},
    flag_text.DIRECTION: {"direction": "cell"},
}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(list(NOTES)).flatmap(
                lambda t: st.fixed_dictionaries(
                    {n: CELL.filter(lambda s: not set(s) & set("；/")) for n in NOTES[t]}
                ).map(lambda a, t=t: flag_text.note(t, **a))
            ),
            st.sampled_from(["计量单位：人次", "备注：按季度统计"]),  # the form's own columns
        ),
        min_size=1,
        max_size=4,
    )
)
def test_notes_read_back_as_written(notes):
    """A note is the importer's words and the form's other columns, joined with ；. (A group
    name with a / in it is as ambiguous here as for ``taxonomy.original_groups``.)"""
    stored = "；".join(str(n) for n in notes)
    back = flag_text.read_note(stored)
    assert str(back) == stored
    items = [back] if not hasattr(back, "items") else list(back.items)
    mine = [(n.template, n.args) for n in notes if isinstance(n, Message)]
    assert [(i.template, i.args) for i in items if isinstance(i, Message)] == mine


def test_a_note_in_english(english):
    from desktop.ui.audit_text import note_text

    stored = "原分组：/Satisfaction；中长期指标值：>=95%；计量单位：人次"
    assert note_text(stored) == (
        "Grouped on the form as: /Satisfaction. Long-term value: >=95%. 计量单位：人次"
    )
