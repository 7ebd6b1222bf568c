"""A project as the columns of its stored rows (``projects`` and ``indicators``)."""

from __future__ import annotations

import json
import sqlite3

from desktop.domain.model import Project
from desktop.store.duplicates import stored_name_key
from desktop.store.rows import FUND_COLUMNS, date_text


def content_hash(p: Project) -> str:
    """``p.content_hash()`` (computed once for each project object)."""
    return p.content_hash()


def project_columns(p: Project, audit_columns: dict[str, int]) -> dict[str, object]:
    """The ``projects`` row of a project (its stored 审核 status and counts given)."""
    return {
        "id": p.id,
        "year": p.year,
        "name": p.name,
        "name_key": stored_name_key(p.year, p.name),
        "nature": p.nature,
        "category": p.category,
        "department": p.department,
        "implementing_unit": p.implementing_unit,
        "start_date": date_text(p.start_date),
        "end_date": date_text(p.end_date),
        **{col: getattr(p.funds, attr) for attr, col in FUND_COLUMNS.items()},
        "goal_overall": p.goal_overall,
        "goal_annual": p.goal_annual,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
        "revision": p.revision,
        "versions": json.dumps(dict(p.versions), sort_keys=True),
        "content_hash": content_hash(p),
        **audit_columns,
        "deleted_at": p.deleted_at,
        "profile": p.profile,
        "search_text": p.search_text(),
        "indicator_count": len(p.indicators),
        "review_count": p.review_count,
        "field_flags": json.dumps(dict(p.field_flags), ensure_ascii=False, sort_keys=True),
        "date_style": p.date_style,
        "goal_header": p.goal_header,
        "funds_written": json.dumps(dict(p.funds_written), ensure_ascii=False, sort_keys=True),
        "field_versions": json.dumps(
            {k: [r, n] for k, r, n in p.field_versions}, ensure_ascii=False, sort_keys=True
        ),
    }


def insert_indicators(conn: sqlite3.Connection, p: Project) -> None:
    """Insert a project's indicator rows (its old ones deleted before)."""
    conn.executemany(
        "INSERT INTO indicators (project_id, position, level1, level2, name, op, number, "
        "unit, text, needs_review, review_note, raw_text, source_line, value_text, note, uid) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                p.id,
                pos,
                i.level1,
                i.level2,
                i.name,
                i.value.op,
                None if i.value.number is None else str(i.value.number),
                i.value.unit,
                i.value.text,
                int(i.needs_review),
                i.review_note,
                i.raw_text,
                i.source_line,
                i.value.entered,
                i.note,
                i.uid,
            )
            for pos, i in enumerate(p.indicators)
        ],
    )
