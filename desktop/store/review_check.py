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

from desktop.domain import limits
from desktop.domain import review as rv
from desktop.store.errors import DamagedFileError, NotOurFileError

MAX_ROWS = limits.MAX_REVIEW_ROWS  # per table, counted before any row is read
_HASH = re.compile(r"^([0-9a-f]{64})?$")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Bad(ValueError):
    pass


def _text(value, name: str, limit: int) -> str:
    if not isinstance(value, str):
        raise _Bad(f"“{name}”不是文字")
    if _SURROGATE.search(value):
        raise _Bad(f"“{name}”的文字编码无效")
    if len(value) > limit:
        raise _Bad(f"“{name}”太长（{len(value)} 字）")
    return value


def _uuid(value, name: str) -> str:
    text = _text(value, name, 36)
    if not rv.is_uuid(text):
        raise _Bad(f"“{name}”不是有效的编号")
    return text


def _int(value, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _Bad(f"“{name}”无效")
    return value


def _time(value, name: str) -> str:
    text = _text(value, name, 40)
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise _Bad(f"“{name}”不是时间") from exc
    return text


def _event(r) -> rv.StatusEvent:
    to, frm = r["to_status"], r["from_status"]
    if to not in rv.STATUS_LABELS or frm not in rv.STATUS_LABELS:
        raise _Bad("状态无效")
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
        raise _Bad("内容校验值无效")
    return text


def _opinion(r) -> rv.Opinion:
    kind = r["kind"]
    if kind not in rv.TARGET_KINDS:
        raise _Bad("意见位置的类别无效")
    target = _text(r["target"], "target", 1000)
    if kind == rv.ON_FIELD and not rv.field_known(target):
        raise _Bad(f"没有名为“{target[:40]}”的字段")
    if kind == rv.ON_PROJECT and target:
        raise _Bad("针对整个项目的意见不应有位置")
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
        raise _Bad("意见状态无效")
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
    ("review_events", _event, "状态记录"),
    ("opinions", _opinion, "审核意见"),
    ("opinion_changes", _change, "意见处理记录"),
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
                    f"“{incoming.source}”中的{label}太多（{count} 条，上限 {MAX_ROWS} 条）。"
                )
            for r in conn.execute(f"SELECT * FROM {table}"):
                try:
                    good.append(make(r))
                except _Bad as exc:
                    bad += 1
                    first = first or str(exc)
        except sqlite3.DatabaseError as exc:
            raise DamagedFileError(f"“{incoming.source}”的数据无法读取（{exc}）。") from exc
        if bad:
            incoming.problems.append(f"{bad} 条{label}无效，未导入（例如：{first}）")
        found.append(good)
    opinion_ids = {o.id for o in found[1]}
    orphans = [c for c in found[2] if c.opinion_id not in opinion_ids]
    if orphans:
        incoming.problems.append(f"{len(orphans)} 条意见处理记录找不到所属的意见，未导入")
        found[2] = [c for c in found[2] if c.opinion_id in opinion_ids]
    incoming.reviews = rv.Records(tuple(found[0]), tuple(found[1]), tuple(found[2]))
