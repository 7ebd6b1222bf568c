"""The review loop's records in the database: status events, opinions, opinion changes.

Append-only tables (schema v9): a record is written once and never changed or deleted;
a merge adds the records it does not know (``add_records``: a union by id), so a file
merged twice changes nothing and databases that exchange files converge. Nothing here
touches a form's content or its version vector.

The machine's own unit, role and person (本机单位, 填报单位 / 审核单位) are kept in the file's
``meta`` (``review_unit``, ``review_role``, ``review_person``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.domain import review as rv
from desktop.domain.merge_text import APPROVED_BY
from desktop.domain.messages import Message, sentence_of
from desktop.domain.model import Project
from desktop.store.errors import StoreError, translate_error
from desktop.store.repository import Repository

_EVENT_COLUMNS = (
    "id",
    "project_id",
    "seq",
    "from_status",
    "to_status",
    "unit",
    "person",
    "at",
    "note",
    "content_hash",
)
_OPINION_COLUMNS = (
    "id",
    "project_id",
    "kind",
    "target",
    "label",
    "code",
    "text",
    "unit",
    "person",
    "at",
)
_CHANGE_COLUMNS = (
    "id",
    "opinion_id",
    "project_id",
    "seq",
    "state",
    "answer",
    "unit",
    "person",
    "at",
)


class ReviewRefused(StoreError):
    """A review step refused (a sentence for the clerk)."""


@dataclass(frozen=True)
class Identity:
    unit: str = ""
    role: str = rv.ROLE_UNIT
    person: str = ""

    @property
    def is_reviewer(self) -> bool:
        return self.role == rv.ROLE_REVIEWER


def _sql(repo: Repository, fn, *args):
    try:
        return fn(*args)
    except sqlite3.Error as exc:
        raise translate_error(exc, repo.path) from exc


# -- who this machine is -------------------------------------------------------------------


def identity(repo: Repository) -> Identity:
    role = repo.meta("review_role", rv.ROLE_UNIT)
    return Identity(
        repo.meta("review_unit"),
        role if role in rv.ROLE_LABELS else rv.ROLE_UNIT,
        repo.meta("review_person"),
    )


def set_identity(repo: Repository, ident: Identity) -> None:
    if ident.role not in rv.ROLE_LABELS:
        raise ReviewRefused(Message(rv.BAD_ROLE, role=ident.role))
    with repo.atomic():
        repo.set_meta("review_unit", rv._clean(ident.unit, rv.MAX_NAME))
        repo.set_meta("review_role", ident.role)
        repo.set_meta("review_person", rv._clean(ident.person, rv.MAX_NAME))


def _who(repo: Repository, unit: str | None, person: str | None) -> Identity:
    me = identity(repo)
    unit = me.unit if unit is None else unit
    if not unit.strip():
        raise ReviewRefused(Message(rv.SET_UNIT_FIRST))
    return Identity(unit, me.role, me.person if person is None else person)


# -- reading ---------------------------------------------------------------------------------


def _rows(repo: Repository, table: str, columns: Sequence[str], project_ids):
    """Rows in id order (the same set reads the same in every database)."""
    sql = f"SELECT {', '.join(columns)} FROM {table}"
    if project_ids is None:
        return list(repo.conn.execute(f"{sql} ORDER BY id"))
    out = []
    ids = list(project_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        out += repo.conn.execute(f"{sql} WHERE project_id IN ({marks})", chunk).fetchall()
    return sorted(out)


def records(repo: Repository, project_ids: Iterable[str] | None = None) -> rv.Records:
    """The review records (of the given projects)."""

    def read():
        ids = None if project_ids is None else list(project_ids)
        return rv.Records(
            tuple(
                rv.StatusEvent(**dict(zip(_EVENT_COLUMNS, r, strict=True)))
                for r in _rows(repo, "review_events", _EVENT_COLUMNS, ids)
            ),
            tuple(
                rv.Opinion(**dict(zip(_OPINION_COLUMNS, r, strict=True)))
                for r in _rows(repo, "opinions", _OPINION_COLUMNS, ids)
            ),
            tuple(
                rv.OpinionChange(**dict(zip(_CHANGE_COLUMNS, r, strict=True)))
                for r in _rows(repo, "opinion_changes", _CHANGE_COLUMNS, ids)
            ),
        )

    return _sql(repo, read)


def status(repo: Repository, project_id: str) -> str:
    return rv.current_status(records(repo, [project_id]).events)


def statuses(repo: Repository) -> dict[str, str]:
    """Every project's status that is not 编制中 (one pass over the events)."""

    def read():
        best: dict[str, tuple] = {}
        for pid, seq, at, eid, to in repo.conn.execute(
            "SELECT project_id, seq, at, id, to_status FROM review_events"
        ):
            key = (seq, at, eid)
            if pid not in best or key > best[pid][0]:
                best[pid] = (key, to)
        return {pid: to for pid, (_, to) in best.items()}

    return _sql(repo, read)


def submitting_units(repo: Repository) -> list[str]:
    """The units that have submitted forms to this file, by name."""

    def read():
        return sorted(
            r[0]
            for r in repo.conn.execute(
                "SELECT DISTINCT unit FROM review_events WHERE to_status = ? AND unit != ''",
                [rv.SUBMITTED],
            )
        )

    return _sql(repo, read)


def submitted_by(repo: Repository, unit: str) -> list[str]:
    """Live projects that ``unit`` has submitted (at least once), in list order."""

    def read():
        return {
            r[0]
            for r in repo.conn.execute(
                "SELECT DISTINCT project_id FROM review_events WHERE to_status = ? AND unit = ?",
                [rv.SUBMITTED, unit],
            )
        }

    ids = _sql(repo, read)
    return [s.id for s in repo.summaries() if s.id in ids]


def open_counts(repo: Repository) -> dict[str, int]:
    """Projects → how many of their opinions are still 未处理: those without any change
    (every change answers or confirms; the state never goes back)."""

    def read():
        return dict(
            repo.conn.execute(
                "SELECT o.project_id, count(*) FROM opinions o WHERE NOT EXISTS ("
                "SELECT 1 FROM opinion_changes c "
                "WHERE c.project_id = o.project_id AND c.opinion_id = o.id) "
                "GROUP BY o.project_id"
            )
        )

    return _sql(repo, read)


def opinions(repo: Repository, project_id: str | None = None) -> list[rv.OpinionState]:
    recs = records(repo, None if project_id is None else [project_id])
    return rv.opinion_states(recs, project_id)


# -- writing ---------------------------------------------------------------------------------


def add_records(repo: Repository, recs: rv.Records) -> int:
    """Add the records this file does not hold yet (by id); returns how many were new."""
    repo._require_writable()

    def write() -> int:
        before = repo.conn.total_changes
        with repo.atomic():
            for table, columns, rows in (
                ("review_events", _EVENT_COLUMNS, recs.events),
                ("opinions", _OPINION_COLUMNS, recs.opinions),
                ("opinion_changes", _CHANGE_COLUMNS, recs.changes),
            ):
                repo.conn.executemany(
                    f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})",
                    [tuple(getattr(r, c) for c in columns) for r in rows],
                )
        return repo.conn.total_changes - before

    return _sql(repo, write)


def _refuse(exc: rv.ReviewError) -> ReviewRefused:
    return ReviewRefused(sentence_of(exc))


def move(
    repo: Repository,
    project_ids: Iterable[str],
    to: str,
    *,
    unit: str | None = None,
    person: str | None = None,
    note: str = "",
) -> list[rv.StatusEvent]:
    """Move projects to status ``to`` (报送, 退回修改, 审核通过, 申请调整), all or none.

    Returning and approving are the reviewer's (role 审核单位); a return needs an opinion
    on the project that is still open, or a note. Approving keeps the approved version in
    the history; asking for 调整 keeps it too (once per content)."""
    repo._require_writable()
    who = _who(repo, unit, person)
    if to in (rv.RETURNED, rv.APPROVED) and not who.is_reviewer:
        raise ReviewRefused(Message(rv.REVIEWER_ONLY_MOVE))
    made = []
    with repo.atomic():
        for pid in project_ids:
            project = repo.get(pid)
            recs = records(repo, [pid])
            states = rv.opinion_states(recs, pid)
            if to == rv.RETURNED and not note.strip() and not any(s.is_open for s in states):
                raise ReviewRefused(Message(rv.RETURN_NEEDS_OPINION, name=project.name))
            try:
                event = rv.transition(
                    recs.events, project, to, unit=who.unit, person=who.person, note=note
                )
            except rv.ReviewError as exc:
                raise _refuse(exc) from exc
            if to == rv.APPROVED:
                repo.add_history(project, APPROVED_BY.format(unit=who.unit))
            if to == rv.ADJUSTING:
                approved = rv.last_event(recs.events, rv.APPROVED)
                if approved is not None and approved.content_hash == project.content_hash():
                    repo.add_history(project, APPROVED_BY.format(unit=approved.unit))
            add_records(repo, rv.Records(events=(event,)))
            made.append(event)
    return made


def add_opinion(
    repo: Repository,
    project_id: str,
    code: int,
    text: str = "",
    *,
    field: str | None = None,
    indicator: int | None = None,
    unit: str | None = None,
    person: str | None = None,
) -> rv.Opinion:
    repo._require_writable()
    who = _who(repo, unit, person)
    if not who.is_reviewer:
        raise ReviewRefused(Message(rv.REVIEWER_ONLY_OPINION))
    project = repo.get(project_id)
    if indicator is not None and not 0 <= indicator < len(project.indicators):
        raise ReviewRefused(Message(rv.NO_SUCH_INDICATOR, name=project.name, n=indicator + 1))
    try:
        opinion = rv.new_opinion(
            project,
            code,
            text,
            unit=who.unit,
            person=who.person,
            field=field,
            indicator=indicator,
        )
    except rv.ReviewError as exc:
        raise _refuse(exc) from exc
    add_records(repo, rv.Records(opinions=(opinion,)))
    return opinion


def set_state(
    repo: Repository,
    opinion_id: str,
    state: str,
    answer: str = "",
    *,
    unit: str | None = None,
    person: str | None = None,
) -> rv.OpinionChange:
    """Answer an opinion (已修改 / 已说明, the unit's) or confirm it (已确认, the reviewer's)."""
    repo._require_writable()
    who = _who(repo, unit, person)
    if state == rv.CONFIRMED and not who.is_reviewer:
        raise ReviewRefused(Message(rv.REVIEWER_ONLY_CONFIRM))
    row = _sql(
        repo,
        lambda: repo.conn.execute(
            "SELECT project_id FROM opinions WHERE id = ?", [opinion_id]
        ).fetchone(),
    )
    if row is None:
        raise ReviewRefused(Message(rv.NO_SUCH_OPINION, id=opinion_id))
    recs = records(repo, [row[0]])
    opinion = next(o for o in recs.opinions if o.id == opinion_id)
    try:
        change = rv.change_state(
            opinion, recs.changes, state, answer, unit=who.unit, person=who.person
        )
    except rv.ReviewError as exc:
        raise _refuse(exc) from exc
    add_records(repo, rv.Records(changes=(change,)))
    return change


# -- approved means locked ----------------------------------------------------------------------


def locked(repo: Repository, project_id: str) -> bool:
    """The form is 审核通过: an edit must first ask for 调整 with a reason."""
    return status(repo, project_id) in rv.LOCKED


def check_editable(repo: Repository, project_id: str) -> None:
    if locked(repo, project_id):
        raise ReviewRefused(Message(rv.APPROVED_ASK_FIRST))


def approved_version(repo: Repository, project_id: str) -> Project | None:
    """The content the last 审核通过 was given to: the form itself or a version kept in the
    history (None when this file has never held it)."""
    event = rv.last_event(records(repo, [project_id]).events, rv.APPROVED)
    if event is None:
        return None
    if repo.exists(project_id):
        current = repo.get(project_id)
        if current.content_hash() == event.content_hash:
            return current
    for entry in repo.history(project_id):
        if entry.project.content_hash() == event.content_hash:
            return entry.project
    return None


def approved_versions(repo: Repository, projects: Iterable[Project]) -> list[Project]:
    """The approved version of each project that has one: to travel with an export."""
    found = (approved_version(repo, p.id) for p in projects)
    return [v for v in found if v is not None]


def keep_approved(repo: Repository, versions: Iterable[Project]) -> int:
    """Keep in the history the approved versions a merged file carried (the form itself is
    not touched): those of a project here whose 审核通过 names that content. Returns how many
    were added."""
    added = 0
    for version in versions:
        if not repo.exists(version.id):
            continue
        digest = version.content_hash()
        events = records(repo, [version.id]).events
        event = next(
            (e for e in events if e.to_status == rv.APPROVED and e.content_hash == digest), None
        )
        if event is not None and repo.add_history(version, APPROVED_BY.format(unit=event.unit)):
            added += 1
    return added


def changes_since_approval(repo: Repository, project_id: str) -> list[str] | None:
    """What the 调整 changed since approval, field by field (None: approved version unknown)."""
    from desktop.domain.diff import field_changes

    approved = approved_version(repo, project_id)
    if approved is None:
        return None
    return field_changes(approved, repo.get(project_id))


__all__ = [
    "Identity",
    "ReviewRefused",
    "add_opinion",
    "add_records",
    "approved_version",
    "approved_versions",
    "changes_since_approval",
    "check_editable",
    "identity",
    "keep_approved",
    "locked",
    "move",
    "opinions",
    "records",
    "set_identity",
    "set_state",
    "status",
    "statuses",
]
