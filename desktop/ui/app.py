"""Start-up: fonts, translations, the database, the main window."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME
from desktop.domain.messages import Message
from desktop.store import (
    StoreError,
    backups,
    integrity_problem,
    open_repository,
    screened_problems,
)
from desktop.store.errors import DamagedFileError
from desktop.store.listing import refused
from desktop.ui.audit_text import error_text
from desktop.ui.commands import AddProjectsCommand, retranslate, undo_text
from desktop.ui.errorlog import error_log_path, error_logger
from desktop.ui.file_dialogs import FileDialogFitter
from desktop.ui.keyboard_aids import ApplicationFilters, FocusRing, MnemonicGuard
from desktop.ui.main_window import MainWindow
from desktop.ui.paths import app_name, default_db_path, resource, sample_path, settings
from desktop.ui.session import Session

FONT_FILE = ("fonts", "uming-cn-gbk.ttf")
MAX_RECENT = 8


def register_fonts(app: QApplication) -> str | None:
    """Make the bundled Chinese font available and a fallback of the UI font, so a machine
    without Chinese fonts shows text instead of boxes. Returns its family name.

    Qt opens font files through the ANSI code page in places (the offscreen platform's font
    database), so on an English Windows (code page 1252) a file under a Chinese-named folder
    such as the bundle's 绩效目标申报 cannot be opened by Qt: there the font is read by Python
    and handed to Qt as bytes (always on Windows). Elsewhere Qt opens the file itself, 4×
    faster at start-up."""
    path = resource(*FONT_FILE)
    font_id = -1
    if os.name != "nt":
        font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
    if font_id < 0:
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(app.font())
    families = font.families() or [font.family()]
    if family not in families:
        font.setFamilies([*families, family])
        app.setFont(font)
    return family


class Translators:
    """Our strings and Qt's own dialogs, in the chosen language (Chinese is the source)."""

    def __init__(self, app: QApplication):
        self.app = app
        self.installed: list[QTranslator] = []

    def use(self, language: str) -> bool:
        for t in self.installed:
            self.app.removeTranslator(t)
        self.installed = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        wanted = []
        if language.startswith("zh"):
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
            wanted.append(("qtbase_zh_CN", [qt_dir, str(resource("translations"))]))
            # what qtbase_zh_CN lacks (the file dialog's “Look in:”, “Files of type:”)
            wanted.append(("qt_extra_zh_CN", [str(resource("translations"))]))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            wanted.append(("jixiao_en", [str(resource("translations"))]))
            # Qt's own dialogs (file dialogs, message box buttons) in English too
            wanted.append(("qtbase_en", [qt_dir, str(resource("translations"))]))
        ok = True
        for name, folders in wanted:
            translator = QTranslator(self.app)
            if any(translator.load(name, folder) for folder in folders):
                self.app.installTranslator(translator)
                self.installed.append(translator)
            else:
                ok = False
        return ok


_BACKUP_LOCK = threading.Lock()


def background_checks(path: Path, daily_backup: bool) -> str:
    """Run in a worker thread after a database is shown: the whole-file integrity check,
    then (if the file is sound) the day's first backup — each on its own connection.
    Returns the problem to report, or ""."""
    problem = integrity_problem(path)
    if problem:
        return problem  # never back up a damaged file: it would push out good backups
    if daily_backup:
        with _BACKUP_LOCK:  # two windows on one file take one backup
            try:
                if not backups.taken_today(path):
                    # the copy passes integrity_check (once a day, the full check) and the
                    # row screen before it is kept
                    backups.take_file(path, "daily")
            except DamagedFileError as exc:
                if "已损坏" in str(exc):
                    return exc.args[0]  # found by the full check: shown, read-only
            except (OSError, sqlite3.Error, StoreError):
                pass  # no backup today (full disk, a file SQLite cannot reach…); work goes on
    return ""


class Controller(QObject):
    """Owns the open database and its window; switches databases and languages."""

    #: the background checks of a database finished: which opening, the problem found or ""
    checked = Signal(int, object)
    #: the scan for rows that cannot be read finished: which opening, ``{id: problem}``
    screened = Signal(int, object)

    def __init__(self, app: QApplication, translators: Translators):
        super().__init__(app)
        self.app = app
        self.translators = translators
        self.session: Session | None = None
        self.window: MainWindow | None = None
        self._worker: threading.Thread | None = None
        self._opening = 0  # counts openings, so a late result cannot hit a newer one
        self._needing_repair: dict = {}  # the screen's finding, shown again in a new window
        self.checked.connect(self._on_checked)
        self.screened.connect(self._on_screened)

    def open(
        self,
        path: str | Path,
        *,
        create: bool = False,
        read_only: bool = False,
        damaged: str = "",
    ) -> bool:
        """Open (or, with ``create``, make) a database and show it. Never deletes a file.

        The window comes first; the file's integrity check and the day's backup follow in
        the background (``checked``), so a big file on an old PC opens at once. A damaged
        file (``damaged``: what is wrong) is shown read-only with a banner offering 从备份恢复;
        one that cannot even be read offers the backups instead of a window."""
        path = Path(path)
        if create and path.exists():
            QMessageBox.warning(
                self.window,
                app_name(),
                self.app.translate(
                    "Controller", "“{0}”已存在。请换一个文件名，或用“打开”打开它。"
                ).format(path.name),
            )
            return False
        try:
            repo = open_repository(path, create=True, read_only=read_only, check=False)
        except DamagedFileError as exc:
            return self._open_damaged(path, exc.args[0] if exc.args else str(exc), read_only)
        except StoreError as exc:
            QMessageBox.critical(
                self.window,
                app_name(),
                self.app.translate("Controller", "无法打开数据文件：\n{0}").format(error_text(exc)),
            )
            return False
        if not self.shutdown():
            repo.close()
            return False
        self._opening += 1  # results of checks on the previous file no longer apply
        self._needing_repair = {}
        self.session = Session(repo)
        self.session.quarantineChanged.connect(self._on_quarantine)
        self._remember(path)
        self._show_window()
        if damaged:
            self.window.show_damaged(damaged)
        # the rows SQLite can tell are bad are named when the scan in the background ends
        self._start_checks(repo, screen=not damaged)
        return True

    def _open_damaged(self, path: Path, problem: str, read_only: bool) -> bool:
        """A damaged file: read-only if it can still be read, else offer its backups."""
        if not read_only:
            try:
                open_repository(path, create=False, read_only=True, check=False).close()
            except StoreError:
                pass
            else:
                return self.open(path, read_only=True, damaged=problem)
        found = _backups_of_unreadable(path)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(app_name())
        box.setText(
            self.app.translate("Controller", "无法打开数据文件：\n{0}").format(error_text(problem))
            + (
                "\n\n"
                + self.app.translate(
                    "Controller", "可以从程序自动保存的备份恢复（当前文件会先另存）。"
                )
                if found
                else ""
            )
        )
        restore = None
        if found:
            restore = box.addButton(
                self.app.translate("Controller", "从备份恢复(&R)…"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if restore is None or box.clickedButton() is not restore:
            return False
        return self._restore_unreadable(path, found)

    def _restore_unreadable(self, path: Path, found) -> bool:
        """Restore a backup over a file that cannot be opened; the damaged file is kept
        beside it (``x.db.damaged-<time>``), never deleted."""
        import shutil

        kept = path.with_name(f"{path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
        restored = self._pick_and_restore(
            path, found, after_shutdown=lambda: shutil.copyfile(path, kept)
        )
        return bool(restored) and self.open(path)

    def _pick_and_restore(self, path: Path, found, *, before=None, after_shutdown=None):
        """Let the clerk pick one of ``found`` and put it in place of ``path``: ``before``
        runs while the database is still open, ``after_shutdown`` once it is closed. None
        when cancelled, False when it failed (the clerk was told why), True when restored."""
        from desktop.ui.version_dialogs import BackupDialog

        dialog = BackupDialog(self.window, found)
        if dialog.exec() != BackupDialog.DialogCode.Accepted or dialog.chosen is None:
            return None
        try:
            if before is not None:
                before()
            if not self.shutdown():
                return None
            if after_shutdown is not None:
                after_shutdown()
            backups.restore(dialog.chosen, path)
        except (OSError, StoreError) as exc:
            QMessageBox.critical(
                self.window,
                app_name(),
                self.app.translate("Controller", "无法恢复备份：{0}").format(error_text(exc)),
            )
            return False
        return True

    def _start_checks(self, repo, *, screen: bool) -> None:
        """In a worker thread: the scan for rows that cannot be read (``screened``, if
        ``screen``), then for a writable file the integrity check and backup (``checked``)."""
        writable = not repo.read_only
        daily = writable and repo.count_all() > 0
        path = repo.path
        opening = self._opening

        def work() -> None:
            # a fault in one check is written to error.log (a windowed program has no
            # stderr) and the next check still runs
            if screen:
                with _logged_fault("screen"):
                    self.screened.emit(opening, screened_problems(path))
            if writable:
                with _logged_fault("integrity check and backup"):
                    self.checked.emit(opening, background_checks(path, daily))

        self._worker = threading.Thread(target=work, name="jixiao-checks", daemon=True)
        self._worker.start()

    def wait_for_checks(self) -> None:
        """Let the background checks finish (before closing, and in tests)."""
        if self._worker is not None:
            self._worker.join()
            self._worker = None
        self.app.processEvents()

    def _on_screened(self, opening: int, found: dict) -> None:
        if self.session is None or opening != self._opening or self.window is None:
            return
        self._needing_repair = {**found, **refused(self.session.repo)}
        self.window.show_needing_repair(self._needing_repair)

    def _on_quarantine(self, keys: list, moved: bool) -> None:
        """Projects needing repair moved out of the way (or put back): the list and the
        banner at once, then the file screened again and, now that no bad rows hold it
        up, the day's backup (``background_checks``)."""
        if self.session is None or self.window is None:
            return
        if moved:
            left = {k: v for k, v in self._needing_repair.items() if k not in keys}
            self._needing_repair = left
            self.window.show_needing_repair(left)
        if self._worker is not None:
            self._worker.join()
            self._worker = None
        self._start_checks(self.session.repo, screen=True)

    def _on_checked(self, opening: int, problem: str) -> None:
        if not problem or self.session is None or opening != self._opening:
            return
        path = self.session.repo.path
        QMessageBox.critical(
            self.window,
            app_name(),
            self.app.translate(
                "Controller",
                "{0}\n\n为避免进一步损坏，文件改为只读打开：可以查看、打印和导出，不能修改。"
                "请用“文件 › 恢复备份…”恢复最近的备份。",
            ).format(error_text(problem)),
        )
        self.open(path, read_only=True, damaged=problem)

    def restore_backup(self) -> None:
        """Let the clerk pick a backup and put it in place of the open database."""
        repo = self.session.repo
        path = repo.path
        current = self.window.current_id() if self.window is not None else None
        restored = self._pick_and_restore(
            path,
            backups.list_backups(path),
            before=lambda: repo.backup("restore"),  # today's state first
        )
        if restored is not None and self.open(path) and current and self.window is not None:
            # the same project, if the backup has it, with the keyboard in the editor
            self.window.select_project(current)
            if self.window.editor.project is not None and self.window.current_id() == current:
                self.window.go_to_pane(1)

    def _show_window(self) -> None:
        filters = ApplicationFilters.of(self.app)
        filters.pause()  # nothing for them to do until the window is on screen
        try:
            window = MainWindow(self.session)
            window.model.set_published(published_samples(self.session.repo))
            window.openRequested.connect(lambda p: self.open(p))
            window.newRequested.connect(lambda p: self.open(p, create=True))
            window.languageChanged.connect(self.set_language)
            window.restoreRequested.connect(self.restore_backup)
            self.window = window
            window.show()
        finally:  # after the first paint: timers come after the window system's events
            QTimer.singleShot(0, filters.resume)

    def shutdown(self) -> bool:
        """Close the window, then the database (in that order). False if the clerk chose
        to keep the window (an edit still waits for a locked file)."""
        if self._worker is not None:
            self._worker.join()
            self._worker = None
        if self.window is not None:
            self.window.editor.flush()
            if not self.window.close():
                return False
            self.window.disconnect_session()
            self.window = None
        if self.session is not None:
            self.session.close()
            self.session = None
        return True

    def set_language(self, language: str) -> None:
        self.translators.use(language)
        if self.session is not None:  # the steps made so far, in the new language too
            retranslate(self.session.undo_stack)
        old = self.window
        current = old.current_id() if old else None
        if old is not None:
            old.editor.flush()
            old.closing_for_good = False  # the session (and any waiting edit) carries on
            old.close()
            old.disconnect_session()
            old.deleteLater()
        self._show_window()
        if self._needing_repair:  # the file was screened once; the new window shows it too
            self.window.show_needing_repair(self._needing_repair)
        if current:
            self.window.select_project(current)

    def _remember(self, path: Path) -> None:
        s = settings()
        recent = [p for p in (s.value("recent", []) or []) if p != str(path)]
        s.setValue("recent", [str(path), *recent][:MAX_RECENT])
        s.setValue("last_db", str(path))

    def offer_sample(self) -> None:
        """On a first start with an empty database, offer the 13 published 2024 forms."""
        s = settings()
        if s.value("sample_offered", False, type=bool) or self.session.repo.count() > 0:
            return
        s.setValue("sample_offered", True)
        answer = QMessageBox.question(
            self.window,
            app_name(),
            self.app.translate(
                "Controller",
                "数据库还是空的。要载入上海市普陀区司法局公开的 13 份 2024 年度申报表作为示例吗？"
                "\n示例按公开发布的原样载入，原表本身的问题（如金额不相加、指标缺项）也保留着，"
                "列表的“审核”一栏标为“原表”。\n（以后可以删除。）",
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.load_sample()

    def load_sample(self) -> None:
        from desktop.io.files import load_file, plan_import

        result = load_file(sample_path())
        to_add, _ = plan_import(self.session.repo, result)
        if to_add:
            published = {**published_samples(self.session.repo)}
            published.update({p.id: p.revision for p in to_add})
            with contextlib.suppress(StoreError):
                self.session.repo.set_meta(PUBLISHED_KEY, json.dumps(published))
            text = undo_text(QT_TRANSLATE_NOOP("Commands", "载入示例申报表"))
            self.session.undo_stack.push(AddProjectsCommand(self.session, to_add, text))
            self.window.model.set_published(published)
            self.window.statusBar().showMessage(
                self.app.translate(
                    "Controller",
                    "已载入 13 份示例：它们是公开发布的原表，原表本身的错误和警告照原样保留"
                    "（“审核”一栏标为“原表”），不是程序出错。",
                ),
                30000,
            )


#: meta key: the sample forms as loaded (id → revision), so the list can say that their
#: problems are the published forms' own while they are unchanged
PUBLISHED_KEY = "published_samples"


def published_samples(repo) -> dict[str, int]:
    try:
        data = json.loads(repo.meta(PUBLISHED_KEY) or "{}")
    except (ValueError, StoreError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and type(v) is int}


def _backups_of_unreadable(path: Path) -> list:
    """Backups of a file that cannot be read: its folders are keyed by the id stored in
    the file, which cannot be read now — so every backup folder of a file of that name."""
    import glob
    import re

    found = {b.path: b for b in backups.list_backups(path)}
    base = backups.user_data_dir() / "backups"
    with contextlib.suppress(OSError):
        for folder in base.glob(f"{glob.escape(path.stem)}-*"):
            if not folder.is_dir():
                continue
            for f in folder.iterdir():
                m = backups._NAME.match(f.name)
                if m and f not in found:
                    taken = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
                    found[f] = backups.Backup(f, taken, re.sub(r"\d+$", "", m.group(2)))
    return sorted(found.values(), key=lambda b: (b.taken, b.path.name), reverse=True)


def make_app(argv: list[str] | None = None) -> tuple[QApplication, Translators]:
    from desktop.ui.refcounts import immortalize_singletons

    immortalize_singletons()  # PySide6 6.12.0 leaks references of None/True (see there)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("jixiao")
    app.setWindowIcon(QIcon(str(resource("icons", "app.svg"))))
    register_fonts(app)
    if app.findChild(MnemonicGuard) is None:  # once per application (tests make it again)
        filters = ApplicationFilters.of(app)
        filters.add(MnemonicGuard(app))  # Alt+letter never types
        FocusRing(app)  # where the keyboard is, visible in every style
        filters.add(FileDialogFitter(app))  # Qt's file dialogs: whole columns
    translators = Translators(app)
    translators.use(settings().value("language", "zh_CN"))
    return app, translators


def _last_resort(app: QApplication):
    """An error nobody caught must not vanish (a windowed .exe has no console) nor kill
    the program: say it in a dialog and write the details to ``error.log``."""

    def hook(kind, exc, tb) -> None:
        log = error_log_path()
        with contextlib.suppress(OSError):
            error_logger().error("%s: %s", kind.__name__, exc, exc_info=(kind, exc, tb))
        if isinstance(exc, StoreError) or (exc.args and isinstance(exc.args[0], Message)):
            text = error_text(exc)  # a sentence of ours (no font to print with): said as it is
        else:
            text = app.translate(
                "Controller",
                "程序遇到意外错误，已保存的内容不受影响。\n{0}\n详细信息已写入：{1}",
            ).format(f"{kind.__name__}: {exc}", log)
        QMessageBox.critical(None, app_name(), text)

    return hook


def _sweep(folder: Path) -> None:
    """What killed runs left (temporary copies, half-written files), older than a day."""
    with contextlib.suppress(OSError):
        from desktop.store.exchange import sweep_stale_files

        sweep_stale_files([folder])


def start(db: str | None) -> int:
    """The window, if this machine has the libraries Qt needs; else one line naming the
    packages (Qt would print a paragraph and abort) and exit status 2."""
    from desktop.system_libs import install_hint, missing_for_window

    missing = missing_for_window()
    if missing:
        print(install_hint(missing), file=sys.stderr)
        return 2
    return run_gui(db)


def run_gui(db: str | None) -> int:
    app, translators = make_app()
    sys.excepthook = _last_resort(app)
    controller = Controller(app, translators)
    app.aboutToQuit.connect(controller.shutdown)
    default = db is None
    path = Path(db) if db else default_db_path()
    if not controller.open(path):
        return 2
    QTimer.singleShot(0, lambda: _sweep(path.parent))  # once the window is up
    if default:
        controller.offer_sample()
    return app.exec()


@contextlib.contextmanager
def _logged_fault(what: str):
    """Run a background check; an exception it raises goes to error.log, not to nowhere."""
    try:
        yield
    except Exception:
        error_logger().exception("background %s failed", what)
