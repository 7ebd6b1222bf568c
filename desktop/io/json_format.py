"""JSON interchange, lossless in both directions (see docs/json-format.md).

``{"format": "jixiao-projects", "version": 1, "projects": [...]}``. Amounts are decimal
strings with two places, dates ``YYYY-MM-DD``, indicator values both canonical (``value``)
and structured (``op``, ``number``, ``unit``, ``text``).
"""

from __future__ import annotations

import json
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.domain.dates import DateError, parse_date
from desktop.domain.model import Funds, Indicator, Project
from desktop.domain.money import MoneyError, decimal_string, parse_decimal_amount, to_fen
from desktop.domain.taxonomy import taxonomy
from desktop.domain.values import OPERATORS, IndicatorValue, parse_value
from desktop.io.report import ERROR, ImportFormatError, ImportResult

FORMAT = "jixiao-projects"
VERSION = 1

FUND_KEYS = (
    "total",
    "fiscal",
    "other",
    "annual_total",
    "annual_appropriation",
    "annual_carryover",
    "annual_other",
)
MAX_TEXT = 100_000  # characters in any one text field
MAX_INDICATORS = 2_000


# -- writing ------------------------------------------------------------------------------


def indicator_to_dict(ind: Indicator) -> dict[str, Any]:
    v = ind.value
    return {
        "level1": ind.level1,
        "level2": ind.level2,
        "name": ind.name,
        "value": v.display(),
        "op": v.op,
        "number": None if v.number is None else str(v.number),
        "unit": v.unit,
        "text": v.text,
        "needs_review": ind.needs_review,
        "review_note": ind.review_note,
        "raw_text": ind.raw_text,
        "source_line": ind.source_line,
    }


def project_to_dict(p: Project) -> dict[str, Any]:
    return {
        "id": p.id,
        "year": p.year,
        "name": p.name,
        "nature": p.nature,
        "category": p.category,
        "department": p.department,
        "implementing_unit": p.implementing_unit,
        "start_date": p.start_date.isoformat() if p.start_date else None,
        "end_date": p.end_date.isoformat() if p.end_date else None,
        "funds": {k: decimal_string(getattr(p.funds, k)) for k in FUND_KEYS},
        "goals": {"overall": p.goal_overall, "annual": p.goal_annual},
        "indicators": [indicator_to_dict(i) for i in p.indicators],
        "profile": p.profile,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
        "revision": p.revision,
    }


def dumps(projects: list[Project]) -> str:
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "projects": [project_to_dict(p) for p in projects],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# -- reading ------------------------------------------------------------------------------


class _Bad(Exception):
    """One project is invalid; the message names the field."""


def _text(obj: dict, name: str, *, required: bool = False, where: str = "") -> str:
    if name not in obj or obj[name] is None:
        if required:
            raise _Bad(f"{where}缺少“{name}”")
        return ""
    value = obj[name]
    if not isinstance(value, str):
        raise _Bad(f"{where}“{name}”应为文字")
    if len(value) > MAX_TEXT:
        raise _Bad(f"{where}“{name}”太长（超过 {MAX_TEXT} 个字符）")
    return value


def _int(obj: dict, name: str, default: int | None = None) -> int:
    value = obj.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(f"“{name}”应为整数")
    return value


def _money(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _Bad(f'金额“{name}”应写成文字，如 "5100000.00"')
    try:
        return to_fen(parse_decimal_amount(str(value)))
    except MoneyError as exc:
        raise _Bad(f"金额“{name}”：{exc}") from exc


def _indicator(obj: Any, n: int) -> Indicator:
    where = f"第 {n} 条指标的"
    if not isinstance(obj, dict):
        raise _Bad(f"第 {n} 条指标不是对象")
    op = obj.get("op")
    number = obj.get("number")
    unit = _text(obj, "unit", where=where)
    text = _text(obj, "text", where=where)
    if number is not None or op is not None:
        if op is not None and op not in OPERATORS:
            raise _Bad(f"{where}运算符“{op}”无效，应为 = ≥ ≤ > < 之一")
        if number is None:
            raise _Bad(f"{where}有运算符但没有数值")
        if isinstance(number, bool) or not isinstance(number, (str, int)):
            raise _Bad(f'{where}数值应写成文字，如 "85.00"')
        try:
            dec = Decimal(str(number))
        except InvalidOperation as exc:
            raise _Bad(f"{where}数值“{number}”无效") from exc
        if not dec.is_finite() or text:
            raise _Bad(f"{where}数值“{number}”无效")
        value = IndicatorValue(op=op, number=dec, unit=unit)
    elif text or unit:
        if unit:
            raise _Bad(f"{where}有单位但没有数值")
        value = IndicatorValue(text=text)
    else:
        value = parse_value(_text(obj, "value", where=where))
    needs_review = obj.get("needs_review", False)
    if not isinstance(needs_review, bool):
        raise _Bad(f"{where}“needs_review”应为 true 或 false")
    source_line = obj.get("source_line")
    if source_line is not None and (
        isinstance(source_line, bool) or not isinstance(source_line, int)
    ):
        raise _Bad(f"{where}“source_line”应为整数")
    return Indicator(
        level1=_text(obj, "level1", where=where),
        level2=_text(obj, "level2", where=where),
        name=_text(obj, "name", where=where),
        value=value,
        needs_review=needs_review,
        review_note=_text(obj, "review_note", where=where),
        raw_text=_text(obj, "raw_text", where=where),
        source_line=source_line,
    )


def project_from_dict(obj: Any) -> Project:
    if not isinstance(obj, dict):
        raise _Bad("项目不是对象")
    pid = _text(obj, "id", required=True)
    try:
        pid = str(uuid.UUID(pid))
    except ValueError as exc:
        raise _Bad(f"“id”不是有效的 UUID：{pid}") from exc
    year = _int(obj, "year")
    if not 1900 <= year <= 9999:
        raise _Bad(f"年度 {year} 无效")
    dates = {}
    for name in ("start_date", "end_date"):
        raw = obj.get(name)
        if raw is None or raw == "":
            dates[name] = None
            continue
        if not isinstance(raw, str):
            raise _Bad(f"“{name}”应写成 YYYY-MM-DD")
        try:
            dates[name] = parse_date(raw)
        except DateError as exc:
            raise _Bad(f"“{name}”：{exc}") from exc
    funds_obj = obj.get("funds", {})
    if not isinstance(funds_obj, dict):
        raise _Bad("“funds”应为对象")
    funds = Funds(**{k: _money(funds_obj.get(k, "0"), k) for k in FUND_KEYS})
    goals = obj.get("goals", {})
    if not isinstance(goals, dict):
        raise _Bad("“goals”应为对象")
    raw_indicators = obj.get("indicators", [])
    if not isinstance(raw_indicators, list):
        raise _Bad("“indicators”应为列表")
    if len(raw_indicators) > MAX_INDICATORS:
        raise _Bad(f"指标太多（超过 {MAX_INDICATORS} 条）")
    profile = _text(obj, "profile")
    if profile and profile not in {p.id for p in taxonomy().profiles}:
        raise _Bad(f"指标体系“{profile}”未知")
    extra: dict[str, Any] = {}
    for name in ("created_at", "updated_at"):
        if obj.get(name):
            extra[name] = _text(obj, name)
    if "revision" in obj:
        extra["revision"] = _int(obj, "revision")
        if extra["revision"] < 1:
            raise _Bad("“revision”应为正整数")
    return Project(
        id=pid,
        year=year,
        name=_text(obj, "name"),
        nature=_text(obj, "nature"),
        category=_text(obj, "category"),
        department=_text(obj, "department"),
        implementing_unit=_text(obj, "implementing_unit"),
        start_date=dates["start_date"],
        end_date=dates["end_date"],
        funds=funds,
        goal_overall=_text(goals, "overall"),
        goal_annual=_text(goals, "annual"),
        indicators=tuple(_indicator(o, n) for n, o in enumerate(raw_indicators, 1)),
        profile=profile,
        **extra,
    )


def loads(text: str) -> ImportResult:
    """Read a JSON document; bad projects are reported and skipped, not fatal."""
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ImportFormatError(f"不是有效的 JSON 文件（{exc}）") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportFormatError('不是绩效目标申报的 JSON 文件（缺少 "format": "jixiao-projects"）')
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ImportFormatError('JSON 文件缺少有效的版本号（"version"）')
    if version > VERSION:
        raise ImportFormatError(
            f"JSON 文件是第 {version} 版格式，本程序只支持第 {VERSION} 版，请升级程序"
        )
    if not isinstance(doc.get("projects"), list):
        raise ImportFormatError('JSON 文件中没有项目列表（"projects"）')
    result = ImportResult()
    seen: set[str] = set()
    for n, obj in enumerate(doc["projects"], 1):
        name = obj.get("name", "") if isinstance(obj, dict) else ""
        name = name if isinstance(name, str) else ""
        try:
            project = project_from_dict(obj)
        except _Bad as exc:
            result.add(ERROR, f"第 {n} 个项目未导入：{exc}", project=name)
            continue
        if project.id in seen:
            result.add(ERROR, f"第 {n} 个项目未导入：id {project.id} 在文件中重复", project=name)
            continue
        seen.add(project.id)
        result.projects.append(project)
    return result
