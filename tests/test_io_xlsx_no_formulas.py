"""Text from data never becomes a formula in a workbook we write: every cell written from a
project is a string (or a number), in every sheet — the forms, the 汇总 (also its subtotal
lines keyed by 项目类别 and 实施单位) and the summary of ``summary --out x.xlsx``."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from desktop.cli import main
from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import IndicatorValue
from desktop.io.xlsx_format import export_xlsx
from desktop.store import open_repository

# What spreadsheet programs read as the start of a formula or of a command (DDE): "=", "+",
# "-", "@", and the same after a tab or a carriage return.
PREFIXES = ("=", "+", "-", "@", "\t=", "\r=")
PAYLOAD = "1+1+cmd|' /C calc'!A0"


def hostile(prefix: str, n: int) -> Project:
    def t(what: str) -> str:
        return f"{prefix}{PAYLOAD}{what}{n}"

    indicator = Indicator(
        level1=t("一级"),
        level2=t("二级"),
        name=t("三级"),
        value=IndicatorValue(text=t("值"), entered=t("值")),
        note=t("备注"),
    )
    numeric = Indicator(
        level1="产出指标",
        level2="数量指标",
        name=t("数量"),
        value=IndicatorValue(op="≥", number=Decimal(3), unit=t("件"), entered=t("≥3件")),
    )
    return Project(
        year=2025,
        name=t("名称"),
        nature=t("性质"),
        category=t("类别"),
        department=t("主管部门"),
        implementing_unit=t("实施单位"),
        start_date=date(2025, 1, 1),
        end_date=date(2025, 12, 31),
        funds=Funds(total=100, fiscal=100, annual_total=100, annual_appropriation=100),
        goal_overall=t("总目标"),
        goal_annual=t("年度目标"),
        indicators=(indicator, numeric),
    )


def _formulas(path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [
            f"{name}: {m.group(0)[:80]}"
            for name in z.namelist()
            if name.startswith("xl/worksheets/")
            for m in re.finditer(rb"<f[ >].*?</f>|<f/>", z.read(name))
        ]


def _string_cells(path) -> dict[str, str]:
    """Cells holding the payload → their type (a CR in a cell reads back as a line feed:
    XML normalises line ends)."""
    wb = load_workbook(path)
    try:
        return {
            c.value: c.data_type
            for ws in wb.worksheets
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str) and PAYLOAD in c.value
        }
    finally:
        wb.close()


def test_no_text_field_becomes_a_formula_in_forms_or_summary(tmp_path):
    projects = [hostile(p, n) for n, p in enumerate(PREFIXES)]
    target = tmp_path / "forms.xlsx"
    export_xlsx(projects, target)
    assert _formulas(target) == []
    cells = _string_cells(target)
    # every field of every project is in the workbook, as a string cell
    for n, prefix in enumerate(PREFIXES):
        for what in ("名称", "性质", "类别", "主管部门", "总目标", "年度目标", "三级", "值"):
            assert any(v.endswith(f"{what}{n}") for v in cells), (what, n)
        # the 汇总's subtotal lines: “<项目类别>（1 个项目）”, “<实施单位>（1 个项目）”
        for what in ("类别", "实施单位"):
            line = f"{prefix}{PAYLOAD}{what}{n}（1 个项目）"
            assert line.replace("\r", "\n") in cells, (what, n)
    assert set(cells.values()) == {"s"}


def test_the_summary_command_writes_no_formula(tmp_path):
    db = tmp_path / "w.db"
    with open_repository(db) as repo:
        repo.add([hostile(p, n) for n, p in enumerate(PREFIXES)])
    target = tmp_path / "summary.xlsx"
    assert main(["summary", "--year", "2025", "--out", str(target), "--db", str(db)]) == 0
    assert _formulas(target) == []
    cells = _string_cells(target)
    assert f"={PAYLOAD}类别0（1 个项目）" in cells
    assert f"={PAYLOAD}实施单位0（1 个项目）" in cells
    assert set(cells.values()) == {"s"}
