"""Merge across three replicas: random edits, trashing, purging, adding, exports kept and
merged late (old files), and a writer that changes the file between a merge's preview and
its application. After everyone has synchronised: all three hold the same set, no last
state of any replica is lost without a trace (a project, a history entry or a deletion),
and no purged project comes back unless someone edited it without having seen the purge."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace

import pytest
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


# -- three-way merge of fields and indicators ---------------------------------------------------
#
# One form on three machines. Each step edits one field or indicator on one machine (or adds,
# deletes or moves a row), or carries one machine's export to another. Afterwards everyone
# exchanges until nothing changes.

FIELDS = ("goal_overall", "goal_annual", "implementing_unit", "funds.total", "ind", "add", "move")


def field_value(p: Project, key: str):
    if key.startswith("funds."):
        return getattr(p.funds, key[6:])
    return getattr(p, key)


class Office:
    def __init__(self, tmp):
        self.tmp = tmp
        base = tmp / "base.db"
        form = Project(
            year=2025,
            name="人民调解",
            indicators=tuple(
                Indicator("产出指标", "数量指标", f"指标{k}", parse_value(f"≥{k}(件)"))
                for k in range(3)
            ),
        )
        self.pid = form.id
        with open_repository(base) as repo:
            repo.add([form])
        self.dbs = []
        for r in REPLICAS:
            shutil.copyfile(base, tmp / f"r{r}.db")
            self.dbs.append(tmp / f"r{r}.db")
        self.n = 0

    def edit(self, r: int, key: str, k: int) -> None:
        """Machine ``r`` changes ``key``; ``k`` picks the row for indicator steps."""
        self.n += 1
        with open_repository(self.dbs[r]) as repo:
            p = repo.get(self.pid)
            inds = list(p.indicators)
            text = f"r{r}-{self.n}"
            if key == "funds.total":
                from desktop.domain.model import Funds

                funds = Funds(**{**{f: getattr(p.funds, f) for f in Funds.FIELD_LABELS}})
                p = p.with_changes(funds=replace(funds, total=100 * self.n + r))
            elif key == "ind":
                if not inds:
                    return
                i = inds[k % len(inds)]
                inds[k % len(inds)] = replace(i, value=parse_value(f"≥{self.n}(件)"))
                p = p.with_changes(indicators=tuple(inds))
            elif key == "add":
                new = Indicator("效益指标", "社会效益指标", f"新{text}", parse_value("提高"))
                inds.insert(k % (len(inds) + 1), new)
                p = p.with_changes(indicators=tuple(inds))
            elif key == "del":
                if not inds:
                    return
                del inds[k % len(inds)]
                p = p.with_changes(indicators=tuple(inds))
            elif key == "move":
                if len(inds) < 2:
                    return
                inds.append(inds.pop(k % len(inds)))
                p = p.with_changes(indicators=tuple(inds))
            else:
                p = p.with_changes(**{key: text})
            repo.save(p)

    def exchange(self, src: int, dst: int) -> None:
        self.n += 1
        path = self.tmp / f"x{self.n}.db"
        with open_repository(self.dbs[src]) as repo:
            export_db(repo.all_projects(trash=True), path, repo.tombstones())
        incoming = read_untrusted(path)
        with open_repository(self.dbs[dst]) as repo:
            apply_merge(repo, plan_merge(repo, incoming), backup=False)

    def projects(self, r: int) -> list[Project]:
        with open_repository(self.dbs[r], read_only=True) as repo:
            return list(repo.all_projects(trash=True))

    def history(self, r: int) -> list[Project]:
        with open_repository(self.dbs[r], read_only=True) as repo:
            return [h.project for h in repo.all_history()]

    def sync(self) -> None:
        for _ in range(6):
            before = [sorted(p.content_hash() for p in self.projects(r)) for r in REPLICAS]
            for src, dst in ((0, 1), (1, 2), (2, 0), (0, 1), (1, 2)):
                self.exchange(src, dst)
            after = [sorted(p.content_hash() for p in self.projects(r)) for r in REPLICAS]
            if after == before and after[0] == after[1] == after[2]:
                return


edit_step = st.tuples(
    st.just("edit"),
    st.sampled_from(REPLICAS),
    st.sampled_from((*FIELDS, "del")),
    st.integers(0, 5),
)
exchange_step = st.tuples(st.just("exchange"), st.sampled_from(REPLICAS), st.sampled_from(REPLICAS))


def _play(office: Office, steps) -> None:
    for s in steps:
        if s[0] == "edit":
            office.edit(s[1], s[2], s[3])
        elif s[1] != s[2]:
            office.exchange(s[1], s[2])


MERGE_EXAMPLES = int(os.environ.get("MERGE3_EXAMPLES", "4"))


@settings(max_examples=MERGE_EXAMPLES, deadline=None)
@given(st.lists(st.one_of(edit_step, exchange_step), max_size=16))
def test_random_field_edits_converge_and_no_edit_is_lost(tmp_path_factory, steps):
    """Any machine edits any field or row: once everyone has exchanged, all hold the same
    projects, and every machine's last value of every field before that is in a project or
    in the history of a replaced version."""
    office = Office(tmp_path_factory.mktemp("office"))
    _play(office, steps)
    last = [office.projects(r) for r in REPLICAS]
    office.sync()
    final = [sorted(p.content_hash() for p in office.projects(r)) for r in REPLICAS]
    assert final[0] == final[1] == final[2], "the three machines did not converge"
    keys = ("goal_overall", "goal_annual", "implementing_unit", "funds.total")
    known: dict[str, set] = {k: set() for k in keys}
    rows: set = set()
    for r in REPLICAS:
        for p in office.projects(r) + office.history(r):
            for k in keys:
                known[k].add(field_value(p, k))
            rows |= {(i.uid, i.value) for i in p.indicators}
    for side in last:
        for p in side:
            for k in keys:
                assert field_value(p, k) in known[k], (k, field_value(p, k))
            for i in p.indicators:
                assert (i.uid, i.value) in rows, i


@st.composite
def disjoint_steps(draw):
    """Each machine edits only its own fields and its own row (adds and moves allowed)."""
    owned = {0: ("goal_overall", 0), 1: ("goal_annual", 1), 2: ("implementing_unit", 2)}
    out = []
    for _ in range(draw(st.integers(0, 16))):
        if draw(st.booleans()):
            r = draw(st.sampled_from(REPLICAS))
            field_key, row = owned[r]
            kind = draw(st.sampled_from((field_key, "ind", "add", "move")))
            out.append(("edit", r, kind, row if kind == "ind" else draw(st.integers(0, 5))))
        else:
            out.append(
                ("exchange", draw(st.sampled_from(REPLICAS)), draw(st.sampled_from(REPLICAS)))
            )
    return out


@settings(max_examples=MERGE_EXAMPLES, deadline=None)
@given(disjoint_steps())
def test_disjoint_edits_never_make_a_duplicate(tmp_path_factory, steps):
    """Edits of different fields and rows on each machine always combine into the one
    project, which ends with each machine's last edit of its own fields."""
    office = Office(tmp_path_factory.mktemp("disjoint"))
    # rows owned by each machine: the original rows 0, 1, 2 (moves change positions)
    with open_repository(office.dbs[0], read_only=True) as repo:
        owned_uid = [i.uid for i in repo.get(office.pid).indicators]
    expected: dict = {}
    for s in steps:
        if s[0] == "edit" and s[2] == "ind":
            s = (
                *s[:3],
                [i.uid for i in office.projects(s[1])[0].indicators].index(owned_uid[s[1]]),
            )
        _play(office, [s])
        if s[0] == "edit" and s[2] not in ("add", "move"):
            (p,) = office.projects(s[1])
            if s[2] == "ind":
                expected[owned_uid[s[1]]] = next(
                    i.value for i in p.indicators if i.uid == owned_uid[s[1]]
                )
            else:
                expected[s[2]] = field_value(p, s[2])
    office.sync()
    for r in REPLICAS:
        (p,) = office.projects(r)  # one project: never a copy
        for key, value in expected.items():
            if key in Project.FIELD_LABELS:
                assert field_value(p, key) == value
            else:
                assert next(i.value for i in p.indicators if i.uid == key) == value


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(edit_step, exchange_step), max_size=16))
def test_random_field_edits_many(tmp_path_factory, steps):
    test_random_field_edits_converge_and_no_edit_is_lost.hypothesis.inner_test(
        tmp_path_factory, steps
    )


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(disjoint_steps())
def test_disjoint_edits_many(tmp_path_factory, steps):
    test_disjoint_edits_never_make_a_duplicate.hypothesis.inner_test(tmp_path_factory, steps)
