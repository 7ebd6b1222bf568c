"""Windows file realities: mapped drives and UNC paths, antivirus and sync tools
holding a file or its journal, files other programs have open, a stick seen under another
drive letter, the roaming profile, file names from project names, and the bundled font
under an English Windows. Where Windows behaviour cannot be produced here it is simulated
at a seam; the Windows job (.ci/windows) runs these on Windows CPython under Wine too."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.store import LockedError, backups, integrity_problem, open_repository, safefile
from desktop.store import repository as repository_module
from desktop.store.exchange import export_db
from desktop.store.safefile import FileInUseError, atomic_write, sqlite_uri
from desktop.ui import paths
from desktop.ui.session import Session
from tests.conftest import ROOT, SAMPLE, copy_guides
from tests.ui_helpers import press, type_chinese

WINDOWS_ONLY = pytest.mark.skipif(
    os.name != "nt", reason="Windows file sharing: POSIX lets a file be replaced while open"
)

# -- mapped drives and UNC paths ---------------------------------------------------------------


def test_sqlite_uris_for_drives_and_unc_paths():
    assert sqlite_uri(r"\\server\share\申报\数据 1.db", windows=True, mode="ro") == (
        "file:////server/share/%E7%94%B3%E6%8A%A5/%E6%95%B0%E6%8D%AE%201.db?mode=ro"
    )
    assert sqlite_uri(r"Z:\a#b?.db", windows=True, mode="ro") == "file:///Z:/a%23b%3F.db?mode=ro"
    assert sqlite_uri(r"\\?\UNC\server\share\x.db", windows=True) == "file:////server/share/x.db"
    assert sqlite_uri(r"\\?\C:\x.db", windows=True) == "file:///C:/x.db"


@pytest.fixture
def mapped_drive(monkeypatch):
    """``Path.resolve()`` as on a mapped drive: ``Z:\\…`` becomes ``\\\\server\\share\\…``,
    a place SQLite cannot open as a URI (simulated: the resolved path does not exist)."""
    real = Path.resolve

    def resolve(self, strict=False):
        if "网络盘" in str(self):
            return Path("/server-that-is-not-here/share") / self.name
        return real(self, strict=strict)

    monkeypatch.setattr(Path, "resolve", resolve)


def test_export_integrity_check_backups_and_restore_on_a_mapped_drive(
    tmp_path, sample_result, mapped_drive
):
    drive = tmp_path / "网络盘"
    drive.mkdir()
    db = drive / "数据 #1.db"
    with open_repository(db) as repo:
        repo.add(sample_result.projects[:3])
        # export reopens the written file read-only to check it before reporting success
        assert export_db(repo.all_projects(), drive / "交换.db") == 3
    with open_repository(drive / "交换.db", read_only=True) as copy:
        assert copy.count() == 3
    assert integrity_problem(db) is None
    db.write_bytes(db.read_bytes()[:4096] + b"\xff" * 4096 + db.read_bytes()[8192:])
    assert integrity_problem(db)  # the check really ran (it used to be skipped silently)
    backup_of = drive / "备份测试.db"
    with open_repository(backup_of) as repo:
        repo.add(sample_result.projects[:1])
    taken = backups.take_file(backup_of, "daily")
    backups.restore(backups.Backup(taken, backups.datetime.now(), "daily"), backup_of)
    with open_repository(backup_of, read_only=True) as repo:
        assert repo.count() == 1


def test_the_daily_backup_thread_survives_sqlite_errors(tmp_path, sample_result, monkeypatch):
    from desktop.ui.app import background_checks

    db = tmp_path / "数据.db"
    with open_repository(db) as repo:
        repo.add(sample_result.projects[:1])

    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("invalid uri authority: server")

    monkeypatch.setattr(backups, "take_file", refuse)
    assert background_checks(db, daily_backup=True) == ""  # no backup today; no dead thread


# -- antivirus, sync and backup tools holding the file ------------------------------------------


def _error(code: int, text: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code
    return exc


def test_io_errors_on_a_file_that_is_still_there_are_a_lock(tmp_path):
    translate = repository_module.translate_error
    there = tmp_path / "数据.db"
    there.write_bytes(b"")
    for code, text in (
        (2570, "disk I/O error"),  # SQLITE_IOERR_DELETE: the journal could not be deleted
        (3850, "disk I/O error"),  # SQLITE_IOERR_LOCK
        (14, "unable to open database file"),  # SQLITE_CANTOPEN: the journal is held
        (5, "database is locked"),
    ):
        assert isinstance(translate(_error(code, text), there), LockedError), code
    gone = tmp_path / "拔出的 U 盘" / "数据.db"
    for code in (2570, 14):
        err = translate(_error(code, "disk I/O error"), gone)
        assert not isinstance(err, LockedError) and "拔出" in str(err)
    assert "磁盘空间不足" in str(translate(_error(13, "database or disk is full"), there))


def test_an_edit_waits_while_an_antivirus_holds_the_journal(
    tmp_path, monkeypatch, make_controller, dialogs, qtbot
):
    """A scanner or sync tool holding ``数据.db-journal`` (here: something SQLite cannot
    use in its place) makes SQLite report "disk I/O error". The edit is held on screen and
    written when the file is free — not dropped as if the stick had been pulled."""
    monkeypatch.setattr(Session, "RETRY_MS", 100)
    path = tmp_path / "共享 文件夹" / "数据.db"
    path.parent.mkdir()
    c = make_controller(path)
    c.load_sample()
    project = next(iter(c.session.repo.all_projects()))
    w = c.window
    w.select_project(project.id)
    journal = Path(f"{path}-journal")
    journal.mkdir()
    try:
        w.editor.name.selectAll()
        type_chinese(w.editor.name, "扫描时的修改")
        press(w.editor.name)
        assert w.editor.name.text() == "扫描时的修改"
        assert w.held_banner.isVisibleTo(w) and "还没有写入" in w.held_banner.text()
        assert not dialogs  # no "U 盘是否已拔出"
    finally:
        journal.rmdir()
    qtbot.waitUntil(lambda: not w.held_banner.isVisibleTo(w), timeout=5000)
    with open_repository(path, read_only=True) as repo:
        assert repo.get(project.id).name == "扫描时的修改"


# -- replacing a file another program has open ---------------------------------------------------


def _sharing_violation(*args, **kwargs):
    exc = PermissionError(errno.EACCES, "The process cannot access the file")
    exc.winerror = 32
    raise exc


def test_replacing_a_file_in_use_is_retried_then_asks_to_close_the_program(tmp_path, monkeypatch):
    target = tmp_path / "汇总.xlsx"
    real = os.replace
    refusals = iter(range(3))

    def busy_for_a_moment(src, dst):
        if next(refusals, None) is not None:
            _sharing_violation()
        real(src, dst)

    monkeypatch.setattr(safefile.os, "replace", busy_for_a_moment)
    atomic_write(target, lambda fh: fh.write(b"new"))
    assert target.read_bytes() == b"new"

    monkeypatch.setattr(safefile.os, "replace", _sharing_violation)
    started = time.monotonic()
    with pytest.raises(FileInUseError) as caught:
        atomic_write(target, lambda fh: fh.write(b"newer"))
    assert 0.9 < time.monotonic() - started < 3
    assert "请关闭正在使用该文件的程序" in caught.value.strerror
    assert isinstance(caught.value, OSError)  # every caller reports OSErrors already
    assert target.read_bytes() == b"new" and len(list(tmp_path.iterdir())) == 1  # no .tmp


@WINDOWS_ONLY
def test_replacing_a_file_another_program_has_open_on_windows(tmp_path):
    target = tmp_path / "申报表.pdf"
    target.write_bytes(b"old")
    held = open(target, "rb")  # noqa: SIM115  (a reader without delete sharing, like Acrobat)
    threading.Timer(0.3, held.close).start()
    atomic_write(target, lambda fh: fh.write(b"new"))  # waits for it to let go
    assert target.read_bytes() == b"new"
    with open(target, "rb"), pytest.raises(FileInUseError, match="请关闭正在使用该文件的程序"):
        atomic_write(target, lambda fh: fh.write(b"newer"))


def test_thinning_is_best_effort(tmp_path, sample_result, monkeypatch):
    db = tmp_path / "数据.db"
    with open_repository(db) as repo:
        repo.add(sample_result.projects[:1])
        start = backups.datetime(2026, 1, 1, 9)
        for day in range(40):  # enough days and weeks for thinning to delete old ones
            backups.take(repo.conn, db, "daily", now=start + backups.timedelta(days=day))
        before = backups.list_backups(db)
        held = before[0].path.with_name("20250101-090000-daily.db")  # a year old: to go
        shutil.copyfile(before[0].path, held)  # … but a scanner holds it
        real_unlink = Path.unlink

        def scanned(self, missing_ok=False):
            if self == held:
                raise PermissionError(errno.EACCES, "in use", str(self))
            real_unlink(self, missing_ok=missing_ok)

        monkeypatch.setattr(Path, "unlink", scanned)
        taken = backups.take(repo.conn, db, "merge", now=start + backups.timedelta(days=40))
    after = [b.path for b in backups.list_backups(db)]
    assert taken in after and held in after  # left for next time, and no error
    assert {b.path for b in before} - set(after)  # others were thinned


# -- where things live ------------------------------------------------------------------------


def test_the_same_stick_under_another_drive_letter_keeps_its_backups(tmp_path, sample_result):
    e = tmp_path / "E" / "数据.db"
    e.parent.mkdir()
    with open_repository(e) as repo:
        repo.add(sample_result.projects[:1])
        backups.take(repo.conn, e, "daily")
    f = tmp_path / "F" / "数据.db"  # the same stick, next day, as F:
    shutil.move(e.parent, f.parent)
    assert [b.reason for b in backups.list_backups(f)] == ["daily"]
    renamed = f.with_name("改名的数据.db")
    f.rename(renamed)
    assert [b.reason for b in backups.list_backups(renamed)] == ["daily"]
    # An exported file is another file: its own id, its own backups.
    with open_repository(renamed) as repo:
        export_db(repo.all_projects(), tmp_path / "导出.db")
    with open_repository(tmp_path / "导出.db"):
        pass
    assert backups.list_backups(tmp_path / "导出.db") == []


def test_data_and_backups_live_in_local_appdata_not_the_roaming_profile(tmp_path, monkeypatch):
    monkeypatch.delenv("JIXIAO_DATA_DIR")
    monkeypatch.setattr(backups, "_WINDOWS", True)
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setattr("desktop.resources.portable_dir", lambda: None)
    assert paths.data_dir() == tmp_path / "Local" / "jixiao" / "绩效目标申报"
    assert backups.backup_dir(tmp_path / "x.db").is_relative_to(tmp_path / "Local")


def test_file_names_made_from_project_names_are_safe_on_windows():
    name = paths.safe_file_name("2024/2025 法律援助\\案件: 办理*?")
    assert name == "2024_2025 法律援助_案件_ 办理_"
    assert paths.safe_file_name('"a" <b> |c|') == "_a_ _b_ _c_"
    assert paths.safe_file_name("CON") == "_CON" and paths.safe_file_name("nul.txt") == "_nul.txt"
    assert paths.safe_file_name("项目. ") == "项目"
    assert paths.safe_file_name("///") == "_" and paths.safe_file_name("  ") == "申报表"


def test_file_dialogs_start_in_documents_then_in_the_last_folder(tmp_path, qapp):
    paths.settings().remove("last_dir")
    start = Path(paths.dialog_path("司法/调解.pdf"))
    assert start.parent == paths.documents_dir() and start.name == "司法_调解.pdf"
    assert paths.data_dir() not in start.parents
    paths.remember_dialog_path(str(tmp_path / "导出的" / "x.pdf"))
    assert Path(paths.dialog_path()) == paths.documents_dir()  # that folder does not exist
    paths.remember_dialog_path(str(tmp_path / "x.pdf"))
    assert Path(paths.dialog_path("y.pdf")) == tmp_path / "y.pdf"
    paths.settings().remove("last_dir")


# -- the bundled font under an English Windows ------------------------------------------------


def test_the_bundled_font_is_loaded_without_qt_opening_its_file(app_and_translators, monkeypatch):
    """An English Windows (code page 1252): Qt's offscreen font database cannot open a
    file under the bundle's Chinese-named folder. The font is handed to Qt as bytes."""
    from PySide6.QtGui import QFontDatabase

    from desktop.ui.app import register_fonts

    app, _ = app_and_translators
    monkeypatch.setattr(QFontDatabase, "addApplicationFont", lambda path: -1)
    assert register_fonts(app) == "AR PL UMing CN"


def test_self_test_with_the_resources_in_a_chinese_named_folder(tmp_path):
    """Like the bundle's folder 绩效目标申报 (run under Wine as an English Windows too)."""
    resources = tmp_path / "绩效 目标" / "resources"
    shutil.copytree(SAMPLE.parent.parent, resources)
    copy_guides(resources.parent / "docs")  # the user guides beside it, as in the bundle
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        cwd=ROOT,
        capture_output=True,
        timeout=300,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "JIXIAO_RESOURCES": str(resources),
            "PYTHONIOENCODING": "utf-8",
        },
    )
    out = proc.stdout.decode("utf-8", "replace")
    assert proc.returncode == 0, out + proc.stderr.decode("utf-8", "replace")
    assert "自检通过" in out


# -- a fresh Linux machine --------------------------------------------------------------------


def test_a_missing_xcb_library_is_one_clear_line_not_an_abort(monkeypatch, capsys):
    """Qt aborts (exit 134) without libxcb-cursor0; the program names the packages first."""
    from desktop import cli, system_libs

    monkeypatch.setattr(system_libs.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(system_libs, "_loadable", lambda lib: lib != "libxcb-cursor.so.0")
    started = []
    monkeypatch.setattr("desktop.ui.app.run_gui", lambda db: started.append(db) or 0)
    assert cli.main([]) == 2
    err = capsys.readouterr().err.strip()
    assert not started and len(err.splitlines()) == 1
    assert "sudo apt-get install libxcb-cursor0" in err
    monkeypatch.setattr(system_libs, "_loadable", lambda lib: True)
    assert cli.main([]) == 0 and started == [None]  # all there: the window starts


def test_export_pdf_of_a_project_named_with_slashes(make_controller, tmp_path, monkeypatch):
    """The suggested file name came from the project name beside the (hidden) database:
    a name with / or \\ raised ValueError; now it is made safe, in Documents."""
    from PySide6.QtWidgets import QFileDialog

    paths.settings().remove("last_dir")
    c = make_controller(tmp_path / "数据.db")
    c.load_sample()
    w = c.window
    project = next(iter(c.session.repo.all_projects()))
    c.session.repo.save(project.with_changes(name="2024/司法\\调解"))
    w.reload()
    w.select_project(project.id)
    asked = []

    def save_as(parent, title, suggested, *rest, **kw):
        asked.append(suggested)
        return str(tmp_path / "导出的.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    w.act_export_pdf.trigger()
    assert Path(asked[0]) == paths.documents_dir() / "2024_司法_调解.pdf"
    assert (tmp_path / "导出的.pdf").stat().st_size > 10_000
    assert paths.dialog_path() == str(tmp_path)  # next time: the folder just used
    paths.settings().remove("last_dir")
