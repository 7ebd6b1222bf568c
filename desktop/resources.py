"""Where the ``resources/`` folder is (source tree, or inside the frozen bundle). No Qt."""

from __future__ import annotations

import os
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
