"""reportlab's internals that printing relies on (``render.py``), checked: the canvas's
``_doc`` (its class swapped for a streaming document) and ``_code``; the document's attributes
the streaming writer reads; what ``PDFPage.check_format`` reads of a page, which the slim
pages set again; and the parts of reportlab's QR encoder that ``qr.py`` drives without its
public ``addData`` path (``check_qr_internals``: its ``dataCache`` emptied before
``makeImpl``, the data positions, the Reed–Solomon blocks and tables). A reportlab release
that renamed one would otherwise fail late or, worse, write a wrong file or a symbol no
scanner reads; ``render`` and ``qr`` run the checks at import (pyproject bounds reportlab
to the tested releases)."""

from __future__ import annotations

import io

from reportlab.pdfbase.pdfdoc import PDFPage
from reportlab.pdfgen.canvas import Canvas

_CANVAS_ATTRS = ("_doc", "_code")
_DOC_ATTRS = (
    "delayedFonts", "info", "invariant", "signature", "Catalog", "Outlines", "encrypt",
    "_pdfVersion", "numberToId", "idToObject", "idToOffset", "Pages", "_timeStamp",
    "thisPageName", "Reference", "ID", "addPage", "SaveToFile",
)  # fmt: skip
# what PDFPage.check_format reads of a page (set by the canvas; _SlimPage sets them again)
_PAGE_READS = ("stream", "Contents", "XObjects", "ExtGState", "_shadingUsed")


class ReportlabChanged(ImportError):
    """This reportlab lacks an internal the printing relies on."""


def check_reportlab_internals() -> None:
    """Raise ``ReportlabChanged`` naming what is missing."""
    canvas = Canvas(io.BytesIO())
    missing = [f"Canvas.{a}" for a in _CANVAS_ATTRS if not hasattr(canvas, a)]
    doc = getattr(canvas, "_doc", None)
    missing += [f"PDFDocument.{a}" for a in _DOC_ATTRS if not hasattr(doc, a)]
    check = getattr(PDFPage, "check_format", None)
    reads = check.__code__.co_names if check is not None else ()
    missing += [f"PDFPage.check_format reading {a}" for a in _PAGE_READS if a not in reads]
    if not hasattr(getattr(doc, "Pages", None), "pages"):
        missing.append("PDFDocument.Pages.pages")
    if missing:
        import reportlab

        raise ReportlabChanged(
            f"reportlab {reportlab.Version} lacks what printing relies on: {', '.join(missing)}"
        )


# reportlab.graphics.barcode.qrencoder: module attributes, a QRCode's, a block's
_QR_MODULE = (
    "QRCode", "QRMath.gexp", "QRUtil.getErrorCorrectPolynomial", "QRRSBlock.getRSBlocks",
    "QRErrorCorrectLevel.M",
)  # fmt: skip
_QR_CODE = ("dataCache", "makeImpl", "moduleCount", "modules", "dataPosIterator")
_QR_BLOCK = ("dataCount", "totalCount")
_QR_POLY = ("get", "getLength")


def _lookup(obj, dotted: str):
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def check_qr_internals(qrencoder) -> None:
    """Raise ``ReportlabChanged`` naming what ``qr.py`` needs of ``qrencoder`` and misses
    (setting ``dataCache`` on a release without it would add an attribute makeImpl never
    reads, and the symbol would carry other data)."""
    missing = []
    for name in _QR_MODULE:
        try:
            _lookup(qrencoder, name)
        except AttributeError:
            missing.append(f"qrencoder.{name}")
    if not missing:
        level = qrencoder.QRErrorCorrectLevel.M
        code = qrencoder.QRCode(1, level)
        missing += [f"QRCode.{a}" for a in _QR_CODE if not hasattr(code, a)]
        make = getattr(type(code), "makeImpl", None)
        if make is not None and "dataCache" not in make.__code__.co_names:
            missing.append("QRCode.makeImpl reading dataCache")
        block = qrencoder.QRRSBlock.getRSBlocks(1, level)[0]
        missing += [f"QRRSBlock.{a}" for a in _QR_BLOCK if not hasattr(block, a)]
        poly = qrencoder.QRUtil.getErrorCorrectPolynomial(2)
        missing += [f"QRPolynomial.{a}" for a in _QR_POLY if not hasattr(poly, a)]
    if missing:
        import reportlab

        raise ReportlabChanged(
            f"reportlab {reportlab.Version} lacks what the QR codes rely on: {', '.join(missing)}"
        )
