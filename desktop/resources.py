"""Where the ``resources/`` folder is (source tree, or inside the frozen bundle). No Qt."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path


def resource_dir() -> Path:
    """``resources/`` beside the package in a checkout, inside the bundle when frozen, or
    where ``JIXIAO_RESOURCES`` points."""
    override = os.environ.get("JIXIAO_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


# The user guide (帮助 › 使用说明, F1) in each language of the window; docs/ sits beside
# resources/ in the checkout and in the bundle (build.spec ships both, with their pictures).
GUIDES = {"zh_CN": "使用说明.md", "en": "user-guide.en.md"}


def guide_path(language: str) -> Path:
    """The user guide for a window in ``language`` (``en…`` English, anything else Chinese)."""
    key = "en" if language.startswith("en") else "zh_CN"
    return resource_dir().parent / "docs" / GUIDES[key]


def guide_pictures(text: str) -> list[str]:
    """The pictures a guide's Markdown shows (paths relative to docs/, e.g.
    ``screenshots/1-basic.png``), in order."""
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text)


def sample_path() -> Path:
    return resource("samples", "2024-putuo-justice-bureau.txt")


PORTABLE_MARKER = "portable.ini"


def app_dir() -> Path:
    """The program's folder: beside the executable when frozen, the checkout otherwise."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def portable_dir() -> Path | None:
    """Portable mode: with ``portable.ini`` beside the program, settings and data live in the
    program's folder (for a program run from a USB stick). None otherwise."""
    folder = app_dir()
    return folder if (folder / PORTABLE_MARKER).is_file() else None
