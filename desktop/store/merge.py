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
from desktop.store.errors import StoreError, translate_error
from desktop.store.exchange import Incoming
from desktop.store.repository import Repository, Tombstone


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
    SAME_NAME = "same_name"  # new there, and a project of that year and name is new here


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
    Status.SAME_NAME: "双方都新建了同名项目",
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
    # A pair: keep both (nothing hidden), or make one of them — the other version goes to
    # the history and its id to the tombstones, so it does not come back.
    Status.SAME_NAME: (Choice.BOTH, (Choice.BOTH, Choice.MINE, Choice.THEIRS)),
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
    local: object = None  # the local project compared with, or a loader of it (lazy)

    @property
    def mine(self) -> Project | None:
        """The local project compared with (loaded when first asked for)."""
        if callable(self.local):
            self.local = self.local()
        return self.local  # type: ignore[return-value]

    @property
    def changes(self) -> list[str]:
        """Field by field, what taking theirs would change in mine (old → new)."""
        if self.mine is None or self.incoming is None:
            return []
        return field_changes(self.mine, self.incoming)

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
    # What the plan was made against: every id involved → its local state then. The merge
    # is applied only if the file still holds exactly that (checked inside the write
    # transaction); otherwise it is planned again (``PlanChangedError``).
    stamp: dict[str, tuple] = field(default_factory=dict)
    incoming: Incoming | None = None
    edited_outside: bool = False
    policy: str | None = None

    def count(self, status: Status) -> int:
        return sum(1 for i in self.items if i.status == status)

    def choose(self, policy: str | None = None) -> None:
        """Settle conflicts by a policy (keep-both, theirs, mine); everything else takes its
        default (new projects and newer versions come in, older ones stay out)."""
        self.policy = policy
        wanted = POLICIES.get(policy) if policy else None
        for item in self.items:
            conflict = item.status == Status.CONFLICT
            item.choice = wanted if conflict and wanted in item.choices else item.default


class PlanChangedError(StoreError):
    """Another program changed projects of the plan while it was shown; ``plan`` is the
    plan made again (the clerk's choices kept where the situation is the same)."""

    def __init__(self, plan: MergePlan):
        super().__init__(
            f"合并预览显示期间，数据文件中有 {len(plan.items)} 个相关项目可能已被其他程序修改，"
            "已重新比较，请再检查一遍。"
        )
        self.plan = plan


@dataclass
class MergeResult:
    added: int = 0
    replaced: int = 0
    copies: int = 0
    deleted: int = 0
    unchanged: int = 0


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
    for pid, year, name in repo.conn.execute(
        "SELECT id, year, name FROM projects WHERE deleted_at IS NULL"
    ):
        if (year, name) in wanted and pid not in others:
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
    for p in incoming.projects:
        theirs = p.version_map
        mine = local.get(p.id)
        tomb = repo.tombstone(p.id) if mine is None else None
        if mine is None and tomb is None:
            new.append(p)
            continue
        if mine is None:
            deleted_here = dominates(tomb.versions, theirs)
            if deleted_here and p.deleted_at is not None:
                # In their trash, purged here: nothing to ask, the deletion travels back.
                plan.tombstones.append(Tombstone(p.id, tomb.name, tomb.deleted_at, dict(theirs)))
                continue
            status = Status.DELETED_HERE if deleted_here else Status.CHANGED_THERE
        elif mine.content_hash == p.content_hash() and mine.deleted == (p.deleted_at is not None):
            status = Status.IDENTICAL
        elif mine.versions == theirs:
            # Same history, different content: copies of one file — or, for a file a person
            # edits outside this program, an edit made there.
            status = Status.THEIRS_NEWER if edited_outside else Status.CONFLICT
        elif dominates(mine.versions, theirs):
            status = Status.MINE_NEWER
        elif dominates(theirs, mine.versions):
            status = Status.THEIRS_NEWER
        else:
            status = Status.CONFLICT
        item = MergeItem(p.id, p.name, status, p, tomb)
        if status in (Status.CONFLICT, Status.THEIRS_NEWER, Status.MINE_NEWER):
            item.local = functools.partial(repo.get, p.id)
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
    for t in incoming.tombstones:
        if t.project_id in incoming_ids:
            continue  # the file holds the project itself too: the project wins
        mine = local.get(t.project_id)
        if mine is None:
            continue  # nothing here to delete; the tombstone is recorded when applied
        if mine.deleted and dominates(mine.versions, t.versions) and (mine.versions != t.versions):
            continue  # in my trash, and changed here since: stays in my trash
        deleted_there = dominates(t.versions, mine.versions)
        status = Status.DELETED_THERE if deleted_there else Status.CHANGED_HERE
        plan.items.append(MergeItem(t.project_id, mine.name, status, None, t))
    plan.tombstones += [t for t in incoming.tombstones if t.project_id not in local]
    involved = ids + [i.mine.id for i in plan.items if i.status == Status.SAME_NAME and i.mine]
    plan.stamp = _stamp(repo, involved)
    plan.choose()
    return plan


def split_reimport(
    repo: Repository, projects: list[Project], source: str
) -> tuple[Incoming | None, list[Project]]:
    """Imported projects this file already knows by id (or deleted for good): an export of
    ours brought back, to be merged; and the others, to be added."""
    from desktop.store.exchange import Incoming

    known, fresh = [], []
    for p in projects:
        (known if repo.exists(p.id) or repo.tombstone(p.id) else fresh).append(p)
    if not known:
        return None, fresh
    return Incoming(source=source, schema_version=0, projects=known), fresh


def field_changes(old: Project, new: Project) -> list[str]:
    """What differs between two versions of a form, one line per field (old → new), and
    the indicators added, removed and changed."""
    from desktop.domain.model import Funds

    def short(value) -> str:
        text = "" if value is None else str(value)
        text = " ".join(text.split())
        return (text[:60] + "…") if len(text) > 60 else (text or "（空）")

    out = []
    for attr, label in Project.FIELD_LABELS.items():
        a, b = getattr(old, attr), getattr(new, attr)
        if a != b:
            out.append(f"{label}：{short(a)} → {short(b)}")
    from desktop.domain.money import format_money

    for attr, label in Funds.FIELD_LABELS.items():
        a, b = getattr(old.funds, attr), getattr(new.funds, attr)
        if a != b:
            out.append(f"{label}：{format_money(a)} → {format_money(b)}")

    def key(i) -> tuple:
        return (i.level1, i.level2, i.name)

    before = {key(i): i for i in old.indicators}
    after = {key(i): i for i in new.indicators}
    for k, i in after.items():
        if k not in before:
            out.append(f"新增指标：{'/'.join(x for x in k if x)} {short(i.value.shown)}")
        elif before[k].value.shown != i.value.shown or before[k].value != i.value:
            out.append(
                f"指标 {'/'.join(x for x in k if x)}："
                f"{short(before[k].value.shown)} → {short(i.value.shown)}"
            )
    for k, i in before.items():
        if k not in after:
            out.append(f"删除指标：{'/'.join(x for x in k if x)} {short(i.value.shown)}")
    if not out and [key(i) for i in old.indicators] != [key(i) for i in new.indicators]:
        out.append("指标的顺序不同")
    if not out and old.content() != new.content():
        out.append("其他内容不同（复核标记、备注等）")
    return out


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
        from desktop.store.backups import take

        take(repo.conn, repo.path, "merge")
    conn = repo.conn
    try:
        if conn.in_transaction:
            raise StoreError("合并必须单独进行（另一个写入尚未结束）。")
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
            result = _apply(repo, plan)
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
    before = {(i.project_id, i.status): i.choice for i in old.items}
    for item in new.items:
        choice = before.get((item.project_id, item.status))
        if choice is not None and choice in item.choices:
            item.choice = choice


def _purge_merged(repo: Repository, mine: Project, versions: dict[str, int], when: str) -> None:
    """Delete a project for good, its tombstone carrying ``versions``."""
    repo.add_tombstones([Tombstone(mine.id, mine.name, when, versions)])
    repo.conn.execute("DELETE FROM projects WHERE id = ?", [mine.id])


def _apply(repo: Repository, plan: MergePlan) -> MergeResult:
    result = MergeResult()
    me = repo.replica_id
    source = plan.source
    with repo.atomic():
        for item in plan.items:
            choice = item.choice if item.choice in item.choices else item.default
            theirs = item.incoming
            if item.status == Status.SAME_NAME:
                _apply_pair(repo, item, choice, source, me, result)
                continue
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
                if choice == Choice.THEIRS and mine.deleted_at is not None:
                    # Purged there from the trash, in my trash here: purged here too, so
                    # the trash converges (it would be reported as deleted forever).
                    repo.add_history(mine, f"对方已彻底删除（来自“{source}”）")
                    _purge_merged(repo, mine, merged, item.tombstone.deleted_at)
                    result.deleted += 1
                    continue
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
                needs_bump = item.status != Status.THEIRS_NEWER or merged == mine.version_map
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


def _apply_pair(
    repo: Repository, item: MergeItem, choice: Choice, source: str, me: str, result: MergeResult
) -> None:
    """Both sides added a project of this year and name: keep both, or make them one (mine's
    id stays; the other version goes to the history, its id to the tombstones)."""
    theirs, mine = item.incoming, repo.get(item.mine.id)
    if choice == Choice.BOTH:
        repo.add([theirs])
        result.added += 1
        return
    loser = Tombstone(theirs.id, theirs.name, now_timestamp(), theirs.version_map)
    merged = dict(merged_versions(mine.version_map, theirs.version_map))
    if choice == Choice.THEIRS:
        repo.add_history(mine, f"合并前的本机版本（与“{source}”中的同名项目合为一个）")
        _overwrite(
            repo,
            theirs.with_changes(
                id=mine.id,
                created_at=mine.created_at,
                revision=mine.revision,
                versions=bumped(merged, me),
            ),
        )
        result.replaced += 1
    else:
        repo.add_history(
            theirs.with_changes(id=mine.id), f"合并时未采用（来自“{source}”的同名项目）"
        )
        _overwrite(repo, mine.with_changes(versions=bumped(merged, me)))
        result.unchanged += 1
    repo.add_tombstones([loser])


def _overwrite(repo: Repository, project: Project) -> None:
    """Write a merged state as it is (its own version vector), one revision later."""
    current = repo.revision(project.id)
    repo._write(
        project.with_changes(revision=current + 1, updated_at=now_timestamp()), insert=False
    )
