"""Where the keyboard is can be seen: the project list, the editor's tab bar, a combo box and
the indicator tree each show a frame when they have the focus, and none without it — judged
on the pixels the clerk sees (the widget's area grabbed from its window, with the frame drawn
over it), at 100 % and at 150 % (a device pixel ratio of 1.5)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from tests.test_ui_window import select_name
from tests.ui_helpers import active_sample_window, settle

FRAME = QColor("#1a73e8")  # the frame's blue: no widget of the window is drawn in it
ROOT = Path(__file__).resolve().parent.parent


def _targets(w) -> dict:
    return {
        "list": w.table,
        "tab bar": w.editor.tabBar(),
        "combo box": w.editor.nature,
        "year filter": w.nav.year_filter,
        "tree": w.editor.tree,
    }


def _shot(widget) -> QImage:
    """The widget's area as the window shows it (a frame over it included)."""
    settle()
    return (
        widget.window()
        .grab(QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size()))
        .toImage()
    )


def _blue(color: QColor) -> bool:
    return (
        abs(color.red() - FRAME.red()) < 40
        and abs(color.green() - FRAME.green()) < 40
        and abs(color.blue() - FRAME.blue()) < 40
    )


def _border_share(image: QImage) -> float:
    """How much of a line one (logical) pixel inside the edge is the frame's blue."""
    ratio = image.devicePixelRatio()
    inset = max(1, round(ratio))
    w, h = image.width(), image.height()
    points = [(x, inset) for x in range(inset, w - inset)]
    points += [(x, h - 1 - inset) for x in range(inset, w - inset)]
    points += [(inset, y) for y in range(inset, h - inset)]
    points += [(w - 1 - inset, y) for y in range(inset, h - inset)]
    return sum(_blue(image.pixelColor(x, y)) for x, y in points) / len(points)


def check_frames(w, out: Path | None, scale: float) -> None:
    select_name(w, "人民调解")
    for name, widget in _targets(w).items():
        if widget is w.editor.tabBar() or w.editor.isAncestorOf(widget):
            page = w.editor.indicators if widget is w.editor.tree else w.editor.basic
            w.editor.setCurrentWidget(page)
        w.search.setFocus(Qt.FocusReason.TabFocusReason)  # the focus elsewhere
        without = _shot(widget)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        focused = _shot(widget)
        assert without.devicePixelRatio() == pytest.approx(scale)
        if out is not None:
            stem = f"{name.replace(' ', '-')}-{int(scale * 100)}"
            without.save(str(out / f"{stem}-without.png"))
            focused.save(str(out / f"{stem}-focused.png"))
        assert _border_share(focused) > 0.9, f"{name}: no frame at {scale:.0%} with the focus"
        assert _border_share(without) < 0.1, f"{name}: a frame at {scale:.0%} without the focus"


def test_the_focused_widget_shows_a_frame(make_controller, tmp_path):
    w = active_sample_window(make_controller, tmp_path)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    shots = os.environ.get("FOCUS_FRAME_SHOTS")  # a folder: keep the pictures to look at
    check_frames(w, Path(shots) if shots else None, scale)


def test_the_focused_widget_shows_a_frame_at_150_percent(tmp_path):
    """The same check in a program started at 150 % (Qt's scale is fixed at start)."""
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"tests/{Path(__file__).name}::test_the_focused_widget_shows_a_frame",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
