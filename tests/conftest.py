import os

# Qt must never try to open a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tempfile

from PySide6.QtCore import QSettings

# Tests never read or write the user's real settings or data (backups go here too).
os.environ["JIXIAO_DATA_DIR"] = tempfile.mkdtemp(prefix="jixiao-data-")
QSettings.setPath(
    QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="jixiao-qs-")
)

from pathlib import Path

import pytest
import shiboken6
from hypothesis import HealthCheck, settings
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.io.published_text import parse_published_text
from desktop.store import open_repository
from desktop.ui.app import Controller, make_app
from desktop.ui.paths import settings as app_settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "2024-putuo-justice-bureau.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_guides(docs: Path, languages=("zh_CN", "en")) -> None:
    """The user guides of ``languages`` and the pictures they show into ``docs`` (beside a
    copied resources/, as the bundle has them)."""
    import shutil

    from desktop.resources import GUIDES, guide_pictures

    for language in languages:
        guide = ROOT / "docs" / GUIDES[language]
        for name in [guide.name, *guide_pictures(guide.read_text(encoding="utf-8"))]:
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(guide.parent / name, docs / name)


settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "slow", deadline=None, max_examples=2000, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_lines(sample_text) -> list[str]:
    return sample_text.split("\n")


@pytest.fixture(scope="session")
def sample_result(sample_text):
    return parse_published_text(sample_text)


@pytest.fixture
def repo(tmp_path):
    r = open_repository(tmp_path / "test.db")
    yield r
    r.close()


# -- the window (pytest-qt) ----------------------------------------------------------------


@pytest.fixture(scope="session")
def app_and_translators(qapp):
    return make_app()


@pytest.fixture
def expect_box():
    """``expect_box("critical", "无法导入")``: the test expects a critical (or warning) box
    whose text contains that; any other critical or warning box fails the test."""
    expected: list[tuple[str, str]] = []

    def expect(kind: str, text: str = "") -> None:
        expected.append((kind, text))

    expect.expected = expected
    return expect


@pytest.fixture
def dialogs(monkeypatch, expect_box):
    """Record message boxes instead of blocking on them; answer questions with Yes. At the
    end, a critical or warning box the test did not declare with ``expect_box`` fails it:
    an error shown to the clerk never goes unnoticed."""
    seen = []

    def record(kind, answer=None):
        def box(*args, **kwargs):
            seen.append((kind, args[2] if len(args) > 2 else ""))
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "about", record("about"))
    yield seen
    unexpected = [
        (kind, text)
        for kind, text in seen
        if kind in ("critical", "warning")
        and not any(kind == k and t in text for k, t in expect_box.expected)
    ]
    if unexpected:
        pytest.fail(f"message boxes the test did not expect: {unexpected}", pytrace=False)


@pytest.fixture
def make_controller(app_and_translators, qtbot, dialogs):
    app, translators = app_and_translators
    translators.use("zh_CN")
    app_settings().clear()
    made = []

    def make(path):
        c = Controller(app, translators)
        assert c.open(path)
        qtbot.addWidget(c.window)
        made.append(c)
        return c

    yield make
    for c in made:
        window = c.window
        c.shutdown()
        # closed is not gone: a window left alive gets every later language switch's
        # events (thousands of widgets a window; by a thousand tests, a suite that stalls)
        if window is not None and shiboken6.isValid(window):
            window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def write_protected(monkeypatch):
    """``protect(folder)``: the folder behaves like a write-protected USB stick on Windows.
    ``os.access`` still calls its files writable (on Windows it looks only at the read-only
    attribute, not at the medium or at permissions), but opening a file there for writing or
    creating one fails, as the medium refuses. (Simulated at ``os.open``: tests run as root,
    which ignores permission bits.)"""
    import errno

    real_open = os.open

    def protect(folder: Path) -> None:
        folder = Path(folder)

        def refusing(path, flags, *args, **kwargs):
            writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            if writing and Path(os.fsdecode(path)).parent == folder:
                raise OSError(errno.EROFS, "The media is write protected", os.fsdecode(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing)
        monkeypatch.setattr(os, "access", lambda *args, **kwargs: True)

    return protect


@pytest.fixture(params=["en", "zh_CN"])
def window_in_each_language(request, make_controller, tmp_path):
    """(the controller of a working file's window in a language, the language)."""
    c = make_controller(tmp_path / "working.db")
    c.set_language(request.param)
    yield c, request.param
    c.set_language("zh_CN")
