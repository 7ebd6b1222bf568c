"""Windows realities, simulated where they cannot run here: portable mode, paths
with Chinese characters and spaces, a stick pulled out, a file locked by another program,
宋体 from ``%WINDIR%\\Fonts``, and the ``--self-test``."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

import desktop.store.repository as repository
from desktop.io.published_text import parse_published_text
from desktop.printing import render
from desktop.printing.fonts import candidate_fonts, load_chain
from desktop.resources import resource
from desktop.store import LockedError, backups, open_repository
from desktop.store.exchange import export_db, read_untrusted
from desktop.store.merge import apply_merge, plan_merge
from desktop.ui import paths
from desktop.ui.session import Session
from tests.conftest import ROOT, SAMPLE, copy_guides
from tests.ui_helpers import press, type_chinese


@pytest.fixture
def program_folder(tmp_path, monkeypatch):
    """A frozen program unpacked into a folder with Chinese characters and a space."""
    folder = tmp_path / "U盘 程序" / "绩效目标申报"
    folder.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "绩效目标申报.exe"))
    monkeypatch.delenv("JIXIAO_DATA_DIR", raising=False)
    return folder


def test_without_portable_ini_nothing_goes_into_the_program_folder(program_folder):
    assert paths.portable_dir() is None
    assert program_folder not in paths.data_dir().parents
    assert program_folder not in Path(paths.settings().fileName()).parents


def test_portable_ini_keeps_settings_data_and_backups_beside_the_program(
    program_folder, make_controller, qtbot
):
    (program_folder / "portable.ini").write_text("", encoding="utf-8")
    assert paths.portable_dir() == program_folder
    db = paths.default_db_path()
    assert db == program_folder / "data" / "绩效目标申报.db"
    assert backups.backup_dir(db).parent == program_folder / "data" / "backups"

    c = make_controller(db)
    c.load_sample()
    c.shutdown()
    # The settings went into portable.ini, the data into data/ — all on the stick.
    ini = (program_folder / "portable.ini").read_text(encoding="utf-8")
    assert "last_db" in ini
    with open_repository(db) as repo:
        assert repo.count() == 13
    # Reopening takes the day's backup inside the program folder too.
    c = make_controller(db)
    c.wait_for_checks()  # the day's backup is taken in the background
    assert list(backups.backup_dir(db).glob("*.db"))
    assert backups.backup_dir(db).is_relative_to(program_folder)


def test_chinese_and_spaces_in_every_path(tmp_path, sample_result):
    folder = tmp_path / "E盘 U 盘" / "司法局 2024 年"
    folder.mkdir(parents=True)
    mine = folder / "我的 申报 数据.db"
    with open_repository(mine) as repo:
        repo.add(sample_result.projects)
        export_db(list(repo.all_projects())[:3], folder / "发给 财政局.db")
        result = render(list(repo.all_projects())[:1], folder / "打印 稿.pdf")
    assert result.pages == 1 and (folder / "打印 稿.pdf").stat().st_size > 10_000
    theirs = folder / "对方 的 数据.db"
    with open_repository(theirs) as repo:
        plan = plan_merge(repo, read_untrusted(folder / "发给 财政局.db"))
        apply_merge(repo, plan)
        assert repo.count() == 3
    assert backups.backup_dir(mine).name.startswith("我的 申报 数据-")


def test_a_pulled_stick_gives_a_clear_message_not_a_traceback(
    make_controller, tmp_path, dialogs, expect_box
):
    expect_box("critical", "已拔出")
    c = make_controller(tmp_path / "本机.db")
    gone = tmp_path / "拔出的 U 盘" / "数据.db"  # like E:\数据.db after the stick is removed
    assert not c.open(gone)
    kind, text = dialogs[-1]
    assert kind == "critical" and "拔出的 U 盘" in text and "已拔出" in text
    assert c.window.path == tmp_path / "本机.db"  # still working on the file it had


def test_a_file_locked_by_another_program(tmp_path, monkeypatch, make_controller, dialogs, qtbot):
    monkeypatch.setattr(repository, "BUSY_TIMEOUT_S", 0.2)
    monkeypatch.setattr(Session, "RETRY_MS", 100)
    path = tmp_path / "共享 文件夹" / "数据.db"
    path.parent.mkdir()
    c = make_controller(path)
    c.load_sample()
    project = next(iter(c.session.repo.all_projects()))
    w = c.window
    w.select_project(project.id)

    def stored_name():
        with open_repository(path) as repo:
            return repo.get(project.id).name

    other = sqlite3.connect(path)
    other.execute("BEGIN EXCLUSIVE")  # another program (or a second copy) holds the file
    try:
        with pytest.raises(LockedError, match="占用"):
            c.session.repo.save(project.with_changes(name="改名"))
        # In the window: the edit stays on screen, marked as not yet written; no dialogs.
        w.editor.name.selectAll()
        type_chinese(w.editor.name, "锁住时的修改")
        press(w.editor.name)
        assert w.editor.name.text() == "锁住时的修改"
        assert w.held_banner.isVisibleTo(w) and "数据.db" in w.held_banner.text()
        assert "还没有写入" in w.held_banner.text()
        assert not dialogs
        # Closing now would lose it: the window asks (and stays when told No).
        monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
        assert not c.shutdown() and c.window is w
    finally:
        other.rollback()
        other.close()
    # Once the other program lets go, the edit is written by itself, as one undo step.
    qtbot.waitUntil(lambda: not w.held_banner.isVisibleTo(w), timeout=3000)
    assert stored_name() == "锁住时的修改"
    assert w.act_undo.text() == "撤销(&U) 修改项目名称"
    w.act_undo.trigger()
    assert stored_name() == project.name and w.editor.name.text() == project.name


def test_simsun_from_windir_fonts_is_the_printing_font(tmp_path, monkeypatch, sample_text):
    windir = tmp_path / "Windows"
    (windir / "Fonts").mkdir(parents=True)
    # Stand-in for 宋体: any TrueType CJK font at the path Windows keeps it.
    shutil.copy(resource("fonts", "uming-cn-gbk.ttf"), windir / "Fonts" / "simsun.ttc")
    monkeypatch.setenv("WINDIR", str(windir))
    chain = candidate_fonts()
    assert chain[0].name == "SimSun" and chain[0].path == windir / "Fonts" / "simsun.ttc"
    assert load_chain().names[:2] == ["SimSun", "ARPLUMingCN"]  # 宋体 first, then ours
    project = parse_published_text(sample_text).projects[0]
    out = tmp_path / "宋体.pdf"
    result = render([project], out)
    assert result.pages == 1 and not result.missing and b"/FontFile2" in out.read_bytes()

    monkeypatch.delenv("WINDIR")
    monkeypatch.delenv("SYSTEMROOT", raising=False)
    assert candidate_fonts()[0].name == "ARPLUMingCN"  # no Windows: the bundled font


def self_test(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )


def test_self_test_passes_and_says_so():
    proc = self_test()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("自检通过：13 个示例项目")


def test_self_test_fails_with_the_reason_when_the_font_is_missing(tmp_path):
    resources = tmp_path / "resources"
    shutil.copytree(SAMPLE.parent.parent, resources)
    for font in (resources / "fonts").glob("uming*"):
        font.unlink()
    proc = self_test(JIXIAO_RESOURCES=str(resources))
    assert proc.returncode == 1
    assert "自检失败（字体）" in proc.stdout


def test_self_test_fails_naming_the_english_user_guide_when_it_is_missing(tmp_path):
    """A bundle that ships only the Chinese guide: F1 in the English window would find nothing."""
    resources = tmp_path / "resources"
    shutil.copytree(SAMPLE.parent.parent, resources)
    copy_guides(tmp_path / "docs", ["zh_CN"])
    proc = self_test(JIXIAO_RESOURCES=str(resources))
    assert proc.returncode == 1
    assert "自检失败（使用说明）" in proc.stdout and "user-guide.en.md" in proc.stdout


def test_an_uncaught_error_is_shown_and_logged_not_lost(app_and_translators, dialogs, expect_box):
    expect_box("critical", "意外错误")
    from desktop.ui.app import _last_resort

    app, _ = app_and_translators
    try:
        raise ValueError("坏数据")
    except ValueError as exc:
        _last_resort(app)(ValueError, exc, exc.__traceback__)
    kind, text = dialogs[-1]
    assert kind == "critical" and "意外错误" in text and "坏数据" in text
    log = paths.data_dir() / "error.log"
    assert "ValueError: 坏数据" in log.read_text(encoding="utf-8")


def test_f1_opens_the_user_guide_with_its_pictures(make_controller, tmp_path, qtbot):
    c = make_controller(tmp_path / "帮助.db")
    w = c.window
    assert w.act_guide.shortcut().toString() == "F1"
    w.act_guide.trigger()
    guide = w._guide
    qtbot.waitExposed(guide)
    text = guide.browser.toPlainText()
    for chapter in ("第一次启动", "审核", "打印", "U 盘", "备份", "新电脑"):
        assert chapter in text, chapter
    # The screenshots it refers to are found and drawn (not broken-image boxes).
    doc = guide.browser.document()
    image = doc.resource(doc.ResourceType.ImageResource.value, "screenshots/1-basic.png")
    assert image is not None and not image.isNull()
    # …scaled to the dialog, so reading needs no sideways scrolling.
    assert guide.browser.horizontalScrollBar().maximum() == 0
