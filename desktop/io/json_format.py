"""JSON interchange, lossless in both directions (see docs/json-format.md).

``{"format": "jixiao-projects", "version": 1, "projects": [...]}``. Amounts are decimal
strings with two places, dates ``YYYY-MM-DD``, indicator values both canonical (``value``)
and structured (``op``, ``number``, ``unit``, ``text``).
"""

from __future__ import annotations

import json
import re

from desktop.domain import file_text as say
from desktop.domain import report_text as report_say
from desktop.domain.codec import (  # noqa: F401  (re-exported for callers and tests)
    FUND_KEYS,
    CodecError,
    indicator_to_dict,
    project_from_dict,
    project_to_dict,
)
from desktop.domain.limits import MAX_JSON_CONTAINERS, MAX_JSON_PROJECTS, LimitError, load_json
from desktop.domain.messages import Message
from desktop.domain.model import Project
from desktop.io.report import ERROR, ImportFormatError, ImportResult

FORMAT = "jixiao-projects"
VERSION = 1
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


def _check_counts(text: str, name: str) -> None:
    """Objects and arrays outside strings, counted without parsing."""
    bare = _STRING.sub("", text)
    containers = bare.count("{") + bare.count("[")
    if containers > MAX_JSON_CONTAINERS:
        raise LimitError(
            Message(say.JSON_CONTAINERS, name=name, count=containers, limit=MAX_JSON_CONTAINERS)
        )


def dumps(projects: list[Project]) -> str:
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "projects": [project_to_dict(p) for p in projects],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def loads(text: str, name: str = "JSON 文件") -> ImportResult:
    """Read a JSON document; bad projects are reported and skipped, not fatal. Numbers,
    nesting and text are bounded (``limits.load_json``)."""
    try:
        _check_counts(text, name)
        doc = load_json(text, name)
    except LimitError as exc:
        raise ImportFormatError(exc.args[0] if exc.args else str(exc)) from exc
    except ValueError as exc:
        raise ImportFormatError(Message(say.NOT_JSON, detail=str(exc))) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportFormatError(Message(say.NOT_OUR_JSON))
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ImportFormatError(Message(say.JSON_NO_VERSION))
    if version > VERSION:
        raise ImportFormatError(Message(say.JSON_NEWER, version=version, latest=VERSION))
    if not isinstance(doc.get("projects"), list):
        raise ImportFormatError(Message(say.JSON_NO_PROJECTS))
    if len(doc["projects"]) > MAX_JSON_PROJECTS:
        count = len(doc["projects"])
        raise ImportFormatError(
            Message(say.JSON_TOO_MANY, name=name, count=count, limit=MAX_JSON_PROJECTS)
        )
    result = ImportResult()
    seen: set[str] = set()
    for n, obj in enumerate(doc["projects"], 1):
        name = obj.get("name", "") if isinstance(obj, dict) else ""
        name = name if isinstance(name, str) else ""
        try:
            project = project_from_dict(obj)
        except CodecError as exc:
            problem = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)
            result.add(
                ERROR, Message(report_say.NTH_NOT_IMPORTED, n=n, problem=problem), project=name
            )
            continue
        if project.id in seen:
            same = Message(report_say.NTH_SAME_ID, n=n, id=project.id)
            result.add(ERROR, same, project=name)
            continue
        seen.add(project.id)
        result.projects.append(project)
        result.add_marks(project)
    return result
