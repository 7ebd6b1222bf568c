"""Text that is not UTF-8 in a TEXT column (a fault, a forger, another program's encoding)
is a problem of the project holding it, in a working file and in a received one: every
command works for the other projects and names that one as needing repair, the window opens
and lists it, a merge leaves it out — one clear line each, no traceback, the file unchanged."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3

import pytest

from desktop.cli import main
from desktop.io.files import load_file
from desktop.store import open_repository
from tests.conftest import SAMPLE

#: the sample's 13 forms; two get text that is not UTF-8
GOOD = 11


@pytest.fixture
def not_utf8(tmp_path):
    """司法调解's name stored in GB18030; one of 法治宣传's indicators has a unit cut in the
    middle of a character (the first two of the three bytes of 个)."""
    path = tmp_path / "办公.db"
    with open_repository(path) as repo:
        repo.add(load_file(SAMPLE).projects)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE projects SET name = CAST(? AS TEXT) WHERE name = '司法调解'",
        ["司法调解".encode("gb18030")],
    )
    conn.execute(
        "UPDATE indicators SET unit = CAST(? AS TEXT) WHERE rowid = (SELECT min(i.rowid) "
        "FROM indicators i JOIN projects p ON p.id = i.project_id WHERE p.name = '法治宣传')",
        ["个".encode()[:2]],
    )
    conn.commit()
    with pytest.raises(sqlite3.OperationalError, match="decode"):  # what sqlite3 does alone
        conn.execute("SELECT name FROM projects").fetchall()
    conn.close()
    return path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _content(path) -> list:
    """The projects and their indicators, byte for byte (printing also records, in tables
    of its own, what was printed)."""
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


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_list_shows_every_project_and_names_the_two(not_utf8, capsys):
    before = _digest(not_utf8)
    code, out, err = _run(capsys, "list", "--db", str(not_utf8))
    assert code == 1
    assert len(out.strip().splitlines()) == 13  # every project is listed
    problems = [line for line in err.splitlines() if line.strip()]
    assert len(problems) == 2 and all("需要修复" in line for line in problems), err
    assert all("UTF-8" in line for line in problems), err
    assert _digest(not_utf8) == before


@pytest.mark.parametrize(
    "command, done",
    [
        (["check"], "审核了 11 个项目"),
        (["export", "{out}/x.json"], "已导出 11 个项目"),
        (["print", "--all", "--out", "{out}/x.pdf"], "已打印 11 个项目"),
    ],
)
def test_commands_leave_the_two_out_and_name_them(not_utf8, capsys, tmp_path, command, done):
    before, content = _digest(not_utf8), _content(not_utf8)
    args = [a.format(out=tmp_path) for a in command]
    code, out, err = _run(capsys, *args, "--db", str(not_utf8))
    assert code == 1
    assert done in out + err
    named = [line for line in (out + err).splitlines() if "需要修复" in line]
    assert len(named) == 2, out + err
    assert any("法治宣传" in line for line in named)
    assert all("UTF-8" in line for line in named)
    # the name that is not UTF-8 is shown with its bytes as �, never as lone surrogates
    assert all(line.encode("utf-8") for line in named)
    assert _content(not_utf8) == content
    if command[0] != "print":
        assert _digest(not_utf8) == before
    if command[0] == "export":
        names = {
            p["name"]
            for p in json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["projects"]
        }
        assert len(names) == GOOD and "法治宣传" not in names and "人民调解" in names


def test_the_window_opens_and_lists_the_two(not_utf8, make_controller):
    before = _digest(not_utf8)
    c = make_controller(not_utf8)
    c.wait_for_checks()  # the rows are screened in the background, after the window shows
    window = c.window
    assert window.model.rowCount() == 13
    banner = window.banner.text()
    assert window.banner.isVisibleTo(window)
    assert "2 个项目的数据有误" in banner and "法治宣传" in banner, banner
    good = next(s for s in window.model._rows if s.name == "人民调解")
    window.nav.select_project(good.id)
    assert window.editor.project is not None and window.editor.project.name == "人民调解"
    c.shutdown()
    assert _digest(not_utf8) == before


def test_a_received_file_merges_without_the_two(not_utf8, capsys, tmp_path):
    received = tmp_path / "收到.db"
    shutil.copyfile(not_utf8, received)
    before = _digest(received)
    local = tmp_path / "本机.db"
    code, out, err = _run(capsys, "merge", str(received), "--db", str(local))
    assert code == 1
    refused = [line for line in (out + err).splitlines() if "未导入" in line]
    assert len(refused) == 2 and all("UTF-8" in line for line in refused), out + err
    assert _digest(received) == before
    with open_repository(local) as repo:
        assert len(repo.summaries()) == GOOD
        assert repo.problems() == {}
