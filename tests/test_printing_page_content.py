"""A printed page's content stream: its text and rules, then the QR symbol's pixels in
binary, compressed as one zlib stream in two parts that any reader inflates whole."""

from __future__ import annotations

import io
import zlib
from datetime import datetime

import pdfplumber
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from desktop.printing import render
from desktop.printing.check_stamp import QR_SIZE
from desktop.printing.pdf_stream import _compress
from desktop.printing.qr import SUB


@given(st.binary(max_size=5000), st.binary(max_size=3000))
def test_the_two_parts_inflate_to_their_concatenation(head, tail):
    data = _compress(head, tail)
    inflate = zlib.decompressobj()
    assert inflate.decompress(data) == head + tail  # the checksum is checked at the end
    assert inflate.eof and not inflate.unused_data


def test_every_page_ends_with_its_qr_symbol_and_readers_see_the_same_page(sample_result):
    projects = list(sample_result.projects)
    buf = io.BytesIO()
    result = render(projects, buf, codes=True, printed_at=datetime(2026, 12, 5, 20, 30))
    reader = PdfReader(io.BytesIO(buf.getvalue()), strict=True)
    assert len(reader.pages) == result.pages >= len(projects) == 13
    side = 21 * SUB  # a version 1 symbol, SUB pixels a module
    for page in reader.pages:
        raw = page["/Contents"].get_object()._data  # as stored: zlib.decompress checks it
        content = zlib.decompress(raw)
        assert content.count(b" BI ") == 1
        head, image = content.split(b" BI ")
        assert image.startswith(f"/W {side} /H {side} /IM true /BPC 1 /D [1 0] ID ".encode())
        pixels = image[image.index(b" ID ") + 4 : -len(b"\nEI Q\n")]
        assert len(pixels) == side * -(-side // 8)  # whole bytes a row, nothing else
        assert image.endswith(b"\nEI Q\n")
        assert b"Tj" in head  # the page's text comes before the symbol
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        for page in pdf.pages:
            (image,) = page.images
            assert image["srcsize"] == (side, side)
            assert abs(image["width"] - QR_SIZE) < 0.01
            assert "校验码" in page.extract_text()  # the footer read as text
