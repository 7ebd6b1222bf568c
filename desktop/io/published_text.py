"""Importer for published 财政项目支出绩效目标申报表 as text extracted from the PDF.

The format: one line per table row, cells separated by tabs, title lines outside the table.
Extraction is imperfect, so the parser reads cells by what they say rather than where they
stand: labels (项目名称, 项目资金总额, 产出指标, 数量指标, …) are recognised wherever they
are, and positions are used only to tell sides and columns apart.

Indicator rows are read against the columns of their header row (一级指标 | 二级指标 |
三级指标 | 指标值). A whole row shifted left or right is an extraction artefact and is
corrected; a 二级 without its 一级 gets the 一级 the taxonomy gives it (reported). What
cannot be told from the text — a plain row sitting in the 二级 column, cells that do not
line up, two rows merged into one cell, a name cut off — is imported as written, marked
needs-review with its source line, and listed in the report. Nothing is dropped silently.

Also read: quoted cells with line breaks inside (``"阶段\\n性项\\n目"``), 8-column layouts,
amounts in 元 or 万元, dates such as ``2026/1/1``, goal headers such as
``项目总体目标(2024 年-2026 年)``, and 成本指标 as a 一级 or a 二级.

Other bureaus', provinces' and years' forms: the labels, fund labels, indicator columns and
group names they use are data (``variants.py`` and ``domain/data/``). A field this parser
could not fill, or only worked out (a total from its parts, a year from the file name), is
flagged on the project (``Project.field_flags``), never left as a silent 0 or blank.

The pieces: ``records`` (rows of cells), ``form_parser`` (what each row says, with the
state in ``form_state``), ``form_finish`` (a read form → a ``Project``).
"""

from __future__ import annotations

from desktop.domain import file_text as say
from desktop.domain.messages import Message
from desktop.io.form_parser import FormParser
from desktop.io.records import Record, key, read_records, strip_html
from desktop.io.report import ImportFormatError, ImportResult

__all__ = ["Record", "key", "parse_published_text", "parse_records", "read_records", "strip_html"]


def parse_records(records, cell_ref=None, source_name: str = "") -> ImportResult:
    """Parse forms from rows of cells (text lines, spreadsheet rows, PDF table rows).
    ``source_name`` (the file's name) gives the year when the form names none."""
    result = ImportResult()
    parser = FormParser(result, cell_ref, source_name)
    for rec in records:
        parser.feed(rec)
    parser.finish()
    return result


def parse_published_text(text: str, source_name: str = "") -> ImportResult:
    """Parse every form in the text. Raises ImportFormatError if there is none at all."""
    result = parse_records(read_records(text), source_name=source_name)
    if not result.projects:
        raise ImportFormatError(Message(say.NO_FORM))
    return result
