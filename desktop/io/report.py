"""What an import found: the projects, and every case the clerk should know about."""

from __future__ import annotations

from dataclasses import astuple, dataclass, field

from desktop.domain import report_text as say
from desktop.domain.messages import Message, Term
from desktop.domain.model import Project, field_label

ERROR = "error"  # something could not be imported (a project or a value was left out)
REVIEW = "review"  # imported, but a person must check it (needs-review indicator)
WARNING = "warning"  # imported with a gap or a doubtful value
INFO = "info"  # imported; the importer filled in or corrected something from context

SEVERITY_LABELS = {ERROR: say.ERROR, REVIEW: say.REVIEW, WARNING: say.WARNING, INFO: say.INFO}


class ImportFormatError(Exception):
    """The whole file cannot be read. ``str(err)`` is one line for the user."""


@dataclass(frozen=True, slots=True)
class ReportItem:
    severity: str
    message: str
    line: int | None = None  # 1-based source line, where there is one
    project: str = ""  # project name, where known
    cell: str = ""  # a spreadsheet cell ("Sheet!B7"), where there is one

    def describe(self) -> Message:
        """``[警告] 第3行 “法律援助”：没有找到绩效指标`` (a ``Message``: the window says it
        in its language)."""
        where: list[str] = []
        if self.cell:
            where.append(self.cell)
        elif self.line is not None:
            where.append(Message(say.AT_LINE, n=self.line))
        if self.project:
            where.append(f"“{self.project}”")
        severity = SEVERITY_LABELS.get(self.severity)
        severity = Term(severity) if severity else self.severity
        if not where:
            return Message(say.LINE_NOWHERE, severity=severity, message=self.message)
        if len(where) == 2:
            where = [Message(say.PLACES, first=where[0], second=where[1])]
        return Message(say.LINE, severity=severity, where=where[0], message=self.message)


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
