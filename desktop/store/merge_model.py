"""The merge's vocabulary: how an incoming project stands to the local one (``Status``),
what the clerk may do with it (``Choice``), and the plan and result of a merge."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from desktop.domain.combine import Combined, combine
from desktop.domain.diff import Change, project_changes
from desktop.domain.model import Project
from desktop.store.errors import StoreError
from desktop.store.exchange import Incoming
from desktop.store.merge_preview import combined_changes
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
