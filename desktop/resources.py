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
