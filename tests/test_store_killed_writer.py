"""A pulled plug: a child process exporting or merging is killed (SIGKILL) at random moments.

Afterwards the local database passes integrity_check, holds either none or all of a merge,
and the export target is absent or complete. The quick run kills a few times; the slow run
(``pytest -m slow``) kills a hundred times each.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted
from tests.conftest import ROOT
from tests.ui_helpers import generated_projects

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")

CHILD = """
import sys
sys.path.insert(0, {root!r})
from desktop.store import open_repository
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import apply_merge, plan_merge
kind, source, target = sys.argv[1:4]
print("ready", flush=True)
if kind == "export":
    with open_repository(source, read_only=True) as repo:
        export_db(repo.all_projects(), target)
else:
    incoming = read_untrusted(source)
    with open_repository(target) as repo:
        apply_merge(repo, plan_merge(repo, incoming))
print("done", flush=True)
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kill")
    source = folder / "source.db"
    with open_repository(source) as repo:
        repo.add(generated_projects(400, seed=3))
        export_db(repo.all_projects(), folder / "incoming.db")
    local = folder / "local.db"
    with open_repository(local) as repo:
        repo.add(generated_projects(50, seed=4))
    return folder, source, folder / "incoming.db", local


def _run_and_kill(kind: str, source: Path, target: Path, delay: float) -> bool:
    """Start the child, kill it after ``delay`` seconds; True if it finished first."""
    env = {**os.environ, "JIXIAO_DATA_DIR": str(target.parent / "data")}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(root=str(ROOT)), kind, str(source), str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdout.readline().strip() == b"ready"
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(timeout=delay)
    finished = child.poll() is not None
    if not finished:
        child.send_signal(signal.SIGKILL)
    child.wait()
    if finished:
        assert child.returncode == 0, child.stderr.read().decode()
    return finished


def _duration(kind, source, target) -> float:
    t0 = time.perf_counter()
    _run_and_kill(kind, source, target, 30)
    return time.perf_counter() - t0


def _check_export(target: Path, expected: int) -> None:
    if not target.exists():
        return
    with open_repository(target, create=False, read_only=True) as repo:
        assert repo.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert repo.count_all() == expected


def _check_local(local: Path, before: int, after: int) -> int:
    conn = sqlite3.connect(local)  # rolls back a hot journal left by the killed child
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
        assert count in (before, after), count  # all of the merge or none of it
        broken = conn.execute(
            "SELECT count(*) FROM projects p WHERE indicator_count != "
            "(SELECT count(*) FROM indicators i WHERE i.project_id = p.id)"
        ).fetchone()[0]
        assert broken == 0  # no half-written project
        return count
    finally:
        conn.close()


def _kill_runs(world, runs: int, rng: random.Random) -> None:
    folder, source, incoming, local = world
    export_target = folder / "stick.db"
    export_time = _duration("export", source, export_target)
    _check_export(export_target, 400)
    finished = 0
    for _ in range(runs):
        if export_target.exists() and rng.random() < 0.5:
            export_target.unlink()
        finished += _run_and_kill(
            "export", source, export_target, rng.uniform(0, export_time * 1.2)
        )
        _check_export(export_target, 400)
    merge_local = folder / "merge-local.db"
    merge_local.write_bytes(local.read_bytes())
    before = _check_local(merge_local, 50, 50)
    merge_time = _duration("merge", incoming, merge_local)
    for _ in range(runs):
        merge_local.write_bytes(local.read_bytes())
        for side in ("-journal", "-wal"):
            Path(f"{merge_local}{side}").unlink(missing_ok=True)
        _run_and_kill("merge", incoming, merge_local, rng.uniform(0, merge_time * 1.2))
        _check_local(merge_local, before, before + 400)
    assert read_untrusted(incoming).projects  # the incoming file is still intact
    assert 0 <= finished <= runs


def test_killed_export_or_merge_loses_nothing(world):
    _kill_runs(world, 6, random.Random(1))


@pytest.mark.slow
def test_killed_a_hundred_times(world):
    _kill_runs(world, 100, random.Random(2))
