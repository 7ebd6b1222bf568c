"""Nothing typed is lost or changed on the way through our own files: projects with
spaces inside and around every text, tabs, line breaks and formula-looking text (in every
field and in every indicator's names, value and note), stored in one database, written
to .xlsx / .json / .db and read into an empty database, come back exactly — every
field's text as typed, every amount to the 分, ids and indicator ids kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.io import json_format
from desktop.io.files import atomic_write_text, load_file, store_import
from desktop.io.xlsx_format import export_xlsx
from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import apply_merge, plan_merge
from tests.typed_projects import projects

batches = st.lists(projects(), min_size=1, max_size=3)


def as_typed(p) -> tuple:
    """Everything the clerk wrote, and the identities a later merge relies on."""
    return (p.id, p.content(), tuple(i.uid for i in p.indicators))


def stored(folder, batch) -> list:
    with open_repository(folder / "mine.db") as repo:
        repo.add(batch)
        return sorted(repo.all_projects(), key=lambda p: p.id)


def imported(folder, path) -> list:
    result = load_file(path)
    with open_repository(folder / "empty.db") as repo:
        store_import(repo, result)
        return sorted(repo.all_projects(), key=lambda p: p.id)


def test_the_strategies_hold_what_the_round_trip_is_about():
    """Whitespace and formula starts are in every generated field (a round trip of plain
    text would prove nothing)."""
    seen = set()

    @settings(max_examples=300, database=None)
    @given(projects())
    def look(p):
        texts = [p.name, p.category, p.goal_overall, *(i.name for i in p.indicators)]
        texts += [i.value.shown for i in p.indicators]
        for t in texts:
            seen.update(k for k in (" ", "\t", "\n", "=", "@", "+", "-") if k in t)
            if t != t.strip():
                seen.add("around")

    look()
    assert seen >= {" ", "\t", "\n", "=", "@", "+", "-", "around"}


@settings(max_examples=60)
@given(batches)
def test_xlsx_round_trip_keeps_every_text_as_typed(tmp_path_factory, batch):
    folder = tmp_path_factory.mktemp("xlsx")
    mine = stored(folder, batch)
    export_xlsx(mine, folder / "forms.xlsx")
    back = imported(folder, folder / "forms.xlsx")
    assert [as_typed(p) for p in back] == [as_typed(p) for p in mine]


@settings(max_examples=60)
@given(batches)
def test_json_round_trip_keeps_every_text_as_typed(tmp_path_factory, batch):
    folder = tmp_path_factory.mktemp("json")
    mine = stored(folder, batch)
    atomic_write_text(folder / "forms.json", json_format.dumps(mine))
    back = imported(folder, folder / "forms.json")
    assert [as_typed(p) for p in back] == [as_typed(p) for p in mine]


@settings(max_examples=40)
@given(batches)
def test_db_round_trip_keeps_every_text_as_typed(tmp_path_factory, batch):
    folder = tmp_path_factory.mktemp("db")
    mine = stored(folder, batch)
    export_db(mine, folder / "forms.db")
    with open_repository(folder / "empty.db") as repo:
        apply_merge(repo, plan_merge(repo, read_untrusted(folder / "forms.db")), backup=False)
        back = sorted(repo.all_projects(), key=lambda p: p.id)
    assert [as_typed(p) for p in back] == [as_typed(p) for p in mine]
