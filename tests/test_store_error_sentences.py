"""The store's errors about a whole file say the same Chinese sentence as always (the CLI
prints ``str(exc)``; the sentences are written here by hand), and keep its template and
arguments, so that a window in another language can say it in its own."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.domain.messages import Message
from desktop.domain.model import Project
from desktop.store import exchange, open_repository
from desktop.store.errors import (
    DamagedFileError,
    LockedError,
    NotFoundError,
    NotOurFileError,
    ReadOnlyError,
    StoreError,
    translate_error,
)


def sentence(exc: pytest.ExceptionInfo) -> str:
    assert isinstance(exc.value.args[0], Message)
    return str(exc.value)


def test_opening(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 20)
    with pytest.raises(NotOurFileError) as exc:
        open_repository(notes)
    assert sentence(exc) == "“notes.db”不是绩效目标申报的数据文件（不是 SQLite 数据库）。"

    missing = tmp_path / "missing.db"
    with pytest.raises(NotFoundError) as exc:
        open_repository(missing, create=False)
    assert sentence(exc) == f"找不到数据文件“{missing}”。"
    with pytest.raises(ReadOnlyError) as exc:
        open_repository(missing, read_only=True)
    assert sentence(exc) == f"数据文件“{missing}”不存在，无法以只读方式打开。"
    gone = tmp_path / "stick" / "x.db"
    with pytest.raises(NotFoundError) as exc:
        open_repository(gone)
    assert sentence(exc) == (f"文件夹“{gone.parent}”不存在（是否 U 盘已拔出，或网络盘未连接？）。")

    trap = tmp_path / "trap.db"
    open_repository(trap).close()
    with sqlite3.connect(trap) as conn:
        conn.execute("CREATE TRIGGER t AFTER UPDATE ON meta BEGIN DELETE FROM projects; END")
    conn.close()
    with pytest.raises(NotOurFileError) as exc:
        open_repository(trap)
    assert sentence(exc) == "“trap.db”中有本程序从不创建的内容（trigger t），为安全起见拒绝打开。"

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(NotOurFileError) as exc:
        open_repository(other)
    assert sentence(exc) == "“other.db”不是绩效目标申报的数据文件（它属于其他程序）。"


def test_a_newer_file(tmp_path):
    path = tmp_path / "new.db"
    open_repository(path).close()
    with sqlite3.connect(path) as conn:
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        conn.execute(f"PRAGMA user_version = {version + 1}")
    conn.close()
    with pytest.raises(StoreError) as exc:
        open_repository(path)
    assert sentence(exc) == (
        f"“new.db”由更新版本的绩效目标申报创建（数据格式第 {version + 1} 版），"
        f"本程序只支持到第 {version} 版。请先升级本程序。"
    )


def test_receiving(tmp_path, monkeypatch):
    with pytest.raises(StoreError) as exc:
        exchange.read_untrusted(tmp_path / "gone.db")
    assert sentence(exc) == f"找不到文件“{tmp_path / 'gone.db'}”。"

    notes = tmp_path / "notes.db"
    notes.write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    with pytest.raises(NotOurFileError) as exc:
        exchange.read_untrusted(notes)
    assert sentence(exc) == "“notes.db”不是绩效目标申报的数据文件（不是 SQLite 数据库）。"

    many = tmp_path / "many.db"
    exchange.export_db([Project(name="A", year=2026), Project(name="B", year=2026)], many)
    monkeypatch.setattr(exchange, "MAX_PROJECTS", 1)
    with pytest.raises(NotOurFileError) as exc:
        exchange.read_untrusted(many)
    assert sentence(exc) == "“many.db”中的项目太多（2 个，上限 1 个）。"

    monkeypatch.setattr(exchange, "MAX_FILE_BYTES", 1024 * 1024)
    big = tmp_path / "big.db"
    big.write_bytes(b"\x00" * (3 * 1024 * 1024))
    with pytest.raises(NotOurFileError) as exc:
        exchange.read_untrusted(big)
    assert sentence(exc) == "“big.db”太大（3 MB，上限 1 MB），不像绩效目标申报的数据文件。"


@pytest.mark.parametrize(
    ("code", "kind", "said"),
    [
        (5, LockedError, "“x.db”正被其他程序占用，请稍后重试，或关闭正在使用它的程序。"),
        (13, StoreError, "磁盘空间不足，无法写入“x.db”，刚才的修改没有保存。"),
        (8, ReadOnlyError, "“x.db”不能写入（只读），刚才的修改没有保存。"),
        (10, StoreError, "无法读写“x.db”：U 盘是否已拔出，或文件所在位置是否可用？"),
        (11, DamagedFileError, "“x.db”已损坏（database disk image is malformed）。"),
    ],
)
def test_what_sqlite_said(tmp_path, code, kind, said):
    exc = sqlite3.DatabaseError(
        "database disk image is malformed" if code == 11 else "something went wrong"
    )
    exc.sqlite_errorcode = code
    err = translate_error(exc, tmp_path / "gone" / "x.db")
    assert type(err) is kind
    assert isinstance(err.args[0], Message)
    assert str(err) == said


def test_what_the_working_file_refuses(tmp_path):
    path = tmp_path / "work.db"
    project = Project(name="法律援助", year=2026)
    with open_repository(path) as repo:
        repo.add([project])
        with pytest.raises(NotFoundError) as exc:
            repo.get("00000000-0000-0000-0000-000000000000")
        assert sentence(exc) == "找不到项目 00000000-0000-0000-0000-000000000000。"
        with pytest.raises(StoreError) as exc:
            repo.purge(project.id)
        assert sentence(exc) == "只能彻底删除回收站中的项目。"
    with open_repository(path, read_only=True) as repo, pytest.raises(ReadOnlyError) as exc:
        repo.add([Project(name="另一个", year=2026)])
    assert sentence(exc) == "“work.db”以只读方式打开，不能修改。"
