"""Checking the review records of a received .db file, row by row, before they are merged.

Nothing of another machine's file is trusted: every column is checked for type, length and
its set of values (ids are UUIDs, statuses and states are ours, codes are small numbers,
times are ISO timestamps); a bad row is listed in ``Incoming.problems`` and left out, the
rest is merged.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime

from desktop.domain import file_text, limits
from desktop.domain import review as rv
from desktop.domain import row_text as say
from desktop.domain.messages import Message, Term
from desktop.store.errors import DamagedFileError, NotOurFileError

MAX_ROWS = limits.MAX_REVIEW_ROWS  # per table, counted before any row is read
_HASH = re.compile(r"^([0-9a-f]{64})?$")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Bad(ValueError):
    pass


def _text(value, name: str, limit: int) -> str:
    name = say.column(name, review=True)  # said as the record's word (记录时间), not "at"
    if not isinstance(value, str):
        raise _Bad(Message(say.NOT_TEXT, name=name))
    if _SURROGATE.search(value):
        raise _Bad(Message(say.BAD_TEXT, name=name))
    if len(value) > limit:
        raise _Bad(Message(say.REVIEW_TOO_LONG, name=name, length=len(value)))
    return value


def _uuid(value, name: str) -> str:
    text = _text(value, name, 36)
    if not rv.is_uuid(text):
        raise _Bad(Message(say.REVIEW_NOT_ID, name=say.column(name, review=True)))
    return text


def _int(value, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _Bad(Message(say.SCREEN_INVALID, name=say.column(name, review=True)))
    return value


def _time(value, name: str) -> str:
    text = _text(value, name, 40)
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise _Bad(Message(say.REVIEW_NOT_TIME, name=say.column(name, review=True))) from exc
    return text


def _event(r) -> rv.StatusEvent:
    to, frm = r["to_status"], r["from_status"]
    if to not in rv.STATUS_LABELS or frm not in rv.STATUS_LABELS:
        raise _Bad(Message(say.REVIEW_STATUS))
    return rv.StatusEvent(
        id=_uuid(r["id"], "id"),
        project_id=_uuid(r["project_id"], "project_id"),
        seq=_int(r["seq"], "seq", 1, 2**40),
        from_status=frm,
        to_status=to,
        unit=_text(r["unit"], "unit", rv.MAX_NAME),
        person=_text(r["person"], "person", rv.MAX_NAME),
        at=_time(r["at"], "at"),
        note=_text(r["note"], "note", rv.MAX_TEXT),
        content_hash=_hash(r["content_hash"]),
    )


def _hash(value) -> str:
    text = _text(value, "content_hash", 64)
    if not _HASH.match(text):
        raise _Bad(Message(say.REVIEW_HASH))
    return text


def _opinion(r) -> rv.Opinion:
    kind = r["kind"]
    if kind not in rv.TARGET_KINDS:
        raise _Bad(Message(say.REVIEW_KIND))
    target = _text(r["target"], "target", 1000)
    if kind == rv.ON_FIELD and not rv.field_known(target):
        raise _Bad(Message(say.REVIEW_NO_FIELD, target=target[:40]))
    if kind == rv.ON_PROJECT and target:
        raise _Bad(Message(say.REVIEW_PROJECT_TARGET))
    return rv.Opinion(
        id=_uuid(r["id"], "id"),
        project_id=_uuid(r["project_id"], "project_id"),
        kind=kind,
        target=target,
        label=_text(r["label"], "label", 1000),
        code=_int(r["code"], "code", 1, 999),
        text=_text(r["text"], "text", rv.MAX_TEXT),
        unit=_text(r["unit"], "unit", rv.MAX_NAME),
        person=_text(r["person"], "person", rv.MAX_NAME),
        at=_time(r["at"], "at"),
    )


def _change(r) -> rv.OpinionChange:
    state = r["state"]
    if state not in (rv.FIXED, rv.EXPLAINED, rv.CONFIRMED):
        raise _Bad(Message(say.REVIEW_STATE))
    return rv.OpinionChange(
        id=_uuid(r["id"], "id"),
        opinion_id=_uuid(r["opinion_id"], "opinion_id"),
        project_id=_uuid(r["project_id"], "project_id"),
        seq=_int(r["seq"], "seq", 1, 2**40),
        state=state,
        answer=_text(r["answer"], "answer", rv.MAX_TEXT),
        unit=_text(r["unit"], "unit", rv.MAX_NAME),
        person=_text(r["person"], "person", rv.MAX_NAME),
        at=_time(r["at"], "at"),
    )


_TABLES = (
    ("review_events", _event, Term(say.REVIEW_EVENTS)),
    ("opinions", _opinion, Term(say.REVIEW_OPINIONS)),
    ("opinion_changes", _change, Term(say.REVIEW_CHANGES)),
)


def read_review_rows(conn: sqlite3.Connection, incoming) -> None:
    """Fill ``incoming.reviews`` with the good rows; list the bad ones in its problems."""
    found: list[list] = []
    for table, make, label in _TABLES:
        good = []
        bad = 0
        first = ""
        try:
            (count,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            if count > MAX_ROWS:
                raise NotOurFileError(
                    Message(
                        file_text.TOO_MANY_RECORDS,
                        name=incoming.source,
                        label=label,
                        count=count,
                        limit=MAX_ROWS,
                    )
                )
            for r in conn.execute(f"SELECT * FROM {table}"):
                try:
                    good.append(make(r))
                except _Bad as exc:
                    bad += 1
                    first = first or exc.args[0]
        except sqlite3.DatabaseError as exc:
            raise DamagedFileError(
                Message(file_text.DATA_UNREADABLE, name=incoming.source, detail=str(exc))
            ) from exc
        if bad:
            incoming.problems.append(
                Message(say.REVIEW_ROWS_BAD, bad=bad, label=label, first=first)
            )
        found.append(good)
    opinion_ids = {o.id for o in found[1]}
    orphans = [c for c in found[2] if c.opinion_id not in opinion_ids]
    if orphans:
        incoming.problems.append(Message(say.ORPHAN_CHANGES, n=len(orphans)))
        found[2] = [c for c in found[2] if c.opinion_id in opinion_ids]
    incoming.reviews = rv.Records(tuple(found[0]), tuple(found[1]), tuple(found[2]))
