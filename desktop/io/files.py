"""Reading other people's files and writing our own, safely.

Files we read are opened read-only and never modified. Files we write are written to a
temporary file in the same folder, flushed to disk, and renamed into place, so a crash or
a pulled USB stick leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from desktop.domain import file_text as say
from desktop.domain import report_text as report_say
from desktop.domain.codec import length_problem
from desktop.domain.limits import (
    MAX_IMPORT_BYTES,
    MAX_JSON_IMPORT_BYTES,
    MAX_TEXT_IMPORT_BYTES,
    LimitError,
    check_size,
    clean_project,
)
from desktop.domain.messages import Listing, Message, Term
from desktop.domain.model import new_id
from desktop.io import json_format
from desktop.io.published_text import parse_published_text
from desktop.io.report import ERROR, INFO, REVIEW, WARNING, ImportFormatError, ImportResult
from desktop.store import Repository
from desktop.store.safefile import atomic_write, not_regular_file

T = TypeVar("T")
IMPORT_FORMATS = {
    ".txt": "published text",
    ".tsv": "published text",
    ".json": "JSON",
    ".xlsx": "Excel workbook",
    ".pdf": "PDF form",
}


def _reason(exc: Exception) -> str:
    """An error's sentence, a ``Message`` kept as one (said in the window's language)."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)


def _cannot_read(path: Path, exc: OSError) -> Message:
    return Message(say.CANNOT_READ, name=path.name, detail=exc.strerror or str(exc))


def read_text_file(path: str | os.PathLike, limit: int = MAX_IMPORT_BYTES) -> str:
    """Read a text file written on any clerk's machine: UTF-8 (with or without BOM),
    UTF-16 with BOM, or GB18030 (which covers GBK/GB2312). Raise ImportFormatError."""
    path = Path(path)
    if (problem := not_regular_file(path)) is not None:
        raise ImportFormatError(problem)
    try:
        size = path.stat().st_size
        if size > limit:
            megabytes = size // 1024 // 1024
            raise ImportFormatError(Message(say.IMPORT_TOO_BIG, name=path.name, size=megabytes))
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFormatError(Message(say.IMPORT_NO_FILE, path=str(path))) from exc
    except IsADirectoryError as exc:
        raise ImportFormatError(Message(say.IMPORT_FOLDER, path=str(path))) from exc
    except OSError as exc:
        raise ImportFormatError(_cannot_read(path, exc)) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "gb18030"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise ImportFormatError(Message(say.IMPORT_NOT_TEXT, name=path.name))


def load_file(path: str | os.PathLike) -> ImportResult:
    """Parse an import file by its extension (.txt/.tsv published text, .json)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in IMPORT_FORMATS:
        known = Listing(IMPORT_FORMATS)
        raise ImportFormatError(
            Message(say.IMPORT_UNKNOWN_TYPE, suffix=suffix or path.name, known=known)
        )
    if (problem := not_regular_file(path)) is not None:
        raise ImportFormatError(problem)
    try:
        check_size(path, _size_limit(suffix), Term(say.TOO_BIG_FOR_FORM))
    except LimitError as exc:
        raise ImportFormatError(_reason(exc)) from exc
    except FileNotFoundError as exc:
        raise ImportFormatError(Message(say.IMPORT_NO_FILE, path=str(path))) from exc
    except OSError as exc:
        raise ImportFormatError(_cannot_read(path, exc)) from exc
    try:
        result = _load(path, suffix)
    except ImportFormatError as exc:
        if path.name not in str(exc):  # every refusal names the file
            named = Message(say.IMPORT_NAMED, name=path.name, problem=_reason(exc))
            raise ImportFormatError(named) from exc
        raise
    except LimitError as exc:
        raise ImportFormatError(_reason(exc)) from exc
    except (RecursionError, MemoryError) as exc:
        raise ImportFormatError(Message(say.IMPORT_TOO_COMPLEX, name=path.name)) from exc
    # Text from any reader is cleaned at this boundary (control characters, lone
    # surrogates → �): nothing raw is stored, and Excel exports never fail on it.
    result.projects = [clean_project(p) for p in result.projects]
    # Lengths as for every other input (domain.codec): a form that would take minutes to
    # print is reported, the others imported.
    kept = []
    for p in result.projects:
        problem = length_problem(p)
        if problem is None:
            kept.append(p)
        else:  # its 需复核 lines go with it: the report's count is of what is imported
            result.items = [
                i for i in result.items if not (i.severity == REVIEW and i.project == p.name)
            ]
            result.add(
                ERROR, Message(report_say.NOT_IMPORTED, problem=problem), project=p.name[:100]
            )
    result.projects = kept
    return result


def _size_limit(suffix: str) -> int:
    if suffix in (".txt", ".tsv"):
        return MAX_TEXT_IMPORT_BYTES
    return MAX_JSON_IMPORT_BYTES if suffix == ".json" else MAX_IMPORT_BYTES


def _load(path: Path, suffix: str) -> ImportResult:
    if suffix == ".xlsx":
        from desktop.io.xlsx_read import load_xlsx

        return load_xlsx(path)
    if suffix == ".pdf":
        from desktop.io.pdf_format import load_pdf

        return load_pdf(path)
    text = read_text_file(path, _size_limit(suffix))
    if suffix == ".json":
        return json_format.loads(text, path.name)
    return parse_published_text(text, source_name=path.name)


@dataclass
class StoreSummary:
    added: int = 0
    skipped_identical: int = 0
    needing_review: int = 0  # added projects with a flagged field or a needs-review indicator


def plan_import(repo: Repository, result: ImportResult) -> tuple[list, StoreSummary]:
    """Decide what an import adds, without writing: a project identical to one already in
    the database is skipped; one whose id is taken by a different project gets a new id.
    Both cases are added to the report. Set-based: one indexed look-up per chunk of the
    incoming projects, whatever the size of the database."""
    from desktop.store.lookups import existing_ids, same_content

    summary = StoreSummary()
    to_add = []
    identical = same_content(repo, result.projects)
    taken = existing_ids(repo, (p.id for p in result.projects))
    for n, project in enumerate(result.projects):
        if n in identical:
            summary.skipped_identical += 1
            result.add(INFO, Message(report_say.SAME_CONTENT), project=project.name)
            continue
        if project.id in taken:
            old_id, project = project.id, replace(project, id=new_id())
            if old_id in result.fund_sources:  # how its amounts were read, for the preview
                result.fund_sources[project.id] = result.fund_sources[old_id]
            result.add(
                WARNING,
                Message(report_say.SAME_ID),
                project=project.name,
            )
        taken.add(project.id)
        to_add.append(project)
    summary.added = len(to_add)
    summary.needing_review = sum(1 for p in to_add if p.review_count or p.field_flags)
    return to_add, summary


def store_import(repo: Repository, result: ImportResult) -> StoreSummary:
    """Add the imported projects in one transaction (see ``plan_import``)."""
    to_add, summary = plan_import(repo, result)
    repo.add(to_add)
    return summary


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` as UTF-8 (LF line ends) with ``atomic_write``."""
    atomic_write(path, lambda fh: fh.write(text.encode("utf-8")))
