"""The form's field labels in the UI language (keys as in ``Project.field_flags``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def field_labels() -> dict[str, str]:
    def tr(text: str) -> str:
        return QCoreApplication.translate("FieldLabels", text)

    return {
        "year": tr("年度"),
        "name": tr("项目名称"),
        "nature": tr("项目性质"),
        "category": tr("项目类别"),
        "department": tr("主管部门"),
        "implementing_unit": tr("实施单位"),
        "start_date": tr("计划开始日期"),
        "end_date": tr("计划完成日期"),
        "goal_overall": tr("项目总目标"),
        "goal_annual": tr("年度总体目标"),
        "funds.total": tr("项目资金总额"),
        "funds.fiscal": tr("其中：财政资金"),
        "funds.other": tr("其他资金"),
        "funds.annual_total": tr("年度资金申请总额"),
        "funds.annual_appropriation": tr("其中：当年财政拨款"),
        "funds.annual_carryover": tr("上年结转资金"),
        "funds.annual_other": tr("其他资金（年度）"),
    }


def field_label(key: str) -> str:
    return field_labels().get(key, key)
