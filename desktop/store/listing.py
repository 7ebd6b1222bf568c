"""The project list's rows, read without loading whole projects."""

from __future__ import annotations

from desktop.domain.model import ProjectSummary

# Text columns are cut in SQL: a forged row with a 200 MB name must not be loaded to be
# listed (a longer value is a bad row anyway, see rows.screen).
SUMMARY_COLUMNS = (
    "id, year, substr(name, 1, 2001), substr(nature, 1, 2001), substr(category, 1, 2001), "
    "substr(department, 1, 2001), substr(implementing_unit, 1, 2001), funds_total, "
    "annual_total, indicator_count, review_count, substr(updated_at, 1, 100), revision, "
    "substr(deleted_at, 1, 100), substr(search_text, 1, 1000000), "
    "audit_status, audit_errors, audit_warnings"
)
# ProjectSummary's fields by type, for rows a forger or a fault left wrong
_SUMMARY_TYPES = (str, int, str, str, str, str, str, int, int, int, int, str, int, None, str)


def summary_of(row: tuple) -> ProjectSummary:
    """A list row; values of the wrong type are shown as placeholders (the project is listed
    as needing repair by ``Repository.problems``)."""
    if type(row[0]) is str and not row[0].isascii():  # an id is a UUID: ASCII, or bad
        return _placeholder(row)
    for value, kind in zip(row, _SUMMARY_TYPES, strict=False):
        if kind is not None and (type(value) is not kind):
            return _placeholder(row)
    if row[13] is not None and type(row[13]) is not str:
        return _placeholder(row)
    return ProjectSummary(*row)


def _placeholder(row: tuple) -> ProjectSummary:
    def text(v) -> str:
        return v if type(v) is str else ""

    def number(v) -> int:
        return v if type(v) is int and abs(v) < 10**17 else 0

    if type(row[0]) is str and row[0].isascii():
        pid = row[0]
    else:  # shown, and asked for, as text SQLite can take (no lone surrogates)
        shown = str(row[0])[:40].encode("utf-8", "replace").decode("utf-8")
        pid = f"（编号无效：{shown}）"
    return ProjectSummary(
        pid,
        number(row[1]),
        text(row[2]) or "（数据有误）",
        *(text(v) for v in row[3:7]),
        number(row[7]),
        number(row[8]),
        number(row[9]),
        number(row[10]),
        text(row[11]),
        number(row[12]),
        row[13] if row[13] is None else text(row[13]),
        text(row[14]),
        2,  # shown as 审核 错误 until repaired
        0,
        0,
    )
