"""Linux: are the system libraries Qt needs for a window there? Without them Qt prints a
paragraph and aborts (exit 134: "xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb
platform plugin… Aborted"). Checked before Qt is loaded, to say in one line which Debian
packages to install. No Qt here."""

from __future__ import annotations

import ctypes
import os
import sys

#: what Qt's xcb platform (and Qt Gui under it) loads, and the Debian package of each
LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_for_window(env: dict[str, str] | None = None) -> list[str]:
    """The Debian packages missing for a window on this Linux (X11 through Qt's xcb
    platform); [] elsewhere, when another Qt platform was chosen, or when all are there."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return []
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []  # offscreen, wayland, vnc…: not this check's business
    return sorted({pkg for lib, pkg in LIBRARIES.items() if not _loadable(lib)})


def install_hint(packages: list[str]) -> str:
    return (
        "无法打开窗口：缺少 Qt 需要的系统库。请先安装："
        f"sudo apt-get install {' '.join(packages)}"
        "（Cannot open a window: missing system libraries; install the Debian packages named.）"
    )
