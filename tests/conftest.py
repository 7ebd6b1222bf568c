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
from hypothesis import HealthCheck, settings
from PySide6.QtWidgets import QMessageBox

from desktop.io.published_text import parse_published_text
from desktop.store import open_repository
from desktop.ui.app import Controller, make_app
from desktop.ui.paths import settings as app_settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "2024-putuo-justice-bureau.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

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
def dialogs(monkeypatch):
    """Record message boxes instead of blocking on them; answer questions with Yes."""
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
    return seen


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
        c.shutdown()
