"""Importing PDF forms (pdfplumber).

Our own printouts carry the projects as data (see ``printing.render``): importing one gives
back exactly the projects that were printed. Other PDFs — the forms published by finance
bureaus — are read as tables: each table row becomes a row of cells for the same
label-driven parser as the published text (title and year lines from the page text)."""

from __future__ import annotations

import base64
import json
import os
import zlib
from pathlib import Path

from desktop.io import json_format
from desktop.io.published_text import Record, _join_wrapped, key, parse_records
from desktop.io.report import ImportFormatError, ImportResult
from desktop.io.variants import unit_note

DATA_KEY = "JixiaoProjects"
MAX_PAGES = 5_000


def _embedded(pdf) -> ImportResult | None:
    raw = pdf.metadata.get(DATA_KEY) if isinstance(pdf.metadata, dict) else None
    if not isinstance(raw, str | bytes) or not raw:
        return None
    try:
        text = raw.decode("ascii") if isinstance(raw, bytes) else raw
        doc = json.loads(zlib.decompress(base64.b64decode(text)).decode("utf-8"))
    except (ValueError, zlib.error, UnicodeDecodeError):
        return None
    if not isinstance(doc, dict) or sum(doc.get("pages", [])) != len(pdf.pages):
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


def _records(pdf) -> list[Record]:
    records: list[Record] = []
    for number, page in enumerate(pdf.pages, 1):
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
                cells = tuple(_join_wrapped(c.strip()) if c else "" for c in row)
                if any(cells):
                    records.append(Record(base + 100 * (t + 1) + r, cells, "\t".join(cells)))
    return records


def load_pdf(path: str | os.PathLike) -> ImportResult:
    """Read the forms in a PDF. Raises ImportFormatError when there are none."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    path = Path(path)
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ImportFormatError(f"“{path.name}”页数太多（{len(pdf.pages)} 页）")
            result = _embedded(pdf)
            if result is None:
                result = parse_records(_records(pdf), source_name=path.name)
    except ImportFormatError:
        raise
    except (PDFSyntaxError, OSError, ValueError, KeyError, TypeError) as exc:
        raise ImportFormatError(f"“{path.name}”不是可以读取的 PDF 文件（{exc}）") from exc
    except Exception as exc:  # pdfminer raises many kinds for damaged files
        raise ImportFormatError(f"“{path.name}”无法读取（{type(exc).__name__}）") from exc
    if not result.projects:
        raise ImportFormatError(f"“{path.name}”中没有找到财政项目支出绩效目标申报表")
    return result
