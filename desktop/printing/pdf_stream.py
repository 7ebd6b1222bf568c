"""The PDF document that ``render`` writes: reportlab's, with each page's content
compressed and set aside in a temporary file at once and the file written object by object,
so that memory does not grow with the number of pages; and the document information with
the printed forms embedded as data (``DATA_KEY``)."""

from __future__ import annotations

import base64
import io
import json
import zlib

from reportlab.pdfbase.pdfdoc import (
    PDFCrossReferenceTable,
    PDFDate,
    PDFDictionary,
    PDFDocument,
    PDFIndirectObject,
    PDFInfo,
    PDFObject,
    PDFObjectReference,
    PDFPage,
    PDFString,
    PDFTrailer,
)
from reportlab.pdfbase.pdfdoc import (
    format as pdf_format,
)

from desktop.domain.model import Project
from desktop.printing.check_stamp import PrintedForm
from desktop.printing.rl_internals import check_reportlab_internals

DATA_KEY = "JixiaoProjects"


class _Base64String(PDFObject):
    """A literal string of base64 text, written as is (PDFString escapes it character by
    character, which took longer than writing all the pages' text)."""

    def __init__(self, text: str):
        self.text = text

    def format(self, document):
        return b"(" + self.text.encode("ascii") + b")"


class _InfoWithData(PDFInfo):
    """The document information dictionary, plus the forms as data (compressed JSON), so
    that importing our own printout gives back exactly the projects that were printed."""

    def __init__(self, base: PDFInfo, data: str):
        super().__init__()
        self.__dict__.update(base.__dict__)
        self.data = data

    def format(self, document):
        d = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            DATA_KEY: _Base64String(self.data),
        }
        d["ModDate"] = d["CreationDate"] = PDFDate(
            ts=document._timeStamp, dateFormatter=self._dateFormatter
        )
        return PDFDictionary(d).format(document)


class _Embedding:
    """The printed projects as compressed JSON, built one project at a time."""

    def __init__(self) -> None:
        self.z = zlib.compressobj(6)
        self.parts: list[bytes] = []
        self.count = 0
        self._add('{"format": "jixiao-projects", "version": 1, "projects": [')

    def _add(self, text: str) -> None:
        self.parts.append(self.z.compress(text.encode("utf-8")))

    def add(self, project: Project) -> None:
        from desktop.domain.codec import project_to_dict

        sep = ", " if self.count else ""
        self._add(sep + json.dumps(project_to_dict(project), ensure_ascii=False))
        self.count += 1

    def finish(self, pages: list[int], forms: list[PrintedForm]) -> str:
        self._add(f'], "pages": {json.dumps(pages)}')
        if forms:  # what the check codes and QR codes on the pages say
            codes = json.dumps([f.to_dict() for f in forms], ensure_ascii=False)
            self._add(f', "check_codes": {codes}')
        self._add("}")
        self.parts.append(self.z.flush())
        return base64.b64encode(b"".join(self.parts)).decode("ascii")


class _SpilledStream(PDFObject):
    """A page's compressed content, kept in a temporary file until the document is written."""

    __RefOnly__ = 1
    __slots__ = ("__InternalName__", "length", "offset", "spill")

    def __init__(self, spill, offset: int, length: int):
        self.spill, self.offset, self.length = spill, offset, length

    def format(self, document):
        self.spill.seek(self.offset)
        data = self.spill.read(self.length)
        head = pdf_format(
            PDFDictionary({"Length": self.length, "Filter": "/FlateDecode"}), document
        )
        return head + b"\nstream\n" + data + b"\nendstream\n"


check_reportlab_internals()  # fail loudly at import on a reportlab without them

_PAGE_DEFAULTS = frozenset(vars(PDFPage()))
_OWN = frozenset(("__InternalName__", "Contents", "XObjects", "ExtGState", "stream"))


class _SlimPage(PDFObject):
    """A finished page until the file is written: its content, its XObjects and graphics
    states, and its other attributes as a tuple shared by all pages that have the same."""

    __slots__ = ("contents", "extgstate", "rest", "xobjects")

    def __init__(self, page: PDFPage, shared: dict):
        rest = []
        for k, v in vars(page).items():
            if k in _OWN or (v is None and k in _PAGE_DEFAULTS):
                continue
            if isinstance(v, list | dict) and not v:
                continue  # [] annotations, {} colours and shadings: PDFPage's defaults
            if isinstance(v, PDFDictionary) and not v.dict:
                continue  # an empty page transition
            rest.append((k, v))
        rest_t = tuple(rest)
        self.rest = shared.setdefault(rest_t, rest_t) if _hashable(rest_t) else rest_t
        self.contents = page.Contents
        self.extgstate = page.ExtGState
        xobjects = page.XObjects
        if xobjects is not None:  # the same form references on every page: one dictionary
            xobjects = shared.setdefault(("XObjects", *sorted(xobjects.dict)), xobjects)
        self.xobjects = xobjects

    def format(self, document):
        page = PDFPage()
        page._shadingUsed = {}  # set by the canvas on every page (no class default)
        for k, v in self.rest:
            setattr(page, k, v)
        page.Contents = self.contents
        page.ExtGState = self.extgstate
        page.XObjects = self.xobjects
        return page.format(document)


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


HEAD_LEVEL = 5  # pages' text: 1 % larger than at 6, compressed in 85 % of the time
TAIL_LEVEL = 1
TAIL_WINDOW_BITS = 10  # 1 KB: the symbol's rows repeat within 14 bytes


def _compress(head: bytes, tail: bytes) -> bytes:
    """``head + tail`` as one zlib stream: ``head`` (text and rules) at HEAD_LEVEL, ``tail``
    (the QR symbol's pixels, which level 6 takes 2–3 times as long to compress as level 1
    for a few bytes less) at TAIL_LEVEL, as raw deflate blocks continuing ``head``'s after
    a flush to a byte boundary; the checksum is of both."""
    if not tail:
        return zlib.compress(head, HEAD_LEVEL)
    first = zlib.compressobj(HEAD_LEVEL)
    rest = zlib.compressobj(TAIL_LEVEL, zlib.DEFLATED, -TAIL_WINDOW_BITS, 1)
    return b"".join(
        (
            first.compress(head),
            first.flush(zlib.Z_SYNC_FLUSH),
            rest.compress(tail),
            rest.flush(),
            zlib.adler32(tail, zlib.adler32(head)).to_bytes(4, "big"),
        )
    )


class _StreamingDocument(PDFDocument):
    """reportlab's document, with each page's content compressed and set aside at once, and
    the file written object by object (each page freed once written), so that memory does
    not grow with the number of pages. ``page_tail``: operators to end the next page with
    (set before each ``showPage``; latin-1 text), compressed apart (``_compress``)."""

    spill = None
    shared: dict
    page_tail = ""

    def addPage(self, page):
        tail, self.page_tail = self.page_tail, ""
        if tail and page.stream is not None:
            tail += "\n"
            if self.spill is None or page.Contents:
                page.stream += tail
                tail = ""
        if self.spill is not None and page.stream is not None and not page.Contents:
            stream = page.stream
            head = stream.encode("latin-1") if isinstance(stream, str) else stream
            data = _compress(head, tail.encode("latin-1"))
            offset = self.spill.seek(0, io.SEEK_END)
            self.spill.write(data)
            page.Contents = _SpilledStream(self.spill, offset, len(data))
            page.stream = None
        name = self.thisPageName()
        super().addPage(page)
        if self.spill is not None:  # keep a few attributes, not a whole page object
            self.Pages.pages[-1] = PDFObjectReference(name)  # the tree needs only its number
            self.idToObject[name] = _SlimPage(page, self.shared)

    def SaveToFile(self, filename, canvas):
        if hasattr(filename, "write"):
            self._write(filename, canvas)
        else:
            with open(filename, "wb") as f:
                self._write(f, canvas)

    def _write(self, f, canvas) -> None:
        """PDFDocument.GetPDFData + format, writing each object as it is formatted."""
        for font in self.delayedFonts:
            font.addObjects(self)
        self.info.invariant = self.invariant
        self.info.digest(self.signature)
        self.Reference(self.Catalog)
        self.Reference(self.info)
        self.Outlines.prepare(self, canvas)
        if self.Outlines.ready < 0:
            self.Catalog.Outlines = None
        self.encrypt.prepare(self)
        offset = 0

        def add(data: bytes) -> int:
            nonlocal offset
            start = offset
            f.write(data)
            offset += len(data)
            return start

        add(
            f"%PDF-{self._pdfVersion[0]}.{self._pdfVersion[1]}\n".encode("ascii")
            + b"%\223\214\213\236 ReportLab Generated PDF document (opensource)\n"
        )
        ids = []
        number = 0
        while True:
            number += 1
            if number not in self.numberToId:
                break
            oid = self.numberToId[number]
            obj = self.idToObject[oid]
            self.idToOffset[oid] = add(PDFIndirectObject(oid, obj).format(self))
            ids.append(oid)
            if isinstance(obj, _SlimPage | _SpilledStream):
                self.idToObject[oid] = None  # written: let it go
        xref = PDFCrossReferenceTable()
        xref.addsection(0, ids)
        start = add(xref.format(self))
        trailer = PDFTrailer(
            startxref=start,
            Size=len(self.numberToId) + 1,
            Root=self.Reference(self.Catalog),
            Info=self.Reference(self.info),
            ID=self.ID(),
        )
        add(trailer.format(self))
