"""The 审核 panel: the problems of the current project or of all projects; a click takes the
clerk to the field or indicator row."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import audit
from desktop.domain.model import FORM_LABELS, Project
from desktop.ui.audit_text import finding_text
from desktop.ui.widgets import field_text

FINDING_ROLE = Qt.ItemDataRole.UserRole + 20


def tab_label(widget: QWidget, tab: str) -> str:
    return {
        "basic": QCoreApplication.translate("AuditPanel", "基本信息"),
        "funds": QCoreApplication.translate("AuditPanel", "项目资金"),
        "goals": QCoreApplication.translate("AuditPanel", "绩效目标"),
        "indicators": QCoreApplication.translate("AuditPanel", "绩效指标"),
    }[tab]


#: the parts of the annual request, placed under it (年度资金申请总额 › 上年结转资金)
_ANNUAL_PARTS = ("funds.annual_appropriation", "funds.annual_carryover", "funds.annual_other")


def field_label(field: str) -> str:
    """Where a finding is, in the form's words: the field's label from the one table
    (``model.FORM_LABELS``, in the UI language), or a 一级 name."""
    if field not in FORM_LABELS:
        # a 一级 name (产出指标) is the form's own word, data printed on the Chinese paper:
        # shown as the form writes it, as the indicator tree shows its groups
        return field
    if field in _ANNUAL_PARTS:
        return f"{field_text('funds.annual_total')} › {field_text(field)}"
    return field_text(field)


class AuditPanel(QDockWidget):
    """Lists findings; ``activated(project_id, finding)`` when one is clicked."""

    activated = Signal(str, object)
    scopeChanged = Signal(bool)  # True: all projects

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("auditPanel")
        self.setWindowTitle(self.tr("审核"))
        body = QWidget()
        self.current_only = QRadioButton(self.tr("当前项目(&J)"))
        self.all_projects = QRadioButton(self.tr("全部项目(&Q)"))
        self.current_only.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.current_only)
        group.addButton(self.all_projects)
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.current_only)
        top.addWidget(self.all_projects)
        top.addStretch(1)
        top.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("级别"), self.tr("项目"), self.tr("位置"), self.tr("说明")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)  # long findings wrap instead of ending in …
        self.tree.header().setMinimumSectionSize(60)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(True)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        self.all_projects.toggled.connect(self.scopeChanged.emit)
        style = self.style()
        self._icons = {
            audit.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            audit.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            audit.OPINION: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }

    @property
    def show_all(self) -> bool:
        return self.all_projects.isChecked()

    def show_findings(self, results: list[tuple[Project, list[audit.Finding]]]) -> None:
        self.tree.clear()
        errors = warnings = opinions = 0
        items = []
        levels = {
            audit.ERROR: self.tr("错误"),
            audit.WARNING: self.tr("警告"),
            audit.OPINION: self.tr("审核意见"),
        }
        for project, findings in results:
            for f in findings:
                errors += f.severity == audit.ERROR
                warnings += f.severity == audit.WARNING
                opinions += f.severity == audit.OPINION
                message = finding_text(f.message)
                if f.code is not None and f.severity != audit.OPINION:
                    message = self.tr("{0}（意见代码 {1}）").format(message, f.code)
                item = QTreeWidgetItem(
                    [
                        levels[f.severity],
                        project.name or self.tr("（未命名）"),
                        self._where(f, project),
                        message,
                    ]
                )
                item.setIcon(0, self._icons[f.severity])
                item.setData(0, FINDING_ROLE, (project.id, f))
                item.setToolTip(3, message)
                source = self._source(f, project)
                if source:
                    item.setToolTip(2, source)
                if f.severity == audit.ERROR:
                    item.setForeground(0, QBrush(QColor("#b91c1c")))
                elif f.severity == audit.OPINION:
                    item.setForeground(0, QBrush(QColor("#1d4ed8")))
                items.append(item)
        self.tree.addTopLevelItems(items)
        for col, least in ((0, 70), (1, 100)):
            self.tree.resizeColumnToContents(col)
            self.tree.setColumnWidth(col, max(self.tree.columnWidth(col), least))
        self.tree.setColumnWidth(2, max(min(self.tree.sizeHintForColumn(2) + 8, 360), 160))
        if errors or warnings:
            self.summary.setText(
                self.tr("错误 %n 条，", "", errors) + self.tr("警告 %n 条", "", warnings)
            )
        elif opinions:
            self.summary.setText("")
        else:
            self.summary.setText(self.tr("✓ 通过审核") if results else "")
        if opinions:
            self.summary.setText(
                " ".join(
                    x for x in (self.summary.text(), self.tr("审核意见 %n 条", "", opinions)) if x
                )
            )

    def _where(self, f: audit.Finding, project: Project) -> str:
        """Where on the form, in the form's words: 绩效指标 › 产出指标 › 数量指标 › 名称."""
        tab = tab_label(self, f.location.tab)
        if f.location.indicator is not None and f.location.indicator < len(project.indicators):
            ind = project.indicators[f.location.indicator]
            parts = [tab, ind.level1, ind.level2, ind.name or self.tr("（未命名）")]
            return " › ".join(p for p in parts if p)
        field = field_label(f.location.field)
        return f"{tab} › {field}" if f.location.field else tab

    def _source(self, f: audit.Finding, project: Project) -> str:
        """The imported line an indicator came from (tooltip only)."""
        if f.location.indicator is None or f.location.indicator >= len(project.indicators):
            return ""
        ind = project.indicators[f.location.indicator]
        if not ind.source_line:
            return ""
        text = self.tr("原文第 {0} 行").format(ind.source_line)
        if ind.raw_text:
            text += self.tr("：{0}").format(ind.raw_text.replace("\t", " | "))
        return text

    def _activate(self, item: QTreeWidgetItem) -> None:
        data = item.data(0, FINDING_ROLE)
        if data:
            self.activated.emit(data[0], data[1])
