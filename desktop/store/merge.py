"""Merging projects that arrive from another machine.

Each incoming project is compared with the local one by version vector (which database made
how many changes): *new*, *identical*, *theirs newer*, *mine newer*, *conflicting* (both
changed since they parted), *deleted here* (a tombstone), or *deleted there*. Each has a
default that loses nothing — conflicts keep both — and the clerk may choose per project
(keep mine, take theirs, keep both). The whole merge is one transaction; every version a
merge replaces or declines is kept in the history table, so it can be restored later.
Merging the same file twice changes nothing; merging A into B and B into A converges.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from dataclasses import dataclass

from desktop.domain import file_text
from desktop.domain import merge_text as say
from desktop.domain.messages import Message
from desktop.domain.model import Project, dominates
from desktop.store.errors import StoreError, translate_error
from desktop.store.exchange import Incoming
from desktop.store.lookups import live_by_year_name
from desktop.store.merge_apply import apply_plan
from desktop.store.merge_model import (
    CHOICE_LABELS,
    POLICIES,
    STATUS_LABELS,
    Choice,
    MergeItem,
    MergePlan,
    MergeResult,
    PlanChangedError,
    Status,
)
from desktop.store.merge_preview import combined_changes
from desktop.store.repository import Repository
from desktop.store.rows import Tombstone
from desktop.store.writing import content_hash

__all__ = [
    "CHOICE_LABELS",
    "POLICIES",
    "STATUS_LABELS",
    "Choice",
    "MergeItem",
    "MergePlan",
    "MergeResult",
    "PlanChangedError",
    "Status",
    "apply_merge",
    "combined_changes",
    "plan_merge",
    "split_reimport",
]


@dataclass
class _Local:
    id: str
    name: str
    versions: dict[str, int]
    content_hash: str
    deleted: bool


def _in_chunks(ids: list[str], size: int = 500):
    """``(chunk, "?, ?, …")`` pairs for ``WHERE id IN (…)`` within SQLite's variable limit."""
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        yield chunk, ", ".join("?" for _ in chunk)


def _locals(repo: Repository, ids: list[str]) -> dict[str, _Local]:
    out: dict[str, _Local] = {}
    for chunk, marks in _in_chunks(ids):
        for r in repo.conn.execute(
            f"SELECT id, name, versions, content_hash, deleted_at FROM projects "
            f"WHERE id IN ({marks})",
            chunk,
        ):
            out[r[0]] = _Local(r[0], r[1], json.loads(r[2]), r[3], r[4] is not None)
    return out


def _stamp(repo: Repository, ids: list[str]) -> dict[str, tuple]:
    """The local state of each id: (versions, content hash, in the trash, tombstone)."""
    out: dict[str, tuple] = {pid: (None, None, None, None) for pid in ids}
    for chunk, marks in _in_chunks(ids):
        for r in repo.conn.execute(
            f"SELECT id, versions, content_hash, deleted_at IS NOT NULL, revision "
            f"FROM projects WHERE id IN ({marks})",
            chunk,
        ):
            out[r[0]] = (r[1], r[2], r[3], r[4])
        for r in repo.conn.execute(
            f"SELECT project_id, versions FROM tombstones WHERE project_id IN ({marks})", chunk
        ):
            out[r[0]] = (*out[r[0]][:3], f"tomb:{r[1]}")
    return out


def _same_name_pairs(repo: Repository, new: list[Project], others: set[str]) -> dict[str, str]:
    """Incoming new projects → a local live project of the same year and name that the
    incoming file does not know (both sides added "the same" project)."""
    if not new:
        return {}
    wanted = {(p.year, p.name) for p in new if p.name}
    local: dict[tuple[int, str], str] = {}
    # An indexed probe per wanted (year, name), never a pass over every stored project.
    for pid, year, name in live_by_year_name(repo, sorted(wanted)):
        if pid not in others:
            local.setdefault((year, name), pid)
    out = {}
    taken: set[str] = set()
    for p in new:
        pid = local.get((p.year, p.name))
        if pid is not None and pid not in taken and p.deleted_at is None:
            out[p.id] = pid
            taken.add(pid)
    return out


def plan_merge(repo: Repository, incoming: Incoming, *, edited_outside: bool = False) -> MergePlan:
    """Compare every incoming project and deletion with this database.

    ``edited_outside``: the projects come from a file a person may have edited outside
    this program (a re-imported .xlsx, PDF or JSON export), which leaves the version vector
    as it was: the same vector with other content is then an edit there (theirs newer),
    not two copies of one file."""
    try:
        return _plan(repo, incoming, edited_outside)
    except sqlite3.Error as exc:
        raise translate_error(exc, repo.path) from exc


def _plan(repo: Repository, incoming: Incoming, edited_outside: bool) -> MergePlan:
    plan = MergePlan(
        source=incoming.source,
        problems=list(incoming.problems),
        incoming=incoming,
        edited_outside=edited_outside,
    )
    ids = [p.id for p in incoming.projects] + [t.project_id for t in incoming.tombstones]
    local = _locals(repo, ids)
    incoming_ids = {p.id for p in incoming.projects}
    tombs_there = {t.project_id: t for t in incoming.tombstones}
    new: list[Project] = []
    me = repo.replica_id
    for p in incoming.projects:
        theirs = p.version_map
        mine = local.get(p.id)
        tomb = repo.tombstone(p.id) if mine is None else None
        recorded = (mine.versions if mine else tomb.versions if tomb else {}).get(me, 0)
        if theirs.get(me, 0) > recorded:
            # Only this file counts changes under my id: a higher count was made up.
            plan.problems.append(
                Message(say.FORGED_PROJECT, name=p.name, theirs=theirs[me], recorded=recorded)
            )
            plan.items.append(MergeItem(p.id, p.name, Status.FORGED, p))
            continue
        if mine is None and tomb is None:
            new.append(p)
            continue
        if mine is None and dominates(tomb.versions, theirs) and p.deleted_at is not None:
            # In their trash, purged here: nothing to ask, the deletion travels back.
            plan.tombstones.append(Tombstone(p.id, tomb.name, tomb.deleted_at, dict(theirs)))
            continue
        status = _status(p, mine, tomb, edited_outside)
        item = MergeItem(p.id, p.name, status, p, tomb)
        if status in (Status.CONFLICT, Status.THEIRS_NEWER, Status.MINE_NEWER):
            item.local = functools.partial(repo.get, p.id)
        if status == Status.CONFLICT:
            item.ancestor = functools.partial(
                _ancestor, repo, p.id, mine.versions, theirs, incoming.bases.get(p.id)
            )
        plan.items.append(item)
    # Projects new to this file: added, or offered as a pair with a local project of the
    # same year and name (both sides typed in the same form).
    deleted_there_ids = {pid for pid in tombs_there if pid not in incoming_ids}
    pairs = _same_name_pairs(repo, new, incoming_ids | deleted_there_ids)
    for p in new:
        pid = pairs.get(p.id)
        if pid is None:
            plan.items.append(MergeItem(p.id, p.name, Status.NEW, p))
        else:
            plan.items.append(MergeItem(p.id, p.name, Status.SAME_NAME, p, local=repo.get(pid)))
    _plan_deletions(repo, plan, incoming, local)
    involved = ids + [i.mine.id for i in plan.items if i.status == Status.SAME_NAME and i.mine]
    plan.stamp = _stamp(repo, involved)
    plan.choose()
    return plan


def _status(
    p: Project, mine: _Local | None, tomb: Tombstone | None, edited_outside: bool
) -> Status:
    """How an incoming project stands to the local one (``mine``) or its tombstone."""
    theirs = p.version_map
    if mine is None:
        return Status.DELETED_HERE if dominates(tomb.versions, theirs) else Status.CHANGED_THERE
    if mine.content_hash == content_hash(p) and mine.deleted == (p.deleted_at is not None):
        return Status.IDENTICAL
    if mine.versions == theirs:
        # Same history, different content: copies of one file — or, for a file a person
        # edits outside this program, an edit made there.
        return Status.THEIRS_NEWER if edited_outside else Status.CONFLICT
    if dominates(mine.versions, theirs):
        return Status.MINE_NEWER
    if dominates(theirs, mine.versions):
        return Status.THEIRS_NEWER
    return Status.CONFLICT


def _plan_deletions(
    repo: Repository, plan: MergePlan, incoming: Incoming, local: dict[str, _Local]
) -> None:
    """The deletions made there: items for the local projects they delete, the others
    recorded as tombstones; a deletion claiming changes of mine I never made is ignored."""
    me = repo.replica_id
    incoming_ids = {p.id for p in incoming.projects}
    forged_tombs = set()
    for t in incoming.tombstones:
        mine = local.get(t.project_id)
        mine_tomb = repo.tombstone(t.project_id) if mine is None else None
        known = mine.versions if mine else mine_tomb.versions if mine_tomb else {}
        if t.versions.get(me, 0) > known.get(me, 0):
            plan.problems.append(Message(say.FORGED_DELETION, name=t.name))
            forged_tombs.add(t.project_id)
    for t in incoming.tombstones:
        if t.project_id in incoming_ids or t.project_id in forged_tombs:
            continue  # the file holds the project itself too: the project wins
        mine = local.get(t.project_id)
        if mine is None:
            continue  # nothing here to delete; the tombstone is recorded when applied
        if mine.deleted and dominates(mine.versions, t.versions) and (mine.versions != t.versions):
            continue  # in my trash, and changed here since: stays in my trash
        deleted_there = dominates(t.versions, mine.versions)
        status = Status.DELETED_THERE if deleted_there else Status.CHANGED_HERE
        plan.items.append(MergeItem(t.project_id, mine.name, status, None, t))
    plan.tombstones += [
        t
        for t in incoming.tombstones
        if t.project_id not in local and t.project_id not in forged_tombs
    ]


def _ancestor(
    repo: Repository, pid: str, mine: dict, theirs: dict, carried: Project | None = None
) -> Project | None:
    """The latest version both sides descend from (its version vector within both), from
    the history here or the one the incoming file carries (the sender's last shared
    version), to show a conflicting field's 原来的 value; None when neither has one."""
    best = None
    candidates = [e.project for e in repo.history(pid)]
    if carried is not None and carried.id == pid:
        candidates.append(carried)
    for project in candidates:
        v = project.version_map
        fits = dominates(mine, v) and dominates(theirs, v)
        if fits and (best is None or dominates(v, best.version_map)):
            best = project
    return best


def split_reimport(
    repo: Repository, projects: list[Project], source: str
) -> tuple[Incoming | None, list[Project]]:
    """Imported projects this file already knows by id (or deleted for good): an export of
    ours brought back, to be merged; and the others, to be added."""
    from desktop.store.exchange import Incoming

    known, fresh = [], []
    me = repo.replica_id
    for p in projects:
        # a project claiming changes of mine that I do not know of goes through the merge
        # too: it is reported as forged there, never added with my counter raised
        ours = p.version_map.get(me, 0) > 0
        (known if ours or repo.exists(p.id) or repo.tombstone(p.id) else fresh).append(p)
    if not known:
        return None, fresh
    return Incoming(source=source, schema_version=0, projects=known), fresh


def apply_merge(
    repo: Repository, plan: MergePlan, *, backup: bool = True, replan: bool = False
) -> MergeResult:
    """Carry out the chosen merge in one write transaction, after a backup of the database.

    The file is locked for writing (``BEGIN IMMEDIATE``) and the plan's ``stamp`` compared
    with what the file holds now: if another program changed a project of the plan since it
    was made, ``replan`` plans again inside the same transaction and applies that (the CLI:
    no one to ask), otherwise ``PlanChangedError`` carries the new plan to show."""
    repo._require_writable()
    if backup:
        repo.backup("merge")
    conn = repo.conn
    try:
        if conn.in_transaction:
            raise StoreError(Message(file_text.MERGE_ALONE))
        conn.execute("BEGIN IMMEDIATE")
        try:
            ids = list(plan.stamp)
            if plan.incoming is not None and _stamp(repo, ids) != plan.stamp:
                fresh = _plan(repo, plan.incoming, plan.edited_outside)
                fresh.choose(plan.policy)
                _carry_choices(plan, fresh)
                if not replan:
                    raise PlanChangedError(fresh)
                plan = fresh
            result = apply_plan(repo, plan)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return result
    except sqlite3.Error as exc:
        raise translate_error(exc, repo.path) from exc


def _carry_choices(old: MergePlan, new: MergePlan) -> None:
    """Keep the clerk's choices where an item's situation did not change."""
    before = {(i.project_id, i.status): i for i in old.items}
    for item in new.items:
        was = before.get((item.project_id, item.status))
        if was is not None and was.choice in item.choices:
            item.choice = was.choice
            item.picks = dict(was.picks)
