"""Forms of other bureaus, provinces and years (tests/fixtures/variants/) against their
snapshots (``*.snapshot.json``: the reader's own output, kept to see what a parser change
changes — not evidence of correctness; that is ``test_io_import_truth.py``, against truths
written by hand). The forms were written from
the public structure of the 绩效目标表 variants; the workbooks and the PDF come from
``make_workbooks.py`` (the PDF printed by LibreOffice)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import audit
from desktop.domain.money import MoneyError, decimal_string
from desktop.domain.values import parse_value
from desktop.io import variants
from desktop.io.files import load_file
from desktop.io.published_text import parse_published_text
from desktop.io.report import ImportFormatError
from desktop.io.variants import parse_amount

HERE = Path(__file__).parent / "fixtures" / "variants"
TRUTHS = sorted(HERE.glob("*.snapshot.json"))
FUND_KEYS = (
    "total",
    "fiscal",
    "other",
    "annual_total",
    "annual_appropriation",
    "annual_carryover",
    "annual_other",
)
TEXT_FIELDS = ("name", "nature", "category", "department", "implementing_unit")


def _truth(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def _read(truth_path: Path):
    truth = _truth(truth_path)
    return truth, load_file(HERE / truth["form"])


def _fields(project, result) -> dict:
    """Everything the truth file records of a project, as plain values."""
    return {
        "year": project.year,
        **{f: getattr(project, f) for f in TEXT_FIELDS},
        "start_date": project.start_date.isoformat() if project.start_date else None,
        "end_date": project.end_date.isoformat() if project.end_date else None,
        **{f"funds.{k}": decimal_string(getattr(project.funds, k)) for k in FUND_KEYS},
        **{f"unit.{k}": v for k, v in result.fund_sources.get(project.id, {}).items()},
        "goal_overall": project.goal_overall,
        "goal_annual": project.goal_annual,
        "flags": sorted(k for k, _ in project.field_flags),
    }


def _expected(p: dict) -> dict:
    return {
        "year": p["year"],
        **{f: p[f] for f in TEXT_FIELDS},
        "start_date": p["start_date"],
        "end_date": p["end_date"],
        **{f"funds.{k}": p["funds"][k] for k in FUND_KEYS},
        **{f"unit.{k}": v for k, v in p["fund_units"].items()},
        "goal_overall": p["goal_overall"],
        "goal_annual": p["goal_annual"],
        "flags": sorted(p["flags"]),
    }


def _indicators(project) -> list[list]:
    return [
        [i.level1, i.level2, i.name, i.value.display(), i.note, i.needs_review]
        for i in project.indicators
    ]


def score(truth_path: Path) -> tuple[int, int, list[str]]:
    """(right, total, what differs) over every field and indicator of a form."""
    truth, result = _read(truth_path)
    right = total = 0
    misses: list[str] = []
    got_projects = result.projects
    for n, expected in enumerate(truth["projects"]):
        got = got_projects[n] if n < len(got_projects) else None
        want_fields = _expected(expected)
        got_fields = _fields(got, result) if got else {}
        for k, want in want_fields.items():
            total += 1
            if got_fields.get(k) == want:
                right += 1
            else:
                misses.append(f"{k}: {got_fields.get(k)!r} ≠ {want!r}")
        got_inds = _indicators(got) if got else []
        for i, want in enumerate(expected["indicators"]):
            total += 1
            have = got_inds[i] if i < len(got_inds) else None
            if have == want:
                right += 1
            else:
                misses.append(f"indicator {i + 1}: {have!r} ≠ {want!r}")
        if len(got_inds) > len(expected["indicators"]):
            total += 1
            misses.append(f"extra indicators: {got_inds[len(expected['indicators']) :]!r}")
    if len(got_projects) != len(truth["projects"]):
        total += 1
        misses.append(f"{len(got_projects)} projects, the form has {len(truth['projects'])}")
    return right, total, misses


def test_the_fixtures_cover_the_variants():
    forms = [_truth(t)["form"] for t in TRUTHS]
    assert len(forms) >= 12
    assert sum(f.endswith(".txt") for f in forms) >= 12
    assert sum(f.endswith(".xlsx") for f in forms) >= 3
    assert sum(f.endswith(".pdf") for f in forms) >= 1
    layouts = {f.split("-")[0][0] for f in forms if f.endswith(".txt")}
    assert len(layouts) >= 4  # a central, b mid-term, c provincial, d county, e key-value


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name.removesuffix(".snapshot.json"))
def test_form_scores_every_field_and_indicator(truth_path):
    right, total, misses = score(truth_path)
    assert right == total, f"{right}/{total} right:\n" + "\n".join(misses)


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name.removesuffix(".snapshot.json"))
def test_no_silent_zero_or_empty(truth_path):
    """A field the form gives never arrives as 0 or empty unless it is flagged 需复核."""
    truth, result = _read(truth_path)
    form_text = (HERE / truth["form"]).name
    for expected, project in zip(truth["projects"], result.projects, strict=True):
        for k in (*TEXT_FIELDS, "goal_overall", "goal_annual"):
            if not getattr(project, k):
                assert project.flag(k), f"{form_text}: {k} is empty without a flag"
        for k in FUND_KEYS:
            if getattr(project.funds, k) == 0 and expected["funds"][k] != "0.00":
                assert project.flag(f"funds.{k}"), f"{form_text}: funds.{k} is 0 unflagged"
        for k in ("start_date", "end_date"):
            if getattr(project, k) is None:
                assert project.flag(k)
        # every flag is one error in 审核, with the field it belongs to (an empty required
        # field: its "未填写" line, carrying the reason)
        errors = [
            f.location.field
            for f in audit.check(project)
            if f.rule in ("fields.needs_review", "required") and f.severity == audit.ERROR
        ]
        assert len(errors) == len(set(errors)), f"{form_text}: two lines for one field"
        assert {k for k, _ in project.field_flags} <= set(errors)


def test_fund_units_are_reported_and_exact():
    _, result = _read(HERE / "b2-midterm-2021.txt.snapshot.json")
    (p,) = result.projects
    assert p.funds.annual_carryover == 80 * 10000 * 100  # 80 万元 in 分
    assert set(result.fund_sources[p.id].values()) == {"万元"}


# -- amounts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "fen", "read_in"),
    [
        ("250万", "元", 2_500_000_00, "万元"),
        ("10000万元", "元", 100_000_000_00, "万元"),
        ("854万(含上年结转54万)", "元", 8_540_000_00, "万元"),
        ("3200.5", "万元", 32_005_000_00, "万元"),
        ("0.000001", "万元", 1, "万元"),
        ("1,260,000.00", "元", 1_260_000_00, "元"),
        ("￥5100000.00元", "万元", 5_100_000_00, "元"),
    ],
)
def test_amounts_in_yuan_or_wan_are_exact(text, unit, fen, read_in):
    assert parse_amount(text, unit) == (fen, read_in)


@pytest.mark.parametrize("text", ["五百万", "1,0,0", "-5", "0.001", "", "约250万"])
def test_amounts_that_cannot_be_read_exactly_are_refused(text):
    with pytest.raises(MoneyError):
        parse_amount(text)


def test_all_amounts_in_one_cell():
    found = variants.amounts_in_text(
        "资金总额：250万元（其中：财政拨款200万元，其他资金50万元）", "元"
    )
    assert [(lb.kind, fen) for lb, _, fen, _ in found] == [
        ("total", 250_0000_00),
        ("fiscal", 200_0000_00),
        ("other", 50_0000_00),
    ]


# -- values, goals, footers -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["2021年全年", "2021年", "2023年12月底前", "12月底", "2020年11月"])
def test_times_written_with_digits_stay_text(text):
    value = parse_value(text)
    assert not value.is_quantitative and value.text == text and value.entered == text


def test_years_and_months_as_quantities_still_read():
    assert parse_value("3年").display() == "3.00(年)"
    assert parse_value("≥12个月").display() == "≥12.00(个月)"


def test_year_comes_from_the_title_then_the_period_then_the_file_name():
    body = "项目名称\t甲\n实施期限\t2019年1月-2019年12月\n"
    (p,) = parse_published_text("项目支出绩效目标表\n" + body, "2017-甲.txt").projects
    assert p.year == 2019 and p.flag("year")
    (p,) = parse_published_text("2021年度项目支出绩效目标表\n" + body, "2017.txt").projects
    assert p.year == 2021 and p.flag("year") is None
    (p,) = parse_published_text("项目支出绩效目标表\n项目名称\t甲\n", "2017-甲.txt").projects
    assert p.year == 2017 and "文件名" in p.flag("year")


def test_lines_under_the_table_are_not_indicators():
    text = "\n".join(
        [
            "2024年度项目支出绩效目标表",
            "项目名称\t甲",
            "绩效指标\t一级指标\t二级指标\t三级指标\t指标值",
            "\t产出指标\t数量指标\t场次\t2场",
            "注：本表金额单位为万元。",
            "审核意见\t同意",
            "填表人：张三\t审核人：李四",
        ]
    )
    (p,) = parse_published_text(text).projects
    assert [i.name for i in p.indicators] == ["场次"]


def test_a_name_does_not_swallow_the_rest_of_its_row():
    text = "2021年度项目绩效目标申报表\n项目名称：主体班 项目负责人：赵某\t项目性质\t经常性项目\n"
    result = parse_published_text(text)
    (p,) = result.projects
    assert (p.name, p.nature) == ("主体班", "经常性项目")


# -- the synonym data -----------------------------------------------------------------------


def test_a_new_label_is_data_not_code(monkeypatch):
    """Adding a label to import_synonyms.json teaches the reader a new form."""
    original = variants._data

    def patched(name):
        raw = json.loads(original(name))
        if name == "import_synonyms.json":
            raw["fields"]["name"].append("资金项目全称")
        return json.dumps(raw, ensure_ascii=False)

    text = "2024年度项目支出绩效目标表\n资金项目全称\t新标签项目\n"
    variants.synonyms.cache_clear()
    try:
        with pytest.raises(ImportFormatError):  # an unknown label: no form at all
            parse_published_text(text)
        monkeypatch.setattr(variants, "_data", patched)
        variants.synonyms.cache_clear()
        assert parse_published_text(text).projects[0].name == "新标签项目"
    finally:
        monkeypatch.undo()
        variants.synonyms.cache_clear()


def test_every_mapped_group_lands_in_a_profile():
    from desktop.domain.taxonomy import taxonomy

    groups = variants.group_variants()
    tax = taxonomy()
    assert set(groups.level1.values()) <= tax.level1_names
    assert set(groups.level2.values()) <= tax.level2_names
    for l1, l2 in groups.pairs.values():
        assert any(p.fits(l1, l2) for p in tax.profiles)


def test_wan_conversion_is_decimal():
    """万元 → 元 is × 10,000 exactly (no binary float on the way): in 分."""
    assert parse_amount("0.01", "万元")[0] == 10_000  # 100 元
    assert parse_amount("0.0001", "万元")[0] == 100  # 1 元
    assert parse_amount("510", "万元")[0] == 510_000_000  # 5,100,000 元
    assert parse_amount("1.23456", "万元")[0] == 1_234_560  # 12,345.60 元
    assert parse_amount("0.29", "万元")[0] == 290_000  # 0.29 × 10,000 is not 2899.99…


def test_goals_stay_apart_and_do_not_take_the_table_header():
    text = "\n".join(
        [
            "2024年度项目支出绩效目标表",
            "项目名称\t甲",
            "绩效目标\t长期目标：建成体系。年度目标：1.完成A；",
            "\t2.完成B。",
            "年度绩效指标",
            "一级指标\t二级指标\t三级指标\t指标方向\t指标值\t计量单位",
            "产出指标\t数量指标\t场次\t≥\t2\t场",
        ]
    )
    (p,) = parse_published_text(text).projects
    assert p.goal_overall == "建成体系。"
    assert p.goal_annual == "1.完成A；\n2.完成B。"
    assert [(i.name, i.value.display(), i.value.entered) for i in p.indicators] == [
        ("场次", "≥2.00(场)", "≥2(场)")
    ]


def test_an_unknown_group_is_kept_and_flagged_never_dropped():
    text = "\n".join(
        [
            "2024年度项目支出绩效目标表",
            "项目名称\t甲",
            "一级指标\t二级指标\t三级指标\t指标值\t备注",
            "履职指标\t工作推进指标\t完成率\t100%\t",
            "满意度指标\t满意度指标\t满意度\t≥90%\t",
        ]
    )
    (p,) = parse_published_text(text).projects
    first, second = p.indicators
    assert (first.level1, first.level2, first.needs_review) == ("履职指标", "工作推进指标", True)
    assert "不在指标体系中" in first.review_note
    assert (second.level1, second.level2, second.needs_review) == (
        "满意度指标",
        "服务对象满意度指标",
        False,
    )
    assert second.note == "原分组：满意度指标/满意度指标"


TEXT_FORMS = sorted(HERE.glob("*.txt"))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mangled_variant_forms_never_crash(data):
    """Lines dropped, doubled, shifted or cut: a result or a clear error, never a traceback."""
    path = data.draw(st.sampled_from(TEXT_FORMS))
    lines = path.read_text("utf-8").split("\n")
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["drop", "dup", "shift", "cut"]))
        if op == "drop" and len(lines) > 1:
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "shift":
            lines[i] = "\t" + lines[i]
        else:
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
    try:
        result = parse_published_text("\n".join(lines), path.name)
    except ImportFormatError as exc:
        assert str(exc)
        return
    for p in result.projects:
        assert all(v >= 0 for v in (p.funds.total, p.funds.annual_total))
        for key, reason in p.field_flags:
            assert key and reason


def test_standard_columns_go_to_the_note_and_a_unit_note_above_the_title_counts():
    text = "\n".join(
        [
            "单位：万元",
            "2023年度项目支出绩效目标表",
            "项目名称\t乙",
            "项目资金\t年度资金总额\t12.5",
            "一级指标\t二级指标\t三级指标\t指标值\t绩效标准\t指标方向",
            "产出指标\t数量指标\t检查次数\t4次\t每季度一次\t正向",
            "\t时效指标\t完成时间\t2023年全年\t按时完成\t",
        ]
    )
    result = parse_published_text(text)
    (p,) = result.projects
    assert p.funds.annual_total == 125_000_00
    assert result.fund_sources[p.id]["annual_total"] == "万元"
    assert [(i.value.display(), i.note) for i in p.indicators] == [
        ("≥4.00(次)", "绩效标准：每季度一次"),
        ("2023年全年", "绩效标准：按时完成"),
    ]


@pytest.mark.parametrize(
    "name", ["a1-central-2023.txt", "d1-county-older.txt", "x2-province-2024.xlsx"]
)
def test_our_workbook_of_an_imported_variant_comes_back_with_its_flags_and_notes(tmp_path, name):
    from desktop.io.xlsx_format import export_xlsx
    from desktop.io.xlsx_read import load_xlsx

    (project,) = load_file(HERE / name).projects
    export_xlsx([project], tmp_path / "back.xlsx")
    back = load_xlsx(tmp_path / "back.xlsx")
    assert back.projects == [project]  # field flags, notes, entered values, date style
    assert not any("修改过" in i.message for i in back.items)


def test_a_phone_number_beside_the_name_does_not_hide_the_row():
    text = "2024年度项目支出绩效目标表\n项目名称\t甲项目\t联系电话\t12345678\n主管部门\t乙局\n"
    (p,) = parse_published_text(text).projects
    assert (p.name, p.department) == ("甲项目", "乙局")


def test_an_unlabelled_cell_after_a_value_is_not_glued_on_but_flagged():
    text = "2024年度项目支出绩效目标表\n项目名称\t社区养老服务\t驿站运营补贴\n"
    (p,) = parse_published_text(text).projects
    assert p.name == "社区养老服务"
    assert p.flag("name") == "同一行还有“驿站运营补贴”，未并入，请核对"
