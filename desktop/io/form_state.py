"""What the form parser has read of one form so far: its section and small state objects
for the amounts, the goals and the indicator table."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from desktop.domain.model import Indicator
from desktop.io.variants import IndicatorHeader


class Section(StrEnum):
    """Where in a form the reader is: the part the next row belongs to."""

    BASIC = "basic"
    FUNDS = "funds"
    GOALS = "goals"
    INDICATORS = "indicators"
    FOOTER = "footer"


@dataclass
class FundsRead:
    """The amounts read so far, and where they stand."""

    amounts: dict[str, int] = field(default_factory=dict)  # attr → 分
    sources: dict[str, str] = field(default_factory=dict)  # attr → 元 / 万元 / 推算
    unit: Decimal = Decimal(1)
    cols: dict[str, int] = field(default_factory=dict)  # "left"/"right" → column of a side
    side: str | None = None  # the side the last explicit fund label named
    period_cols: dict[int, str] = field(default_factory=dict)  # column → side


@dataclass
class GoalsRead:
    """The goal texts read so far, and the columns of their headers."""

    cols: dict[str, int] = field(default_factory=dict)  # "overall"/"annual" → column
    texts: dict[str, list[str]] = field(default_factory=lambda: {"overall": [], "annual": []})
    continues: bool = False  # a goal header repeated on a new page: text goes on
    last: str = ""  # the goal header read last
    header: str = ""  # the form's own 项目总目标 / 项目总体目标(…) header, as written


@dataclass
class TablePlace:
    """Where the indicator table stands: its header columns and the current groups."""

    columns: IndicatorHeader | None = None
    l1: str = ""
    l2: str = ""
    l1_raw: str = ""
    l2_raw: str = ""
    l1_known: bool = True
    l2_known: bool = True
    l1_inferred: bool = False  # the form had no 一级 here: worked out from the taxonomy
    period: str = ""  # "long_term" while reading a table's 中长期 half


@dataclass
class Form:
    first_line: int
    year: int | None = None
    basic: dict[str, str] = field(default_factory=dict)
    basic_lines: dict[str, int] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)  # field key → why it needs review
    section: Section = Section.BASIC
    money: FundsRead = field(default_factory=FundsRead)
    goal: GoalsRead = field(default_factory=GoalsRead)
    table: TablePlace = field(default_factory=TablePlace)
    indicators: list[Indicator] = field(default_factory=list)
    long_term: list[Indicator] = field(default_factory=list)
    notes: list[tuple[str, str, int | None]] = field(default_factory=list)
    labels_seen: int = 0

    def note(self, severity: str, message: str, line: int | None, col: int | None = None) -> None:
        self.notes.append((severity, message, line, col))
