"""Why a row of a received file was not imported: the store and the codec write these in
Chinese as ``messages.Message``s (the CLI prints them so); they are marked here, in the
domain, for Qt's lupdate, and a window in another language says them in its own
(``ui/audit_text.finding_text``). A column's name or a value inside them is data."""

from __future__ import annotations

from desktop.domain.messages import QT_TRANSLATE_NOOP, Term
from desktop.domain.model import Funds, Project

# the frame: one line of the file's problems
NOT_IMPORTED = QT_TRANSLATE_NOOP("audit", "“{label}”未导入：{problem}")
NTH_PROJECT = QT_TRANSLATE_NOOP("audit", "第 {n} 个项目")
DUPLICATE_ID = QT_TRANSLATE_NOOP("audit", "编号 {id} 在文件中重复")
REVIEW_ROWS_BAD = QT_TRANSLATE_NOOP("audit", "{bad} 条{label}无效，未导入（例如：{first}）")
REVIEW_EVENTS = QT_TRANSLATE_NOOP("audit", "状态记录")
REVIEW_OPINIONS = QT_TRANSLATE_NOOP("audit", "审核意见")
REVIEW_CHANGES = QT_TRANSLATE_NOOP("audit", "意见处理记录")
FUTURE_TIME = QT_TRANSLATE_NOOP(
    "audit", "“{label}”的修改时间在未来（{stamp}），已导入，请核对电脑日期"
)
BAD_TOMBSTONE = QT_TRANSLATE_NOOP("audit", "一条删除记录无效，已忽略：{problem}")
NAME_KEY_DAMAGED = QT_TRANSLATE_NOOP("audit", "查重键（name_key）已损坏")
ORPHAN_CHANGES = QT_TRANSLATE_NOOP("audit", "{n} 条意见处理记录找不到所属的意见，未导入")

# a review record's column (store/review_check)
REVIEW_TOO_LONG = QT_TRANSLATE_NOOP("audit", "“{name}”太长（{length} 字）")
REVIEW_NOT_ID = QT_TRANSLATE_NOOP("audit", "“{name}”不是有效的编号")
REVIEW_NOT_TIME = QT_TRANSLATE_NOOP("audit", "“{name}”不是时间")
REVIEW_STATUS = QT_TRANSLATE_NOOP("audit", "状态无效")
REVIEW_HASH = QT_TRANSLATE_NOOP("audit", "内容校验值无效")
REVIEW_KIND = QT_TRANSLATE_NOOP("audit", "意见位置的类别无效")
REVIEW_NO_FIELD = QT_TRANSLATE_NOOP("audit", "没有名为“{target}”的字段")
REVIEW_PROJECT_TARGET = QT_TRANSLATE_NOOP("audit", "针对整个项目的意见不应有位置")
REVIEW_STATE = QT_TRANSLATE_NOOP("audit", "意见状态无效")

# a stored project row (store/rows)
NOT_TEXT = QT_TRANSLATE_NOOP("audit", "“{name}”不是文字")
BAD_TEXT = QT_TRANSLATE_NOOP("audit", "“{name}”的文字编码无效")
JSON_TOO_LONG = QT_TRANSLATE_NOOP("audit", "{label}太长")
JSON_INVALID = QT_TRANSLATE_NOOP("audit", "{label}无效（不是有效的 JSON）")
VERSIONS = QT_TRANSLATE_NOOP("audit", "版本记录")
FIELD_FLAGS = QT_TRANSLATE_NOOP("audit", "需复核字段记录")
FIELD_VERSIONS = QT_TRANSLATE_NOOP("audit", "字段版本记录")
FUNDS_WRITTEN = QT_TRANSLATE_NOOP("audit", "金额写法记录")
AMOUNT_INVALID = QT_TRANSLATE_NOOP("audit", "金额“{name}”无效")
YEAR_NOT_INTEGER = QT_TRANSLATE_NOOP("audit", "年度不是整数")
REVISION_INVALID = QT_TRANSLATE_NOOP("audit", "修改次数无效")
INDICATOR_NUMBER = QT_TRANSLATE_NOOP("audit", "指标数值")
INDICATOR_OP = QT_TRANSLATE_NOOP("audit", "指标运算符")
INDICATOR_REVIEW_FLAG = QT_TRANSLATE_NOOP("audit", "指标复核标记无效")
INDICATOR_LINE = QT_TRANSLATE_NOOP("audit", "指标行号无效")

# what the screen (store/rows.screen) finds before anything is read
SCREEN_ID = QT_TRANSLATE_NOOP("audit", "编号无效")
SCREEN_YEAR = QT_TRANSLATE_NOOP("audit", "年度无效")
SCREEN_TEXT = QT_TRANSLATE_NOOP("audit", "“{name}”不是文字或太长")
SCREEN_AMOUNT = QT_TRANSLATE_NOOP("audit", "金额无效")
SCREEN_JSON = QT_TRANSLATE_NOOP("audit", "“{name}”不是有效的 JSON")
SCREEN_INVALID = QT_TRANSLATE_NOOP("audit", "“{name}”无效")
SCREEN_DATE = QT_TRANSLATE_NOOP("audit", "“{name}”不是有效的日期")
SCREEN_REVISION = QT_TRANSLATE_NOOP("audit", "修改次数无效")
SCREEN_HASH = QT_TRANSLATE_NOOP("audit", "内容指纹（content_hash）无效")
SCREEN_ENCODING = QT_TRANSLATE_NOOP("audit", "文字编码无效（不是 UTF-8）")
SCREEN_VALUES = QT_TRANSLATE_NOOP("audit", "有指标的数值、运算符或复核标记无效")
SCREEN_TOO_MANY = QT_TRANSLATE_NOOP("audit", "指标太多（{count:,} 条，上限 {limit:,}）")
SCREEN_TOO_MUCH_TEXT = QT_TRANSLATE_NOOP("audit", "指标的文字太多（{chars:,} 个字符）")
SCREEN_INDICATOR_TEXT = QT_TRANSLATE_NOOP("audit", "有指标的内容不是文字或太长")
SCREEN_INDICATOR_ENCODING = QT_TRANSLATE_NOOP("audit", "有指标的文字编码无效（不是 UTF-8）")

# the codec's checks of a project (domain/codec)
NTH_INDICATOR = QT_TRANSLATE_NOOP("audit", "第 {n} 条指标的")
MISSING = QT_TRANSLATE_NOOP("audit", "{where}缺少“{name}”")
SHOULD_BE_TEXT = QT_TRANSLATE_NOOP("audit", "{where}“{name}”应为文字")
TEXT_TOO_LONG = QT_TRANSLATE_NOOP(
    "audit", "{where}“{name}”太长（{length:,} 个字符，上限 {limit:,}）"
)
SHOULD_BE_INTEGER = QT_TRANSLATE_NOOP("audit", "“{name}”应为整数")
AMOUNT_AS_TEXT = QT_TRANSLATE_NOOP("audit", '金额“{name}”应写成文字，如 "5100000.00"')
AMOUNT_PROBLEM = QT_TRANSLATE_NOOP("audit", "金额“{name}”：{problem}")
BAD_OPERATOR = QT_TRANSLATE_NOOP("audit", "{where}运算符“{op}”无效，应为 = ≥ ≤ > < 之一")
OPERATOR_NO_NUMBER = QT_TRANSLATE_NOOP("audit", "{where}有运算符但没有数值")
NUMBER_AS_TEXT = QT_TRANSLATE_NOOP("audit", '{where}数值应写成文字，如 "85.00"')
NUMBER_TOO_LONG = QT_TRANSLATE_NOOP("audit", "{where}数值“{value}…”太长")
NUMBER_INVALID = QT_TRANSLATE_NOOP("audit", "{where}数值“{value}”无效")
NUMBER_RANGE = QT_TRANSLATE_NOOP(
    "audit", "{where}数值“{value}”超出范围（绝对值应小于 10^16，最多 20 位小数）"
)
UNIT_NO_NUMBER = QT_TRANSLATE_NOOP("audit", "{where}有单位但没有数值")
BAD_ID = QT_TRANSLATE_NOOP("audit", "编号不是有效的 UUID：{id}")
BAD_YEAR = QT_TRANSLATE_NOOP("audit", "年度 {year} 无效")
TOO_MANY_INDICATORS = QT_TRANSLATE_NOOP("audit", "指标太多（超过 {limit} 条）")
DATE_FORMAT = QT_TRANSLATE_NOOP("audit", "“{name}”应写成 YYYY-MM-DD")
SHOULD_BE_BOOLEAN = QT_TRANSLATE_NOOP("audit", "{where}“{name}”应为 true 或 false")
NTH_SHOULD_BE_INTEGER = QT_TRANSLATE_NOOP("audit", "{where}“{name}”应为整数")
UID_INVALID = QT_TRANSLATE_NOOP("audit", "{where}指标编号无效")
UID_NOT_UUID = QT_TRANSLATE_NOOP("audit", "{where}指标编号不是有效的 UUID")
NOT_AN_OBJECT = QT_TRANSLATE_NOOP("audit", "第 {n} 条指标不是对象")
SAME_UID = QT_TRANSLATE_NOOP("audit", "有两条指标的编号相同")
PROJECT_NOT_OBJECT = QT_TRANSLATE_NOOP("audit", "项目不是对象")
SHOULD_BE_OBJECT = QT_TRANSLATE_NOOP("audit", "“{name}”应为对象")
SHOULD_BE_LIST = QT_TRANSLATE_NOOP("audit", "“{name}”应为列表")
UNKNOWN_PROFILE = QT_TRANSLATE_NOOP("audit", "指标体系“{profile}”未知")
UNKNOWN_DATE_STYLE = QT_TRANSLATE_NOOP("audit", "日期格式“{style}”未知")
GOAL_HEADER_TOO_LONG = QT_TRANSLATE_NOOP("audit", "目标表头太长（超过 {limit} 个字符）")
TOO_MUCH_TEXT = QT_TRANSLATE_NOOP("audit", "文字太多（共 {total:,} 个字符，上限 {limit:,}）")
DATE_PROBLEM = QT_TRANSLATE_NOOP("audit", "“{name}”：{problem}")
FIELD_VERSIONS_SHAPE = QT_TRANSLATE_NOOP("audit", "字段版本记录应为 {{字段: [编号, 次数]}} 对象")
FIELD_VERSIONS_NAME = QT_TRANSLATE_NOOP("audit", "字段版本记录中的字段名无效")
FIELD_VERSIONS_ENTRY = QT_TRANSLATE_NOOP("audit", "字段版本记录中的记录应为 [编号, 次数]")
FIELD_VERSIONS_COUNT = QT_TRANSLATE_NOOP("audit", "字段版本记录中的次数超出了版本记录")
FIELD_FLAGS_SHAPE = QT_TRANSLATE_NOOP("audit", "需复核字段记录应为 {{字段: 原因}} 对象")
FIELD_FLAGS_UNKNOWN = QT_TRANSLATE_NOOP("audit", "需复核字段记录中的字段“{key}”未知")
FIELD_FLAGS_REASON = QT_TRANSLATE_NOOP("audit", "需复核字段记录中的原因应为文字")
VERSIONS_SHAPE = QT_TRANSLATE_NOOP("audit", "版本记录应为 {{编号: 次数}} 对象")
VERSIONS_ID = QT_TRANSLATE_NOOP("audit", "版本记录中的编号无效")
VERSIONS_COUNT = QT_TRANSLATE_NOOP("audit", "版本记录中的次数应为非负整数")
REVISION_NEGATIVE = QT_TRANSLATE_NOOP("audit", "修改次数应为非负整数")
DELETED_AT = QT_TRANSLATE_NOOP("audit", "删除时间应为时间文字或 null")
FUNDS_WRITTEN_SHAPE = QT_TRANSLATE_NOOP("audit", "金额写法记录应为 {{金额字段: 文字}} 对象")
FUNDS_WRITTEN_ENTRY = QT_TRANSLATE_NOOP("audit", "金额写法记录中的记录无效")
FUNDS_WRITTEN_MISMATCH = QT_TRANSLATE_NOOP("audit", "金额写法记录中“{text}”与金额不符")

# the own file's deletion records and kept versions (store/rows)
TOMBSTONE_ID = QT_TRANSLATE_NOOP("audit", "删除记录的编号无效")
TOMBSTONE_VERSIONS = QT_TRANSLATE_NOOP("audit", "删除记录的版本记录")
TOMBSTONE_INVALID = QT_TRANSLATE_NOOP("audit", "删除记录无效：{problem}")
HISTORY_VERSION = QT_TRANSLATE_NOOP("audit", "历史版本")
HISTORY_INVALID = QT_TRANSLATE_NOOP("audit", "历史版本无效：{problem}")

# A stored column or a file's key said as the form's word (年度, 财政资金), never its
# internal name: the form's fields by their labels, the others by these words.
_COLUMN_WORDS = {
    "id": QT_TRANSLATE_NOOP("audit", "编号"),
    "project_id": QT_TRANSLATE_NOOP("audit", "项目编号"),
    "created_at": QT_TRANSLATE_NOOP("audit", "创建时间"),
    "updated_at": QT_TRANSLATE_NOOP("audit", "修改时间"),
    "deleted_at": QT_TRANSLATE_NOOP("audit", "删除时间"),
    "revision": QT_TRANSLATE_NOOP("audit", "修改次数"),
    "profile": QT_TRANSLATE_NOOP("audit", "指标体系"),
    "date_style": QT_TRANSLATE_NOOP("audit", "日期写法"),
    "goal_header": QT_TRANSLATE_NOOP("audit", "目标表头"),
    "versions": VERSIONS,
    "field_flags": FIELD_FLAGS,
    "field_versions": FIELD_VERSIONS,
    "funds_written": FUNDS_WRITTEN,
    "data": HISTORY_VERSION,
    "funds": QT_TRANSLATE_NOOP("audit", "项目资金"),
    "goals": QT_TRANSLATE_NOOP("audit", "绩效目标"),
    "indicators": QT_TRANSLATE_NOOP("audit", "绩效指标"),
}
_INDICATOR_WORDS = {
    "uid": QT_TRANSLATE_NOOP("audit", "指标编号"),
    "level1": QT_TRANSLATE_NOOP("audit", "一级指标"),
    "level2": QT_TRANSLATE_NOOP("audit", "二级指标"),
    "name": QT_TRANSLATE_NOOP("audit", "三级指标"),
    "unit": QT_TRANSLATE_NOOP("audit", "计量单位"),
    "text": QT_TRANSLATE_NOOP("audit", "指标值的文字"),
    "entered": QT_TRANSLATE_NOOP("audit", "指标值的原写法"),
    "value_text": QT_TRANSLATE_NOOP("audit", "指标值的原写法"),
    "value": QT_TRANSLATE_NOOP("audit", "指标值"),
    "review_note": QT_TRANSLATE_NOOP("audit", "复核说明"),
    "raw_text": QT_TRANSLATE_NOOP("audit", "原文"),
    "note": QT_TRANSLATE_NOOP("audit", "备注"),
    "needs_review": QT_TRANSLATE_NOOP("audit", "复核标记"),
    "source_line": QT_TRANSLATE_NOOP("audit", "原文行号"),
    "op": INDICATOR_OP,
    "number": INDICATOR_NUMBER,
}
# a review record's column (a status change, an opinion, an answer to it)
_REVIEW_WORDS = {
    "id": QT_TRANSLATE_NOOP("audit", "记录编号"),
    "project_id": _COLUMN_WORDS["project_id"],
    "opinion_id": QT_TRANSLATE_NOOP("audit", "意见编号"),
    "seq": QT_TRANSLATE_NOOP("audit", "序号"),
    "unit": QT_TRANSLATE_NOOP("audit", "单位"),
    "person": QT_TRANSLATE_NOOP("audit", "经办人"),
    "at": QT_TRANSLATE_NOOP("audit", "记录时间"),
    "note": QT_TRANSLATE_NOOP("audit", "说明"),
    "content_hash": QT_TRANSLATE_NOOP("audit", "内容校验值"),
    "target": QT_TRANSLATE_NOOP("audit", "意见位置"),
    "label": QT_TRANSLATE_NOOP("audit", "意见位置的名称"),
    "code": QT_TRANSLATE_NOOP("audit", "意见代码"),
    "text": QT_TRANSLATE_NOOP("audit", "意见内容"),
    "answer": QT_TRANSLATE_NOOP("audit", "处理说明"),
}


def column(name: str, *, indicator: bool = False, review: bool = False) -> str:
    """The form's word for a stored column or a file's key, as a ``Term`` (translated with
    the sentence): ``year`` → 年度, ``funds_fiscal`` → 财政资金, an indicator's ``name`` →
    三级指标, a review record's ``at`` → 记录时间. A ``Term`` given stays; an unknown name
    is said as it is."""
    if isinstance(name, Term):
        return name
    if review:
        return Term(_REVIEW_WORDS[name]) if name in _REVIEW_WORDS else name
    if indicator:
        return Term(_INDICATOR_WORDS[name]) if name in _INDICATOR_WORDS else name
    if name in Project.FIELD_LABELS:
        return Term(Project.FIELD_LABELS[name])
    fund = name.removeprefix("funds_")
    if fund in Funds.FIELD_LABELS:
        return Term(Funds.FIELD_LABELS[fund])
    return Term(_COLUMN_WORDS[name]) if name in _COLUMN_WORDS else name
