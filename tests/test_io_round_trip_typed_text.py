"""Nothing typed is lost or changed on the way through our own files: projects with
spaces inside and around every text, tabs, line breaks and formula-looking text (in every
field and in every indicator's names, value and note), stored in one database, written
to .xlsx / .json / .db and read into an empty database, come back exactly — every
field's text as typed, every amount to the 分, ids and indicator ids kept."""

from __future__ import annotations

from dataclasses import replace

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


@settings(max_examples=20)
@given(
    batches,
    st.sampled_from([("年度总体目标", 1, 0, "goal_annual"), ("项目类别", 0, 1, "category")]),
    st.sampled_from(["特定 目标类", "\t改过的 目标\n第二行 "]),
)
def test_a_cell_edited_in_the_sheet_changes_that_field_only(tmp_path_factory, batch, where, new):
    """Our own workbook with one cell typed over by a person (年度总体目标 or 项目类别): that
    field is the text typed there, spaces and line breaks kept; every other field comes back
    as typed, with the project's and its indicators' identities."""
    from openpyxl import load_workbook

    label_text, down, right, field = where
    folder = tmp_path_factory.mktemp("edited")
    mine = stored(folder, batch)
    export_xlsx(mine, folder / "forms.xlsx")
    wb = load_workbook(folder / "forms.xlsx")
    ws = wb.worksheets[1]  # the first form (the 汇总 comes first)
    label = next(c for row in ws.iter_rows() for c in row if c.value == label_text)
    ws.cell(label.row + down, label.column + right).value = new
    wb.save(folder / "forms.xlsx")
    back = {p.id: p for p in imported(folder, folder / "forms.xlsx")}
    edited = mine[0]  # the sheets follow the exported order
    for p in mine:
        want = p.with_changes(**{field: new}) if p.id == edited.id else p
        assert (back[p.id].content(), back[p.id].id) == (want.content(), want.id)
        assert [i.uid for i in back[p.id].indicators] == [i.uid for i in want.indicators]


def test_an_indicator_and_an_amount_typed_over_in_the_sheet(tmp_path, sample_result):
    """In place (no row added): an indicator's value typed over with spaces around, and the
    项目资金总额 typed as text — the form's value and amount as the clerk typed them; the
    rest of the form as it was, ids kept."""
    from openpyxl import load_workbook

    from desktop.domain.values import parse_value
    from desktop.io.xlsx_read import load_xlsx

    original = next(p for p in sample_result.projects if p.name == "安置帮教和社区矫正")
    export_xlsx([original], tmp_path / "forms.xlsx")
    wb = load_workbook(tmp_path / "forms.xlsx")
    ws = wb["安置帮教和社区矫正"]
    row = next(c.row for r in ws.iter_rows() for c in r if c.value == "组织应急处置演练")
    ws.cell(row, 7).value = " ≥ 2 (次) "
    ws["E6"].value = "8,537,948.00"
    wb.save(tmp_path / "forms.xlsx")
    back = load_xlsx(tmp_path / "forms.xlsx").projects[0]
    want = original.with_changes(
        funds=replace(original.funds, total=853_794_800),
        indicators=tuple(
            replace(i, value=parse_value(" ≥ 2 (次) ")) if i.name == "组织应急处置演练" else i
            for i in original.indicators
        ),
    )
    assert (back.id, back.content()) == (want.id, want.content())
    assert [i.uid for i in back.indicators] == [i.uid for i in original.indicators]


def test_no_carriage_return_reaches_a_sheet(tmp_path):
    """A text with CR LF or a lone CR is shown with Excel's line break (LF) in the sheet: a
    CR in the sheet's XML was read back on Windows as an extra line break, so the sheet no
    longer matched the export and the round trip took the changed text. The exact text
    comes back from the stored copy."""
    import zipfile

    from desktop.io.files import load_file as load
    from tests.conftest import SAMPLE

    p = load(SAMPLE).projects[0]
    p = replace(p, goal_overall="第一行\r\n第二行\r第三行", goal_annual="甲\r\n乙")
    export_xlsx([p], tmp_path / "f.xlsx")
    with zipfile.ZipFile(tmp_path / "f.xlsx") as z:
        xml = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    # as an XML reader takes line ends (on Windows the sheet's own lines end in CR LF)
    xml = xml.replace(b"\r\n", b"\n")
    assert "第一行\n第二行\n第三行".encode() in xml  # the form's sheet, as Excel shows it
    assert b"\r" not in xml and b"&#13;" not in xml and b"_x000D_" not in xml
    back = imported(tmp_path, tmp_path / "f.xlsx")
    assert (back[0].goal_overall, back[0].goal_annual) == ("第一行\r\n第二行\r第三行", "甲\r\n乙")
