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
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.domain.combine import Combined, combine, restamp, stamped
from desktop.domain.diff import Change, field_change, project_changes
from desktop.domain.model import (
    Project,
    bumped,
    dominates,
    merged_versions,
    new_id,
    now_timestamp,
    with_new_indicator_ids,
)
from desktop.store.errors import StoreError, translate_error
from desktop.store.exchange import Incoming
from desktop.store.repository import Repository
from desktop.store.review import add_records
from desktop.store.rows import Tombstone


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
    # It raises my own replica's counter beyond what I have recorded for the project: only
    # this file makes changes under my id, so the record was forged (or the file here was
    # restored from an older backup). Kept as a copy for review, never taken as newer.
    FORGED = "forged"


class Choice(StrEnum):
    MINE = "mine"  # keep the local state (for a new project: do not add it)
    THEIRS = "theirs"  # take the incoming state
    BOTH = "both"  # keep mine and add theirs as a new project
    COMBINE = "combine"  # one project with both sides' edits (conflicting fields as picked)


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
    Status.FORGED: "版本记录可疑",
}
CHOICE_LABELS = {
    Choice.MINE: "保留我的",
    Choice.THEIRS: "采用对方的",
    Choice.BOTH: "两份都保留",
    Choice.COMBINE: "合并双方的修改",
}

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
    # Kept as a copy for review (BOTH), or left out (MINE).
    Status.FORGED: (Choice.BOTH, (Choice.BOTH, Choice.MINE)),
}
# Both changed: different fields → one project with both edits; a field changed on both
# sides to different values → keep both (nothing lost), unless the clerk picks per field.
_CLEAN = (Choice.COMBINE, (Choice.COMBINE, Choice.BOTH, Choice.MINE, Choice.THEIRS))
_CONFLICTING = (Choice.BOTH, (Choice.BOTH, Choice.COMBINE, Choice.MINE, Choice.THEIRS))
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
    # Conflicting fields (combine.FieldConflict keys) → combine.MINE / THEIRS, for COMBINE.
    picks: dict[str, str] = field(default_factory=dict)
    ancestor: object = None  # a loader of the common ancestor from the history (lazy)
    _combined: object = None

    @property
    def mine(self) -> Project | None:
        """The local project compared with (loaded when first asked for)."""
        if callable(self.local):
            self.local = self.local()
        return self.local  # type: ignore[return-value]

    @property
    def combined(self) -> Combined | None:
        """Both changed (a conflict): the two versions combined field by field, conflicting
        fields as picked (mine where not picked)."""
        if self.status != Status.CONFLICT or self.mine is None or self.incoming is None:
            return None
        key = tuple(sorted(self.picks.items()))
        if self._combined is None or self._combined[0] != key:
            if callable(self.ancestor):
                self.ancestor = self.ancestor()
            base = self.ancestor if isinstance(self.ancestor, Project) else None
            self._combined = (key, combine(self.mine, self.incoming, self.picks, base))
        return self._combined[1]

    @property
    def change_lines(self) -> list[Change]:
        """What the chosen handling changes in mine, field by field; for a conflict, what
        each side changed and the conflicting fields (我的 / 对方的 / 原来的)."""
        if self.mine is None or self.incoming is None:
            return []
        c = self.combined
        if c is None:
            return project_changes(self.mine, self.incoming)
        return combined_changes(self.mine, self.incoming, c)

    @property
    def changes(self) -> list[str]:
        """The differences as lines without colour (〔+…〕/〔−…〕 mark the changed text)."""
        return [c.text() for c in self.change_lines]

    def _defaults(self) -> tuple[Choice, tuple[Choice, ...]]:
        c = self.combined
        if c is not None:
            return _CLEAN if c.clean else _CONFLICTING
        return _DEFAULTS[self.status]

    @property
    def choices(self) -> tuple[Choice, ...]:
        return self._defaults()[1]

    @property
    def default(self) -> Choice:
        return self._defaults()[0]


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
    combined: int = 0  # one project holding both sides' edits
    forged: int = 0  # kept as copies for review
    reviews: int = 0  # review records (status events, opinions, answers) new to this file


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
    me = repo.replica_id
    for p in incoming.projects:
        theirs = p.version_map
        mine = local.get(p.id)
        tomb = repo.tombstone(p.id) if mine is None else None
        recorded = (mine.versions if mine else tomb.versions if tomb else {}).get(me, 0)
        if theirs.get(me, 0) > recorded:
            # Only this file counts changes under my id: a higher count was made up.
            plan.problems.append(
                f"“{p.name}”的版本记录可疑：它记录本机修改过 {theirs[me]} 次，"
                f"本机只记录了 {recorded} 次。已另存为副本供核对，不会覆盖本机的版本。"
            )
            plan.items.append(MergeItem(p.id, p.name, Status.FORGED, p))
            continue
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
    forged_tombs = set()
    for t in incoming.tombstones:
        mine = local.get(t.project_id)
        mine_tomb = repo.tombstone(t.project_id) if mine is None else None
        known = mine.versions if mine else mine_tomb.versions if mine_tomb else {}
        if t.versions.get(me, 0) > known.get(me, 0):
            plan.problems.append(f"“{t.name}”的删除记录可疑（本机的修改次数被改高），已忽略。")
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
    involved = ids + [i.mine.id for i in plan.items if i.status == Status.SAME_NAME and i.mine]
    plan.stamp = _stamp(repo, involved)
    plan.choose()
    return plan


RECEIVED = "收到的版本"


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
    for p in projects:
        (known if repo.exists(p.id) or repo.tombstone(p.id) else fresh).append(p)
    if not known:
        return None, fresh
    return Incoming(source=source, schema_version=0, projects=known), fresh


def combined_changes(mine: Project, theirs: Project, c: Combined) -> list[Change]:
    """A conflict's preview: what the combined version takes from theirs, what it keeps of
    mine's own edits, and the fields both changed (我的 / 对方的 / 原来的)."""
    from desktop.domain.combine import merge_values

    am, at = merge_values(mine), merge_values(theirs)
    out: list[Change] = []
    if c.conflicts:
        out.append(Change(f"双方都修改了 {len(c.conflicts)} 处（请逐项选择，或两份都保留）："))
        for k in c.conflicts:
            label = (field_change(k.key, k.mine, k.theirs) or [Change(k.key)])[0].label
            label = label.split("：")[0]
            out.append(Change(f"  ◆ {label}"))
            if k.key.startswith("ind:"):
                mine_text = k.mine.value.shown if k.mine is not None else "（已删除）"
                theirs_text = k.theirs.value.shown if k.theirs is not None else "（已删除）"
                base_text = k.base.value.shown if k.base is not None else "（无）"
            else:
                mine_text, theirs_text = _plain(k.key, k.mine), _plain(k.key, k.theirs)
                base_text = _plain(k.key, k.base) if k.base_known else "（历史中没有记录）"
            out.append(Change(f"    我的：{mine_text}"))
            out.append(Change(f"    对方的：{theirs_text}"))
            out.append(Change(f"    原来的：{base_text}"))
    if c.from_theirs:
        out.append(Change("对方修改的（合并后采用）："))
        for key in c.from_theirs:
            if key != "order" and key != "trash":
                out += [_indent(x) for x in field_change(key, am.get(key), at.get(key))]
        if "order" in c.from_theirs:
            out.append(Change("  指标的顺序"))
        if "trash" in c.from_theirs:
            out.append(
                Change(
                    "  对方已把这个项目移入回收站（合并后在回收站中，可以恢复）"
                    if theirs.deleted_at
                    else "  对方已把这个项目从回收站恢复"
                )
            )
    added = [k for k in at if k.startswith("ind:") and k not in am and k in _kept(c)]
    removed = [k for k in am if k.startswith("ind:") and k not in _kept(c)]
    for key in added:
        out.append(_indent(field_change(key, None, at[key])[0]))
    for key in removed:
        out.append(_indent(field_change(key, am[key], None)[0]))
    if c.from_mine:
        out.append(Change("我修改的（合并后保留）："))
        for key in c.from_mine:
            if key != "order" and key != "trash":
                out += [_indent(x) for x in field_change(key, at.get(key), am.get(key))]
        if "trash" in c.from_mine:
            out.append(
                Change(
                    "  我已把这个项目移入回收站"
                    if mine.deleted_at
                    else "  我已把这个项目从回收站恢复"
                )
            )
    return out


def _kept(c: Combined) -> set[str]:
    return {f"ind:{i.uid}" for i in c.project.indicators}


def _indent(change: Change) -> Change:
    return Change("  " + change.label, change.segments)


def _plain(key: str, value) -> str:
    """A field's whole value, as the conflict list shows it."""
    from desktop.domain.money import format_money

    if isinstance(value, tuple):
        value = value[0]
    if value is None or value == "":
        return "（空）"
    if key.startswith("funds."):
        return format_money(value)
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text.replace("\n", "⏎")


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
    before = {(i.project_id, i.status): i for i in old.items}
    for item in new.items:
        was = before.get((item.project_id, item.status))
        if was is not None and was.choice in item.choices:
            item.choice = was.choice
            item.picks = dict(was.picks)


def _purge_merged(repo: Repository, mine: Project, versions: dict[str, int], when: str) -> None:
    """Delete a project for good, its tombstone carrying ``versions``."""
    repo.add_tombstones([Tombstone(mine.id, mine.name, when, versions)])
    repo.conn.execute("DELETE FROM projects WHERE id = ?", [mine.id])


def _apply(repo: Repository, plan: MergePlan) -> MergeResult:
    """Carry out the plan in one transaction, each item by the handler of its status."""
    result = MergeResult()
    me = repo.replica_id
    with repo.atomic():
        for item in plan.items:
            choice = item.choice if item.choice in item.choices else item.default
            if item.status == Status.SAME_NAME:
                handle = _apply_pair
            elif item.status == Status.FORGED:
                handle = _apply_forged
            elif item.status == Status.NEW:
                handle = _apply_new
            elif item.status in (Status.DELETED_HERE, Status.CHANGED_THERE):
                handle = _apply_deleted_here
            elif item.status in (Status.DELETED_THERE, Status.CHANGED_HERE):
                handle = _apply_deleted_there
            else:
                handle = _apply_present
            handle(repo, item, choice, plan.source, me, result)
        repo.add_tombstones(plan.tombstones)
        if plan.incoming is not None and plan.incoming.reviews:  # a union by id; forms untouched
            result.reviews = add_records(repo, plan.incoming.reviews)
    return result


def _apply_new(
    repo: Repository, item: MergeItem, choice: Choice, source: str, me: str, result: MergeResult
) -> None:
    """A project only they have: added (the version both sides now share goes to the
    history), or not."""
    theirs = item.incoming
    if choice == Choice.THEIRS:
        repo.add([theirs])
        # the version both sides now share: the ancestor of their next edits
        repo.add_history(theirs, f"{RECEIVED}（来自“{source}”）")
        result.added += 1
    else:
        result.unchanged += 1


def _apply_deleted_here(
    repo: Repository, item: MergeItem, choice: Choice, source: str, me: str, result: MergeResult
) -> None:
    """Deleted here (changed there or not): theirs comes back, or the deletion stands and
    has now seen their version."""
    theirs = item.incoming
    if choice == Choice.THEIRS:
        versions = bumped(dict(merged_versions(item.tombstone.versions, theirs.version_map)), me)
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


def _apply_deleted_there(
    repo: Repository, item: MergeItem, choice: Choice, source: str, me: str, result: MergeResult
) -> None:
    """Deleted there (changed here or not): mine goes to the trash (or is purged when it is
    in my trash already), or stays and has now seen the deletion."""
    mine = repo.get(item.project_id)
    merged = dict(merged_versions(mine.version_map, item.tombstone.versions))
    if choice == Choice.THEIRS and mine.deleted_at is not None:
        # Purged there from the trash, in my trash here: purged here too, so
        # the trash converges (it would be reported as deleted forever).
        repo.add_history(mine, f"对方已彻底删除（来自“{source}”）")
        _purge_merged(repo, mine, merged, item.tombstone.deleted_at)
        result.deleted += 1
        return
    if choice == Choice.THEIRS:
        repo.add_history(mine, f"对方已删除（来自“{source}”），移入回收站前的版本")
        _overwrite(
            repo,
            mine.with_changes(deleted_at=now_timestamp(), versions=tuple(sorted(merged.items()))),
        )
        result.deleted += 1
    else:
        _overwrite(repo, mine.with_changes(versions=bumped(merged, me)))
        result.unchanged += 1


def _apply_present(
    repo: Repository, item: MergeItem, choice: Choice, source: str, me: str, result: MergeResult
) -> None:
    """On both sides: identical, theirs newer, mine newer or a conflict, as the plan chose
    (theirs, mine, both, or combined)."""
    theirs = item.incoming
    mine = repo.get(item.project_id)
    merged = dict(merged_versions(mine.version_map, theirs.version_map))
    if item.status == Status.IDENTICAL:
        if merged != mine.version_map:
            _overwrite(repo, mine.with_changes(versions=tuple(sorted(merged.items()))))
        result.unchanged += 1
        return
    if choice == Choice.COMBINE:
        _apply_combined(repo, item, mine, merged, source, me)
        result.combined += 1
        return
    if choice == Choice.THEIRS:
        needs_bump = item.status != Status.THEIRS_NEWER or merged == mine.version_map
        if not needs_bump:  # the version both sides now share (the next ancestor)
            repo.add_history(theirs, f"{RECEIVED}（来自“{source}”）")
        repo.add_history(mine, f"合并前的本机版本（被“{source}”中的版本替换）")
        versions = bumped(merged, me) if needs_bump else tuple(sorted(merged.items()))
        taken = theirs.with_changes(
            created_at=mine.created_at, revision=mine.revision, versions=versions
        )
        if needs_bump:  # a decision made here: the fields it changes are mine now
            taken = stamped(mine, taken, me, dict(versions)[me])
        _overwrite(repo, taken)
        result.replaced += 1
        return
    if item.status != Status.MINE_NEWER or choice == Choice.BOTH:
        # Mine stays and now has seen theirs: the next merge finds mine newer.
        _overwrite(repo, mine.with_changes(versions=bumped(merged, me)))
    if choice == Choice.BOTH:
        copy = _new_copy(theirs, new_id(), f"{theirs.name}（来自{source}）", me)
        repo.add([copy])
        result.copies += 1
    else:
        if item.status != Status.MINE_NEWER:  # mine-newer: theirs is my own past
            repo.add_history(theirs, f"合并时未采用（来自“{source}”）")
        result.unchanged += 1


def _apply_combined(
    repo: Repository, item: MergeItem, mine: Project, merged: dict, source: str, me: str
) -> None:
    """One project with both sides' edits; both originals go to the history. Conflicting
    fields take the clerk's pick, recorded as a change made here (the other side has not
    seen that decision, so it wins there too)."""
    theirs = item.incoming
    item.local = mine  # combine with what the file holds now (the stamp matched)
    c = item.combined
    versions = bumped(merged, me)
    project = restamp(c.project, [k.key for k in c.conflicts], me, dict(versions)[me])
    repo.add_history(mine, f"合并前的本机版本（与“{source}”中的版本合并）")
    repo.add_history(
        theirs.with_changes(id=mine.id), f"合并时对方的版本（来自“{source}”，已与本机版本合并）"
    )
    _overwrite(
        repo,
        project.with_changes(created_at=mine.created_at, revision=mine.revision, versions=versions),
    )


def _new_copy(theirs: Project, copy_id: str, name: str, me: str, **changes) -> Project:
    """Theirs as a new form of its own here: new ids, made now, no shared history."""
    stamp = now_timestamp()
    return theirs.with_changes(
        id=copy_id,
        name=name,
        created_at=stamp,
        updated_at=stamp,
        revision=1,
        versions=bumped({}, me),
        field_versions=(),
        indicators=with_new_indicator_ids(theirs.indicators),
        **changes,
    )


def _apply_forged(
    repo: Repository, item: MergeItem, choice: Choice, source: str, me: str, result: MergeResult
) -> None:
    """A project whose record claims changes of mine I never made: kept as a new project
    for review (its own id, derived from the original's id and content, so merging the same
    file again adds nothing), or left out."""
    theirs = item.incoming
    if choice != Choice.BOTH:
        result.unchanged += 1
        return
    copy_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"forged:{theirs.id}:{theirs.content_hash()}"))
    if repo.exists(copy_id) or repo.tombstone(copy_id) is not None:
        result.unchanged += 1
        return
    name = f"{theirs.name}（来自{source}，版本记录可疑，待核对）"
    repo.add([_new_copy(theirs, copy_id, name, me, deleted_at=None)])
    result.forged += 1


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
