"""A generator of hostile and huge input files, one builder per attack class.

Each builder writes its file(s) into a folder and returns a ``Case``: the command to run
(``import FILE`` or ``merge FILE``, or a command on ``--db FILE`` itself) and what must
happen — a one-line refusal naming the file, or an import (possibly with rows reported).
``python tests/hostile_corpus.py OUT_DIR`` writes the whole corpus for manual trials.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import sqlite3
import sys
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REFUSE = "refuse"  # exit 2, one line on stderr naming the file, nothing changed
IMPORT = "import"  # exit 0 or 1, no traceback; ``check`` looks at the result


@dataclass
class Case:
    name: str
    file: Path
    command: str = "import"  # import | merge | list (the file is the --db itself)
    expect: str = REFUSE
    check: Callable | None = None  # check(db_path, stdout, stderr) for imports
    slow: bool = False
    #: the working file a merge goes into, instead of the runner's template
    local: Path | None = None
    #: the command's output goes to a folder on a full disk (a tmpfs of a few KB)
    full_disk: bool = False
    #: ``prepare(working file, run folder) -> (file, working file)``: the case's file made
    #: for the run, once the working file is in its place (its replica id is bound there)
    prepare: Callable | None = None
    #: commands run next on the working file (``{out}``: the run folder), each measured
    then: tuple = ()
    #: run without the superuser's power to ignore file permissions
    unprivileged: bool = False


def _project(name="测试项目", number="85", **extra) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "year": 2025,
        "name": name,
        "implementing_unit": "某区司法局",
        "funds": {"total": "100.00"},
        "indicators": [
            {
                "level1": "产出指标",
                "level2": "数量指标",
                "name": "件数",
                "op": "≥",
                "number": number,
                "unit": "件",
            }
        ],
        **extra,
    }


def _json_doc(projects: list) -> dict:
    return {"format": "jixiao-projects", "version": 1, "projects": projects}


def _write_json(path: Path, doc) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


# -- JSON ---------------------------------------------------------------------------------


def json_cases(d: Path) -> list[Case]:
    def huge_number(db, out, err):
        assert "超出范围" in out  # the row is reported…
        assert _names(db) >= {"正常项目"}  # …and the others imported

    def cleaned(db, out, err):
        names = _names(db)
        assert any("\ufffd" in n for n in names), names
        assert not any("\x00" in n or "\ud800" in n for n in names)

    cases = [
        Case(
            "json-exponent-1e999999999",
            _write_json(
                d / "exp.json", _json_doc([_project("炸弹", "1e999999999"), _project("正常项目")])
            ),
            expect=IMPORT,
            check=huge_number,
        ),
        Case(
            "json-int-5000-digits",
            _write_json_text(
                d / "bigint.json",
                '{{"format": "jixiao-projects", "version": 1, '
                '"projects": [{{"id": "{}", "year": {}}}]}}'.format(uuid.uuid4(), "9" * 5000),
            ),
            expect=IMPORT,
            # the project is reported and not stored; the file's other content is none
            check=lambda db, out, err: (
                ("第 1 个项目未导入" in out and "新增 0 个" in out) or _fail(out)
            ),
        ),
        Case(
            "json-version-5000-digits",
            _write_json_text(
                d / "bigver.json",
                '{"format": "jixiao-projects", "version": %s, "projects": []}' % ("9" * 5000),
            ),
        ),
        Case(
            "json-lone-surrogate-and-nul",
            _write_json_text(
                d / "surrogate.json",
                json.dumps(
                    _json_doc([_project("坏\ud800字\x00\x07"), _project("正常项目")]),
                    ensure_ascii=True,
                ),
            ),
            expect=IMPORT,
            check=cleaned,
        ),
        Case("json-deep-nesting", _write_json_text(d / "deep.json", "[" * 200_000 + "]" * 200_000)),
        Case("json-nan", _write_json_text(d / "nan.json", '{"format": NaN}')),
        Case("json-not-utf8", _write_bytes(d / "bytes.json", b"\xff\xfe\x00\x00" + b"\x00" * 100)),
        Case("json-too-big", _sparse(d / "huge.json", 200 * 1024 * 1024)),
        Case(
            "json-850000-projects",
            _write_json_text(
                d / "many.json",
                '{"format": "jixiao-projects", "version": 1, "projects": ['
                + ",".join(f'{{"id":"{uuid.UUID(int=n)}","year":2025}}' for n in range(850_000))
                + "]}",
            ),
        ),
        Case(
            "json-15M-empty-arrays",
            _write_json_text(
                d / "arrays.json",
                '{"format": "jixiao-projects", "version": 1, "projects": ['
                + ",".join(["[]"] * 15_000_000)
                + "]}",
            ),
        ),
        Case(
            "json-counter-2^62-1",
            _write_json(
                d / "counter.json",
                _json_doc([_project("毒计数", versions={"x": 2**62 - 1}), _project("正常项目")]),
            ),
            expect=IMPORT,
            check=lambda db, out, err: (
                ("毒计数" not in _names(db) and "正常项目" in _names(db)) or _fail(_names(db))
            ),
        ),
    ]
    return cases


def _write_json_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path


def _fail(what):
    raise AssertionError(what)


def _no_raw_controls(db: Path) -> None:
    """No stored text holds a control character (other than tab and line breaks)."""
    conn = sqlite3.connect(db)
    try:
        for table in ("projects", "indicators"):
            for row in conn.execute(f"SELECT * FROM {table}"):
                for value in row:
                    if isinstance(value, str):
                        bad = [c for c in value if ord(c) < 32 and c not in "\t\n\r"]
                        assert not bad, (table, value[:80])
    finally:
        conn.close()


def _read_from_the_form_sheets(db: Path, out: str, sample: Path) -> None:
    """Our workbook whose hidden data sheet holds a number too long to read: the forms are
    read from their visible sheets instead — every project of the sample, no huge number."""
    from desktop.io.files import load_file

    expected = {p.name for p in load_file(sample).projects}
    assert f"读取 {len(expected)} 个项目" in out, out
    assert expected <= _names(db), expected - _names(db)
    conn = sqlite3.connect(db)
    try:
        longest = conn.execute("SELECT max(length(number)) FROM indicators").fetchone()[0]
    finally:
        conn.close()
    assert longest is None or longest <= 30, longest


def _names(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM projects")}
    finally:
        conn.close()


# -- text ---------------------------------------------------------------------------------


def text_cases(d: Path, sample: Path) -> list[Case]:
    text = sample.read_text(encoding="utf-8")
    dirty = text.replace("依法治区", "依法\x0c治\x01区").replace("，", "\x02，")
    return [
        Case("text-too-big-sparse", _sparse(d / "huge.txt", 60 * 1024 * 1024)),
        Case("text-with-nul", _write_bytes(d / "nul.txt", b"abc\x00def" * 100)),
        Case(
            "text-control-characters",
            _write_json_text(d / "control.txt", dirty),
            expect=IMPORT,
            check=lambda db, out, err: _no_raw_controls(db),
        ),
    ]


# -- workbooks ----------------------------------------------------------------------------

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>%s</Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WB = (
    '<?xml version="1.0" encoding="UTF-8"?>%s<workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>%s</Relationships>'
)
_SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?>%s<worksheet xmlns="http://schemas.openxmlformats.'
    'org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>'
)
_SST_CT = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/>'
)
_SST_REL = (
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/>'
)


def _xlsx(
    path: Path,
    rows,
    *,
    doctype="",
    sheet_doctype="",
    sst: str | tuple | None = None,
    title="表",
    extra: dict | None = None,
) -> Path:
    """A minimal workbook; ``rows`` is the sheetData XML (a string or an iterable of
    strings, written as a stream)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT % (_SST_CT if sst is not None else ""))
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB % (doctype, title))
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS % (_SST_REL if sst is not None else ""))
        if isinstance(sst, str):
            z.writestr("xl/sharedStrings.xml", sst)
        elif sst is not None:  # (head, items, tail), written as a stream
            _stream_into(z, "xl/sharedStrings.xml", *sst)
        with z.open("xl/worksheets/sheet1.xml", "w") as fh:
            head, tail = (_SHEET % (sheet_doctype, "\x00")).split("\x00")
            fh.write(head.encode())
            for chunk in [rows] if isinstance(rows, str) else rows:
                fh.write(chunk.encode())
            fh.write(tail.encode())
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'
    '&lol;&lol;">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(2, 10))
    + "]>"
)


def xlsx_cases(d: Path, own_export: Path, sample: Path) -> list[Case]:
    def many_rows():
        for n in range(1, 150_001):
            yield f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>'

    def many_cells():
        row = "<c><v>1</v></c>" * 100
        for n in range(1, 3_001):
            yield f'<row r="{n}">{row}</row>'

    # our own export, with a hostile number in the hidden data sheet
    hostile_hidden = d / "own-hidden-1e999999999.xlsx"
    _rewrite_zip(
        own_export,
        hostile_hidden,
        lambda name, data: data.replace(
            b"&quot;number&quot;: &quot;", b"&quot;number&quot;: &quot;1e999999999"
        ).replace(b'"number": "', b'"number": "1e999999999'),
    )

    return [
        Case(
            "xlsx-one-cell-at-XFD1048576",
            _xlsx(
                d / "far.xlsx",
                '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
            ),
        ),
        Case("xlsx-150000-rows", _xlsx(d / "rows.xlsx", many_rows())),
        Case("xlsx-300000-cells", _xlsx(d / "cells.xlsx", many_cells())),
        Case(
            "xlsx-billion-laughs",
            _xlsx(
                d / "laughs.xlsx",
                '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
                sheet_doctype=_LAUGHS,
            ),
        ),
        Case(
            "xlsx-xxe",
            _xlsx(
                d / "xxe.xlsx",
                '<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>',
                sheet_doctype='<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
            ),
        ),
        Case("xlsx-broken-xml", _xlsx(d / "broken.xlsx", '<row r="1"><c r="A1"><v>1</v></row>')),
        Case(
            "xlsx-bad-shared-string-index",
            _xlsx(
                d / "sst.xlsx",
                '<row r="1"><c r="A1" t="s"><v>99999</v></c></row>',
                sst='<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>a</t></si></sst>',
            ),
        ),
        Case(
            "xlsx-zip-bomb-part",
            _xlsx(
                d / "zipbomb.xlsx",
                '<row r="1"><c r="A1"><v>1</v></c></row>',
                extra={"xl/media/bomb.bin": b"\x00" * (250 * 1024 * 1024)},
            ),
            slow=True,
        ),
        Case("xlsx-not-a-zip", _write_bytes(d / "notzip.xlsx", b"PK\x03\x04" + b"\x00" * 200)),
        Case(
            "xlsx-hidden-sheet-1e999999999",
            hostile_hidden,
            expect=IMPORT,
            check=lambda db, out, err: _read_from_the_form_sheets(db, out, sample),
        ),
    ]


def _stream_into(z: zipfile.ZipFile, name: str, head: str, items, tail: str) -> None:
    with z.open(name, "w") as fh:
        fh.write(head.encode())
        buf = []
        for item in items:
            buf.append(item)
            if len(buf) >= 10_000:
                fh.write("".join(buf).encode())
                buf = []
        fh.write(("".join(buf) + tail).encode())


def _streamed_part(path: Path, name: str, head: str, items, tail: str) -> None:
    """Add a big part to a workbook, written as a stream."""
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        _stream_into(z, name, head, items, tail)


_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def xlsx_count_cases(d: Path) -> list[Case]:
    """Workbooks that pass every zip check but hold millions of shared strings or styles,
    or thousands of sheets: counted in the parts before openpyxl parses them."""
    strings = _xlsx(
        d / "sst-3M.xlsx",
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
        sst=(
            f'<?xml version="1.0"?><sst xmlns="{_MAIN_NS}" count="1" uniqueCount="1">',
            (f"<si><t>{n}</t></si>" for n in range(3_000_000)),
            "</sst>",
        ),
    )
    styles = _xlsx(d / "styles-2M.xlsx", '<row r="1"><c r="A1" s="1"><v>1</v></c></row>')
    _streamed_part(
        styles,
        "xl/styles.xml",
        f'<?xml version="1.0"?><styleSheet xmlns="{_MAIN_NS}"><cellXfs count="1">',
        ('<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' for _ in range(2_000_000)),
        "</cellXfs></styleSheet>",
    )
    sheets = d / "sheets-9000.xlsx"
    n = 9_000
    with zipfile.ZipFile(sheets, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/s{i}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(n)
        )
        z.writestr("[Content_Types].xml", (_CT % overrides))
        z.writestr("_rels/.rels", _RELS)
        entries = "".join(
            f'<sheet name="s{i}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i in range(n)
        )
        z.writestr(
            "xl/workbook.xml",
            (_WB % ("", "x")).replace('<sheet name="x" sheetId="1" r:id="rId1"/>', entries),
        )
        rels = "".join(
            f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/worksheet" Target="worksheets/s{i}.xml"/>'
            for i in range(n)
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        for i in range(n):
            z.writestr(f"xl/worksheets/s{i}.xml", _SHEET % ("", ""))
    return [
        Case("xlsx-3M-shared-strings", strings),
        Case("xlsx-2M-styles", styles),
        Case("xlsx-9000-sheets", sheets),
    ]


def _rewrite_zip(src: Path, dst: Path, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, change(info.filename, zin.read(info.filename)))


# -- PDF ----------------------------------------------------------------------------------


def _pdf(path: Path, objects: list[bytes], *, info: int | None = None) -> Path:
    """Objects 1..n as given (object 1 the catalog); a classic xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def _stream(data: bytes, flate: bool = True) -> bytes:
    raw = data
    head = b"<< /Length %d" % len(raw)
    if flate:
        head += b" /Filter /FlateDecode"
    return head + b" >>\nstream\n" + raw + b"\nendstream"


def _deflated_zeros(size: int, byte: bytes = b" ") -> bytes:
    c = zlib.compressobj(9)
    chunk = byte * (1024 * 1024)
    parts = [c.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join(parts) + c.flush()


def _one_page(contents: bytes, info: bytes | None = None, extra: list[bytes] = ()) -> list:
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        contents,
    ]
    if info is not None:
        objs.append(info)
    objs.extend(extra)
    return objs


def _pdf_pages(contents: list[bytes]) -> list[bytes]:
    """A PDF of one page for each content stream, with a Type 1 font /F1."""
    n = len(contents)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, body in enumerate(contents):
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objs.append(_stream(zlib.compress(body)))
    return objs


def pdf_work_cases(d: Path) -> list[Case]:
    """Within the declared limits (pages, objects, characters a page), yet work without
    end: the work actually done is budgeted."""
    line = b"(" + b"A" * 100 + b") Tj 0 -1 Td "
    chars = b"BT /F1 1 Tf 10 800 Td " + line * 490 + b"ET"  # 49,000 characters a page
    lines = b"".join(
        b"%d %d m %d %d l S " % (i % 500, i // 500 * 3, i % 500 + 50, i // 500 * 3)
        for i in range(20_000)
    )
    fan = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>",
        _stream(b"/X Do", flate=False),
    ]
    for i in range(8):  # each form draws the next ten times: 10^7 drawings
        body = b"/X Do " * 10 if i < 7 else b"q Q"
        res = b"/Resources << /XObject << /X %d 0 R >> >> " % (6 + i) if i < 7 else b""
        fan.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] "
            + res
            + b"/Length %d >>\nstream\n" % len(body)
            + body
            + b"\nendstream"
        )
    return [
        Case("pdf-49000-characters-on-100-pages", _pdf(d / "chars.pdf", _pdf_pages([chars] * 100))),
        Case("pdf-20000-lines-on-50-pages", _pdf(d / "lines.pdf", _pdf_pages([lines] * 50))),
        Case("pdf-3M-operators", _pdf(d / "ops.pdf", _pdf_pages([b"q Q " * 3_000_000]))),
        Case("pdf-form-xobject-fan-out", _pdf(d / "fanout.pdf", fan)),
        Case(
            "pdf-reference-cycle",
            _pdf(d / "refcycle.pdf", [b"<< /Type /Catalog /Pages 2 0 R >>", b"3 0 R", b"2 0 R"]),
        ),
        Case(
            "pdf-page-tree-cycle",
            _pdf(
                d / "treecycle.pdf",
                [
                    b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                ],
            ),
        ),
    ]


def pdf_cases(d: Path) -> list[Case]:
    empty = _stream(b"BT ET", flate=False)
    # our printout's embedded data: compressed JSON that inflates to 200 MB
    bomb = base64.b64encode(_deflated_zeros(100 * 1024 * 1024)).decode()
    doc = {
        "format": "jixiao-projects",
        "version": 1,
        "pages": [1],
        "projects": [_project("嵌入的炸弹", "1e999999999")],
    }
    embedded_number = base64.b64encode(zlib.compress(json.dumps(doc).encode())).decode()

    def many_pages(count_declared: int, kids: int) -> list[bytes]:
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
        refs = b" ".join(b"%d 0 R" % (n + 4) for n in range(kids))
        objs.append(b"<< /Type /Pages /Kids [" + refs + b"] /Count %d >>" % count_declared)
        objs.append(empty)
        for _ in range(kids):
            objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>")
        return objs

    return [
        Case(
            "pdf-embedded-data-inflates-to-100MB",
            _pdf(
                d / "metabomb.pdf",
                _one_page(empty, b"<< /JixiaoProjects (%s) >>" % bomb.encode()),
                info=5,
            ),
        ),
        Case(
            "pdf-metadata-stream-inflates-to-100MB",
            _pdf(
                d / "metastream.pdf",
                _one_page(
                    empty, b"<< /Title 6 0 R >>", [_stream(_deflated_zeros(100 * 1024 * 1024))]
                ),
                info=5,
            ),
        ),
        Case(
            "pdf-embedded-1e999999999",
            _pdf(
                d / "embnum.pdf",
                _one_page(empty, b"<< /JixiaoProjects (%s) >>" % embedded_number.encode()),
                info=5,
            ),
        ),
        Case(
            "pdf-content-stream-bomb",
            _pdf(d / "contentbomb.pdf", _one_page(_stream(_deflated_zeros(100 * 1024 * 1024)))),
        ),
        Case("pdf-200000-pages", _pdf(d / "pages.pdf", many_pages(200_000, 200_000)), slow=True),
        Case("pdf-page-count-lies", _pdf(d / "pageslie.pdf", many_pages(1, 20_000)), slow=True),
        Case("pdf-garbage", _write_bytes(d / "garbage.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 1000)),
    ]


# -- received and opened .db files -----------------------------------------------------------


def _altered(src: Path, dst: Path, *sql: str, params=()) -> Path:
    shutil.copyfile(src, dst)
    conn = sqlite3.connect(dst)
    try:
        for s in sql:
            conn.execute(s, params) if params else conn.execute(s)
        conn.commit()
    finally:
        conn.close()
    return dst


def _with_schema_sql(src: Path, dst: Path, table: str, change) -> Path:
    """Rewrite a table's CREATE statement in place (writable_schema), as a forger would."""
    shutil.copyfile(src, dst)
    conn = sqlite3.connect(dst)
    try:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [change(sql), table])
        conn.commit()
    finally:
        conn.close()
    return dst


def db_cases(d: Path, exported: Path) -> list[Case]:
    cases = []
    trigger = _altered(
        exported,
        d / "trigger.db",
        "CREATE TRIGGER t AFTER UPDATE ON meta BEGIN DELETE FROM projects; END",
    )
    tricky = _altered(
        exported,
        d / "autoindex.db",
        "CREATE TRIGGER sqlite1autoindex2t AFTER INSERT ON indicators "
        "BEGIN DELETE FROM indicators; END",
    )
    view = _altered(exported, d / "view.db", "CREATE VIEW v AS SELECT * FROM projects")
    generated = _with_schema_sql(
        exported,
        d / "generated.db",
        "projects",
        lambda s: s.rstrip(")") + ", g TEXT GENERATED ALWAYS AS (name) VIRTUAL)",
    )
    check = _with_schema_sql(
        exported,
        d / "check.db",
        "indicators",
        lambda s: s.rstrip(")") + ", CHECK (length(name) < 100000))",
    )
    for name, path in (
        ("trigger", trigger),
        ("trigger-named-sqlite1autoindex2t", tricky),
        ("view", view),
        ("generated-column", generated),
        ("check-constraint", check),
    ):
        cases.append(Case(f"db-received-{name}", path, command="merge"))
        cases.append(Case(f"db-opened-{name}", path, command="list"))
    number = _altered(
        exported,
        d / "number.db",
        "UPDATE indicators SET number = '1e999999999' WHERE id = "
        "(SELECT min(id) FROM indicators WHERE number IS NOT NULL)",
    )
    cases.append(
        Case(
            "db-received-1e999999999",
            number,
            command="merge",
            expect=IMPORT,
            check=lambda db, out, err: ("超出范围" in out or "无效" in out) or _fail(out),
        )
    )
    counter = _altered(
        exported,
        d / "counter.db",
        "UPDATE projects SET versions = ? WHERE rowid = (SELECT min(rowid) FROM projects)",
        params=[json.dumps({"x": 2**62 - 1})],
    )
    cases.append(
        Case(
            "db-received-counter-2^62-1",
            counter,
            command="merge",
            expect=IMPORT,
            check=lambda db, out, err: "次数" in out or _fail(out),
        )
    )
    control = _altered(
        exported,
        d / "control.db",
        "UPDATE projects SET name = name || char(0) || char(7) WHERE rowid = "
        "(SELECT min(rowid) FROM projects)",
    )
    cases.append(
        Case(
            "db-received-control-characters",
            control,
            command="merge",
            expect=IMPORT,
            check=lambda db, out, err: any("\ufffd" in n for n in _names(db)) or _fail(_names(db)),
        )
    )
    journal = d / "journal.db"
    shutil.copyfile(exported, journal)
    _sparse(Path(f"{journal}-journal"), 3 * 1024**3)
    cases.append(Case("db-received-3GB-sparse-journal", journal, command="merge"))
    truncated = d / "truncated.db"
    data = exported.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    cases.append(Case("db-received-truncated", truncated, command="merge"))
    cases.append(Case("db-opened-truncated", truncated, command="list"))
    short = _write_bytes(d / "short.db", data[:50])
    cases.append(Case("db-opened-50-bytes", short, command="list"))
    cases.append(
        Case("db-received-too-big-sparse", _sparse(d / "huge.db", 2 * 1024**3), command="merge")
    )
    return cases


REPAIR = "repair"  # a working file with bad rows: exit 1, those projects listed, no traceback
#: commands whose case file is what they write (``export-to``, ``summary-to``), or the
#: working file itself after ``prepare`` moved it (``list-to``)
TARGET_ARGS = {
    "export-to": ["export", "{file}"],
    "summary-to": ["summary", "--year", "2024", "--out", "{file}"],
    "list-to": ["list"],
}
#: what each command does with the working file ``--db FILE`` (outputs go to the folder)
OPENED_COMMANDS = ("list", "check", "export", "print")
OPENED_ARGS = {
    "list": ["list"],
    "check": ["check"],
    "export": ["export", "{out}/out.json"],
    "print": ["print", "--all", "--out", "{out}/out.pdf"],
}
#: wrong values in a working file that passes quick_check and has the exact schema
BAD_VALUES = {
    "year-abc": "UPDATE projects SET year = 'abc' WHERE rowid = 1",
    "versions-bad-json": "UPDATE projects SET versions = '{bad' WHERE rowid = 2",
    "number-abc": "UPDATE indicators SET number = 'abc' WHERE rowid = 3",
    "number-NaN": "UPDATE indicators SET number = 'NaN' WHERE rowid = 4",
    "number-1e999999999": "UPDATE indicators SET number = '1e999999999' WHERE rowid = 5",
    "date-2024-13-45": "UPDATE projects SET start_date = '2024-13-45' WHERE rowid = 3",
    "name-blob": "UPDATE projects SET name = CAST('名称' AS BLOB) WHERE rowid = 4",
    "op-unknown": "UPDATE indicators SET op = '≈' WHERE rowid = 7",
    "name-9MB": "UPDATE projects SET name = printf('%.*c', 9000000, 'x') WHERE rowid = 5",
    "amount-real": "UPDATE projects SET funds_total = 1.5 WHERE rowid = 6",
    "needs-review-7": "UPDATE indicators SET needs_review = 7 WHERE rowid = 8",
    "field-flags-list": "UPDATE projects SET field_flags = '[1, 2]' WHERE rowid = 7",
}


def _needs_repair(db, out, err):
    assert "需要修复" in err or "需要修复" in out, (out, err)


def opened_cases(d: Path, exported: Path) -> list[Case]:
    """Working files whose rows are wrong: every command works for the other projects and
    lists the bad one as needing repair."""
    cases = []
    for kind, sql in BAD_VALUES.items():
        path = _altered(exported, d / f"opened-{kind}.db", sql)
        for command in OPENED_COMMANDS:
            cases.append(
                Case(
                    f"db-opened-{kind}-{command}",
                    path,
                    command=command,
                    expect=REPAIR,
                    check=_needs_repair,
                )
            )
    # an interrupted copy: one byte short (SQLite zero-fills the last page)
    cut = d / "one-byte-short.db"
    data = exported.read_bytes()
    cut.write_bytes(data[:-1])
    # received: refused by integrity_check when the cut hits an index (as here: since the
    # (year, name_key) index of schema 12 our export's last page is one of that index's),
    # else the cut row would be reported and the rest merged
    cases.append(Case("db-received-one-byte-short", cut, command="merge"))
    for command in OPENED_COMMANDS:  # opened: quick_check passes, integrity_check does not
        cases.append(Case(f"db-opened-one-byte-short-{command}", cut, command=command))
    return cases


def big_db_cases(d: Path, exported: Path) -> list[Case]:
    """Files whose size is within the limits but whose rows are not: counted first."""
    many = _altered(
        exported,
        d / "indicators-2M.db",
        "INSERT INTO indicators (project_id, position, level1, level2, name) "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000) "
        "SELECT (SELECT id FROM projects LIMIT 1), 1000 + i, '产出指标', '数量指标', "
        "'指标' || i FROM n",
    )
    huge = _altered(
        exported,
        d / "name-200MB.db",
        "UPDATE projects SET name = printf('%.*c', 200000000, 'x') WHERE rowid = 1",
    )
    return [
        Case("db-received-2M-indicator-rows", many, command="merge", slow=True),
        Case("db-opened-2M-indicator-rows-list", many, command="list", expect=REPAIR, slow=True),
        Case(
            "db-opened-name-200MB-export",
            huge,
            command="export",
            expect=REPAIR,
            check=_needs_repair,
            slow=True,
        ),
    ]


def non_regular_cases(d: Path) -> list[Case]:
    """Inputs that are not regular files: a named pipe would block for ever, a link to an
    endless device would be read until memory ran out (both stat as size 0)."""
    cases = []
    for name, command in (("pipe.json", "import"), ("pipe.db", "merge")):
        fifo = d / name
        if not fifo.exists():
            os.mkfifo(fifo)
        cases.append(Case(f"{name.split('.')[1]}-named-pipe", fifo, command=command))
    for name, command in (("zero.xlsx", "import"), ("zero.db", "merge")):
        link = d / name
        if not link.is_symlink():
            link.symlink_to("/dev/zero")
        cases.append(Case(f"{name.split('.')[1]}-link-to-dev-zero", link, command=command))
    return cases


def os_error_cases(d: Path) -> list[Case]:
    """The operating system says no: a disk that fills up while the export is written, and
    a target name whose side files (``-journal``, the temporary copy) would pass 255 bytes."""
    long_name = "绩" * 80  # 240 bytes in UTF-8
    return [
        Case("export-db-disk-full", d / "full" / "out.db", command="export-to", full_disk=True),
        Case("export-xlsx-disk-full", d / "full" / "out.xlsx", command="export-to", full_disk=True),
        Case("export-db-name-240-bytes", d / f"{long_name}.db", command="export-to"),
        Case("export-xlsx-name-240-bytes", d / f"{long_name}.xlsx", command="export-to"),
    ]


def build(d: Path, *, sample: Path, own_export: Path, exported_db: Path) -> list[Case]:
    from tests.hostile_corpus_exchange import forged_cases, formula_cases, permission_cases

    d.mkdir(parents=True, exist_ok=True)
    return [
        *json_cases(d),
        *text_cases(d, sample),
        *xlsx_cases(d, own_export, sample),
        *xlsx_count_cases(d),
        *pdf_cases(d),
        *pdf_work_cases(d),
        *db_cases(d, exported_db),
        *opened_cases(d, exported_db),
        *big_db_cases(d, exported_db),
        *non_regular_cases(d),
        *os_error_cases(d),
        *formula_cases(d),
        *forged_cases(exported_db),
        *permission_cases(d),
    ]


if __name__ == "__main__":  # pragma: no cover - a tool for manual trials
    out = Path(sys.argv[1])
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    from desktop.io.files import load_file
    from desktop.io.xlsx_format import export_xlsx
    from desktop.store import open_repository
    from desktop.store.exchange import export_db

    sample = root / "resources" / "samples" / "2024-putuo-justice-bureau.txt"
    out.mkdir(parents=True, exist_ok=True)
    projects = load_file(sample).projects
    export_xlsx(projects, out / "own.xlsx")
    with open_repository(out / "src.db") as repo:
        repo.add(projects)
        export_db(repo.all_projects(), out / "own.db")
    for case in build(
        out / "corpus", sample=sample, own_export=out / "own.xlsx", exported_db=out / "own.db"
    ):
        print(case.name, case.file)
