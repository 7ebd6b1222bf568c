"""The 财政项目支出绩效目标申报表 as plain dataclasses (no Qt, no SQL)."""

from __future__ import annotations

import hashlib
import uuid
import weakref
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import partial
from typing import ClassVar

from desktop.domain import flag_text
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.money import Fen
from desktop.domain.taxonomy import taxonomy
from desktop.domain.values import EMPTY, IndicatorValue

NATURE_RECURRING = "经常性项目"
NATURE_PHASED = "阶段性项目"


# The one table of the form's field labels (keys as in ``Project.field_flags``), in form
# order, as the paper writes them; the UI shows them translated in context "FieldLabels"
# (``desktop.ui.widgets.field_text``). Sentences about an amount use its short name, the
# label without "其中：" (``field_label``).
FORM_LABELS: dict[str, str] = {
    "year": QT_TRANSLATE_NOOP("FieldLabels", "年度"),
    "name": QT_TRANSLATE_NOOP("FieldLabels", "项目名称"),
    "nature": QT_TRANSLATE_NOOP("FieldLabels", "项目性质"),
    "category": QT_TRANSLATE_NOOP("FieldLabels", "项目类别"),
    "department": QT_TRANSLATE_NOOP("FieldLabels", "主管部门"),
    "implementing_unit": QT_TRANSLATE_NOOP("FieldLabels", "实施单位"),
    "start_date": QT_TRANSLATE_NOOP("FieldLabels", "计划开始日期"),
    "end_date": QT_TRANSLATE_NOOP("FieldLabels", "计划完成日期"),
    "goal_overall": QT_TRANSLATE_NOOP("FieldLabels", "项目总目标"),
    "goal_annual": QT_TRANSLATE_NOOP("FieldLabels", "年度总体目标"),
    "funds.total": QT_TRANSLATE_NOOP("FieldLabels", "项目资金总额"),
    "funds.fiscal": QT_TRANSLATE_NOOP("FieldLabels", "其中：财政资金"),
    "funds.other": QT_TRANSLATE_NOOP("FieldLabels", "其他资金"),
    "funds.annual_total": QT_TRANSLATE_NOOP("FieldLabels", "年度资金申请总额"),
    "funds.annual_appropriation": QT_TRANSLATE_NOOP("FieldLabels", "其中：当年财政拨款"),
    "funds.annual_carryover": QT_TRANSLATE_NOOP("FieldLabels", "上年结转资金"),
    "funds.annual_other": QT_TRANSLATE_NOOP("FieldLabels", "其他资金（年度）"),
}
_SUB = "其中："


def _short(label: str) -> str:
    return label.removeprefix(_SUB)


def now_timestamp() -> str:
    """UTC timestamp with milliseconds, ``2026-11-27T17:41:44.123Z``; sorts as text."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Funds:
    """The seven amounts of 项目资金（元）, in integer 分."""

    total: Fen = 0  # 项目资金总额
    fiscal: Fen = 0  # 其中：财政资金
    other: Fen = 0  # 其他资金
    annual_total: Fen = 0  # 年度资金申请总额
    annual_appropriation: Fen = 0  # 其中：当年财政拨款
    annual_carryover: Fen = 0  # 上年结转资金
    annual_other: Fen = 0  # 其他资金

    # Short names (no "其中："), for sentences; from FORM_LABELS.
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        k.removeprefix("funds."): _short(v)
        for k, v in FORM_LABELS.items()
        if k.startswith("funds.")
    }


@dataclass(frozen=True, slots=True)
class Indicator:
    """One 三级 indicator with its 一级/二级 and 年度(/项目)指标值."""

    level1: str = ""
    level2: str = ""
    name: str = ""
    value: IndicatorValue = EMPTY
    needs_review: bool = False
    review_note: str = ""  # why the importer could not be sure
    raw_text: str = ""  # the source line as it was, for needs-review rows
    source_line: int | None = None
    # What the source form said beside the indicator that has no place on ours: extra
    # columns (计量单位, 指标方向, 备注 …) and the original group names of another layout.
    note: str = ""
    # Stable identity (UUID text): kept when the row is edited or moved, new for a row that
    # is added or pasted; merges match indicators by it. Not compared: rows with the same
    # content are equal (an import read twice is the same form), but it is in the content
    # hash, so replicas converge on the same ids.
    uid: str = field(default_factory=lambda: str(uuid.uuid4()), compare=False)


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Project:
    """One form: a project in one year."""

    id: str = field(default_factory=new_id)
    year: int = field(default_factory=lambda: date.today().year)
    name: str = ""
    nature: str = ""  # 项目性质
    category: str = ""  # 项目类别
    department: str = ""  # 主管部门
    implementing_unit: str = ""  # 实施单位
    start_date: date | None = None  # 计划开始日期
    end_date: date | None = None  # 计划完成日期
    funds: Funds = Funds()
    goal_overall: str = ""  # 项目总目标
    goal_annual: str = ""  # 年度总体目标
    indicators: tuple[Indicator, ...] = ()
    profile: str = ""  # taxonomy profile id; "" means the year's profile
    created_at: str = field(default_factory=now_timestamp)
    updated_at: str = ""
    revision: int = 0  # 0 = never saved (this file's save counter, for concurrent edits)
    # Version vector: how many changes each database (replica id) has made to this project.
    # It travels with the project, so a merge can tell "newer", "older" and "both changed".
    versions: tuple[tuple[str, int], ...] = ()
    deleted_at: str | None = None  # in the trash since then
    # Fields flagged 需复核: sorted (field key, reason) pairs. A key is a field name of this
    # class ("name", "start_date", "goal_overall" …) or "funds.<key>" ("funds.total").
    field_flags: tuple[tuple[str, str], ...] = ()
    # How the form writes dates (desktop.domain.dates styles); "" is the program's convention.
    date_style: str = ""
    # The goal column's header as the form writes it (项目总目标, 项目总体目标, 项目总体目标
    # (2024年-2026年)); "" is 项目总目标. Printed as stored (GOAL_HEADERS: the clerk's choices).
    goal_header: str = ""
    # Amounts as the form writes them where that differs from the canonical 5,100,000.00
    # (a form that writes 0): sorted (fund key, text) pairs, each text reading exactly the
    # amount in 元. Printed as written; an edit of the amount drops its entry.
    funds_written: tuple[tuple[str, str], ...] = ()
    # Which change last set each field: sorted (field key, replica id, counter) triples, the
    # counter being that replica's entry of ``versions`` after the change. Keys are those of
    # ``merge_values`` ("goal_annual", "funds.total", "ind:<uid>", "order", "trash"). A
    # missing key means "before anything either side knows of" (older files). The merge
    # takes per field the change the other side has not seen (desktop.domain.combine).
    field_versions: tuple[tuple[str, str, int], ...] = field(default=(), compare=False)

    # The form's own fields (besides funds and indicators), in form order, with their labels.
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        k: v for k, v in FORM_LABELS.items() if not k.startswith("funds.")
    }

    def __post_init__(self) -> None:
        if not isinstance(self.indicators, tuple):
            object.__setattr__(self, "indicators", tuple(self.indicators))
        flags = self.field_flags
        if isinstance(flags, dict):
            flags = flags.items()
        if not isinstance(flags, tuple) or any(not isinstance(f, tuple) for f in flags):
            object.__setattr__(self, "field_flags", tuple(sorted(tuple(f) for f in flags)))
        written = self.funds_written
        if isinstance(written, dict):
            object.__setattr__(self, "funds_written", tuple(sorted(written.items())))
        if not self.updated_at:
            object.__setattr__(self, "updated_at", self.created_at)
        if not self.profile:
            object.__setattr__(self, "profile", taxonomy().profile_for_year(self.year).id)
        if not isinstance(self.field_versions, tuple):
            dots = self.field_versions
            if isinstance(dots, dict):
                dots = ((k, r, n) for k, (r, n) in dots.items())
            object.__setattr__(self, "field_versions", tuple(sorted(tuple(d) for d in dots)))

    @property
    def field_version_map(self) -> dict[str, tuple[str, int]]:
        return {k: (r, n) for k, r, n in self.field_versions}

    def with_changes(self, **changes) -> Project:
        """A changed copy. A field flagged 需复核 that the change gives a new value is no
        longer flagged: the clerk has now written it (unless ``field_flags`` is given)."""
        if self.funds_written and "funds_written" not in changes:
            funds = changes.get("funds")
            if isinstance(funds, Funds):
                changes["funds_written"] = tuple(
                    (k, t)
                    for k, t in self.funds_written
                    if getattr(funds, k) == getattr(self.funds, k)
                )
        if self.field_flags and "field_flags" not in changes:
            changed = set()
            for name, value in changes.items():
                if name == "funds" and isinstance(value, Funds):
                    changed.update(
                        f"funds.{f.name}"
                        for f in fields(Funds)
                        if getattr(value, f.name) != getattr(self.funds, f.name)
                    )
                elif getattr(self, name, value) != value:
                    changed.add(name)
            if changed & {k for k, _ in self.field_flags}:
                changes["field_flags"] = tuple(f for f in self.field_flags if f[0] not in changed)
        copy = replace(self, **changes)
        kept = _HASHES.get(id(self))
        if kept is not None and kept[0]() is self and _BOOKKEEPING.issuperset(changes):
            _keep_hash(copy, kept[1])  # the same content (new versions, times, trash state)
        return copy

    def flag(self, key: str) -> str | None:
        """Why field ``key`` needs review, or None."""
        for k, reason in self.field_flags:
            if k == key:
                return reason
        return None

    def with_flag(self, key: str, reason: str | None) -> Project:
        """The same project with field ``key`` flagged (or unflagged when reason is None)."""
        flags = {k: r for k, r in self.field_flags if k != key}
        if reason is not None:
            flags[key] = reason
        return replace(self, field_flags=tuple(sorted(flags.items())))

    @property
    def review_count(self) -> int:
        return sum(1 for i in self.indicators if i.needs_review)

    def content(self) -> tuple:
        """Everything a clerk wrote, without identity and bookkeeping (id, times, revision,
        versions, trash state)."""
        return tuple(getattr(self, f.name) for f in fields(self) if f.name not in _BOOKKEEPING)

    def content_hash(self) -> str:
        """A fingerprint of ``content()`` (stable across runs and machines); computed once
        for each project object (it is immutable), kept while the object lives."""
        key = id(self)
        kept = _HASHES.get(key)
        if kept is not None and kept[0]() is self:
            return kept[1]
        digest = hashlib.sha256(repr(_canonical(self.content())).encode("utf-8")).hexdigest()
        _keep_hash(self, digest)
        return digest

    @property
    def version_map(self) -> dict[str, int]:
        return dict(self.versions)

    def search_text(self) -> str:
        """Lower-cased text the project list filters on: name, unit, indicator names."""
        parts = [self.name, self.implementing_unit, self.department]
        parts.extend(i.name for i in self.indicators)
        return "\n".join(p for p in parts if p).lower()


def field_label(key: str) -> str:
    """The name of a field key (``name``, ``funds.fiscal`` …) for a sentence: the form's
    label without "其中：" (``财政资金``); the key when unknown."""
    return _short(FORM_LABELS.get(key, key))


def form_label(key: str) -> str:
    """The form's label of a field key as the paper writes it (``其中：财政资金``)."""
    return FORM_LABELS.get(key, key)


_BOOKKEEPING = frozenset(
    {"id", "created_at", "updated_at", "revision", "versions", "deleted_at", "field_versions"}
)

# Indicators of files made before indicators had ids get one derived from the project id and
# the row's 一级/二级/三级 names (and how many rows before it had the same names): every
# machine upgrading or reading the same form finds the same ids, even if one of them has
# moved rows since. One namespace, shared by everything that names indicators.
INDICATOR_NAMESPACE = uuid.UUID("5b0c2a1e-8f3d-4c6e-9a27-3d1f6b8e4c10")


def legacy_uids(project_id: str, rows) -> list[str]:
    """Ids for indicator rows without one: ``rows`` are (level1, level2, name) triples."""
    seen: dict[tuple, int] = {}
    out = []
    for row in rows:
        key = tuple(row)
        k = seen.get(key, 0)
        seen[key] = k + 1
        out.append(str(uuid.uuid5(INDICATOR_NAMESPACE, "\n".join((project_id, *key, str(k))))))
    return out


def with_new_indicator_ids(indicators) -> tuple[Indicator, ...]:
    """The same rows as new indicators (a copied form, pasted rows): fresh ids."""
    return tuple(replace(i, uid=new_id()) for i in indicators)


def carry_indicator_ids(new, old) -> tuple[Indicator, ...]:
    """``new`` rows (read again from an edited sheet) with the ids of ``old`` rows of the
    same 一级/二级/三级 names, in order; rows without a match keep their own."""
    pool: dict[tuple, list[str]] = {}
    for i in old:
        pool.setdefault((i.level1, i.level2, i.name), []).append(i.uid)
    out = []
    for i in new:
        ids = pool.get((i.level1, i.level2, i.name))
        out.append(replace(i, uid=ids.pop(0)) if ids else i)
    return tuple(out)


# Content hashes of live projects, by object id; an entry goes when its project does (the
# weak reference's callback), so a reused id never finds another object's hash.
_HASHES: dict[int, tuple[weakref.ref, str]] = {}


def _keep_hash(project: Project, digest: str) -> None:
    key = id(project)
    _HASHES[key] = (weakref.ref(project, partial(_forget_hash, key)), digest)


def _forget_hash(key: int, ref: weakref.ref) -> None:
    kept = _HASHES.get(key)
    if kept is not None and kept[0] is ref:
        del _HASHES[key]


_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _canonical(value):
    """Plain, ordered data for hashing (dates as text, Decimals as strings). Exact types
    first (a printed batch hashes every form): the result is the same as the general
    rules below give."""
    kind = type(value)
    if kind in _PLAIN_TYPES:
        return value
    if kind is tuple or kind is list:
        return [v if type(v) in _PLAIN_TYPES else _canonical(v) for v in value]
    names = _FIELD_NAMES.get(kind)
    if names is not None:  # plain fields as they are, without a call each
        out = []
        for n in names:
            v = getattr(value, n)
            out.append(v if type(v) in _PLAIN_TYPES else _canonical(v))
        return out
    if isinstance(value, tuple | list):
        return [_canonical(v) for v in value]
    if isinstance(value, Indicator | Funds | IndicatorValue):
        if kind in (Indicator, Funds, IndicatorValue):
            _FIELD_NAMES[kind] = tuple(f.name for f in fields(value))
        return [_canonical(getattr(value, f.name)) for f in fields(value)]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def dominates(a: dict[str, int], b: dict[str, int]) -> bool:
    """Version vector ``a`` has seen every change ``b`` has (a ≥ b)."""
    return all(a.get(k, 0) >= n for k, n in b.items())


def merged_versions(a: dict[str, int], b: dict[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((k, max(a.get(k, 0), b.get(k, 0))) for k in set(a) | set(b)))


def bumped(versions: dict[str, int], replica: str) -> tuple[tuple[str, int], ...]:
    out = dict(versions)
    out[replica] = out.get(replica, 0) + 1
    return tuple(sorted(out.items()))


@dataclass(slots=True)
class ProjectSummary:
    """What the project list shows; loaded without indicators. Treat as read-only: it is not
    frozen only because a frozen dataclass is 8× slower to build, and the list builds 10,000
    of them at start-up."""

    id: str
    year: int
    name: str
    nature: str
    category: str
    department: str
    implementing_unit: str
    total: Fen
    annual_total: Fen
    indicator_count: int
    review_count: int
    updated_at: str
    revision: int
    deleted_at: str | None = None
    search_text: str = ""  # lower-cased name, units and indicator names, for filtering
    audit_status: int = 0  # 0 通过, 1 警告, 2 错误
    audit_errors: int = 0
    audit_warnings: int = 0


def next_year_copy(project: Project) -> Project:
    """下一年度: the same form for the following year — a new id, dates one year later,
    amounts kept for a 经常性项目 (cleared otherwise), texts and indicators kept. Every
    indicator is marked not yet checked (needs review), so 审核 asks the clerk to confirm
    this year's values before the form goes out."""
    from dataclasses import replace as _replace

    def later(d: date | None) -> date | None:
        if d is None:
            return None
        try:
            return d.replace(year=d.year + 1)
        except ValueError:  # 29 February
            return d.replace(year=d.year + 1, day=28)

    stamp = now_timestamp()
    funds = project.funds if project.nature == NATURE_RECURRING else Funds()
    return Project(
        year=project.year + 1,
        name=project.name,
        nature=project.nature,
        category=project.category,
        department=project.department,
        implementing_unit=project.implementing_unit,
        start_date=later(project.start_date),
        end_date=later(project.end_date),
        date_style=project.date_style,  # an imported form's dates keep their form
        funds=funds,
        goal_overall=project.goal_overall,
        goal_annual=project.goal_annual,
        indicators=tuple(
            _replace(
                i,
                needs_review=True,
                raw_text="",
                source_line=None,
                review_note=flag_text.reason(flag_text.COPIED_FROM_YEAR, year=project.year),
                uid=new_id(),  # a new form: its rows are new indicators
            )
            for i in project.indicators
        ),
        created_at=stamp,
        updated_at=stamp,
        revision=1,
    )


GOAL_HEADER_DEFAULT = "项目总目标"


def goal_header_choices(p: Project) -> list[str]:
    """The headers a clerk may choose for the goal column: 项目总目标, 项目总体目标 and, with
    the period's years, 项目总体目标(2024年-2026年)."""
    choices = [GOAL_HEADER_DEFAULT, "项目总体目标"]
    if p.start_date and p.end_date:
        choices.append(f"项目总体目标({p.start_date.year}年-{p.end_date.year}年)")
    if p.goal_header and p.goal_header not in choices:
        choices.append(p.goal_header)  # as an imported form wrote it
    return choices


def goal_header_text(p: Project) -> str:
    """The goal column's header as printed and exported: as stored."""
    return p.goal_header or GOAL_HEADER_DEFAULT


def funds_text(p: Project, key: str) -> str:
    """An amount as printed: as the form writes it (``0``) when the import kept that,
    else the canonical ``5,100,000.00``."""
    from desktop.domain.money import format_money

    for k, text in p.funds_written:
        if k == key:
            return text
    return format_money(getattr(p.funds, key))
