"""Reads the hand-written truth files of tests/fixtures/variants (``*.truth.txt``) and scores
an import against them, cell by cell.

A truth file is written by a person reading the form (the text, the workbook's cells, the
PDF as it shows), never from the program's output, and in a shape the program does not
produce: lines ``meaning<TAB>text`` for the form's fields and ``一级 | 二级 | 三级 | 指标值 |
列名=text …`` for its indicator rows, with the form's own group names and values as written.
Only what the form has is listed; a field the form does not give is not scored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).parent / "fixtures" / "variants"
TRUTHS = sorted(HERE.glob("*.truth.txt"))

FIELDS = {
    "年度": "year",
    "项目名称": "name",
    "项目性质": "nature",
    "项目类别": "category",
    "主管部门": "department",
    "实施单位": "implementing_unit",
    "计划开始日期": "start_date",
    "计划完成日期": "end_date",
    "项目总目标": "goal_overall",
    "年度总体目标": "goal_annual",
}
FUNDS = {
    "项目资金总额": "total",
    "其中：财政资金": "fiscal",
    "项目其他资金": "other",
    "年度资金申请总额": "annual_total",
    "当年财政拨款": "annual_appropriation",
    "上年结转资金": "annual_carryover",
    "年度其他资金": "annual_other",
}


@dataclass
class TruthRow:
    level1: str
    level2: str
    name: str
    value: str
    extras: dict[str, str] = field(default_factory=dict)


@dataclass
class TruthProject:
    fields: dict[str, str] = field(default_factory=dict)
    indicators: list[TruthRow] = field(default_factory=list)
    long_term: list[TruthRow] = field(default_factory=list)


def read_truth(path: Path) -> list[TruthProject]:
    projects: list[TruthProject] = []
    section = ""
    for raw in path.read_text("utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("["):
            section = raw.strip("[] ")
            if section == "项目":
                projects.append(TruthProject())
            continue
        current = projects[-1]
        if section == "项目":
            label, _, text = raw.partition("\t")
            assert label in FIELDS or label in FUNDS, f"{path.name}: unknown label {label}"
            current.fields[label] = text.replace("\\n", "\n")
        else:
            cells = [c.strip() for c in raw.split("|")]
            extras = dict(c.split("=", 1) for c in cells[4:])
            row = TruthRow(*cells[:4], extras=extras)
            (current.long_term if section == "中长期指标" else current.indicators).append(row)
    return projects


def _n(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _as_written(text: str) -> str:
    """A value as a person reads it: the brackets our canonical form puts around a unit
    carry nothing (``≥1200(人)`` reads ``≥1200人``)."""
    return re.sub(r"\(([^()]*)\)$", r"\1", _n(text))


def form_groups(ind) -> tuple[str, str]:
    """The group names the form itself had (the reader keeps another layout's names in the
    note when it files the row under the taxonomy's)."""
    m = re.search(r"原分组：([^/；]*)/([^；]*)", ind.note)
    return (m.group(1), m.group(2)) if m else (ind.level1, ind.level2)


def _field_value(project, label: str) -> str:
    attr = FIELDS[label]
    value = getattr(project, attr)
    if attr in ("start_date", "end_date"):
        return value.isoformat() if value else ""
    return str(value)


def _fen(text: str) -> int:
    return int(Decimal(text) * 100)


def _note_has(note: str, column: str, text: str) -> bool:
    return _n(f"{column}：{text}") in _n(note)


@dataclass
class Score:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)
    fields_right: int = 0
    fields_total: int = 0
    rows_right: int = 0
    rows_total: int = 0

    def check(self, ok: bool, what: str, kind: str) -> None:
        self.total += 1
        self.right += ok
        if kind == "field":
            self.fields_total += 1
            self.fields_right += ok
        else:
            self.rows_total += 1
            self.rows_right += ok
        if not ok:
            self.misses.append(what)


def score(truth_path: Path, projects) -> Score:
    """Every field the form has is one point, every indicator row (groups, name, value and
    its other columns all right) one point; a missing or extra row costs a point."""
    s = Score()
    truth = read_truth(truth_path)
    s.check(len(projects) == len(truth), f"{len(projects)} projects, form {len(truth)}", "field")
    for want, got in zip(truth, projects, strict=False):
        for label, text in want.fields.items():
            if label in FUNDS:
                have = getattr(got.funds, FUNDS[label])
                s.check(have == _fen(text), f"{label}: {have / 100} ≠ {text}", "field")
            else:
                have = _field_value(got, label)
                s.check(have == text, f"{label}: {have!r} ≠ {text!r}", "field")
        inds = list(got.indicators)
        for i, row in enumerate(want.indicators):
            ind = inds[i] if i < len(inds) else None
            if ind is None:
                s.check(False, f"row {i + 1} missing: {row}", "row")
                continue
            have = (*form_groups(ind), ind.name, _as_written(ind.value.shown))
            expect = (row.level1, row.level2, row.name, _n(row.value))
            extras_ok = all(_note_has(ind.note, k, v) for k, v in row.extras.items())
            s.check(
                have == expect and extras_ok,
                f"row {i + 1}: {have} ≠ {expect}" + ("" if extras_ok else f" note {ind.note!r}"),
                "row",
            )
        for extra in inds[len(want.indicators) :]:
            s.check(False, f"extra row {extra.name}", "row")
        for row in want.long_term:
            ok = any(
                ind.name == row.name and _note_has(ind.note, "中长期指标值", row.value)
                for ind in inds
            )
            s.check(ok, f"中长期 {row.name} {row.value}: not in any note", "row")
    return s
