"""QR codes for the page footers, cheap enough for every page of a 10,000-page batch.

The symbol is reportlab's (``reportlab.graphics.barcode.qrencoder``): its function patterns,
format information, block structure, generator polynomials and data order. What is done
here is only the per-page work, without reportlab's general path (which tries all eight
masks and rebuilds the generator polynomial every time: 14 ms a symbol): one fixed mask, a
template per (version, mask) with the function patterns already in place, the text packed in
alphanumeric mode into an integer, Reed–Solomon with multiplication tables, the data bits
flipped into the template's rows (kept as integers), and the rows written as a one-bit inline
image mask in binary, pixel rows seen before looked up (about 0.03 ms a symbol).
``tests/test_printing_check_code.py`` checks the result against reportlab's own encoder module
for module.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache, lru_cache
from pathlib import Path

from desktop.printing.rl_internals import check_qr_internals


def _load_qrencoder():
    """reportlab's QR encoder module alone: importing it as
    ``reportlab.graphics.barcode.qrencoder`` first runs the package's ``__init__``, which
    loads every barcode widget and Platypus (0.1 s at each start of the command line). The
    module itself needs only ``re`` and ``itertools``. A frozen build (no source files)
    imports it the package's way."""
    name = "reportlab.graphics.barcode.qrencoder"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec("reportlab")
    for folder in (spec.submodule_search_locations or ()) if spec else ():
        path = Path(folder, "graphics", "barcode", "qrencoder.py")
        if path.is_file():
            alone = importlib.util.spec_from_file_location("desktop.printing._qrencoder", path)
            module = importlib.util.module_from_spec(alone)
            alone.loader.exec_module(module)
            return module
    from reportlab.graphics.barcode import qrencoder

    return qrencoder


qrencoder = _load_qrencoder()
check_qr_internals(qrencoder)  # fail loudly at import on a reportlab without them

LEVEL = qrencoder.QRErrorCorrectLevel.M  # 15 % of the symbol may be lost (a photocopy)
MASK = 0  # fixed: decoders read it from the format information
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_ALNUM_VALUE = {ch: i for i, ch in enumerate(ALNUM)}
_PAD = (0xEC, 0x11)
_SET_BITS = tuple(tuple(j for j in range(8) if b & (0x80 >> j)) for b in range(256))


def _gf_tables() -> tuple[list[int], list[int]]:
    exp = [qrencoder.QRMath.gexp(i) for i in range(256)]
    log = [0] * 256
    for i in range(255):
        log[exp[i]] = i
    return exp, log


_EXP, _LOG = _gf_tables()


@cache
def _generator(ec_count: int) -> tuple[int, ...]:
    """The generator polynomial's coefficients after the leading 1 (reportlab's)."""
    poly = qrencoder.QRUtil.getErrorCorrectPolynomial(ec_count)
    return tuple(poly.get(i) for i in range(1, poly.getLength()))


@cache
def _gen_products(ec_count: int) -> tuple[int, ...]:
    """For every byte f: f times the generator's coefficients, packed into one integer (the
    remainder register of the division below, one byte a coefficient)."""
    gen = _generator(ec_count)

    def times(f: int, g: int) -> int:
        return _EXP[(_LOG[f] + _LOG[g]) % 255] if f and g else 0

    return tuple(int.from_bytes(bytes(times(f, g) for g in gen), "big") for f in range(256))


def _ecc(data: list[int], ec_count: int) -> list[int]:
    """The Reed–Solomon remainder of ``data`` (polynomial division as a shift register,
    the register held in one integer)."""
    products = _gen_products(ec_count)
    shift = 8 * (ec_count - 1)
    mask = (1 << (8 * ec_count)) - 1
    rem = 0
    for byte in data:
        factor = byte ^ (rem >> shift)
        rem = ((rem << 8) & mask) ^ products[factor]
    return list(rem.to_bytes(ec_count, "big"))


class _Template:
    """One version's symbol with its function patterns and format information drawn, the
    data area holding the mask alone (all data bits 0), rows as integers (bit n-1-col)."""

    def __init__(self, version: int):
        q = qrencoder.QRCode(version, LEVEL)
        q.dataCache = []  # no data: every data module is the mask's value
        q.makeImpl(False, MASK)
        self.n = n = q.moduleCount
        self.rows = tuple(
            sum(1 << (n - 1 - c) for c, dark in enumerate(row) if dark) for row in q.modules
        )
        # Where each data bit goes: (row, bit to flip), in reportlab's placement order.
        self.positions = tuple((r, 1 << (n - 1 - c)) for c, r in q.dataPosIterator())
        self.blocks = tuple(
            (b.dataCount, b.totalCount - b.dataCount)
            for b in qrencoder.QRRSBlock.getRSBlocks(version, LEVEL)
        )
        self.data_bytes = sum(d for d, _ in self.blocks)


@lru_cache(maxsize=8)
def _template(version: int) -> _Template:
    return _Template(version)


def _count_bits(version: int, numeric: bool = False) -> int:
    if numeric:
        return 10 if version < 10 else 12 if version < 27 else 14
    return 9 if version < 10 else 11 if version < 27 else 13


def _data_bits(length: int, numeric: bool) -> int:
    if numeric:  # three digits in 10 bits, a last two in 7, a last one in 4
        return 10 * (length // 3) + (0, 4, 7)[length % 3]
    return 11 * (length // 2) + 6 * (length % 2)


def _version_for(length: int, numeric: bool = False) -> int:
    for version in range(1, 41):
        bits = 4 + _count_bits(version, numeric) + _data_bits(length, numeric)
        if bits <= _capacity(version):
            return version
    raise ValueError("text too long for a QR code")


@cache
def _capacity(version: int) -> int:
    return 8 * sum(b.dataCount for b in qrencoder.QRRSBlock.getRSBlocks(version, LEVEL))


def matrix(text: str) -> tuple[int, tuple[int, ...]]:
    """The symbol of ``text`` (digits only: numeric mode; else QR alphanumeric characters
    only) : its size in modules and its rows as integers (the most significant of n bits
    is the left module)."""
    numeric = text.isascii() and text.isdigit()
    version = _version_for(len(text), numeric)
    t = _template(version)
    count_bits = _count_bits(version, numeric)
    if numeric:  # mode 0001, the count, groups of three digits in 10 bits (7, 4 at the end)
        acc, nbits = (0b0001 << count_bits) | len(text), 4 + count_bits
        for i in range(0, len(text), 3):
            group = text[i : i + 3]
            width = (0, 4, 7, 10)[len(group)]
            acc, nbits = (acc << width) | int(group), nbits + width
    else:  # mode 0010, the count, pairs in 11 bits, a last single in 6
        acc, nbits = (0b0010 << count_bits) | len(text), 4 + count_bits
        values = [_ALNUM_VALUE[ch] for ch in text]
        for i in range(0, len(values) - 1, 2):
            acc, nbits = (acc << 11) | (values[i] * 45 + values[i + 1]), nbits + 11
        if len(values) % 2:
            acc, nbits = (acc << 6) | values[-1], nbits + 6
    capacity = t.data_bytes * 8
    end = min(4, capacity - nbits)  # terminator
    acc, nbits = acc << end, nbits + end
    if nbits % 8:
        acc, nbits = acc << (8 - nbits % 8), nbits + 8 - nbits % 8
    data = list(acc.to_bytes(nbits // 8, "big"))
    for i in range(t.data_bytes - len(data)):
        data.append(_PAD[i % 2])
    # Blocks, their error correction, interleaved.
    blocks, eccs, offset = [], [], 0
    for dc, ec in t.blocks:
        block = data[offset : offset + dc]
        offset += dc
        blocks.append(block)
        eccs.append(_ecc(block, ec))
    if len(blocks) == 1:
        codewords = blocks[0] + eccs[0]
    else:
        codewords = []
        for group in (blocks, eccs):
            for i in range(max(len(b) for b in group)):
                codewords.extend(b[i] for b in group if i < len(b))
    rows = list(t.rows)
    positions = t.positions
    for k, byte in enumerate(codewords):
        if byte:
            base = k * 8
            for j in _SET_BITS[byte]:
                r, bit = positions[base + j]
                rows[r] ^= bit
    return t.n, tuple(rows)


SUB = 5  # image pixels a module, across
_INNER = ((1 << (SUB - 1)) - 1) & ~1  # a dark module's pixels but its first and last


_GROUP = 8  # modules spread by one table lookup (1,024 entries: half the lookups of 4)


@cache
def _group_table() -> tuple[int, ...]:
    """For _GROUP modules with their neighbours either side (the left neighbour highest):
    their _GROUP × SUB pixels across, each kept module's first pixel only if its left
    neighbour is kept too, its last only if its right one is."""
    table = []
    for key in range(1 << (_GROUP + 2)):
        out = 0
        for i in range(_GROUP):  # left to right: module i is bit _GROUP - i of the key
            b = _GROUP - i
            out <<= SUB
            if key >> b & 1:
                out |= _INNER | (key >> (b + 1) & 1) << (SUB - 1) | key >> (b - 1) & 1
        table.append(out)
    return tuple(table)


_ROW_CACHE_LIMIT = 1 << 16  # packed pixel rows kept (≈ 6 MB at most); then started again
_row_cache: dict[int, dict[int, bytes]] = {}  # symbol size → kept modules → packed pixel row


@cache
def _group_bytes() -> tuple[bytes, ...]:
    """``_group_table`` packed: _GROUP × SUB = 40 pixels, five bytes."""
    return tuple(v.to_bytes(_GROUP * SUB // 8, "big") for v in _group_table())


def _packed_row(kept: int, n: int) -> bytes:
    """One image row across the symbol for the modules ``kept`` dark in it (n bits), one bit
    a pixel, the leftmost pixel the highest bit, light pixels to a whole byte at the end."""
    table = _group_bytes()
    pad = -n % _GROUP
    ext = kept << (pad + 1)  # the row left-aligned to whole groups, a light module after
    key = (1 << (_GROUP + 2)) - 1
    row = b"".join([table[(ext >> s) & key] for s in range(n + pad - _GROUP, -1, -_GROUP)])
    return row[: (n * SUB + 7) // 8]  # the pad modules are light: their pixels 0


def image_data(n: int, rows: tuple[int, ...]) -> bytes:
    """The symbol as SUB × SUB pixels a module, each dark area shrunk by a fifth of a
    module where it meets a light module (toner spreads, a photocopy darkens, and a scan's
    blur closes the light modules between dark ones first: thinned dark areas keep them
    open). Dark modules side by side stay joined. Rows of pixels top to bottom, packed as
    an image of one bit a pixel (1: dark); a row seen before (the finder patterns, the
    timing pattern, much of the data area of symbols of the same form) is looked up."""
    seen = _row_cache.get(n)
    if seen is None or len(seen) > _ROW_CACHE_LIMIT:
        seen = _row_cache[n] = {}
    out = []
    up = 0
    for r, row in enumerate(rows):
        down = rows[r + 1] if r + 1 < n else 0
        # the module's top pixels, its middle ones, its bottom pixels
        top, bottom = row & up, row & down
        a = seen.get(top)
        if a is None:
            a = seen[top] = _packed_row(top, n)
        b = seen.get(row)
        if b is None:
            b = seen[row] = _packed_row(row, n)
        c = seen.get(bottom)
        if c is None:
            c = seen[bottom] = _packed_row(bottom, n)
        out += (a, *(b,) * (SUB - 2), c)
        up = row
    return b"".join(out)


def image_ops(text: str, x: float, y: float, size: float) -> str:
    """PDF operators painting the symbol of ``text`` ``size`` points square with its lower
    left corner at (x, y), without a quiet zone (leave white around it): an inline image
    mask (``image_data``, one bit a pixel, in binary: the page's compression is its only
    filter) in the fill colour, as latin-1 text (the page's content is encoded so). An
    image, not rectangles: programs that find tables from the lines on a page (pdfplumber,
    our own PDF import) do not see the symbol's edges as rules of the form. Its bytes
    cannot be read as the image's end (``EI`` and a space): a dark area is at least three
    pixels across, so no byte holds the lone dark pixels of ``E`` (0x45) or ``I`` (0x49)."""
    n, rows = matrix(text)
    w = n * SUB
    data = image_data(n, rows).decode("latin-1")
    return (
        f"q 0 g {size:.2f} 0 0 {size:.2f} {x:.2f} {y:.2f} cm "
        f"BI /W {w} /H {w} /IM true /BPC 1 /D [1 0] ID {data}\nEI Q"
    )
