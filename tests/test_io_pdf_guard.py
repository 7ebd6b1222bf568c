"""The guards on library internals: pdfminer's stream decoders are replaced by bounded ones
(and a pdfminer that no longer has them fails loudly); reportlab's internals that printing
uses are checked at import."""

from __future__ import annotations

import importlib

import pytest

from desktop.io import pdf_format
from desktop.io.report import ImportFormatError
from tests.hostile_corpus import _deflated_zeros, _one_page, _pdf, _stream


def test_a_pdf_bomb_is_refused_by_the_bounded_decoder_after_the_patch(tmp_path):
    from pdfminer import pdftypes

    bomb = _pdf(tmp_path / "炸弹.pdf", _one_page(_stream(_deflated_zeros(100 * 1024 * 1024))))
    with pytest.raises(ImportFormatError) as refused:
        pdf_format.load_pdf(bomb)
    # refused by the limit (an unbounded inflate would read 100 MB of blanks and say
    # "no form found" instead)
    assert str(refused.value) == "“炸弹.pdf”：PDF 中一段压缩的内容解压后太大，为安全起见未读取。"
    assert pdftypes.zlib is pdf_format._BoundedZlib
    assert pdftypes.lzwdecode is pdf_format._lzwdecode
    assert pdftypes.decompress_corrupted is pdf_format._decompress_corrupted


@pytest.mark.parametrize("name", pdf_format.PATCHED)
def test_a_pdfminer_without_a_patched_decoder_fails_loudly(monkeypatch, name):
    from pdfminer import pdftypes

    monkeypatch.delattr(pdftypes, name)
    with pytest.raises(pdf_format.PdfminerChanged, match=rf"pdftypes\.{name}"):
        pdf_format._bound_pdfminer()


def test_a_pdfminer_whose_decode_no_longer_calls_the_patched_names_fails_loudly(monkeypatch):
    from pdfminer import pdftypes

    def decode(self):  # e.g. a release that imports its decompressor by another name
        return None

    monkeypatch.setattr(pdftypes.PDFStream, "decode", decode)
    with pytest.raises(pdf_format.PdfminerChanged) as failed:
        pdf_format._bound_pdfminer()
    assert all(f"pdftypes.{n}" in str(failed.value) for n in pdf_format.PATCHED)


def test_reportlab_has_the_internals_printing_uses():
    from desktop.printing import rl_internals as internals

    internals.check_reportlab_internals()  # also run when printing.render is imported


@pytest.mark.parametrize(
    ("owner", "name", "named"),
    [
        ("reportlab.pdfbase.pdfdoc.PDFDocument", "thisPageName", "PDFDocument.thisPageName"),
        ("reportlab.pdfbase.pdfdoc.PDFDocument", "SaveToFile", "PDFDocument.SaveToFile"),
    ],
)
def test_a_reportlab_without_an_internal_fails_loudly(monkeypatch, owner, name, named):
    from desktop.printing import rl_internals as internals

    module, cls = owner.rsplit(".", 1)
    monkeypatch.delattr(getattr(importlib.import_module(module), cls), name)
    with pytest.raises(internals.ReportlabChanged, match=named):
        internals.check_reportlab_internals()


def test_a_reportlab_whose_canvas_lacks_its_code_list_fails_loudly(monkeypatch):
    from reportlab.pdfgen.canvas import Canvas

    from desktop.printing import rl_internals as internals

    class Renamed(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            del self._code

    monkeypatch.setattr(internals, "Canvas", Renamed)
    with pytest.raises(internals.ReportlabChanged, match=r"Canvas\._code"):
        internals.check_reportlab_internals()
