"""A working file with projects whose rows cannot be read: every way out of the file —
``export`` to .xlsx, .json and .db (all, or one unit's), ``summary`` to .xlsx and .pdf,
``print`` — writes the other projects, leaves those out of the forms and of the 汇总 alike,
names each in one line, ends with exit 1 (done, with attention), and leaves the file as it
was. Expected values are the sample's forms."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.io.files import load_file
from desktop.store import open_repository
from tests.conftest import SAMPLE

# 项目名称 → (项目类别, 实施单位, 项目资金总额) of the sample's 13 forms, as printed there
FORMS = {
    "司法调解": ("特定目标类", "上海市普陀区司法局", "5100000.00"),
    "安置帮教和社区矫正": ("特定目标类", "上海市普陀区司法局", "8537947.00"),
    "法律援助费": ("特定目标类", "上海市普陀区法律援助中心", "5700000.00"),
    "人民调解": ("特定目标类", "上海市普陀区司法局", "7950000.00"),
    "法制业务经费": ("特定目标类", "上海市普陀区司法局", "450000.00"),
    "法治宣传": ("特定目标类", "上海市普陀区司法局", "1242900.00"),
    "公共法律服务": ("特定目标类", "上海市普陀区司法局", "1160000.00"),
    "普陀区司法行政视频会议系统运维项目": ("其他运转类", "上海市普陀区司法局", "783177.00"),
    "司法鉴定": ("特定目标类", "上海市普陀区司法局", "71500.00"),
    "医患纠纷": ("特定目标类", "上海市普陀区司法局", "90000.00"),
    "依法治区": ("特定目标类", "上海市普陀区司法局", "43200.00"),
    "援外干部工作经费": ("特定目标类", "上海市普陀区司法局", "150000.00"),
    "智慧矫正": ("特定目标类", "上海市普陀区司法局", "486600.00"),
}
#: 司法调解's year is not a number; 法治宣传's ``versions`` (JSON) lost its last character
BAD = {"司法调解", "法治宣传"}
GOOD = set(FORMS) - BAD


def _total(names) -> Decimal:
    return sum((Decimal(FORMS[n][2]) for n in names), Decimal(0))


@pytest.fixture
def work(tmp_path):
    """The sample's 13 forms in a working file, 人民调解, 司法调解 and 医患纠纷 submitted by
    甲司法所; then two projects' rows damaged (the file itself passes quick_check)."""
    path = tmp_path / "办公.db"
    with open_repository(path) as repo:
        repo.add(load_file(SAMPLE).projects)
        ids = {s.name: s.id for s in repo.summaries()}
    assert main(["role", "--db", str(path), "--unit", "甲司法所"]) == 0
    for name in ("人民调解", "司法调解", "医患纠纷"):
        assert main(["submit", "--db", str(path), "--project", ids[name]]) == 0
    conn = sqlite3.connect(path)
    conn.execute("UPDATE projects SET year = 'abc' WHERE name = '司法调解'")
    conn.execute(
        "UPDATE projects SET versions = substr(versions, 1, length(versions) - 1) "
        "WHERE name = '法治宣传'"
    )
    conn.commit()
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    return path


def _content(path) -> list:
    """The projects and their indicators, byte for byte."""
    conn = sqlite3.connect(path)
    try:
        out = []
        for table in ("projects", "indicators"):
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            quoted = ", ".join(f"quote(CAST({c} AS BLOB))" for c in columns)
            out.append(conn.execute(f"SELECT {quoted} FROM {table} ORDER BY rowid").fetchall())
        return out
    finally:
        conn.close()


def _run(work, capsys, *argv):
    """Runs the command; checks the file is untouched and the damaged ones named, once each,
    in one line each; returns (exit status, stdout)."""
    digest, content = hashlib.sha256(work.read_bytes()).hexdigest(), _content(work)
    code = main([*map(str, argv), "--db", str(work)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "Exception ignored" not in err, err
    named = [line for line in err.splitlines() if "需要修复" in line]
    assert len(named) == len(BAD), err
    for name in BAD:
        assert len([line for line in named if f"“{name}”" in line]) == 1
    if argv[0] != "print":  # which also says how many forms carry the 草稿 watermark
        assert [line for line in err.splitlines() if line.strip()] == named, err
    assert _content(work) == content
    if argv[0] != "print":  # printing records what was printed; the forms stay as they were
        assert hashlib.sha256(work.read_bytes()).hexdigest() == digest
    return code, out


def _summary_sheet(path) -> list[tuple]:
    wb = load_workbook(path, read_only=True)
    try:
        assert wb.sheetnames[0] == "汇总"
        rows = wb["汇总"].iter_rows(values_only=True, max_col=6)
        return [(*row, *(None,) * (6 - len(row))) for row in rows if any(row)]
    finally:
        wb.close()


def _check_summary_rows(rows: list[tuple], names: set[str]) -> None:
    """The 汇总 of ``names``: one line each, the subtotals and the total of their forms."""
    listed = {r[0] for r in rows[2:] if r[3]}  # project lines: name … 实施单位 …
    assert listed == names
    for r in rows[2:]:
        if r[0] in names:
            category, unit, total = FORMS[r[0]]
            assert (r[2], r[3], Decimal(str(r[4])).quantize(Decimal("0.01"))) == (
                category,
                unit,
                Decimal(total),
            )
    sub = {r[0]: Decimal(str(r[4])) for r in rows if r[0] and "个项目）" in r[0]}
    for key in {FORMS[n][0] for n in names} | {FORMS[n][1] for n in names}:
        members = [n for n in names if key in FORMS[n][:2]]
        assert sub[f"{key}（{len(members)} 个项目）"] == _total(members), key
    assert sub[f"合计（{len(names)} 个项目）"] == _total(names)


def test_xlsx_export_writes_the_others_and_leaves_the_two_out_of_the_summary(
    work, capsys, tmp_path
):
    target = tmp_path / "导出.xlsx"
    code, out = _run(work, capsys, "export", target)
    assert code == 1
    assert f"已导出 {len(GOOD)} 个项目" in out
    wb = load_workbook(target, read_only=True)
    assert set(wb.sheetnames) == {"汇总", "_jixiao", *GOOD}
    wb.close()
    _check_summary_rows(_summary_sheet(target), GOOD)
    # and the workbook comes back in whole: its forms are the 11
    again = tmp_path / "再导入.db"
    assert main(["import", str(target), "--db", str(again)]) in (0, 1)
    with open_repository(again) as repo:
        assert {s.name for s in repo.summaries()} == GOOD


def test_xlsx_export_of_a_unit_leaves_its_damaged_project_out(work, capsys, tmp_path):
    """``--unit``: only what 甲司法所 submitted — 人民调解 and 医患纠纷; 司法调解 is named."""
    target = tmp_path / "给甲司法所.xlsx"
    digest = hashlib.sha256(work.read_bytes()).hexdigest()
    code = main(["export", str(target), "--db", str(work), "--unit", "甲司法所"])
    out, err = capsys.readouterr()
    assert code == 1 and "已导出 2 个项目" in out, out + err
    assert "Exception ignored" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "“司法调解”" in lines[0] and "未导出" in lines[0], err
    wb = load_workbook(target, read_only=True)
    assert set(wb.sheetnames) == {"汇总", "_jixiao", "人民调解", "医患纠纷"}
    wb.close()
    _check_summary_rows(_summary_sheet(target), {"人民调解", "医患纠纷"})
    assert hashlib.sha256(work.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("kind", [".json", ".db"])
def test_json_and_db_exports_write_the_others(work, capsys, tmp_path, kind):
    target = tmp_path / f"导出{kind}"
    code, out = _run(work, capsys, "export", target)
    assert code == 1
    assert f"已导出 {len(GOOD)} 个项目" in out
    if kind == ".json":
        names = {p["name"] for p in json.loads(target.read_text("utf-8"))["projects"]}
    else:
        with open_repository(target) as repo:
            names = {s.name for s in repo.summaries()}
    assert names == GOOD


@pytest.mark.parametrize("kind", [".xlsx", ".pdf"])
def test_summary_counts_the_others_and_names_the_two(work, capsys, tmp_path, kind):
    target = tmp_path / f"汇总{kind}"
    code, out = _run(work, capsys, "summary", "--year", "2024", "--out", target)
    assert code == 1
    total = f"{_total(GOOD):,.2f}"  # 25,422,424.00
    assert f"2024 年度 {len(GOOD)} 个项目，项目资金合计 {total} 元" in out, out
    if kind == ".xlsx":
        _check_summary_rows(_summary_sheet(target), GOOD)
    else:
        if not shutil.which("pdftotext"):
            pytest.skip("pdftotext (poppler-utils) is not installed")
        text = subprocess.run(
            ["pdftotext", "-layout", str(target), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
        assert all(name in text for name in GOOD - {"普陀区司法行政视频会议系统运维项目"})
        assert not any(name in text for name in BAD)
        assert total in text


def test_print_prints_the_others(work, capsys, tmp_path):
    code, out = _run(work, capsys, "print", "--all", "--out", tmp_path / "申报表.pdf")
    assert code == 1
    assert f"已打印 {len(GOOD)} 个项目" in out


def test_an_xlsx_export_of_only_damaged_projects_writes_nothing(tmp_path, capsys):
    path = tmp_path / "坏.db"
    with open_repository(path) as repo:
        repo.add(load_file(SAMPLE).projects[:1])  # 司法调解
    conn = sqlite3.connect(path)
    conn.execute("UPDATE projects SET year = 'abc'")
    conn.commit()
    conn.close()
    target = tmp_path / "导出.xlsx"
    code = main(["export", str(target), "--db", str(path)])
    _out, err = capsys.readouterr()
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines[-1].startswith("错误：没有可以导出的项目"), err
    assert len(lines) == 2 and "“司法调解”" in lines[0], err
    assert not target.exists() and "Exception ignored" not in err


def test_no_traceback_when_a_project_turns_bad_while_the_workbook_is_written(work, tmp_path):
    """A read that fails in the middle of the stream (not foreseen by the screen): the
    workbook is not written, the temporary sheets are closed (no ``Exception ignored``)."""
    script = (
        "import sys\n"
        "from desktop.io.xlsx_format import export_xlsx\n"
        "from desktop.store import open_repository\n"
        "from desktop.store.errors import BadProjectError\n"
        "def projects(repo):\n"
        "    yield from list(repo.all_projects(skip_bad=[]))[:3]\n"
        "    raise BadProjectError('坏', 'x')\n"
        f"with open_repository({str(work)!r}) as repo:\n"
        "    try:\n"
        f"        export_xlsx(projects(repo), {str(tmp_path / 'x.xlsx')!r}, repo.summaries())\n"
        "    except BadProjectError:\n"
        "        print('refused')\n"
    )
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, cwd=root, text=True, timeout=120
    )
    assert proc.stdout.strip() == "refused", proc.stderr
    assert "Exception ignored" not in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.xlsx").exists()
