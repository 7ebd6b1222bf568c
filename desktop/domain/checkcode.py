"""The check code printed on every page: which project, which version of it, which page.

A code is 12 characters printed in three groups (``K7RM-4XQ2-H9TW``) from an alphabet of 31
symbols without the look-alikes 0/O, 1/I/L. Eleven of them carry 54 bits:

- 28 bits of the project's id (a key: the file finds the project whose id has it),
- 14 bits of the content hash at printing (which version of the form was printed),
- 12 bits for page x of y (pairs up to 90 pages; longer forms share one value).

The twelfth is a check character: the values v₁…v₁₂ of a valid code satisfy
Σ k·vₖ ≡ 0 (mod 31). As 31 is prime and the weights 1…12 are distinct and non-zero, a
single changed character changes the sum by k·δ ≢ 0, and two swapped characters (adjacent
or not) by (j−k)(vⱼ−vₖ) ≢ 0: every single substitution and every transposition is refused.

The QR code beside it carries the same keys with what does not fit in 12 characters: the
revision, the print time and 28 bits of the content hash, packed into one number written
as 34 digits (``COMPACT_DIGITS``): the most a version 1 symbol (21 modules) holds at error
correction level M, so its modules can be as large as the footer margin allows (the code
must survive a photocopy and a 150 dpi scan). Digits only: a barcode scanner types them
the same under any keyboard layout and input method (a Chinese input method turns ``/``
and ``:`` into ``、`` and ``：``). The number, from the most significant bits: 28 bits of
the id, 28 of the content hash (its first 7 hex digits), 12 for page x of y, 16 for the
revision, 24 for the print time in minutes since 2020-01-01, after a leading format
digit 1. A form that does not fit (more than 90 pages, revision or time out of range)
gets the longer text of the first format
(``JX1 K7RM4XQ2H9TW R5 P2/5 T202612042203 H3F9A2C1D8E7B``), which papers printed before
carry too; both are read.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0 O 1 I L
BASE = len(ALPHABET)  # 31, a prime
LENGTH = 12
DATA_LENGTH = LENGTH - 1
ID_BITS, HASH_BITS, PAGE_BITS = 28, 14, 12
MAX_PAGES = 90  # pages x ≤ y ≤ 90 have their own value; longer forms share PAGES_BEYOND
PAGES_BEYOND = (1 << PAGE_BITS) - 1
QR_PREFIX = "JX1"
COMPACT_HASH_HEX = 7  # 28 bits of the content hash in the QR text (12 in papers printed before)
COMPACT_DIGITS = 34  # a version 1-M QR symbol's capacity in numeric mode
COMPACT_FORMAT = "1"  # the leading digit
REV_BITS, TIME_BITS = 16, 24
TIME_ORIGIN = datetime(2020, 1, 1)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


class CheckCodeError(ValueError):
    """A code that cannot be one we printed: the text says why, for the clerk (in Chinese;
    ``kind`` and ``args`` say the same for a window that words it in its own language)."""

    def __init__(self, message: str, kind: str = "", *args):
        super().__init__(message)
        self.kind = kind
        self.details = args


def id_key(project_id: str) -> int:
    """The 28 bits of a project id the code carries (any id text: a hash of it)."""
    digest = hashlib.sha256(project_id.strip().lower().encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") >> (32 - ID_BITS)


def hash_key(content_hash: str) -> int:
    """The 14 bits of a content hash (hex) the code carries."""
    return int(content_hash[:4], 16) >> (16 - HASH_BITS)


def _pages_value(page: int, pages: int) -> int:
    if not 1 <= page <= pages:
        raise ValueError(f"page {page} of {pages}")
    if pages > MAX_PAGES:
        return PAGES_BEYOND
    return pages * (pages - 1) // 2 + page - 1


def _pages_from(value: int) -> tuple[int, int]:
    """(page, pages), or (0, 0) for a page of a form longer than MAX_PAGES."""
    if value == PAGES_BEYOND:
        return 0, 0
    pages = 1
    while pages * (pages + 1) // 2 <= value:
        pages += 1
    page = value - pages * (pages - 1) // 2 + 1
    if pages > MAX_PAGES:
        raise CheckCodeError("校验码有误（页码不对）", "pages")
    return page, pages


def check_char(data: str) -> str:
    """The character that makes Σ k·vₖ ≡ 0 (mod 31) over ``data`` + it (weights 1…n+1)."""
    total = sum((k + 1) * _VALUE[ch] for k, ch in enumerate(data))
    weight = len(data) + 1
    # v·weight ≡ −total (mod 31); pow(weight, −1, 31) exists as 31 is prime and weight < 31
    return ALPHABET[(-total * pow(weight, -1, BASE)) % BASE]


def is_valid(code: str) -> bool:
    """True when ``code`` (12 characters of the alphabet, no separators) passes the check."""
    if len(code) != LENGTH or any(ch not in _VALUE for ch in code):
        return False
    return sum((k + 1) * _VALUE[ch] for k, ch in enumerate(code)) % BASE == 0


def grouped(code: str) -> str:
    """``K7RM4XQ2H9TW`` → ``K7RM-4XQ2-H9TW``."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


@dataclass(frozen=True)
class Stamp:
    """What one printed page says about itself. From a typed code only the keys and the
    page are known; the QR text adds the revision, the print time and more of the hash."""

    id_key: int
    hash_key: int
    page: int  # 0 when the form is longer than MAX_PAGES (see ``pages`` in the QR)
    pages: int
    revision: int | None = None
    printed_at: datetime | None = None  # local time, to the minute
    hash_prefix: str = ""  # lower-case hex, from the QR

    @property
    def code(self) -> str:
        return encode(self.id_key, self.hash_key, self.page, self.pages)

    @property
    def qr_text(self) -> str:
        compact = compact_text(self)
        if compact:
            return compact
        head, tail = self.qr_parts()
        return f"{QR_PREFIX} {self.code} {head}P{self.page}/{self.pages}{tail}"

    def qr_parts(self) -> tuple[str, str]:
        """What the QR text says before and after the page (the same on every page of a
        form): ``R5 `` and `` T202612042203 H3F9A2C1D8E7B``."""
        head = "" if self.revision is None else f"R{self.revision} "
        tail = ""
        if self.printed_at is not None:
            tail += " T" + self.printed_at.strftime("%Y%m%d%H%M")
        if self.hash_prefix:
            tail += " H" + self.hash_prefix.upper()
        return head, tail

    def matches_hash(self, content_hash: str) -> bool:
        """Whether a version with this content hash is the one printed."""
        if hash_key(content_hash) != self.hash_key:
            return False
        return content_hash.lower().startswith(self.hash_prefix.lower())


def _pages_value_or_beyond(page: int, pages: int) -> int:
    if page == 0 or pages > MAX_PAGES:
        return PAGES_BEYOND
    return _pages_value(page, pages)


def encode(id_key_: int, hash_key_: int, page: int, pages: int) -> str:
    """The 12 characters (no separators) for these keys and page."""
    value = (
        (id_key_ << (HASH_BITS + PAGE_BITS))
        | (hash_key_ << PAGE_BITS)
        | _pages_value_or_beyond(page, pages)
    )
    digits = []
    for _ in range(DATA_LENGTH):
        value, d = divmod(value, BASE)
        digits.append(ALPHABET[d])
    data = "".join(reversed(digits))
    return data + check_char(data)


def compact_text(stamp: Stamp, page: int | None = None) -> str:
    """The QR text of the compact format (34 digits), or "" when the stamp does not fit
    it (a form of more than 90 pages, a revision or print time out of range, less of the
    hash than it carries). ``page``: of another page of the same form (the stamp's own by
    default)."""
    page = stamp.page if page is None else page
    if stamp.revision is None or stamp.printed_at is None or page == 0:
        return ""
    if stamp.pages > MAX_PAGES or not 0 <= stamp.revision < 1 << REV_BITS:
        return ""
    minutes = (stamp.printed_at - TIME_ORIGIN) // timedelta(minutes=1)
    if not 0 <= minutes < 1 << TIME_BITS or len(stamp.hash_prefix) < COMPACT_HASH_HEX:
        return ""
    value = stamp.id_key
    value = (value << 4 * COMPACT_HASH_HEX) | int(stamp.hash_prefix[:COMPACT_HASH_HEX], 16)
    value = (value << PAGE_BITS) | _pages_value(page, stamp.pages)
    value = (value << REV_BITS) | stamp.revision
    value = (value << TIME_BITS) | minutes
    return COMPACT_FORMAT + str(value).zfill(COMPACT_DIGITS - 1)


def _parse_compact(raw: str) -> Stamp:
    value = int(raw[1:])
    minutes = value & ((1 << TIME_BITS) - 1)
    value >>= TIME_BITS
    revision = value & ((1 << REV_BITS) - 1)
    value >>= REV_BITS
    pages_value = value & ((1 << PAGE_BITS) - 1)
    value >>= PAGE_BITS
    digest = value & ((1 << 4 * COMPACT_HASH_HEX) - 1)
    key = value >> 4 * COMPACT_HASH_HEX
    if key >> ID_BITS or pages_value == PAGES_BEYOND:
        raise CheckCodeError("二维码的内容不完整或不是本程序打印的，请重新扫描", "qr_incomplete")
    page, pages = _pages_from(pages_value)
    hash_prefix = format(digest, f"0{COMPACT_HASH_HEX}x")
    return Stamp(
        key,
        hash_key(hash_prefix),
        page,
        pages,
        revision,
        TIME_ORIGIN + timedelta(minutes=minutes),
        hash_prefix,
    )


def stamp_for(
    project_id: str,
    content_hash: str,
    revision: int,
    page: int,
    pages: int,
    printed_at: datetime,
) -> Stamp:
    """The stamp of page ``page`` of ``pages`` of a form printed at ``printed_at``."""
    _pages_value(page, pages)  # refuses an impossible page number
    return Stamp(
        id_key(project_id),
        hash_key(content_hash),
        page,
        pages,
        revision,
        printed_at.replace(second=0, microsecond=0),
        content_hash[:COMPACT_HASH_HEX].lower(),
    )


def _normal(text: str) -> str:
    """Full-width forms (an input method's Ｋ７) to ASCII, upper case, no separators."""
    text = unicodedata.normalize("NFKC", text).upper()
    return re.sub(r"[\s\-_–—·.]+", "", text)


_QR = re.compile(
    r"JX1 (?P<code>[0-9A-Z]{12})"
    r"(?: R(?P<rev>\d{1,15}))?"
    r" P(?P<page>\d{1,6})/(?P<pages>\d{1,6})"
    r"(?: T(?P<time>\d{12}))?"
    r"(?: H(?P<hash>[0-9A-F]{1,64}))?"
)


def parse(text: str) -> Stamp:
    """A typed code (any case, with or without separators, full-width characters too) or
    a QR code's whole text. Raises CheckCodeError naming the problem: a wrong length, a
    character the codes do not use, a failed check (a typing error)."""
    raw = unicodedata.normalize("NFKC", text).strip().upper()
    raw = " ".join(raw.split())
    if raw.startswith(QR_PREFIX + " "):
        return _parse_qr(raw)
    if len(raw) == COMPACT_DIGITS and raw.isdigit() and raw.startswith(COMPACT_FORMAT):
        return _parse_compact(raw)
    code = _normal(raw)
    if not code:
        raise CheckCodeError("请输入纸质件上的校验码", "empty")
    bad = sorted({ch for ch in code if ch not in _VALUE})
    if bad:
        shown = "、".join(f"“{ch}”" for ch in bad[:5])
        hint = "（校验码中没有 0、1、O、I、L）" if set(bad) & set("01OIL") else ""
        raise CheckCodeError(
            f"校验码有误：含有校验码不用的字符 {shown}{hint}", "chars", "".join(bad[:5]), bool(hint)
        )
    if len(code) != LENGTH:
        raise CheckCodeError(
            f"校验码有误：应为 {LENGTH} 个字符，输入的是 {len(code)} 个", "length", len(code)
        )
    if not is_valid(code):
        raise CheckCodeError(
            "校验码有误：校验位不符，请逐个字符核对（可能输错或颠倒了字符）", "check"
        )
    return _from_code(code)


def _from_code(code: str) -> Stamp:
    value = 0
    for ch in code[:DATA_LENGTH]:
        value = value * BASE + _VALUE[ch]
    if value >> (ID_BITS + HASH_BITS + PAGE_BITS):
        raise CheckCodeError("校验码有误（不是本程序打印的校验码）", "not_ours")
    page, pages = _pages_from(value & ((1 << PAGE_BITS) - 1))
    return Stamp(
        value >> (HASH_BITS + PAGE_BITS),
        (value >> PAGE_BITS) & ((1 << HASH_BITS) - 1),
        page,
        pages,
    )


def _parse_qr(raw: str) -> Stamp:
    m = _QR.fullmatch(raw)
    if m is None:
        raise CheckCodeError("二维码的内容不完整或不是本程序打印的，请重新扫描", "qr_incomplete")
    code = m["code"]
    if not is_valid(code):
        raise CheckCodeError("二维码中的校验码有误，请重新扫描", "qr_check")
    stamp = _from_code(code)
    page, pages = int(m["page"]), int(m["pages"])
    if not 1 <= page <= pages or (stamp.pages and (stamp.page, stamp.pages) != (page, pages)):
        raise CheckCodeError("二维码中的页码与校验码不符，请重新扫描", "qr_pages")
    printed_at = None
    if m["time"]:
        try:
            printed_at = datetime.strptime(m["time"], "%Y%m%d%H%M")
        except ValueError as exc:
            raise CheckCodeError("二维码中的打印时间有误，请重新扫描", "qr_time") from exc
    hash_prefix = (m["hash"] or "").lower()
    if len(hash_prefix) >= 4 and hash_key(hash_prefix) != stamp.hash_key:
        raise CheckCodeError("二维码中的内容与校验码不符，请重新扫描", "qr_mismatch")
    return replace(
        stamp,
        page=page,
        pages=pages,
        revision=int(m["rev"]) if m["rev"] else None,
        printed_at=printed_at,
        hash_prefix=hash_prefix,
    )


def footer_text(stamp: Stamp) -> str:
    """The line printed beside the QR code."""
    return f"校验码 {grouped(stamp.code)}"


__all__ = [
    "ALPHABET",
    "CheckCodeError",
    "Stamp",
    "check_char",
    "grouped",
    "hash_key",
    "id_key",
    "is_valid",
    "parse",
    "stamp_for",
]
