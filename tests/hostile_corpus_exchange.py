"""Attack classes of ``hostile_corpus`` that need the working file of the run itself:
formulas typed into the data and carried to a workbook, forged version counters of my own
replica, and a file or folder the operating system will not let the program write.

A working file takes a replica id of its own at the place it is first opened (a copy is a
new replica), so a counter of "my" replica can only be forged after the runner has put
the working file in its place: ``Case.prepare`` builds such inputs for the run."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

from tests.hostile_corpus import IMPORT, Case, _json_doc, _project, _write_json

# -- formulas -------------------------------------------------------------------------------

# What spreadsheet programs read as the start of a formula or a command (DDE), also after
# a tab or a carriage return.
PREFIXES = ("=", "+", "-", "@", "\t=", "\r=")
PAYLOAD = "1+1+cmd|' /C calc'!A0"
FORMULA_YEAR = 2025


def _typed(prefix: str, n: int) -> dict[str, str]:
    """The texts typed into project ``n``: 项目名称, 实施单位, 项目类别, indicator texts."""
    return {
        field: f"{prefix}{PAYLOAD}{label}{n}"
        for field, label in (
            ("name", "名称"),
            ("implementing_unit", "实施单位"),
            ("category", "类别"),
            ("indicator", "指标"),
            ("benefit", "效益"),
            ("text", "指标值"),
        )
    }


TYPED = [_typed(prefix, n) for n, prefix in enumerate(PREFIXES)]


def _formula_projects() -> list[dict]:
    out = []
    for t in TYPED:
        p = _project(t["name"], implementing_unit=t["implementing_unit"], category=t["category"])
        p["year"] = FORMULA_YEAR
        p["indicators"][0]["name"] = t["indicator"]
        p["indicators"].append(
            {
                "level1": "效益指标",
                "level2": "社会效益指标",
                "name": t["benefit"],
                "text": t["text"],
            }
        )
        out.append(p)
    return out


def _cells(path: Path) -> list[str]:
    """Every cell text of a workbook's sheets; asserts that no sheet's XML holds a formula
    (``<f>``) and that every cell is text, a number or a date."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name)
                assert re.search(rb"<f[ >/]", xml) is None, f"{path.name}: a formula in {name}"
    wb = load_workbook(path, read_only=True)
    try:
        out = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    # text, number, date (the forms' dates): never "f" (formula)
                    assert c.data_type in ("s", "inlineStr", "n", "d"), (path.name, c.data_type)
                    if isinstance(c.value, str):
                        out.append(c.value)
        return out
    finally:
        wb.close()


def _kept(cells: list[str], text: str) -> bool:
    """A cell begins with ``text`` as typed (a CR reads back as a line feed: XML normalises
    line ends in every text node; a sign, tab or quote added in front would be a change)."""
    typed = text.replace("\r", "\n")
    return any(c.startswith(typed) for c in cells)


def _stored(db: Path) -> tuple[set[str], set[str]]:
    """The texts of the working file's projects of the year: (names, 实施单位 and 项目类别 —
    the 汇总's keys too), and the indicators' names and texts."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT id, name, implementing_unit, category FROM projects WHERE year = ?",
            [FORMULA_YEAR],
        ).fetchall()
        ids = [r[0] for r in rows]
        marks = ", ".join("?" for _ in ids)
        indicators = conn.execute(
            f"SELECT name, text FROM indicators WHERE project_id IN ({marks})", ids
        ).fetchall()
    finally:
        conn.close()
    keys = {v for r in rows for v in r[1:]}
    return keys, {v for r in indicators for v in r if v}


def _no_formulas(typed: bool):
    """Both workbooks hold the stored texts as text cells, none as a formula; ``typed``: and
    what is stored is what was typed (the .xlsx input is read from its visible form sheets
    too, whose reading normalises a 项目类别's spaces and a leading tab)."""

    def check(db: Path, out: str, err: str) -> None:
        keys, indicator_texts = _stored(db)
        assert len(keys) == 3 * len(TYPED), keys
        if typed:
            assert keys == {t[k] for t in TYPED for k in ("name", "implementing_unit", "category")}
            assert indicator_texts == {
                t[k] for t in TYPED for k in ("indicator", "benefit", "text")
            }
        forms = _cells(db.parent / "out.xlsx")
        missing = [t for t in keys | indicator_texts if not _kept(forms, t)]
        assert not missing, missing
        summary = _cells(db.parent / "summary.xlsx")  # lines; subtotals by 类别 and 实施单位
        missing = [t for t in keys if not _kept(summary, t)]
        assert not missing, ("汇总", missing)
        assert f"{FORMULA_YEAR} 年度 {len(TYPED)} 个项目" in out, out

    return check


#: after the input is taken in: its forms to a workbook, and the year's 汇总 to another
TO_WORKBOOKS = (
    ("export", "{out}/out.xlsx"),
    ("summary", "--year", str(FORMULA_YEAR), "--out", "{out}/summary.xlsx"),
)


def formula_cases(d: Path) -> list[Case]:
    """Texts beginning with = + - @ (also after a tab or CR) in a .json, an .xlsx and a .db
    received: taken in as typed, and written to the workbooks as text, never a formula."""
    from desktop.io.files import load_file
    from desktop.io.xlsx_format import export_xlsx
    from desktop.store import open_repository
    from desktop.store.exchange import export_db

    source = _write_json(d / "formulas.json", _json_doc(_formula_projects()))
    projects = load_file(source).projects
    export_xlsx(projects, d / "formulas.xlsx")
    src = d / "formulas-src.db"
    src.unlink(missing_ok=True)
    with open_repository(src) as repo:
        repo.add(projects)
        export_db(list(repo.all_projects()), d / "formulas.db")
    return [
        Case(
            f"formulas-{ext}-to-xlsx-and-summary",
            d / f"formulas.{ext}",
            command=command,
            expect=IMPORT,
            check=_no_formulas(typed=ext != "xlsx"),
            then=TO_WORKBOOKS,
        )
        for ext, command in (("json", "import"), ("xlsx", "import"), ("db", "merge"))
    ]


# -- forged counters ----------------------------------------------------------------------

FORGED_COUNT = 2**40  # the highest counter a file may hold


class _Forgery:
    """Builds, for the run's working file, a received file that sets MY replica's counter
    on one of my projects far above what I recorded (anyone who saw one of my exports knows
    my replica id), and checks afterwards that it was reported and my project kept."""

    def __init__(self, kind: str, exported_db: Path):
        self.kind = kind
        self.exported_db = exported_db
        self.mine = None  # (id, content hash, my counter) after my own edit

    def prepare(self, local: Path, folder: Path) -> tuple[Path, Path]:
        from desktop.domain.codec import project_to_dict
        from desktop.store import open_repository

        with open_repository(local) as repo:  # in its place: its replica id is now fixed
            me = repo.replica_id
            first = next(iter(repo.all_projects()))
            mine = repo.save(first.with_changes(goal_overall="我的版本。"))
        self.mine = (mine.id, mine.content_hash(), mine.version_map[me])
        if self.kind == "db":  # an export of the same projects, its rows changed
            forged = folder / "forged.db"
            shutil.copyfile(self.exported_db, forged)
            conn = sqlite3.connect(forged)
            conn.execute(
                "UPDATE projects SET versions = json_set(versions, '$.' || ?, ?), "
                "goal_overall = ? WHERE id = ?",
                [json.dumps(me), FORGED_COUNT, "伪造的版本。", mine.id],
            )
            conn.commit()
            assert conn.total_changes == 1
            conn.close()
            return forged, local
        record = project_to_dict(mine.with_changes(goal_overall="伪造的版本。"))
        record["versions"] = {**record["versions"], me: FORGED_COUNT}
        return _write_json(folder / "forged.json", _json_doc([record])), local

    def check(self, db: Path, out: str, err: str) -> None:
        from desktop.store import open_repository

        assert "版本记录可疑" in out + err, out + err
        pid, content, counter = self.mine
        with open_repository(db, read_only=True) as repo:
            me = repo.replica_id
            kept = repo.get(pid)
            assert kept.content_hash() == content and kept.goal_overall == "我的版本。"
            assert kept.version_map[me] == counter
            copies = [p for p in repo.all_projects() if p.goal_overall == "伪造的版本。"]
            assert len(copies) == 1 and copies[0].id != pid, copies
            assert copies[0].version_map.get(me, 0) < FORGED_COUNT  # never my counter raised


def forged_cases(exported_db: Path) -> list[Case]:
    cases = []
    for kind, command in (("db", "merge"), ("json", "import")):
        forgery = _Forgery(kind, exported_db)
        cases.append(
            Case(
                f"{kind}-received-forges-my-counter",
                exported_db,  # replaced by the file ``prepare`` makes for the run
                command=command,
                expect=IMPORT,
                check=forgery.check,
                prepare=forgery.prepare,
            )
        )
    return cases


# -- the operating system says no ----------------------------------------------------------


def _read_only_file(name: str):
    def prepare(local: Path, folder: Path) -> tuple[Path, Path]:
        target = folder / name
        target.write_bytes("上次导出的文件，设为只读。".encode())
        target.chmod(0o444)
        return target, local

    return prepare


def _in_folder(mode: int, name: str, *, move_local: bool = False):
    """The case's file in a folder of the given mode (``move_local``: the working file
    itself, moved there)."""

    def prepare(local: Path, folder: Path) -> tuple[Path, Path]:
        inner = folder / f"folder-{mode:o}"
        inner.mkdir()
        target = inner / name
        if move_local:
            local = local.rename(target)
        inner.chmod(mode)
        return target, local

    return prepare


def permission_cases(d: Path) -> list[Case]:
    """Read-only files and folders without permission (run without the superuser's power
    to ignore permissions: ``Case.unprivileged``); the files are made for each run."""
    d = d / "permissions"
    return [
        *(
            Case(
                f"export-{ext}-onto-read-only-file",
                d / f"只读.{ext}",
                command="export-to",
                prepare=_read_only_file(f"只读.{ext}"),
                unprivileged=True,
            )
            for ext in ("xlsx", "json", "db")
        ),
        *(
            Case(
                f"export-{ext}-into-folder-without-write-permission",
                d / f"out.{ext}",
                command="export-to",
                prepare=_in_folder(0o555, f"out.{ext}"),
                unprivileged=True,
            )
            for ext in ("xlsx", "db")
        ),
        Case(
            "summary-pdf-into-folder-without-write-permission",
            d / "summary.pdf",
            command="summary-to",
            prepare=_in_folder(0o555, "summary.pdf"),
            unprivileged=True,
        ),
        Case(
            "db-opened-in-folder-without-permission-list",
            d / "local.db",
            command="list-to",
            prepare=_in_folder(0o000, "local.db", move_local=True),
            unprivileged=True,
        ),
    ]


def give_back(folder: Path) -> None:
    """Every folder of a run writable again (for the runner's own clean-up)."""
    for root, dirs, _files in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
