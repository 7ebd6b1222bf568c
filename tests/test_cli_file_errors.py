"""What the file system refuses is one line in the clerk's language with exit status 2: a
full disk, a read-only disk, a name too long for the file system (counting the longest file
written beside the target), no permission — and inputs that are not regular files (a named
pipe, a device behind a link) are refused by their type before anything is read."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.io.files import load_file
from desktop.store import open_repository
from desktop.store.safefile import (
    SIDE_NAME_EXTRA,
    WINDOWS_MAX_PATH,
    describe_os_error,
    name_limit,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "2024-putuo-justice-bureau.txt"
posix_only = pytest.mark.skipif(os.name != "posix", reason="named pipes and /dev/zero")


@pytest.fixture(scope="module")
def working_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("work") / "w.db"
    with open_repository(db) as repo:
        repo.add(load_file(SAMPLE).projects)
    return db


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("错误："), lines
    return lines[0]


@posix_only
@pytest.mark.parametrize("command", ["import", "merge"])
@pytest.mark.parametrize("kind", ["pipe", "device"])
def test_an_input_that_is_not_a_regular_file_is_refused_by_its_type(
    tmp_path, working_db, capsys, command, kind
):
    source = tmp_path / ("in.json" if command == "import" else "in.db")
    if kind == "pipe":
        os.mkfifo(source)  # opening it to read would wait for a writer forever
    else:
        source.symlink_to("/dev/zero")  # reading it would never end
    local = tmp_path / "local.db"
    shutil.copyfile(working_db, local)
    before = local.read_bytes()
    assert main([command, str(source), "--db", str(local)]) == 2
    line = _one_line(capsys)
    assert source.name in line and "不是普通文件" in line
    assert local.read_bytes() == before


@posix_only
def test_a_working_db_that_is_a_pipe_is_refused(tmp_path, capsys):
    pipe = tmp_path / "w.db"
    os.mkfifo(pipe)
    assert main(["list", "--db", str(pipe)]) == 2
    assert "w.db" in _one_line(capsys)


def test_a_name_whose_journal_the_file_system_would_not_take_is_refused_first(
    tmp_path, working_db, capsys
):
    room = name_limit(tmp_path) - SIDE_NAME_EXTRA  # the longest name whose side files fit
    fits = "项" * ((room - 3) // 3) + ".db"  # 3 bytes a character in UTF-8
    too_long = "项" * ((room - 3) // 3 + 1) + ".db"
    if os.name == "nt":  # characters, and the whole path within MAX_PATH (SQLite's limit)
        room = min(room, WINDOWS_MAX_PATH - len(os.path.abspath(tmp_path)) - 1 - SIDE_NAME_EXTRA)
        # (Latin letters: Wine keeps the name in UTF-8 on a Linux disk, 3 bytes a 项)
        fits, too_long = "a" * (room - 3) + ".db", "a" * (room - 2) + ".db"
    assert main(["export", str(tmp_path / too_long), "--db", str(working_db)]) == 2
    line = _one_line(capsys)
    assert "太长" in line and "请用短一些的名字" in line
    assert list(tmp_path.iterdir()) == []
    for suffix in (".db", ".json", ".xlsx"):
        name = fits[: -len(".db")] + suffix
        if suffix != ".db" and len(os.fsencode(name)) > room:
            continue
        assert main(["export", str(tmp_path / name), "--db", str(working_db)]) == 0
        capsys.readouterr()
        assert (tmp_path / name).is_file()


@pytest.mark.parametrize(
    "code",
    [
        errno.ENOSPC,
        errno.EROFS,
        errno.EACCES,
        errno.EPERM,
        errno.ENAMETOOLONG,
        errno.ENOENT,
        errno.EIO,
        errno.EFBIG,
        errno.EISDIR,
        errno.EINVAL,
        errno.ENOTDIR,
        errno.EXDEV,  # one without its own sentence
    ],
)
def test_every_os_error_is_said_in_chinese_naming_the_file(code):
    exc = OSError(code, os.strerror(code), "/某处/报表.xlsx")
    text = describe_os_error(exc)
    assert "报表.xlsx" in text
    english = os.strerror(code)
    assert english not in text
    # no words of the system's language: only the file's name, numbers, U 盘, FAT32, GB
    rest = text.replace("报表.xlsx", "")
    for word in ("U 盘", "FAT32", "GB"):
        rest = rest.replace(word, "")
    assert not any(c.isascii() and c.isalpha() for c in rest), text


# -- a real full and a real read-only disk (a small tmpfs; needs root) ----------------------


def _mount_tmpfs(where: Path, size: str) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "300k"):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, env=env
    )


def test_a_full_disk_is_one_line_and_leaves_nothing_behind(small_disk, working_db):
    (small_disk / "filler").write_bytes(b"\0" * (256 * 1024))
    for name in ("x.db", "x.xlsx", "x.json"):
        done = _run("export", str(small_disk / name), "--db", str(working_db))
        assert done.returncode == 2, (name, done.stdout, done.stderr)
        assert done.stderr.strip() == f"错误：磁盘空间不足，无法写入“{name}”，未做任何修改。"
    done = _run("print", "--all", "--out", str(small_disk / "p.pdf"), "--db", str(working_db))
    assert done.returncode == 2 and "磁盘空间不足" in done.stderr and "p.pdf" in done.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_a_read_only_disk_is_one_line(small_disk, working_db):
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    for name in ("x.db", "x.xlsx", "x.json"):
        done = _run("export", str(small_disk / name), "--db", str(working_db))
        assert done.returncode == 2
        said = done.stderr.strip()
        assert said == f"错误：“{name}”所在的磁盘是只读的（例如写保护的 U 盘），无法写入。"
