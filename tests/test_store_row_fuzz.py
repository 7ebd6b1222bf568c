"""Fuzz of the .db row reader: random values of every SQLite type written into random
columns of a working file (which keeps the exact schema and passes quick_check), then every
command — list, check, export, print — and opening the file in the window. The invariant:
each ends with a result or one clear line (exit 0, 1 or 2), never an exception; a project
left out is named as needing repair; the good projects still work."""

from __future__ import annotations

import random
import shutil
import sqlite3

import pytest

from desktop.cli import main
from desktop.io.files import load_file
from desktop.store import open_repository
from tests.conftest import SAMPLE

TABLES = ("projects", "indicators", "tombstones", "history", "meta")


class NotUtf8(bytes):
    """Bytes stored as TEXT (``CAST(? AS TEXT)``): text that is not UTF-8, which sqlite3
    cannot decode when the row is fetched."""


def _values(rnd: random.Random) -> list:
    """One of each kind a forger or a fault may leave in a column."""
    return [
        None,
        0,
        1,
        -1,
        7,
        2**31,
        2**62,
        2**63 - 1,
        -(2**63),
        rnd.randint(-(10**18), 10**18),
        1.5,
        -0.0,
        float("inf"),
        float("-inf"),
        1e300,
        "",
        "abc",
        "NaN",
        "Infinity",
        "1e999999999",
        "9" * 40,
        "-",
        ".",
        "0x10",
        "≈",
        "2024-13-45",
        "2024-02-30",
        "0000-00-00",
        "{bad",
        "[]",
        "[1, 2]",
        '{"x": 1e999}',
        '{"x": -1}',
        f'{{"x": {2**62}}}',
        '{"name": "原因"}',
        "null",
        "00000000-0000-0000-0000-000000000000",
        "\x00\x07控制",
        "x" * rnd.choice((2_001, 20_001, 60_000)),
        b"",
        b"\x00\x01\x02",
        b"\xff\xfe\xfd",
        "名称".encode("gb18030"),
        NotUtf8("名称".encode("gb18030")),
        NotUtf8(b"\xe4\xb8"),  # a character cut short
        NotUtf8(b"ok\xff"),
        NotUtf8(b"12bb7ca5-5acc-482a-a1e9-4bfb646d805" + b"\xff"),  # an id's length
        rnd.random(),
        "".join(chr(rnd.randint(32, 0x9FFF)) for _ in range(rnd.randint(0, 30))),
    ]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "template.db"
    projects = load_file(SAMPLE).projects[:3]
    with open_repository(path) as repo:
        repo.add(projects)
        repo.trash(projects[2].id)
        repo.purge(projects[2].id)  # a tombstone
        repo.save(repo.get(projects[1].id).with_changes(goal_annual="改过"))
        repo.add_history(repo.get(projects[0].id), "测试")
    return path


def _mutate(path, rnd: random.Random) -> list[str]:
    conn = sqlite3.connect(path)
    done = []
    try:
        for _ in range(rnd.randint(1, 3)):
            table = rnd.choice(TABLES)
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            rowids = [r[0] for r in conn.execute(f"SELECT rowid FROM {table}")]
            if not rowids:
                continue
            column = rnd.choice(columns)
            value = rnd.choice(_values(rnd))
            cast = "CAST(? AS TEXT)" if isinstance(value, NotUtf8) else "?"
            try:
                conn.execute(
                    f"UPDATE {table} SET {column} = {cast} WHERE rowid = ?",
                    [value, rnd.choice(rowids)],
                )
            except sqlite3.IntegrityError:  # NOT NULL, a duplicate key: not writable so
                continue
            done.append(f"{table}.{column}={value!r:.40}")
        conn.commit()
    finally:
        conn.close()
    return done


COMMANDS = (
    ["list"],
    ["check"],
    ["export", "{out}/x.json"],
    ["export", "{out}/x.db"],
    ["print", "--all", "--out", "{out}/x.pdf"],
)


def _run_commands(db, out, capsys, what) -> None:
    for command in COMMANDS:
        args = [a.format(out=out) for a in command] + ["--db", str(db)]
        try:
            code = main(args)
        except Exception as exc:  # the invariant broken: say which case
            raise AssertionError(f"{what}: {args[0]} raised {exc!r}") from exc
        captured = capsys.readouterr()
        assert code in (0, 1, 2), (what, args, code)
        if code == 2:
            lines = [line for line in captured.err.splitlines() if line.strip()]
            assert lines and lines[-1].startswith("错误："), (what, args, captured.err)
        assert "Traceback" not in captured.err, (what, captured.err)


def _case(seed: int, template, tmp_path, capsys, controller=None) -> None:
    rnd = random.Random(seed)
    folder = tmp_path / f"case{seed}"
    folder.mkdir()
    db = folder / "work.db"
    shutil.copyfile(template, db)
    what = f"seed {seed}: " + ", ".join(_mutate(db, rnd))
    _run_commands(db, folder, capsys, what)
    if controller is not None:
        window_opened = controller(db)
        assert window_opened, what


@pytest.mark.parametrize("seed", range(6))
def test_random_rows_through_every_command_and_the_window(
    seed, template, tmp_path, capsys, make_controller
):
    _case(seed, template, tmp_path, capsys, controller=make_controller)


@pytest.mark.slow
def test_two_thousand_random_rows_through_every_command(
    template, tmp_path, capsys, make_controller
):
    for seed in range(100, 2_100):
        # the window for one case in ten (each opening builds a whole window)
        _case(seed, template, tmp_path, capsys, make_controller if seed % 10 == 0 else None)
        shutil.rmtree(tmp_path / f"case{seed}", ignore_errors=True)
