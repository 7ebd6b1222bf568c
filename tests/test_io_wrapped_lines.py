"""Line breaks inside a published cell (extracted as spaces) are undone inside CJK words;
real spaces, numbered items and every other character of the source stay."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.io.wrapping import join_wrapped

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
CJK_PUNCT = st.sampled_from("，。、；：“”（）《》！？")
LATIN = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    min_size=1,
    max_size=6,
)
CJK_WORD = st.text(alphabet=st.one_of(CJK, CJK_PUNCT), min_size=1, max_size=12).filter(
    lambda s: not re.search(r"[一二三四五六七八九十]{1,2}、", s)
)
SPACE_BETWEEN_CJK = re.compile(
    r"[\u3001-\u303f\u4e00-\u9fff\uff01-\uff60“”] +[\u3001-\u303f\u4e00-\u9fff\uff01-\uff60“”]"
)


@st.composite
def wrapped_cell(draw):
    """A cell as the form has it (CJK runs, Latin words set off by real spaces) and the same
    cell as extracted: a space wherever a line broke."""
    parts = draw(st.lists(st.one_of(CJK_WORD, LATIN), min_size=1, max_size=6))
    text = ""
    for part in parts:
        latin_edge = text and (text[-1].isascii() or part[0].isascii())
        text += (" " if latin_edge else "") + part
    cuts = sorted(set(draw(st.lists(st.integers(1, max(1, len(text) - 1)), max_size=5))))
    pieces, last = [], 0
    for c in cuts:
        pieces.append(text[last:c])
        last = c
    pieces.append(text[last:])
    extracted = " ".join(p for p in pieces if p)
    return text, extracted


@settings(max_examples=300, deadline=None)
@given(wrapped_cell())
def test_no_cjk_word_keeps_a_space_from_a_line_break(cell):
    original, extracted = cell
    joined = join_wrapped(extracted)
    assert not SPACE_BETWEEN_CJK.search(joined)
    # nothing but spaces changed, and the form's own spaces (beside Latin text) are kept
    assert joined.replace(" ", "") == original.replace(" ", "")
    assert joined.count(" ") >= original.count(" ")


@pytest.mark.parametrize(
    ("extracted", "form"),
    [
        (
            "全区各级党政机关、人民团体普遍设 律师事务所律师年度考核检查合格率",
            "全区各级党政机关、人民团体普遍设律师事务所律师年度考核检查合格率",
        ),
        ("上海市普陀区城市管理行政执 法局执法大队", "上海市普陀区城市管理行政执法局执法大队"),
        ("完善路 网，开 展", "完善路网，开展"),
        ("=100.00 (%)", "=100.00 (%)"),
        ("Smart City 平台", "Smart City 平台"),
        ("“应援尽援” 的工作目标", "“应援尽援”的工作目标"),
        ("<p>满足 各类主体</p>", "<p>满足各类主体</p>"),
        ("1.建成平台；2.案件处置率保持在95%以上。", "1.建成平台；\n2.案件处置率保持在95%以上。"),
        ("（1）开展培训； （2）建立基地", "（1）开展培训；\n（2）建立基地"),
        ("一、总体目标 二、年度目标", "一、总体目标\n二、年度目标"),
        ("共3.5万元，2.5吨", "共3.5万元，2.5吨"),
        ("目标1：新建农田。目标2：改善灌排。", "目标1：新建农田。目标2：改善灌排。"),
        ("提升第3、4季度服务", "提升第3、4季度服务"),
    ],
)
def test_examples_from_published_forms(extracted, form):
    assert join_wrapped(extracted) == form


def test_a_line_break_in_a_one_line_field_is_a_wrap_too():
    """A workbook's cell may hold the break itself (\n): in a name it is a wrap; in a goal
    it is the writer's own line."""
    assert join_wrapped("上海市普陀区城市管理行政执\n法局", single_line=True) == (
        "上海市普陀区城市管理行政执法局"
    )
    assert join_wrapped("Smart\nCity 平台", single_line=True) == "Smart City 平台"
    assert join_wrapped("完成A\n完成B") == "完成A\n完成B"


SAFE = "山水花草树木风云雨雪江河湖海日月星辰春夏秋冬东西南北桥路灯塔"


@st.composite
def wrapped_text(draw, min_size=2, max_size=16):
    """CJK text, and the same text with a space wherever a line broke."""
    text = draw(st.text(alphabet=SAFE, min_size=min_size, max_size=max_size))
    cuts = sorted(set(draw(st.lists(st.integers(1, len(text) - 1), max_size=3))))
    pieces, last = [], 0
    for c in cuts:
        pieces.append(text[last:c])
        last = c
    pieces.append(text[last:])
    return text, " ".join(pieces)


def _form(cells: dict[str, str]) -> str:
    return "\n".join(
        [
            "2026年度项目支出绩效目标表",
            f"项目名称\t{cells['name']}",
            f"主管部门\t{cells['department']}\t实施单位\t{cells['unit']}",
            "项目资金（元）\t年度资金总额\t100",
            f"年度总体目标\t{cells['goal']}",
            "绩效指标\t一级指标\t二级指标\t三级指标\t指标值",
            f"\t产出指标\t数量指标\t{cells['indicator']}\t{cells['value']}",
        ]
    )


@settings(max_examples=60, deadline=None)
@given(
    st.fixed_dictionaries(
        {k: wrapped_text() for k in ("name", "department", "unit", "goal", "indicator", "value")}
    )
)
def test_no_cjk_word_contains_a_space_after_import(cells):
    from desktop.io.published_text import parse_published_text

    (p,) = parse_published_text(_form({k: v[1] for k, v in cells.items()})).projects
    (ind,) = p.indicators
    got = {
        "name": p.name,
        "department": p.department,
        "unit": p.implementing_unit,
        "goal": p.goal_annual,
        "indicator": ind.name,
        "value": ind.value.shown,
    }
    assert got == {k: v[0] for k, v in cells.items()}


def test_a_workbook_of_wrapped_cells_imports_whole_words(tmp_path):
    from openpyxl import Workbook

    from desktop.io.files import load_file

    wb = Workbook()
    ws = wb.active
    for row in (
        ["2026年度项目支出绩效目标表"],
        ["项目名称", "城市道路修缮工 程"],
        [
            "主管部门",
            "上海市普陀区建设和管 理委员会",
            "实施单位",
            "上海市普陀区城市管理行政执\n法局执法大队",
        ],
        ["项目资金（元）", "年度资金总额", "100"],
        ["年度总体目标", "1.完善路 网，开 展养护；2.新增Smart City 平台"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [None, "产出指标", "数量指标", "修缮道路长 度", "≥95.00 (%)"],  # "=": a formula
    ):
        ws.append(row)
    wb.save(tmp_path / "wrapped.xlsx")
    (p,) = load_file(tmp_path / "wrapped.xlsx").projects
    assert p.name == "城市道路修缮工程"
    assert p.department == "上海市普陀区建设和管理委员会"
    assert p.implementing_unit == "上海市普陀区城市管理行政执法局执法大队"
    assert p.goal_annual == "1.完善路网，开展养护；\n2.新增Smart City 平台"
    (ind,) = p.indicators
    assert (ind.name, ind.value.shown) == ("修缮道路长度", "≥95.00 (%)")


# The sample's 总体目标 (普陀区司法局, 2024), with its quotation marks where a line may break.
QUOTED_GOAL = "为推进普陀“科创驱动转型实践区、宜居宜业宜创生态区”建设营造良好的法治环境。"


@pytest.mark.parametrize("at", [QUOTED_GOAL.index("“"), QUOTED_GOAL.index("”") + 1])
def test_a_line_wrapped_at_a_cjk_quotation_mark_joins_without_a_space(at):
    """The quotation marks are narrow in Latin text (East Asian Width A) but part of the
    Chinese run: a break beside one is a wrap, in a workbook cell (a real line break) and in
    extracted text (a space) alike, and in a form read whole."""
    from desktop.io.published_text import parse_published_text
    from desktop.io.records import join_wrapped as join_cell_lines

    broken, spaced = (QUOTED_GOAL[:at] + sep + QUOTED_GOAL[at:] for sep in ("\n", " "))
    assert join_cell_lines(broken) == QUOTED_GOAL
    assert join_wrapped(spaced) == QUOTED_GOAL
    form = _form(
        {
            "name": "法治宣传",
            "department": "上海市普陀区司法局",
            "unit": "上海市普陀区司法局",
            "goal": f'"{broken}"',  # a quoted cell spanning two lines
            "indicator": "普法活动次数",
            "value": "≥20次",
        }
    )
    (p,) = parse_published_text(form).projects
    assert p.goal_annual == QUOTED_GOAL


def test_latin_words_beside_quotation_marks_keep_their_space():
    from desktop.io.records import join_wrapped as join_cell_lines

    assert join_cell_lines("the\n“best”") == "the “best”"
    assert join_cell_lines("“best”\nway") == "“best” way"
