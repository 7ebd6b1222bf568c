"""The 项目资金 page of the editor: the seven amounts of the form, the sums of their parts
beside the totals, and filling a total from its parts.

Edits go through the editor's edit path (``ProjectEditor._edit``): one undo step each."""

from __future__ import annotations

import weakref
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.model import Funds
from desktop.domain.money import format_money
from desktop.ui.commands import undo_text
from desktop.ui.widgets import MoneyEdit

if TYPE_CHECKING:
    from desktop.ui.editor import ProjectEditor
    from desktop.ui.session import Session


class FundsPage(QWidget):
    """项目资金: the form's amounts, each an undoable edit of the project."""

    def __init__(self, session: Session, editor: ProjectEditor):
        super().__init__()
        self.session = session
        self._editor = weakref.ref(editor)  # no reference cycle between editor and page
        self._build()

    @property
    def editor(self) -> ProjectEditor:
        return self._editor()

    FUND_ROWS = (
        ("total", 0, 0),
        ("fiscal", 1, 0),
        ("other", 3, 0),
        ("annual_total", 0, 1),
        ("annual_appropriation", 1, 1),
        ("annual_carryover", 2, 1),
        ("annual_other", 3, 1),
    )

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        grid = QGridLayout()
        outer.addLayout(grid)
        # each label carries its own mnemonic, unique on this tab and against the menu bar
        # (F E P V H) and the 审核 dock (J Q); in English inside the word (“&Total …”)
        labels = {
            "total": self.tr("项目资金总额(&T)"),
            "fiscal": self.tr("其中：财政资金(&C)"),
            "other": self.tr("其他资金(&O)"),
            "annual_total": self.tr("年度资金申请总额(&N)"),
            "annual_appropriation": self.tr("其中：当年财政拨款(&B)"),
            "annual_carryover": self.tr("上年结转资金(&R)"),
            "annual_other": self.tr("其他资金(&W)"),
        }
        self.money: dict[str, MoneyEdit] = {}
        for key, row, side in self.FUND_ROWS:
            edit = MoneyEdit()  # as wide as the largest amount read (99,999,999.99 and more)
            edit.setObjectName(f"money_{key}")
            label = QLabel(labels[key])
            label.setWordWrap(True)  # a long English label wraps; the amount stays whole
            label.setBuddy(edit)
            # under the amount: the amount in 万元 as typed, or why it was refused
            below = QHBoxLayout()
            below.setContentsMargins(0, 0, 0, 0)
            below.addWidget(edit.reading)
            below.addWidget(edit.message, 1)
            col = side * 3
            grid.addWidget(label, row * 2, col)
            grid.addWidget(edit, row * 2, col + 1)
            grid.addLayout(below, row * 2 + 1, col + 1)
            edit.committed.connect(lambda fen, k=key: self._commit_money(k, fen))
            self.money[key] = edit
        grid.setColumnMinimumWidth(2, 24)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(4, 1)
        self.sum_left = QLabel()
        self.sum_right = QLabel()
        self.fill_left = QPushButton(self.tr("按分项填入总额(&G)"))
        self.fill_right = QPushButton(self.tr("按分项填入年度总额(&M)"))
        for text, label, button in (
            (self.tr("财政资金＋其他资金"), self.sum_left, self.fill_left),
            (self.tr("当年财政拨款＋上年结转资金＋其他资金"), self.sum_right, self.fill_right),
        ):
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("{0}：").format(text)))
            row.addWidget(label)
            row.addStretch(1)
            row.addWidget(button)
            outer.addLayout(row)
        hint = QLabel(self.tr("金额单位：元。可输入 5100000、5,100,000.00、510万 或 510万元。"))
        hint.setWordWrap(True)  # wraps rather than widening the window (English, 150%)
        outer.addWidget(hint)
        outer.addStretch(1)
        self.fill_left.clicked.connect(lambda: self._fill_total("total"))
        self.fill_right.clicked.connect(lambda: self._fill_total("annual_total"))

    def _parts(self, funds: Funds) -> tuple[int, int]:
        return (
            funds.fiscal + funds.other,
            funds.annual_appropriation + funds.annual_carryover + funds.annual_other,
        )

    def fill(self) -> None:
        funds = self.editor.project.funds if self.editor.project else Funds()
        for key, edit in self.money.items():
            edit.set_fen(getattr(funds, key))
        self._update_sums()

    def _update_sums(self) -> None:
        funds = self.editor.project.funds if self.editor.project else Funds()
        left, right = self._parts(funds)
        for label, button, parts, total in (
            (self.sum_left, self.fill_left, left, funds.total),
            (self.sum_right, self.fill_right, right, funds.annual_total),
        ):
            ok = parts == total
            label.setText(
                format_money(parts)
                + ("" if ok else self.tr("  ≠ 总额 {0}").format(format_money(total)))
            )
            label.setStyleSheet("" if ok else "color: #c0392b; font-weight: bold;")
            button.setEnabled(not ok and not self.session.read_only)

    def _commit_money(self, key: str, fen: int) -> None:
        project = self.editor.project
        if project is None:
            return
        funds = replace(project.funds, **{key: fen})
        texts = {
            "total": QT_TRANSLATE_NOOP("Commands", "修改项目资金总额"),
            "fiscal": QT_TRANSLATE_NOOP("Commands", "修改财政资金"),
            "other": QT_TRANSLATE_NOOP("Commands", "修改其他资金"),
            "annual_total": QT_TRANSLATE_NOOP("Commands", "修改年度资金申请总额"),
            "annual_appropriation": QT_TRANSLATE_NOOP("Commands", "修改当年财政拨款"),
            "annual_carryover": QT_TRANSLATE_NOOP("Commands", "修改上年结转资金"),
            "annual_other": QT_TRANSLATE_NOOP("Commands", "修改其他资金（年度）"),
        }
        self.editor._edit(project.with_changes(funds=funds), undo_text(texts[key]))
        self._update_sums()

    def _fill_total(self, key: str) -> None:
        if self.editor.project is None:
            return
        left, right = self._parts(self.editor.project.funds)
        value = left if key == "total" else right
        self.money[key].set_fen(value)
        self._commit_money(key, value)
