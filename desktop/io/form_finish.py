"""A form read to its end → a ``Project``: dates from the period, the year, amounts worked
out from the others, goals split, long-term rows merged, every gap flagged 需复核."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

from desktop.domain import flag_text
from desktop.domain import report_text as report_say
from desktop.domain.dates import DateError, date_style, parse_date
from desktop.domain.messages import Message, Term, sentence_of
from desktop.domain.model import Funds, Indicator, Project, field_label, now_timestamp
from desktop.domain.taxonomy import taxonomy
from desktop.io.form_state import Form
from desktop.io.records import key
from desktop.io.report import ERROR, INFO, REVIEW, WARNING, ImportResult
from desktop.io.variants import label_key, synonyms, year_from_file_name, years_in_period
from desktop.io.wrapping import join_wrapped

# Fund fields by side, the total first.
_SIDES = {
    "project": ("total", "fiscal", "other"),
    "annual": ("annual_total", "annual_appropriation", "annual_carryover", "annual_other"),
}


_COPY = {  # a side the form does not have at all, from the other side
    "total": "annual_total",
    "fiscal": "annual_appropriation",
    "other": "annual_other",
}


DERIVED = "推算"  # a fund source: worked out from other amounts, not read


def _same_make_up(funds: dict, sources: dict, flags: dict) -> None:
    """项目资金总额 equal to 年度资金申请总额 and one side without any parts: that side is made
    up like the other (a one-year project), flagged as worked out."""
    project_parts, annual_parts = ("fiscal", "other"), _SIDES["annual"][1:]
    reason = flag_text.reason(flag_text.MADE_UP_LIKE_OTHER)
    if not any(a in funds for a in project_parts) and all(a in funds for a in annual_parts):
        made = {
            "fiscal": funds["annual_appropriation"] + funds["annual_carryover"],
            "other": funds["annual_other"],
        }
    elif not any(a in funds for a in annual_parts) and all(a in funds for a in project_parts):
        made = {
            "annual_appropriation": funds["fiscal"],
            "annual_carryover": 0,
            "annual_other": funds["other"],
        }
    else:
        return
    for attr, fen in made.items():
        funds[attr] = fen
        sources[attr] = DERIVED
        flags[f"funds.{attr}"] = reason


def _split_goals(text: str, first: str) -> dict[str, str] | None:
    """``长期目标：… 年度目标：…`` in one text (read as the ``first`` goal) → the two goals;
    None when it is one goal."""
    found = list(synonyms().inline_goal.finditer(text))
    kinds = {synonyms().goal_kind(label_key(m.group("label"))) for m in found}
    if not found or (kinds != {"overall", "annual"} and kinds == {first}):
        return None
    out: dict[str, list[str]] = {"overall": [], "annual": []}
    if head := text[: found[0].start()].strip():
        out[first].append(head)
    for n, m in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(text)
        kind = synonyms().goal_kind(label_key(m.group("label")))
        out[kind].append(text[m.end() : end].strip())
    return {k: "\n".join(v).strip() for k, v in out.items()}


def _merge_long_term(annual: list[Indicator], long_term: list[Indicator]) -> list[Indicator]:
    """A table in two halves (中长期 / 年度): the 年度 rows are the indicators; a 中长期 value
    goes into the note of its 年度 row, and a 中长期 row without one is kept, flagged."""
    if not long_term:
        return annual
    if not annual:
        return [
            with_note(i, _join_notes(i, flag_text.note(flag_text.LONG_TERM))) for i in long_term
        ]
    out = list(annual)
    index = {(i.level1, i.level2, i.name): n for n, i in enumerate(out)}
    for ind in long_term:
        n = index.get((ind.level1, ind.level2, ind.name))
        if n is not None:
            out[n] = with_note(
                out[n],
                _join_notes(
                    out[n], flag_text.note(flag_text.LONG_TERM_VALUE, value=ind.value.shown)
                ),
            )
        else:
            reason = flag_text.reason(flag_text.ONLY_LONG_TERM)
            out.append(
                replace(
                    with_note(ind, _join_notes(ind, flag_text.note(flag_text.LONG_TERM))),
                    needs_review=True,
                    review_note=flag_text.joined(ind.review_note, reason),
                )
            )
    return out


def _join_notes(ind: Indicator, extra: str) -> str:
    current = getattr(ind, "note", "")
    return "；".join(x for x in (current, extra) if x)


def with_note(ind: Indicator, note: str) -> Indicator:
    if not note:
        return ind
    return replace(ind, note=note)


def _with_flags(project: Project, flags: dict[str, str]) -> Project:
    if not flags:
        return project
    return project.with_changes(field_flags=tuple(sorted(flags.items())))


def _year(form: Form, dates: dict, note, source_name: str) -> int:
    if form.year is not None:
        return form.year
    period_years = years_in_period(form.basic.get("period", ""))
    if period_years:
        year, how = period_years[0], Term(report_say.BY_PERIOD)
    elif dates["start_date"] or dates["end_date"]:
        year, how = (dates["start_date"] or dates["end_date"]).year, Term(report_say.BY_DATES)
    elif (from_name := year_from_file_name(source_name)) is not None:
        year, how = from_name, Term(report_say.BY_FILE_NAME)
    else:
        year, how = date.today().year, Term(report_say.BY_TODAY)
    form.flags["year"] = flag_text.reason(flag_text.YEAR_GUESSED, how=how, year=year)
    note(WARNING, Message(report_say.YEAR_GUESSED, how=how, year=year), form.first_line)
    return year


def _dates_from_period(form: Form) -> None:
    period = form.basic.get("period", "")
    if not period or ("start_date" in form.basic and "end_date" in form.basic):
        return
    text = unicodedata.normalize("NFKC", period)
    for sep in ("至", "到", "~", "—", "–", "-"):
        parts = [p.strip() for p in text.split(sep)]
        if len(parts) == 2:
            break
    else:
        return
    for attr, text, last in (("start_date", parts[0], False), ("end_date", parts[1], True)):
        if attr in form.basic:
            continue
        try:
            parse_date(text)
            form.basic[attr] = text
        except DateError:
            if y := re.match(r"^(\d{4})\s*年?$", text.strip()):  # 项目期 2023-2025年
                form.basic[attr] = f"{y.group(1)}-12-31" if last else f"{y.group(1)}-01-01"
                form.flags[attr] = flag_text.reason(flag_text.PERIOD_YEARS_ONLY, period=period)
                form.basic_lines[attr] = form.basic_lines.get("period")
                continue
            m = re.match(r"^(\d{4})\s*[年./-]\s*(\d{1,2})\s*月?$", text.strip())
            if not m:
                continue
            y, mo = int(m.group(1)), int(m.group(2))
            if not 1 <= mo <= 12:
                continue
            days = (date(y + (mo == 12), mo % 12 + 1, 1) - date(y, mo, 1)).days
            day = days if last else 1
            form.basic[attr] = f"{y}-{mo:02d}-{day:02d}"
            form.flags[attr] = flag_text.reason(flag_text.PERIOD_MONTHS_ONLY, period=period)
        form.basic_lines[attr] = form.basic_lines.get("period")


def _derive_funds(form: Form) -> None:
    funds, flags, sources = form.money.amounts, form.flags, form.money.sources
    read = {a for a in funds if sources.get(a)}
    for attrs in _SIDES.values():
        total, parts = attrs[0], attrs[1:]
        seen = [a for a in parts if a in read]
        if total not in read and seen:
            funds[total] = sum(funds[a] for a in seen)
            sources[total] = DERIVED
            flags[f"funds.{total}"] = flag_text.reason(flag_text.TOTAL_SUMMED)
        elif total in read:
            missing = [a for a in parts if a not in read]
            rest = funds[total] - sum(funds[a] for a in seen)
            if missing and rest == 0:
                for a in missing:
                    funds[a] = 0  # the parts the form gives add up to the total
            elif len(missing) == 1 and rest > 0 and seen:
                funds[missing[0]] = rest
                sources[missing[0]] = DERIVED
                flags[f"funds.{missing[0]}"] = flag_text.reason(flag_text.PART_BY_DIFFERENCE)
    has = {side: any(a in funds for a in attrs) for side, attrs in _SIDES.items()}
    if has["project"] != has["annual"]:
        copied = set()
        for project_attr, annual_attr in _COPY.items():
            src, dst = (annual_attr, project_attr) if has["annual"] else (project_attr, annual_attr)
            if src in funds and dst not in funds:
                funds[dst] = funds[src]
                copied.add(dst)
                sources[dst] = DERIVED
                only = flag_text.ONLY_ANNUAL if has["annual"] else flag_text.ONLY_PROJECT
                flags[f"funds.{dst}"] = flag_text.reason(only)
        if "fiscal" in copied and funds.get("annual_carryover"):
            funds["fiscal"] = funds.get("fiscal", 0) + funds["annual_carryover"]
        if not has["annual"]:
            funds.setdefault("annual_carryover", 0)
    elif has["project"] and funds.get("total") == funds.get("annual_total"):
        _same_make_up(funds, sources, flags)
    for attr, label in Funds.FIELD_LABELS.items():
        if attr not in funds:
            funds[attr] = 0
            flags.setdefault(f"funds.{attr}", flag_text.reason(flag_text.NOT_FOUND, label=label))


def finish_form(form: Form, result: ImportResult, cell_ref, source_name: str) -> None:
    """The project of a form read to its end, with its notes and flags, into ``result``
    (or an error when the piece is not a form at all)."""
    for attr in ("name", "department", "implementing_unit"):
        if form.basic.get(attr):
            form.basic[attr] = join_wrapped(form.basic[attr], single_line=True)
    name = form.basic.get("name", "")
    if not name and not form.indicators and not form.money.amounts:
        if form.labels_seen:
            result.add(
                ERROR,
                Message(report_say.NOT_A_FORM),
                form.first_line,
            )
        return

    def note(severity: str, message: str, line=None, col: int | None = None) -> None:
        if isinstance(line, tuple):
            line, col = line
        cell = cell_ref(line, col) if cell_ref and line is not None else ""
        result.add(severity, message, line, name, cell)

    for severity, message, line, col in form.notes:
        note(severity, message, line, col)
    flags = form.flags
    if not name:
        note(WARNING, Message(report_say.NO_NAME), form.first_line)
        flags["name"] = flag_text.reason(flag_text.NOT_FOUND, label=field_label("name"))
    dates = _dates(form, note)
    year = _year(form, dates, note, source_name)
    tax = taxonomy()
    nature = _choice(form, "nature", tax.natures, field_label("nature"), note)
    category = _choice(form, "category", tax.categories, field_label("category"), note)
    for attr in ("department", "implementing_unit"):
        if not form.basic.get(attr):
            label = field_label(attr)
            flags[attr] = flag_text.reason(flag_text.NOT_FOUND, label=label)
    _derive_funds(form)
    goals = _goals(form, note)
    indicators = _merge_long_term(form.indicators, form.long_term)
    if not indicators:
        note(WARNING, Message(report_say.NO_INDICATORS), form.first_line)
    _note_flagged(indicators, flags, form, note)
    profile = tax.best_profile(year, ((i.level1, i.level2) for i in indicators))
    stamp = now_timestamp()
    project = Project(
        year=year,
        name=name,
        nature=nature,
        category=category,
        department=form.basic.get("department", ""),
        implementing_unit=form.basic.get("implementing_unit", ""),
        start_date=dates["start_date"],
        end_date=dates["end_date"],
        funds=Funds(**{a: v for a, v in form.money.amounts.items() if a in Funds.FIELD_LABELS}),
        goal_overall=goals["overall"],
        goal_annual=goals["annual"],
        goal_header=form.goal.header,
        funds_written={
            k: t for k, t in form.money.written.items() if form.money.amounts.get(k) is not None
        },
        indicators=tuple(indicators),
        profile=profile.id,
        created_at=stamp,
        updated_at=stamp,
        revision=1,
    )
    project = _with_flags(_with_date_style(project, form, dates), flags)
    result.projects.append(project)
    result.fund_sources[project.id] = dict(form.money.sources)


def _note_flagged(indicators, flags: dict, form: Form, note) -> None:
    """Each indicator and field the reader marked 需复核, with why, in the report."""
    for ind in indicators:
        if ind.needs_review:
            flagged = Message(
                report_say.FLAGGED_INDICATOR,
                level1=ind.level1,
                level2=ind.level2,
                name=ind.name or Term(report_say.NO_NAME_SHORT),
                reason=flag_text.read(ind.review_note),
            )
            note(REVIEW, flagged, ind.source_line)
    for field_key, reason in sorted(flags.items()):
        flagged = Message(
            report_say.FLAGGED_FIELD,
            label=Term(field_label(field_key)),
            reason=flag_text.read(reason),
        )
        note(REVIEW, flagged, form.basic_lines.get(field_key))


def _dates(form: Form, note) -> dict[str, date | None]:
    """计划开始日期 and 计划完成日期 (from the period when the form gives only that);
    a missing or unreadable one is noted and flagged."""
    _dates_from_period(form)
    dates: dict[str, date | None] = {}
    for field_name in ("start_date", "end_date"):
        label = field_label(field_name)
        text = form.basic.get(field_name, "")
        dates[field_name] = None
        if not text:
            missing = Message(report_say.NOT_FOUND, label=Term(label))
            note(WARNING, missing, form.basic_lines.get(field_name, form.first_line))
            form.flags[field_name] = flag_text.reason(flag_text.NOT_FOUND, label=label)
            continue
        try:
            dates[field_name] = parse_date(text)
        except DateError as exc:
            problem = sentence_of(exc)
            unread = Message(report_say.FIELD_UNREAD, label=Term(label), problem=problem)
            note(WARNING, unread, form.basic_lines.get(field_name))
            form.flags[field_name] = flag_text.reason(flag_text.NOT_A_DATE, text=text)
    return dates


def _goals(form: Form, note) -> dict[str, str]:
    """The two goal texts, split when one text holds both; a missing one is flagged."""
    # the goals as written (quotes, <p> … stay), line breaks of the source undone
    goals = {k: join_wrapped("\n".join(v)).strip() for k, v in form.goal.texts.items()}
    if goals["overall"] and not goals["annual"]:
        goals = _split_goals(goals["overall"], "overall") or goals
    elif goals["annual"] and not goals["overall"]:
        goals = _split_goals(goals["annual"], "annual") or goals
    if not form.goal.cols:
        note(WARNING, Message(report_say.NO_GOALS), form.first_line)
    for attr in ("overall", "annual"):
        if not goals[attr]:
            label = field_label(f"goal_{attr}")
            form.flags[f"goal_{attr}"] = flag_text.reason(flag_text.NOT_FOUND, label=label)
    return goals


def _with_date_style(project: Project, form: Form, dates: dict) -> Project:
    """The form's way of writing dates, kept (ISO is the program's convention, "")."""
    written = form.basic.get("start_date", "") or form.basic.get("end_date", "")
    if dates["start_date"] or dates["end_date"]:
        try:
            style = date_style(written)
            if style != "iso":
                return project.with_changes(date_style=style)
        except DateError:
            pass
    return project


def _choice(form: Form, attr: str, official: tuple[str, ...], label: str, note) -> str:
    raw = form.basic.get(attr, "")
    value = key(raw)
    if not value:
        form.flags[attr] = flag_text.reason(flag_text.NOT_FOUND, label=label)
    elif value not in official:
        odd = Message(report_say.NOT_STANDARD, label=Term(label), value=value)
        note(INFO, odd, form.basic_lines.get(attr))
    return value
