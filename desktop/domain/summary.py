"""汇总: all projects of a year in one table, with subtotals by 项目类别 and by 实施单位."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.domain.model import Project, ProjectSummary


@dataclass(frozen=True)
class Line:
    name: str
    nature: str
    category: str
    unit: str
    total: int
    annual_total: int


@dataclass(frozen=True)
class Subtotal:
    key: str
    count: int
    total: int
    annual_total: int


@dataclass
class YearSummary:
    year: int
    lines: list[Line] = field(default_factory=list)
    by_category: list[Subtotal] = field(default_factory=list)
    by_unit: list[Subtotal] = field(default_factory=list)
    total: int = 0
    annual_total: int = 0


def _subtotals(lines: list[Line], key) -> list[Subtotal]:
    groups: dict[str, list[Line]] = {}
    for line in lines:
        groups.setdefault(key(line) or "（未填写）", []).append(line)
    return [
        Subtotal(k, len(v), sum(x.total for x in v), sum(x.annual_total for x in v))
        for k, v in sorted(groups.items(), key=lambda kv: (-sum(x.total for x in kv[1]), kv[0]))
    ]


def _line(p: ProjectSummary | Project) -> Line:
    if isinstance(p, Project):
        total, annual = p.funds.total, p.funds.annual_total
    else:
        total, annual = p.total, p.annual_total
    return Line(p.name, p.nature, p.category, p.implementing_unit, total, annual)


def summarize(year: int, projects: Iterable[ProjectSummary | Project]) -> YearSummary:
    """The year's projects (those in the trash left out), by category, unit and name."""
    lines = sorted(
        (_line(p) for p in projects if p.year == year and p.deleted_at is None),
        key=lambda x: (x.category, x.unit, x.name),
    )
    return YearSummary(
        year=year,
        lines=lines,
        by_category=_subtotals(lines, lambda x: x.category),
        by_unit=_subtotals(lines, lambda x: x.unit),
        total=sum(x.total for x in lines),
        annual_total=sum(x.annual_total for x in lines),
    )
