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


def test_the_list_marks_both_until_one_is_removed_or_renamed(tmp_path):
    """Stored statuses (what the list shows) follow the other projects: keeping both of a
    conflict marks both 可能重复; renaming or trashing one clears the other too."""
    from desktop.store import open_repository

    a = Project(year=2025, name="人民调解")
    b = Project(year=2025, name="人民调解（来自交换.db）")
    other = Project(year=2024, name="人民调解")  # another year: not a duplicate
    own = {p.id: sum(f.severity == audit.WARNING for f in audit.check(p)) for p in (a, b, other)}
    with open_repository(tmp_path / "d.db") as repo:

        def marked() -> set[str]:
            """Ids whose stored warnings include one more than their own findings."""
            rows = repo.summaries() + repo.summaries(trash=True)
            return {s.id for s in rows if s.audit_warnings == own[s.id] + 1}

        repo.add([a, other])
        assert marked() == set()
        repo.add([b])
        assert marked() == {a.id, b.id}
        assert repo.duplicate_keys() == {(2025, "人民调解")}
        repo.save(repo.get(b.id).with_changes(name="人民调解（二期）"))
        assert marked() == set()
        repo.save(repo.get(b.id).with_changes(name="人民调解"))
        assert marked() == {a.id, b.id}
        repo.trash(b.id)
        assert marked() == set() and repo.duplicate_keys() == set()
        repo.restore(b.id)
        assert marked() == {a.id, b.id}


def test_check_on_the_command_line_names_the_duplicates(tmp_path, capsys):
    from desktop.cli import main
    from desktop.store import open_repository

    with open_repository(tmp_path / "d.db") as repo:
        repo.add([Project(year=2025, name="人民调解"), Project(year=2025, name="人民调解")])
    main(["check", "--db", str(tmp_path / "d.db")])
    lines = [line for line in capsys.readouterr().out.splitlines() if "可能重复" in line]
    assert len(lines) == 2 and all(line.startswith("警告\t人民调解") for line in lines)
