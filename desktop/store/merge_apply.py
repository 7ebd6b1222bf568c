"""Carrying out a merge plan: one handler per status of an incoming project."""

from __future__ import annotations

import uuid

from desktop.domain import merge_text as say
from desktop.domain.combine import restamp, stamped
from desktop.domain.model import (
    Project,
    bumped,
    merged_versions,
    new_id,
    now_timestamp,
    with_new_indicator_ids,
)
from desktop.store.merge_model import Choice, MergeItem, MergePlan, MergeResult, Status
from desktop.store.repository import Repository
from desktop.store.review import add_records, keep_approved
from desktop.store.rows import Tombstone


def _purge_merged(repo: Repository, mine: Project, versions: dict[str, int], when: str) -> None:
    """Delete a project for good, its tombstone carrying ``versions``."""
    repo.add_tombstones([Tombstone(mine.id, mine.name, when, versions)])
    repo.conn.execute("DELETE FROM projects WHERE id = ?", [mine.id])


def apply_plan(repo: Repository, plan: MergePlan) -> MergeResult:
    """Carry out the plan in one transaction, each item by the handler of its status."""
    result = MergeResult()
    me = repo.replica_id
    with repo.atomic():
        for item in plan.items:
            choice = item.choice if item.choice in item.choices else item.default
            handle = _HANDLERS.get(item.status, _apply_present)
            handle(repo, item, choice, plan.source, me, result)
        repo.add_tombstones(plan.tombstones)
        if plan.incoming is not None and plan.incoming.reviews:  # a union by id; forms untouched
            result.reviews = add_records(repo, plan.incoming.reviews)
            keep_approved(repo, plan.incoming.approved)  # into the history only
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
        repo.add_history(theirs, say.RECEIVED.format(source=source))
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
            repo.add_history(theirs, say.NOT_TAKEN_DELETED_HERE.format(source=source))
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
        repo.add_history(mine, say.PURGED_THERE.format(source=source))
        _purge_merged(repo, mine, merged, item.tombstone.deleted_at)
        result.deleted += 1
        return
    if choice == Choice.THEIRS:
        repo.add_history(mine, say.TRASHED_THERE.format(source=source))
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
    # mine as the plan loaded it (a conflict's, to combine), else read now: the plan's
    # stamp, checked in this transaction, says the file still holds that revision
    mine = item.local if isinstance(item.local, Project) else repo.get(item.project_id)
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
            repo.add_history(theirs, say.RECEIVED.format(source=source))
        repo.add_history(mine, say.REPLACED.format(source=source))
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
            repo.add_history(theirs, say.NOT_TAKEN.format(source=source))
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
    repo.add_history(mine, say.BEFORE_COMBINED.format(source=source))
    repo.add_history(theirs.with_changes(id=mine.id), say.THEIRS_COMBINED.format(source=source))
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
        repo.add_history(mine, say.BEFORE_PAIRED.format(source=source))
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
        repo.add_history(theirs.with_changes(id=mine.id), say.PAIR_NOT_TAKEN.format(source=source))
        _overwrite(repo, mine.with_changes(versions=bumped(merged, me)))
        result.unchanged += 1
    repo.add_tombstones([loser])


def _overwrite(repo: Repository, project: Project) -> None:
    """Write a merged state as it is (its own version vector), one revision later."""
    current = repo.revision(project.id)
    repo._write(
        project.with_changes(revision=current + 1, updated_at=now_timestamp()), insert=False
    )


# The handler of each status (the others — identical, newer on one side, conflicting — are
# present on both sides: ``_apply_present``).
_HANDLERS = {
    Status.SAME_NAME: _apply_pair,
    Status.FORGED: _apply_forged,
    Status.NEW: _apply_new,
    Status.DELETED_HERE: _apply_deleted_here,
    Status.CHANGED_THERE: _apply_deleted_here,
    Status.DELETED_THERE: _apply_deleted_there,
    Status.CHANGED_HERE: _apply_deleted_there,
}
