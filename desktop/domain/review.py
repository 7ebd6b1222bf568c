"""The review loop as records: a form's status and the reviewer's opinions. Pure Python.

A form goes up from its unit to a reviewer (the 主管部门's finance section, then the 财政局)
and comes back with opinions until it is approved: 编制中 → 已报送 → 退回修改 or 审核通过
(→ 调整中 → 已报送 …). Everything is an **append-only record with its own id**, so two
databases that exchange files by USB stick end with the union of their records and read
the same state from it, whatever the order of the exchanges:

- ``StatusEvent``: one transition of one project (from, to, unit, person, time, note).
  The status is the ``to`` of the last event in ``(seq, at, id)`` order; ``seq`` is one
  more than the highest the writer knew for that project (a Lamport clock), so an event
  made after another one was seen always sorts after it, even within one millisecond.
- ``Opinion``: a reviewer's coded reason (``reasons()``, data in
  ``data/review_reasons.json``) and free text, attached to the project, to one field
  (``funds.fiscal`` …) or to one indicator (by its stable id), with author unit, person
  and time.
- ``OpinionChange``: a change of an opinion's state (已修改 / 已说明 with the clerk's
  answer / 已确认 by the reviewer). The state is the highest in the order 未处理 < 已修改,
  已说明 < 已确认 (a join-semilattice: an opinion answered on one side and confirmed on the
  other ends confirmed), the answer the last answer by ``(seq, at, id)``.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from desktop.domain.messages import (
    QT_TRANSLATE_NOOP,
    FieldTerm,
    Message,
    ReasonTerm,
    StatusTerm,
    Term,
)
from desktop.domain.model import Project, form_label, new_id, now_timestamp

# -- status ------------------------------------------------------------------------------------

DRAFT, SUBMITTED, RETURNED, APPROVED, ADJUSTING = (
    "draft",
    "submitted",
    "returned",
    "approved",
    "adjusting",
)
STATUS_LABELS = {
    DRAFT: "编制中",
    SUBMITTED: "已报送",
    RETURNED: "退回修改",
    APPROVED: "审核通过",
    ADJUSTING: "调整中",
}
# Who may move a form where: the unit submits (again), the reviewer returns or approves.
TRANSITIONS = {
    DRAFT: (SUBMITTED,),
    SUBMITTED: (RETURNED, APPROVED, SUBMITTED),
    RETURNED: (SUBMITTED,),
    APPROVED: (ADJUSTING,),
    ADJUSTING: (SUBMITTED,),
}
# A form the reviewer has not decided on, or sent back, may be edited by its unit; an
# approved one only after 调整 was asked for with a reason.
LOCKED = frozenset({APPROVED})

ROLE_UNIT, ROLE_REVIEWER = "unit", "reviewer"
ROLE_LABELS = {ROLE_UNIT: "填报单位", ROLE_REVIEWER: "审核单位"}

# -- opinions ----------------------------------------------------------------------------------

OPEN, FIXED, EXPLAINED, CONFIRMED = "open", "fixed", "explained", "confirmed"
STATE_LABELS = {OPEN: "未处理", FIXED: "已修改", EXPLAINED: "已说明", CONFIRMED: "已确认"}
STATE_RANK = {OPEN: 0, FIXED: 1, EXPLAINED: 1, CONFIRMED: 2}

ON_PROJECT, ON_FIELD, ON_INDICATOR = "project", "field", "indicator"
TARGET_KINDS = (ON_PROJECT, ON_FIELD, ON_INDICATOR)

MAX_TEXT = 10_000  # characters of an opinion, an answer, a note
MAX_NAME = 200  # characters of a unit or person


class ReviewError(ValueError):
    """A review step that is not possible now (a sentence for the clerk)."""


@dataclass(frozen=True, slots=True)
class Reason:
    code: int
    text: str


@cache
def reasons() -> tuple[Reason, ...]:
    """The standard reasons (ADJOPTION), in code order."""
    text = resources.files("desktop.domain").joinpath("data/review_reasons.json").read_text("utf-8")
    data = json.loads(text)
    out = tuple(
        sorted(
            (Reason(int(r["code"]), str(r["text"])) for r in data["reasons"]), key=lambda r: r.code
        )
    )
    if len({r.code for r in out}) != len(out):
        raise ValueError("review_reasons.json: a code appears twice")
    return out


def reason_text(code: int) -> str:
    """A code's standard reason (a ``ReasonTerm``: a window says it in its language); an
    unknown code as 代码 N."""
    for r in reasons():
        if r.code == code:
            return ReasonTerm(r.text)
    return f"代码 {code}"


@dataclass(frozen=True, slots=True)
class StatusEvent:
    id: str
    project_id: str
    from_status: str
    to_status: str
    unit: str
    person: str
    at: str
    note: str = ""
    seq: int = 1
    content_hash: str = ""  # the form's content the event is about (报送, 审核通过)

    @property
    def order(self) -> tuple:
        return (self.seq, self.at, self.id)


@dataclass(frozen=True, slots=True)
class Opinion:
    id: str
    project_id: str
    kind: str  # ON_PROJECT, ON_FIELD, ON_INDICATOR
    target: str  # "" / field key / indicator id
    label: str  # where, as the reviewer saw it ("项目资金/财政资金", the indicator's name)
    code: int
    text: str
    unit: str
    person: str
    at: str

    @property
    def reason(self) -> str:
        return reason_text(self.code)


@dataclass(frozen=True, slots=True)
class OpinionChange:
    id: str
    opinion_id: str
    project_id: str
    state: str
    answer: str
    unit: str
    person: str
    at: str
    seq: int = 1

    @property
    def order(self) -> tuple:
        return (self.seq, self.at, self.id)


@dataclass(frozen=True)
class Records:
    """A set of review records (of one database, or of a file being exchanged)."""

    events: tuple[StatusEvent, ...] = ()
    opinions: tuple[Opinion, ...] = ()
    changes: tuple[OpinionChange, ...] = ()

    def union(self, other: Records) -> Records:
        return Records(
            _union(self.events, other.events),
            _union(self.opinions, other.opinions),
            _union(self.changes, other.changes),
        )

    def ids(self) -> frozenset[str]:
        return frozenset(r.id for r in (*self.events, *self.opinions, *self.changes))

    def __len__(self) -> int:
        return len(self.events) + len(self.opinions) + len(self.changes)


def _union(a, b):
    seen = {r.id: r for r in a}
    for r in b:
        seen.setdefault(r.id, r)
    return tuple(sorted(seen.values(), key=lambda r: r.id))


# -- reading the state off the records -------------------------------------------------------


def current_status(events: Iterable[StatusEvent]) -> str:
    """The status after the last event (编制中 when there is none)."""
    last = max(events, key=lambda e: e.order, default=None)
    return DRAFT if last is None else last.to_status


def last_event(events: Iterable[StatusEvent], to: str | None = None) -> StatusEvent | None:
    chosen = [e for e in events if to is None or e.to_status == to]
    return max(chosen, key=lambda e: e.order, default=None)


def next_seq(records: Iterable[StatusEvent | OpinionChange]) -> int:
    return 1 + max((r.seq for r in records), default=0)


@dataclass(frozen=True, slots=True)
class OpinionState:
    """An opinion with its state read off its changes."""

    opinion: Opinion
    state: str
    answer: str  # the clerk's last answer ("" if none)
    answered_by: str  # unit and person of that answer
    confirmed_by: str
    answer_state: str = ""  # FIXED or EXPLAINED: how the clerk last answered ("" if not)

    @property
    def is_open(self) -> bool:
        """Still for the clerk to do (neither answered nor confirmed)."""
        return self.state == OPEN

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def opinion_state(opinion: Opinion, changes: Iterable[OpinionChange]) -> OpinionState:
    mine = sorted((c for c in changes if c.opinion_id == opinion.id), key=lambda c: c.order)
    state, answer, answered_by, confirmed_by, answer_state = OPEN, "", "", "", ""
    for c in mine:
        if STATE_RANK.get(c.state, -1) > STATE_RANK[state] or (
            STATE_RANK.get(c.state, -1) == STATE_RANK[state] and c.state != OPEN
        ):
            state = c.state
        if c.state in (FIXED, EXPLAINED):
            answer, answered_by, answer_state = c.answer, _who(c.unit, c.person), c.state
        if c.state == CONFIRMED:
            confirmed_by = _who(c.unit, c.person)
    return OpinionState(opinion, state, answer, answered_by, confirmed_by, answer_state)


def handling(s: OpinionState) -> str:
    """How an opinion was handled, in one line: 已修改：…（甲司法所 张三）；审核单位已确认（…）."""
    if not s.answer_state:
        out = s.state_label if s.state != CONFIRMED else ""
    else:
        out = STATE_LABELS[s.answer_state] + (f"：{s.answer}" if s.answer else "")
        out += f"（{s.answered_by}）" if s.answered_by else ""
    if s.state == CONFIRMED:
        out += (
            ("；" if out else "")
            + "审核单位已确认"
            + (f"（{s.confirmed_by}）" if s.confirmed_by else "")
        )
    return out


def _who(unit: str, person: str) -> str:
    return " ".join(x for x in (unit, person) if x)


def opinion_states(records: Records, project_id: str | None = None) -> list[OpinionState]:
    """Every opinion (of one project) with its state, in the order they were written."""
    by_opinion: dict[str, list[OpinionChange]] = {}
    for c in records.changes:
        by_opinion.setdefault(c.opinion_id, []).append(c)
    ops = [o for o in records.opinions if project_id is None or o.project_id == project_id]
    ops.sort(key=lambda o: (o.at, o.id))
    return [opinion_state(o, by_opinion.get(o.id, ())) for o in ops]


# -- making records ------------------------------------------------------------------------------


def transition(
    events: Iterable[StatusEvent],
    project: Project,
    to: str,
    *,
    unit: str,
    person: str = "",
    note: str = "",
) -> StatusEvent:
    """The event moving ``project`` to ``to``; refused when the status does not allow it."""
    events = list(events)
    now = current_status(events)
    if to not in TRANSITIONS.get(now, ()):
        name = project.name or Term(UNNAMED)
        status = StatusTerm(STATUS_LABELS[now]) if now in STATUS_LABELS else now
        if to in CANNOT:
            raise ReviewError(Message(CANNOT[to], name=name, status=status))
        raise ReviewError(Message(CANNOT_MOVE, name=name, status=status, to=to))
    if to == ADJUSTING and not note.strip():
        raise ReviewError(Message(ADJUST_NEEDS_REASON))
    return StatusEvent(
        id=new_id(),
        project_id=project.id,
        from_status=now,
        to_status=to,
        unit=_clean(unit, MAX_NAME),
        person=_clean(person, MAX_NAME),
        at=now_timestamp(),
        note=_clean(note, MAX_TEXT),
        seq=next_seq(events),
        content_hash=project.content_hash(),
    )


#: why a review step is refused, said in the window's language (``ReviewError``, and the
#: store's ``ReviewRefused``); the Chinese text is ``str(exc)``, as the CLI prints it
CANNOT = {
    SUBMITTED: QT_TRANSLATE_NOOP("audit", "“{name}”当前为{status}，不能报送。"),
    RETURNED: QT_TRANSLATE_NOOP("audit", "“{name}”当前为{status}，不能退回修改。"),
    APPROVED: QT_TRANSLATE_NOOP("audit", "“{name}”当前为{status}，不能审核通过。"),
    ADJUSTING: QT_TRANSLATE_NOOP("audit", "“{name}”当前为{status}，不能申请调整。"),
}
CANNOT_MOVE = QT_TRANSLATE_NOOP("audit", "“{name}”当前为{status}，不能改为“{to}”。")
UNNAMED = QT_TRANSLATE_NOOP("audit", "（未命名）")
ADJUST_NEEDS_REASON = QT_TRANSLATE_NOOP("audit", "申请调整需要说明原因。")
NO_SUCH_CODE = QT_TRANSLATE_NOOP("audit", "没有代码为 {code} 的审核意见（可选：1–{last}）。")
ONE_PLACE = QT_TRANSLATE_NOOP("audit", "意见只能针对一个字段或一条指标。")
NO_SUCH_FIELD = QT_TRANSLATE_NOOP("audit", "没有名为“{field}”的字段。")
BAD_STATE = QT_TRANSLATE_NOOP("audit", "无效的意见状态：{state}")
EXPLAIN_NEEDS_TEXT = QT_TRANSLATE_NOOP("audit", "“已说明”需要写明说明的内容。")
BAD_ROLE = QT_TRANSLATE_NOOP("audit", "无效的角色：{role}")
SET_UNIT_FIRST = QT_TRANSLATE_NOOP(
    "audit", "请先设置本机单位（设置 › 本机单位，或命令行 --unit）。"
)
REVIEWER_ONLY_MOVE = QT_TRANSLATE_NOOP(
    "audit", "只有审核单位可以退回修改或审核通过（设置 › 本机角色）。"
)
RETURN_NEEDS_OPINION = QT_TRANSLATE_NOOP(
    "audit", "“{name}”没有未处理的审核意见：退回前请先提出意见，或写明退回原因。"
)
REVIEWER_ONLY_OPINION = QT_TRANSLATE_NOOP(
    "audit", "只有审核单位可以提出审核意见（设置 › 本机角色）。"
)
NO_SUCH_INDICATOR = QT_TRANSLATE_NOOP("audit", "“{name}”没有第 {n} 条指标。")
REVIEWER_ONLY_CONFIRM = QT_TRANSLATE_NOOP("audit", "只有审核单位可以确认意见。")
NO_SUCH_OPINION = QT_TRANSLATE_NOOP("audit", "没有编号为“{id}”的审核意见。")
APPROVED_ASK_FIRST = QT_TRANSLATE_NOOP(
    "audit", "这个项目已审核通过。修改前请先申请调整（说明原因）。"
)


def new_opinion(
    project: Project,
    code: int,
    text: str = "",
    *,
    unit: str,
    person: str = "",
    field: str | None = None,
    indicator: int | None = None,
) -> Opinion:
    """An opinion on the project, on one field (``funds.fiscal``) or on one indicator (its
    position in ``project.indicators``; stored by the indicator's stable id)."""
    if code not in {r.code for r in reasons()}:
        raise ReviewError(Message(NO_SUCH_CODE, code=code, last=reasons()[-1].code))
    if field is not None and indicator is not None:
        raise ReviewError(Message(ONE_PLACE))
    if indicator is not None:
        ind = project.indicators[indicator]
        kind, target = ON_INDICATOR, indicator_key(ind)
        label = "/".join(x for x in (ind.level1, ind.level2, ind.name) if x) or UNNAMED_INDICATOR
    elif field is not None:
        if not field_known(field):
            raise ReviewError(Message(NO_SUCH_FIELD, field=field))
        kind, target, label = ON_FIELD, field, str(field_place(field))
    else:
        kind, target, label = ON_PROJECT, "", WHOLE_PROJECT
    return Opinion(
        id=new_id(),
        project_id=project.id,
        kind=kind,
        target=target,
        label=label,
        code=code,
        text=_clean(text, MAX_TEXT),
        unit=_clean(unit, MAX_NAME),
        person=_clean(person, MAX_NAME),
        at=now_timestamp(),
    )


def change_state(
    opinion: Opinion,
    changes: Iterable[OpinionChange],
    state: str,
    answer: str = "",
    *,
    unit: str,
    person: str = "",
) -> OpinionChange:
    """The clerk's answer (已修改, 已说明 with a text) or the reviewer's 已确认."""
    if state not in (FIXED, EXPLAINED, CONFIRMED):
        raise ReviewError(Message(BAD_STATE, state=state))
    if state == EXPLAINED and not answer.strip():
        raise ReviewError(Message(EXPLAIN_NEEDS_TEXT))
    mine = [c for c in changes if c.opinion_id == opinion.id]
    return OpinionChange(
        id=new_id(),
        opinion_id=opinion.id,
        project_id=opinion.project_id,
        state=state,
        answer=_clean(answer, MAX_TEXT),
        unit=_clean(unit, MAX_NAME),
        person=_clean(person, MAX_NAME),
        at=now_timestamp(),
        seq=next_seq(mine),
    )


def _clean(text: str, limit: int) -> str:
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]", "\ufffd", text or "")
    return text.strip()[:limit]


# -- places --------------------------------------------------------------------------------------

BASIC_TAB = QT_TRANSLATE_NOOP("audit", "基本信息")
FUNDS_TAB = QT_TRANSLATE_NOOP("audit", "项目资金")
GOALS_TAB = QT_TRANSLATE_NOOP("audit", "绩效目标")
_FIELD_TABS = {"goal_overall": GOALS_TAB, "goal_annual": GOALS_TAB}
#: places, said in the window's language (the Chinese text is what is stored and printed)
FIELD_PLACE = QT_TRANSLATE_NOOP("audit", "{tab}/{label}")
INDICATOR_PLACE = QT_TRANSLATE_NOOP("audit", "绩效指标/第{n}条（{path}）")
INDICATOR_LABEL = QT_TRANSLATE_NOOP("audit", "绩效指标/{label}")
INDICATOR_GONE = QT_TRANSLATE_NOOP("audit", "绩效指标/{label}（已删除）")
WHOLE_PROJECT = QT_TRANSLATE_NOOP("audit", "整个项目")
UNNAMED_INDICATOR = QT_TRANSLATE_NOOP("audit", "（未命名指标）")
#: an open opinion as a 审核 finding: its code and reason, the reviewer's text, the unit
OPINION_FINDING = QT_TRANSLATE_NOOP("audit", "{code} {reason}")
OPINION_FINDING_TEXT = QT_TRANSLATE_NOOP("audit", "{code} {reason}：{text}")
OPINION_BY_UNIT = QT_TRANSLATE_NOOP("audit", "{opinion}（{unit}）")


def field_known(key: str) -> bool:
    from desktop.domain.model import Funds

    if key.startswith("funds."):
        return key[6:] in Funds.FIELD_LABELS
    return key in Project.FIELD_LABELS


def field_place(key: str) -> Message:
    """``项目资金/其中：财政资金``-style place of a field, as the form names it (its label
    from the one table, ``model.FORM_LABELS``)."""
    tab = FUNDS_TAB if key.startswith("funds.") else _FIELD_TABS.get(key, BASIC_TAB)
    return Message(FIELD_PLACE, tab=Term(tab), label=FieldTerm(form_label(key)))


def indicator_key(indicator) -> str:
    """The stable id an opinion on an indicator is attached to: the indicator's ``uid``
    (the id the three-way merge uses), or — for indicators without one — its 三级 name."""
    uid = getattr(indicator, "uid", "") or ""
    return uid if uid else f"name:{indicator.name}"


def find_indicator(project: Project, target: str) -> int | None:
    """Where the indicator an opinion is attached to is now (None: removed)."""
    for n, ind in enumerate(project.indicators):
        if indicator_key(ind) == target:
            return n
    if target.startswith("name:"):
        return None
    # An opinion written before the indicator had an id, read where ids exist now: by name.
    return None


def indicator_place(project: Project, n: int) -> Message:
    """``绩效指标/第3条（产出指标/数量指标/培训人次）``."""
    ind = project.indicators[n]
    path = "/".join(x for x in (ind.level1, ind.level2, ind.name) if x)
    return Message(INDICATOR_PLACE, n=n + 1, path=path)


def opinion_place(opinion: Opinion, project: Project | None) -> str:
    """Where an opinion is, as the form names it now (a ``Message``; the opinion's own
    label for a place this program does not know)."""
    if opinion.kind == ON_INDICATOR and project is not None:
        n = find_indicator(project, opinion.target)
        if n is None:
            return Message(INDICATOR_GONE, label=opinion.label)
        return indicator_place(project, n)
    if opinion.kind == ON_INDICATOR:
        return Message(INDICATOR_LABEL, label=opinion.label)
    if opinion.kind == ON_FIELD and field_known(opinion.target):
        return field_place(opinion.target)
    if opinion.kind == ON_PROJECT and opinion.label == WHOLE_PROJECT:
        return Message(WHOLE_PROJECT)
    return opinion.label


def opinion_location(opinion: Opinion, project: Project):
    """Where on the form an opinion is (an ``audit.Location``, so that it is marked and
    reached like a 审核 finding)."""
    from desktop.domain.audit import TAB_BASIC, TAB_FUNDS, TAB_GOALS, TAB_INDICATORS, Location

    if opinion.kind == ON_INDICATOR:
        n = find_indicator(project, opinion.target)
        return Location(TAB_INDICATORS, "name" if n is not None else "", n)
    if opinion.kind == ON_FIELD:
        key = opinion.target
        if key.startswith("funds."):
            return Location(TAB_FUNDS, key)
        return Location(TAB_GOALS if key.startswith("goal_") else TAB_BASIC, key)
    return Location(TAB_BASIC)


def opinion_findings(project: Project, states: Iterable[OpinionState]) -> list:
    """The opinions still 未处理 as 审核 findings (severity ``opinion``, with their code)."""
    from desktop.domain.audit import OPINION, Finding

    out = []
    for s in states:
        if not s.is_open or s.opinion.project_id != project.id:
            continue
        o = s.opinion
        if o.text:
            text = Message(OPINION_FINDING_TEXT, code=o.code, reason=o.reason, text=o.text)
        else:
            text = Message(OPINION_FINDING, code=o.code, reason=o.reason)
        if o.unit:
            text = Message(OPINION_BY_UNIT, opinion=text, unit=o.unit)
        out.append(Finding("review.opinion", OPINION, text, opinion_location(o, project), o.code))
    return out


def is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except (ValueError, TypeError, AttributeError):
        return False
