"""The indicator taxonomy (一级 → 二级) as versioned data, and the official value lists.

The data lives in ``data/taxonomy.json`` so that next year's profile is a data change, not a
code change. A profile applies to a range of form years; a project records the profile it
was written under.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    first_year: int | None
    last_year: int | None
    level1: tuple[tuple[str, tuple[str, ...]], ...]

    @functools.cached_property
    def level1_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.level1)

    @functools.cached_property
    def _children(self) -> dict[str, tuple[str, ...]]:
        return dict(self.level1)

    @functools.cached_property
    def _pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset((name, child) for name, children in self.level1 for child in children)

    def level2_for(self, level1: str) -> tuple[str, ...]:
        return self._children.get(level1, ())

    def fits(self, level1: str, level2: str) -> bool:
        return (level1, level2) in self._pairs

    def fits_all(self, pairs: Iterable[tuple[str, str]]) -> bool:
        return self._pairs.issuperset(pairs)

    def applies_to(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )


@dataclass(frozen=True)
class Taxonomy:
    version: int
    natures: tuple[str, ...]
    categories: tuple[str, ...]
    profiles: tuple[Profile, ...]

    def profile(self, profile_id: str) -> Profile:
        for p in self.profiles:
            if p.id == profile_id:
                return p
        raise KeyError(profile_id)

    def profile_for_year(self, year: int) -> Profile:
        for p in self.profiles:
            if p.applies_to(year):
                return p
        return self.profiles[-1]

    def profile_of(self, project) -> Profile:
        """A project's (or summary's) own profile, else its year's (an id this taxonomy
        no longer has)."""
        try:
            return self.profile(project.profile)
        except KeyError:
            return self.profile_for_year(project.year)

    def best_profile(self, year: int, pairs: Iterable[tuple[str, str]]) -> Profile:
        """The year's profile, unless the form's (一级, 二级) pairs fit another one better."""
        pairs = [(a, b) for a, b in pairs if a and b]
        preferred = self.profile_for_year(year)

        def misfits(p: Profile) -> int:
            return sum(1 for a, b in pairs if not p.fits(a, b))

        best = min(self.profiles, key=lambda p: (misfits(p), p is not preferred))
        return preferred if misfits(preferred) == misfits(best) else best

    @property
    def level1_names(self) -> frozenset[str]:
        return frozenset(n for p in self.profiles for n in p.level1_names)

    @property
    def level2_names(self) -> frozenset[str]:
        return frozenset(c for p in self.profiles for _, cs in p.level1 for c in cs)

    def parents_of(self, level2: str) -> frozenset[str]:
        """Every 一级 that has this 二级 in some profile."""
        return frozenset(n for p in self.profiles for n, cs in p.level1 if level2 in cs)


def _load(raw: dict) -> Taxonomy:
    if raw.get("format") != "jixiao-taxonomy":
        raise ValueError("not a taxonomy file")
    profiles = tuple(
        Profile(
            id=p["id"],
            name=p["name"],
            first_year=p.get("first_year"),
            last_year=p.get("last_year"),
            level1=tuple((g["name"], tuple(g["level2"])) for g in p["level1"]),
        )
        for p in raw["profiles"]
    )
    return Taxonomy(
        version=int(raw["version"]),
        natures=tuple(raw["natures"]),
        categories=tuple(raw["categories"]),
        profiles=profiles,
    )


@cache
def taxonomy() -> Taxonomy:
    text = resources.files("desktop.domain").joinpath("data/taxonomy.json").read_text("utf-8")
    return _load(json.loads(text))


def group_indicators(indicators, level1_order, *, keep_empty: bool = False):
    """Indicators as ``[(一级, [(二级, [indicator, ...]), ...]), ...]``.

    一级 groups come in ``level1_order`` (the profile's: 成本, 产出, 效益, 满意度), then any
    other 一级 in order of appearance; 二级 groups and indicators keep their order.
    ``keep_empty`` keeps every 一级 of ``level1_order`` even without indicators.
    """
    groups: list[tuple[str, list[tuple[str, list]]]] = [(name, []) for name in level1_order]
    for ind in indicators:
        group = next((g for g in groups if g[0] == ind.level1), None)
        if group is None:
            group = (ind.level1, [])
            groups.append(group)
        sub = next((s for s in group[1] if s[0] == ind.level2), None)
        if sub is None:
            sub = (ind.level2, [])
            group[1].append(sub)
        sub[1].append(ind)
    return groups if keep_empty else [g for g in groups if g[1]]


ORIGINAL_GROUPS = "原分组："  # how an importer notes the group names the source form had
_ORIGINAL = re.compile(ORIGINAL_GROUPS + r"([^/；]*)/([^；]*)")


def original_groups(indicator) -> tuple[str, str] | None:
    """The (一级, 二级) the source form itself had, when the importer filed the row under
    other names (``原分组：一级/二级`` in its note; an empty 一级: the form had none)."""
    m = _ORIGINAL.search(indicator.note or "")
    return (m.group(1), m.group(2)) if m else None


def inferred_level1(indicator) -> bool:
    """The row's 一级 was not on the form: worked out from the taxonomy, not yet confirmed
    by the clerk (still 需复核)."""
    groups = original_groups(indicator)
    return bool(indicator.needs_review and groups is not None and not groups[0])
