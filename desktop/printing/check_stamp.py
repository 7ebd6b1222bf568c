"""The check code and QR code in each page's footer (see ``domain.checkcode``).

They sit in the bottom margin, left, under the table's first column and outside the
official grid. The QR text is 34 digits, a version 1 symbol (21 modules, error correction
level M: 15 % of it may be lost), drawn 1.44 pt a module — 3 pixels at 150 dpi, the
smallest module zbar still reads on a whole page scanned at 150 dpi after a photocopy's
blur — so 30.24 pt square, from 12 pt above the paper's edge (inside an ordinary
printer's reach) to 42.24: the layout keeps the table 48 pt above the edge, so 4 modules
of white (the quiet zone) separate them. The dark modules are thinned where they meet
light ones (``qr.image_data``). The grouped code and the print time stand beside it, left
of the centred page number.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from desktop.domain.checkcode import Stamp, compact_text, encode, grouped, stamp_for
from desktop.domain.model import Project
from desktop.printing import qr
from desktop.printing.layout import MARGIN_X

QR_MODULE = 1.44  # points: 3 pixels at 150 dpi
QR_SIZE = 21 * QR_MODULE  # a version 1 symbol
QR_BOTTOM = 12.0  # points above the paper's edge: inside an ordinary printer's reach
TEXT_X = MARGIN_X + QR_SIZE + 6.0
CODE_SIZE = 9.0
NOTE_SIZE = 7.5
CODE_BASELINE = 30.0
NOTE_BASELINE = 19.0
LABEL = "校验码"
LABEL_WIDTH = 3 * CODE_SIZE + CODE_SIZE / 2  # three CJK characters and a space


@dataclass
class PrintedForm:
    """What one printed form says about itself: the same on its pages, in the PDF's data
    and in the database's record of prints."""

    project_id: str
    revision: int
    content_hash: str
    pages: int
    printed_at: datetime  # local time, to the minute
    codes: list[str] = field(default_factory=list)
    qr: list[str] = field(default_factory=list)

    @classmethod
    def of(
        cls, project: Project, pages: int, printed_at: datetime, content_hash: str = ""
    ) -> PrintedForm:
        return cls(
            project.id,
            project.revision,
            content_hash or project.content_hash(),
            pages,
            printed_at.replace(second=0, microsecond=0),
        )

    def stamp(self, page: int) -> Stamp:
        return stamp_for(
            self.project_id, self.content_hash, self.revision, page, self.pages, self.printed_at
        )

    def page(self, page: int) -> tuple[str, str]:
        """The code and the QR text of a page (the form's stamp made once; the same as
        ``stamp(page).code`` and ``.qr_text``)."""
        first = self.__dict__.get("_first")
        if first is None:
            first = self.__dict__["_first"] = self.stamp(1)
        code = encode(first.id_key, first.hash_key, page, first.pages)  # = Stamp.code
        text = compact_text(first, page) or replace(first, page=page).qr_text
        return code, text

    def to_dict(self) -> dict:
        return {
            "project_id": self.project_id,
            "revision": self.revision,
            "content_hash": self.content_hash,
            "pages": self.pages,
            "printed_at": self.printed_at.strftime("%Y-%m-%d %H:%M"),
            "codes": [grouped(c) for c in self.codes],
            "qr": list(self.qr),
        }


def draw(drawer, form: PrintedForm, page: int) -> str:
    """The code with the print time in the footer; returns the operators of the QR symbol
    beside them (a one-bit image mask in binary), for the caller to end the page with
    (``pdf_stream``: the page's last part, compressed apart)."""
    code, text = form.page(page)
    form.codes.append(code)
    form.qr.append(text)
    drawer.text_line(TEXT_X, CODE_BASELINE, LABEL, CODE_SIZE)
    drawer.text_line(TEXT_X + LABEL_WIDTH, CODE_BASELINE, grouped(code), CODE_SIZE, remember=False)
    note = form.__dict__.get("_note")
    if note is None:  # the same on every page of the form
        note = f"{form.printed_at:%Y-%m-%d %H:%M} 打印"
        if form.revision:  # 0: a form not saved in a file (printed from an import)
            note = f"第 {form.revision} 版　{note}"
        form.__dict__["_note"] = note
    drawer.text_line(TEXT_X, NOTE_BASELINE, note, NOTE_SIZE)
    return qr.image_ops(text, MARGIN_X, QR_BOTTOM, QR_SIZE)
