"""Damage that only ``integrity_check`` sees is refused when a working file is opened — by
every command and by the window — and is never taken as the day's backup: a file cut short
by one byte (its last page zero-filled), a stale unique index (it names an id the table no
longer holds) and two indexes whose root pages are swapped. The file is left unchanged."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from desktop.cli import main
from desktop.io.files import load_file
from desktop.store import open_repository
from desktop.store.backups import list_backups
from desktop.store.errors import DamagedFileError
from tests.conftest import SAMPLE


def _check(path, pragma: str) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
    finally:
        conn.close()


def _one_byte_short(path) -> None:
    """An interrupted copy: the last byte is missing; SQLite reads it as zero."""
    data = path.read_bytes()
    path.write_bytes(data[:-1])


def _stale_unique_index(path) -> None:
    """One id in the primary key's index is changed on disk (same length, same place in
    the order): the index no longer matches the table."""
    conn = sqlite3.connect(path)
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_projects_%'"
    ).fetchone()
    (size,) = conn.execute("PRAGMA page_size").fetchone()
    ids = sorted(r[0] for r in conn.execute("SELECT id FROM projects"))
    conn.close()
    data = bytearray(path.read_bytes())
    page = slice((root - 1) * size, root * size)
    old = ids[0].encode()  # the smallest: a smaller id stays first in the order
    new = b"0" * 8 + old[8:] if old[:8] != b"0" * 8 else b"0" * 7 + b"1" + old[8:]
    at = data[page].find(old)
    assert at >= 0, "the index page holds the id"
    start = page.start + at
    data[start : start + len(old)] = new
    path.write_bytes(bytes(data))


def _swapped_index_roots(path) -> None:
    """Two indexes of ``projects`` swap their root pages (a forger, a bad sector)."""
    conn = sqlite3.connect(path)
    roots = dict(
        conn.execute(
            "SELECT name, rootpage FROM sqlite_master "
            "WHERE name IN ('projects_year', 'projects_deleted')"
        )
    )
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET rootpage = ? WHERE name = 'projects_year'",
        [roots["projects_deleted"]],
    )
    conn.execute(
        "UPDATE sqlite_master SET rootpage = ? WHERE name = 'projects_deleted'",
        [roots["projects_year"]],
    )
    conn.commit()
    conn.close()


DAMAGE = {
    "one-byte-short": _one_byte_short,
    "stale-unique-index": _stale_unique_index,
    "swapped-index-roots": _swapped_index_roots,
}


@pytest.fixture(params=sorted(DAMAGE))
def damaged(request, tmp_path, monkeypatch):
    """A working file of the sample's forms with the damage done; quick_check passes it."""
    monkeypatch.setenv("JIXIAO_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "办公.db"
    with open_repository(path) as repo:
        repo.add(load_file(SAMPLE).projects)
    DAMAGE[request.param](path)
    assert _check(path, "quick_check") == ["ok"], "damage quick_check misses"
    assert _check(path, "integrity_check") != ["ok"]
    return path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_opening_refuses_it_and_leaves_it_as_it_was(damaged):
    before = _digest(damaged)
    with pytest.raises(DamagedFileError, match="已损坏"):
        open_repository(damaged)
    assert _digest(damaged) == before
    assert list_backups(damaged) == []


@pytest.mark.parametrize("command", ["list", "check", "export", "print"])
def test_every_command_refuses_it_in_one_line(damaged, command, tmp_path, capsys):
    before = _digest(damaged)
    args = {
        "list": ["list"],
        "check": ["check"],
        "export": ["export", str(tmp_path / "out.json")],
        "print": ["print", "--all", "--out", str(tmp_path / "out.pdf")],
    }[command]
    code = main([*args, "--db", str(damaged)])
    out, err = capsys.readouterr()
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and "已损坏" in lines[0], err
    assert "Traceback" not in out + err
    assert _digest(damaged) == before
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "out.pdf").exists()


def test_the_window_shows_it_read_only_and_takes_no_backup(
    damaged, make_controller, dialogs, expect_box
):
    expect_box("critical", "已损坏")
    before = _digest(damaged)
    c = make_controller(damaged)  # the window shows at once …
    assert c.window.model.rowCount() == 13
    c.wait_for_checks()  # … and the check in the background finds the damage
    kind, text = dialogs[-1]
    assert kind == "critical" and "已损坏" in text and "只读" in text
    assert c.session.read_only and not c.window.banner.isHidden()
    assert list_backups(damaged) == []  # not the day's backup
    c.shutdown()
    assert _digest(damaged) == before


def test_a_fault_in_the_row_screen_neither_vanishes_nor_stops_the_integrity_check(
    damaged, make_controller, dialogs, expect_box, monkeypatch
):
    """The background screen raising (a bug, not a bad file) is written to error.log with
    its traceback, and the damage check that follows it still runs and is reported."""
    from desktop.ui import app
    from desktop.ui.errorlog import error_log_path

    def broken(path):
        raise OverflowError("a fault in the screen")

    monkeypatch.setattr(app, "screened_problems", broken)
    expect_box("critical", "已损坏")
    c = make_controller(damaged)
    c.wait_for_checks()
    kind, text = dialogs[-1]
    assert kind == "critical" and "已损坏" in text
    log = error_log_path().read_text(encoding="utf-8")
    assert "background screen failed" in log and "OverflowError: a fault in the screen" in log
    c.shutdown()
