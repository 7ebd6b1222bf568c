"""What an import found: the projects, and every case the clerk should know about."""

from __future__ import annotations

from dataclasses import astuple, dataclass, field

from desktop.domain.model import Project, field_label

ERROR = "error"  # something could not be imported (a project or a value was left out)
REVIEW = "review"  # imported, but a person must check it (needs-review indicator)
WARNING = "warning"  # imported with a gap or a doubtful value
INFO = "info"  # imported; the importer filled in or corrected something from context

SEVERITY_LABELS = {ERROR: "错误", REVIEW: "需复核", WARNING: "警告", INFO: "提示"}


class ImportFormatError(Exception):
    """The whole file cannot be read. ``str(err)`` is one line for the user."""


@dataclass(frozen=True, slots=True)
class ReportItem:
    severity: str
    message: str
    line: int | None = None  # 1-based source line, where there is one
    project: str = ""  # project name, where known
    cell: str = ""  # a spreadsheet cell ("Sheet!B7"), where there is one

    def describe(self) -> str:
        where = []
        if self.cell:
            where.append(self.cell)
        elif self.line is not None:
            where.append(f"第{self.line}行")
        if self.project:
            where.append(f"“{self.project}”")
        prefix = f"[{SEVERITY_LABELS.get(self.severity, self.severity)}] "
        return prefix + (" ".join(where) + "：" if where else "") + self.message


@dataclass
class ImportResult:
    projects: list[Project] = field(default_factory=list)
    items: list[ReportItem] = field(default_factory=list)
    # project id → {fund field: "元" | "万元" | "推算"}: the unit each amount was read in
    fund_sources: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(
        self,
        severity: str,
        message: str,
        line: int | None = None,
        project: str = "",
        cell: str = "",
    ) -> None:
        self.items.append(ReportItem(severity, message, line, project, cell))

    def add_marks(self, p: Project, sheet: str = "") -> None:
        """One 需复核 line for each mark ``p`` carries (a flagged field, an indicator to
        check), for readers of files that hold the marks: the report lists what its counts
        (``flagged_field_count``, ``review_indicator_count``) count."""
        for ind in p.indicators:
            if ind.needs_review:
                line = ind.source_line
                cell = f"{sheet}!{line}" if sheet and line is not None else ""
                name = ind.name or "（无名称）"
                message = f"{ind.level1}/{ind.level2}/{name}：{ind.review_note}"
                self.add(REVIEW, message, line, p.name, cell)
        for key, reason in p.field_flags:
            self.add(REVIEW, f"{field_label(key)}：{reason}", project=p.name)

    def of(self, severity: str) -> list[ReportItem]:
        return [i for i in self.items if i.severity == severity]

    @property
    def review_indicator_count(self) -> int:
        return sum(p.review_count for p in self.projects)

    @property
    def flagged_field_count(self) -> int:
        """Fields the reader could not fill or only worked out (需复核 on the field)."""
        return sum(len(getattr(p, "field_flags", ())) for p in self.projects)

    @property
    def needs_review(self) -> bool:
        """Anything a person must check: a flagged field or a needs-review indicator."""
        return bool(self.review_indicator_count or self.flagged_field_count)

    @property
    def projects_without_funds(self) -> list[Project]:
        """Projects whose amounts are all zero or missing."""
        return [p for p in self.projects if not any(astuple(p.funds))]
