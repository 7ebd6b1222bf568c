"""The one reader of stored rows: every ``projects`` row (with its ``indicators``) read from
any .db file — the working file, a file received from another machine, a backup — becomes a
``Project`` only through ``project_from_row``, which checks it the way a JSON import is
checked (``domain.codec``: types, ranges, dates, JSON columns, text lengths, counters).

A bad row is a problem of that one project (``BadRowError``, a sentence for the clerk),
never a traceback: the commands leave the project out and list it, the window shows it as
needing repair, a merge reports it and takes the others.

``screen`` is the part of the checks SQLite can do itself, before anything is loaded: every
row's column types, sizes and JSON, the number of indicators of each project and in all — so
a file of 2,000,000 indicator rows or a 200 MB name is found by counting, not by reading.

Also shared by the repository and the migration steps, so neither imports the other.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import operator
import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.domain import file_text
from desktop.domain import row_text as say
from desktop.domain.codec import (
    MAX_INDICATORS,
    MAX_LONG_TEXT,
    MAX_PROJECT_TEXT,
    MAX_SHORT_TEXT,
    CodecError,
    project_from_dict,
)
from desktop.domain.codec_plain import PLAIN_FIELDS, plain_indicators
from desktop.domain.limits import (
    MAX_HISTORY_JSON,
    MAX_INDICATOR_ROWS,
    MAX_JSON_COLUMN,
    MAX_STORED_AMOUNT,
)
from desktop.domain.messages import Message, Term
from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.values import IndicatorValue

FUND_COLUMNS = {
    "total": "funds_total",
    "fiscal": "funds_fiscal",
    "other": "funds_other",
    "annual_total": "annual_total",
    "annual_appropriation": "annual_appropriation",
    "annual_carryover": "annual_carryover",
    "annual_other": "annual_other",
}


class BadRowError(CodecError):
    """A stored project that cannot be read as it is; ``str()`` is the sentence."""


_SURROGATE = re.compile("[\ud800-\udfff]")
PROJECT_TEXT = (
    "id",
    "name",
    "nature",
    "category",
    "department",
    "implementing_unit",
    "goal_overall",
    "goal_annual",
    "profile",
    "created_at",
    "updated_at",
)
INDICATOR_TEXT = (
    "uid",
    "level1",
    "level2",
    "name",
    "unit",
    "text",
    "review_note",
    "raw_text",
    "value_text",
    "note",
)
_LONG_COLUMNS = {"goal_overall", "goal_annual", "review_note", "raw_text", "note"}


def _col(row: Mapping, name: str, default=None):
    """A column that older schema versions lack."""
    try:
        return row[name]
    except (KeyError, IndexError):
        return default


def as_text(value, field_name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRowError(Message(say.NOT_TEXT, name=say.column(field_name)))
    if _SURROGATE.search(value):
        raise BadRowError(Message(say.BAD_TEXT, name=say.column(field_name)))
    return value


def _optional_text(value, field_name: str) -> str | None:
    return None if value is None else as_text(value, field_name)


def _json(value, field_name: str, label: str):
    text = as_text(value, field_name) or "{}"
    if len(text) > (MAX_HISTORY_JSON if field_name == "data" else MAX_JSON_COLUMN):
        raise BadRowError(Message(say.JSON_TOO_LONG, label=label))
    try:
        return json.loads(text)
    except ValueError as exc:
        raise BadRowError(Message(say.JSON_INVALID, label=label)) from exc


def _funds(r: Mapping) -> Funds:
    """The amounts, integer 分 within the stored limit (each is the amount the codec reads
    from its ``decimal_string``: |分| < 10^17 is |元| < 10^15, the codec's limit)."""
    funds = {}
    for attr, column in FUND_COLUMNS.items():
        value = r[column]
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= MAX_STORED_AMOUNT:
            raise BadRowError(Message(say.AMOUNT_INVALID, name=say.column(column)))
        funds[attr] = value
    return Funds(**funds)


def _indicator_dicts(indicator_rows: Iterable[Mapping]) -> list[dict]:
    indicators = []
    for n, i in enumerate(indicator_rows, 1):
        if n > MAX_INDICATORS:
            raise BadRowError(Message(say.TOO_MANY_INDICATORS, limit=MAX_INDICATORS))
        for column in INDICATOR_TEXT:
            as_text(_col(i, column), say.column(column, indicator=True))
        number = _optional_text(i["number"], Term(say.INDICATOR_NUMBER))
        op = _optional_text(i["op"], Term(say.INDICATOR_OP))
        needs_review = i["needs_review"]
        if needs_review not in (0, 1) or isinstance(needs_review, float):
            raise BadRowError(Message(say.INDICATOR_REVIEW_FLAG))
        source_line = i["source_line"]
        if source_line is not None and (
            isinstance(source_line, bool) or not isinstance(source_line, int)
        ):
            raise BadRowError(Message(say.INDICATOR_LINE))
        indicators.append(
            {
                "level1": i["level1"],
                "level2": i["level2"],
                "name": i["name"],
                "op": op,
                "number": number,
                "unit": i["unit"],
                "text": i["text"],
                "needs_review": bool(needs_review),
                "review_note": _col(i, "review_note", ""),
                "raw_text": i["raw_text"],
                "source_line": source_line,
                "entered": _col(i, "value_text", ""),
                "note": _col(i, "note", ""),
                "uid": _col(i, "uid", "") or None,
            }
        )
    return indicators


#: the indicator columns in the order of ``codec_plain.PLAIN_FIELDS``
PLAIN_COLUMNS = tuple("value_text" if k == "entered" else k for k in PLAIN_FIELDS)
_PLAIN_ROW = operator.itemgetter(*PLAIN_COLUMNS)


@functools.lru_cache(maxsize=8)
def _plain_row_of(columns: tuple[str, ...]) -> operator.itemgetter | None:
    """The plain values of a row given as a tuple of ``columns`` (None: one is missing)."""
    if not set(PLAIN_COLUMNS) <= set(columns):
        return None
    return operator.itemgetter(*map(columns.index, PLAIN_COLUMNS))


def _plain_indicators(
    rows: list, columns: tuple[str, ...] | None = None
) -> tuple[Indicator, ...] | None:
    """The indicators of rows our own writer left as they are (``codec_plain.plain_indicators``:
    every check of ``_indicator_dicts`` and of the codec made once, in bulk); None when a
    row needs reading one by one (a column of an older schema missing, anything unusual).
    ``columns``: the rows are tuples of these columns, else mappings."""
    if len(rows) > MAX_INDICATORS:
        return None
    getter = _PLAIN_ROW if columns is None else _plain_row_of(columns)
    if getter is None:
        return None
    try:
        values = list(map(getter, rows))
    except (KeyError, IndexError):
        return None
    return plain_indicators(values)


def project_from_row(
    r: Mapping, indicator_rows: Iterable, columns: tuple[str, ...] | None = None
) -> Project:
    """One ``projects`` row and its ``indicators`` rows (in order; mappings, or tuples of
    the given ``columns``) → ``Project``, checked like a JSON import. Raises
    ``BadRowError`` (a ``CodecError``) naming what is wrong.

    ``indicator_rows`` is closed when it is a generator, also when a row is refused: a
    cursor left half read would keep its statement, and with it a read lock on the file,
    for as long as the error's traceback lives (another connection's commit then fails)."""
    try:
        return _checked_project(r, indicator_rows, columns)
    finally:
        close = getattr(indicator_rows, "close", None)
        if close is not None:
            close()


def _checked_project(
    r: Mapping, indicator_rows: Iterable, columns: tuple[str, ...] | None
) -> Project:
    for column in PROJECT_TEXT:
        as_text(_col(r, column), column)
    raw_id = as_text(r["id"], "id")
    year = r["year"]
    if isinstance(year, bool) or not isinstance(year, int):
        raise BadRowError(Message(say.YEAR_NOT_INTEGER))
    funds = _funds(r)
    rest = iter(indicator_rows)
    head = list(itertools.islice(rest, MAX_INDICATORS + 1))
    plain = _plain_indicators(head, columns)
    if plain is not None:
        indicators = []
    else:
        every = itertools.chain(head, rest)
        if columns is not None:
            every = (dict(zip(columns, t, strict=True)) for t in every)
        indicators = _indicator_dicts(every)
    for column in ("start_date", "end_date", "deleted_at"):
        _optional_text(_col(r, column), column)
    versions = _json(_col(r, "versions", "{}"), "versions", Term(say.VERSIONS))
    revision = r["revision"]
    if isinstance(revision, bool) or not isinstance(revision, int) or not 0 <= revision < 2**62:
        raise BadRowError(Message(say.REVISION_INVALID))
    obj = {
        "id": raw_id,
        "year": year,
        "name": r["name"],
        "nature": r["nature"],
        "category": r["category"],
        "department": r["department"],
        "implementing_unit": r["implementing_unit"],
        "start_date": r["start_date"],
        "end_date": r["end_date"],
        "goals": {"overall": r["goal_overall"], "annual": r["goal_annual"]},
        "indicators": indicators,
        "profile": _col(r, "profile", ""),
        "created_at": r["created_at"],
        "updated_at": r["updated_at"],
        "revision": revision,
        "versions": versions,
        "deleted_at": _col(r, "deleted_at"),
        "date_style": as_text(_col(r, "date_style", ""), "date_style"),
        "field_flags": _json(_col(r, "field_flags", "{}"), "field_flags", Term(say.FIELD_FLAGS)),
        "goal_header": as_text(_col(r, "goal_header", ""), "goal_header"),
        "field_versions": _json(
            _col(r, "field_versions", "{}"), "field_versions", Term(say.FIELD_VERSIONS)
        ),
        "funds_written": _json(
            _col(r, "funds_written", "{}"), "funds_written", Term(say.FUNDS_WRITTEN)
        ),
    }
    try:
        return project_from_dict(obj, indicators=plain, funds=funds)
    except BadRowError:
        raise
    except (CodecError, ValueError, TypeError) as exc:
        raise BadRowError(_reason(exc)) from exc


def _reason(exc: Exception) -> str:
    """An error's sentence, a ``Message`` kept as one (said in the window's language)."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)


def date_text(d: date | None) -> str | None:
    return d.isoformat() if d else None


def text_date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def unchecked_project_from_row(r: dict, indicator_rows: Iterable[dict]) -> Project:
    """Rows our own migration steps read (older schema versions, inside the migration's
    transaction, after the file was checked): converted as they are. Everything else
    reads rows through ``project_from_row``."""
    indicators = tuple(
        Indicator(
            level1=i["level1"],
            level2=i["level2"],
            name=i["name"],
            value=IndicatorValue(
                op=i["op"],
                number=None if i["number"] is None else Decimal(i["number"]),
                unit=i["unit"],
                text=i["text"],
                entered=_col(i, "value_text", ""),
            ),
            needs_review=bool(i["needs_review"]),
            review_note=i["review_note"],
            raw_text=i["raw_text"],
            source_line=i["source_line"],
            note=_col(i, "note", ""),
            uid=_col(i, "uid", ""),
        )
        for i in indicator_rows
    )
    return Project(
        id=r["id"],
        year=r["year"],
        name=r["name"],
        nature=r["nature"],
        category=r["category"],
        department=r["department"],
        implementing_unit=r["implementing_unit"],
        start_date=text_date(r["start_date"]),
        end_date=text_date(r["end_date"]),
        funds=Funds(**{attr: r[col] for attr, col in FUND_COLUMNS.items()}),
        goal_overall=r["goal_overall"],
        goal_annual=r["goal_annual"],
        indicators=indicators,
        profile=r["profile"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        revision=r["revision"],
        versions=tuple(sorted(json.loads(r.get("versions") or "{}").items())),
        deleted_at=r.get("deleted_at"),
        field_flags=tuple(sorted(json.loads(r.get("field_flags") or "{}").items())),
        date_style=r.get("date_style") or "",
        goal_header=r.get("goal_header") or "",
        funds_written=tuple(sorted(json.loads(r.get("funds_written") or "{}").items())),
        field_versions={
            k: tuple(d) for k, d in json.loads(r.get("field_versions") or "{}").items()
        },
    )


def tombstone_fields(row) -> tuple[str, str, str, dict[str, int]]:
    """(project id, name, deleted at, versions) of a ``tombstones`` row, checked; raises
    ``BadRowError``."""
    import uuid

    pid = as_text(row[0], "project_id")
    try:
        pid = str(uuid.UUID(pid))
    except ValueError as exc:
        raise BadRowError(Message(say.TOMBSTONE_ID)) from exc
    versions = _json(row[3], "versions", Term(say.TOMBSTONE_VERSIONS))
    try:
        checked = project_from_dict({"id": pid, "year": 2000, "versions": versions}).versions
    except CodecError as exc:
        raise BadRowError(Message(say.TOMBSTONE_INVALID, problem=_reason(exc))) from exc
    return pid, as_text(row[1], "name")[:1000], as_text(row[2], "deleted_at")[:40], dict(checked)


def history_project(data) -> Project:
    """The project kept in a ``history`` row's JSON, checked; raises ``BadRowError``."""
    try:
        return project_from_dict(_json(data, "data", Term(say.HISTORY_VERSION)))
    except BadRowError:
        raise
    except (CodecError, ValueError, TypeError) as exc:
        raise BadRowError(Message(say.HISTORY_INVALID, problem=_reason(exc))) from exc


# -- what SQLite can check before anything is loaded ------------------------------------------

#: decodes the text of a connection reading a file that may hold text which is not UTF-8
#: (a fault, a forger), instead of SQLite's "Could not decode to UTF-8" stopping every read
#: of the file: the bytes read as lone surrogates, which the row reader (``as_text``)
#: refuses — a problem of that project. C all the way (no Python frame per value).
TOLERANT_TEXT = functools.partial(str, encoding="utf-8", errors="surrogateescape")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def fetch_all(conn: sqlite3.Connection, sql: str, params) -> tuple[tuple[str, ...], list]:
    """(column names, every row) of a query on a connection reading with ``TOLERANT_TEXT``,
    the text decoded in C as long as it is all UTF-8 (a Python call a value costs as much as
    reading the rows); text that is not makes the read fail, and it is made again as the
    connection reads."""
    factory = conn.text_factory
    if factory is TOLERANT_TEXT:
        conn.text_factory = str
        try:
            cursor = conn.execute(sql, params)
            return tuple(d[0] for d in cursor.description), cursor.fetchall()
        except sqlite3.OperationalError:
            pass  # "Could not decode to UTF-8": read again, tolerant
        finally:
            conn.text_factory = factory
    cursor = conn.execute(sql, params)
    return tuple(d[0] for d in cursor.description), cursor.fetchall()


def shown(text: str) -> str:
    """Text read through ``TOLERANT_TEXT`` as it may be shown or printed: each byte that
    was not UTF-8 becomes �."""
    return _LONE_SURROGATE.sub("\ufffd", text)


UTF8_BAD = "jixiao_utf8_bad"  # the SQL function ``screen`` registers: 1 for undecodable bytes
BAD_ENCODING = Message(say.SCREEN_ENCODING)


def _utf8_bad(data: bytes | None) -> int:
    try:
        (data or b"").decode("utf-8")
    except UnicodeDecodeError:
        return 1
    return 0


def _define_utf8_bad(conn: sqlite3.Connection) -> None:
    """``UTF8_BAD`` on this connection. SQLite refuses to define a function again while a
    statement of the connection is running (a caller streaming rows): it is defined then.
    Defined once: defining a function makes SQLite prepare every statement again (the
    screen's two long ones, ≈ 0.4 ms each, before each project read alone)."""
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute(f"SELECT {UTF8_BAD}(NULL)").fetchone()
        return  # defined already
    with contextlib.suppress(sqlite3.OperationalError):
        conn.create_function(UTF8_BAD, 1, _utf8_bad, deterministic=True)


def _blob_of(columns: list[str]) -> str:
    """The bytes of several text columns, one line each (a cut character cannot join the
    next column's bytes into a valid one)."""
    joined = " || char(10) || ".join(f"coalesce(CAST({c} AS TEXT), '')" for c in columns)
    return f"CAST({joined} AS BLOB)"


def _text_columns(table_info: list[tuple]) -> list[str]:
    return [
        r[1]
        for r in table_info
        if r[2].upper() == "TEXT" and r[1] != "search_text"  # derived; only searched
    ]


def _text_check(column: str, limit: int) -> str:
    return f"(typeof({column}) NOT IN ('text', 'null') OR length({column}) > {limit})"


def _project_checks(columns: set[str], text_columns: list[str]) -> list[tuple[str, str]]:
    """(SQL condition that is true for a bad row, what is wrong) for ``projects``."""
    checks = [
        ("typeof(id) != 'text' OR length(id) != 36", Message(say.SCREEN_ID)),
        ("typeof(year) != 'integer' OR year NOT BETWEEN 1900 AND 9999", Message(say.SCREEN_YEAR)),
    ]
    for column in PROJECT_TEXT:
        if column in columns and column != "id":
            limit = MAX_LONG_TEXT if column in _LONG_COLUMNS else MAX_SHORT_TEXT
            checks.append(
                (_text_check(column, limit), Message(say.SCREEN_TEXT, name=say.column(column)))
            )
    for column in FUND_COLUMNS.values():
        checks.append(
            (
                f"typeof({column}) != 'integer' "
                f"OR {column} NOT BETWEEN {1 - MAX_STORED_AMOUNT} AND {MAX_STORED_AMOUNT - 1}",
                Message(say.SCREEN_AMOUNT),
            )
        )
    for column in ("versions", "field_flags", "field_versions", "funds_written"):
        if column in columns:
            checks.append(
                (
                    f"typeof({column}) != 'text' OR length({column}) > {MAX_JSON_COLUMN} "
                    f"OR NOT json_valid({column}) OR json_type({column}) != 'object'",
                    Message(say.SCREEN_JSON, name=say.column(column)),
                )
            )
    for column in ("start_date", "end_date", "deleted_at", "date_style", "goal_header"):
        if column in columns:
            checks.append(
                (_text_check(column, 100), Message(say.SCREEN_INVALID, name=say.column(column)))
            )
    for column in ("start_date", "end_date"):  # date() is NULL for 2024-13-45
        checks.append(
            (
                f"{column} IS NOT NULL AND {column} != '' "
                f"AND coalesce(date({column}) != {column}, 1)",
                Message(say.SCREEN_DATE, name=say.column(column)),
            )
        )
    checks.append(("typeof(revision) != 'integer' OR revision < 0", Message(say.SCREEN_REVISION)))
    if "content_hash" in columns:  # the hash the printed codes carry: 64 hex digits or ''
        checks.append(
            (
                "typeof(content_hash) != 'text' OR (content_hash != '' AND "
                "(length(content_hash) != 64 OR content_hash GLOB '*[^0-9a-f]*'))",
                Message(say.SCREEN_HASH),
            )
        )
    # last: only a row every other check passed (its texts of a bounded size) is decoded
    checks.append((f"{UTF8_BAD}({_blob_of(text_columns)})", BAD_ENCODING))
    return checks


#: an indicator row SQLite can tell is wrong (numbers as the codec writes them: digits,
#: one point, a sign — no exponent, NaN or Infinity)
_INDICATOR_UNSAFE = [  # not to be loaded at all
    "typeof(number) NOT IN ('text', 'null')",
    "typeof(op) NOT IN ('text', 'null')",
    "length(number) > 60",
    "length(op) > 10",
    "typeof(position) != 'integer'",
]
_INDICATOR_INVALID = [  # small enough to load: the row reader says exactly what is wrong
    "number GLOB '*[^0-9.-]*'",
    "number NOT GLOB '*[0-9]*'",
    "(op IS NOT NULL AND op NOT IN ('=', '≥', '≤', '>', '<'))",
    "typeof(needs_review) != 'integer' OR needs_review NOT IN (0, 1)",
]
#: the screen's finding for a project whose indicator values are wrong but small: reading
#: it with ``project_from_row`` gives the exact sentence
INVALID_VALUES = Message(say.SCREEN_VALUES)


_TEXT_OF = "CAST(? AS TEXT)"  # a parameter given as bytes, compared as the text they are
#: the indicator statement's upper bound of a piece (``ranged``); left out for the last piece
UPPER_BOUND = " AND project_id < CAST(?2 AS TEXT)"


@functools.lru_cache(maxsize=16)
def _screen_sql(
    table_info: tuple,
    icolumns: frozenset[str],
    one: bool,
    indicator_encoding: bool,
    ranged: bool = False,
) -> tuple[str, tuple[str, ...], str]:
    """``screen``'s two statements for a file of these columns (built once: building them
    takes longer than running them for one project): (projects' statement, the problems its
    CASE gives as parameters, indicators' statement); ``one``: for one project id (the
    statements' last parameter); ``ranged``: for a piece of the file (the last two
    parameters: projects ``lo <= rowid <= hi``, indicators ``lo <= project_id < hi``, the
    ids as the bytes SQLite holds: an id need not be UTF-8)."""
    columns = {r[1] for r in table_info}
    checks = _project_checks(columns, _text_columns(list(table_info)))
    problem = " ".join(f"WHEN {c} THEN ?" for c, _ in checks)
    where = " OR ".join(f"({c})" for c, _ in checks)
    # an id that is not UTF-8 is not fetched (it could not be decoded): keyed by its rowid
    project_sql = (
        f"SELECT rowid, CASE WHEN {UTF8_BAD}(CAST(id AS BLOB)) THEN NULL ELSE id END, "
        f"CASE {problem} END FROM projects WHERE ({where})"
    )
    if one:
        project_sql += " AND id = ?"
    elif ranged:
        project_sql += " AND rowid >= ? AND rowid <= ?"
    itext = [c for c in INDICATOR_TEXT if c in icolumns]
    unsafe = " OR ".join(
        [_text_check(c, MAX_LONG_TEXT if c in _LONG_COLUMNS else MAX_SHORT_TEXT) for c in itext]
        + _INDICATOR_UNSAFE
    )
    invalid = " OR ".join(_INDICATOR_INVALID)
    length = " + ".join(f"coalesce(length({c}), 0)" for c in itext)
    # the indicators' encoding, decoded in C a row at a time: ≈ 0.3 s for a whole file of
    # 10,000 forms (280,000 indicator rows), so that the list names those projects too
    encoding = f"{UTF8_BAD}({_blob_of(itext)})" if indicator_encoding else "0"
    where = ""  # the rows of one project, of a piece, or all of them
    if one or ranged:
        where = (
            " AND project_id = ?1" if one else f" AND project_id >= CAST(?1 AS TEXT){UPPER_BOUND}"
        )
    # a project of too many rows is that whatever its rows hold (``indicator_findings`` says
    # the count first): counted in the index, its rows not read (2,000,000 rows: 14 s → 0.6
    # s). A NULL id among those would make NOT IN unknown for every row: none read at all.
    # (Subqueries, not a WITH: the authorizer of a received file refuses reads from a view.)
    pid = f"CASE WHEN {UTF8_BAD}(CAST(project_id AS BLOB)) THEN NULL ELSE project_id END"
    counted = (
        f"FROM indicators WHERE 1{where} GROUP BY project_id HAVING count(*) > {MAX_INDICATORS}"
    )
    sql = (
        f"SELECT {pid}, n, 0, 0, 0, 0 FROM (SELECT project_id, count(*) AS n {counted}) "
        f"UNION ALL SELECT {pid}, count(*), sum({length}), max({unsafe}), max({invalid}), "
        f"max({encoding}) FROM indicators WHERE project_id NOT IN (SELECT project_id {counted} "
        f"AND typeof(project_id) != 'null'){where} GROUP BY project_id HAVING "
        f"sum({length}) > {MAX_PROJECT_TEXT} OR max({unsafe}) OR max({invalid}) OR max({encoding})"
    )
    return project_sql, tuple(p for _, p in checks), sql


def screen(
    conn: sqlite3.Connection,
    project_id: str | None = None,
    *,
    whole_file_limit: bool = True,
    indicator_encoding: bool = True,
) -> dict[str, str]:
    """Projects whose rows SQLite can already tell are bad — by type, size, JSON, the
    number of their indicators or the length of all their text — as ``{id: problem}``
    (a row whose id is not text is keyed ``rowid:<n>``), for the whole file or for one
    ``project_id`` (through the indexes: cheap enough before every read). Loads nothing but
    the bad rows' ids; raises ``BadRowError`` when the file as a whole holds more indicator
    rows than any file of ours could.

    ``indicator_encoding=False`` leaves out looking for indicator text that is not UTF-8 (a
    Python call a row): for a reader of a connection with ``TOLERANT_TEXT``, whose row reader
    refuses such text anyway (lone surrogates) and then screens that project alone."""
    table_info = conn.execute("PRAGMA table_info(projects)").fetchall()
    icolumns = {r[1] for r in conn.execute("PRAGMA table_info(indicators)")}
    _define_utf8_bad(conn)
    if project_id is None and whole_file_limit:
        (total,) = conn.execute("SELECT count(*) FROM indicators").fetchone()
        if total > MAX_INDICATOR_ROWS:
            raise BadRowError(
                Message(file_text.TOO_MANY_INDICATOR_ROWS, total=total, limit=MAX_INDICATOR_ROWS)
            )
    bad: dict[str, str] = {}
    project_sql, checks, indicator_sql = _screen_sql(
        tuple(map(tuple, table_info)),
        frozenset(icolumns),
        project_id is not None,
        indicator_encoding,
    )
    said = {m: m for m in checks}  # the text SQLite gives back → its Message
    params: list = [*map(str, checks)] + ([project_id] if project_id is not None else [])
    for rowid, pid, what in conn.execute(project_sql, params):
        bad.setdefault(pid if isinstance(pid, str) else f"rowid:{rowid}", said.get(what, what))
    params = [project_id] if project_id is not None else []
    indicator_findings(conn.execute(indicator_sql, params), bad)
    return bad


def indicator_findings(groups: Iterable[tuple], bad: dict[str, str]) -> None:
    """Add to ``bad`` the projects of the screen's indicator statement's rows (one a
    project: its id, count, characters and what is wrong)."""
    for pid, count, chars, broken, wrong, undecodable in groups:
        if not isinstance(pid, str):
            continue  # belongs to no project that can be read
        if count > MAX_INDICATORS:
            bad.setdefault(pid, Message(say.SCREEN_TOO_MANY, count=count, limit=MAX_INDICATORS))
        elif chars > MAX_PROJECT_TEXT:
            bad.setdefault(pid, Message(say.SCREEN_TOO_MUCH_TEXT, chars=chars))
        elif broken:
            bad.setdefault(pid, Message(say.SCREEN_INDICATOR_TEXT))
        elif wrong:
            bad.setdefault(pid, INVALID_VALUES)
        elif undecodable:
            bad.setdefault(pid, Message(say.SCREEN_INDICATOR_ENCODING))


@dataclass(frozen=True)
class Tombstone:
    """A project deleted for good: its id and the version vector at deletion."""

    project_id: str
    name: str
    deleted_at: str
    versions: dict[str, int]


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    replaced_at: str
    reason: str
    project: Project


__all__ = [
    "INVALID_VALUES",
    "BadRowError",
    "HistoryEntry",
    "Tombstone",
    "project_from_row",
    "screen",
]
