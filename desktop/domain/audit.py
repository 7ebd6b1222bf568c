"""审核: the checks a form must pass before it leaves the desk. Pure Python.

A rule has an id, a severity (错误 / 警告), and a check that yields findings with a message
in plain Chinese and a location (tab, field, indicator). Rules declare the form years they
apply to, so next year's rules are added to ``RULES`` without touching the engine; the
indicator rules read the taxonomy profile of the project's year.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from desktop.domain import flag_text
from desktop.domain.audit_columns import IndicatorColumns, quantitative_name
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, Term
from desktop.domain.model import (
    NATURE_PHASED,
    NATURE_RECURRING,
    Funds,
    Project,
    field_label,
)
from desktop.domain.money import format_money
from desktop.domain.taxonomy import Profile, taxonomy

ERROR = "error"
WARNING = "warning"
OPINION = "opinion"  # a reviewer's open opinion shown among the findings (domain.review)
SEVERITY_LABELS = {ERROR: "错误", WARNING: "警告", OPINION: "审核意见"}
RULES_VERSION = 4  # bump when rules change: stored statuses are then computed again

STATUS_OK, STATUS_WARNING, STATUS_ERROR = 0, 1, 2
STATUS_LABELS = {STATUS_OK: "通过", STATUS_WARNING: "警告", STATUS_ERROR: "错误"}

TAB_BASIC, TAB_FUNDS, TAB_GOALS, TAB_INDICATORS = "basic", "funds", "goals", "indicators"
GOAL_LIMITS = {"goal_overall": 800, "goal_annual": 700}  # characters that still print legibly
LEVEL1_REQUIRED = ("产出指标", "效益指标", "满意度指标")
COST_LEVEL1 = "成本指标"


# The form's words that messages quote, for the translation tools. (The 一级/二级 names are
# not among them: they are the form's own words, data printed on the Chinese paper, shown as
# written in every language, as the indicator tree shows them.)
TERMS = (
    QT_TRANSLATE_NOOP("audit", "项目名称"),
    QT_TRANSLATE_NOOP("audit", "项目性质"),
    QT_TRANSLATE_NOOP("audit", "项目类别"),
    QT_TRANSLATE_NOOP("audit", "主管部门"),
    QT_TRANSLATE_NOOP("audit", "实施单位"),
    QT_TRANSLATE_NOOP("audit", "计划开始日期"),
    QT_TRANSLATE_NOOP("audit", "计划完成日期"),
    QT_TRANSLATE_NOOP("audit", "项目总目标"),
    QT_TRANSLATE_NOOP("audit", "年度总体目标"),
    QT_TRANSLATE_NOOP("audit", "年度"),
    QT_TRANSLATE_NOOP("audit", "项目资金总额"),
    QT_TRANSLATE_NOOP("audit", "财政资金"),
    QT_TRANSLATE_NOOP("audit", "其他资金"),
    QT_TRANSLATE_NOOP("audit", "年度资金申请总额"),
    QT_TRANSLATE_NOOP("audit", "当年财政拨款"),
    QT_TRANSLATE_NOOP("audit", "上年结转资金"),
    QT_TRANSLATE_NOOP("audit", "其他资金（年度）"),
    QT_TRANSLATE_NOOP("audit", "绩效指标"),
    QT_TRANSLATE_NOOP("audit", "（空）"),
    QT_TRANSLATE_NOOP("audit", "（未命名）"),
)


@dataclass(frozen=True, slots=True)
class Location:
    tab: str
    field: str = ""  # a Project attribute ("name"), "funds.total", or "" for the tab
    indicator: int | None = None  # index in Project.indicators


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: str
    message: str
    location: Location
    # The standard review reason (domain/data/review_reasons.json) the finding matches, so
    # the clerk reads 审核 hints with the codes a reviewer's opinions use.
    code: int | None = None

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.severity]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    # (project or, ``over_rows``, its IndicatorColumns; profile) → (message, location[, code])
    check: Callable[[Project, Profile], Iterable[tuple]]
    first_year: int | None = None  # the form years the rule applies to
    last_year: int | None = None
    code: int | None = None  # the review reason its findings match
    over_rows: bool = False  # the rule reads the indicators' columns, not the project

    def applies_to(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )


RULES: list[Rule] = []


def rule(
    rule_id: str,
    severity: str,
    first_year: int | None = None,
    last_year: int | None = None,
    code: int | None = None,
    over_rows: bool = False,
):
    def register(fn):
        RULES.append(Rule(rule_id, severity, fn, first_year, last_year, code, over_rows))
        return fn

    return register


def check(
    project: Project,
    rules: Iterable[Rule] | None = None,
    duplicates: Collection[tuple[int, str]] = (),
    rows: IndicatorColumns | None = None,
) -> list[Finding]:
    """Every finding for one project, errors first, in form order. ``duplicates``: the
    ``duplicate_key``s that more than one live project of the file has (the store knows the
    other projects; a rule sees only its own). ``rows``: the project's indicators as columns
    (read from the file in bulk), else made from ``project.indicators``."""
    profile = taxonomy().profile_of(project)
    if rows is None:
        rows = IndicatorColumns.of(project)
    year = project.year
    chosen = _rules_for(year) if rules is None else [r for r in rules if r.applies_to(year)]
    findings = [
        Finding(r.id, r.severity, found[0], found[1], found[2] if len(found) > 2 else r.code)
        for r in chosen
        for found in r.check(rows if r.over_rows else project, profile)
    ]
    key = duplicate_key(project)
    if rules is None and key[1] and key in duplicates:
        findings.append(
            Finding(
                DUPLICATE,
                WARNING,
                Message(
                    QT_TRANSLATE_NOOP(
                        "audit",
                        "可能重复：{year}年度还有一个同名的项目“{name}”（例如合并时两份都保留）。"
                        "请删除或改名其中一个。",
                    ),
                    year=project.year,
                    name=duplicate_key(project)[1],
                ),
                Location(TAB_BASIC, "name"),
            )
        )
    order = {TAB_BASIC: 0, TAB_FUNDS: 1, TAB_GOALS: 2, TAB_INDICATORS: 3}
    return sorted(
        findings,
        key=lambda f: (
            f.severity != ERROR,
            order[f.location.tab],
            -1 if f.location.indicator is None else f.location.indicator,
        ),
    )


_APPLICABLE: dict[tuple[int, int], tuple[Rule, ...]] = {}


def _rules_for(year: int) -> tuple[Rule, ...]:
    """The rules of ``RULES`` that apply to the form year (kept: asked once a project)."""
    key = (year, len(RULES))
    chosen = _APPLICABLE.get(key)
    if chosen is None:
        chosen = _APPLICABLE[key] = tuple(r for r in RULES if r.applies_to(year))
    return chosen


DUPLICATE = "duplicate"  # not in RULES: it needs the file's other projects
# "人民调解（来自交换.db）": the copy a merge keeps of a conflicting project is a duplicate of
# "人民调解" until one of them is removed or renamed.
_COPY_SUFFIX = re.compile(r"（来自[^（）]*）$")


def duplicate_key(p: Project) -> tuple[int, str]:
    """Projects with the same key look like one form twice: same year, same name (spaces
    and a merge copy's “（来自…）” aside)."""
    return name_key(p.year, p.name)


def name_key(year: int, name: str) -> tuple[int, str]:
    name = "".join(name.split())
    while _COPY_SUFFIX.search(name):
        name = _COPY_SUFFIX.sub("", name)
    return (year, name)


def status(findings: Iterable[Finding]) -> int:
    severities = {f.severity for f in findings}
    if ERROR in severities:
        return STATUS_ERROR
    return STATUS_WARNING if WARNING in severities else STATUS_OK


def counts(findings: Iterable[Finding]) -> tuple[int, int]:
    c = Counter(f.severity for f in findings)
    return c[ERROR], c[WARNING]


# -- required fields ---------------------------------------------------------------------------

_REQUIRED = (
    ("name", "项目名称", TAB_BASIC),
    ("nature", "项目性质", TAB_BASIC),
    ("category", "项目类别", TAB_BASIC),
    ("department", "主管部门", TAB_BASIC),
    ("implementing_unit", "实施单位", TAB_BASIC),
    ("start_date", "计划开始日期", TAB_BASIC),
    ("end_date", "计划完成日期", TAB_BASIC),
    ("goal_overall", "项目总目标", TAB_GOALS),
    ("goal_annual", "年度总体目标", TAB_GOALS),
)


def _empty(p: Project, attr: str) -> bool:
    value = getattr(p, attr)
    return value is None or (isinstance(value, str) and not value.strip())


_REQUIRED_ATTRS = frozenset(attr for attr, _label, _tab in _REQUIRED)


@rule("required", ERROR)
def _required(p: Project, _profile: Profile) -> Iterator[tuple[str, Location]]:
    for attr, label, tab in _REQUIRED:
        if _empty(p, attr):
            reason = p.flag(attr)  # an empty field the importer flagged: one line, with why
            if reason:
                text = Message(
                    QT_TRANSLATE_NOOP("audit", "{label}未填写（需复核：{reason}）"),
                    label=Term(label),
                    reason=flag_text.read(reason),
                )
            else:
                text = Message(QT_TRANSLATE_NOOP("audit", "{label}未填写"), label=Term(label))
            yield text, Location(tab, attr)


# -- funds -------------------------------------------------------------------------------------


@rule("funds.total", ERROR)
def _funds_total(p: Project, _profile: Profile):
    f = p.funds
    if f.total != f.fiscal + f.other:
        yield (
            Message(
                QT_TRANSLATE_NOOP(
                    "audit", "项目资金总额 {total} 元应等于财政资金与其他资金之和 {parts} 元"
                ),
                total=format_money(f.total),
                parts=format_money(f.fiscal + f.other),
            ),
            Location(TAB_FUNDS, "funds.total"),
        )


@rule("funds.annual", ERROR)
def _funds_annual(p: Project, _profile: Profile):
    f = p.funds
    parts = f.annual_appropriation + f.annual_carryover + f.annual_other
    if f.annual_total != parts:
        yield (
            Message(
                QT_TRANSLATE_NOOP(
                    "audit",
                    "年度资金申请总额 {total} 元应等于当年财政拨款、上年结转资金与其他资金之和 "
                    "{parts} 元",
                ),
                total=format_money(f.annual_total),
                parts=format_money(parts),
            ),
            Location(TAB_FUNDS, "funds.annual_total"),
        )


@rule("funds.annual_within_total", ERROR)
def _annual_within_total(p: Project, _profile: Profile):
    if p.funds.annual_total > p.funds.total:
        yield (
            Message(QT_TRANSLATE_NOOP("audit", "年度资金申请总额不能大于项目资金总额")),
            Location(TAB_FUNDS, "funds.annual_total"),
        )


@rule("funds.negative", ERROR)
def _negative(p: Project, _profile: Profile):
    for attr, label in Funds.FIELD_LABELS.items():
        if getattr(p.funds, attr) < 0:
            yield (
                Message(QT_TRANSLATE_NOOP("audit", "{label}不能是负数"), label=Term(label)),
                Location(TAB_FUNDS, f"funds.{attr}"),
            )


@rule("funds.recurring_annual", WARNING)
def _recurring(p: Project, _profile: Profile):
    if p.nature == NATURE_RECURRING and p.funds.annual_total != p.funds.total:
        yield (
            Message(QT_TRANSLATE_NOOP("audit", "经常性项目的年度资金申请总额通常等于项目资金总额")),
            Location(TAB_FUNDS, "funds.annual_total"),
        )


@rule("dates.phased_one_year", WARNING)
def _phased(p: Project, _profile: Profile):
    if (
        p.nature == NATURE_PHASED
        and p.start_date
        and p.end_date
        and p.start_date.year == p.end_date.year
    ):
        yield (
            Message(
                QT_TRANSLATE_NOOP(
                    "audit",
                    "阶段性项目的实施期在同一年内，请确认项目性质（一年内完成的通常是一次性项目）",
                )
            ),
            Location(TAB_BASIC, "nature"),
        )


# -- dates -------------------------------------------------------------------------------------


@rule("dates.order", ERROR)
def _date_order(p: Project, _profile: Profile):
    if p.start_date and p.end_date and p.end_date < p.start_date:
        yield (
            Message(QT_TRANSLATE_NOOP("audit", "计划完成日期早于计划开始日期")),
            Location(TAB_BASIC, "end_date"),
        )


@rule("dates.cover_year", ERROR)
def _cover_year(p: Project, _profile: Profile):
    if (
        p.start_date
        and p.end_date
        and p.start_date <= p.end_date
        and not (p.start_date.year <= p.year <= p.end_date.year)
    ):
        yield (
            Message(
                QT_TRANSLATE_NOOP("audit", "计划实施期（{start}至{end}）不包含申报年度 {year} 年"),
                start=str(p.start_date),
                end=str(p.end_date),
                year=p.year,
            ),
            Location(TAB_BASIC, "start_date"),
        )


# -- goals ---------------------------------------------------------------------------------------


@rule("goals.identical", WARNING)
def _identical_goals(p: Project, _profile: Profile):
    if p.goal_overall.strip() and p.goal_overall.strip() == p.goal_annual.strip():
        yield (
            Message(
                QT_TRANSLATE_NOOP(
                    "audit", "项目总目标与年度总体目标完全相同，年度目标应写明本年度要完成的部分"
                )
            ),
            Location(TAB_GOALS, "goal_annual"),
        )


@rule("goals.too_long", WARNING)
def _long_goals(p: Project, _profile: Profile):
    for attr, limit in GOAL_LIMITS.items():
        n = len(getattr(p, attr))
        if n > limit:
            label = "项目总目标" if attr == "goal_overall" else "年度总体目标"
            yield (
                Message(
                    QT_TRANSLATE_NOOP(
                        "audit", "{label}有 {n} 个字，超过 {limit} 字，打印时表格会跨页，难以阅读"
                    ),
                    label=Term(label),
                    n=n,
                    limit=limit,
                ),
                Location(TAB_GOALS, attr),
            )


# -- indicators ------------------------------------------------------------------------------
# These rules read the project's indicators as columns (``audit_columns``): what they ask of a
# value or a name is worked out once for each distinct one.


# Review reasons (ADJOPTION) of a missing 一级: 9 产出, 8 效益, 10 满意度.
_MISSING_CODES = {"产出指标": 9, "效益指标": 8, "满意度指标": 10}


@rule("indicators.level1_present", ERROR, over_rows=True)
def _level1_present(rows: IndicatorColumns, profile: Profile):
    used = rows.used_level1
    for name in LEVEL1_REQUIRED:
        if name in profile.level1_names and name not in used:
            yield (
                Message(
                    QT_TRANSLATE_NOOP("audit", "缺少{name}：每个项目至少要有一条{name}"),
                    name=name,  # the form's own word (data), as the tree shows it
                ),
                Location(TAB_INDICATORS, name),
                _MISSING_CODES[name],
            )


@rule("indicators.cost_present", WARNING, code=1, over_rows=True)
def _cost_present(rows: IndicatorColumns, profile: Profile):
    """From the 2021 profile on 成本指标 is a 一级 of its own, and the guidance asks every
    project for one (Shanghai 2025: 每个项目都应设置成本指标)."""
    if COST_LEVEL1 in profile.level1_names and COST_LEVEL1 not in rows.used_level1:
        yield (
            Message(
                QT_TRANSLATE_NOOP("audit", "没有成本指标：按现行指标体系，每个项目都应设置成本指标")
            ),
            Location(TAB_INDICATORS, COST_LEVEL1),
        )


@rule("indicators.quantitative_name_text_value", WARNING, code=4, over_rows=True)
def _quantitative_name(rows: IndicatorColumns, _profile: Profile):
    for n in rows.where("text_not_placeholder"):
        name = rows.stripped[n]
        if name and quantitative_name(name):
            yield (
                Message(
                    QT_TRANSLATE_NOOP(
                        "audit",
                        "指标“{name}”是定量指标，指标值“{value}”却是文字，请填写数值和计量单位",
                    ),
                    name=name,
                    value=rows.facts[n].value.shown,
                ),
                Location(TAB_INDICATORS, "value", n),
            )


@rule("indicators.placeholder", ERROR, code=2, over_rows=True)
def _placeholders(rows: IndicatorColumns, _profile: Profile):
    for n in rows.where("placeholder"):
        yield (
            Message(
                QT_TRANSLATE_NOOP(
                    "audit", "指标“{name}”的指标值“{value}”还是模板中的占位符，请填写具体的数值"
                ),
                name=rows.name[n] or Term("（未命名）"),
                value=rows.facts[n].value.shown,
            ),
            Location(TAB_INDICATORS, "value", n),
        )


@rule("indicators.taxonomy", ERROR, over_rows=True)
def _taxonomy(rows: IndicatorColumns, profile: Profile):
    if profile.fits_all(zip(rows.level1, rows.level2, strict=True)):
        return
    for n, (level1, level2) in enumerate(zip(rows.level1, rows.level2, strict=True)):
        if level1 not in profile.level1_names:
            yield (
                Message(
                    QT_TRANSLATE_NOOP("audit", "“{level1}”不是{year}年度指标体系中的一级指标"),
                    level1=level1 or Term("（空）"),
                    year=rows.year,
                ),
                Location(TAB_INDICATORS, "level1", n),
            )
        elif not profile.fits(level1, level2):
            options = "、".join(profile.level2_for(level1))
            yield (
                Message(
                    QT_TRANSLATE_NOOP(
                        "audit", "二级指标“{level2}”不属于一级指标“{level1}”（可选：{options}）"
                    ),
                    level2=level2 or Term("（空）"),
                    level1=level1,  # the form's own words, as the tree shows them
                    options=options,
                ),
                Location(TAB_INDICATORS, "level2", n),
            )


@rule("indicators.name", ERROR, over_rows=True)
def _indicator_name(rows: IndicatorColumns, _profile: Profile):
    if all(rows.stripped):
        return
    for n, name in enumerate(rows.stripped):
        if not name:
            yield (
                Message(QT_TRANSLATE_NOOP("audit", "三级指标名称未填写")),
                Location(TAB_INDICATORS, "name", n),
            )


@rule("indicators.value", ERROR, over_rows=True)
def _indicator_value(rows: IndicatorColumns, _profile: Profile):
    for n in rows.where("empty"):
        yield (
            Message(
                QT_TRANSLATE_NOOP("audit", "指标“{name}”没有指标值"),
                name=rows.name[n] or Term("（未命名）"),
            ),
            Location(TAB_INDICATORS, "value", n),
        )


@rule("indicators.percent", ERROR, over_rows=True)
def _percent(rows: IndicatorColumns, _profile: Profile):
    for n in rows.where("percent_out"):
        yield (
            Message(
                QT_TRANSLATE_NOOP("audit", "指标“{name}”的百分比“{value}”不在 0–100 之间"),
                name=rows.name[n],
                value=rows.facts[n].value.shown,
            ),
            Location(TAB_INDICATORS, "value", n),
        )


@rule("indicators.operator_without_number", ERROR, over_rows=True)
def _operator_without_number(rows: IndicatorColumns, _profile: Profile):
    for n in rows.where("operator_without_number"):
        yield (
            Message(
                QT_TRANSLATE_NOOP("audit", "指标“{name}”的指标值“{value}”有运算符但没有数值"),
                name=rows.name[n],
                value=rows.facts[n].value.text,
            ),
            Location(TAB_INDICATORS, "value", n),
        )


@rule("indicators.number_without_operator", WARNING, over_rows=True)
def _number_without_operator(rows: IndicatorColumns, _profile: Profile):
    for n in rows.where("number_without_operator"):
        yield (
            Message(
                QT_TRANSLATE_NOOP("audit", "指标“{name}”的指标值“{value}”没有运算符（=、≥、≤ 等）"),
                name=rows.name[n],
                value=rows.facts[n].value.shown,
            ),
            Location(TAB_INDICATORS, "value", n),
        )


@rule("indicators.duplicate_name", WARNING, over_rows=True)
def _duplicates(rows: IndicatorColumns, _profile: Profile):
    named = list(filter(None, rows.stripped))
    if len(set(named)) == len(named):
        return
    seen: dict[str, int] = {}
    for n, name in enumerate(rows.stripped):
        if not name:
            continue
        if name in seen:
            yield (
                Message(QT_TRANSLATE_NOOP("audit", "三级指标“{name}”重复出现"), name=name),
                Location(TAB_INDICATORS, "name", n),
            )
        else:
            seen[name] = n


@rule("indicators.needs_review", ERROR, over_rows=True)
def _needs_review(rows: IndicatorColumns, _profile: Profile):
    if not any(rows.needs_review):
        return
    for n, flagged in enumerate(rows.needs_review):
        if flagged:
            # the source line is in the panel's tooltip: the clerk reads the form's words
            yield (
                Message(
                    QT_TRANSLATE_NOOP("audit", "导入时无法确定的指标“{name}”需要复核：{note}"),
                    name=rows.name[n] or Term("（未命名）"),
                    note=flag_text.read(rows.review_note[n]),
                ),
                Location(TAB_INDICATORS, "name", n),
            )


_FLAG_TABS = {"goal_overall": TAB_GOALS, "goal_annual": TAB_GOALS, "indicators": TAB_INDICATORS}


@rule("fields.needs_review", ERROR)
def _flagged_fields(p: Project, _profile: Profile):
    """A field the importer could not fill or only worked out (需复核 on the field): an
    error until the clerk writes the field."""
    for key, reason in p.field_flags:
        if key in _REQUIRED_ATTRS and _empty(p, key):
            continue  # "未填写" already says it, with the reason
        tab = TAB_FUNDS if key.startswith("funds.") else _FLAG_TABS.get(key, TAB_BASIC)
        yield (
            Message(
                QT_TRANSLATE_NOOP("audit", "{label}需复核：{reason}"),
                label=Term(field_label(key)),
                reason=flag_text.read(reason),
            ),
            Location(tab, key),
        )


@rule("indicators.output_quantitative", WARNING, over_rows=True)
def _output_quantitative(rows: IndicatorColumns, _profile: Profile):
    if "产出指标" not in rows.used_level1:
        return
    outputs = zip(rows.level1, rows.stripped, rows.facts, strict=True)
    if not any(f.quantitative for level1, name, f in outputs if level1 == "产出指标" and name):
        yield (
            Message(
                QT_TRANSLATE_NOOP(
                    "audit", "产出指标中没有可量化的指标（带数值的指标值），建议至少设一条"
                )
            ),
            Location(TAB_INDICATORS, "产出指标"),
        )
