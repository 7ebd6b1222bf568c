"""Importing PDF forms (pdfplumber).

Our own printouts carry the projects as data (see ``printing.render``): importing one gives
back exactly the projects that were printed. Other PDFs — the forms published by finance
bureaus — are read as tables: each table row becomes a row of cells for the same
label-driven parser as the published text (title and year lines from the page text)."""

from __future__ import annotations

import base64
import contextlib
import contextvars
import io
import json
import os
import re
import zlib
from pathlib import Path

from desktop.domain import file_text as say
from desktop.domain import limits
from desktop.domain.messages import Message, Term
from desktop.io import json_format
from desktop.io.published_text import parse_records
from desktop.io.records import Record, join_wrapped, key
from desktop.io.report import ImportFormatError, ImportResult
from desktop.io.variants import unit_note

DATA_KEY = "JixiaoProjects"

# -- bounded inflating ----------------------------------------------------------------------
# pdfminer inflates every stream whole (``zlib.decompress``); a 1 MB stream can unpack to
# gigabytes. Its zlib and LZW decoding are replaced by versions that stop at
# ``limits.MAX_STREAM_INFLATED`` per stream and ``limits.MAX_PDF_INFLATED`` per file.

_left: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("pdf_budget", default=None)
#: the name of the file being read, for the sentence of a limit reached inside pdfminer
_file: contextvars.ContextVar[str] = contextvars.ContextVar("pdf_file", default="PDF")


def _over(template: str, **args) -> limits.LimitError:
    return limits.LimitError(Message(template, name=_file.get(), **args))


def _spend(n: int) -> None:
    budget = _left.get()
    if budget is not None:
        budget[0] -= n
        if budget[0] < 0:
            raise _over(say.PDF_INFLATED)


class _BoundedInflater:
    def __init__(self, *args):
        self._d = zlib.decompressobj(*args)
        self._out = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = limits.MAX_STREAM_INFLATED - self._out + 1
        out = self._d.decompress(data, room if not max_length else min(room, max_length))
        self._out += len(out)
        _spend(len(out))
        if self._out > limits.MAX_STREAM_INFLATED:
            raise _over(say.PDF_STREAM_INFLATED)
        return out

    def __getattr__(self, name):
        return getattr(self._d, name)


class _BoundedZlib:
    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    @staticmethod
    def decompressobj(*args) -> _BoundedInflater:
        return _BoundedInflater(*args)

    @staticmethod
    def decompress(data: bytes, *args) -> bytes:
        d = _BoundedInflater(*args)
        out = d.decompress(data)
        if not d.eof:
            raise zlib.error("incomplete or truncated stream")
        return out


def _decompress_corrupted(data: bytes) -> bytes:
    d = _BoundedInflater()
    parts = []
    try:
        for start in range(0, len(data), 4096):
            parts.append(d.decompress(data[start : start + 4096]))
    except zlib.error:
        pass
    return b"".join(parts)


def _lzwdecode(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    out, size = [], 0
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        size += len(chunk)
        _spend(len(chunk))
        if size > limits.MAX_STREAM_INFLATED:
            raise _over(say.PDF_STREAM_INFLATED)
        out.append(chunk)
    return b"".join(out)


# -- a budget of the work actually done (``limits.MAX_PDF_*``) -------------------------------
# What pdfminer really does is counted as it does it: references resolved, content-stream
# tokens interpreted, characters and paths laid out — per file.

_work: contextvars.ContextVar[dict[str, int] | None] = contextvars.ContextVar(
    "pdf_work", default=None
)
_WORK_LIMITS = {
    "resolves": (limits.MAX_PDF_RESOLVES, say.PDF_RESOLVES),
    "tokens": (limits.MAX_PDF_TOKENS, say.PDF_TOKENS),
    "chars": (limits.MAX_PDF_CHARS, say.PDF_CHARS),
    "paths": (limits.MAX_PDF_PATHS, say.PDF_PATHS),
}


def _work_done(kind: str, n: int = 1) -> None:
    left = _work.get()
    if left is not None:
        left[kind] -= n
        if left[kind] < 0:
            limit, what = _WORK_LIMITS[kind]
            raise _over(what, limit=limit)


_bounded = False


class PdfminerChanged(ImportError):
    """This pdfminer lacks a decoder the bomb guard replaces."""


#: pdfminer.pdftypes' globals the guard replaces (``PDFStream.decode`` calls each of them)
PATCHED = ("zlib", "lzwdecode", "decompress_corrupted")


def _bound_pdfminer() -> None:
    """Replace pdfminer's stream decoders for the whole process. Each name must be there
    already and be what ``PDFStream.decode`` calls: assigning a name pdfminer no longer uses
    would add an attribute and leave the bomb guard silently gone, so a missing one fails
    loudly instead (pyproject bounds pdfminer.six to the tested releases)."""
    global _bounded
    from pdfminer import converter, pdfinterp, pdftypes

    decode = getattr(getattr(pdftypes, "PDFStream", None), "decode", None)
    used = decode.__code__.co_names if decode is not None else ()  # the globals it reads
    missing = [name for name in PATCHED if not hasattr(pdftypes, name) or name not in used]
    if missing:
        import pdfminer

        raise PdfminerChanged(
            f"pdfminer.six {pdfminer.__version__} lacks what the PDF bomb guard replaces: "
            + ", ".join(f"pdftypes.{m}" for m in missing)
        )
    pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]
    pdftypes.lzwdecode = _lzwdecode
    pdftypes.decompress_corrupted = _decompress_corrupted
    if _bounded:
        return
    _bounded = True
    resolve = pdftypes.PDFObjRef.resolve

    def counted_resolve(self, default=None):
        _work_done("resolves")
        return resolve(self, default)

    pdftypes.PDFObjRef.resolve = counted_resolve  # type: ignore[method-assign]

    class CountedContentParser(pdfinterp.PDFContentParser):
        def nextobject(self):
            _work_done("tokens")
            return super().nextobject()

    pdfinterp.PDFContentParser = CountedContentParser  # type: ignore[misc]
    render_contents = pdfinterp.PDFPageInterpreter.render_contents

    def counted_contents(self, *args, **kwargs):
        _work_done("tokens", limits.PDF_DRAWING_COST)  # a form XObject drawn: a new interpreter
        return render_contents(self, *args, **kwargs)

    pdfinterp.PDFPageInterpreter.render_contents = counted_contents  # type: ignore[method-assign]
    render_char = converter.PDFLayoutAnalyzer.render_char
    paint_path = converter.PDFLayoutAnalyzer.paint_path

    def counted_char(self, *args, **kwargs):
        _work_done("chars")
        return render_char(self, *args, **kwargs)

    def counted_path(self, *args, **kwargs):
        _work_done("paths")
        return paint_path(self, *args, **kwargs)

    converter.PDFLayoutAnalyzer.render_char = counted_char  # type: ignore[method-assign]
    converter.PDFLayoutAnalyzer.paint_path = counted_path  # type: ignore[method-assign]


@contextlib.contextmanager
def _budget(name: str):
    token = _left.set([limits.MAX_PDF_INFLATED])
    work = _work.set({kind: limit for kind, (limit, _) in _WORK_LIMITS.items()})
    named = _file.set(name)
    try:
        yield
    finally:
        _left.reset(token)
        _work.reset(work)
        _file.reset(named)


def _embedded(pdf) -> ImportResult | None:
    raw = pdf.metadata.get(DATA_KEY) if isinstance(pdf.metadata, dict) else None
    if not isinstance(raw, str | bytes) or not raw:
        return None
    try:
        text = raw.decode("ascii") if isinstance(raw, bytes) else raw
        packed = base64.b64decode(text)
        data = limits.inflate(packed, limits.MAX_EMBEDDED_JSON, "PDF", Term(say.PDF_DATA_INFLATED))
        doc = limits.load_json(data.decode("utf-8"), "PDF")
    except (ValueError, zlib.error, UnicodeDecodeError):
        return None
    pages = doc.get("pages") if isinstance(doc, dict) else None
    if not isinstance(pages, list) or not all(type(n) is int for n in pages):
        return None
    if sum(pages) != len(pdf.pages):
        return None  # pages were added or removed since: read what is printed instead
    return json_format.loads(
        json.dumps(
            {
                "format": doc.get("format"),
                "version": doc.get("version"),
                "projects": doc.get("projects"),
            }
        )
    )


_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")


def _count_objects(path: Path) -> None:
    """A PDF whose cross-reference table is broken is read by parsing every object in it
    (pdfminer's fallback): bound their number before anything is parsed."""
    limits.check_size(path, limits.MAX_IMPORT_BYTES)
    data = path.read_bytes()
    count = sum(1 for _ in _OBJECT.finditer(data))
    if count > limits.MAX_PDF_OBJECTS:
        limit = limits.MAX_PDF_OBJECTS
        raise limits.LimitError(Message(say.PDF_OBJECTS, name=path.name, count=count, limit=limit))


def _pages(pdf, name: str) -> None:
    """Build pdfplumber's page list with the page limit checked first: the declared count,
    then while walking the page tree (which may lie about its count)."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1
    from pdfplumber.page import Page

    tree = resolve1(pdf.doc.catalog.get("Pages"))
    count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    if isinstance(count, int) and count > limits.MAX_PAGES:
        over = Message(say.PDF_PAGES_COUNTED, name=name, count=count, limit=limits.MAX_PAGES)
        raise limits.LimitError(over)
    pages, doctop = [], 0
    for number, page in enumerate(PDFPage.create_pages(pdf.doc), 1):
        if number > limits.MAX_PAGES:
            raise limits.LimitError(Message(say.PDF_PAGES, name=name, limit=limits.MAX_PAGES))
        p = Page(pdf, page, page_number=number, initial_doctop=doctop)
        pages.append(p)
        doctop += p.height
    pdf._pages = pages


def _records(pdf, name: str) -> list[Record]:
    records: list[Record] = []
    if len(pdf.pages) > limits.MAX_TABLE_PAGES:
        count, limit = len(pdf.pages), limits.MAX_TABLE_PAGES
        raise limits.LimitError(Message(say.PDF_TABLE_PAGES, name=name, count=count, limit=limit))
    for number, page in enumerate(pdf.pages, 1):
        if len(page.objects.get("char", ())) > limits.MAX_PAGE_CHARS:
            limit = limits.MAX_PAGE_CHARS
            raise limits.LimitError(Message(say.PDF_PAGE_CHARS, name=name, n=number, limit=limit))
        base = number * 1000
        for i, line in enumerate((page.extract_text() or "").split("\n")[:3]):
            k = key(line)
            if (
                "申报表" in k
                or "绩效目标表" in k
                or (k.startswith("(") and "年度" in k)
                or unit_note(k)
            ):
                records.append(Record(base + i, (line.strip(),), line))
        for t, table in enumerate(page.extract_tables()):
            for r, row in enumerate(table):
                cells = tuple(join_wrapped(c.strip()) if c else "" for c in row)
                if any(cells):
                    records.append(Record(base + 100 * (t + 1) + r, cells, "\t".join(cells)))
        page.close()  # its layout (≈ 2 KB a character) is not kept for the pages after it
    return records


def _limit_inside(exc: BaseException) -> limits.LimitError | None:
    """The LimitError a wrapping exception carries (as its argument, cause or context)."""
    seen = set()
    todo = [exc]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, limits.LimitError):
            return e
        todo += [a for a in e.args if isinstance(a, BaseException)]
        todo += [c for c in (e.__cause__, e.__context__) if c is not None]
    return None


def _refusal(exc: Exception, name: str) -> ImportFormatError:
    """One line for a PDF that could not be read."""
    from pdfminer.pdfparser import PDFSyntaxError

    # pdfplumber wraps what happens while a page is laid out (PdfminerException(cause)),
    # and what the decoders raise
    limit = _limit_inside(exc)
    if limit is not None:
        exc = limit
    elif exc.args and isinstance(exc.args[0], Exception):
        exc = exc.args[0]
    if isinstance(exc, limits.LimitError):  # a whole sentence naming the file
        return ImportFormatError(exc.args[0] if exc.args else str(exc))
    if isinstance(exc, RecursionError | MemoryError):
        return ImportFormatError(Message(say.IMPORT_TOO_COMPLEX, name=name))
    if isinstance(exc, PDFSyntaxError | OSError | ValueError | KeyError | TypeError):
        return ImportFormatError(Message(say.NOT_PDF, name=name, detail=str(exc)))
    return ImportFormatError(Message(say.CANNOT_READ_AS, name=name, detail=type(exc).__name__))


def load_pdf(path: str | os.PathLike) -> ImportResult:
    """Read the forms in a PDF. Raises ImportFormatError when there are none."""
    import pdfplumber

    path = Path(path)
    _bound_pdfminer()
    try:
        _count_objects(path)
        with _budget(path.name), pdfplumber.open(path) as pdf:
            _pages(pdf, path.name)
            result = _embedded(pdf)
            if result is None:
                result = parse_records(_records(pdf, path.name), source_name=path.name)
    except ImportFormatError:
        raise
    except Exception as exc:
        raise _refusal(exc, path.name) from exc
    if not result.projects:
        raise ImportFormatError(Message(say.NO_FORM_IN, name=path.name))
    return result
