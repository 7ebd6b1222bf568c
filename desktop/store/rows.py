"""Rows of the ``projects`` and ``indicators`` tables ↔ domain objects.

Shared by the repository and the migration steps (which read rows of older versions, hence
``_get`` for columns they lack), so neither imports the other.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import IndicatorValue

FUND_COLUMNS = {
    "total": "funds_total",
    "fiscal": "funds_fiscal",
    "other": "funds_other",
    "annual_total": "annual_total",
    "annual_appropriation": "annual_appropriation",
    "annual_carryover": "annual_carryover",
    "annual_other": "annual_other",
}


def date_text(d: date | None) -> str | None:
    return d.isoformat() if d else None


def text_date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def project_from_row(r: dict, indicator_rows: Iterable[dict]) -> Project:
    indicators = tuple(
        Indicator(
            level1=i["level1"],
            level2=i["level2"],
            name=i["name"],
            value=IndicatorValue(
                op=i["op"],
                number=None if i["number"] is None else Decimal(i["number"]),
                unit=i["unit"],
                text=i["text"],
                entered=_get(i, "value_text", ""),
            ),
            needs_review=bool(i["needs_review"]),
            review_note=i["review_note"],
            raw_text=i["raw_text"],
            source_line=i["source_line"],
            note=_get(i, "note", ""),
            uid=_get(i, "uid", ""),
        )
        for i in indicator_rows
    )
    return Project(
        id=r["id"],
        year=r["year"],
        name=r["name"],
        nature=r["nature"],
        category=r["category"],
        department=r["department"],
        implementing_unit=r["implementing_unit"],
        start_date=text_date(r["start_date"]),
        end_date=text_date(r["end_date"]),
        funds=Funds(**{attr: r[col] for attr, col in FUND_COLUMNS.items()}),
        goal_overall=r["goal_overall"],
        goal_annual=r["goal_annual"],
        indicators=indicators,
        profile=r["profile"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        revision=r["revision"],
        versions=tuple(sorted(json.loads(r.get("versions") or "{}").items())),
        deleted_at=r.get("deleted_at"),
        field_flags=tuple(sorted(json.loads(r.get("field_flags") or "{}").items())),
        date_style=r.get("date_style") or "",
        goal_header=r.get("goal_header") or "",
        field_versions={
            k: tuple(d) for k, d in json.loads(r.get("field_versions") or "{}").items()
        },
    )


def _get(row, key: str, default):
    """A column that older schema versions lack (their migration steps read rows too)."""
    try:
        return row[key]
    except (KeyError, IndexError):
        return default


@dataclass(frozen=True)
class Tombstone:
    """A project deleted for good: its id and the version vector at deletion."""

    project_id: str
    name: str
    deleted_at: str
    versions: dict[str, int]


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    replaced_at: str
    reason: str
    project: Project
