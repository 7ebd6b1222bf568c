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

import json
import sqlite3
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.domain.model import (
    Project,
    bumped,
    dominates,
    merged_versions,
    new_id,
    now_timestamp,
)
from desktop.store.exchange import Incoming
from desktop.store.repository import Repository, Tombstone, translate_error


class Status(StrEnum):
    NEW = "new"
    IDENTICAL = "identical"
    THEIRS_NEWER = "theirs_newer"
    MINE_NEWER = "mine_newer"
    CONFLICT = "conflict"
    DELETED_HERE = "deleted_here"  # deleted for good here, unchanged there since
    CHANGED_THERE = "changed_there"  # deleted for good here, but changed there since
    DELETED_THERE = "deleted_there"  # deleted there, unchanged here since
    CHANGED_HERE = "changed_here"  # deleted there, but changed here since


class Choice(StrEnum):
    MINE = "mine"  # keep the local state (for a new project: do not add it)
    THEIRS = "theirs"  # take the incoming state
    BOTH = "both"  # keep mine and add theirs as a new project


STATUS_LABELS = {
    Status.NEW: "新项目",
    Status.IDENTICAL: "完全相同",
    Status.THEIRS_NEWER: "对方的较新",
    Status.MINE_NEWER: "我的较新",
    Status.CONFLICT: "双方都修改过",
    Status.DELETED_HERE: "我已删除",
    Status.CHANGED_THERE: "我已删除，对方又修改过",
    Status.DELETED_THERE: "对方已删除",
    Status.CHANGED_HERE: "对方已删除，我又修改过",
}
CHOICE_LABELS = {Choice.MINE: "保留我的", Choice.THEIRS: "采用对方的", Choice.BOTH: "两份都保留"}

_DEFAULTS = {
    Status.NEW: (Choice.THEIRS, (Choice.THEIRS, Choice.MINE)),
    Status.IDENTICAL: (Choice.MINE, (Choice.MINE,)),
    Status.THEIRS_NEWER: (Choice.THEIRS, (Choice.THEIRS, Choice.MINE, Choice.BOTH)),
    Status.MINE_NEWER: (Choice.MINE, (Choice.MINE, Choice.THEIRS, Choice.BOTH)),
    Status.CONFLICT: (Choice.BOTH, (Choice.BOTH, Choice.MINE, Choice.THEIRS)),
    Status.DELETED_HERE: (Choice.MINE, (Choice.MINE, Choice.THEIRS)),
    Status.CHANGED_THERE: (Choice.THEIRS, (Choice.THEIRS, Choice.MINE)),
    Status.DELETED_THERE: (Choice.THEIRS, (Choice.THEIRS, Choice.MINE)),
    Status.CHANGED_HERE: (Choice.MINE, (Choice.MINE, Choice.THEIRS)),
}
POLICIES = {"keep-both": Choice.BOTH, "theirs": Choice.THEIRS, "mine": Choice.MINE}


@dataclass
class _Local:
    id: str
    name: str
    versions: dict[str, int]
    content_hash: str
    deleted: bool


@dataclass
class MergeItem:
    project_id: str
    name: str
    status: Status
    incoming: Project | None  # None for a deletion made there
    tombstone: Tombstone | None = None  # theirs (deleted there) or mine (deleted here)
    choice: Choice = Choice.MINE

    @property
    def choices(self) -> tuple[Choice, ...]:
        return _DEFAULTS[self.status][1]

    @property
    def default(self) -> Choice:
        return _DEFAULTS[self.status][0]


@dataclass
class MergePlan:
    source: str
    items: list[MergeItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # rows of the file not imported
    tombstones: list[Tombstone] = field(default_factory=list)  # deletions to record

    def count(self, status: Status) -> int:
        return sum(1 for i in self.items if i.status == status)

    def choose(self, policy: str | None = None) -> None:
        """Settle conflicts by a policy (keep-both, theirs, mine); everything else takes its
        default (new projects and newer versions come in, older ones stay out)."""
        wanted = POLICIES.get(policy) if policy else None
        for item in self.items:
            conflict = item.status == Status.CONFLICT
            item.choice = wanted if conflict and wanted in item.choices else item.default


@dataclass
class MergeResult:
    added: int = 0
    replaced: int = 0
    copies: int = 0
    deleted: int = 0
    unchanged: int = 0


def _locals(repo: Repository, ids: list[str]) -> dict[str, _Local]:
    out: dict[str, _Local] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in repo.conn.execute(
            f"SELECT id, name, versions, content_hash, deleted_at FROM projects "
            f"WHERE id IN ({marks})",
            chunk,
        ):
            out[r[0]] = _Local(r[0], r[1], json.loads(r[2]), r[3], r[4] is not None)
    return out


def plan_merge(repo: Repository, incoming: Incoming) -> MergePlan:
    """Compare every incoming project and deletion with this database."""
    plan = MergePlan(source=incoming.source, problems=list(incoming.problems))
    ids = [p.id for p in incoming.projects] + [t.project_id for t in incoming.tombstones]
    local = _locals(repo, ids)
    for p in incoming.projects:
        theirs = p.version_map
        mine = local.get(p.id)
        tomb = repo.tombstone(p.id) if mine is None else None
        if mine is None and tomb is None:
            status = Status.NEW
        elif mine is None:
            deleted_here = dominates(tomb.versions, theirs)
            status = Status.DELETED_HERE if deleted_here else Status.CHANGED_THERE
        elif mine.content_hash == p.content_hash() and mine.deleted == (p.deleted_at is not None):
            status = Status.IDENTICAL
        elif mine.versions == theirs:
            status = Status.CONFLICT  # same history, different content: copies of one file
        elif dominates(mine.versions, theirs):
            status = Status.MINE_NEWER
        elif dominates(theirs, mine.versions):
            status = Status.THEIRS_NEWER
        else:
            status = Status.CONFLICT
        plan.items.append(MergeItem(p.id, p.name, status, p, tomb))
    incoming_ids = {p.id for p in incoming.projects}
    for t in incoming.tombstones:
        if t.project_id in incoming_ids:
            continue  # the file holds the project itself too: the project wins
        mine = local.get(t.project_id)
        if mine is None:
            continue  # nothing here to delete; the tombstone is recorded when applied
        if mine.deleted and dominates(mine.versions, t.versions):
            continue
        deleted_there = dominates(t.versions, mine.versions)
        status = Status.DELETED_THERE if deleted_there else Status.CHANGED_HERE
        plan.items.append(MergeItem(t.project_id, mine.name, status, None, t))
    plan.tombstones = [t for t in incoming.tombstones if t.project_id not in local]
    plan.choose()
    return plan


def apply_merge(repo: Repository, plan: MergePlan, *, backup: bool = True) -> MergeResult:
    """Carry out the chosen merge in one transaction, after a backup of the database."""
    try:
        return _apply(repo, plan, backup)
    except sqlite3.Error as exc:
        raise translate_error(exc, repo.path) from exc


def _apply(repo: Repository, plan: MergePlan, backup: bool) -> MergeResult:
    repo._require_writable()
    if backup:
        from desktop.store.backups import take

        take(repo.conn, repo.path, "merge")
    result = MergeResult()
    me = repo.replica_id
    source = plan.source
    with repo.atomic():
        for item in plan.items:
            choice = item.choice if item.choice in item.choices else item.default
            theirs = item.incoming
            if item.status == Status.NEW:
                if choice == Choice.THEIRS:
                    repo.add([theirs])
                    result.added += 1
                else:
                    result.unchanged += 1
                continue
            if item.status in (Status.DELETED_HERE, Status.CHANGED_THERE):
                if choice == Choice.THEIRS:
                    versions = bumped(
                        dict(merged_versions(item.tombstone.versions, theirs.version_map)), me
                    )
                    repo.add([theirs.with_changes(versions=versions)])
                    result.added += 1
                else:
                    merged = dict(merged_versions(item.tombstone.versions, theirs.version_map))
                    if item.status == Status.CHANGED_THERE:
                        merged = dict(bumped(merged, me))
                        repo.add_history(theirs, f"合并时未采用（来自“{source}”，本机已删除）")
                    repo.add_tombstones(
                        [
                            Tombstone(
                                item.project_id,
                                item.tombstone.name,
                                item.tombstone.deleted_at,
                                merged,
                            )
                        ]
                    )
                    result.unchanged += 1
                continue
            mine = repo.get(item.project_id)
            if item.status in (Status.DELETED_THERE, Status.CHANGED_HERE):
                merged = dict(merged_versions(mine.version_map, item.tombstone.versions))
                if choice == Choice.THEIRS:
                    repo.add_history(mine, f"对方已删除（来自“{source}”），移入回收站前的版本")
                    _overwrite(
                        repo,
                        mine.with_changes(
                            deleted_at=now_timestamp(), versions=tuple(sorted(merged.items()))
                        ),
                    )
                    result.deleted += 1
                else:
                    _overwrite(repo, mine.with_changes(versions=bumped(merged, me)))
                    result.unchanged += 1
                continue
            merged = dict(merged_versions(mine.version_map, theirs.version_map))
            if item.status == Status.IDENTICAL:
                if merged != mine.version_map:
                    _overwrite(repo, mine.with_changes(versions=tuple(sorted(merged.items()))))
                result.unchanged += 1
                continue
            if choice == Choice.THEIRS:
                repo.add_history(mine, f"合并前的本机版本（被“{source}”中的版本替换）")
                needs_bump = item.status != Status.THEIRS_NEWER
                versions = bumped(merged, me) if needs_bump else tuple(sorted(merged.items()))
                _overwrite(
                    repo,
                    theirs.with_changes(
                        created_at=mine.created_at, revision=mine.revision, versions=versions
                    ),
                )
                result.replaced += 1
                continue
            if item.status != Status.MINE_NEWER or choice == Choice.BOTH:
                # Mine stays and now has seen theirs: the next merge finds mine newer.
                _overwrite(repo, mine.with_changes(versions=bumped(merged, me)))
            if choice == Choice.BOTH:
                stamp = now_timestamp()
                copy = theirs.with_changes(
                    id=new_id(),
                    name=f"{theirs.name}（来自{source}）",
                    created_at=stamp,
                    updated_at=stamp,
                    revision=1,
                    versions=bumped({}, me),
                )
                repo.add([copy])
                result.copies += 1
            else:
                if item.status != Status.MINE_NEWER:  # mine-newer: theirs is my own past
                    repo.add_history(theirs, f"合并时未采用（来自“{source}”）")
                result.unchanged += 1
        repo.add_tombstones(plan.tombstones)
    return result


def _overwrite(repo: Repository, project: Project) -> None:
    """Write a merged state as it is (its own version vector), one revision later."""
    current = repo.revision(project.id)
    repo._write(
        project.with_changes(revision=current + 1, updated_at=now_timestamp()), insert=False
    )
