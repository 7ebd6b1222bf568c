"""Fonts for printing: embedded TrueType subsets, with a fallback chain per character.

Primary: 宋体 from ``%WINDIR%\\Fonts\\simsun.ttc`` when present (Windows), else the bundled
AR PL UMing CN. Then the bundled DejaVu Sans (Latin, Greek, Cyrillic, symbols, some emoji).
Characters none of those has — the rare CJK Extension A/B characters of some names — come
from a fallback loaded only when such a character appears: SimSun-ExtB
(``simsunb.ttf``, Windows), else HanaMin A/B (Debian's ``fonts-hanazono``) where installed.
A character no font has is printed as □ and reported — never a silent blank.

Text is cleaned before layout (:meth:`FontChain.clean`): NFC normalisation (a combining
accent joins its letter), zero-width and direction-control characters dropped. Text is
measured here and drawn as runs of one font each, so no markup is involved and user text
is printed literally. The ToUnicode maps written into the PDF are correct for characters
outside the BMP (😀 extracts as 😀).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from desktop.domain import file_text
from desktop.domain.messages import Message
from desktop.resources import resource

REPLACEMENT = "□"
_CONTROL = {"\t": " ", "\r": "", "\u00a0": " ", "\u3000": "\u3000"}
# Invisible characters that only steer shaping or direction: dropped before layout (a
# font without them would print a visible box such as a dotted "ZWJ").
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))  # variation selectors
    + "".join(chr(c) for c in range(0xE0100, 0xE01F0))  # ideographic variation selectors
)
_DIRTY = re.compile(
    "[\x00-\x1f\x7f\u00a0" + re.escape("".join(sorted(INVISIBLE))) + "\ud800-\udfff]"
)
# Measured strings are remembered when short (labels, indicator names and values repeat from
# form to form); the memory stays bounded whatever the number of forms.
CACHE_LIMIT = 20_000
CACHE_MAX_LEN = 40


@dataclass(frozen=True)
class FontSpec:
    name: str  # the name registered with reportlab
    path: Path
    subfont: int = 0


def _windows_fonts() -> Path | None:
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    return Path(windir) / "Fonts" if windir else None


# Fonts for rare characters (CJK Ext-A/B …), first found first; loaded on first need.
SYSTEM_FALLBACKS: tuple[tuple[str, str], ...] = (
    ("HanaMinA", "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),
    ("HanaMinB", "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"),
)


def candidate_fonts() -> list[FontSpec]:
    """The chain, best first, of fonts that exist on this machine (loaded at once)."""
    chain: list[FontSpec] = []
    fonts_dir = _windows_fonts()
    if fonts_dir is not None and (fonts_dir / "simsun.ttc").is_file():
        chain.append(FontSpec("SimSun", fonts_dir / "simsun.ttc", 0))
    chain.append(FontSpec("ARPLUMingCN", resource("fonts", "uming-cn-gbk.ttf")))
    chain.append(FontSpec("DejaVuSans", resource("fonts", "DejaVuSans.ttf")))
    return chain


def fallback_fonts() -> list[FontSpec]:
    """Fonts for characters the chain lacks, loaded only when one is printed."""
    chain: list[FontSpec] = []
    fonts_dir = _windows_fonts()
    if fonts_dir is not None:
        for name, file in (("SimSunExtB", "simsunb.ttf"), ("SimSunExtG", "SimSunExtG.ttf")):
            if (fonts_dir / file).is_file():
                chain.append(FontSpec(name, fonts_dir / file))
    for name, path in SYSTEM_FALLBACKS:
        if Path(path).is_file():
            chain.append(FontSpec(name, Path(path)))
    return chain


SYSTEM_SEARCH = True  # look through the machine's fonts for a character nothing else has
_FC_TIMEOUT = 10.0  # seconds for one fc-list query


def _fontconfig_fonts(ch: str) -> list[tuple[Path, int]]:
    """TrueType fonts fontconfig says cover ``ch`` (Linux and other fontconfig systems)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    try:
        out = subprocess.run(
            [fc_list, f":charset={ord(ch):x}", "file", "index", "fontformat"],
            capture_output=True,
            text=True,
            timeout=_FC_TIMEOUT,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines():
        m = re.match(r"(.+?): :index=(\d+):fontformat=(\w+)", line.strip())
        if m and m.group(3) == "TrueType":
            found.append((Path(m.group(1)), int(m.group(2))))
    return sorted(set(found))


def _windows_font_files() -> list[Path]:
    folders = [_windows_fonts()]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    files: list[Path] = []
    for folder in folders:
        if folder and folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.suffix.lower() in (".ttf", ".ttc"))
    return files


@cache
def _windows_cmap(path: Path, index: int) -> frozenset[int]:
    """The characters of one font of the Windows fonts folder; empty for anything reportlab
    cannot embed (CFF outlines, bitmaps, damaged files)."""
    try:
        return frozenset(ttfonts.TTFontFile(str(path), subfontIndex=index).charToGlyph)
    except Exception:
        return frozenset()


def _in_windows_fonts() -> bool:
    """Whether the machine's fonts are a Windows fonts folder (else fontconfig's)."""
    return sys.platform == "win32" or _windows_fonts() is not None


def system_fonts_for(ch: str) -> list[FontSpec]:
    """TrueType fonts of this machine that have ``ch``, for a character that neither the
    bundled fonts nor the known fallbacks have (searched only then, once per character)."""
    if not SYSTEM_SEARCH:
        return []
    found: list[tuple[Path, int]] = []
    if _in_windows_fonts():
        for path in _windows_font_files():
            for index in range(4 if path.suffix.lower() == ".ttc" else 1):
                if ord(ch) in _windows_cmap(path, index):
                    found.append((path, index))
                    break
    else:
        found = _fontconfig_fonts(ch)
    return [
        FontSpec("Sys" + re.sub(r"[^A-Za-z0-9]", "", path.stem)[:40] + f"-{index}", path, index)
        for path, index in found
    ]


@dataclass
class FontChain:
    """Measures and splits text into runs of the first font that has each character."""

    names: list[str]
    cmaps: list[frozenset[int]]
    fallbacks: list[FontSpec] = field(default_factory=list)
    _font_of: dict[str, int] = field(default_factory=dict)
    _width: dict[tuple[int, str], float] = field(default_factory=dict)
    _widths: dict[str, float] = field(default_factory=dict)  # whole strings at 1 pt
    missing: set[str] = field(default_factory=set)
    _searched: set[str] = field(default_factory=set)  # characters looked for in system fonts

    @property
    def primary(self) -> str:
        return self.names[0]

    def clean(self, text: str) -> str:
        """Printable text: NFC, tabs as spaces, control and zero-width characters dropped."""
        if not _DIRTY.search(text) and unicodedata.is_normalized("NFC", text):
            return text  # the usual case: nothing to do
        text = unicodedata.normalize("NFC", text)
        out = []
        for ch in text:
            if ch in _CONTROL:
                out.append(_CONTROL[ch])
            elif ch == "\n":
                out.append(ch)
            elif ord(ch) < 32 or ch in INVISIBLE or 0xD800 <= ord(ch) <= 0xDFFF:
                continue
            else:
                out.append(ch)
        return "".join(out)

    def font_index(self, ch: str) -> int:
        index = self._font_of.get(ch)
        if index is None:
            code = ord(ch)
            index = next((i for i, cmap in enumerate(self.cmaps) if code in cmap), -1)
            while index < 0 and self.fallbacks:
                spec = self.fallbacks.pop(0)
                try:
                    cmap = _register(spec)
                except Exception:  # an unreadable system font: go on without it
                    continue
                self.names.append(spec.name)
                self.cmaps.append(cmap)
                self._font_of = {k: v for k, v in self._font_of.items() if v >= 0}
                if code in cmap:
                    index = len(self.cmaps) - 1
            if index < 0 and ch not in self._searched and not ch.isspace():
                self._searched.add(ch)
                index = self._from_system(ch)
            self._font_of[ch] = index
        return index

    def _from_system(self, ch: str) -> int:
        """Add the first system font that has ``ch`` to the chain; -1 when none has it."""
        for spec in system_fonts_for(ch):
            if spec.name in self.names:
                continue
            try:
                cmap = _register(spec)
            except Exception:  # a font reportlab cannot embed: try the next
                continue
            if ord(ch) in cmap:
                self.names.append(spec.name)
                self.cmaps.append(cmap)
                self._font_of = {k: v for k, v in self._font_of.items() if v >= 0}
                return len(self.cmaps) - 1
        return -1

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
        width = self._widths.get(text)
        if width is None:
            width = sum(self.char_width(ch, 1.0) for ch in text)
            if len(text) <= CACHE_MAX_LEN:
                if len(self._widths) > CACHE_LIMIT:
                    self._widths.clear()
                self._widths[text] = width
        return width * size


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with UTF-16 (surrogate pairs) for non-BMP characters:
    reportlab writes ``<%04X>``, which gives a 5-digit, wrong code for 😀 (U+1F600)."""
    entries = [
        f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # used by TTFont.addObjects when saving


@cache
def _register(spec: FontSpec) -> frozenset[int]:
    font = TTFont(spec.name, str(spec.path), subfontIndex=spec.subfont)
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


class NoPrintFontError(RuntimeError):
    """No font can print Chinese (the bundled ones are missing); the argument is the
    sentence for the clerk (a ``Message``)."""


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
        raise NoPrintFontError(Message(file_text.NO_PRINT_FONT))
    return FontChain(names, cmaps, fallback_fonts())
