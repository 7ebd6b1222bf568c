"""The command line, end to end: import the sample, export, list, and bad input."""

import hashlib
import json
import subprocess
import sys
from decimal import Decimal

import pytest

from desktop.cli import main
from desktop.store import open_repository
from tests.conftest import ROOT, SAMPLE
from tests.sample_expected import FORMS, GRAND_TOTAL, INDICATORS


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_export_reproduces_the_sample(tmp_path, capsys):
    db, out_json = tmp_path / "x.db", tmp_path / "x.json"
    code, out, err = run(capsys, "import", str(SAMPLE), "--db", str(db))
    assert code == 1, err  # imported, but 8 indicators need review
    assert "13 个项目" in out and "需要人工复核 10 处（字段 0 个、指标 10 条，" in out
    assert "资金全部为 0" not in out
    assert "第157行" in out and "第253行" in out
    assert "新建" in err

    code, out, _ = run(capsys, "export", str(out_json), "--db", str(db))
    assert code == 0 and "13 个项目" in out
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    projects = {p["name"]: p for p in doc["projects"]}
    assert set(projects) == set(FORMS)
    total = sum(Decimal(p["funds"]["total"]) for p in doc["projects"])
    assert f"{total:,.2f}" == GRAND_TOTAL
    for name, expected in INDICATORS.items():
        got = [
            (i["level1"], i["level2"], i["name"], i["value"], i["needs_review"])
            for i in projects[name]["indicators"]
        ]
        assert got == [(e[1], e[2], e[3], e[4], len(e) == 6) for e in expected]
        assert projects[name]["implementing_unit"] == FORMS[name][2]


def test_json_round_trip_through_a_second_database(tmp_path, capsys):
    db1, db2 = tmp_path / "1.db", tmp_path / "2.db"
    j1, j2 = tmp_path / "1.json", tmp_path / "2.json"
    assert run(capsys, "import", str(SAMPLE), "--db", str(db1))[0] == 1  # needs review
    assert run(capsys, "export", str(j1), "--db", str(db1))[0] == 0
    assert run(capsys, "import", str(j1), "--db", str(db2))[0] == 1
    assert run(capsys, "export", str(j2), "--db", str(db2))[0] == 0
    assert j1.read_text(encoding="utf-8") == j2.read_text(encoding="utf-8")


def test_importing_the_same_file_twice_adds_nothing(tmp_path, capsys):
    db = tmp_path / "x.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))
    code, out, _ = run(capsys, "import", str(SAMPLE), "--db", str(db))
    assert code == 0 and "新增 0 个" in out and "13 个项目数据库中已有相同内容" in out
    with open_repository(db) as repo:
        assert repo.count() == 13


def test_list_shows_one_line_per_project(tmp_path, capsys):
    db = tmp_path / "x.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))
    code, out, _ = run(capsys, "list", "--db", str(db))
    lines = out.strip().split("\n")
    assert code == 0 and len(lines) == 13
    fields = {line.split("\t")[2]: line.split("\t") for line in lines}
    assert fields["司法调解"][1] == "2024" and fields["司法调解"][3] == "5,100,000.00"
    assert len(fields["依法治区"][0]) == 36  # a UUID
    _, out, _ = run(capsys, "list", "--db", str(db), "--year", "2023")
    assert out == ""


def test_export_selected_projects_and_unknown_ids(tmp_path, capsys):
    db, target = tmp_path / "x.db", tmp_path / "some.json"
    run(capsys, "import", str(SAMPLE), "--db", str(db))
    ids = [line.split("\t")[0] for line in run(capsys, "list", "--db", str(db))[1].split("\n")[:2]]
    code, _, _ = run(
        capsys, "export", str(target), "--db", str(db), "--project", ids[0], "--project", ids[1]
    )
    assert code == 0
    assert [p["id"] for p in json.loads(target.read_text("utf-8"))["projects"]] == ids
    before = digest(target)
    code, _, err = run(capsys, "export", str(target), "--db", str(db), "--project", "nope")
    assert code == 2 and "nope" in err and len(err.strip().split("\n")) == 1
    assert digest(target) == before  # the old export is untouched


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff\xfe garbage \x00" * 50,
        "随便写的一段话，没有申报表。\n".encode(),
        b"{not json",
    ],
)
def test_garbled_input_is_one_line_exit_2_database_unchanged(tmp_path, capsys, content):
    db = tmp_path / "x.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))
    before = digest(db)
    bad = tmp_path / ("bad.json" if content.startswith(b"{") else "bad.txt")
    bad.write_bytes(content)
    code, out, err = run(capsys, "import", str(bad), "--db", str(db))
    assert code == 2
    assert out == "" and len(err.strip().split("\n")) == 1 and "Traceback" not in err
    assert digest(db) == before


def test_refused_database_is_one_line(tmp_path, capsys):
    db = tmp_path / "not-ours.db"
    db.write_bytes(b"PK\x03\x04 this is a zip file" * 10)
    code, _, err = run(capsys, "import", str(SAMPLE), "--db", str(db))
    assert code == 2 and "不是绩效目标申报的数据文件" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["import"],
        ["export", "x.json"],
        ["frobnicate"],
        ["list", "--db"],
        ["list", "--db", "x", "--year", "abc"],
    ],
)
def test_bad_arguments_print_usage(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "usage" in err and "参数错误" in err


def test_unsupported_formats(tmp_path, capsys):
    db = tmp_path / "x.db"
    other = tmp_path / "forms.docx"
    other.write_bytes(b"x")
    code, _, err = run(capsys, "import", str(other), "--db", str(db))
    assert code == 2 and "不支持" in err
    code, _, err = run(capsys, "export", str(tmp_path / "out.csv"), "--db", str(db))
    assert code == 2 and ".json" in err


def test_gb18030_and_utf16_files_import(tmp_path, capsys):
    text = SAMPLE.read_text(encoding="utf-8")
    for encoding in ("gb18030", "utf-16"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        code, out, _ = run(capsys, "import", str(path), "--db", str(tmp_path / f"{encoding}.db"))
        assert code == 1 and "13 个项目" in out


def test_python_dash_m_desktop_really_runs(tmp_path):
    db = tmp_path / "中文 路径" / "数据.db"
    db.parent.mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "import", str(SAMPLE), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr  # imported; 8 indicators need review
    assert "13 个项目" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 0 and "import" in proc.stdout


def test_print_all_and_one_project(tmp_path, capsys):
    from pypdf import PdfReader

    db = tmp_path / "x.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))
    code, out, _ = run(capsys, "print", "--db", str(db), "--all", "--out", str(tmp_path / "a.pdf"))
    assert code == 0 and "13 个项目，共 13 页" in out
    assert len(PdfReader(tmp_path / "a.pdf").pages) == 13
    pid = run(capsys, "list", "--db", str(db))[1].split("\t")[0]
    code, _, _ = run(
        capsys,
        "print",
        "--db",
        str(db),
        "--project",
        pid,
        "--out",
        str(tmp_path / "one.pdf"),
        "--no-signoff",
    )
    assert code == 0
    assert "填报人" not in PdfReader(tmp_path / "one.pdf").pages[0].extract_text()


def test_print_refuses_bad_requests_without_writing(tmp_path, capsys):
    db = tmp_path / "x.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))
    target = tmp_path / "out.pdf"
    code, _, err = run(capsys, "print", "--db", str(db), "--project", "nope", "--out", str(target))
    assert code == 2 and "nope" in err and not target.exists()
    code, _, err = run(capsys, "print", "--db", str(db), "--all", "--out", str(tmp_path / "x.txt"))
    assert code == 2 and ".pdf" in err
    with pytest.raises(SystemExit) as exc:
        main(["print", "--db", str(db), "--out", str(target)])  # neither --all nor --project
    assert exc.value.code == 2 and not target.exists()
    assert list(tmp_path.glob(".out.pdf.*")) == []  # no temporary file left behind


def _make_hostile(kind, tmp_path, good):
    import shutil
    import sqlite3

    path = tmp_path / f"{kind}.db"
    if kind == "zero":
        path.write_bytes(b"")
    elif kind == "random":
        path.write_bytes(bytes(range(256)) * 40)
    elif kind == "truncated":
        path.write_bytes(good.read_bytes()[:3000])
    else:
        shutil.copyfile(good, path)
        conn = sqlite3.connect(path)
        if kind == "view":
            conn.execute("ALTER TABLE meta RENAME TO meta_old")
            conn.execute("CREATE VIEW meta AS SELECT * FROM meta_old")
        elif kind == "trigger":
            conn.execute("CREATE TRIGGER t AFTER INSERT ON projects BEGIN DELETE FROM meta; END")
        elif kind == "newer":
            conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()
    return path


@pytest.mark.parametrize("kind", ["zero", "random", "truncated", "view", "trigger", "newer"])
def test_merge_refuses_hostile_files_leaving_everything_unchanged(tmp_path, capsys, kind):
    import sqlite3

    db, good = tmp_path / "local.db", tmp_path / "good.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))
    run(capsys, "export", str(good), "--db", str(db))
    hostile = _make_hostile(kind, tmp_path, good)
    before_local, before_hostile = digest(db), digest(hostile)
    code, _out, err = run(capsys, "merge", str(hostile), "--db", str(db))
    assert code == 2 and len(err.strip().split("\n")) == 1 and "Traceback" not in err
    assert digest(db) == before_local and digest(hostile) == before_hostile
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_merge_preview_dry_run_and_apply(tmp_path, capsys):
    a, b, stick = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "stick.db"
    run(capsys, "import", str(SAMPLE), "--db", str(a))
    assert run(capsys, "export", str(stick), "--db", str(a))[0] == 0
    code, out, _ = run(capsys, "merge", str(stick), "--db", str(b), "--dry-run")
    assert code == 0 and "预览（未做任何修改）：新项目 13" in out
    assert run(capsys, "list", "--db", str(b))[1] == ""
    code, out, _ = run(capsys, "merge", str(stick), "--db", str(b), "--policy", "mine")
    assert code == 0 and "新增 13 个" in out
    code, out, _ = run(capsys, "merge", str(stick), "--db", str(b))
    assert "完全相同 13" in out and "新增 0 个" in out
    code, _, err = run(capsys, "merge", str(b), "--db", str(b))
    assert code == 2 and "自己" in err


def test_check_lists_problems_and_exits_1_on_errors(tmp_path, capsys):
    db = tmp_path / "x.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))
    code, out, err = run(capsys, "check", "--db", str(db))
    lines = out.strip().split("\n")
    # main's 8 + 2 需复核 labels; 4 warnings + 13 without 成本指标 + 3 定量 names
    assert code == 1 and "错误 10 条，警告 20 条" in err
    assert sum(line.startswith("错误\t公共法律服务\t绩效指标/") for line in lines) == 5
    assert sum(line.startswith("错误\t依法治区") for line in lines) == 3
    assert "警告\t智慧矫正\t基本信息/项目性质\t" in out
    ids = {
        line.split("\t")[2]: line.split("\t")[0]
        for line in run(capsys, "list", "--db", str(db))[1].strip().split("\n")
    }
    code, out, _ = run(capsys, "check", "--db", str(db), "--project", ids["司法调解"])
    assert (
        code == 0
        and out
        == "警告\t司法调解\t绩效指标/成本指标\t"
        "没有成本指标：按现行指标体系，每个项目都应设置成本指标\n"
    )


def test_import_exits_1_when_a_field_needs_review_and_says_when_funds_are_missing(tmp_path, capsys):
    form = tmp_path / "2019-某县.txt"
    form.write_text("项目支出绩效目标表\n项目名称\t无资金的项目\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", str(form), "--db", str(tmp_path / "x.db"))
    assert code == 1
    assert "1 个项目的资金全部为 0 或没有找到：“无资金的项目”" in out
    assert "年度：表头没有年度，按文件名推断为 2019 年" in out
    assert "项目资金总额：表中没有找到项目资金总额" in out


def test_import_of_a_clean_form_exits_0(tmp_path, capsys):
    from desktop.io.json_format import dumps
    from tests.test_domain_audit import good

    path = tmp_path / "clean.json"
    path.write_text(dumps([good()]), encoding="utf-8")
    code, out, _ = run(capsys, "import", str(path), "--db", str(tmp_path / "x.db"))
    assert code == 0 and "需要人工复核" not in out
