"""reportlab's internals that printing relies on (``render.py``), checked: the canvas's
``_doc`` (its class swapped for a streaming document) and ``_code``; the document's attributes
the streaming writer reads; what ``PDFPage.check_format`` reads of a page, which the slim
pages set again. A reportlab release that renamed one would otherwise fail late or, worse,
write a wrong file; ``render`` runs the check at import (pyproject bounds reportlab to the
tested releases)."""

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
