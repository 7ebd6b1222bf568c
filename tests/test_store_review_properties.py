"""The review loop across three databases (a reviewer and two units): random interleavings
of form edits, opinions, answers, confirmations, status changes and exchanges of .db files,
some of them old. After everyone has exchanged with everyone, no opinion, answer or status
event made anywhere is missing anywhere, the three read the same status and the same
opinion states, and no review step ever changed a form's content or version vector."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import review as rv
from desktop.store import open_repository
from desktop.store import review as store
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import apply_merge, plan_merge
from tests import test_store_merge_properties as merge_world

REVIEWER = 0
DBS = (0, 1, 2)
NAMES = merge_world.NAMES


class World(merge_world.World):
    """Three copies of one file (the merge property test's), one of them the reviewer's."""

    def __init__(self, tmp):
        super().__init__(tmp)
        for r, path in enumerate(self.dbs):
            with open_repository(path) as repo:
                role = rv.ROLE_REVIEWER if r == REVIEWER else rv.ROLE_UNIT
                store.set_identity(repo, store.Identity(f"单位{r}", role))
        self.made: set[str] = set()  # every review record made anywhere

    def _forms(self, repo) -> dict:
        return {p.id: (p.content_hash(), p.versions) for p in repo.all_projects(trash=True)}

    def act(self, kind: str, r: int, name: str, pick: int) -> None:
        with open_repository(self.dbs[r]) as repo:
            live = {p.name: p for p in repo.all_projects()}
            p = live.get(name)
            if kind == "edit":
                if p is not None:
                    repo.save(p.with_changes(goal_annual=p.goal_annual + str(pick)))
                return
            before = self._forms(repo)
            made = []
            try:
                if kind == "opinion" and p is not None:
                    field = ("name", "funds.fiscal", None)[pick % 3]
                    ind = 0 if field is None and p.indicators else None
                    made.append(
                        store.add_opinion(repo, p.id, 1 + pick % 11, field=field, indicator=ind)
                    )
                elif kind == "state":
                    states = store.opinions(repo)
                    if states:
                        o = states[pick % len(states)].opinion
                        state = (rv.FIXED, rv.EXPLAINED, rv.CONFIRMED)[pick % 3]
                        made.append(store.set_state(repo, o.id, state, f"说明{pick}"))
                elif kind in ("submit", "return", "approve", "adjust") and p is not None:
                    to = {
                        "submit": rv.SUBMITTED,
                        "return": rv.RETURNED,
                        "approve": rv.APPROVED,
                        "adjust": rv.ADJUSTING,
                    }[kind]
                    made += store.move(repo, [p.id], to, note=f"原因{pick}")
            except store.ReviewRefused:
                pass  # not possible in this state or role: nothing written
            self.made |= {m.id for m in made}
            assert self._forms(repo) == before  # review steps never touch the forms

    def export(self, r: int) -> None:
        self.n += 1
        target = self.tmp / f"x{self.n}.db"
        with open_repository(self.dbs[r]) as repo:
            projects = list(repo.all_projects(trash=True))
            export_db(projects, target, repo.tombstones(), reviews=store.records(repo))
        self.exports.append(target)

    def merge(self, r: int, which: int) -> None:
        if not self.exports:
            return
        incoming = read_untrusted(self.exports[which % len(self.exports)])
        assert not incoming.problems
        with open_repository(self.dbs[r]) as repo:
            plan = plan_merge(repo, incoming)
            apply_merge(repo, plan, backup=False)

    def sync(self) -> None:
        for _ in range(2):
            for src in DBS:
                self.export(src)
                for dst in DBS:
                    if dst != src:
                        self.merge(dst, len(self.exports) - 1)


step = st.one_of(
    st.tuples(
        st.sampled_from(["edit", "opinion", "state", "submit", "return", "approve", "adjust"]),
        st.sampled_from(DBS),
        st.sampled_from(NAMES),
        st.integers(0, 30),
    ),
    st.tuples(st.just("export"), st.sampled_from(DBS)),
    st.tuples(st.just("merge"), st.sampled_from(DBS), st.integers(0, 20)),
)


def run_steps(tmp, steps) -> None:
    world = World(tmp)
    for s in steps:
        if s[0] == "export":
            world.export(s[1])
        elif s[0] == "merge":
            world.merge(s[1], s[2])
        else:
            world.act(*s)
    world.sync()
    seen = []
    for path in world.dbs:
        with open_repository(path) as repo:
            recs = store.records(repo)
            states = {s.opinion.id: (s.state, s.answer) for s in rv.opinion_states(recs)}
            status = {p.id: store.status(repo, p.id) for p in repo.all_projects(trash=True)}
            # The list's quick reads agree with the records read in full.
            open_ = {}
            for s in rv.opinion_states(recs):
                if s.is_open:
                    open_[s.opinion.project_id] = open_.get(s.opinion.project_id, 0) + 1
            assert store.open_counts(repo) == open_
            assert store.statuses(repo) == {pid: st for pid, st in status.items() if st != rv.DRAFT}
            seen.append((recs, states, status))
    for recs, _, _ in seen:
        assert world.made <= recs.ids()  # nothing made anywhere is lost
    assert seen[0] == seen[1] == seen[2]  # and all three read the same


@settings(max_examples=int(os.environ.get("REVIEW3_EXAMPLES", "4")), deadline=None)
@given(st.lists(step, max_size=14))
def test_three_databases_lose_no_review_record_and_converge(tmp_path_factory, steps):
    run_steps(tmp_path_factory.mktemp("review3"), steps)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(step, max_size=40))
def test_three_databases_converge_long_runs(tmp_path_factory, steps):
    run_steps(tmp_path_factory.mktemp("review3slow"), steps)
