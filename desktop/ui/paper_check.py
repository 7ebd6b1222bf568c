"""文件 › 核对纸质件… (F8): is a signed paper the version in the data?

One field takes what each page's footer says: the check code typed by the clerk, or the QR
code's whole text typed by a USB barcode scanner (scanners act as keyboards and end with
Enter). Each page's answer is listed as it comes (与当前数据一致 / 这是第 3 版，当前是第 5
版 with the changed fields / 项目不在本文件中 / 校验码有误), and under the list which pages
of which forms are there and which are missing. The field takes no input method, so a
scanner's letters never land in a Chinese IME's composition.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store import Repository, StoreError, paper
from desktop.store.paper import BAD_CODE, CHANGED, MATCH, PaperBatch, Verdict, page_list, verify
from desktop.ui.audit_text import error_text, finding_text
from desktop.ui.screen import fit_to_screen

COLOURS = {MATCH: "#1b7f3b", CHANGED: "#b35900"}
ERROR_COLOUR = "#b00020"


class PaperCheckDialog(QDialog):
    def __init__(self, parent: QWidget, repo: Repository):
        super().__init__(parent)
        self.repo = repo
        self.batch = PaperBatch()
        self.setWindowTitle(self.tr("核对纸质件"))
        intro = QLabel(
            self.tr(
                "输入纸质件页脚的校验码（如 K7RM-4XQ2-H9TW），或用扫描枪扫描页脚的二维码，"
                "按回车核对。可以一页接一页地扫描，下面列出每一页的结果和缺少的页。"
            )
        )
        intro.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("校验码或二维码"))
        # A scanner types letters: keep them out of a Chinese input method's composition.
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.field.setInputMethodHints(
            Qt.InputMethodHint.ImhPreferUppercase | Qt.InputMethodHint.ImhNoPredictiveText
        )
        mono = QFont(self.field.font())
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setFamilies(["Consolas", "DejaVu Sans Mono", "Menlo", mono.family()])
        self.field.setFont(mono)
        self.field.returnPressed.connect(self.check)
        label = QLabel(self.tr("校验码(&C)："))
        label.setBuddy(self.field)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.results = QTreeWidget()
        self.results.setHeaderLabels([self.tr("项目"), self.tr("页"), self.tr("结果")])
        self.results.setColumnWidth(0, 260)
        self.results.setColumnWidth(1, 90)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        clear = buttons.addButton(self.tr("清空(&L)"), QDialogButtonBox.ButtonRole.ResetRole)
        clear.setAutoDefault(False)
        clear.clicked.connect(self.clear)
        buttons.rejected.connect(self.reject)
        for b in buttons.buttons():  # Enter belongs to the field (a scanner ends with it)
            b.setAutoDefault(False)
            b.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.answer)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 560)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.field.setFocus()  # a scanner can be used at once

    def check(self) -> None:
        text = self.field.text()
        if not text.strip():
            return
        try:
            verdict = verify(self.repo, text)
        except StoreError as exc:
            self._show_answer(error_text(exc), ERROR_COLOUR)
            return
        if verdict.status == BAD_CODE:
            self.field.selectAll()  # to be corrected
        else:
            self.field.clear()  # ready for the next page
        self._add(verdict)

    def _form(self, v: Verdict) -> str:
        """Which form: the project's name (its own words) and year."""
        if not v.project_id:
            return ""
        return self.tr("{0}（{1}年度）").format(v.name or self.tr("（未命名项目）"), v.year)

    def _message(self, v: Verdict) -> str:
        """The verdict in the window's language."""
        if v.kind == paper.MISTYPED:
            return self._refusal(v.error)
        trashed = self.tr("（该项目在回收站中）") if v.trashed else ""
        if v.kind == paper.MATCHES:
            return self.tr("与当前数据一致") + trashed
        if v.kind == paper.DELETED:
            return self.tr("项目已从本文件中彻底删除")
        if v.kind == paper.NOT_HERE:
            return self.tr("项目不在本文件中")
        if v.printed_revision is not None:
            head = self.tr("这是第 {0} 版，当前是第 {1} 版").format(
                v.printed_revision, v.current_revision
            )
        else:
            head = self.tr("这是较早的版本，当前是第 {0} 版").format(v.current_revision)
        if v.changes_known == paper.NOT_KEPT:
            tail = self.tr("（打印的版本未保存在本文件中，无法列出改动）")
        elif v.changes_known == paper.SAME_CONTENT:
            tail = self.tr("，内容相同")
        else:
            tail = self.tr("，有 {0} 处改动").format(len(v.changes))
        return head + tail + trashed

    def _refusal(self, error) -> str:
        """Why a code was refused, in the window's language."""
        kind, details = getattr(error, "kind", ""), getattr(error, "details", ())
        if kind == "chars":
            chars, hint = details
            text = self.tr("校验码有误：含有校验码不用的字符 {0}").format(
                " ".join(f"“{ch}”" for ch in chars)
            )
            return text + (self.tr("（校验码中没有 0、1、O、I、L）") if hint else "")
        if kind == "length":
            return self.tr("校验码有误：应为 {0} 个字符，输入的是 %n 个", "", details[0]).format(12)
        texts = {
            "empty": self.tr("请输入纸质件上的校验码"),
            "check": self.tr("校验码有误：校验位不符，请逐个字符核对（可能输错或颠倒了字符）"),
            "not_ours": self.tr("校验码有误（不是本程序打印的校验码）"),
            "pages": self.tr("校验码有误（页码不对）"),
            "qr_incomplete": self.tr("二维码的内容不完整或不是本程序打印的，请重新扫描"),
            "qr_check": self.tr("二维码中的校验码有误，请重新扫描"),
            "qr_pages": self.tr("二维码中的页码与校验码不符，请重新扫描"),
            "qr_time": self.tr("二维码中的打印时间有误，请重新扫描"),
            "qr_mismatch": self.tr("二维码中的内容与校验码不符，请重新扫描"),
        }
        return texts.get(kind, str(error))

    def _lines(self, v: Verdict) -> list[str]:
        """The answer: which form and page, what it says, then the changes."""
        where = self._form(v)
        if where and v.page:
            where += self.tr("第 {0} 页 共 {1} 页").format(v.page, v.pages)
        message = self._message(v)
        head = self.tr("{0}：{1}").format(where, message) if where else message
        return [head, *(f"  {finding_text(c)}" for c in v.changes)]

    def _add(self, verdict: Verdict) -> None:
        colour = COLOURS.get(verdict.status, ERROR_COLOUR)
        self._show_answer("\n".join(self._lines(verdict)), colour)
        if verdict.status == BAD_CODE:
            return  # a typing error: nothing to list, the clerk types it again
        counted = self.batch.add(verdict)
        name = self._form(verdict) or self.tr("（未知）")
        page = self.tr("第 {0}/{1} 页").format(verdict.page, verdict.pages) if verdict.page else ""
        duplicate = bool(verdict.page) and not counted and verdict.status in (MATCH, CHANGED)
        message = (self.tr("（重复）") if duplicate else "") + self._message(verdict)
        item = QTreeWidgetItem([name, page, message])
        item.setForeground(2, QColor(colour))
        item.setToolTip(2, "\n".join(self._lines(verdict)))
        for change in verdict.changes:
            QTreeWidgetItem(item, ["", "", finding_text(change)])
        self.results.insertTopLevelItem(0, item)
        self.results.setCurrentItem(item)
        self._summarize()

    def _show_answer(self, text: str, colour: str) -> None:
        self.answer.setText(text)
        self.answer.setStyleSheet(f"color: {colour}; font-weight: bold")

    def _pages(self, numbers: list[int]) -> str:
        return page_list(numbers).replace("、", self.tr("、"))

    def _summarize(self) -> None:
        lines = []
        for verdict, present, missing in self.batch.summary():
            name = self._form(verdict)
            revision = (
                self.tr("第 {0} 版").format(verdict.printed_revision)
                if verdict.printed_revision is not None
                else ""
            )
            line = self.tr("{0}{1}：有第 {2} 页").format(name, revision, self._pages(present))
            if missing:
                line += self.tr("，缺第 {0} 页").format(self._pages(missing))
            else:
                line += self.tr("，共 %n 页，齐全", "", verdict.pages)
            lines.append(line)
        self.summary.setText("\n".join(lines))

    def clear(self) -> None:
        self.batch = PaperBatch()
        self.results.clear()
        self.summary.clear()
        self.answer.clear()
        self.field.clear()
        self.field.setFocus()
