"""审核 warns 可能重复 for two live projects of one year and one name (a merge's kept copy
“…（来自交换.db）” counts as the same name) until one is removed or renamed."""

from __future__ import annotations

from desktop.domain import audit
from desktop.domain.model import Project


def rules_of(p, duplicates=()):
    return {f.rule for f in audit.check(p, duplicates=duplicates)}


def test_the_key_ignores_spaces_and_a_merge_copy_suffix():
    a = Project(year=2025, name="人民调解")
    assert audit.duplicate_key(a) == (2025, "人民调解")
    assert audit.duplicate_key(a.with_changes(name="人民调解（来自交换.db）")) == (2025, "人民调解")
    assert audit.duplicate_key(a.with_changes(name=" 人民 调解 ")) == (2025, "人民调解")
    assert audit.duplicate_key(a.with_changes(name="人民调解（二期）")) == (
        2025,
        "人民调解（二期）",
    )
    assert audit.duplicate_key(a.with_changes(year=2026)) != audit.duplicate_key(a)


def test_a_project_whose_key_is_shared_gets_the_warning():
    a = Project(year=2025, name="人民调解")
    assert audit.DUPLICATE not in rules_of(a)
    assert audit.DUPLICATE not in rules_of(a, {(2025, "法律援助")})
    (finding,) = [
        f for f in audit.check(a, duplicates={(2025, "人民调解")}) if f.rule == "duplicate"
    ]
    assert finding.severity == audit.WARNING and "可能重复" in finding.message
    assert finding.location.field == "name"
    # unnamed forms are not duplicates of each other
    assert audit.DUPLICATE not in rules_of(Project(year=2025), {(2025, "")})
