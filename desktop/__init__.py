"""绩效目标申报 — offline desktop application for 财政项目支出绩效目标申报表."""

__version__ = "0.1.0"
APP_NAME = "绩效目标申报"
