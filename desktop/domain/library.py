"""The library of common 三级 indicators per 二级: the bundled list
(``resources/indicator_library.json``) plus the clerk's own additions and removals, which
are kept in the database (so they travel with it)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from desktop.resources import resource

META_KEY = "indicator_library"


@cache
def bundled() -> dict[str, tuple[str, ...]]:
    doc = json.loads(resource("indicator_library.json").read_text(encoding="utf-8"))
    return {k: tuple(v) for k, v in doc["level2"].items()}


@dataclass
class Library:
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, text: str) -> Library:
        try:
            doc = json.loads(text) if text else {}
            return cls(
                {k: list(v) for k, v in doc.get("added", {}).items()},
                {k: list(v) for k, v in doc.get("removed", {}).items()},
            )
        except (ValueError, AttributeError, TypeError):
            return cls()

    def to_json(self) -> str:
        return json.dumps({"added": self.added, "removed": self.removed}, ensure_ascii=False)

    def names(self, level2: str) -> list[str]:
        gone = set(self.removed.get(level2, ()))
        out = [n for n in bundled().get(level2, ()) if n not in gone]
        out += [n for n in self.added.get(level2, ()) if n not in out]
        return out

    def add(self, level2: str, name: str) -> None:
        name = name.strip()
        if not name:
            return
        if name in self.removed.get(level2, []):
            self.removed[level2].remove(name)
        if name not in self.names(level2):
            self.added.setdefault(level2, []).append(name)

    def remove(self, level2: str, name: str) -> None:
        if name in self.added.get(level2, []):
            self.added[level2].remove(name)
        if name in bundled().get(level2, ()):
            self.removed.setdefault(level2, []).append(name)
