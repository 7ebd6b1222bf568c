"""Schema versions and the migration chain.

``PRAGMA application_id`` marks our files; ``PRAGMA user_version`` is the schema version.
Each migration step runs in one transaction together with its ``user_version`` bump, so a
crash leaves the file at the old version or the new one, never between. Past steps are
frozen: never edit one that has shipped, add a new step instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.domain.taxonomy import taxonomy

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x4A584D42  # "JXMB": 绩效目标申报 files
LATEST_VERSION = 13

# The first program version that can read each schema version (for the "newer file" message).
APP_VERSION_FOR_SCHEMA = {
    1: "0.1.0",
    2: "0.1.0",
    3: "0.1.0",
    4: "0.1.0",
    5: "0.2.0",
    6: "0.2.0",
    7: "0.2.0",
    8: "0.2.0",
    9: "0.3.0",
    10: "0.3.0",
    11: "0.3.0",
    12: "0.3.0",
    13: "0.3.0",
}


def _v1(db: sqlite_utils.Database) -> None:
    """Projects and their ordered indicators."""
    db.execute(
        """
        CREATE TABLE projects (
            id TEXT PRIMARY KEY NOT NULL,
            year INTEGER NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            nature TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            department TEXT NOT NULL DEFAULT '',
            implementing_unit TEXT NOT NULL DEFAULT '',
            start_date TEXT,
            end_date TEXT,
            funds_total INTEGER NOT NULL DEFAULT 0,
            funds_fiscal INTEGER NOT NULL DEFAULT 0,
            funds_other INTEGER NOT NULL DEFAULT 0,
            annual_total INTEGER NOT NULL DEFAULT 0,
            annual_appropriation INTEGER NOT NULL DEFAULT 0,
            annual_carryover INTEGER NOT NULL DEFAULT 0,
            annual_other INTEGER NOT NULL DEFAULT 0,
            goal_overall TEXT NOT NULL DEFAULT '',
            goal_annual TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1
        )
        """
    )
    db.execute(
        """
        CREATE TABLE indicators (
            id INTEGER PRIMARY KEY,
            project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            level1 TEXT NOT NULL DEFAULT '',
            level2 TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL DEFAULT '',
            op TEXT,
            number TEXT,
            unit TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            needs_review INTEGER NOT NULL DEFAULT 0,
            raw_text TEXT NOT NULL DEFAULT '',
            source_line INTEGER
        )
        """
    )
    db.execute("CREATE INDEX indicators_project ON indicators(project_id, position)")


def _v2(db: sqlite_utils.Database) -> None:
    """Trash, taxonomy profile per project, review notes, stored list columns."""
    for sql in (
        "ALTER TABLE projects ADD COLUMN profile TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE projects ADD COLUMN deleted_at TEXT",
        "ALTER TABLE projects ADD COLUMN search_text TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE projects ADD COLUMN indicator_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE projects ADD COLUMN review_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE indicators ADD COLUMN review_note TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX projects_year ON projects(year)",
        "CREATE INDEX projects_deleted ON projects(deleted_at)",
    ):
        db.execute(sql)
    db.execute(
        """
        UPDATE projects SET
            indicator_count = (SELECT count(*) FROM indicators i WHERE i.project_id = projects.id),
            review_count = (SELECT count(*) FROM indicators i
                            WHERE i.project_id = projects.id AND i.needs_review)
        """
    )
    tax = taxonomy()
    rows = list(db.query("SELECT id, year, name, department, implementing_unit FROM projects"))
    for row in rows:
        names = [
            r["name"]
            for r in db.query(
                "SELECT name FROM indicators WHERE project_id = ? ORDER BY position", [row["id"]]
            )
        ]
        parts = [row["name"], row["implementing_unit"], row["department"], *names]
        db.execute(
            "UPDATE projects SET profile = ?, search_text = ? WHERE id = ?",
            [
                tax.profile_for_year(row["year"]).id,
                "\n".join(p for p in parts if p).lower(),
                row["id"],
            ],
        )


def _v3(db: sqlite_utils.Database) -> None:
    """Exchange between machines: a replica id per file, version vectors and content hashes
    per project, the history of replaced versions, tombstones of purged projects."""
    import json
    import uuid

    from desktop.domain.model import Project  # only for the content hash of old rows

    for sql in (
        "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
        "ALTER TABLE projects ADD COLUMN versions TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE projects ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            project_id TEXT NOT NULL,
            replaced_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            content_hash TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL
        )""",
        "CREATE INDEX history_project ON history(project_id, id)",
        """CREATE TABLE tombstones (
            project_id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            deleted_at TEXT NOT NULL,
            versions TEXT NOT NULL DEFAULT '{}'
        )""",
    ):
        db.execute(sql)
    replica = str(uuid.uuid4())
    db.execute("INSERT INTO meta (key, value) VALUES ('replica_id', ?)", [replica])
    # Existing projects: this file made all their changes; hash their content.
    from desktop.store.rows import unchecked_project_from_row as project_from_row

    for row in list(db.query("SELECT * FROM projects")):
        row = {**row, "versions": "{}"}
        inds = db.query(
            "SELECT * FROM indicators WHERE project_id = ? ORDER BY position", [row["id"]]
        )
        project: Project = project_from_row(row, inds)
        db.execute(
            "UPDATE projects SET versions = ?, content_hash = ? WHERE id = ?",
            [json.dumps({replica: row["revision"]}), project.content_hash(), row["id"]],
        )


def _v4(db: sqlite_utils.Database) -> None:
    """审核 status stored per project, so the list shows it without checking every form.
    The statuses are filled in when the file is opened (the rules version is unknown yet)."""
    for sql in (
        "ALTER TABLE projects ADD COLUMN audit_status INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE projects ADD COLUMN audit_errors INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE projects ADD COLUMN audit_warnings INTEGER NOT NULL DEFAULT 0",
    ):
        db.execute(sql)
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_rules', '0')")


def _v5(db: sqlite_utils.Database) -> None:
    """What was entered: each indicator value's text as typed or imported (printed as is),
    notes from other layouts, fields flagged 需复核, the form's date style. Existing values
    keep today's canonical text, so their printout does not change; content hashes are
    recomputed because the content now includes these fields."""
    from desktop.domain.values import IndicatorValue

    for sql in (
        "ALTER TABLE indicators ADD COLUMN value_text TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE indicators ADD COLUMN note TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE projects ADD COLUMN field_flags TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE projects ADD COLUMN date_style TEXT NOT NULL DEFAULT ''",
    ):
        db.execute(sql)
    rows = list(db.query("SELECT id, op, number, unit, text FROM indicators"))
    for r in rows:
        if r["number"] is None:
            shown = r["text"] or ""
        else:
            # Only the rendering, without building a Decimal of an unchecked size.
            try:
                shown = IndicatorValue(
                    op=r["op"], number=_decimal(r["number"]), unit=r["unit"] or ""
                ).display()
            except (ValueError, ArithmeticError):
                shown = r["number"]
        if shown:
            db.execute("UPDATE indicators SET value_text = ? WHERE id = ?", [shown, r["id"]])
    from desktop.store.rows import unchecked_project_from_row as project_from_row

    for row in list(db.query("SELECT * FROM projects")):
        inds = db.query(
            "SELECT * FROM indicators WHERE project_id = ? ORDER BY position", [row["id"]]
        )
        try:
            digest = project_from_row(row, inds).content_hash()
        except (ValueError, ArithmeticError, TypeError):
            continue
        db.execute("UPDATE projects SET content_hash = ? WHERE id = ?", [digest, row["id"]])


def _v6(db: sqlite_utils.Database) -> None:
    """Stable ids of indicators (merges match rows by them) and, per project, which change
    last set each field (the three-way merge's record). Existing rows get the id derived
    from their project and names (``model.legacy_uids``: every machine upgrading the same
    form finds the same ids); content hashes, which include the ids, are recomputed, in the
    history too."""
    from desktop.domain.model import legacy_uids

    for sql in (
        "ALTER TABLE indicators ADD COLUMN uid TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE projects ADD COLUMN field_versions TEXT NOT NULL DEFAULT '{}'",
    ):
        db.execute(sql)
    rows = db.execute(
        "SELECT id, project_id, level1, level2, name FROM indicators ORDER BY project_id, position"
    ).fetchall()
    by_project: dict = {}
    for r in rows:
        by_project.setdefault(r[1], []).append(r)
    for pid, inds in by_project.items():
        if not isinstance(pid, str):
            continue
        uids = legacy_uids(pid, [(str(r[2]), str(r[3]), str(r[4])) for r in inds])
        db.conn.executemany(
            "UPDATE indicators SET uid = ? WHERE id = ?",
            [(u, r[0]) for u, r in zip(uids, inds, strict=True)],
        )
    _rehash(db)


def _rehash(db: sqlite_utils.Database) -> None:
    """Content hashes recomputed, of the projects and of the history, after a step that
    added a field the hash includes (rows read as they are: the file was checked first)."""
    import json

    from desktop.domain.codec import CodecError, project_from_dict
    from desktop.store.rows import unchecked_project_from_row as project_from_row

    for row in list(db.query("SELECT * FROM projects")):
        inds = db.query(
            "SELECT * FROM indicators WHERE project_id = ? ORDER BY position", [row["id"]]
        )
        try:
            digest = project_from_row(row, inds).content_hash()
        except (ValueError, ArithmeticError, TypeError):
            continue
        db.execute("UPDATE projects SET content_hash = ? WHERE id = ?", [digest, row["id"]])
    for hid, data in db.execute("SELECT id, data FROM history").fetchall():
        try:
            digest = project_from_dict(json.loads(data)).content_hash()
        except (CodecError, ValueError, TypeError):
            continue
        db.execute("UPDATE history SET content_hash = ? WHERE id = ?", [digest, hid])


def _v7(db: sqlite_utils.Database) -> None:
    """The goal column's header as the form writes it (项目总目标 / 项目总体目标 / 项目总体目标
    (YYYY年-YYYY年)). Existing forms get "" — printed 项目总目标 — since their source header
    was not kept; content hashes, which include the field, are recomputed, in the history
    too."""
    db.execute("ALTER TABLE projects ADD COLUMN goal_header TEXT NOT NULL DEFAULT ''")
    _rehash(db)


def _v8(db: sqlite_utils.Database) -> None:
    """What was printed with check codes: each printed version of a form once (its content
    as JSON, the revision, the pages, the last print time), so that a signed paper can be
    checked against the data after the form was changed (``store.paper``)."""
    db.execute(
        """CREATE TABLE printed (
            project_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            revision INTEGER NOT NULL,
            pages INTEGER NOT NULL,
            printed_at TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (project_id, content_hash)
        )"""
    )


def _v10(db: sqlite_utils.Database) -> None:
    """Look-ups that follow the work, not the size of the file: an import finds a project
    with the same content, and a merge the projects of the same year and name, through an
    index instead of reading every row (a reviewer's file holds tens of thousands)."""
    db.execute("CREATE INDEX projects_year_name ON projects(year, name)")


def _v11(db: sqlite_utils.Database) -> None:
    """Amounts as the form writes them where that is not the canonical 5,100,000.00 (a form
    that writes 0): ``funds_written``. Existing forms have none (their source was not kept);
    content hashes, which include the field, are recomputed, in the history too."""
    db.execute("ALTER TABLE projects ADD COLUMN funds_written TEXT NOT NULL DEFAULT '{}'")
    _rehash(db)


def _v12(db: sqlite_utils.Database) -> None:
    """The 审核 duplicate key of each project (its name without spaces or a merge copy's
    “（来自…）”, ``audit.name_key``) stored and indexed with the year for the live projects,
    so that a write checks the 可能重复 warning of only the projects of its own key (a
    reviewer's file holds tens of thousands)."""
    from desktop.store.duplicates import store_name_keys

    db.execute("ALTER TABLE projects ADD COLUMN name_key TEXT NOT NULL DEFAULT ''")
    store_name_keys(db.conn)
    db.execute(
        "CREATE INDEX projects_name_key ON projects(year, name_key) WHERE deleted_at IS NULL"
    )


def _v13(db: sqlite_utils.Database) -> None:
    """Projects moved out of the way (``store/quarantine.py``): a project whose rows cannot
    be read — and, with it, every row of any table keyed by its id — moved out of the live
    tables, each row as it was stored (one ``quarantined_rows`` row: which table, which
    rowid, which move; one ``quarantined_values`` row per column, its value kept exactly:
    the column has BLOB affinity, which converts nothing, so a text that is not UTF-8, a
    number in a text column stay byte for byte what they were)."""
    for sql in (
        """CREATE TABLE quarantined_rows (
            id INTEGER PRIMARY KEY,
            batch TEXT NOT NULL,
            moved_at TEXT NOT NULL,
            project_key TEXT NOT NULL,
            source TEXT NOT NULL,
            source_rowid INTEGER NOT NULL
        )""",
        "CREATE INDEX quarantined_rows_batch ON quarantined_rows(batch, id)",
        """CREATE TABLE quarantined_values (
            row_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            value BLOB,
            PRIMARY KEY (row_id, position)
        )""",
    ):
        db.execute(sql)


def _decimal(text: object):
    from decimal import Decimal

    if not isinstance(text, str) or len(text) > 40 or "e" in text.lower():
        raise ValueError("not a plain number")
    return Decimal(text)


def _v9(db: sqlite_utils.Database) -> None:
    """The review loop: status events, opinions and opinion state changes, each an
    append-only record with its own id (merged as a union; see ``domain/review.py``).
    No foreign key to ``projects``: the records of a project purged here stay, so an old
    file cannot bring them back as new."""
    for sql in (
        """CREATE TABLE review_events (
            id TEXT PRIMARY KEY NOT NULL,
            project_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            unit TEXT NOT NULL DEFAULT '',
            person TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX review_events_project ON review_events(project_id, seq)",
        """CREATE TABLE opinions (
            id TEXT PRIMARY KEY NOT NULL,
            project_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            target TEXT NOT NULL DEFAULT '',
            label TEXT NOT NULL DEFAULT '',
            code INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            person TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        )""",
        "CREATE INDEX opinions_project ON opinions(project_id)",
        """CREATE TABLE opinion_changes (
            id TEXT PRIMARY KEY NOT NULL,
            opinion_id TEXT NOT NULL,
            project_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            state TEXT NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            person TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        )""",
        "CREATE INDEX opinion_changes_project ON opinion_changes(project_id, opinion_id)",
    ):
        db.execute(sql)


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _v1,
    2: _v2,
    3: _v3,
    4: _v4,
    5: _v5,
    6: _v6,
    7: _v7,
    8: _v8,
    9: _v9,
    10: _v10,
    11: _v11,
    12: _v12,
    13: _v13,
}


def migrate(db: sqlite_utils.Database, from_version: int, to_version: int = LATEST_VERSION) -> None:
    """Run each step from ``from_version`` + 1 up to ``to_version``, one transaction each."""
    for version in range(from_version + 1, to_version + 1):
        with db.atomic():
            if version == 1:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version}")
