"""A project's content hash is computed once for each project object and kept while it
lives (a merge hashes the same project several times): whatever changes are made, the hash
a project gives is the one computed afresh from its content — never one kept from the
project it was made from, unless only bookkeeping (times, versions, revision, trash) changed."""

from __future__ import annotations

import gc
import hashlib
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.model import Funds, Indicator, Project, _canonical


def fresh(p: Project) -> str:
    return hashlib.sha256(repr(_canonical(p.content())).encode("utf-8")).hexdigest()


CHANGES = st.one_of(
    st.fixed_dictionaries({"name": st.sampled_from(["司法调解", "法治宣传", ""])}),
    st.fixed_dictionaries({"goal_annual": st.text(max_size=5)}),
    st.fixed_dictionaries({"funds": st.builds(Funds, total=st.integers(0, 10**6))}),
    st.fixed_dictionaries(
        {"indicators": st.lists(st.builds(Indicator, name=st.text(max_size=3)), max_size=2)}
    ),
    st.fixed_dictionaries({"start_date": st.sampled_from([None, date(2024, 1, 1)])}),
    st.fixed_dictionaries({"field_flags": st.sampled_from([(), (("name", "核对"),)])}),
    # bookkeeping only: the content, and so the hash, stays
    st.fixed_dictionaries({"updated_at": st.sampled_from(["2026-01-01T00:00:00Z", "x"])}),
    st.fixed_dictionaries({"versions": st.sampled_from([(), (("a", 1),), (("b", 2),)])}),
    st.fixed_dictionaries({"revision": st.integers(0, 5), "deleted_at": st.none()}),
)


@settings(max_examples=300, deadline=None)
@given(steps=st.lists(st.tuples(CHANGES, st.booleans()), max_size=8))
def test_the_hash_of_every_project_made_by_changes_is_its_content_s(steps):
    p = Project(name="司法调解", year=2024)
    made = [p]
    for changes, hash_first in steps:
        if hash_first:  # the old project's hash known before the change is made
            assert p.content_hash() == fresh(p)
        p = p.with_changes(**changes)
        made.append(p)
        assert p.content_hash() == fresh(p)
    gc.collect()  # objects gone: their ids may be reused by new projects
    for q in [Project(name=str(k)) for k in range(20)]:
        assert q.content_hash() == fresh(q)
    assert all(q.content_hash() == fresh(q) for q in made)


def test_a_project_is_hashed_once_and_bookkeeping_keeps_the_hash(monkeypatch):
    import desktop.domain.model as model

    computed = []
    real = model._canonical
    monkeypatch.setattr(model, "_canonical", lambda v: computed.append(1) or real(v))
    p = Project(name="司法调解", year=2024, indicators=(Indicator(name="满意度"),))
    first = p.content_hash()
    n = len(computed)
    assert p.content_hash() == first and len(computed) == n  # kept
    q = p.with_changes(updated_at="2026-12-05T00:00:00Z", versions=(("a", 3),), revision=4)
    assert q.content_hash() == first and len(computed) == n  # bookkeeping: the same content
    r = q.with_changes(name="法治宣传")
    assert r.content_hash() != first and len(computed) > n
