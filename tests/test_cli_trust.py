"""The command line and files it cannot trust: a mistyped --db, output cut short by its
reader, a full disk, re-importing our own export, concurrent merges."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading

from desktop.cli import main
from desktop.store import open_repository
from tests.conftest import ROOT, SAMPLE


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_missing_database_is_refused_unless_the_command_adds_data(tmp_path, capsys):
    typo = tmp_path / "typo.db"
    for argv in (["list"], ["check"], ["export", str(tmp_path / "x.json")]):
        code, _out, err = run(capsys, *argv, "--db", str(typo))
        assert code == 2 and "找不到数据文件" in err and len(err.strip().splitlines()) == 1
        assert not typo.exists()  # no empty database made from a typo
    code, _, err = run(capsys, "import", str(SAMPLE), "--db", str(typo))
    assert code in (0, 1) and "已新建数据文件" in err and typo.exists()


def test_output_cut_short_by_its_reader_ends_quietly(tmp_path):
    db = tmp_path / "many.db"
    from bench.generate import projects

    with open_repository(db) as repo:
        repo.add(projects(1500))
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "list", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    proc.stdout.readline()  # like `| head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.wait(timeout=60)
    assert proc.returncode == 0, err
    assert err == "", err  # no "Broken pipe", no traceback


def test_a_full_disk_is_one_line(tmp_path, capsys, monkeypatch):
    db = tmp_path / "a.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))

    def full(path, write):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    import desktop.cli_export as cli_export

    monkeypatch.setattr(cli_export, "atomic_write_text", lambda path, text: full(path, None))
    code, _out, err = run(capsys, "export", str(tmp_path / "out.json"), "--db", str(db))
    assert code == 2
    assert err.strip() == "错误：磁盘空间不足，无法写入“out.json”，未做任何修改。"


def test_reimporting_our_own_edited_json_merges_by_id(tmp_path, capsys):
    import json

    db = tmp_path / "a.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))
    out = tmp_path / "导出.json"
    assert run(capsys, "export", str(out), "--db", str(db))[0] == 0
    doc = json.loads(out.read_text("utf-8"))
    doc["projects"][0]["goals"]["annual"] = "改过的年度目标"
    out.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    code, printed, err = run(capsys, "import", str(out), "--db", str(db))
    assert code == 0, err
    assert "对方的较新" in printed and "年度总体目标" in printed and "改过的年度目标" in printed
    with open_repository(db, read_only=True) as repo:
        assert repo.count() == 13  # merged, not added again
        changed = repo.get(doc["projects"][0]["id"])
        assert changed.goal_annual == "改过的年度目标"
        assert repo.history(changed.id)


def test_two_concurrent_merges_end_in_a_state_of_one_order(tmp_path, capsys):
    """Each merge plans and applies under the write lock: the result is as if one ran after
    the other (here: both files' projects, nothing duplicated or lost)."""
    base = tmp_path / "base.db"
    run(capsys, "import", str(SAMPLE), "--db", str(base))
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    for path, edit in ((a, "甲"), (b, "乙")):
        run(capsys, "export", str(path), "--db", str(base))
        with open_repository(path) as repo:
            p = next(x for x in repo.all_projects() if x.name == "司法鉴定")
            repo.save(p.with_changes(goal_annual=f"{edit}改的"))
    target = tmp_path / "target.db"
    run(capsys, "export", str(target), "--db", str(base))
    results = []

    def merge(src):
        results.append(
            subprocess.run(
                [sys.executable, "-m", "desktop", "merge", str(src), "--db", str(target)],
                capture_output=True,
                encoding="utf-8",
                errors="replace",
                cwd=ROOT,
                timeout=120,
            )
        )

    threads = [threading.Thread(target=merge, args=(src,)) for src in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    with open_repository(target, read_only=True) as repo:
        goals = sorted(p.goal_annual for p in repo.all_projects() if p.name.startswith("司法鉴定"))
        # one merge took its version, the other found a conflict and kept both
        assert goals == ["乙改的", "甲改的"], goals
        assert repo.count() == 14


def test_control_characters_stored_earlier_never_break_an_excel_export(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "a.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))
    with sqlite3.connect(db) as conn:  # written by an older version, before the clean-up
        conn.execute("UPDATE projects SET name = name || char(0) || char(7)")
        conn.execute("UPDATE indicators SET name = name || char(1)")
    conn.close()
    assert run(capsys, "export", str(tmp_path / "x.xlsx"), "--db", str(db))[0] == 0
    code, _, err = run(
        capsys, "summary", "--year", "2024", "--out", str(tmp_path / "s.xlsx"), "--db", str(db)
    )
    assert code == 0, err


def test_reimporting_our_own_printout_merges_by_id_and_adds_nothing(tmp_path, capsys):
    db = tmp_path / "a.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))
    pdf = tmp_path / "申报表.pdf"
    assert run(capsys, "print", "--all", "--out", str(pdf), "--db", str(db))[0] == 0
    code, printed, err = run(capsys, "import", str(pdf), "--db", str(db))
    assert code in (0, 1), err
    assert printed.count("完全相同") == 13 and "新增 0 个" in printed
    with open_repository(db, read_only=True) as repo:
        assert repo.count() == 13


def test_a_reader_gone_on_windows_is_quiet_too(tmp_path, monkeypatch, capsys):
    """On Windows, writing to a pipe whose reader has gone fails with EINVAL, not EPIPE."""
    db = tmp_path / "a.db"
    run(capsys, "import", str(SAMPLE), "--db", str(db))

    class GoneReader:
        encoding = "utf-8"

        def write(self, text):
            raise OSError(errno.EINVAL, "Invalid argument")

        def flush(self):
            pass

        def fileno(self):
            return os.open(os.devnull, os.O_WRONLY)

    monkeypatch.setattr(sys, "stdout", GoneReader())
    from desktop.cli import main

    assert main(["list", "--db", str(db)]) == 0
    assert capsys.readouterr().err == ""
