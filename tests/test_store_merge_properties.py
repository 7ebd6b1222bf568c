"""Merge across three replicas: random edits, trashing, purging, adding, exports kept and
merged late (old files), and a writer that changes the file between a merge's preview and
its application. After everyone has synchronised: all three hold the same set, no last
state of any replica is lost without a trace (a project, a history entry or a deletion),
and no purged project comes back unless someone edited it without having seen the purge."""

from __future__ import annotations

import os
import shutil

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.model import Indicator, Project, dominates, merged_versions
from desktop.domain.values import parse_value
from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import PlanChangedError, apply_merge, plan_merge

NAMES = ("甲", "乙", "丙")
REPLICAS = (0, 1, 2)


def project(name: str) -> Project:
    return Project(
        year=2025,
        name=name,
        implementing_unit="某区司法局",
        indicators=(Indicator("产出指标", "数量指标", f"{name}指标", parse_value("≥1(次)")),),
    )


class World:
    def __init__(self, tmp):
        self.tmp = tmp
        base = tmp / "base.db"
        with open_repository(base) as repo:
            repo.add([project(n) for n in NAMES])
        self.dbs = []
        for r in REPLICAS:
            path = tmp / f"r{r}.db"
            shutil.copyfile(base, path)
            self.dbs.append(path)
        self.exports: list = []  # every export ever made: merged later = old files
        self.edits: dict[str, list[dict]] = {}  # id → vectors of clerk edits (and trashing)
        self.purges: dict[str, dict] = {}  # id → merged vector of every purge of it
        self.n = 0

    def _record(self, pid: str, repo) -> None:
        self.edits.setdefault(pid, []).append(repo.get(pid).version_map)

    def act(self, kind: str, r: int, name: str, text: str) -> None:
        with open_repository(self.dbs[r]) as repo:
            live = {p.name: p for p in repo.all_projects(trash=True)}
            p = live.get(name)
            if kind == "add":
                new = project(name + text + "新")
                repo.add([new])
                self._record(new.id, repo)
            elif p is not None and kind == "edit" and p.deleted_at is None:
                repo.save(p.with_changes(goal_overall=text + str(self.n)))
                self._record(p.id, repo)
            elif p is not None and kind == "trash" and p.deleted_at is None:
                repo.trash(p.id)
                self._record(p.id, repo)
            elif p is not None and kind == "purge" and p.deleted_at is not None:
                repo.purge(p.id)
                t = repo.tombstone(p.id)
                self.purges[p.id] = dict(merged_versions(self.purges.get(p.id, {}), t.versions))
        self.n += 1

    def export(self, r: int):
        self.n += 1
        path = self.tmp / f"export-{self.n}-r{r}.db"
        with open_repository(self.dbs[r]) as repo:
            export_db(repo.all_projects(trash=True), path, repo.tombstones())
        self.exports.append(path)
        return path

    def merge(self, path, r: int, *, concurrent: str | None = None) -> None:
        """Merge ``path`` into replica ``r``; ``concurrent``: a project another program
        edits while the preview is open."""
        incoming = read_untrusted(path)
        with open_repository(self.dbs[r]) as repo:
            plan = plan_merge(repo, incoming)
            if concurrent is not None:
                with open_repository(self.dbs[r]) as other:  # another program, same file
                    live = {p.name: p for p in other.all_projects()}
                    if concurrent in live:
                        saved = other.save(live[concurrent].with_changes(goal_overall="并发"))
                        self.edits.setdefault(saved.id, []).append(saved.version_map)
            try:
                apply_merge(repo, plan, backup=False)
            except PlanChangedError as exc:  # the preview is shown again, then applied
                apply_merge(repo, exc.plan, backup=False)

    def state(self, r: int) -> dict:
        with open_repository(self.dbs[r], read_only=True) as repo:
            out = {
                p.id: "deleted" if p.deleted_at else p.content_hash()
                for p in repo.all_projects(trash=True)
            }
            for t in repo.tombstones():
                out[t.project_id] = "deleted"
            return out

    def traces(self) -> tuple[set, set]:
        kept, tombs = set(), set()
        for db in self.dbs:
            with open_repository(db, read_only=True) as repo:
                kept |= {p.content_hash() for p in repo.all_projects(trash=True)}
                kept |= {h.project.content_hash() for h in repo.all_history()}
                tombs |= {t.project_id for t in repo.tombstones()}
        return kept, tombs

    def sync(self) -> None:
        """Everyone merges everyone's latest file until nothing changes."""
        for _ in range(6):
            before = [self.state(r) for r in REPLICAS]
            for src, dst in ((0, 1), (1, 2), (2, 0), (0, 1), (1, 2)):
                self.merge(self.export(src), dst)
            if [self.state(r) for r in REPLICAS] == before and before[0] == before[1] == before[2]:
                return


step = st.one_of(
    st.tuples(
        st.sampled_from(["edit", "trash", "purge", "add"]),
        st.sampled_from(REPLICAS),
        st.sampled_from(NAMES),
        st.text(alphabet="一二", max_size=2),
    ),
    st.tuples(st.just("export"), st.sampled_from(REPLICAS)),
    # merge the export number i (mod how many there are: often an old one) into a replica
    st.tuples(st.just("merge"), st.sampled_from(REPLICAS), st.integers(0, 20)),
    st.tuples(
        st.just("concurrent"),
        st.sampled_from(REPLICAS),
        st.sampled_from(REPLICAS),
        st.sampled_from(NAMES),
    ),
)


def _run(world: World, steps) -> None:
    for s in steps:
        if s[0] == "export":
            world.export(s[1])
        elif s[0] == "merge":
            if world.exports:
                world.merge(world.exports[s[2] % len(world.exports)], s[1])
        elif s[0] == "concurrent":
            _, src, dst, name = s
            if src != dst:
                world.merge(world.export(src), dst, concurrent=name)
        else:
            world.act(*s)


@settings(max_examples=int(os.environ.get("MERGE3_EXAMPLES", "12")), deadline=None)
@given(st.lists(step, max_size=14))
def test_three_replicas_converge_and_lose_nothing(tmp_path_factory, steps):
    world = World(tmp_path_factory.mktemp("three"))
    _run(world, steps)
    last = [world.state(r) for r in REPLICAS]
    world.sync()
    final = [world.state(r) for r in REPLICAS]
    assert final[0] == final[1] == final[2], "the three replicas did not converge"
    kept, tombs = world.traces()
    for side in last:  # every replica's last state survives somewhere
        for pid, value in side.items():
            assert value == "deleted" or value in kept or pid in tombs
    for pid, purge in world.purges.items():  # a purged project stays purged…
        if final[0].get(pid, "deleted") != "deleted":
            # …unless someone edited it without having seen that purge
            assert any(not dominates(purge, v) for v in world.edits.get(pid, [])), pid


def test_an_old_tombstone_never_replaces_a_newer_one(tmp_path):
    """Purged here after more edits; an old file carrying an older deletion of the same
    project, then an old export with the project itself: it stays purged."""
    world = World(tmp_path)
    world.act("trash", 0, "甲", "")
    world.act("purge", 0, "甲", "")
    old_deletion = world.export(0)
    # the same project, edited on replica 1 and then purged there too (a newer deletion)
    world.act("edit", 1, "甲", "二")
    old_project = world.export(1)
    world.act("trash", 1, "甲", "")
    world.act("purge", 1, "甲", "")
    world.merge(world.export(1), 0)  # the newer deletion arrives
    world.merge(old_deletion, 0)  # then the older one
    world.merge(old_project, 0)  # then the project as it was before the newer deletion
    with open_repository(world.dbs[0], read_only=True) as repo:
        assert not any(p.name == "甲" for p in repo.all_projects(trash=True))


def test_a_purge_there_empties_my_trash_and_stops_reporting(tmp_path):
    world = World(tmp_path)
    world.act("trash", 0, "乙", "")
    world.merge(world.export(0), 1)  # 乙 in both trashes
    world.act("purge", 0, "乙", "")
    world.merge(world.export(0), 1)  # the purge travels: 乙 leaves 1's trash too
    with open_repository(world.dbs[1], read_only=True) as repo:
        assert not any(p.name == "乙" for p in repo.all_projects(trash=True))
    with open_repository(world.dbs[0]) as repo:  # and merging back reports nothing
        plan = plan_merge(repo, read_untrusted(world.export(1)))
        assert [i for i in plan.items if i.name == "乙"] == []


def test_the_same_form_added_on_both_sides_is_offered_as_a_pair(tmp_path):
    from desktop.store.merge import Choice, Status

    world = World(tmp_path)
    world.act("add", 0, "丁", "")
    world.act("add", 1, "丁", "")
    with open_repository(world.dbs[1]) as repo:
        plan = plan_merge(repo, read_untrusted(world.export(0)))
        (item,) = [i for i in plan.items if i.name == "丁新"]
        assert item.status == Status.SAME_NAME and item.mine.name == "丁新"
        item.choice = Choice.MINE  # make them one
        apply_merge(repo, plan, backup=False)
        assert [p.name for p in repo.all_projects()].count("丁新") == 1
    world.sync()
    final = [world.state(r) for r in REPLICAS]
    assert final[0] == final[1] == final[2]
    with open_repository(world.dbs[0], read_only=True) as repo:
        assert [p.name for p in repo.all_projects()].count("丁新") == 1
