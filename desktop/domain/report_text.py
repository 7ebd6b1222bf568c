"""The lines of an import's report (``io/report.ReportItem.describe``): the frame — the
severity, the line or cell, the project — and what the readers say about a whole project
or sheet, as ``messages.Message``s in Chinese (the CLI prints them so), marked here for
lupdate so that a window in another language says them in its own
(``ui/audit_text.finding_text``). The 需复核 lines quote the reasons stored with a project
(``field_flags``, an indicator's ``review_note``), which are stored Chinese text."""

from __future__ import annotations

from desktop.domain.messages import QT_TRANSLATE_NOOP

# the frame of a line
ERROR = QT_TRANSLATE_NOOP("audit", "错误")
REVIEW = QT_TRANSLATE_NOOP("audit", "需复核")
WARNING = QT_TRANSLATE_NOOP("audit", "警告")
INFO = QT_TRANSLATE_NOOP("audit", "提示")
AT_LINE = QT_TRANSLATE_NOOP("audit", "第{n}行")
PLACES = "{first} {second}"  # a cell or line and the project: nothing to translate
LINE = QT_TRANSLATE_NOOP("audit", "[{severity}] {where}：{message}")
LINE_NOWHERE = "[{severity}] {message}"

# what the readers say about a whole project (io/files, io/json_format, io/xlsx_read)
NOT_IMPORTED = QT_TRANSLATE_NOOP("audit", "未导入：{problem}")
SAME_CONTENT = QT_TRANSLATE_NOOP("audit", "数据库中已有内容完全相同的项目，未重复导入")
SAME_ID = QT_TRANSLATE_NOOP(
    "audit", "数据库中已有同一编号但内容不同的项目，已作为新项目导入（两份都保留）"
)
NTH_NOT_IMPORTED = QT_TRANSLATE_NOOP("audit", "第 {n} 个项目未导入：{problem}")
NTH_SAME_ID = QT_TRANSLATE_NOOP("audit", "第 {n} 个项目未导入：id {id} 在文件中重复")
SHEET_EDITED = QT_TRANSLATE_NOOP("audit", "工作表“{sheet}”在导出后被修改过，按表格中的内容导入")

# what the form's reader misses in a whole form (io/form_finish)
NOT_A_FORM = QT_TRANSLATE_NOOP(
    "audit", "这一段不是完整的申报表（没有项目名称、金额和绩效指标），已跳过"
)
NO_NAME = QT_TRANSLATE_NOOP("audit", "没有找到项目名称")
NO_INDICATORS = QT_TRANSLATE_NOOP("audit", "没有找到绩效指标")
NO_GOALS = QT_TRANSLATE_NOOP("audit", "没有找到项目绩效目标")

# what the form's reader says about a label, a cell or a field (io/form_parser, form_finish);
# a label quoted from the file is the file's text
CELL_UNKNOWN = QT_TRANSLATE_NOOP("audit", "无法识别的单元格“{cell}”，已忽略")
VALUE_TAIL = QT_TRANSLATE_NOOP("audit", "“{label}”的值后面的“{rest}”不属于它，已忽略")
CELL_AFTER = QT_TRANSLATE_NOOP("audit", "“{label}”后的单元格“{extra}”不属于它，已忽略")
TWICE = QT_TRANSLATE_NOOP("audit", "“{label}”出现了两次，保留第一次的值")
NO_AMOUNT = QT_TRANSLATE_NOOP("audit", "“{label}”没有金额")
AMOUNT_UNREAD = QT_TRANSLATE_NOOP("audit", "“{label}”的金额无法识别（{problem}），按 0 导入")
GOAL_CELLS = QT_TRANSLATE_NOOP(
    "audit", "绩效目标一行中有两个以上的文字单元格，已按列位置归入总目标和年度目标"
)
NO_VALUE = QT_TRANSLATE_NOOP("audit", "指标“{name}”没有指标值")
PLACED_UNDER = QT_TRANSLATE_NOOP(
    "audit", "二级指标“{name}”缺少一级指标，已按指标体系归入“{parent}”"
)
NOT_FOUND = QT_TRANSLATE_NOOP("audit", "没有找到{label}")
#: a field or an indicator the importer marked 需复核, and why (``flag_text``)
FLAGGED_FIELD = QT_TRANSLATE_NOOP("audit", "{label}：{reason}")
FLAGGED_INDICATOR = QT_TRANSLATE_NOOP("audit", "{level1}/{level2}/{name}：{reason}")
NO_NAME_SHORT = QT_TRANSLATE_NOOP("audit", "（无名称）")
FIELD_UNREAD = QT_TRANSLATE_NOOP("audit", "{label}无法识别：{problem}")
NOT_STANDARD = QT_TRANSLATE_NOOP("audit", "{label}“{value}”不在标准列表中，按原样导入")
YEAR_GUESSED = QT_TRANSLATE_NOOP("audit", "没有找到年度，按{how}推断为 {year} 年（已标记需复核）")
BY_PERIOD = QT_TRANSLATE_NOOP("audit", "实施期限")
BY_DATES = QT_TRANSLATE_NOOP("audit", "计划日期")
BY_FILE_NAME = QT_TRANSLATE_NOOP("audit", "文件名")
BY_TODAY = QT_TRANSLATE_NOOP("audit", "当前年份")
