"""Fonts for printing: embedded TrueType subsets, with a fallback chain per character.

Primary: 宋体 from ``%WINDIR%\\Fonts\\simsun.ttc`` when present (Windows), else the bundled
AR PL UMing CN. Then: SimSun-ExtB (Windows, rare characters), the bundled DejaVu Sans (Latin,
Greek, Cyrillic, symbols). A character no font has is printed as □ and reported — never a
silent blank. Text is measured here and drawn as runs of one font each, so no markup is
involved and user text is printed literally.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.resources import resource

REPLACEMENT = "□"
_CONTROL = {"\t": " ", "\r": "", "\u00a0": " ", "\u3000": "\u3000"}


@dataclass(frozen=True)
class FontSpec:
    name: str  # the name registered with reportlab
    path: Path
    subfont: int = 0


def _windows_fonts() -> Path | None:
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    return Path(windir) / "Fonts" if windir else None


def candidate_fonts() -> list[FontSpec]:
    """The chain, best first, of fonts that exist on this machine."""
    chain: list[FontSpec] = []
    fonts_dir = _windows_fonts()
    if fonts_dir is not None and (fonts_dir / "simsun.ttc").is_file():
        chain.append(FontSpec("SimSun", fonts_dir / "simsun.ttc", 0))
    chain.append(FontSpec("ARPLUMingCN", resource("fonts", "uming-cn-gbk.ttf")))
    if fonts_dir is not None and (fonts_dir / "simsunb.ttf").is_file():
        chain.append(FontSpec("SimSunExtB", fonts_dir / "simsunb.ttf"))
    chain.append(FontSpec("DejaVuSans", resource("fonts", "DejaVuSans.ttf")))
    return chain


@dataclass
class FontChain:
    """Measures and splits text into runs of the first font that has each character."""

    names: list[str]
    cmaps: list[frozenset[int]]
    _font_of: dict[str, int] = field(default_factory=dict)
    _width: dict[tuple[int, str], float] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)

    @property
    def primary(self) -> str:
        return self.names[0]

    def clean(self, text: str) -> str:
        """Printable text: tabs as spaces, other control characters dropped."""
        out = []
        for ch in text:
            if ch in _CONTROL:
                out.append(_CONTROL[ch])
            elif ch == "\n" or ord(ch) >= 32:
                out.append(ch)
        return "".join(out)

    def font_index(self, ch: str) -> int:
        index = self._font_of.get(ch)
        if index is None:
            code = ord(ch)
            index = next((i for i, cmap in enumerate(self.cmaps) if code in cmap), -1)
            self._font_of[ch] = index
        return index

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``[(font name, text), ...]``; unknown characters become □ (and are recorded)."""
        out: list[tuple[str, str]] = []
        current, buf = None, []
        for ch in text:
            index = self.font_index(ch)
            if index < 0:
                self.missing.add(ch)
                ch, index = REPLACEMENT, 0
            if index != current and buf:
                out.append((self.names[current], "".join(buf)))
                buf = []
            current = index
            buf.append(ch)
        if buf:
            out.append((self.names[current], "".join(buf)))
        return out

    def char_width(self, ch: str, size: float) -> float:
        index = self.font_index(ch)
        if index < 0:
            ch, index = REPLACEMENT, 0
        key = (index, ch)
        width = self._width.get(key)
        if width is None:
            width = pdfmetrics.stringWidth(ch, self.names[index], 1000) / 1000
            self._width[key] = width
        return width * size

    def width(self, text: str, size: float) -> float:
        return sum(self.char_width(ch, size) for ch in text)


@cache
def _register(spec: FontSpec) -> frozenset[int]:
    font = TTFont(spec.name, str(spec.path), subfontIndex=spec.subfont)
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


def load_chain() -> FontChain:
    """Register the available fonts with reportlab (once per process) and return a chain."""
    names, cmaps = [], []
    for spec in candidate_fonts():
        try:
            cmap = _register(spec)
        except Exception:  # a damaged or unsupported system font: skip it, keep going
            continue
        names.append(spec.name)
        cmaps.append(cmap)
    if not names:
        raise RuntimeError("没有可用于打印的中文字体（resources/fonts 中的字体文件缺失）")
    return FontChain(names, cmaps)
