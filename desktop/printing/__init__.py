"""The official 财政项目支出绩效目标申报表 as PDF (reportlab). No Qt."""

from desktop.printing.render import RenderResult, SignOff, render

__all__ = ["RenderResult", "SignOff", "render"]
