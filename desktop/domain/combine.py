"""Three-way merge of two versions of one form, field by field (pure Python).

Every change a replica saves records, for each field it changed, *which change* set it: the
replica id and that replica's counter in the project's version vector after the change
(``Project.field_versions``, a "dot"). Two versions that both changed since they parted
(neither version vector dominates) are combined field by field:

- a field whose value is the same on both sides is taken;
- otherwise, the side whose last change of the field the other side has **not** seen wins:
  the other side still holds the common ancestor's value (its change is in the other's
  past), so only one side changed the field since the ancestor;
- when neither side has seen the other's change, both changed the field since the
  ancestor: a real conflict, settled per field by the clerk (or by keeping both projects).

Indicators are matched by their stable id (``Indicator.uid``) and merged as one field each;
one present on one side only was added there (kept) unless the other side has seen that
very state of it (then the other side deleted it: dropped). The order of the rows is one
more field. The rule needs no stored copy of the ancestor: "has the other side seen this
change" is read off the version vectors. The ancestor's *value* (shown as 原来的) comes
from the history when it holds a version both sides descend from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.model import Funds, Indicator, Project

MINE = "mine"
THEIRS = "theirs"

Dot = tuple[str, int]


def merge_values(p: Project) -> dict[str, object]:
    """The merge's fields of a form: key → comparable value. A field's 需复核 flag belongs
    to the field; each indicator is one field (``ind:<uid>``); ``order`` is the rows' order
    and ``trash`` whether the project is in the trash."""
    out: dict[str, object] = {}
    for key in Project.FIELD_LABELS:
        out[key] = (getattr(p, key), p.flag(key))
    for key in Funds.FIELD_LABELS:
        out[f"funds.{key}"] = (getattr(p.funds, key), p.flag(f"funds.{key}"))
    out["profile"] = p.profile
    out["date_style"] = p.date_style
    out["goal_header"] = p.goal_header
    out["funds_written"] = p.funds_written
    out["flag.indicators"] = p.flag("indicators")
    out["trash"] = p.deleted_at is not None
    out["order"] = tuple(i.uid for i in p.indicators)
    for i in p.indicators:
        out[f"ind:{i.uid}"] = i
    return out


def _same_order(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The rows both hold are in the same order (additions and deletions aside)."""
    common = set(a) & set(b)
    return [u for u in a if u in common] == [u for u in b if u in common]


def stamped(old: Project | None, new: Project, replica: str, counter: int) -> Project:
    """``new`` (about to be saved as change ``counter`` of ``replica``) with every field
    that differs from ``old`` (the stored version) recorded as set by this change, and the
    others as the stored version records them (an older version restored from the history
    brings its own, outdated records: they are not taken)."""
    dots = (old if old is not None else new).field_version_map
    values = merge_values(new)
    dots = {k: d for k, d in dots.items() if k in values}  # deleted rows' records go
    if old is not None:
        before = merge_values(old)
        for key, value in values.items():
            if key == "order":
                changed = not _same_order(before["order"], value)  # type: ignore[arg-type]
            else:
                changed = key not in before or before[key] != value
            if changed:
                dots[key] = (replica, counter)
    return new.with_changes(field_versions=tuple(sorted((k, r, n) for k, (r, n) in dots.items())))


def seen(dot: Dot | None, versions: dict[str, int]) -> bool:
    """Whether a replica at ``versions`` has seen the change ``dot`` (no record: a change
    from before either side's records, seen by both)."""
    return dot is None or versions.get(dot[0], 0) >= dot[1]


@dataclass(frozen=True)
class FieldConflict:
    """A field both sides changed since they parted, to different values."""

    key: str  # merge_values key: "goal_annual", "funds.total", "ind:<uid>" …
    mine: object
    theirs: object
    base: object = None  # the common ancestor's value, when the history knows it
    base_known: bool = False


@dataclass
class Combined:
    """The result of combining two versions (conflicts settled by ``picks`` or, where not
    picked, with mine)."""

    project: Project
    conflicts: list[FieldConflict] = field(default_factory=list)
    from_mine: list[str] = field(default_factory=list)  # keys only I changed
    from_theirs: list[str] = field(default_factory=list)  # keys only they changed
    picked: list[str] = field(default_factory=list)  # conflict keys settled by a pick

    @property
    def clean(self) -> bool:
        """No real conflict: the combined version holds both sides' edits."""
        return not self.conflicts


def _rank(p: Project) -> tuple:
    return tuple(sorted(p.versions))


def combine(
    mine: Project,
    theirs: Project,
    picks: dict[str, str] | None = None,
    base: Project | None = None,
) -> Combined:
    """Combine two concurrent versions of one project (same id). The result does not depend
    on which side is "mine" except through ``picks`` (so two machines merging each other's
    files reach the same content); its id, creation time and revision are mine's."""
    picks = picks or {}
    vm, vt = mine.version_map, theirs.version_map
    dm, dt = mine.field_version_map, theirs.field_version_map
    am, at = merge_values(mine), merge_values(theirs)
    ab = merge_values(base) if base is not None else {}
    out = Combined(project=mine)
    chosen: dict[str, object] = {}
    dots: dict[str, Dot] = {}

    def decide(key: str) -> str | None:
        """MINE / THEIRS for the side to take, None to drop (an indicator deleted)."""
        a, b = am.get(key), at.get(key)
        da, db = dm.get(key), dt.get(key)
        if key not in am:  # theirs only: added there, or deleted here after seeing it
            return None if seen(db, vm) else THEIRS
        if key not in at:
            return None if seen(da, vt) else MINE
        if a == b:
            return MINE if (da or ("", 0))[::-1] >= (db or ("", 0))[::-1] else THEIRS
        a_seen, b_seen = seen(da, vt), seen(db, vm)
        if a_seen and not b_seen:
            out.from_theirs.append(key)
            return THEIRS
        if b_seen and not a_seen:
            out.from_mine.append(key)
            return MINE
        if key == "trash":  # both changed it: the project stays out of the trash
            return MINE if not a else THEIRS
        out.conflicts.append(FieldConflict(key, a, b, ab.get(key), key in ab))
        pick = picks.get(key, MINE)
        if key in picks:
            out.picked.append(key)
        return pick

    keys = [k for k in am if k != "order"] + [k for k in at if k not in am and k != "order"]
    for key in keys:
        side = decide(key)
        if side is None:
            continue
        chosen[key] = am[key] if side == MINE else at[key]
        dot = (dm if side == MINE else dt).get(key)
        if dot is not None:
            dots[key] = dot
    # The rows' order: the side that reordered (or, both, the later change); rows only
    # the other side holds go after the row they follow there.
    om, ot = am["order"], at["order"]
    if _same_order(om, ot):  # type: ignore[arg-type]
        primary = MINE if _rank(mine) >= _rank(theirs) else THEIRS
    else:
        side = decide("order")
        if out.conflicts and out.conflicts[-1].key == "order":
            out.conflicts.pop()  # not asked: the later change of the order wins
            if "order" in out.picked:
                out.picked.remove("order")
            da, db = dm.get("order", ("", 0)), dt.get("order", ("", 0))
            side = MINE if da[::-1] >= db[::-1] else THEIRS
        primary = side or MINE
        dot = (dm if primary == MINE else dt).get("order")
        if dot is not None:
            dots["order"] = dot
    first, second = (om, ot) if primary == MINE else (ot, om)
    seq = _rows_order(first, second, {k[4:] for k in chosen if k.startswith("ind:")})  # type: ignore[arg-type]
    out.project = _assemble(mine, theirs, chosen, seq, dots)
    return out


def _rows_order(first: tuple[str, ...], second: tuple[str, ...], kept: set[str]) -> list[str]:
    """The kept rows in ``first``'s order; rows only ``second`` holds go after the row they
    follow there."""
    seq = [u for u in first if u in kept]
    at_pos = -1
    for u in second:
        if u not in kept:
            continue
        if u in seq:
            at_pos = seq.index(u)
        else:
            seq.insert(at_pos + 1, u)
            at_pos += 1
    return seq


def _assemble(
    mine: Project, theirs: Project, chosen: dict[str, object], seq: list[str], dots: dict[str, Dot]
) -> Project:
    """The combined project from the chosen merge values (mine's id, creation, revision)."""
    indicators: list[Indicator] = [chosen[f"ind:{u}"] for u in seq]  # type: ignore[misc]
    flags = {}
    values = {}
    for key in Project.FIELD_LABELS:
        values[key], flag = chosen[key]  # type: ignore[misc]
        if flag is not None:
            flags[key] = flag
    funds = {}
    for key in Funds.FIELD_LABELS:
        funds[key], flag = chosen[f"funds.{key}"]  # type: ignore[misc]
        if flag is not None:
            flags[f"funds.{key}"] = flag
    if chosen["flag.indicators"] is not None:
        flags["indicators"] = chosen["flag.indicators"]
    deleted_at = None
    if chosen["trash"]:
        deleted_at = mine.deleted_at or theirs.deleted_at
    return mine.with_changes(
        **values,
        funds=Funds(**funds),
        profile=chosen["profile"],
        date_style=chosen["date_style"],
        goal_header=chosen["goal_header"],
        funds_written=chosen["funds_written"],
        indicators=tuple(indicators),
        field_flags=tuple(sorted(flags.items())),
        deleted_at=deleted_at,
        field_versions=tuple(sorted((k, r, n) for k, (r, n) in dots.items())),
    )


def restamp(project: Project, keys, replica: str, counter: int) -> Project:
    """``project`` with the fields ``keys`` recorded as set by change ``counter`` of
    ``replica`` (a clerk's pick of a conflict is a new decision both sides will see)."""
    dots = project.field_version_map
    present = merge_values(project)
    for key in keys:
        if key in present:
            dots[key] = (replica, counter)
    return project.with_changes(
        field_versions=tuple(sorted((k, r, n) for k, (r, n) in dots.items()))
    )
